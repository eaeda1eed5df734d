search-title = Hizmet ara
search-label = Arama terimi
search-submit = Ara
search-empty = Ne yapmak istediğinizi yazın, örneğin "büyük eşya" ya da "köpek kaydı". Hizmetler Almanca yazılmıştır; Almanca bir sözcük ("Sperrmüll", "Hund") en iyi sonucu verir.
search-count = { $count ->
    [one] "{ $query }" için bir hizmet
   *[other] "{ $query }" için { $count } hizmet
}
search-none = "{ $query }" için hizmet bulunamadı
search-did-you-mean = Bunu mu demek istediniz:
search-corrected = Sonuçlar kalın yazılan kelimeler içindir.
search-help-spelling = Yazımı kontrol edin.
search-help-fewer = Daha az ya da başka sözcükler deneyin; örneğin işi değil, şeyi yazın ("Personalausweis", kimlik kartı).
search-help-catalogue = Tüm hizmetleri yaşam durumuna göre görün
search-error = Arama şu anda kullanılamıyor. Lütfen daha sonra tekrar deneyin ya da tüm hizmetlere bakın.
search-narrow = Sonuçları daralt
search-narrow-department = Birime göre
search-narrow-life-situation = Yaşam durumuna göre
search-narrow-all = Tümü
search-help-widen = Daraltmadan ara
search-suggestions = { $count ->
    [one] Bir öneri
   *[other] { $count } öneri
}

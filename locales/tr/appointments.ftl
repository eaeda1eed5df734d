## Şehrin hizmet birimlerinde randevu (vatandaşların sayfaları; personel sayfaları Almanca)
appointments-nav = Randevular
appointments-title = Randevu alın
appointments-summary = Vatandaş bürosunda veya başka bir belediye biriminde randevu alın, değiştirin ya da iptal edin.
appointments-intro = Randevu almak istediğiniz hizmeti seçin. Ardından kişi sayısını, birimi, günü ve saati seçin. Oturum açmanız gerekmez.
appointments-none = Şu anda çevrimiçi randevu alınamıyor.
appointments-choose-service = A'dan Z'ye hizmetler
appointments-back-to-start = Hizmet seçimine dön
appointments-not-found = Bu sayfa yok (artık yok)
appointments-error = Şu anda randevu alınamıyor
appointments-persons-label = Kaç kişi için?
appointments-combine = Aynı randevuda halledilecek diğer işler (isteğe bağlı)
appointments-near-label = Posta kodu (isteğe bağlı)
appointments-near-hint = Posta kodunuzla size en yakın birimleri önce gösteririz.
appointments-find-offices = Birimleri göster
appointments-services = İşler
appointments-persons = Kişi sayısı
appointments-office = Birim
appointments-when = Randevu
appointments-offices-title = Birim seçin
appointments-order-earliest = En erken boş güne göre sıralı.
appointments-order-distance = { $postcode } posta koduna uzaklığa göre sıralı.
appointments-location-use = Konumumu kullan
appointments-location-waiting = Tarayıcınız konumunuzu soruyor …
appointments-location-got = Konum alındı: en yakın birimleri önce gösteriyoruz.
appointments-location-refused = Konumunuz kullanılamıyor. Bunun yerine posta kodunuzu girebilirsiniz.
appointments-order-here = Konumunuza uzaklığa göre sıralı.
appointments-order-by-distance = Uzaklığa göre sırala
appointments-near-unknown = { $postcode } posta kodu için bir konum bilmiyoruz. Birimler en erken boş güne göre sıralı.
appointments-no-office = Seçilen işlerin hepsini birlikte sunan bir birim yok. Bir randevu için daha az iş seçin.
appointments-earliest = En erken boş gün: { $day }
appointments-no-free-day = Önümüzdeki haftalarda burada boş randevu yok.
appointments-distance = Uzaklık: yaklaşık { $km } km
appointments-calendar-title = Gün ve saat seçin
appointments-length = Randevu { $minutes } dakika sürer.
appointments-times = Boş saatler
appointments-times-of = { $day } için boş saatler
appointments-times-hint = Bir saat seçtiğinizde, bilgilerinizi girerken o saati birkaç dakika sizin için ayırırız.
appointments-choose-day-first = Önce aşağıdan bir gün seçin.
appointments-days = Boş randevusu olan günler
appointments-other-office = Başka bir birim seçin
appointments-note-taken = Bu saat az önce alındı. Diğer boş saatler burada.
appointments-note-time = Bu saat için randevu alınamaz. Lütfen boş saatlerden birini seçin.
appointments-note-many = Bağlantınızdan kısa sürede çok fazla saat ayrıldı. Lütfen birkaç dakika sonra tekrar deneyin.
appointments-note-proof = Tarayıcınızın denetiminin süresi doldu ya da zaten kullanıldı. Lütfen saati yeniden seçin.
appointments-note-day = Bu gün için randevu alınamaz. Lütfen boş randevusu olan günlerden birini seçin.
appointments-day-past = Bu gün geçmişte kaldı.
appointments-day-beyond = Bu kadar ileri bir tarih için henüz randevu alınamıyor.
appointments-day-invalid = Bu, takvimde bir gün değil.
appointments-day-full = Bu günde artık boş saat yok.
appointments-held-title = Bilgileriniz
appointments-held-left = Saat { $minutes } dakika daha sizin için ayrılmış durumda.
appointments-details = İletişim bilgileri
appointments-details-from-sign-in = Ad ve e-posta adresi oturum açma bilgilerinizden alınır.
appointments-name = Ad ve soyad
appointments-email = E-posta adresi
appointments-phone = Telefon numarası (isteğe bağlı)
appointments-wrong-name = Lütfen adınızı girin.
appointments-wrong-email = Lütfen ad@example.org gibi bir e-posta adresi girin.
appointments-wrong-telefon = Lütfen yalnızca rakam, boşluk ve + - / ( ) içeren bir telefon numarası girin ya da alanı boş bırakın.
appointments-too-many = Bu e-posta adresinin bu iş için, bir kişinin alabileceği kadar yaklaşan randevusu zaten var. Lütfen önce birini iptal edin; bağlantısı onay e-postasındadır.
appointments-book = Randevuyu al
appointments-release = Saati serbest bırak
appointments-unconfirmed-title = Lütfen e-posta adresinizi onaylayın
appointments-unconfirmed-text = { $email } adresine bir bağlantı gönderdik. Bağlantıyı { $minutes } dakika içinde açarsanız randevunuz alınır. Aksi halde saat yeniden boşa çıkar.
appointments-booked-title = Randevunuz alındı
appointments-reference = Randevu numaranız:
appointments-booked-mail = Onayı takvim dosyasıyla birlikte { $email } adresine gönderdik.
appointments-bring = Yanınızda getirmeniz gerekenler
appointments-move-title = Yeni gün ve saat seçin
appointments-move-heading = Randevuyu ertele
appointments-move = Başka bir gün veya saat seçin
appointments-cancel-title = Randevuyu iptal et
appointments-cancel-text = Gelemeyecekseniz, başkası kullanabilsin diye lütfen randevuyu iptal edin.
appointments-cancel = Randevuyu iptal et
appointments-cancelled-title = Randevu iptal edildi
appointments-book-new = Yeni randevu al
appointments-expired-title = Bu ayırmanın süresi doldu
appointments-expired-text = Bilgileriniz veya onay için verilen süre doldu; saat yeniden boş.
appointments-confirm-title = Randevuyu onaylayın
appointments-confirm = Randevuyu şimdi onayla
appointments-manage-long = Randevuyu görüntüle, ertele veya iptal et
appointments-overview-none = Yaklaşan randevunuz yok.
appointments-manage = Randevuyu görüntüle veya iptal et
appointments-date = { $day } { $month } { $year } { $weekday }
appointments-weekday-1 = Pazartesi
appointments-weekday-2 = Salı
appointments-weekday-3 = Çarşamba
appointments-weekday-4 = Perşembe
appointments-weekday-5 = Cuma
appointments-weekday-6 = Cumartesi
appointments-weekday-7 = Pazar
appointments-month-1 = Ocak
appointments-month-2 = Şubat
appointments-month-3 = Mart
appointments-month-4 = Nisan
appointments-month-5 = Mayıs
appointments-month-6 = Haziran
appointments-month-7 = Temmuz
appointments-month-8 = Ağustos
appointments-month-9 = Eylül
appointments-month-10 = Ekim
appointments-month-11 = Kasım
appointments-month-12 = Aralık

## Vatandaşa e-postalar
appointments-mail-confirm = Lütfen randevunuzu onaylayın
appointments-mail-confirm-body =
    Bir randevu ayırdınız. Randevu ancak e-posta adresinizi onayladığınızda alınmış olur.
    Lütfen bu bağlantıyı { $minutes } dakika içinde açın: { $link }
    Randevu ayırmadıysanız bu mesajı silebilirsiniz.
appointments-mail-booked = { $day } günü saat { $from } için { $reference } numaralı randevunuz
appointments-mail-booked-body =
    Randevunuz alındı.
    Randevu numarası: { $reference }
    Ne zaman: { $day }, { $from } – { $to }
    Nerede: { $office }, { $address }
    İşler: { $services } ({ $persons } kişi için)
    Yanınızda getirmeniz gerekenler: { $bring_link }
    Görüntüle, ertele veya iptal et: { $link }
    Ekteki takvim dosyasını takviminize ekleyebilirsiniz.
appointments-mail-moved = Randevunuz ertelendi: { $reference }, { $day } saat { $from }
appointments-mail-moved-body =
    Randevunuz ertelendi. Önceki randevu iptal edildi ve saati yeniden boş.
    Yeni randevu numarası: { $reference }
    Ne zaman: { $day }, { $from } – { $to }
    Nerede: { $office }, { $address }
    İşler: { $services } ({ $persons } kişi için)
    Yanınızda getirmeniz gerekenler: { $bring_link }
    Görüntüle, ertele veya iptal et: { $link }
    Ekteki takvim dosyasını takviminize ekleyebilirsiniz.
appointments-mail-cancelled = { $reference } numaralı randevunuz iptal edildi
appointments-mail-cancelled-body =
    { $office } biriminde { $day } günü saat { $from } için { $reference } numaralı randevunuz iptal edildi.
    Saat yeniden boş.
appointments-mail-blocked = { $reference } numaralı randevunuz gerçekleşemiyor
appointments-mail-blocked-body =
    Üzgünüz: { $office } biriminde { $day } günü saat { $from } için { $reference } numaralı randevunuz gerçekleşemiyor: { $reason }
    Lütfen yeni bir randevu alın: { $book_link }
appointments-mail-reminder = Hatırlatma: yarın saat { $from } randevunuz var
appointments-mail-reminder-body =
    { $reference } numaralı randevunuzu hatırlatırız: yarın, { $day }, { $from } – { $to }.
    Nerede: { $office }, { $address }
    Yanınızda getirmeniz gerekenler: { $bring_link }

## Vatandaşın kendi verilerinin kopyası
appointments-data-title = Randevularınız
appointments-data-note = İletişim bilgilerinizi içeren randevular, tarihlerinden birkaç hafta sonra silinir.
appointments-data-reference = Randevu numarası
appointments-data-office = Birim (numara)
appointments-data-day = Gün
appointments-data-state = Durum
appointments-data-persons = Kişi sayısı
appointments-data-services = İşler (numaralar)
appointments-data-made = Alındığı tarih
appointments-state-held = ayrıldı
appointments-state-unconfirmed = onay bekliyor
appointments-state-booked = alındı
appointments-state-expired = süresi doldu
appointments-state-cancelled = iptal edildi

# Portal kabuğunun metinleri: üst kısım, alt kısım, ana sayfa, zorunlu sayfalar.
# Bir şehir zorunlu sayfaların metinlerini (künye vb.) kendi metinleriyle değiştirir.

shell-site-name = Hizmet portalı
shell-meta-description = Belediye hizmetlerine çevrimiçi başvurun, başvurularınızı takip edin ve yakınınızdaki hizmetleri bulun.
shell-skip-link = İçeriğe geç
shell-demo-label = Deneme kurulumu:
shell-demo-text = Tüm içerikler örnektir. Başvurular işleme alınmaz.
shell-nav-label = Ana menü
shell-nav-home = Ana sayfa
shell-language-label = Dil seçin
shell-footer-label = Yasal bilgiler
shell-footer-licence = EUPL-1.2 lisansı altında özgür yazılım.

shell-home-title = Belediye hizmetleri çevrimiçi
shell-home-intro = Belediye hizmetlerine başvurun, başvurularınızın durumunu takip edin ve yakınınızdaki hizmetleri bulun.
shell-catalogue-heading = Çevrimiçi hizmetler
shell-catalogue-empty = Çevrimiçi hizmetler kullanıma açılır açılmaz burada görünecek.
shell-catalogue-error = Çevrimiçi hizmetler şu anda gösterilemiyor. Lütfen birkaç dakika sonra tekrar deneyin.

shell-not-found-title = Sayfa bulunamadı
shell-not-found-text = Bu adreste bir sayfa yok. Sayfa taşınmış olabilir ya da adreste bir yazım hatası olabilir.
shell-not-found-home = Ana sayfaya git
shell-forbidden-title = Bu sayfaya erişiminiz yok
shell-forbidden-page = Sayfa:
shell-forbidden-text = Oturum açtınız, ancak hesabınızın bu sayfayı açan bir rolü yok. Dosya işleme ve yönetim sayfaları, ilgili role sahip personel içindir. Bu role sahip olmanız gerekiyorsa lütfen biriminizin yöneticilerine başvurun.
shell-forbidden-account = Hesabınıza bakın: oturum açarken hangi roller geldi
shell-unavailable-title = Hizmet portalında şu anda bir aksaklık var
shell-unavailable-text = Sorun üzerinde çalışıyoruz. Lütfen birkaç dakika sonra tekrar deneyin; kaydettiğiniz ya da gönderdiğiniz her şey korunur.

shell-imprint-title = Künye
shell-imprint-intro = Alman Dijital Hizmetler Yasası (DDG) § 5 ve Eyaletlerarası Medya Antlaşması (MStV) § 18 uyarınca bilgiler.
shell-imprint-publisher-heading = Yayıncı
shell-imprint-publisher-text = Musterstadt Belediyesi, Belediye Başkanı tarafından temsil edilir, Rathausplatz 1, 12345 Musterstadt.
shell-imprint-contact-heading = İletişim
shell-imprint-contact-text = Telefon +49 123 456-0, e-posta serviceportal@musterstadt.example
shell-imprint-responsible-heading = İçerikten sorumlu
shell-imprint-responsible-text = Belediye idaresinin birimleri, her biri kendi çevrimiçi hizmetleri için.
shell-imprint-platform-heading = Bu yazılım hakkında
shell-imprint-platform-text = Hizmet portalı, Avrupa Birliği Kamu Lisansı (EUPL-1.2) altında özgür yazılımdır. Başka idareler onu kullanabilir, inceleyebilir ve geliştirebilir.

shell-privacy-title = Gizlilik bildirimi
shell-privacy-intro = Verilerinizi yalnızca çevrimiçi hizmetlerin gerektirdiği ölçüde işliyoruz.
shell-privacy-controller-heading = Veri sorumlusu
shell-privacy-controller-text = Musterstadt Belediyesi, Rathausplatz 1, 12345 Musterstadt. Veri koruma görevlisine datenschutz@musterstadt.example adresinden ulaşabilirsiniz.
shell-privacy-data-heading = Hangi verileri işliyoruz
shell-privacy-data-text = Başvurularınızdaki bilgileri, ilgili yasal görevi yerine getirmek için işliyoruz (GVKT madde 6 fıkra 1 bent e).
shell-privacy-cookies-heading = Çerezler
shell-privacy-cookies-text = Yalnızca teknik olarak gerekli çerezler kullanıyoruz: biri seçtiğiniz dil için, oturum açtıktan sonra da biri oturumunuz için. Analiz ya da reklam çerezi ve üçüncü taraf içeriği yoktur.
shell-privacy-logs-heading = Sunucu kayıtları
shell-privacy-logs-text = Güvenli işletim için sunucu her isteğin zamanını, adresini ve sonucunu kaydeder. Kayıtlar kısa bir süre sonra silinir.
shell-privacy-rights-heading = Haklarınız
shell-privacy-rights-text = Bilgi alma, düzeltme, silme, işlemenin kısıtlanması ve itiraz haklarına ve veri koruma denetim makamına şikâyette bulunma hakkına sahipsiniz.

shell-accessibility-title = Erişilebilirlik beyanı
shell-accessibility-intro = Belediye, hizmet portalını Alman erişilebilirlik yönetmeliği BITV 2.0 uyarınca erişilebilir kılmaya çalışır.
shell-accessibility-status-heading = Uyum durumu
shell-accessibility-status-text = Portal, WCAG 2.1 A ve AA düzeylerine göre otomatik olarak denetlenir ve klavyeyle test edilir. Bildiğimiz kadarıyla büyük ölçüde uyumludur.
shell-accessibility-gaps-heading = Erişilebilir olmayan içerikler
shell-accessibility-gaps-text = Alman İşaret Dili'ndeki içerikler hâlâ hazırlanıyor. "Leichte Sprache" (Kolay Dil) sayfası hizmet portalını kolay sözcüklerle anlatır.
shell-accessibility-preparation-heading = Bu beyanın hazırlanışı
shell-accessibility-preparation-text = Bu beyan bir öz değerlendirmeye dayanır ve her sürümde gözden geçirilir.
shell-accessibility-feedback-heading = Geri bildirim ve iletişim
shell-accessibility-feedback-text = Bir engelle mi karşılaştınız? barrierefreiheit@musterstadt.example adresine yazın. Altı hafta içinde yanıt veririz.
shell-accessibility-enforcement-heading = Uygulama süreci
shell-accessibility-enforcement-text = Tatmin edici bir yanıt alamazsanız, Federal Hükümetin Engelli Kişiler Sorumlusu nezdindeki, Alman Engellilerin Eşitliği Yasası (BGG) § 16 uyarınca kurulan uzlaştırma kuruluna başvurabilirsiniz.

shell-easy-language-title = Kolay dil
shell-easy-language-intro = Burada hizmet portalını kolay sözcüklerle anlatıyoruz.
shell-easy-language-what-heading = Hizmet portalı nedir?
shell-easy-language-what-text =
    Hizmet portalı, belediyenin bir internet sitesidir.
    Burada belediyedeki işlerinizi yapabilirsiniz.
    Bunun için bir daireye gitmeniz gerekmez.
    Portal her zaman açıktır.
    Akşamları ve hafta sonları da.
shell-easy-language-services-heading = Burada ne yapabilirsiniz?
shell-easy-language-services-text =
    Bir başvuru yapabilirsiniz.
    Başvuru, belediyeden bir şey istemektir.
    Örneğin:
    Köpeğinizi kaydettirmek istiyorsunuz.
    Ya da belediyenin büyük eşyalarınızı almasını istiyorsunuz.
    Büyük eşya, evinizden çıkan büyük şeylerdir.
    Örneğin eski bir kanepe.
    Ana sayfada tüm başvuruları görürsünüz.
shell-easy-language-find-heading = Doğru şeyi nasıl bulursunuz
shell-easy-language-find-text =
    Her sayfanın üstünde bir arama kutusu vardır.
    Kutuya ne istediğinizi yazın.
    Örneğin: köpek.
    Sonra şuna tıklayın: Ara.
    Bir liste görürsünüz.
    Listede doğru olana tıklayın.
shell-easy-language-sign-in-heading = Oturum açmak
shell-easy-language-sign-in-text =
    Başvuru için oturum açmanız gerekir.
    Böylece belediye bilir: Başvuru gerçekten sizden geliyor.
    BayernID ile oturum açarsınız.
    BayernID, Bavyera'daki daireler için bir hesaptır.
    Bazı başvurular kimlik kartınızı ister.
    Kimlik kartının çevrimiçi işlevi açık olmalıdır.
    Kimlik kartının PIN'ine de ihtiyacınız vardır.
shell-easy-language-apply-heading = Nasıl başvuru yaparsınız
shell-easy-language-apply-text =
    Başvuru birkaç adımdan oluşur.
    Her adımda birkaç soruyu yanıtlarsınız.
    Sonra şuna tıklayın: Devam.
    Bir şey eksik mi?
    O zaman sorunun yanında bir uyarı görürsünüz.
    Şu anda vaktiniz yok mu?
    O zaman şuna tıklayın: Kaydet ve daha sonra devam et.
    Yanıtlarınız kayıtlı kalır.
    Sonunda tüm yanıtlarınızı görürsünüz.
    Sonra şuna tıklayın: Başvuruyu gönder.
    Bir numara alırsınız.
    Bu numaranın adı: dosya numarası.
    Numarayı bir yere yazın.
shell-easy-language-status-heading = Sonra ne olur?
shell-easy-language-status-text =
    Belediyeden biri başvurunuzu okur.
    "Başvurularım" sayfasında ne olduğunu görürsünüz.
    Belediyenin sizden başka bir şeye ihtiyacı mı var?
    O zaman bir e-posta alırsınız.
    E-postada şu yazar: Hizmet portalına bakın.
shell-easy-language-help-heading = Yardım
shell-easy-language-help-text =
    Bir sorunuz mu var?
    Ya da ilerleyemiyor musunuz?
    O zaman şu numarayı arayın: 0123 456-0.
    Ya da şu adrese e-posta yazın: serviceportal@musterstadt.example
    Başka bir dil mi istiyorsunuz?
    Her sayfanın üstünde dili seçebilirsiniz.

shell-sign-in = Oturum aç
shell-sign-out = Oturumu kapat
shell-signed-in-as = Oturum açan:
shell-sign-in-title = Oturum aç
shell-sign-in-demo-note = Deneme girişi: örnek bir kişi seçin. Gerçek bir kurulumda BayernID ya da personel hesabınızla oturum açarsınız.
shell-sign-in-choose = Kim olarak oturum açmak istiyorsunuz?
shell-sign-in-level-needed = Bu hizmet, { $level } güven düzeyinde bir oturum açma gerektirir. Yalnızca bu düzeye ulaşan kişiler gösterilir.
shell-persona-citizen = Erika Mustermann, vatandaş (güven düzeyi önemli)
shell-persona-citizen-low = Jonas Neumann, vatandaş (güven düzeyi düşük)
shell-persona-citizen-high = Aylin Yılmaz, çevrimiçi kimlik kartlı vatandaş (güven düzeyi yüksek)
shell-persona-caseworker = Max Beispiel, KVR ve Sosyal İşler Dairesi'nde dosya sorumlusu
shell-persona-caseworker-awm = Lena Vogel, Atık Yönetimi ve KVR'de dosya sorumlusu
shell-persona-caseworker-awm-2 = Tom Huber, Atık Yönetimi'nde dosya sorumlusu
shell-persona-department-admin-2 = Jan Freigabe, KVR'de ikinci birim yöneticisi
shell-persona-department-admin = Dana Verwaltung, KVR'de birim yöneticisi
shell-persona-platform-admin = Paul Betrieb, platform işletimi

shell-account-title = Hesabınız
shell-account-intro = Hizmet portalı bu bilgileri oturum açtığınızda oturum açma hizmetinden aldı. Yalnızca bu oturum boyunca saklanırlar.
shell-account-signed-out = Oturum açmadınız.
shell-account-not-given = belirtilmedi
shell-account-name = Ad
shell-account-email = E-posta adresi
shell-account-address = Adres
shell-account-level = Oturum açmanın güven düzeyi
shell-account-roles = Roller
shell-account-roles-unmatched = portalın rollerinden hiçbiri yok (gelen: { $received })
shell-account-departments = Birimler
shell-level-low = düşük
shell-level-substantial = önemli
shell-level-high = yüksek
shell-level-unknown = belirtilmedi
shell-role-citizen = vatandaş
shell-role-caseworker = dosya sorumlusu
shell-role-department-admin = birim yöneticisi
shell-role-platform-admin = platform işletimi
shell-sign-in-failed-title = Oturum açılamadı
shell-sign-in-failed-cancelled = Oturum açmayı iptal ettiniz.
shell-sign-in-failed-expired = Oturum açma işleminin süresi doldu ya da daha önce kullanıldı. Lütfen yeniden oturum açın.
shell-sign-in-failed-unavailable = Oturum açma hizmetine şu anda ulaşılamıyor. Lütfen daha sonra tekrar deneyin.
shell-sign-in-failed-other = Oturum açılamadı. Lütfen tekrar deneyin.
shell-sign-in-failed-again = Yeniden oturum aç
shell-level-refused-title = Daha yüksek güven düzeyinde oturum açma tamamlanmadı
shell-level-refused-needed = Bu hizmet, “{ $level }” güven düzeyinde bir oturum açma gerektirir. Bu düzeyde oturum açma tamamlanmadı.
shell-level-refused-how = BayernID ile bu düzeye örneğin kimlik kartınızın çevrimiçi işleviyle (eID) ya da bir ELSTER sertifikasıyla ulaşırsınız. Kimlik kartınızı ve PIN'inizi ya da ELSTER sertifika dosyanızı hazır bulundurun.
shell-level-refused-still-signed-in = “{ $level }” güven düzeyinde oturumunuz hâlâ açık. Bu düzeyi gerektiren hizmetleri kullanmaya devam edebilirsiniz.
shell-level-refused-signed-out = Oturum açmadınız.
shell-level-refused-again = Bu düzeyde yeniden oturum aç

## E-postalar
shell-mail-greeting = Merhaba,
shell-mail-footer =
    Bu ileti hizmet portalı tarafından otomatik olarak gönderildi; lütfen yanıtlamayın.
    Güvenliğiniz için başvurunuzun ayrıntılarını içermez. Tüm bilgileri hizmet portalında oturum açtıktan sonra bulursunuz.

## Kişinin kendi verilerinin kopyası
shell-data-heading = Verilerinizi indirin
shell-data-intro = Hizmet portalının sizinle ilgili sakladığı her şeyi tek bir ZIP arşivi olarak alırsınız: yanıtlarınız ve dosyalarınızla başvurularınız, taslaklar, iletiler ve kararlarla dosyalar. İçindeki "index.html" dosyası her şeyi anlaşılır biçimde gösterir; "data.json" aynısını başka programlarda kullanmak için içerir.
shell-data-download = Tüm verilerimi indir (ZIP)
shell-data-archive-title = Hizmet portalındaki verileriniz
shell-data-archive-made = { $date } tarihinde derlendi.
shell-data-archive-intro = Bu genel bakış, hizmet portalının sizinle ilgili sakladığı her şeyi içerir (bilgi alma hakkı, GVKT madde 15). Dosyalar bu sayfanın yanındaki klasörlerdedir ve burada bağlantılıdır. Aynı veriler makinece okunabilir biçimde "data.json" dosyasındadır (GVKT madde 20).
shell-data-archive-contents = İçindekiler
shell-data-answers = Yanıtlarınız
shell-data-history = Geçmiş
shell-data-files = Dosyalar
shell-data-file-missing = okunamadı; lütfen ilgili daireye başvurun
shell-data-file-name = verilerim
shell-data-account = Hesabınız
shell-data-account-record = Oturum açmanızdan gelen bilgiler
shell-data-busy = Şu anda çok sayıda kopya derleniyor. Lütfen birkaç saniye sonra tekrar deneyin.
shell-data-failed = Verileriniz şu anda derlenemedi. Lütfen daha sonra tekrar deneyin.
shell-data-back = Hesabınıza dön

## Üst kısımdaki arama kutusu
shell-search-label = Hizmet ara
shell-search-submit = Ara

## Açık arayüz (/api)
shell-api-title = Arka ofis sistemleri için arayüz
shell-api-intro = Belediyenin arka ofis sistemleri (belge yönetimi, ödeme, siciller) kendi birimlerinin dosyalarını /api/v1 açık arayüzü üzerinden işler: dosyaları listeleyip okur, belgeleri indirir, durumlarını değiştirir, başvuru sahibine yazar ve iç notlar ekler – dosya sorumlularıyla aynı kurallara göre.
shell-api-document = OpenAPI belgesi (OpenAPI 3.1, JSON)
shell-api-client-heading = Üretilmiş bir istemciyle başlayın
shell-api-client = En hızlı başlangıç, bir üreticinin OpenAPI açıklamasından yazdığı bir istemcidir; örneğin openapi-python-client (PyPI) veya progenitor (crates.io). Her çağrının kendine ait bir adı vardır (operationId, örneğin listCases veya getCase); istemci yöntemlerini bu adla adlandırır. Portalın testleri tam olarak bu yolu izler: dosyaları listeleme, birini okuma, not ekleme, üstlenme.
shell-api-access-heading = Erişim
shell-api-access-client = İşletim birimi sistemi belediyenin kimlik sağlayıcısında istemci olarak kaydeder (client-credentials grant) ve portala sistemin hangi birimler için çalıştığını ve neler yapabileceğini (kapsamlar) girer.
shell-api-access-token = Sistem, kimlik sağlayıcıdan portalın hedef kitlesi için bir erişim belirteci (JWT) alır.
shell-api-access-call = Her çağrı belirteci "Authorization: Bearer …" başlığında taşır. Her çağrı denetim kaydına yazılır; her sistem dakikada sınırlı sayıda çağrı yapabilir.
shell-api-operations-heading = Çağrılar
shell-api-scope = Gereken kapsam
shell-api-body = İstek gövdesi (JSON)
shell-api-parameters = Parametreler
shell-api-parameter-name = Ad
shell-api-parameter-in = Yer
shell-api-meaning = Anlamı
shell-api-required = (zorunlu)
shell-api-responses = Yanıtlar
shell-api-status = Durum
shell-api-unavailable = Arayüzün açıklaması şu anda kullanılamıyor.
shell-api-problems-heading = Sorun türleri
shell-api-problems-intro = Arayüz hataları application/problem+json olarak sorun ayrıntılarıyla (RFC 9457) yanıtlar. "type" alanı aşağıdaki bölümlerden birine bağlanır; varsa "code" tam durumu adlandırır.
shell-api-problem-unauthorized = Geçerli erişim belirteci yok: gönderilmedi, sahte, süresi dolmuş, başka bir hedef kitle için ya da başka bir yayıncıdan.
shell-api-problem-insufficient-scope = Sistemin bu çağrı için gereken kapsamı yok.
shell-api-problem-forbidden = Sistem portalda kayıtlı değil ya da bunu yapamaz.
shell-api-problem-not-found = Sistemin görebildikleri arasında bu kimlikle bir şey yok.
shell-api-problem-invalid = İstek hatalı biçimlendirilmiş ya da bir değer geçersiz; "detail" hangisi olduğunu söyler.
shell-api-problem-conflict = Dosya okunan sürümden bu yana değişti ya da durumu buna izin vermiyor. Yeniden okuyun ve yeniden karar verin.
shell-api-problem-too-large = İstek gövdesi 64 KiB'den büyük.
shell-api-problem-unsupported-media-type = İstek gövdesi JSON değil.
shell-api-problem-too-many-requests = Çok fazla çağrı; "Retry-After" kaç saniye sonra devam edileceğini söyler.
shell-api-problem-internal = Portalda bir hata; çağrı daha sonra tekrarlanabilir.
shell-api-problem-unavailable = Kimlik sağlayıcının anahtarlarına şu anda ulaşılamıyor; çağrı daha sonra tekrarlanabilir.

## Arka ofis sistemlerine teslimat kaydı (/dienststelle/zustellungen)
shell-deliveries-title = Arka ofis sistemlerine teslimatlar
shell-deliveries-intro = Birimlerinizin dosyalarına ait olaylar; portal bunları abone sistemlere gönderir (webhook). Bir alıcı bir olayı kabul etmezse portal giderek uzayan aralarla yeniden dener.
shell-deliveries-none = Henüz teslimat yok.
shell-deliveries-unavailable = Kayıt şu anda kullanılamıyor.
shell-deliveries-caption = En yeni teslimatlar
shell-deliveries-event = Olay
shell-deliveries-at = Zaman
shell-deliveries-target = Alıcı
shell-deliveries-attempts = Denemeler
shell-deliveries-state = Durum
shell-deliveries-last = Son yanıt
shell-deliveries-delivered = { $at } tarihinde teslim edildi
shell-deliveries-failed = { $at } tarihinde vazgeçildi
shell-deliveries-pending = sonraki deneme { $at }

# Tarihlerin sayfalarda nasıl yazıldığı (chrono strftime).
shell-date-format = %d.%m.%Y
shell-decimal-separator = { "," }

# Modul „Barrierefreie Toiletten“.

toilets-nav = Barrierefreie Toiletten
toilets-catalogue-title = Barrierefreie Toiletten finden
toilets-catalogue-summary = Öffentliche Toiletten mit stufenlosem Zugang, nach Stadtbezirk, mit Öffnungszeiten und Euroschlüssel-Angabe.
toilets-title = Barrierefreie Toiletten
toilets-intro = Alle hier aufgeführten Toiletten sind stufenlos erreichbar und für Rollstühle geeignet.
toilets-loading = Toiletten werden geladen …
toilets-error = Die Toiletten konnten gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.
toilets-filter-label = Toiletten filtern
toilets-district = Stadtbezirk
toilets-district-all = Alle Stadtbezirke
toilets-free-only = Nur kostenlose Toiletten
toilets-apply = Filter anwenden
toilets-count = { $count ->
    [0] Keine Toilette gefunden
    [one] 1 Toilette gefunden
   *[other] { $count } Toiletten gefunden
}
toilets-address = Adresse
toilets-hours = Öffnungszeiten
toilets-euro-key = Euroschlüssel nötig
toilets-changing-table = Wickeltisch
toilets-fee = Gebühr
toilets-fee-free = kostenlos
toilets-yes = ja
toilets-no = nein

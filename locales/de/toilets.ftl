# Modul „Toiletten-Finder“.

toilets-nav = Toiletten finden
toilets-catalogue-title = Öffentliche Toiletten finden
toilets-catalogue-summary = Öffentliche und barrierefreie Toiletten in Ihrer Nähe: geöffnet jetzt, mit Euroschlüssel, Wickeltisch oder kostenlos, auf Liste und Karte.
toilets-title = Öffentliche Toiletten finden
toilets-intro = Finden Sie öffentliche Toiletten in Ihrer Nähe, auch solche mit stufenlosem Zugang, Euroschlüssel oder Wickeltisch.
toilets-error = Die Toiletten konnten gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.
toilets-not-found = Diese Toilette ist nicht (mehr) verzeichnet.
toilets-back = Zurück zur Toilettensuche
toilets-filter-label = Toiletten suchen
toilets-where = Wo?
toilets-address-search = Adresse oder Postleitzahl
toilets-address-hint = Zum Beispiel: Marienplatz 1 oder 80331
toilets-location-use = Meinen Standort verwenden
toilets-location-waiting = Ihr Browser fragt nach Ihrem Standort …
toilets-location-got = Standort übernommen: Nach dem Suchen zeigen wir die nächstgelegenen Toiletten zuerst.
toilets-location-refused = Ihr Standort ist nicht verfügbar. Sie können stattdessen einen Stadtbezirk wählen.
toilets-district = Stadtbezirk
toilets-district-all = Alle Stadtbezirke
toilets-wheelchair = Rollstuhlgerecht
toilets-wheelchair-any = Egal
toilets-wheelchair-need-yes = Nur vollständig rollstuhlgerecht
toilets-wheelchair-need-limited = Vollständig oder eingeschränkt rollstuhlgerecht
toilets-wheelchair-yes = ja
toilets-wheelchair-limited = eingeschränkt
toilets-wheelchair-no = nein
toilets-wheelchair-unknown = nicht bekannt
toilets-equipment = Ausstattung
toilets-filter-euro-key = Mit Euroschlüssel
toilets-filter-changing-table = Mit Wickeltisch
toilets-free-only = Nur kostenlose Toiletten
toilets-when = Wann?
toilets-filter-open = Nur geöffnete
toilets-at = Geöffnet am (Datum und Uhrzeit)
toilets-at-hint = Leer lassen für jetzt.
toilets-apply = Toiletten anzeigen
toilets-address-not-found = Diese Adresse haben wir nicht gefunden. Die Liste ist nach Stadtbezirk geordnet.
toilets-address-unavailable = Die Adresssuche ist gerade nicht erreichbar. Die Liste ist nach Stadtbezirk geordnet.
toilets-position-unreadable = Ihr Standort kam nicht lesbar an. Die Liste ist nach Stadtbezirk geordnet.
toilets-at-unreadable = Datum und Uhrzeit waren nicht lesbar; die Öffnungszeiten gelten für jetzt.
toilets-results = Toiletten nach Stadtbezirk
toilets-results-near-you = Toiletten in Ihrer Nähe, die nächste zuerst
toilets-results-near = Toiletten nahe { $place }, die nächste zuerst
toilets-judged-at = Öffnungszeiten für { $at } Uhr.
toilets-none = Keine Toilette passt zu Ihrer Suche. Lassen Sie einen Filter weg, um mehr zu sehen.
toilets-map-label = Karte der Toiletten dieser Seite
toilets-pages = Weitere Ergebnisse
toilets-previous = Vorherige Seite
toilets-next = Nächste Seite
toilets-data-from = Daten:
toilets-open-data = Alle Toiletten als offene Daten (GeoJSON)
toilets-distance-m = { $metres } m entfernt
toilets-distance-km = { $km } km entfernt
toilets-open-always = Rund um die Uhr geöffnet
toilets-open-until = Geöffnet bis { $time } Uhr
toilets-open-until-day = Geöffnet bis { $weekday }, { $day } { $time } Uhr
toilets-closed-opens = Geschlossen, öffnet um { $time } Uhr
toilets-closed-opens-day = Geschlossen, öffnet { $weekday }, { $day } um { $time } Uhr
toilets-closed = Geschlossen
toilets-hours-unknown = Ob geöffnet ist, ist nicht bekannt
toilets-hours-unreadable = Öffnungszeiten nicht auswertbar
toilets-hours-none = Keine Öffnungszeiten angegeben
toilets-weekday = { $day ->
    [1] Montag
    [2] Dienstag
    [3] Mittwoch
    [4] Donnerstag
    [5] Freitag
    [6] Samstag
   *[7] Sonntag
}
toilets-unnamed = Öffentliche Toilette
toilets-unnamed-at = Öffentliche Toilette, { $street }
toilets-address = Adresse
toilets-position = Position
toilets-operator = Betrieben von
toilets-hours = Öffnungszeiten
toilets-features = Ausstattung
toilets-week = Die nächsten sieben Tage
toilets-way-there = Hinkommen und melden
toilets-open-in-map-app = In meiner Karten-App öffnen
toilets-report-problem = Ein Problem an dieser Toilette melden
toilets-euro-key = Euroschlüssel
toilets-changing-table = Wickeltisch
toilets-fee = Gebühr
toilets-fee-free = kostenlos
toilets-fee-charged = kostenpflichtig
toilets-unknown = nicht bekannt
toilets-yes = ja
toilets-no-or-unknown = nein oder nicht bekannt

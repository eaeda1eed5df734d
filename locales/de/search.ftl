search-title = Leistungen suchen
search-label = Suchbegriff
search-submit = Suchen
search-empty = Geben Sie ein, was Sie erledigen möchten, zum Beispiel „Sperrmüll“ oder „Hund anmelden“.
search-count = { $count ->
    [one] Eine Leistung für „{ $query }“
   *[other] { $count } Leistungen für „{ $query }“
}
search-none = Keine Leistung für „{ $query }“ gefunden
search-did-you-mean = Meinten Sie
search-corrected = Gesucht wurde nach den fett gedruckten Wörtern.
search-help-spelling = Prüfen Sie die Schreibweise.
search-help-fewer = Versuchen Sie es mit weniger oder anderen Wörtern, etwa dem Gegenstand („Ausweis“) statt der Tätigkeit.
search-help-catalogue = Alle Leistungen nach Lebenslage ansehen
search-error = Die Suche ist gerade nicht möglich. Bitte versuchen Sie es später erneut oder sehen Sie alle Leistungen an.
search-narrow = Ergebnisse eingrenzen
search-narrow-department = Nach Fachbereich
search-narrow-life-situation = Nach Lebenslage
search-narrow-all = Alle
search-help-widen = Ohne Eingrenzung suchen
search-suggestions = { $count ->
    [one] Ein Vorschlag
   *[other] { $count } Vorschläge
}

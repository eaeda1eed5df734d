# Texte des Fallmoduls: Posteingang und Fallseite der Sachbearbeitung.

cases-nav = Bearbeitung
cases-inbox-title = Posteingang
cases-inbox-counts = Fälle nach Stand
cases-inbox-all = Alle Fälle
cases-inbox-caption = Fälle Ihrer Referate
cases-search-label = Fälle suchen
cases-search-hint = Aktenzeichen (öffnet den Fall), Name oder Wörter aus Antworten und Nachrichten
cases-search-suggestions = { $count ->
    [one] Ein Vorschlag
   *[other] { $count } Vorschläge
}
cases-search-found = { $count ->
    [one] Ein Fall für „{ $query }“
   *[other] { $count } Fälle für „{ $query }“
}
cases-search-none = Kein Fall Ihrer Referate passt zu dieser Suche. Prüfen Sie die Schreibweise oder lockern Sie die Filter.
cases-inbox-empty = Keine Fälle für diese Auswahl.
cases-inbox-next = Weitere Fälle
cases-filter-state = Stand
cases-filter-any = alle
cases-filter-assigned = Zuständig
cases-filter-mine = ich
cases-filter-nobody = niemand
cases-filter-from = Eingang ab
cases-filter-until = Eingang bis
cases-filter-overdue = nur überfällige
cases-filter-oldest-first = älteste zuerst
cases-filter-apply = Auswahl anzeigen
cases-column-reference = Aktenzeichen
cases-column-service = Leistung
cases-column-applicant = Antragsteller*in
cases-column-state = Stand
cases-column-assignee = Zuständig
cases-column-filed = Eingang
cases-column-due = Frist
cases-unassigned = niemand
cases-overdue = überfällig
cases-internal = intern
cases-optional = freiwillig

cases-state-submitted = Eingegangen
cases-state-in-progress = In Bearbeitung
cases-state-waiting-for-citizen = Rückfrage an Antragsteller*in
cases-state-consulting = Stellungnahme angefragt
cases-state-awaiting-confirmation = Entscheidung zur Bestätigung
cases-state-decided = Entschieden
cases-state-closed = Abgeschlossen
cases-state-withdrawn = Zurückgezogen
# The same states as the citizen reads them.
cases-citizen-state-submitted = Eingegangen
cases-citizen-state-in-progress = In Bearbeitung
cases-citizen-state-waiting-for-citizen = Wir brauchen Angaben von Ihnen
cases-citizen-state-consulting = In Bearbeitung: eine andere Stelle wird beteiligt
cases-citizen-state-awaiting-confirmation = In Bearbeitung: die Entscheidung wird geprüft
cases-citizen-state-decided = Entschieden
cases-citizen-state-closed = Abgeschlossen
cases-citizen-state-withdrawn = Von Ihnen zurückgezogen

cases-not-found = Diesen Fall gibt es nicht
cases-back-to-inbox = Zurück zum Posteingang
cases-reason = Begründung
cases-actions = Nächste Schritte
cases-choose-action = Was möchten Sie tun?
cases-text-any = Text zur gewählten Aktion (Rückfrage, Begründung oder Stellungnahme)
cases-carry-out = Ausführen
cases-four-eyes-before = In diesem Verfahren bestätigt eine zweite Person Ihre Entscheidung, bevor die antragstellende Person sie erfährt.
cases-four-eyes-waiting = Ihre Entscheidung wartet auf die Bestätigung durch eine zweite Person. Sie selbst können sie nicht bestätigen.
cases-shortcuts = Tastenkürzel
cases-shortcuts-how = Die Aktionen mit einem Buchstaben in Klammern wählen Sie mit der Alt-Taste und diesem Buchstaben (in Firefox Alt und Umschalt), zum Beispiel Alt+U für „Fall übernehmen“. Dann schreiben Sie den Text und drücken „Ausführen“.
cases-no-actions = In diesem Stand können Sie nichts tun.
cases-answers = Angaben im Antrag
cases-timeline = Verlauf
cases-action-done = Erledigt.
cases-withdraw-heading = Antrag zurückziehen
cases-withdraw-intro = Wenn Sie den Antrag nicht mehr brauchen, können Sie ihn zurückziehen. Sie werden vorher noch einmal gefragt.
cases-withdraw-title = Antrag wirklich zurückziehen?
cases-withdraw-back = Zurück zum Antrag
cases-withdraw-consequence = Ein zurückgezogener Antrag wird nicht weiter bearbeitet. Das lässt sich nicht rückgängig machen: Wenn Sie die Leistung später doch brauchen, stellen Sie einen neuen Antrag.
cases-withdraw-confirm = Ja, Antrag zurückziehen
cases-withdraw-keep = Nein, Antrag behalten
cases-error-confirm-withdraw = Bitte bestätigen Sie auf der Rückfrage-Seite, dass Sie den Antrag zurückziehen möchten.
cases-done-withdraw = Ihr Antrag ist zurückgezogen. Er wird nicht weiter bearbeitet.
cases-done-answer = Ihre Antwort ist bei uns eingegangen. Wir bearbeiten Ihren Antrag weiter.
cases-done-message = Ihre Nachricht ist gesendet.
cases-done-note = Die Notiz ist gespeichert.
cases-done-claim = Sie bearbeiten den Fall jetzt.
cases-done-request-information = Die Rückfrage ist gesendet. Der Fall wartet auf die Antwort.
cases-done-approve = Der Antrag ist genehmigt.
cases-done-reject = Der Antrag ist abgelehnt.
cases-done-confirm = Die Entscheidung ist bestätigt und für die antragstellende Person sichtbar.
cases-done-send-back = Die Entscheidung ist zur Überarbeitung zurückgegeben.
cases-done-close = Der Fall ist abgeschlossen.
cases-done-reopen = Der Fall ist wieder offen.
cases-consult-department = Referat

cases-error-general = Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.
cases-error-changed = Der Fall wurde inzwischen geändert. Bitte prüfen Sie den neuen Stand und versuchen Sie es dann noch einmal.
cases-error-not-allowed = Dieser Schritt ist im jetzigen Stand des Falls nicht möglich.
cases-error-text-required = Bitte geben Sie einen Text ein.
cases-error-text-too-long = Der Text ist zu lang (höchstens 4000 Zeichen).
cases-error-four-eyes = Eine zweite Person muss die Entscheidung bestätigen, nicht Sie selbst.
cases-error-unknown-department = Dieses Referat kann für diese Leistung nicht angefragt werden.

cases-action-claim = Fall übernehmen
cases-action-request-information = Rückfrage senden
cases-action-answer = Antwort senden
cases-action-consult = Stellungnahme anfragen
cases-action-give-opinion = Stellungnahme abgeben
cases-action-approve = Genehmigen
cases-action-reject = Ablehnen
cases-action-confirm = Entscheidung bestätigen
cases-action-send-back = Zur Überarbeitung zurückgeben
cases-action-close = Fall abschließen
cases-action-reopen = Fall wieder öffnen
cases-action-withdraw = Antrag zurückziehen

cases-text-request-information = Was brauchen Sie von der Antragstellerin oder dem Antragsteller?
cases-text-answer = Ihre Antwort
cases-text-consult = Frage an das Referat
cases-text-give-opinion = Stellungnahme
cases-text-approve = Begründung der Genehmigung
cases-text-reject = Begründung der Ablehnung
cases-text-send-back = Was ist zu überarbeiten?
cases-text-reopen = Warum wird der Fall wieder geöffnet?
cases-text-withdraw = Grund

cases-event-filed = Antrag eingegangen
cases-event-claim = Fall übernommen
cases-event-request-information = Rückfrage gesendet
cases-event-answer = Antwort eingegangen
cases-event-consult = Stellungnahme angefragt
cases-event-give-opinion = Stellungnahme abgegeben
cases-event-approve = Genehmigt
cases-event-reject = Abgelehnt
cases-event-confirm = Entscheidung bestätigt
cases-event-send-back = Zur Überarbeitung zurückgegeben
cases-event-close = Abgeschlossen
cases-event-reopen = Wieder geöffnet
cases-event-withdraw = Zurückgezogen

cases-back-to-mine = Zurück zu meinen Anträgen
cases-question = Unsere Rückfrage an Sie
cases-your-actions = Was Sie tun können
cases-decision-approved = Ihr Antrag wurde genehmigt
cases-decision-rejected = Ihr Antrag wurde abgelehnt
cases-next-answer = Bitte beantworten Sie unsere Rückfrage.

cases-comments = Notizen und Nachrichten
cases-message-to-citizen = Nachricht an die Antragstellerin oder den Antragsteller
cases-note = Interne Notiz (nur für die Verwaltung sichtbar)
cases-send-message = Nachricht senden
cases-save-note = Notiz speichern
cases-write-to-us = Schreiben Sie uns
cases-message-to-office = Ihre Nachricht
cases-event-note = Interne Notiz
cases-event-message = Nachricht
cases-assign-take-over = Fall selbst übernehmen
cases-assign-release = Fall abgeben
cases-event-take-over = Zuständigkeit übernommen
cases-event-release = Fall abgegeben

cases-documents = Unterlagen
cases-documents-none = Keine Unterlagen.
cases-documents-upload = Unterlagen anhängen
cases-documents-hint = PDF, JPG oder PNG, bis 10 MB je Datei, höchstens 5 Dateien.
cases-appointments = Termine zu diesem Antrag
cases-appointment-cancelled = abgesagt
cases-letter-upload = Eigenen Bescheid anhängen (freiwillig)
cases-letter-hint = PDF bis 10 MB. Ein angehängter Bescheid wird statt eines erzeugten verwendet.
cases-letter-generate = Bescheid als PDF erzeugen
cases-document-request = mit dem Antrag eingereicht
cases-document-answer = Antwort auf Rückfrage
cases-document-letter = Bescheid
cases-document-opinion = Stellungnahme
cases-error-file-too-large = Eine Datei ist zu groß (höchstens 10 MB je Datei).
cases-error-file-type = Eine Datei hat ein nicht erlaubtes Format. Erlaubt sind PDF, JPG und PNG, für Bescheide nur PDF.
cases-error-file-empty = Eine Datei ist leer.
cases-error-file-unreadable = Eine Datei konnte nicht gelesen werden. Bitte versuchen Sie es noch einmal.
cases-error-file-not-stored = Eine Datei konnte gerade nicht gespeichert werden. Bitte versuchen Sie es später noch einmal; Ihr Text ist nicht verloren, er steht noch im Formular.
cases-error-too-many-files = Bitte hängen Sie höchstens 5 Dateien an.
cases-error-no-files-here = Zu diesem Schritt können keine Dateien angehängt werden.

cases-letter-title-approved = Bescheid: Ihr Antrag wird genehmigt
cases-letter-title-rejected = Bescheid: Ihr Antrag wird abgelehnt
cases-letter-date = Datum: { $date }
cases-letter-reference = Aktenzeichen: { $reference }
cases-letter-subject = Ihr Antrag „{ $service }“ vom { $date }
cases-letter-greeting = Guten Tag { $name },
cases-letter-approved = Ihrem Antrag wird stattgegeben.
cases-letter-rejected = Ihr Antrag wird abgelehnt.
cases-letter-reason = Begründung
cases-letter-remedy-heading = Rechtsbehelfsbelehrung
cases-letter-remedy = Gegen diesen Bescheid können Sie innerhalb eines Monats nach seiner Bekanntgabe Klage beim Bayerischen Verwaltungsgericht München erheben (Postfach 20 05 43, 80005 München). Die Klage muss den Kläger, den Beklagten (Freistaat Bayern bzw. die Landeshauptstadt München) und den Gegenstand des Klagebegehrens bezeichnen.
cases-letter-closing = Mit freundlichen Grüßen
cases-letter-electronic = Dieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift gültig.

cases-assign-to = An Kollegin oder Kollegen übergeben
cases-assign-assign = Übergeben
cases-event-assign = Übergeben an
cases-error-unknown-colleague = Diese Person arbeitet nicht im zuständigen Referat.
cases-filter-consulted = Stellungnahmen für uns
cases-filter-service = Leistung
cases-inbox-consulting = Stellungnahmen erbeten
cases-error-not-found = Diesen Fall gibt es nicht oder er gehört nicht zu Ihrem Referat.
cases-bulk-result-title = Ergebnis der Sammelaktion
cases-bulk-result-caption = Ergebnis je Fall
cases-bulk-result = Ergebnis
cases-bulk-action = Aktion
cases-bulk-summary = { $done } von { $all } Fällen erledigt.
cases-bulk-claim = Übernehmen
cases-bulk-take-over = Selbst übernehmen
cases-bulk-assign = Übergeben an
cases-bulk-release = Abgeben
cases-bulk-close = Abschließen
cases-bulk-heading = Ausgewählte Fälle bearbeiten
cases-bulk-select = Fall { $reference } auswählen
cases-bulk-apply = Auf Auswahl anwenden
cases-bulk-colleague = Kollegin oder Kollege (für „Übergeben an“)
cases-bulk-select-column = Auswahl
cases-export = Diese Auswahl herunterladen (ohne Angaben aus den Anträgen):

## E-mails to the citizen (no details of the request: e-mail is not a secure channel)
cases-mail-received = Ihr Antrag { $reference } ist eingegangen
cases-mail-received-body =
    Ihr Antrag ist bei uns eingegangen. Ihr Aktenzeichen lautet { $reference }.
    Den Stand der Bearbeitung sehen Sie jederzeit hier: { $link }
cases-mail-question = Rückfrage zu Ihrem Antrag { $reference }
cases-mail-question-body =
    Zu Ihrem Antrag { $reference } haben wir eine Frage. Bis Sie antworten, ruht die Bearbeitung.
    Bitte lesen und beantworten Sie die Frage hier: { $link }
cases-mail-decided = Entscheidung zu Ihrem Antrag { $reference }
cases-mail-decided-body =
    Über Ihren Antrag { $reference } wurde entschieden.
    Die Entscheidung und ihre Begründung lesen Sie hier: { $link }
cases-mail-message = Neue Nachricht zu Ihrem Antrag { $reference }
cases-mail-message-body =
    Zu Ihrem Antrag { $reference } gibt es eine neue Nachricht.
    Sie lesen sie hier: { $link }

## E-mail to the caseworkers' shared mailbox (no details of the request either)
cases-mail-new-case = Neuer Antrag { $reference }: { $service }
cases-mail-new-case-body =
    Im Eingang liegt ein neuer Antrag „{ $service }“ mit dem Aktenzeichen { $reference }.
    Nach der Anmeldung öffnen Sie ihn hier: { $link }
cases-mail-new-case-footer =
    Diese Nachricht wurde vom Serviceportal automatisch an das Funktionspostfach versandt.
    Sie enthält keine Angaben aus dem Antrag; diese stehen nur im Serviceportal.

## Department dashboard
cases-dashboard-nav = Dienststelle
cases-dashboard-title = Übersicht der Dienststelle
cases-dashboard-deliveries = Zustellungen an Fachverfahren (Webhooks)
cases-dashboard-departments = Zahlen für: { $departments }
cases-dashboard-states = Fälle nach Zustand
cases-dashboard-overdue = Überfällig
cases-dashboard-per-service = Fälle und Bearbeitungsdauer nach Leistung
cases-dashboard-from = Entscheidungen ab
cases-dashboard-until = Entscheidungen bis
cases-dashboard-show = Anzeigen
cases-dashboard-no-cases = Für Ihre Dienststelle gibt es noch keine Fälle.
cases-dashboard-caption = Fälle nach Leistung; Bearbeitungsdauer (Eingang bis Entscheidung, in Tagen) der Entscheidungen vom { $from } bis { $until }
cases-dashboard-open = Offen
cases-dashboard-total = Gesamt
cases-dashboard-decided = Entschieden im Zeitraum
cases-dashboard-median = Median (Tage)
cases-dashboard-p90 = 90 % erledigt nach (Tage)
cases-dashboard-services = Leistungen der Dienststelle
cases-dashboard-services-caption = Leistungen mit veröffentlichter Fassung und Online-Status
cases-dashboard-version = Fassung
cases-dashboard-export = { $service } als TOML-Datei
cases-dashboard-online = Online-Antrag
cases-dashboard-switch = Ändern
cases-dashboard-is-online = möglich
cases-dashboard-is-offline = vorübergehend abgeschaltet
cases-dashboard-take-offline = { $service } abschalten
cases-dashboard-take-online = { $service } wieder einschalten

## Copy of one's data
cases-data-title = Ihre Vorgänge
cases-data-note = Wie Ihre Anträge bearbeitet wurden: Stand, Entscheidung, Verlauf mit Nachrichten, Bescheide und E-Mails. Abgeschlossene Vorgänge werden nach Ablauf der Aufbewahrungsfrist gelöscht.
cases-data-reference = Aktenzeichen
cases-data-service = Leistung
cases-data-name = Name
cases-data-filed = Eingegangen
cases-data-state = Stand
cases-data-decision = Entscheidung
cases-data-reason = Begründung
cases-data-contact = E-Mail-Adresse für Benachrichtigungen
cases-data-kept-until = Wird gelöscht ab
cases-data-mail-sent = E-Mail gesendet
cases-data-mail-waiting = E-Mail wartet auf Versand

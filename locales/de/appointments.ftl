## Appointments at the city's offices
appointments-nav = Termine
appointments-title = Termin vereinbaren
appointments-summary = Einen Termin in einem Bürgerbüro oder einer anderen Dienststelle buchen, ändern oder absagen.
appointments-intro = Wählen Sie die Leistung, für die Sie einen Termin brauchen. Danach wählen Sie die Zahl der Personen, die Dienststelle, den Tag und die Uhrzeit. Eine Anmeldung ist nicht nötig.
appointments-none = Zurzeit können keine Termine online gebucht werden.
appointments-choose-service = Leistungen von A bis Z
appointments-back-to-start = Zurück zur Auswahl der Leistung
appointments-not-found = Diese Seite gibt es nicht (mehr)
appointments-error = Die Terminbuchung ist gerade nicht möglich
appointments-persons-label = Für wie viele Personen?
appointments-combine = Weitere Anliegen im selben Termin erledigen (freiwillig)
appointments-near-label = Postleitzahl (freiwillig)
appointments-near-hint = Mit Ihrer Postleitzahl zeigen wir die nächstgelegenen Dienststellen zuerst.
appointments-find-offices = Dienststellen anzeigen
appointments-services = Anliegen
appointments-persons = Personen
appointments-office = Dienststelle
appointments-when = Termin
appointments-offices-title = Dienststelle wählen
appointments-order-earliest = Sortiert nach dem frühesten freien Tag.
appointments-order-distance = Sortiert nach der Entfernung von { $postcode }.
appointments-location-use = Meinen Standort verwenden
appointments-location-waiting = Ihr Browser fragt nach Ihrem Standort …
appointments-location-got = Standort übernommen: Wir zeigen die nächstgelegenen Dienststellen zuerst.
appointments-location-refused = Ihr Standort ist nicht verfügbar. Sie können stattdessen Ihre Postleitzahl angeben.
appointments-order-here = Sortiert nach der Entfernung von Ihrem Standort.
appointments-order-by-distance = Nach Entfernung sortieren
appointments-near-unknown = Zur Postleitzahl { $postcode } kennen wir keinen Standort. Die Dienststellen sind nach dem frühesten freien Tag sortiert.
appointments-no-office = Keine Dienststelle bietet alle gewählten Anliegen zusammen an. Wählen Sie weniger Anliegen für einen Termin.
appointments-earliest = Frühester freier Tag: { $day }
appointments-no-free-day = In den nächsten Wochen ist hier kein Termin frei.
appointments-distance = Entfernung: etwa { $km } km
appointments-calendar-title = Tag und Uhrzeit wählen
appointments-length = Der Termin dauert { $minutes } Minuten.
appointments-times = Freie Uhrzeiten
appointments-times-of = Freie Uhrzeiten am { $day }
appointments-times-hint = Mit der Wahl einer Uhrzeit halten wir sie einige Minuten für Sie frei, während Sie Ihre Angaben machen.
appointments-choose-day-first = Wählen Sie zuerst unten einen Tag.
appointments-days = Tage mit freien Terminen
appointments-other-office = Andere Dienststelle wählen
appointments-note-taken = Diese Uhrzeit wurde gerade vergeben. Hier sind die anderen freien Uhrzeiten.
appointments-note-time = Diese Uhrzeit kann nicht gebucht werden. Bitte wählen Sie eine der freien Uhrzeiten.
appointments-note-many = Von Ihrem Anschluss aus wurden in kurzer Zeit sehr viele Uhrzeiten reserviert. Bitte versuchen Sie es in einigen Minuten noch einmal.
appointments-note-proof = Die Prüfung Ihres Browsers ist abgelaufen oder wurde schon verwendet. Bitte wählen Sie die Uhrzeit noch einmal.
appointments-note-day = Dieser Tag kann nicht gebucht werden. Bitte wählen Sie einen der Tage mit freien Terminen.
appointments-day-past = Dieser Tag liegt in der Vergangenheit.
appointments-day-beyond = So weit im Voraus kann noch nicht gebucht werden.
appointments-day-invalid = Das ist kein Tag im Kalender.
appointments-day-full = An diesem Tag ist keine Uhrzeit mehr frei.
appointments-held-title = Ihre Angaben
appointments-held-left = Die Uhrzeit ist noch { $minutes } Minuten für Sie reserviert.
appointments-details = Kontaktdaten
appointments-details-from-sign-in = Name und E-Mail-Adresse stammen aus Ihrer Anmeldung.
appointments-name = Vor- und Nachname
appointments-email = E-Mail-Adresse
appointments-phone = Telefonnummer (freiwillig)
appointments-wrong-name = Bitte geben Sie Ihren Namen ein.
appointments-wrong-email = Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.
appointments-wrong-telefon = Bitte geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + - / ( ) ein, oder lassen Sie das Feld leer.
appointments-too-many = Mit dieser E-Mail-Adresse gibt es schon so viele kommende Termine für dieses Anliegen, wie eine Person haben kann. Sagen Sie zuerst einen davon ab; den Link dazu finden Sie in der Bestätigung.
appointments-book = Termin verbindlich buchen
appointments-release = Uhrzeit freigeben
appointments-unconfirmed-title = Bitte bestätigen Sie Ihre E-Mail-Adresse
appointments-unconfirmed-text = Wir haben einen Link an { $email } geschickt. Öffnen Sie ihn in den nächsten { $minutes } Minuten, dann ist der Termin gebucht. Sonst wird die Uhrzeit wieder frei.
appointments-booked-title = Ihr Termin ist gebucht
appointments-reference = Ihre Terminnummer:
appointments-booked-mail = Die Bestätigung mit einer Kalenderdatei haben wir an { $email } geschickt.
appointments-bring = Was Sie mitbringen müssen
appointments-move-title = Neuen Tag und neue Uhrzeit wählen
appointments-move-heading = Termin verlegen
appointments-move = Einen anderen Tag oder eine andere Uhrzeit wählen
appointments-cancel-title = Termin absagen
appointments-cancel-text = Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab. Dann kann ihn jemand anderes nutzen.
appointments-cancel = Termin absagen
appointments-cancelled-title = Der Termin ist abgesagt
appointments-book-new = Einen neuen Termin vereinbaren
appointments-expired-title = Diese Reservierung ist abgelaufen
appointments-expired-text = Die Zeit für Ihre Angaben oder für die Bestätigung ist abgelaufen, und die Uhrzeit ist wieder frei.
appointments-confirm-title = Termin bestätigen
appointments-confirm = Termin jetzt bestätigen
appointments-manage-long = Termin ansehen, verlegen oder absagen
appointments-overview-none = Sie haben keine kommenden Termine.
appointments-manage = Termin ansehen oder absagen
appointments-date = { $weekday }, { $day }. { $month } { $year }
appointments-weekday-1 = Montag
appointments-weekday-2 = Dienstag
appointments-weekday-3 = Mittwoch
appointments-weekday-4 = Donnerstag
appointments-weekday-5 = Freitag
appointments-weekday-6 = Samstag
appointments-weekday-7 = Sonntag
appointments-month-1 = Januar
appointments-month-2 = Februar
appointments-month-3 = März
appointments-month-4 = April
appointments-month-5 = Mai
appointments-month-6 = Juni
appointments-month-7 = Juli
appointments-month-8 = August
appointments-month-9 = September
appointments-month-10 = Oktober
appointments-month-11 = November
appointments-month-12 = Dezember

## E-mails to the citizen
appointments-mail-confirm = Bitte bestätigen Sie Ihren Termin
appointments-mail-confirm-body =
    Sie haben einen Termin reserviert. Er wird erst gebucht, wenn Sie Ihre E-Mail-Adresse bestätigen.
    Bitte öffnen Sie dazu in den nächsten { $minutes } Minuten diesen Link: { $link }
    Wenn Sie keinen Termin reserviert haben, können Sie diese Nachricht löschen.
appointments-mail-booked = Ihr Termin { $reference } am { $day } um { $from } Uhr
appointments-mail-booked-body =
    Ihr Termin ist gebucht.
    Terminnummer: { $reference }
    Wann: { $day }, { $from } bis { $to } Uhr
    Wo: { $office }, { $address }
    Anliegen: { $services } (für { $persons } Personen)
    Was Sie mitbringen müssen, steht hier: { $bring_link }
    Ansehen, verlegen oder absagen: { $link }
    Die angehängte Kalenderdatei können Sie in Ihren Kalender übernehmen.
appointments-mail-moved = Ihr Termin ist verlegt: { $reference } am { $day } um { $from } Uhr
appointments-mail-moved-body =
    Ihr Termin ist verlegt. Der bisherige Termin ist abgesagt, seine Uhrzeit wieder frei.
    Neue Terminnummer: { $reference }
    Wann: { $day }, { $from } bis { $to } Uhr
    Wo: { $office }, { $address }
    Anliegen: { $services } (für { $persons } Personen)
    Was Sie mitbringen müssen, steht hier: { $bring_link }
    Ansehen, verlegen oder absagen: { $link }
    Die angehängte Kalenderdatei können Sie in Ihren Kalender übernehmen.
appointments-mail-cancelled = Ihr Termin { $reference } ist abgesagt
appointments-mail-cancelled-body =
    Ihr Termin { $reference } am { $day } um { $from } Uhr bei { $office } ist abgesagt.
    Die Uhrzeit ist wieder frei.
appointments-mail-blocked = Ihr Termin { $reference } muss leider ausfallen
appointments-mail-blocked-body =
    Ihr Termin { $reference } am { $day } um { $from } Uhr bei { $office } muss leider ausfallen: { $reason }
    Bitte vereinbaren Sie einen neuen Termin: { $book_link }
    Wir bitten um Entschuldigung.
appointments-mail-reminder = Erinnerung: Ihr Termin morgen um { $from } Uhr
appointments-mail-reminder-body =
    Wir erinnern Sie an Ihren Termin { $reference } morgen, { $day }, von { $from } bis { $to } Uhr.
    Wo: { $office }, { $address }
    Was Sie mitbringen müssen, steht hier: { $bring_link }

## The citizen's copy of their data
appointments-data-title = Ihre Termine
appointments-data-note = Termine mit Ihren Kontaktdaten werden einige Wochen nach dem Termin gelöscht.
appointments-data-reference = Terminnummer
appointments-data-office = Dienststelle (Nummer)
appointments-data-day = Tag
appointments-data-state = Stand
appointments-data-persons = Personen
appointments-data-services = Anliegen (Nummern)
appointments-data-made = Gebucht am
appointments-state-held = reserviert
appointments-state-unconfirmed = wartet auf Bestätigung
appointments-state-booked = gebucht
appointments-state-expired = abgelaufen
appointments-state-cancelled = abgesagt

## The office staff's day list
appointments-staff-nav = Termine der Dienststelle
appointments-staff-title = Termine der Dienststellen
appointments-staff-none = Sie sind keiner Dienststelle mit Terminen zugeordnet.
appointments-staff-empty = An diesem Tag sind keine Termine gebucht.
appointments-staff-time = Uhrzeit
appointments-staff-note = Vermerken
appointments-staff-days = Tage
appointments-staff-before = Vorheriger Tag
appointments-staff-after = Nächster Tag
appointments-staff-csv = Tagesliste als CSV
appointments-staff-all = Alle Dienststellen
appointments-blocks = Gesperrte Zeiten
appointments-block-title = Zeit sperren
appointments-block-hint = Für eine Schließung oder eine Schulung: Die Termine in dieser Zeit werden abgesagt, und die Bürgerinnen und Bürger erfahren es per E-Mail mit dem Grund.
appointments-block-from = Von (Uhrzeit)
appointments-block-to = Bis (Uhrzeit)
appointments-block-reason = Grund (steht in der E-Mail)
appointments-block = Zeit sperren
appointments-blocked-done = Die Zeit ist gesperrt. Abgesagte Termine: { $cancelled }.
appointments-mark-arrived = Erschienen
appointments-mark-done = Erledigt
appointments-mark-no_show = Nicht erschienen
appointments-state-arrived = erschienen
appointments-state-done = erledigt
appointments-state-no_show = nicht erschienen

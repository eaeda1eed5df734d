# Texte der Portal-Hülle: Kopf, Fuß, Startseite, Pflichtseiten.
# Eine Stadt ersetzt die Texte der Pflichtseiten (Impressum usw.) durch ihre eigenen.

shell-site-name = Serviceportal
shell-meta-description = Verwaltungsleistungen der Stadt online beantragen, verfolgen und finden.
shell-skip-link = Zum Inhalt springen
shell-demo-label = Demo-Installation:
shell-demo-text = Alle Inhalte sind Beispiele. Anträge werden nicht bearbeitet.
shell-nav-label = Hauptnavigation
shell-nav-home = Startseite
shell-language-label = Sprache wählen
shell-footer-label = Rechtliches
shell-footer-licence = Freie Software unter der Lizenz EUPL-1.2.

shell-home-title = Verwaltung online erledigen
shell-home-intro = Hier beantragen Sie Leistungen der Stadt, verfolgen den Stand Ihrer Anträge und finden Angebote in Ihrer Nähe.
shell-catalogue-heading = Online-Dienste
shell-catalogue-empty = Hier erscheinen die Online-Dienste, sobald sie freigeschaltet sind.
shell-catalogue-error = Die Online-Dienste können gerade nicht angezeigt werden. Bitte versuchen Sie es in einigen Minuten noch einmal.

shell-not-found-title = Seite nicht gefunden
shell-not-found-text = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder die Adresse enthält einen Tippfehler.
shell-not-found-home = Zur Startseite
shell-forbidden-title = Kein Zugang zu dieser Seite
shell-forbidden-page = Die Seite:
shell-forbidden-text = Sie sind angemeldet, aber Ihr Konto hat keine Rolle, die diese Seite öffnet. Seiten der Sachbearbeitung und Verwaltung sind den Mitarbeitenden mit der passenden Rolle vorbehalten. Wenn Sie diese Rolle haben sollten, wenden Sie sich an die Administration Ihres Bereichs.
shell-forbidden-account = Ihr Konto ansehen: welche Rollen Ihre Anmeldung mitgebracht hat
shell-unavailable-title = Das Serviceportal ist gerade gestört
shell-unavailable-text = Wir arbeiten daran. Bitte versuchen Sie es in ein paar Minuten noch einmal; was Sie schon gespeichert oder eingereicht haben, bleibt erhalten.

shell-imprint-title = Impressum
shell-imprint-intro = Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).
shell-imprint-publisher-heading = Herausgeberin
shell-imprint-publisher-text = Musterstadt, vertreten durch die Oberbürgermeisterin, Rathausplatz 1, 12345 Musterstadt.
shell-imprint-contact-heading = Kontakt
shell-imprint-contact-text = Telefon 0123 456-0, E-Mail serviceportal@musterstadt.example
shell-imprint-responsible-heading = Verantwortlich für den Inhalt
shell-imprint-responsible-text = Die jeweils zuständigen Referate der Stadtverwaltung für ihre Online-Dienste.
shell-imprint-platform-heading = Über diese Software
shell-imprint-platform-text = Das Serviceportal ist freie Software unter der European Union Public Licence (EUPL-1.2). Andere Verwaltungen dürfen sie nutzen, prüfen und weiterentwickeln.

shell-privacy-title = Datenschutzerklärung
shell-privacy-intro = Wir verarbeiten Ihre Daten nur, soweit es für die Online-Dienste nötig ist.
shell-privacy-controller-heading = Verantwortliche Stelle
shell-privacy-controller-text = Musterstadt, Rathausplatz 1, 12345 Musterstadt. Die behördliche Datenschutzbeauftragte erreichen Sie unter datenschutz@musterstadt.example.
shell-privacy-data-heading = Welche Daten wir verarbeiten
shell-privacy-data-text = Die Angaben in Ihren Anträgen verarbeiten wir zur Erfüllung der jeweiligen gesetzlichen Aufgabe (Art. 6 Abs. 1 lit. e DSGVO).
shell-privacy-cookies-heading = Cookies
shell-privacy-cookies-text = Wir setzen nur technisch notwendige Cookies: eines für die gewählte Sprache und, nach der Anmeldung, eines für Ihre Sitzung. Es gibt keine Analyse- oder Werbe-Cookies und keine Inhalte von Dritten.
shell-privacy-logs-heading = Server-Protokolle
shell-privacy-logs-text = Zur Sicherheit des Betriebs protokolliert der Server Zeitpunkt, aufgerufene Adresse und Ergebnis jeder Anfrage. Die Protokolle werden nach kurzer Frist gelöscht.
shell-privacy-rights-heading = Ihre Rechte
shell-privacy-rights-text = Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch sowie das Recht auf Beschwerde bei der Aufsichtsbehörde für den Datenschutz.

shell-accessibility-title = Erklärung zur Barrierefreiheit
shell-accessibility-intro = Die Stadt ist bemüht, das Serviceportal im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.
shell-accessibility-status-heading = Stand der Vereinbarkeit mit den Anforderungen
shell-accessibility-status-text = Das Portal wird gegen die Anforderungen der WCAG 2.1 auf den Stufen A und AA automatisch geprüft und mit der Tastatur getestet. Es ist nach unserem Kenntnisstand weitgehend vereinbar.
shell-accessibility-gaps-heading = Nicht barrierefreie Inhalte
shell-accessibility-gaps-text = Inhalte in Deutscher Gebärdensprache sind noch in Arbeit. Die Seite „Leichte Sprache“ erklärt das Serviceportal in Leichter Sprache.
shell-accessibility-preparation-heading = Erstellung dieser Erklärung
shell-accessibility-preparation-text = Diese Erklärung beruht auf einer Selbstbewertung und wird mit jeder Veröffentlichung überprüft.
shell-accessibility-feedback-heading = Feedback und Kontakt
shell-accessibility-feedback-text = Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie an barrierefreiheit@musterstadt.example. Wir antworten innerhalb von sechs Wochen.
shell-accessibility-enforcement-heading = Schlichtungsverfahren
shell-accessibility-enforcement-text = Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen wenden.

shell-easy-language-title = Leichte Sprache
shell-easy-language-intro = Hier erklären wir das Service-Portal in Leichter Sprache.
shell-easy-language-what-heading = Was ist das Service-Portal?
shell-easy-language-what-text =
    Das Service-Portal ist eine Internet-Seite von der Stadt.
    Hier können Sie Sachen bei der Stadt erledigen.
    Sie müssen dafür nicht in ein Amt gehen.
    Das Portal ist immer offen.
    Auch am Abend und am Wochenende.
shell-easy-language-services-heading = Was können Sie hier machen?
shell-easy-language-services-text =
    Sie können einen Antrag stellen.
    Ein Antrag ist eine Bitte an die Stadt.
    Zum Beispiel:
    Sie wollen einen Hund anmelden.
    Oder Sie wollen Sperr-Müll abholen lassen.
    Sperr-Müll sind große Sachen aus der Wohnung.
    Zum Beispiel ein altes Sofa.
    Auf der Start-Seite sehen Sie alle Anträge.
shell-easy-language-find-heading = So finden Sie das Richtige
shell-easy-language-find-text =
    Oben auf jeder Seite ist ein Such-Feld.
    Schreiben Sie in das Feld, was Sie brauchen.
    Zum Beispiel: Hund.
    Dann klicken Sie auf: Suchen.
    Sie sehen dann eine Liste.
    Klicken Sie in der Liste auf das Richtige.
shell-easy-language-sign-in-heading = Anmelden
shell-easy-language-sign-in-text =
    Für einen Antrag müssen Sie sich anmelden.
    Dann weiß die Stadt: Der Antrag ist wirklich von Ihnen.
    Sie melden sich mit der BayernID an.
    Die BayernID ist ein Konto für die Ämter in Bayern.
    Manche Anträge brauchen Ihren Personal-Ausweis.
    Der Ausweis muss die Online-Funktion haben.
    Und Sie brauchen die PIN für den Ausweis.
shell-easy-language-apply-heading = So stellen Sie einen Antrag
shell-easy-language-apply-text =
    Der Antrag hat mehrere Schritte.
    In jedem Schritt beantworten Sie ein paar Fragen.
    Dann klicken Sie auf: Weiter.
    Fehlt etwas?
    Dann sehen Sie einen Hinweis bei der Frage.
    Sie haben gerade keine Zeit mehr?
    Dann klicken Sie auf: Speichern und später weitermachen.
    Ihre Antworten bleiben gespeichert.
    Am Ende sehen Sie alle Ihre Antworten.
    Dann klicken Sie auf: Antrag absenden.
    Sie bekommen eine Nummer.
    Die Nummer heißt: Aktenzeichen.
    Schreiben Sie die Nummer auf.
shell-easy-language-status-heading = Wie geht es weiter?
shell-easy-language-status-text =
    Ein Mitarbeiter von der Stadt liest Ihren Antrag.
    Auf der Seite „Meine Anträge“ sehen Sie, was gerade passiert.
    Braucht die Stadt noch etwas von Ihnen?
    Dann bekommen Sie eine E-Mail.
    In der E-Mail steht: Schauen Sie im Service-Portal nach.
shell-easy-language-help-heading = Hilfe
shell-easy-language-help-text =
    Sie haben eine Frage?
    Oder Sie kommen nicht weiter?
    Dann rufen Sie an: 0123 456-0.
    Oder schreiben Sie eine E-Mail an: serviceportal@musterstadt.example
    Sie wollen eine andere Sprache?
    Oben auf jeder Seite können Sie die Sprache wählen.

shell-sign-in = Anmelden
shell-sign-out = Abmelden
shell-signed-in-as = Angemeldet als
shell-sign-in-title = Anmelden
shell-sign-in-demo-note = Demo-Anmeldung: Wählen Sie eine Beispielperson. In einer echten Installation melden Sie sich mit BayernID oder Ihrem Dienstkonto an.
shell-sign-in-choose = Als wer möchten Sie sich anmelden?
shell-sign-in-level-needed = Diese Leistung verlangt eine Anmeldung mit Vertrauensniveau { $level }. Es stehen nur Personen zur Wahl, die es erreichen.
shell-persona-citizen = Erika Mustermann, Bürgerin (Vertrauensniveau substanziell)
shell-persona-citizen-low = Jonas Neumann, Bürger (Vertrauensniveau niedrig)
shell-persona-citizen-high = Aylin Yılmaz, Bürgerin mit Online-Ausweis (Vertrauensniveau hoch)
shell-persona-caseworker = Max Beispiel, Sachbearbeitung KVR und Sozialreferat
shell-persona-caseworker-awm = Lena Vogel, Sachbearbeitung Abfallwirtschaftsbetrieb und KVR
shell-persona-caseworker-awm-2 = Tom Huber, Sachbearbeitung Abfallwirtschaftsbetrieb
shell-persona-department-admin-2 = Jan Freigabe, zweite Fachadministration KVR (Vier-Augen-Prinzip)
shell-persona-department-admin = Dana Verwaltung, Fachadministration KVR
shell-persona-platform-admin = Paul Betrieb, Plattformbetrieb

shell-account-title = Ihr Konto
shell-account-intro = Diese Angaben hat das Serviceportal bei Ihrer Anmeldung vom Anmeldedienst erhalten. Sie werden nur für diese Sitzung gespeichert.
shell-account-signed-out = Sie sind nicht angemeldet.
shell-account-not-given = nicht übermittelt
shell-account-name = Name
shell-account-email = E-Mail-Adresse
shell-account-address = Anschrift
shell-account-level = Vertrauensniveau der Anmeldung
shell-account-roles = Rollen
shell-account-roles-unmatched = keine Rolle des Portals (übermittelt: { $received })
shell-account-departments = Fachbereiche
shell-level-low = niedrig
shell-level-substantial = substanziell
shell-level-high = hoch
shell-level-unknown = nicht angegeben
shell-role-citizen = Bürgerin oder Bürger
shell-role-caseworker = Sachbearbeitung
shell-role-department-admin = Fachadministration
shell-role-platform-admin = Plattformbetrieb
shell-sign-in-failed-title = Anmeldung nicht möglich
shell-sign-in-failed-cancelled = Sie haben die Anmeldung abgebrochen.
shell-sign-in-failed-expired = Die Anmeldung ist abgelaufen oder wurde bereits verwendet. Bitte melden Sie sich erneut an.
shell-sign-in-failed-unavailable = Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.
shell-sign-in-failed-other = Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.
shell-sign-in-failed-again = Erneut anmelden
shell-level-refused-title = Anmeldung auf höherem Vertrauensniveau nicht abgeschlossen
shell-level-refused-needed = Dieser Dienst braucht eine Anmeldung mit dem Vertrauensniveau „{ $level }“. Die Anmeldung auf diesem Niveau wurde nicht abgeschlossen.
shell-level-refused-how = Dieses Niveau erreichen Sie bei BayernID zum Beispiel mit der Online-Ausweisfunktion Ihres Personalausweises (eID) oder mit einem ELSTER-Zertifikat. Halten Sie Ausweis und PIN oder Ihre ELSTER-Zertifikatsdatei bereit.
shell-level-refused-still-signed-in = Sie sind weiterhin angemeldet, mit dem Vertrauensniveau „{ $level }“. Dienste, die dieses Niveau brauchen, können Sie weiter nutzen.
shell-level-refused-signed-out = Sie sind nicht angemeldet.
shell-level-refused-again = Erneut auf diesem Niveau anmelden

## E-mails
shell-mail-greeting = Guten Tag,
shell-mail-footer =
    Diese Nachricht wurde vom Serviceportal automatisch versandt; bitte antworten Sie nicht darauf.
    Aus Sicherheitsgründen enthält sie keine Angaben aus Ihrem Antrag. Sie finden alles nach der Anmeldung im Serviceportal.

## Copy of one's data
shell-data-heading = Ihre Daten herunterladen
shell-data-intro = Sie erhalten alles, was das Serviceportal über Sie gespeichert hat, als ein ZIP-Archiv: Ihre Anträge mit Ihren Angaben und Dateien, Entwürfe, Vorgänge mit Nachrichten und Bescheiden. Die Datei „index.html“ darin zeigt alles übersichtlich an; „data.json“ enthält dasselbe zur Übernahme in andere Programme.
shell-data-download = Alle meine Daten herunterladen (ZIP)
shell-data-archive-title = Ihre Daten im Serviceportal
shell-data-archive-made = Zusammengestellt am { $date }.
shell-data-archive-intro = Diese Übersicht enthält alles, was das Serviceportal über Sie gespeichert hat (Auskunft nach Art. 15 DSGVO). Die Dateien liegen in den Ordnern neben dieser Seite und sind hier verlinkt. Dieselben Angaben stehen maschinenlesbar in „data.json“ (Art. 20 DSGVO).
shell-data-archive-contents = Inhalt
shell-data-answers = Ihre Angaben
shell-data-history = Verlauf
shell-data-files = Dateien
shell-data-file-missing = konnte nicht gelesen werden; bitte wenden Sie sich an die zuständige Stelle
shell-data-file-name = meine-daten
shell-data-account = Ihr Konto
shell-data-account-record = Angaben aus der Anmeldung
shell-data-busy = Gerade werden viele Daten zusammengestellt. Bitte versuchen Sie es in einigen Sekunden erneut.
shell-data-failed = Ihre Daten konnten gerade nicht zusammengestellt werden. Bitte versuchen Sie es später erneut.
shell-data-back = Zurück zu Ihrem Konto

## Search box in the header
shell-search-label = Leistung suchen
shell-search-submit = Suchen

## Die offene Schnittstelle (/api)
shell-api-title = Schnittstelle für Fachverfahren
shell-api-intro = Fachverfahren der Stadt (Dokumentenmanagement, Kasse, Register) bearbeiten die Vorgänge ihrer Dienststellen über die offene Schnittstelle /api/v1: Vorgänge auflisten und lesen, Dokumente herunterladen, den Stand ändern, der antragstellenden Person schreiben und interne Vermerke anlegen – nach denselben Regeln wie Sachbearbeiterinnen und Sachbearbeiter. Die Beschreibungen der Schnittstelle selbst sind englisch.
shell-api-document = OpenAPI-Beschreibung (OpenAPI 3.1, JSON)
shell-api-client-heading = Mit einem erzeugten Client beginnen
shell-api-client = Am schnellsten beginnen Sie mit einem Client, den ein Generator aus der OpenAPI-Beschreibung erzeugt, zum Beispiel openapi-python-client (PyPI) oder progenitor (crates.io). Jeder Aufruf hat einen eigenen Namen (operationId, etwa listCases oder getCase), nach dem der Client seine Methoden benennt. Genau diesen Weg prüft das Portal in seinen Tests: Vorgänge auflisten, einen lesen, einen Vermerk anlegen, ihn übernehmen.
shell-api-access-heading = Zugang
shell-api-access-client = Der Betrieb richtet das Fachverfahren als Client beim Anmeldedienst der Stadt ein (Client-Credentials-Verfahren) und trägt im Portal ein, für welche Dienststellen und mit welchen Rechten (Scopes) es arbeiten darf.
shell-api-access-token = Das Fachverfahren holt sich beim Anmeldedienst ein Zugriffstoken (JWT) für die Zielgruppe des Portals.
shell-api-access-call = Jeder Aufruf trägt das Token im Kopf „Authorization: Bearer …“. Jeder Aufruf wird im Prüfprotokoll vermerkt; jedes Fachverfahren hat eine Obergrenze an Aufrufen pro Minute.
shell-api-operations-heading = Aufrufe
shell-api-scope = Benötigter Scope
shell-api-body = Inhalt der Anfrage (JSON)
shell-api-parameters = Parameter
shell-api-parameter-name = Name
shell-api-parameter-in = Ort
shell-api-meaning = Bedeutung
shell-api-required = (Pflicht)
shell-api-responses = Antworten
shell-api-status = Status
shell-api-unavailable = Die Beschreibung der Schnittstelle ist gerade nicht verfügbar.
shell-api-problems-heading = Fehlerarten
shell-api-problems-intro = Fehler beantwortet die Schnittstelle als „Problem Details“ (RFC 9457) im Format application/problem+json. Das Feld „type“ verweist auf einen der folgenden Abschnitte; „code“ nennt, wo vorhanden, den genauen Fall.
shell-api-problem-unauthorized = Kein gültiges Zugriffstoken: keines gesendet, gefälscht, abgelaufen, für eine andere Zielgruppe oder von einem anderen Aussteller.
shell-api-problem-insufficient-scope = Dem Fachverfahren fehlt der Scope, den dieser Aufruf braucht.
shell-api-problem-forbidden = Das Fachverfahren ist im Portal nicht eingetragen oder darf das nicht.
shell-api-problem-not-found = Nichts mit dieser Kennung unter dem, was das Fachverfahren sehen darf.
shell-api-problem-invalid = Die Anfrage ist fehlerhaft oder ein Wert ungültig; „detail“ sagt, welcher.
shell-api-problem-conflict = Der Vorgang hat sich seit der gelesenen Version geändert, oder sein Stand erlaubt das nicht. Neu lesen und erneut entscheiden.
shell-api-problem-too-large = Der Inhalt der Anfrage ist größer als 64 KiB.
shell-api-problem-unsupported-media-type = Der Inhalt der Anfrage ist kein JSON.
shell-api-problem-too-many-requests = Zu viele Aufrufe; „Retry-After“ sagt, nach wie vielen Sekunden es weitergeht.
shell-api-problem-internal = Ein Fehler im Portal; der Aufruf kann später wiederholt werden.
shell-api-problem-unavailable = Die Schlüssel des Anmeldedienstes sind gerade nicht erreichbar; der Aufruf kann später wiederholt werden.

## Zustellprotokoll der Webhooks (/dienststelle/zustellungen)
shell-deliveries-title = Zustellungen an Fachverfahren
shell-deliveries-intro = Ereignisse der Vorgänge Ihrer Dienststellen, die das Portal an abonnierte Fachverfahren sendet (Webhooks). Nimmt ein Empfänger ein Ereignis nicht an, versucht das Portal es in wachsenden Abständen erneut.
shell-deliveries-none = Noch keine Zustellungen.
shell-deliveries-unavailable = Das Protokoll ist gerade nicht verfügbar.
shell-deliveries-caption = Die neuesten Zustellungen
shell-deliveries-event = Ereignis
shell-deliveries-at = Zeitpunkt
shell-deliveries-target = Empfänger
shell-deliveries-attempts = Versuche
shell-deliveries-state = Stand
shell-deliveries-last = Letzte Antwort
shell-deliveries-delivered = zugestellt am { $at }
shell-deliveries-failed = aufgegeben am { $at }
shell-deliveries-pending = nächster Versuch { $at }

# How dates are written on pages (chrono strftime).
shell-date-format = %d.%m.%Y
shell-decimal-separator = { "," }

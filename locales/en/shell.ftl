# Texts of the portal shell: header, footer, home page, required pages.
# A city replaces the texts of the required pages (imprint etc.) with its own.

shell-site-name = Service portal
shell-meta-description = Apply for city services online, follow your requests and find services near you.
shell-skip-link = Skip to content
shell-demo-label = Demo installation:
shell-demo-text = All content is an example. Requests are not processed.
shell-nav-label = Main navigation
shell-nav-home = Home
shell-language-label = Choose language
shell-footer-label = Legal
shell-footer-licence = Free software under the EUPL-1.2 licence.

shell-home-title = City services online
shell-home-intro = Apply for city services, follow the progress of your requests and find services near you.
shell-catalogue-heading = Online services
shell-catalogue-empty = Online services will appear here as soon as they are available.
shell-catalogue-error = The online services cannot be shown just now. Please try again in a few minutes.

shell-not-found-title = Page not found
shell-not-found-text = There is no page at this address. It may have moved, or the address may contain a typo.
shell-not-found-home = Go to the home page
shell-forbidden-title = No access to this page
shell-forbidden-page = The page:
shell-forbidden-text = You are signed in, but your account has no role that opens this page. Pages for casework and administration are for staff with the matching role. If you should have that role, please contact your area's administrators.
shell-forbidden-account = See your account: which roles your sign-in brought
shell-unavailable-title = The service portal is disrupted right now
shell-unavailable-text = We are working on it. Please try again in a few minutes; what you have already saved or submitted is kept.

shell-imprint-title = Imprint
shell-imprint-intro = Information according to § 5 of the German Digital Services Act (DDG) and § 18 of the Interstate Media Treaty (MStV).
shell-imprint-publisher-heading = Publisher
shell-imprint-publisher-text = City of Musterstadt, represented by the Lord Mayor, Rathausplatz 1, 12345 Musterstadt.
shell-imprint-contact-heading = Contact
shell-imprint-contact-text = Phone +49 123 456-0, e-mail serviceportal@musterstadt.example
shell-imprint-responsible-heading = Responsible for the content
shell-imprint-responsible-text = The departments of the city administration, each for its own online services.
shell-imprint-platform-heading = About this software
shell-imprint-platform-text = The service portal is free software under the European Union Public Licence (EUPL-1.2). Other administrations may use, inspect and improve it.

shell-privacy-title = Privacy notice
shell-privacy-intro = We process your data only as far as the online services need it.
shell-privacy-controller-heading = Controller
shell-privacy-controller-text = City of Musterstadt, Rathausplatz 1, 12345 Musterstadt. You can reach the data protection officer at datenschutz@musterstadt.example.
shell-privacy-data-heading = What data we process
shell-privacy-data-text = We process the information in your requests to carry out the respective legal task (Art. 6(1)(e) GDPR).
shell-privacy-cookies-heading = Cookies
shell-privacy-cookies-text = We only set technically necessary cookies: one for your chosen language and, after you sign in, one for your session. There are no analytics or advertising cookies and no third-party content.
shell-privacy-logs-heading = Server logs
shell-privacy-logs-text = To operate securely, the server logs the time, address and result of every request. The logs are deleted after a short period.
shell-privacy-rights-heading = Your rights
shell-privacy-rights-text = You have the right of access, rectification, erasure, restriction of processing and objection, and the right to lodge a complaint with the data protection supervisory authority.

shell-accessibility-title = Accessibility statement
shell-accessibility-intro = The city strives to make the service portal accessible in accordance with the German accessibility regulation BITV 2.0.
shell-accessibility-status-heading = Compliance status
shell-accessibility-status-text = The portal is checked automatically against WCAG 2.1 levels A and AA and tested with the keyboard. To our knowledge it is largely compliant.
shell-accessibility-gaps-heading = Content that is not accessible
shell-accessibility-gaps-text = Content in German Sign Language is still being prepared. The page "Easy Language" explains the service portal in easy words.
shell-accessibility-preparation-heading = Preparation of this statement
shell-accessibility-preparation-text = This statement is based on a self-assessment and is reviewed with every release.
shell-accessibility-feedback-heading = Feedback and contact
shell-accessibility-feedback-text = Have you found a barrier? Write to barrierefreiheit@musterstadt.example. We answer within six weeks.
shell-accessibility-enforcement-heading = Enforcement procedure
shell-accessibility-enforcement-text = If you do not receive a satisfactory answer, you can turn to the conciliation body under § 16 of the German Disability Equality Act (BGG) at the Federal Government Commissioner for Matters relating to Persons with Disabilities.

shell-easy-language-title = Easy Language
shell-easy-language-intro = Here we explain the service portal in easy words.
shell-easy-language-what-heading = What is the service portal?
shell-easy-language-what-text =
    The service portal is a website of the city.
    Here you can do things with the city.
    You do not have to go to an office.
    The portal is always open.
    Also in the evening and at the weekend.
shell-easy-language-services-heading = What can you do here?
shell-easy-language-services-text =
    You can make an application.
    An application is a request to the city.
    For example:
    You want to register a dog.
    Or you want the city to collect bulky waste.
    Bulky waste is big things from your home.
    For example an old sofa.
    On the home page you see all applications.
shell-easy-language-find-heading = How to find the right thing
shell-easy-language-find-text =
    At the top of every page there is a search box.
    Write in the box what you need.
    For example: dog.
    Then click on: Search.
    You then see a list.
    Click on the right thing in the list.
shell-easy-language-sign-in-heading = Signing in
shell-easy-language-sign-in-text =
    For an application you have to sign in.
    Then the city knows: the application really comes from you.
    You sign in with BayernID.
    BayernID is an account for the offices in Bavaria.
    Some applications need your identity card.
    The card must have the online function.
    And you need the PIN for the card.
shell-easy-language-apply-heading = How to make an application
shell-easy-language-apply-text =
    The application has several steps.
    In every step you answer a few questions.
    Then click on: Continue.
    Is something missing?
    Then you see a note at the question.
    You have no more time right now?
    Then click on: Save and continue later.
    Your answers stay saved.
    At the end you see all your answers.
    Then click on: Send application.
    You get a number.
    The number is called: reference.
    Write the number down.
shell-easy-language-status-heading = What happens next?
shell-easy-language-status-text =
    Someone at the city reads your application.
    On the page "My applications" you see what is happening.
    Does the city need something more from you?
    Then you get an e-mail.
    The e-mail says: look in the service portal.
shell-easy-language-help-heading = Help
shell-easy-language-help-text =
    Do you have a question?
    Or are you stuck?
    Then call: 0123 456-0.
    Or write an e-mail to: serviceportal@musterstadt.example
    Do you want another language?
    At the top of every page you can choose the language.

shell-sign-in = Sign in
shell-sign-out = Sign out
shell-signed-in-as = Signed in as
shell-sign-in-title = Sign in
shell-sign-in-demo-note = Demo sign-in: choose an example person. In a real installation you sign in with BayernID or your staff account.
shell-sign-in-choose = Who do you want to sign in as?
shell-sign-in-level-needed = This service needs a sign-in at level of assurance { $level }. Only people who reach it are offered.
shell-persona-citizen = Erika Mustermann, citizen (level of assurance substantial)
shell-persona-citizen-low = Jonas Neumann, citizen (level of assurance low)
shell-persona-citizen-high = Aylin Yılmaz, citizen with online ID card (level of assurance high)
shell-persona-caseworker = Max Beispiel, caseworker at KVR and Sozialreferat
shell-persona-caseworker-awm = Lena Vogel, caseworker at the waste management department and KVR
shell-persona-caseworker-awm-2 = Tom Huber, caseworker at the waste management department
shell-persona-department-admin-2 = Jan Freigabe, second department administrator at KVR (four eyes)
shell-persona-department-admin = Dana Verwaltung, department administrator at KVR
shell-persona-platform-admin = Paul Betrieb, platform operations

shell-account-title = Your account
shell-account-intro = The service portal received these details from the sign-in service when you signed in. They are kept for this session only.
shell-account-signed-out = You are not signed in.
shell-account-not-given = not provided
shell-account-name = Name
shell-account-email = E-mail address
shell-account-address = Address
shell-account-level = Level of assurance of the sign-in
shell-account-roles = Roles
shell-account-roles-unmatched = none of the portal's roles (received: { $received })
shell-account-departments = Departments
shell-level-low = low
shell-level-substantial = substantial
shell-level-high = high
shell-level-unknown = not stated
shell-role-citizen = citizen
shell-role-caseworker = caseworker
shell-role-department-admin = department administrator
shell-role-platform-admin = platform operations
shell-sign-in-failed-title = Sign-in not possible
shell-sign-in-failed-cancelled = You cancelled the sign-in.
shell-sign-in-failed-expired = The sign-in has expired or was already used. Please sign in again.
shell-sign-in-failed-unavailable = The sign-in service cannot be reached right now. Please try again later.
shell-sign-in-failed-other = The sign-in failed. Please try again.
shell-sign-in-failed-again = Sign in again
shell-level-refused-title = Sign-in at a higher level of assurance not completed
shell-level-refused-needed = This service needs a sign-in at the level of assurance “{ $level }”. The sign-in at this level was not completed.
shell-level-refused-how = With BayernID you reach this level, for example, with the online function of your ID card (eID) or with an ELSTER certificate. Have your ID card and PIN or your ELSTER certificate file at hand.
shell-level-refused-still-signed-in = You are still signed in, at the level of assurance “{ $level }”. You can go on using services that need that level.
shell-level-refused-signed-out = You are not signed in.
shell-level-refused-again = Sign in again at this level

## E-mails
shell-mail-greeting = Hello,
shell-mail-footer =
    This message was sent automatically by the service portal; please do not reply to it.
    For your security it contains no details of your request. You will find everything after signing in to the service portal.

## Copy of one's data
shell-data-heading = Download your data
shell-data-intro = You get everything the service portal keeps about you as one ZIP archive: your requests with your answers and files, drafts, cases with messages and decisions. The file "index.html" in it shows everything clearly; "data.json" holds the same for use in other programs.
shell-data-download = Download all my data (ZIP)
shell-data-archive-title = Your data in the service portal
shell-data-archive-made = Compiled on { $date }.
shell-data-archive-intro = This overview contains everything the service portal keeps about you (right of access, Art. 15 GDPR). The files are in the folders next to this page and linked here. The same data is in "data.json" in a machine-readable form (Art. 20 GDPR).
shell-data-archive-contents = Contents
shell-data-answers = Your answers
shell-data-history = History
shell-data-files = Files
shell-data-file-missing = could not be read; please contact the responsible office
shell-data-file-name = my-data
shell-data-account = Your account
shell-data-account-record = Details from your sign-in
shell-data-busy = Many copies are being compiled right now. Please try again in a few seconds.
shell-data-failed = Your data could not be compiled just now. Please try again later.
shell-data-back = Back to your account

## Search box in the header
shell-search-label = Search for a service
shell-search-submit = Search

## The open interface (/api)
shell-api-title = Interface for back-office systems
shell-api-intro = The city's back-office systems (document management, payment, registers) process the cases of their departments through the open interface /api/v1: list and read cases, download documents, change their state, write to the applicant and add internal notes – by the same rules as caseworkers.
shell-api-document = OpenAPI document (OpenAPI 3.1, JSON)
shell-api-client-heading = Start with a generated client
shell-api-client = The quickest start is a client that a generator writes from the OpenAPI document, for example openapi-python-client (PyPI) or progenitor (crates.io). Every call has a name of its own (operationId, such as listCases or getCase) that the client names its methods after. The portal's tests take exactly this way: list cases, read one, add a note, claim it.
shell-api-access-heading = Access
shell-api-access-client = Operations register the system as a client at the city's identity provider (client-credentials grant) and enter in the portal which departments it works for and what it may do (scopes).
shell-api-access-token = The system obtains an access token (JWT) for the portal's audience from the identity provider.
shell-api-access-call = Every call carries the token in the header "Authorization: Bearer …". Every call is recorded in the audit trail; each system may make a limited number of calls per minute.
shell-api-operations-heading = Calls
shell-api-scope = Scope needed
shell-api-body = Request body (JSON)
shell-api-parameters = Parameters
shell-api-parameter-name = Name
shell-api-parameter-in = In
shell-api-meaning = Meaning
shell-api-required = (required)
shell-api-responses = Answers
shell-api-status = Status
shell-api-unavailable = The description of the interface is not available at the moment.
shell-api-problems-heading = Kinds of problems
shell-api-problems-intro = The interface answers errors with problem details (RFC 9457) as application/problem+json. The field "type" links to one of the following sections; "code", where present, names the exact case.
shell-api-problem-unauthorized = No valid access token: none sent, forged, expired, for another audience or from another issuer.
shell-api-problem-insufficient-scope = The system lacks the scope this call needs.
shell-api-problem-forbidden = The system is not registered with the portal, or may not do this.
shell-api-problem-not-found = Nothing with this id among what the system may see.
shell-api-problem-invalid = The request is malformed or a value is invalid; "detail" says which.
shell-api-problem-conflict = The case changed since the version that was read, or its state does not allow this. Read it again and decide again.
shell-api-problem-too-large = The request body is larger than 64 KiB.
shell-api-problem-unsupported-media-type = The request body is not JSON.
shell-api-problem-too-many-requests = Too many calls; "Retry-After" says after how many seconds to go on.
shell-api-problem-internal = An error in the portal; the call can be repeated later.
shell-api-problem-unavailable = The identity provider's keys cannot be reached at the moment; the call can be repeated later.

## Webhook delivery log (/dienststelle/zustellungen)
shell-deliveries-title = Deliveries to back-office systems
shell-deliveries-intro = Events of your departments' cases that the portal posts to subscribed systems (webhooks). When a receiver does not accept an event, the portal tries again after growing pauses.
shell-deliveries-none = No deliveries yet.
shell-deliveries-unavailable = The log is not available at the moment.
shell-deliveries-caption = The newest deliveries
shell-deliveries-event = Event
shell-deliveries-at = Time
shell-deliveries-target = Receiver
shell-deliveries-attempts = Attempts
shell-deliveries-state = State
shell-deliveries-last = Last answer
shell-deliveries-delivered = delivered on { $at }
shell-deliveries-failed = given up on { $at }
shell-deliveries-pending = next attempt { $at }

# How dates are written on pages (chrono strftime).
shell-date-format = %-d %B %Y
shell-decimal-separator = { "." }

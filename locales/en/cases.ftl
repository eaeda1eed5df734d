# Texts of the cases module: the caseworkers' inbox and case page.

cases-nav = Casework
cases-inbox-title = Inbox
cases-inbox-counts = Cases by state
cases-inbox-all = All cases
cases-inbox-caption = Cases of your departments
cases-search-label = Search cases
cases-search-hint = Reference (opens the case), name, or words from answers and messages
cases-search-suggestions = { $count ->
    [one] One suggestion
   *[other] { $count } suggestions
}
cases-search-found = { $count ->
    [one] One case for “{ $query }”
   *[other] { $count } cases for “{ $query }”
}
cases-search-none = No case of your departments matches this search. Check the spelling or loosen the filters.
cases-inbox-empty = No cases for this selection.
cases-inbox-next = More cases
cases-filter-state = State
cases-filter-any = any
cases-filter-assigned = Assigned to
cases-filter-mine = me
cases-filter-nobody = nobody
cases-filter-from = Filed from
cases-filter-until = Filed until
cases-filter-overdue = overdue only
cases-filter-oldest-first = oldest first
cases-filter-apply = Show selection
cases-column-reference = Reference
cases-column-service = Service
cases-column-applicant = Applicant
cases-column-state = State
cases-column-assignee = Assigned to
cases-column-filed = Filed
cases-column-due = Due
cases-unassigned = nobody
cases-overdue = overdue
cases-internal = internal
cases-optional = optional

cases-state-submitted = Received
cases-state-in-progress = In progress
cases-state-waiting-for-citizen = Waiting for the applicant
cases-state-consulting = Opinion requested
cases-state-awaiting-confirmation = Decision awaiting confirmation
cases-state-decided = Decided
cases-state-closed = Closed
cases-state-withdrawn = Withdrawn
# The same states as the citizen reads them.
cases-citizen-state-submitted = Received
cases-citizen-state-in-progress = Being processed
cases-citizen-state-waiting-for-citizen = We need information from you
cases-citizen-state-consulting = Being processed: another office is consulted
cases-citizen-state-awaiting-confirmation = Being processed: the decision is being checked
cases-citizen-state-decided = Decided
cases-citizen-state-closed = Completed
cases-citizen-state-withdrawn = Withdrawn by you

cases-not-found = This case does not exist
cases-back-to-inbox = Back to the inbox
cases-reason = Reason
cases-actions = Next steps
cases-choose-action = What do you want to do?
cases-text-any = Text for the chosen action (question, reason or opinion)
cases-carry-out = Carry out
cases-four-eyes-before = In this process a second person confirms your decision before the applicant learns of it.
cases-four-eyes-waiting = Your decision waits for a second person to confirm it. You cannot confirm it yourself.
cases-shortcuts = Keyboard shortcuts
cases-shortcuts-how = Choose the actions with a letter in brackets with the Alt key and that letter (in Firefox Alt and Shift), for example Alt+U for "Take the case". Then write the text and press "Carry out".
cases-no-actions = There is nothing you can do in this state.
cases-answers = Details in the application
cases-timeline = History
cases-action-done = Done.
cases-withdraw-heading = Withdraw the request
cases-withdraw-intro = If you no longer need the request, you can withdraw it. You will be asked once more first.
cases-withdraw-title = Really withdraw the request?
cases-withdraw-back = Back to the request
cases-withdraw-consequence = A withdrawn request is not processed any further. This cannot be undone: if you need the service later after all, file a new request.
cases-withdraw-confirm = Yes, withdraw the request
cases-withdraw-keep = No, keep the request
cases-error-confirm-withdraw = Please confirm on the page that asks that you want to withdraw the request.
cases-done-withdraw = Your request is withdrawn. It will not be processed any further.
cases-done-answer = We have received your answer and continue with your request.
cases-done-message = Your message is sent.
cases-done-note = The note is saved.
cases-done-claim = You are now working on the case.
cases-done-request-information = The question is sent. The case waits for the answer.
cases-done-approve = The request is approved.
cases-done-reject = The request is rejected.
cases-done-confirm = The decision is confirmed and visible to the applicant.
cases-done-send-back = The decision is sent back for revision.
cases-done-close = The case is closed.
cases-done-reopen = The case is open again.
cases-consult-department = Department

cases-error-general = That did not work. Please try again.
cases-error-changed = The case has changed in the meantime. Please check its new state and then try again.
cases-error-not-allowed = This step is not possible in the case's current state.
cases-error-text-required = Please enter a text.
cases-error-text-too-long = The text is too long (at most 4000 characters).
cases-error-four-eyes = A second person must confirm the decision, not you.
cases-error-unknown-department = This department cannot be consulted for this service.

cases-action-claim = Take the case
cases-action-request-information = Send question
cases-action-answer = Send answer
cases-action-consult = Request an opinion
cases-action-give-opinion = Give opinion
cases-action-approve = Approve
cases-action-reject = Reject
cases-action-confirm = Confirm decision
cases-action-send-back = Send back for revision
cases-action-close = Close case
cases-action-reopen = Reopen case
cases-action-withdraw = Withdraw application

cases-text-request-information = What do you need from the applicant?
cases-text-answer = Your answer
cases-text-consult = Question to the department
cases-text-give-opinion = Opinion
cases-text-approve = Reason for approval
cases-text-reject = Reason for rejection
cases-text-send-back = What needs revising?
cases-text-reopen = Why is the case reopened?
cases-text-withdraw = Reason

cases-event-filed = Application received
cases-event-claim = Case taken
cases-event-request-information = Question sent
cases-event-answer = Answer received
cases-event-consult = Opinion requested
cases-event-give-opinion = Opinion given
cases-event-approve = Approved
cases-event-reject = Rejected
cases-event-confirm = Decision confirmed
cases-event-send-back = Sent back for revision
cases-event-close = Closed
cases-event-reopen = Reopened
cases-event-withdraw = Withdrawn

cases-back-to-mine = Back to my applications
cases-question = Our question to you
cases-your-actions = What you can do
cases-decision-approved = Your application has been approved
cases-decision-rejected = Your application has been rejected
cases-next-answer = Please answer our question.

cases-comments = Notes and messages
cases-message-to-citizen = Message to the applicant
cases-note = Internal note (visible to staff only)
cases-send-message = Send message
cases-save-note = Save note
cases-write-to-us = Write to us
cases-message-to-office = Your message
cases-event-note = Internal note
cases-event-message = Message
cases-assign-take-over = Take the case over
cases-assign-release = Give the case back
cases-event-take-over = Case taken over
cases-event-release = Case given back

cases-documents = Documents
cases-documents-none = No documents.
cases-documents-upload = Attach documents
cases-documents-hint = PDF, JPG or PNG, up to 10 MB each, at most 5 files.
cases-appointments = Appointments for this request
cases-appointment-cancelled = cancelled
cases-letter-upload = Attach your own decision letter (optional)
cases-letter-hint = PDF up to 10 MB. An attached letter is used instead of a generated one.
cases-letter-generate = Generate the decision letter as PDF
cases-document-request = filed with the request
cases-document-answer = answer to a question
cases-document-letter = decision letter
cases-document-opinion = opinion
cases-error-file-too-large = A file is too large (at most 10 MB each).
cases-error-file-type = A file has a format that is not allowed. Allowed are PDF, JPG and PNG; decision letters only PDF.
cases-error-file-empty = A file is empty.
cases-error-file-unreadable = A file could not be read. Please try again.
cases-error-file-not-stored = A file could not be stored just now. Please try again later; your text is not lost, it is still in the form.
cases-error-too-many-files = Please attach at most 5 files.
cases-error-no-files-here = Files cannot be attached to this step.

# Decision letters are written in German, the official language; these English texts
# exist so that every key has both languages.
cases-letter-title-approved = Decision: your request is approved
cases-letter-title-rejected = Decision: your request is rejected
cases-letter-date = Date: { $date }
cases-letter-reference = Reference: { $reference }
cases-letter-subject = Your request “{ $service }” of { $date }
cases-letter-greeting = Hello { $name },
cases-letter-approved = Your request is granted.
cases-letter-rejected = Your request is rejected.
cases-letter-reason = Reasons
cases-letter-remedy-heading = How to appeal
cases-letter-remedy = You may bring an action against this decision at the Bavarian Administrative Court in Munich within one month of its notification (Postfach 20 05 43, 80005 München).
cases-letter-closing = Kind regards
cases-letter-electronic = This letter was produced electronically and is valid without a signature.

cases-assign-to = Hand over to a colleague
cases-assign-assign = Hand over
cases-event-assign = Handed over to
cases-error-unknown-colleague = This person does not work in the responsible department.
cases-filter-consulted = opinions asked of us
cases-filter-service = Service
cases-inbox-consulting = Opinions requested
cases-error-not-found = This case does not exist or does not belong to your department.
cases-bulk-result-title = Result of the bulk action
cases-bulk-result-caption = Result per case
cases-bulk-result = Result
cases-bulk-action = Action
cases-bulk-summary = { $done } of { $all } cases done.
cases-bulk-claim = Claim
cases-bulk-take-over = Take over
cases-bulk-assign = Hand over to
cases-bulk-release = Give back
cases-bulk-close = Close
cases-bulk-heading = Act on the selected cases
cases-bulk-select = Select case { $reference }
cases-bulk-apply = Apply to selection
cases-bulk-colleague = Colleague (for “Hand over to”)
cases-bulk-select-column = Select
cases-export = Download this selection (without the answers of the requests):

## E-mails to the citizen (no details of the request: e-mail is not a secure channel)
cases-mail-received = Your request { $reference } has been received
cases-mail-received-body =
    We have received your request. Its reference number is { $reference }.
    You can follow its progress here at any time: { $link }
cases-mail-question = A question about your request { $reference }
cases-mail-question-body =
    We have a question about your request { $reference }. Processing is paused until you answer.
    Please read and answer the question here: { $link }
cases-mail-decided = Decision on your request { $reference }
cases-mail-decided-body =
    A decision has been made on your request { $reference }.
    You can read the decision and its reasons here: { $link }
cases-mail-message = New message about your request { $reference }
cases-mail-message-body =
    There is a new message about your request { $reference }.
    You can read it here: { $link }

## E-mail to the caseworkers' shared mailbox (no details of the request either)
cases-mail-new-case = New request { $reference }: { $service }
cases-mail-new-case-body =
    A new request "{ $service }" with the reference { $reference } is in the inbox.
    After signing in, open it here: { $link }
cases-mail-new-case-footer =
    This message was sent automatically by the service portal to the shared mailbox.
    It contains no details of the request; those are only in the service portal.

## Department dashboard
cases-dashboard-nav = Department
cases-dashboard-title = Department overview
cases-dashboard-deliveries = Deliveries to back-office systems (webhooks)
cases-dashboard-departments = Figures for: { $departments }
cases-dashboard-states = Cases by state
cases-dashboard-overdue = Overdue
cases-dashboard-per-service = Cases and processing time by service
cases-dashboard-from = Decisions from
cases-dashboard-until = Decisions until
cases-dashboard-show = Show
cases-dashboard-no-cases = Your department has no cases yet.
cases-dashboard-caption = Cases by service; processing time (filing to decision, in days) of decisions from { $from } to { $until }
cases-dashboard-open = Open
cases-dashboard-total = Total
cases-dashboard-decided = Decided in period
cases-dashboard-median = Median (days)
cases-dashboard-p90 = 90 % done within (days)
cases-dashboard-services = Services of the department
cases-dashboard-services-caption = Services with their published version and online status
cases-dashboard-version = Version
cases-dashboard-export = { $service } as a TOML file
cases-dashboard-online = Online application
cases-dashboard-switch = Change
cases-dashboard-is-online = available
cases-dashboard-is-offline = temporarily switched off
cases-dashboard-take-offline = Switch { $service } off
cases-dashboard-take-online = Switch { $service } back on

## Copy of one's data
cases-data-title = Your cases
cases-data-note = How your requests were processed: state, decision, history with messages, decisions and e-mails. Closed cases are deleted when their retention period ends.
cases-data-reference = Reference
cases-data-service = Service
cases-data-name = Name
cases-data-filed = Received
cases-data-state = State
cases-data-decision = Decision
cases-data-reason = Reason
cases-data-contact = E-mail address for notifications
cases-data-kept-until = Deleted from
cases-data-mail-sent = E-mail sent
cases-data-mail-waiting = E-mail waiting to be sent

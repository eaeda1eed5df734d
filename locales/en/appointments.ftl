## Appointments at the city's offices
appointments-nav = Appointments
appointments-title = Book an appointment
appointments-summary = Book, change or cancel an appointment at a citizens' office or another city office.
appointments-intro = Choose the service you need an appointment for. Then choose the number of people, the office, the day and the time. You do not need to sign in.
appointments-none = No appointments can be booked online at the moment.
appointments-choose-service = Services from A to Z
appointments-back-to-start = Back to the choice of service
appointments-not-found = This page does not exist (any more)
appointments-error = Booking appointments is not possible right now
appointments-persons-label = For how many people?
appointments-combine = Other matters to settle in the same appointment (optional)
appointments-near-label = Postcode (optional)
appointments-near-hint = With your postcode we show the nearest offices first.
appointments-find-offices = Show offices
appointments-services = Matters
appointments-persons = People
appointments-office = Office
appointments-when = Appointment
appointments-offices-title = Choose an office
appointments-order-earliest = Ordered by the earliest free day.
appointments-order-distance = Ordered by distance from { $postcode }.
appointments-location-use = Use my location
appointments-location-waiting = Your browser is asking for your location …
appointments-location-got = Location taken: we show the nearest offices first.
appointments-location-refused = Your location is not available. You can give your postcode instead.
appointments-order-here = Ordered by distance from your location.
appointments-order-by-distance = Order by distance
appointments-near-unknown = We know no place for the postcode { $postcode }. The offices are ordered by the earliest free day.
appointments-no-office = No office offers all the chosen matters together. Choose fewer matters for one appointment.
appointments-earliest = Earliest free day: { $day }
appointments-no-free-day = No appointment is free here in the coming weeks.
appointments-distance = Distance: about { $km } km
appointments-calendar-title = Choose a day and time
appointments-length = The appointment takes { $minutes } minutes.
appointments-times = Free times
appointments-times-of = Free times on { $day }
appointments-times-hint = When you choose a time, we keep it for you for a few minutes while you enter your details.
appointments-choose-day-first = First choose a day below.
appointments-days = Days with free appointments
appointments-other-office = Choose another office
appointments-note-taken = This time was just taken. Here are the other free times.
appointments-note-time = This time cannot be booked. Please choose one of the free times.
appointments-note-many = Very many times were held from your connection in a short while. Please try again in a few minutes.
appointments-note-proof = Your browser's check ran out or was already used. Please choose the time again.
appointments-note-day = This day cannot be booked. Please choose one of the days with free appointments.
appointments-day-past = This day is in the past.
appointments-day-beyond = Appointments cannot be booked that far ahead yet.
appointments-day-invalid = This is not a day of the calendar.
appointments-day-full = No time is free on this day any more.
appointments-held-title = Your details
appointments-held-left = The time is reserved for you for { $minutes } more minutes.
appointments-details = Contact details
appointments-details-from-sign-in = Name and e-mail address come from your sign-in.
appointments-name = First and last name
appointments-email = E-mail address
appointments-phone = Phone number (optional)
appointments-wrong-name = Please enter your name.
appointments-wrong-email = Please enter an e-mail address like name@example.org.
appointments-wrong-telefon = Please enter a phone number with digits, spaces and + - / ( ) only, or leave the field empty.
appointments-too-many = This e-mail address already has as many coming appointments for this matter as one person can have. Please cancel one of them first; the link is in its confirmation.
appointments-book = Book the appointment
appointments-release = Release the time
appointments-unconfirmed-title = Please confirm your e-mail address
appointments-unconfirmed-text = We sent a link to { $email }. Open it within { $minutes } minutes and the appointment is booked. Otherwise the time becomes free again.
appointments-booked-title = Your appointment is booked
appointments-reference = Your appointment number:
appointments-booked-mail = We sent the confirmation with a calendar file to { $email }.
appointments-bring = What to bring
appointments-move-title = Choose a new day and time
appointments-move-heading = Move the appointment
appointments-move = Choose another day or time
appointments-cancel-title = Cancel the appointment
appointments-cancel-text = If you cannot come, please cancel the appointment so that someone else can use it.
appointments-cancel = Cancel the appointment
appointments-cancelled-title = The appointment is cancelled
appointments-book-new = Book a new appointment
appointments-expired-title = This reservation has run out
appointments-expired-text = The time for your details or for the confirmation has run out, and the time is free again.
appointments-confirm-title = Confirm the appointment
appointments-confirm = Confirm the appointment now
appointments-manage-long = View, move or cancel the appointment
appointments-overview-none = You have no coming appointments.
appointments-manage = View or cancel the appointment
appointments-date = { $weekday }, { $day } { $month } { $year }
appointments-weekday-1 = Monday
appointments-weekday-2 = Tuesday
appointments-weekday-3 = Wednesday
appointments-weekday-4 = Thursday
appointments-weekday-5 = Friday
appointments-weekday-6 = Saturday
appointments-weekday-7 = Sunday
appointments-month-1 = January
appointments-month-2 = February
appointments-month-3 = March
appointments-month-4 = April
appointments-month-5 = May
appointments-month-6 = June
appointments-month-7 = July
appointments-month-8 = August
appointments-month-9 = September
appointments-month-10 = October
appointments-month-11 = November
appointments-month-12 = December

## E-mails to the citizen
appointments-mail-confirm = Please confirm your appointment
appointments-mail-confirm-body =
    You reserved an appointment. It is booked only when you confirm your e-mail address.
    Please open this link within { $minutes } minutes: { $link }
    If you did not reserve an appointment, you can delete this message.
appointments-mail-booked = Your appointment { $reference } on { $day } at { $from }
appointments-mail-booked-body =
    Your appointment is booked.
    Appointment number: { $reference }
    When: { $day }, { $from } to { $to }
    Where: { $office }, { $address }
    Matters: { $services } (for { $persons } people)
    What to bring is listed here: { $bring_link }
    View, move or cancel: { $link }
    You can add the attached calendar file to your calendar.
appointments-mail-moved = Your appointment is moved: { $reference } on { $day } at { $from }
appointments-mail-moved-body =
    Your appointment is moved. The previous one is cancelled and its time free again.
    New appointment number: { $reference }
    When: { $day }, { $from } to { $to }
    Where: { $office }, { $address }
    Matters: { $services } (for { $persons } people)
    What to bring is listed here: { $bring_link }
    View, move or cancel: { $link }
    You can add the attached calendar file to your calendar.
appointments-mail-cancelled = Your appointment { $reference } is cancelled
appointments-mail-cancelled-body =
    Your appointment { $reference } on { $day } at { $from } at { $office } is cancelled.
    The time is free again.
appointments-mail-blocked = Your appointment { $reference } cannot take place
appointments-mail-blocked-body =
    We are sorry: your appointment { $reference } on { $day } at { $from } at { $office } cannot take place: { $reason }
    Please book a new appointment: { $book_link }
appointments-mail-reminder = Reminder: your appointment tomorrow at { $from }
appointments-mail-reminder-body =
    This is a reminder of your appointment { $reference } tomorrow, { $day }, from { $from } to { $to }.
    Where: { $office }, { $address }
    What to bring is listed here: { $bring_link }

## The citizen's copy of their data
appointments-data-title = Your appointments
appointments-data-note = Appointments with your contact details are deleted a few weeks after their date.
appointments-data-reference = Appointment number
appointments-data-office = Office (number)
appointments-data-day = Day
appointments-data-state = State
appointments-data-persons = People
appointments-data-services = Matters (numbers)
appointments-data-made = Booked on
appointments-state-held = reserved
appointments-state-unconfirmed = waiting for confirmation
appointments-state-booked = booked
appointments-state-expired = run out
appointments-state-cancelled = cancelled

## The office staff's day list
appointments-staff-nav = Office appointments
appointments-staff-title = Appointments of the offices
appointments-staff-none = You are not assigned to an office with appointments.
appointments-staff-empty = No appointments are booked on this day.
appointments-staff-time = Time
appointments-staff-note = Note
appointments-staff-days = Days
appointments-staff-before = Previous day
appointments-staff-after = Next day
appointments-staff-csv = Day list as CSV
appointments-staff-all = All offices
appointments-blocks = Blocked times
appointments-block-title = Block a time
appointments-block-hint = For a closure or a training: the appointments in this time are cancelled, and their citizens are told by e-mail with the reason.
appointments-block-from = From (time)
appointments-block-to = Until (time)
appointments-block-reason = Reason (shown in the e-mail)
appointments-block = Block the time
appointments-blocked-done = The time is blocked. Appointments cancelled: { $cancelled }.
appointments-mark-arrived = Arrived
appointments-mark-done = Done
appointments-mark-no_show = No show
appointments-state-arrived = arrived
appointments-state-done = done
appointments-state-no_show = no show

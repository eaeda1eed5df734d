# Module "Toilet finder".

toilets-nav = Find toilets
toilets-catalogue-title = Find public toilets
toilets-catalogue-summary = Public and accessible toilets near you: open now, with Euro key, changing table or free of charge, as a list and on a map.
toilets-title = Find public toilets
toilets-intro = Find public toilets near you, including those with step-free access, a Euro key lock or a changing table.
toilets-error = The toilets could not be loaded just now. Please try again later.
toilets-not-found = This toilet is not (or no longer) listed.
toilets-back = Back to the toilet search
toilets-filter-label = Search toilets
toilets-where = Where?
toilets-address-search = Address or postcode
toilets-address-hint = For example: Marienplatz 1 or 80331
toilets-location-use = Use my location
toilets-location-waiting = Your browser is asking for your location …
toilets-location-got = Location taken: after searching we show the nearest toilets first.
toilets-location-refused = Your location is not available. You can choose a district instead.
toilets-district = District
toilets-district-all = All districts
toilets-wheelchair = Wheelchair accessible
toilets-wheelchair-any = Any
toilets-wheelchair-need-yes = Fully accessible only
toilets-wheelchair-need-limited = Fully or partly accessible
toilets-wheelchair-yes = yes
toilets-wheelchair-limited = partly
toilets-wheelchair-no = no
toilets-wheelchair-unknown = not known
toilets-equipment = Facilities
toilets-filter-euro-key = With Euro key
toilets-filter-changing-table = With changing table
toilets-free-only = Free of charge only
toilets-when = When?
toilets-filter-open = Open only
toilets-at = Open at (date and time)
toilets-at-hint = Leave empty for now.
toilets-apply = Show toilets
toilets-address-not-found = We did not find this address. The list is ordered by district.
toilets-address-unavailable = The address search cannot be reached just now. The list is ordered by district.
toilets-position-unreadable = Your location arrived unreadable. The list is ordered by district.
toilets-at-unreadable = The date and time could not be read; opening hours are for now.
toilets-results = Toilets by district
toilets-results-near-you = Toilets near you, nearest first
toilets-results-near = Toilets near { $place }, nearest first
toilets-judged-at = Opening hours for { $at }.
toilets-none = No toilet matches your search. Leave out a filter to see more.
toilets-map-label = Map of the toilets on this page
toilets-pages = More results
toilets-previous = Previous page
toilets-next = Next page
toilets-data-from = Data:
toilets-open-data = All toilets as open data (GeoJSON)
toilets-distance-m = { $metres } m away
toilets-distance-km = { $km } km away
toilets-open-always = Open day and night
toilets-open-until = Open until { $time }
toilets-open-until-day = Open until { $weekday }, { $day } { $time }
toilets-closed-opens = Closed, opens at { $time }
toilets-closed-opens-day = Closed, opens { $weekday }, { $day } at { $time }
toilets-closed = Closed
toilets-hours-unknown = Not known whether it is open
toilets-hours-unreadable = Opening hours cannot be evaluated
toilets-hours-none = No opening hours given
toilets-weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
toilets-unnamed = Public toilet
toilets-unnamed-at = Public toilet, { $street }
toilets-address = Address
toilets-position = Position
toilets-operator = Run by
toilets-hours = Opening hours
toilets-features = Facilities
toilets-week = The next seven days
toilets-way-there = Getting there and reporting
toilets-open-in-map-app = Open in my map app
toilets-report-problem = Report a problem at this toilet
toilets-euro-key = Euro key
toilets-changing-table = Changing table
toilets-fee = Fee
toilets-fee-free = free
toilets-fee-charged = charged
toilets-unknown = not known
toilets-yes = yes
toilets-no-or-unknown = no or not known

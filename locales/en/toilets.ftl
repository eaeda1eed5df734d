# Module "Accessible toilets".

toilets-nav = Accessible toilets
toilets-catalogue-title = Find accessible toilets
toilets-catalogue-summary = Public toilets with step-free access, by district, with opening hours and Euro key information.
toilets-title = Accessible toilets
toilets-intro = Every toilet listed here has step-free access and is suitable for wheelchairs.
toilets-loading = Loading toilets …
toilets-error = The toilets could not be loaded just now. Please try again later.
toilets-filter-label = Filter toilets
toilets-district = District
toilets-district-all = All districts
toilets-free-only = Free toilets only
toilets-apply = Apply filter
toilets-count = { $count ->
    [0] No toilet found
    [one] 1 toilet found
   *[other] { $count } toilets found
}
toilets-address = Address
toilets-hours = Opening hours
toilets-euro-key = Euro key needed
toilets-changing-table = Baby changing table
toilets-fee = Fee
toilets-fee-free = free
toilets-yes = yes
toilets-no = no

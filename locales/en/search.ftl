search-title = Search services
search-label = Search term
search-submit = Search
search-empty = Type what you want to get done, for example "bulky waste" or "register a dog".
search-count = { $count ->
    [one] One service for "{ $query }"
   *[other] { $count } services for "{ $query }"
}
search-none = No service found for "{ $query }"
search-did-you-mean = Did you mean
search-corrected = The results are for the words in bold.
search-help-spelling = Check the spelling.
search-help-fewer = Try fewer or other words, for example the thing ("ID card") rather than the task.
search-help-catalogue = See all services by life situation
search-error = Search is not available just now. Please try again later or see all services.
search-narrow = Narrow the results
search-narrow-department = By department
search-narrow-life-situation = By life situation
search-narrow-all = All
search-help-widen = Search without narrowing
search-suggestions = { $count ->
    [one] One suggestion
   *[other] { $count } suggestions
}

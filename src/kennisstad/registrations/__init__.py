"""Registration for activities: capacity, waiting list, check-in and the registrants' own links."""

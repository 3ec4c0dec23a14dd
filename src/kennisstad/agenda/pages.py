"""Extension point of the activity page: apps above ``agenda`` add sections to it
(``registrations`` adds the registration status, ``attachments`` the files, ``checklists`` the
preparation) without ``agenda`` importing them."""

from kennisstad.core.contributions import ExtensionPoint

# Each contribution: (activity, *, user) -> PageSection | None.
ACTIVITY_SECTIONS = ExtensionPoint("activity page sections")

"""Extension point of the grant page: apps above ``finances`` add sections to it (``attachments``
adds the files) without ``finances`` importing them."""

from kennisstad.core.contributions import ExtensionPoint

# Each contribution: (grant, *, user) -> PageSection | None.
GRANT_SECTIONS = ExtensionPoint("grant page sections")

"""Extension point of the agreement page: apps above ``agreements`` add sections to it
(``attachments`` adds the signed document and other files) without ``agreements`` importing
them."""

from kennisstad.core.contributions import ExtensionPoint

# Each contribution: (agreement, *, user) -> PageSection | None.
AGREEMENT_SECTIONS = ExtensionPoint("agreement page sections")

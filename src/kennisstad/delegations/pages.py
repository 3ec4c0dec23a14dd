"""Extension point of the delegation page: apps above ``delegations`` add sections to it
(``attachments`` adds the files, ``checklists`` the preparation) without ``delegations``
importing them."""

from kennisstad.core.contributions import ExtensionPoint

# Each contribution: (delegation, *, user) -> PageSection | None.
DELEGATION_SECTIONS = ExtensionPoint("delegation page sections")

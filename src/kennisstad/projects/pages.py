"""Extension point of the project page: apps above ``projects`` add sections to it (``agenda``
adds the project's activities) without ``projects`` importing them."""

from kennisstad.core.contributions import ExtensionPoint

# Each contribution: (project, *, user) -> PageSection | None.
PROJECT_SECTIONS = ExtensionPoint("project page sections")

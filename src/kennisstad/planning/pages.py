"""Extension point of the chapter page: apps above ``planning`` add sections to it (``attachments``
adds the files) without ``planning`` importing them."""

from kennisstad.core.contributions import ExtensionPoint

# Each contribution: (chapter, *, user) -> PageSection | None.
CHAPTER_SECTIONS = ExtensionPoint("chapter page sections")

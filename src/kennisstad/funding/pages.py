"""Extension points of the application page: sections other apps add (files, for one)."""

from kennisstad.core.contributions import ExtensionPoint

APPLICATION_SECTIONS = ExtensionPoint("funding application page sections")

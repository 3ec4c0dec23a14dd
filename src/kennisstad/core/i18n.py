"""User content is held in Dutch and English as plain ``<field>_nl`` / ``<field>_en`` columns.

One explicit mechanism (no model patching) so forms, the API, the audit trail and exports all see
the same fields. ``translated("title")`` gives a read-only property that returns the text in the
active language and falls back to Dutch, the language every record must have.
"""

from django.utils.translation import get_language

DEFAULT_CONTENT_LANGUAGE = "nl"
CONTENT_LANGUAGES = ("nl", "en")


def current_content_language() -> str:
    language = (get_language() or DEFAULT_CONTENT_LANGUAGE)[:2]
    return language if language in CONTENT_LANGUAGES else DEFAULT_CONTENT_LANGUAGE


def translated(base_name: str) -> property:
    def getter(instance) -> str:
        language = current_content_language()
        value = getattr(instance, f"{base_name}_{language}", "")
        return value or getattr(instance, f"{base_name}_{DEFAULT_CONTENT_LANGUAGE}", "")

    getter.__doc__ = f"{base_name} in the active language, falling back to Dutch."
    return property(getter)

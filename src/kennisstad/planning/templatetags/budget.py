"""Template helpers for budget chapters."""

import datetime

from django import template

from kennisstad.planning.exports import paragraph_blocks

register = template.Library()


@register.filter
def blocks(body: str) -> list[tuple[str, str]]:
    """A section text as (kind, text) blocks: sub-headings and paragraphs, as the chapter reads."""
    return paragraph_blocks(body or "")


@register.filter
def isodate(value: str):
    """A date stored as ISO text (in a frozen table) as a date, for the ``date`` filter."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value

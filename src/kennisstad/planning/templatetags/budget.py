"""Template helpers for budget chapters."""

from django import template
from django.utils.translation import pgettext

from kennisstad.planning.chapter_table import Column
from kennisstad.planning.exports import paragraph_blocks

register = template.Library()


@register.filter
def blocks(body: str) -> list[tuple[str, str]]:
    """A section text as (kind, text) blocks: sub-headings and paragraphs, as the chapter reads."""
    return paragraph_blocks(body or "")


@register.filter
def column_title(column: Column) -> str:
    """A table column in the interface language where the header is one of the usual words; a
    municipality's own header (a setting) and the documents themselves stay as written."""
    labels = {
        "Behaald": pgettext("budget column", "Achieved"),
        "Beoogd": pgettext("budget column", "Target"),
        "Begroting": pgettext("budget column", "Budget"),
    }
    return f"{labels.get(column.label, column.label)} {column.year}"


@register.filter
def origin_label(origin: str) -> str:
    from kennisstad.indicators.models import Origin

    try:
        return str(Origin(origin).label)
    except ValueError:
        return origin

"""Which columns a begroting's and a jaarstukken's indicator table have: a setting per kind of
document (``KENNISSTAD_BEGROTING_COLUMNS``, ``KENNISSTAD_JAARSTUKKEN_COLUMNS``), because every
municipality prints its own. A layout is a comma-separated list of ``kind:offset:label``, e.g.
Groningen's begroting ``realisation:-3:Behaald,realisation:-2:Behaald,target:-1:Begroting,
target:0:Beoogd``: the kind (``realisation`` or ``target``), the year relative to the
document's year, and the header word as the document prints it (Dutch document text, so not
translated). This module is the one place the settings are read; a system check refuses a
layout it cannot read, naming the wrong part.
"""

from functools import lru_cache

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .chapter_table import KINDS, Column

SETTINGS = {
    "begroting": "KENNISSTAD_BEGROTING_COLUMNS",
    "jaarstukken": "KENNISSTAD_JAARSTUKKEN_COLUMNS",
}
MAX_COLUMNS = 8
MAX_OFFSET = 20

Layout = tuple[tuple[str, int, str], ...]  # (kind, year offset, label) per column


class LayoutError(ValueError):
    """A layout that cannot be read; the message names the part."""


@lru_cache(maxsize=32)
def parse_layout(text: str) -> Layout:
    if not text.strip():
        raise LayoutError("is empty: give at least one column, e.g. realisation:-1:Behaald")
    columns = [_parse_part(part.strip(), number) for number, part in enumerate(text.split(","), 1)]
    if len(columns) > MAX_COLUMNS:
        raise LayoutError(f"has {len(columns)} columns; a table has at most {MAX_COLUMNS}")
    seen = set()
    for number, (kind, offset, _label) in enumerate(columns, 1):
        if (kind, offset) in seen:
            raise LayoutError(
                f"part {number} repeats the {kind} column of year {offset:+d}; "
                "each kind and year appears once"
            )
        seen.add((kind, offset))
    return tuple(columns)


def _parse_part(part: str, number: int) -> tuple[str, int, str]:
    pieces = [piece.strip() for piece in part.split(":", 2)]
    where = f"part {number} “{part}”"
    if len(pieces) != 3:
        raise LayoutError(f"{where} is not kind:offset:label, e.g. target:0:Beoogd")
    kind, offset, label = pieces[0], pieces[1], " ".join(pieces[2].split())
    if kind not in KINDS:
        raise LayoutError(f"{where}: the kind “{kind}” is neither realisation nor target")
    try:
        years = int(offset)
    except ValueError:
        raise LayoutError(
            f"{where}: the year offset “{offset}” is not a whole number such as -1 or 0"
        ) from None
    if abs(years) > MAX_OFFSET:
        raise LayoutError(f"{where}: the year offset {years} is more than {MAX_OFFSET} years away")
    if not label:
        raise LayoutError(f"{where} has no label, e.g. Behaald")
    return kind, years, label


def layout(document_kind: str) -> Layout:
    """The configured layout of a kind of document ("begroting" or "jaarstukken")."""
    name = SETTINGS[document_kind]
    try:
        return parse_layout(getattr(settings, name))
    except LayoutError as exc:
        raise ImproperlyConfigured(f"{name} {exc}") from exc


def columns_for(document_kind: str, year: int) -> list[Column]:
    """The columns of a document of ``document_kind`` and ``year``, as the setting says."""
    return [Column(kind, year + offset, label) for kind, offset, label in layout(document_kind)]


def check_layouts(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Refuse, when Django starts, a layout that cannot be read, or a header word that heads
    achieved values in one place and targets in another."""
    errors, kinds_of = [], {}
    for name in SETTINGS.values():
        try:
            columns = parse_layout(getattr(settings, name))
        except LayoutError as exc:
            errors.append(
                checks.Error(
                    f"{name} {exc}",
                    hint="Write the columns as kind:offset:label separated by commas, e.g. "
                    "realisation:-1:Behaald,target:0:Beoogd,realisation:0:Behaald",
                    id="planning.E001",
                )
            )
            continue
        for kind, _offset, label in columns:
            kinds_of.setdefault(label.lower(), {})[kind] = name
    for label, kinds in kinds_of.items():
        if len(kinds) > 1:
            errors.append(
                checks.Error(
                    f"the label “{label}” heads achieved values in {kinds['realisation']} and "
                    f"targets in {kinds['target']}; a header word means one kind of column",
                    id="planning.E002",
                )
            )
    return errors

"""A table's column headers as printed: the header word ("Behaald", "Doelstelling",
"Nulmeting", "Bron"), the year if printed ("Behaald 2016", "Realisatie (2017)", or the year on
the next line, handled by the layout readers) and what the column holds.

A header that is only a year ("2017") holds achieved values or targets depending on the
document: its kind is left open ("") while the document is read and settled by
``settle_bare_years`` once the document's kind and year are known.
"""

import re

from django.utils.translation import gettext as _

from .chapter_text_parts import ChapterFormatError
from .document_parts import BASELINE, FORECAST, REALISATION, TARGET, TEXT, PrintedDocument

# Header words (lower case, without hyphens) and the kind of column they head.
COLUMN_WORDS = {
    "behaald": REALISATION,
    "gerealiseerd": REALISATION,
    "realisatie": REALISATION,
    "resultaat": REALISATION,
    "laatste meting": REALISATION,
    "werkelijk": REALISATION,
    "beoogd": TARGET,
    "begroting": TARGET,
    "begroot": TARGET,
    "doel": TARGET,
    "doelstelling": TARGET,
    "streefwaarde": TARGET,
    "streefwaarden": TARGET,
    "streven": TARGET,
    "ambitie": TARGET,
    "norm": TARGET,
    "verwacht": FORECAST,
    "verwachting": FORECAST,
    "prognose": FORECAST,
    "nulmeting": BASELINE,
    "0meting": BASELINE,
    "0waarde": BASELINE,
    "bron": TEXT,
    "bronnen": TEXT,
    "toelichting": TEXT,
    "voetnoot": TEXT,
    "voetnoten": TEXT,
    "noot": TEXT,
    "opmerking": TEXT,
    "doel behaald": TEXT,
}
# The first header cell when it heads the indicator names rather than values.
NAME_HEADERS = {
    "indicator",
    "indicatoren",
    "naam indicator",
    "omschrijving",
    "omschrijving indicator",
    "kengetal",
    "kengetallen",
    "onderwerp",
}
NUMBER_HEADERS = {"nr", "nr.", "#", "nummer", "no", "no."}
PENDING = ""  # the kind of a bare-year column until the document's kind and year are known

HEADER_RE = re.compile(r"^(?P<label>(?:0-?)?[^\d()]*[^\d\s()])\s*(?:\(?(?P<year>\d{4})\)?)?$")
YEAR_RE = re.compile(r"^\(?(\d{4})\)?$")
# Looks like a header with a year but the word is unknown: refused rather than read as a name.
UNKNOWN_HEADER_RE = re.compile(r"^([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\- ]{1,30}?)\s+\(?(\d{4})\)?$")


def word_key(label: str) -> str:
    return " ".join(label.lower().replace("-", "").split())


def header_cell(text: str) -> tuple[str, int | None, str] | None:
    """(label as printed, year or None, kind) for a header cell, or None if it is not one."""
    if match := YEAR_RE.match(text):
        return "", int(match[1]), PENDING
    match = HEADER_RE.match(text)
    if not match:
        return None
    kind = COLUMN_WORDS.get(word_key(match["label"]))
    if kind is None:
        return None
    year = int(match["year"]) if match["year"] else None
    return match["label"].strip(), year, kind


def unknown_header(line: int, text: str) -> ChapterFormatError:
    known = sorted(COLUMN_WORDS)
    return ChapterFormatError(
        line,
        _("unknown column header “%(text)s”; known headers are %(known)s, or a year")
        % {"text": text, "known": ", ".join(known)},
    )


def looks_like_unknown_header(text: str) -> bool:
    """ "Gemeten 2018": a word and a year, not a header we know."""
    return bool(UNKNOWN_HEADER_RE.match(text)) and header_cell(text) is None


def is_name_header(text: str) -> bool:
    return word_key(text).rstrip(":") in NAME_HEADERS


def is_number_header(text: str) -> bool:
    return text.lower() in NUMBER_HEADERS


def bare_year_kind(document_kind: str, document_year: int, year: int) -> str | None:
    """What a column headed by only a year holds, where the document leaves no doubt.

    A begroting Y is written in Y-1: a year up to Y-2 is achieved, Y and later are targets;
    Y-1 may be a forecast or last year's target, so it is not decided. Jaarstukken Y report
    on Y: a year up to Y is achieved, a later one is a target."""
    if document_kind == "begroting":
        if year <= document_year - 2:
            return REALISATION
        if year >= document_year:
            return TARGET
        return None
    return REALISATION if year <= document_year else TARGET


def settle_bare_years(document: PrintedDocument) -> None:
    """Give every bare-year column its kind, or refuse the one the document leaves open."""
    assert document.kind is not None and document.year is not None
    for chapter in document.chapters:
        for table in chapter.tables:
            for column in table.columns:
                if column.kind != PENDING:
                    continue
                assert column.year is not None
                kind = bare_year_kind(document.kind, document.year, column.year)
                if kind is None:
                    raise ChapterFormatError(
                        column.line,
                        _(
                            "the column headed only “%(year)s” in a %(kind)s %(document_year)s "
                            "may hold achieved values or targets; print its header word "
                            "(e.g. “Behaald %(year)s” or “Begroting %(year)s”)"
                        )
                        % {
                            "year": column.year,
                            "kind": document.kind,
                            "document_year": document.year,
                        },
                    )
                column.kind = kind

"""A table's column headers as printed: the header word ("Behaald", "Doelstelling",
"Nulmeting", "Bron"), the year if printed ("Behaald 2016", "Realisatie (2017)", "2018 Begroting",
or the year on the next line, handled by the layout readers), what the header prints after them
(a unit "(%)", "in %", or a footnote mark "*": the column's ``suffix``) and what the column
holds. Words a PDF breaks with a hyphen read whole ("Streef-waarde", "Streef- waarde").

Other areas' figures printed to compare with ("Nederland", "Landelijk gemiddelde",
"Gemeenten", "Regio") head COMPARISON columns: shown as printed, never imported as the
municipality's own values.

A header that is only a year ("2017") holds achieved values or targets depending on the
document: its kind is left open ("") while the document is read and settled by
``settle_bare_years`` once the document's kind and year are known.
"""

import re

from django.utils.translation import gettext as _

from .chapter_text_parts import ChapterFormatError
from .document_parts import (
    BASELINE,
    COMPARISON,
    FORECAST,
    REALISATION,
    TARGET,
    TEXT,
    PrintedDocument,
)

# Header words (lower case, without hyphens) and the kind of column they head.
COLUMN_WORDS = {
    "behaald": REALISATION,
    "gerealiseerd": REALISATION,
    "realisatie": REALISATION,
    "resultaat": REALISATION,
    "laatste meting": REALISATION,
    "werkelijk": REALISATION,
    "realisatiewaarde": REALISATION,
    "stand": REALISATION,
    "waarde": REALISATION,
    "gemeente": REALISATION,
    "beoogd": TARGET,
    "begroting": TARGET,
    "begroot": TARGET,
    "doel": TARGET,
    "doelstelling": TARGET,
    "streefwaarde": TARGET,
    "streefwaarden": TARGET,
    "streven": TARGET,
    "streefcijfer": TARGET,
    "doelwaarde": TARGET,
    "ambitie": TARGET,
    "norm": TARGET,
    "verwacht": FORECAST,
    "verwachting": FORECAST,
    "prognose": FORECAST,
    "nulmeting": BASELINE,
    "0meting": BASELINE,
    "0waarde": BASELINE,
    "uitgangssituatie": BASELINE,
    "startwaarde": BASELINE,
    "bron": TEXT,
    "bronnen": TEXT,
    "toelichting": TEXT,
    "voetnoot": TEXT,
    "voetnoten": TEXT,
    "noot": TEXT,
    "opmerking": TEXT,
    "doel behaald": TEXT,
    "eenheid": TEXT,
    "periode": TEXT,
    "peildatum": TEXT,
    "meetjaar": TEXT,
    "jaar": TEXT,
    "meetmoment": TEXT,
    "frequentie": TEXT,
    "taakveld": TEXT,
    "omschrijving": TEXT,
    "beschrijving": TEXT,
    "definitie": TEXT,
    "verplicht": TEXT,
    "nederland": COMPARISON,
    "landelijk": COMPARISON,
    "landelijk gemiddelde": COMPARISON,
    "gemiddelde nederland": COMPARISON,
    "gemiddeld nederland": COMPARISON,
    "gemeenten": COMPARISON,
    "vergelijkbare gemeenten": COMPARISON,
    "referentiegemeenten": COMPARISON,
    "provincie": COMPARISON,
    "regio": COMPARISON,
    "benchmark": COMPARISON,
}
# The first header cell when it heads the indicator names rather than values.
NAME_HEADERS = {
    "indicator",
    "indicatoren",
    "naam indicator",
    "naam",
    "beleidsindicator",
    "indicator/kengetal",
    "omschrijving indicator/kengetal",
    "omschrijving",
    "omschrijving indicator",
    "kengetal",
    "kengetallen",
    "onderwerp",
}
NUMBER_HEADERS = {"nr", "nr.", "#", "nummer", "no", "no."}
SINGLE_SPACED_LENGTH = 120  # a header line copied with single spaces is no longer
PENDING = ""  # the kind of a bare-year column until the document's kind and year are known

HEADER_RE = re.compile(r"^(?P<label>(?:0-?)?[^\d()]*[^\d\s()])\s*(?:\(?(?P<year>\d{4})\)?)?$")
# "2018 Begroting", "2017 Nederland": the year printed before the word.
YEAR_FIRST_RE = re.compile(r"^\(?(?P<year>\d{4})\)?\s+(?P<label>[^\d()]*[^\d\s()])$")
YEAR_RE = re.compile(r"^\(?(\d{4})\)?$")
# What a header prints after its word and year: a unit, or a footnote mark.
SUFFIX_RE = re.compile(
    r"^(?P<head>.*?\S)\s*(?P<suffix>\((?:in\s+)?(?:%|€|procent|aantal)\)|in\s+(?:%|€|procenten?)"
    r"|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$",
    re.I,
)
# Looks like a header with a year but the word is unknown: refused rather than read as a name.
UNKNOWN_HEADER_RE = re.compile(r"^([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\- ]{1,30}?)\s+\(?(\d{4})\)?$")


def word_key(label: str) -> str:
    """A header word to look up: lower case, a word broken with a hyphen joined again, the
    spaces around a slash dropped ("Indicator/ kengetal")."""
    key = re.sub(r"\s*/\s*", "/", re.sub(r"-\s*", "", label.lower()))
    return " ".join(key.split())


def header_suffix(text: str) -> tuple[str, str]:
    """(the header without it, what it prints after its word and year: "(%)", "in %", "*")."""
    if match := SUFFIX_RE.match(text):
        return match["head"], match["suffix"]
    return text, ""


def header_cell(text: str) -> tuple[str, int | None, str] | None:
    """(label as printed, year or None, kind) for a header cell, or None if it is not one.
    A unit or footnote mark after it is left out here (``header_suffix``)."""
    text = header_suffix(text)[0]
    if match := YEAR_RE.match(text):
        return "", int(match[1]), PENDING
    match = HEADER_RE.match(text) or YEAR_FIRST_RE.match(text)
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


def refuse_single_spaced(line: int, text: str) -> None:
    """A table's header whose cells are separated by single spaces ("Indicator Behaald 2016
    Beoogd 2018", as some PDF viewers copy a table): where one cell ends and the next begins
    cannot be read with certainty, so the table is refused rather than lost as text."""
    words = text.split()
    if len(text) > SINGLE_SPACED_LENGTH or not words or text.endswith((".", ",", ";")):
        return
    first = words[0].rstrip(":")
    if not (is_name_header(first) or is_number_header(first)):
        return
    heads = sum(1 for word in words[1:] if word_key(word) in COLUMN_WORDS or YEAR_RE.match(word))
    if heads >= 2:
        raise ChapterFormatError(
            line,
            _(
                "“%(text)s” reads as a table's column headers with single spaces between the "
                "cells: where one cell ends and the next begins cannot be read with certainty. "
                "Put a TAB (or two spaces) between the cells, or import the PDF or the saved "
                "web page itself"
            )
            % {"text": text},
        )


def words_over_years(heads: list[str], below: list[str]) -> tuple[list[str], list[str]] | None:
    """A header printed on two rows of aligned cells (a web page's or Word table's): the
    words above their years, and the words of the columns without a year ("Indicator",
    "Eenheid", "Bron") on either row. (the header's words, the years below them), or None
    when the rows do not fit so: a word over a word, or no year at all."""
    if len(heads) != len(below):
        return None
    words, years = [], []
    for head, part in zip(heads, below, strict=True):
        if YEAR_RE.match(part):
            words.append(head)
            years.append(part)
        elif head and part:
            return None
        else:
            words.append(head or part)
            years.append("")
    return (words, years) if any(years) else None

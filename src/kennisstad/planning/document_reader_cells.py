"""A table cell as printed: its text kept (spaces normalised), a footnote mark set apart
(``25.942*``, ``*75%``, ``12¹``, ``8 (1)``, ``85% 1)``) and the value read from the rest with
``parse_value``. A cell that looks like a number but is not one (``1.2.3``, ``12,,5``,
``1,250.5``, ``5%%``, ``>``) is unreadable: refused with its line, or kept as printed without
a value when the caller accepts unreadable cells. Nothing is guessed.

A euro sign before a number (``€ 44``, ``€ 1.250``) is printed with the number, read without
it. In a table printed one row per line, where every row's cells are counted, a cell of words
without any digit (``Zie begroting GR``, ``onbekend``) is a text: kept as printed, no value
(``free_text``); one cell per line, where a missing cell would shift the next row's name into
it, such a cell is refused."""

import re

from django.utils.translation import gettext as _

from kennisstad.indicators.formatting import (
    DASHES,
    MAX_DECIMAL_PLACES,
    MAX_WHOLE_DIGITS,
    UnreadableValue,
    ValueOutOfRange,
    clean_cell,
    parse_value,
)

from .chapter_text_parts import ChapterFormatError
from .document_parts import AS_PRINTED_KINDS, BASELINE, REALISATION, PrintedCell, PrintedColumn
from .document_reader_columns import COLUMN_WORDS

_MARK = r"\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\d{1,2}\)"
TRAILING_MARK_RE = re.compile(rf"^(.*?\S)\s*({_MARK})$")
LEADING_MARK_RE = re.compile(r"^(\*+)\s*(\S.*)$")
# "Beoogd > 2": a header word printed again in front of the value.
_WORDS = "|".join(
    sorted(
        (re.escape(word) for word, kind in COLUMN_WORDS.items() if kind not in AS_PRINTED_KINDS),
        key=len,
        reverse=True,
    )
)
PREFIX_RE = re.compile(rf"^(?:{_WORDS})\s+(?=[<>=≥≤\d+\-–])", re.I)
# Only digits, separators, signs, comparators and % : meant as a number.
NUMBER_LIKE_RE = re.compile(r"^[\d.,%<>=≥≤+\-–—\s]+$")
SHORT_TEXT = 12  # a longer text where a value is expected is a name or a sentence
EURO_RE = re.compile(r"^€\s*(?=[\d<>=≥≤])")
# Words and no digit, comparator or % sign: a text where a value may stand.
FREE_TEXT_RE = re.compile(r"^[^\d<>=≥≤%]*[A-Za-zÀ-ÿ]{3}[^\d<>=≥≤%]*$")


def split_footnote(text: str) -> tuple[str, str]:
    """(the value's text, the footnote mark) of a cell."""
    if match := LEADING_MARK_RE.match(text):
        return match[2], match[1]
    if (match := TRAILING_MARK_RE.match(text)) and not re.fullmatch(r"\d{1,2}\)", text):
        return match[1], match[2]
    return text, ""


def is_number_like(text: str) -> bool:
    return bool(NUMBER_LIKE_RE.match(text)) and bool(re.search(r"[\d<>=≥≤]", text))


def looks_like_value(text: str) -> bool:
    """A cell where a value is expected: a value, a dash, a known text, or a mangled number."""
    value_text, _mark = split_footnote(EURO_RE.sub("", PREFIX_RE.sub("", text)))
    if is_number_like(value_text) or value_text in DASHES:
        return True
    try:
        parse_value(value_text)
    except UnreadableValue:
        return False
    return True


def is_long_text(text: str) -> bool:
    """An indicator name or a sentence rather than a value."""
    return len(text) > SHORT_TEXT and not looks_like_value(text)


def read_cell(
    raw: str,
    line: int,
    column: PrintedColumn,
    row_name: str,
    *,
    accept_unreadable: bool,
    free_text: bool = False,
) -> PrintedCell:
    text = clean_cell(raw)
    if column.kind in AS_PRINTED_KINDS or not text:
        return PrintedCell(text, line)
    if text in DASHES:
        return PrintedCell(text, line)
    value_text, footnote = split_footnote(EURO_RE.sub("", PREFIX_RE.sub("", text)))
    try:
        value = parse_value(value_text)
    except ValueOutOfRange:
        reason = _(
            "more than %(whole)d digits before the decimal comma or more than %(decimals)d after it"
        ) % {"whole": MAX_WHOLE_DIGITS, "decimals": MAX_DECIMAL_PLACES}
        return _unreadable(text, line, column, row_name, reason, accept_unreadable)
    except UnreadableValue:
        if free_text and FREE_TEXT_RE.match(text):
            return PrintedCell(text, line)
        reason = unreadable_reason(value_text)
        return _unreadable(text, line, column, row_name, reason, accept_unreadable)
    if column.kind in (REALISATION, BASELINE) and value.comparator not in (None, "text"):
        # "> 2" under "Behaald 2017": which number was achieved is not printed
        reason = _("“%(column)s” is an achieved value, but the cell holds a target “%(value)s”") % {
            "column": column.title,
            "value": text,
        }
        return _unreadable(text, line, column, row_name, reason, accept_unreadable)
    return PrintedCell(text, line, value=value if not value.is_dash else None, footnote=footnote)


def _unreadable(
    text: str,
    line: int,
    column: PrintedColumn,
    row_name: str,
    reason: str,
    accept_unreadable: bool,
) -> PrintedCell:
    if accept_unreadable:
        return PrintedCell(text, line, unreadable=True)
    raise ChapterFormatError(
        line,
        _("the cell “%(text)s” for “%(column)s” of “%(row)s” cannot be read: %(reason)s")
        % {"text": text, "column": column.title, "row": row_name, "reason": reason},
    )


def unreadable_reason(text: str) -> str:
    """Why a cell is no number, target or known text, in words its author recognises."""
    if re.fullmatch(r"[<>=≥≤]+", text):
        return _("a comparator without a number")
    if text.count("%") > 1:
        return _("more than one percent sign")
    if re.search(r"[.,]{2}", text):
        return _("two separators in a row")
    if re.search(r",\d+\.", text):
        return _("a decimal point after a comma (English notation?); write 1.250,5")
    if re.search(r"\d\.\d{1,2}(?:\D|$)|\d\.\d{4,}", text):
        return _("a point that does not separate thousands (groups of three digits)")
    if re.search(r",\d*,", text):
        return _("more than one decimal comma")
    if is_number_like(text):
        return _("not a number, a target such as “> 5” or a range such as “10–12”")
    return _("not a number, a target (“> 5”, “10–12”) or a known text (“NTB”, “n.v.t.”, “Top 8”)")

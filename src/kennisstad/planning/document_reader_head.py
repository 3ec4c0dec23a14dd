"""Which document a text is: the title it prints at its top ("Begroting 2018",
"Programmabegroting 2019", "Jaarverslag 2018", "Jaarstukken 2017"), or the kind and year the
user gives (``--kind``/``--year``) for a page that prints none. Both given and disagreeing:
refused on the title's line."""

from django.utils.translation import gettext as _

from .chapter_text_parts import ChapterFormatError, Lines
from .document_parts import PrintedDocument
from .document_reader_lines import (
    coded_heading,
    document_title,
    normalised,
    section_heading,
    table_label,
)

KINDS = ("begroting", "jaarstukken")
FIRST_YEAR, LAST_YEAR = 1900, 2999
TOP_LINES = 5  # the title stands among the first non-blank lines (after a municipality's name)


def find_title(lines: Lines) -> tuple[int, str, int] | None:
    """(line, kind, year) of the document's title among the text's first lines."""
    seen = 0
    for number, raw in lines.items:
        text = normalised(raw)
        if not text:
            continue
        if (title := document_title(text)) is not None:
            return number, title[0], title[1]
        seen += 1
        if seen >= TOP_LINES or section_heading(text) or table_label(text) or coded_heading(text):
            return None
    return None


def which_document(lines: Lines, kind: str | None, year: int | None) -> PrintedDocument:
    """The document with its kind and year (and title line), or refused."""
    if kind is not None and kind not in KINDS:
        raise ChapterFormatError(
            1,
            _("unknown kind of document “%(kind)s”; give begroting or jaarstukken")
            % {"kind": kind},
        )
    title = find_title(lines)
    if title is None:
        if kind is None or year is None:
            raise ChapterFormatError(
                1,
                _(
                    "the text does not say which document it is (it has no title such as "
                    "“Begroting 2018” or “Jaarverslag 2018” at its top); give its kind and "
                    "year with --kind begroting|jaarstukken and --year YYYY"
                ),
            )
        _check_year(year, 1)
        return PrintedDocument(kind, year)
    line, printed_kind, printed_year = title
    _check_year(printed_year, line)
    if (kind is not None and kind != printed_kind) or (year is not None and year != printed_year):
        raise ChapterFormatError(
            line,
            _(
                "the text says it is %(printed_kind)s %(printed_year)s, not %(kind)s %(year)s "
                "as given; leave out --kind and --year or import the right file"
            )
            % {
                "printed_kind": printed_kind,
                "printed_year": printed_year,
                "kind": kind or printed_kind,
                "year": year or printed_year,
            },
        )
    return PrintedDocument(printed_kind, printed_year, title_line=line)


def _check_year(year: int, line: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ChapterFormatError(
            line,
            _("the year %(year)d is not between %(first)d and %(last)d")
            % {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR},
        )


def refuse_printed_twice(document: PrintedDocument, code: str, line: int) -> None:
    """A chapter's code printed by an earlier chapter too: which is which is not certain."""
    for earlier in document.chapters:
        if code and earlier.code == code:
            raise ChapterFormatError(
                line,
                _("chapter %(code)s is printed twice (first on line %(line)d)")
                % {"code": code, "line": earlier.line},
            )


def refuse_no_document(text: str, lines: Lines, max_lines: int) -> None:
    """An empty file, or one far longer than any P&C document, is refused before reading."""
    if len(lines.items) > max_lines:
        raise ChapterFormatError(
            max_lines + 1,
            _("more than %(count)d lines: this is no P&C document") % {"count": max_lines},
        )
    if not text.strip():
        raise ChapterFormatError(1, _("the file is empty"))

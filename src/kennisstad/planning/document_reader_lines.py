"""What a single line of a published P&C document is: the document's title, a chapter's
heading, a section heading, a table's label, a footnote under a table. The reader
(``document_reader``) decides with these where chapters, sections and tables begin.

All patterns are matched against the line with its spaces normalised (``clean_cell``) and a
Markdown heading mark (``### ``) removed, so text copied from a web page, a PDF or Kennisstad's
own Markdown export reads the same.
"""

import re

from kennisstad.indicators.formatting import clean_cell

from .chapter_text_parts import Lines
from .document_parts import EFFECT, PERFORMANCE, STATUTORY

_MUNICIPALITY = r"gemeente\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
# "Begroting 2018", "Jaarverslag 2018 - gemeente Groningen"; also as a PDF's running header:
# the municipality before it ("Gemeente Groningen   Begroting 2018") or a page number after it.
DOCUMENT_TITLE_RE = re.compile(
    rf"^(?:{_MUNICIPALITY}\s+(?:[-–|]\s+)?)?"
    r"((?:programma|ontwerp-?|gemeente|meerjaren)?begroting|jaarverslag"
    r"(?: en jaarrekening)?|jaarstukken|jaarrekening|(?:gemeente|programma)rekening)"
    r"\s+(\d{4})(?:\s*[-–]\s*\d{4})?"
    rf"(?:\s+(?:[-–|]\s+)?(?:van\s+de\s+)?{_MUNICIPALITY})?"
    r"(?:\s+(?:[-–|]\s+)?(?:pagina\s+|blz\.\s*)?\d{1,4})?$",
    re.I,
)
# "2.1.4 (Inter)nationaal Kennisstad", "2.1 Groningen Kennisstad", "02.1 ...": two or more
# numbers, the later ones of one or two digits (so "12.500 inwoners" is no code).
CODED_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
# "Programma 2 Economie", "Programma 2: Economie", "Deelprogramma 2.1: Groningen Kennisstad".
PROGRAMME_HEADING_RE = re.compile(
    r"^(?:deel)?programma\s+(\d{1,2}(?:\.\d{1,2})*)\s*[:.\-–]?\s+(\S.*)$", re.I
)
MAX_HEADING_LENGTH = 150
# "2 Economie", "1. Veiligheid", "0. Bestuur en ondersteuning": a chapter or programme numbered
# with one number. Read as a code only where the line stands as a heading (the reader decides:
# a short line on its own before a section heading, a table label or the first chapter), never
# everywhere, so a numbered list item ("1. Een veilige woonomgeving") stays text.
NUMBERED_TITLE_RE = re.compile(r"^(\d{1,2})\.?\s+([A-ZÀ-Ý(][^.]*[^.\s])$")

_YEAR = r"(?:\s+(?:in|voor)\s+(\d{4}))?"
SECTION_HEADINGS = [
    (rf"hoe staan we (?:er ?)?voor{_YEAR}", "current_state"),
    (rf"wat zijn de belangrijkste ontwikkelingen{_YEAR}", "current_state"),
    (rf"(?:wat|welke effecten) (?:willen|wilden) we (?:in (\d{{4}}) )?bereiken{_YEAR}", "aims"),
    (rf"wat hebben we bereikt{_YEAR}", "aims"),
    (r"wat zijn de doelstellingen", "aims"),
    (
        rf"wat (?:gaan|doen) we (?:(?:hier|daar|er) ?voor )?(?:specifiek |concreet )?doen{_YEAR}",
        "actions",
    ),
    (rf"wat doen we (?:hier|daar|er) ?voor{_YEAR}", "actions"),
    (rf"wat hebben we (?:(?:hier|daar|er) ?voor )?gedaan{_YEAR}", "actions"),
    (r"conclusies?", "conclusion"),
    (rf"wat (?:mag het|gaat het|heeft het) (?:kosten|gekost){_YEAR}", "other"),
    (rf"wat kost het{_YEAR}", "other"),
]
_SECTION_RES = [(re.compile(rf"^{text}\s*[?:]?$", re.I), kind) for text, kind in SECTION_HEADINGS]
FINANCE = "other"  # the kind of "Wat mag het kosten?": its table is money, read as text

# Table labels: "Prestatie-indicatoren", "Prestatie indicator(en)", "Effectindicator",
# "Wettelijke indicatoren", "Beleidsindicatoren (BBV)", "Indicatoren", with an optional
# "deelprogramma 2.1" and a trailing colon.
_PLURAL = r"(?:en|\(en\))?"
TABLE_LABELS = [
    (rf"prestatie[- ]?indicator{_PLURAL}", PERFORMANCE),
    (rf"effect[- ]?indicator{_PLURAL}", EFFECT),
    (rf"(?:wettelijke|verplichte) (?:beleids)?indicator{_PLURAL}(?: \(?bbv\)?)?", STATUTORY),
    (rf"(?:bbv[- ])?beleids[- ]?indicator{_PLURAL}(?: \(?bbv\)?)?", STATUTORY),
    (rf"indicator{_PLURAL}", PERFORMANCE),
]
_LABEL_TAIL = r"(?:\s+(?:van\s+)?(?:het\s+)?(?:deel)?programma\s+\d{1,2}(?:\.\d{1,2})*)?\s*:?"
_TABLE_LABEL_RES = [
    (re.compile(rf"^{text}{_LABEL_TAIL}$", re.I), kind) for text, kind in TABLE_LABELS
]

# A footnote printed under a table: "* Aangezien de website ...", "¹ Bron: ...", "1) Cijfer ...".
FOOTNOTE_PARAGRAPH_RE = re.compile(r"^(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\d{1,2}\)|[a-z]\))\s*\S.{8,}$")
# "Toelichting: ...", "1. Bron: waarstaatjegemeente.nl", and a legend of a column or a mark
# ("Gemeenten = gemeenten met 25.000 - 50.000 inwoners", "#: geen meting in dit jaar").
TABLE_NOTE_RE = re.compile(
    r"^(?:(?:\d{1,2}[.)]\s+)?(?:toelichting|bron(?:nen)?|noot|voetnoten?)\s*:"
    r"|[^=:]{1,40}\s=\s\S.{4,}|[#*+~]\s*:\s*\S.{4,})",
    re.I,
)
BULLET_RE = re.compile(r"^\s*[•·\-\*▪◦–]\s+(.*)$")
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+(.*)$")
# What P&C sites print around a page's content, copied with it: "Terug naar navigatie - Tabel"
# (a link above each table), "ga terug", "Deze pagina is gebouwd op 11/18/2020 11:26:09 met de
# export van ...". Read as blank lines (so every other line keeps its number).
SITE_FURNITURE_RE = re.compile(
    r"^(?:terug naar (?:navigatie|boven|de inhoud)\b.*|ga terug|naar boven"
    r"|deze pagina is gebouwd op .* met de export van .*)$",
    re.I,
)


def normalised(raw: str) -> str:
    """The line's text with its spaces normalised and a Markdown heading mark removed."""
    text = clean_cell(raw)
    if match := MARKDOWN_HEADING_RE.match(text):
        return match[1]
    return text


def without_site_furniture(text: str) -> str:
    """The text with the lines a P&C site prints around its content left blank."""
    return "\n".join(
        "" if SITE_FURNITURE_RE.match(clean_cell(line)) else line for line in text.split("\n")
    )


def document_title(text: str) -> tuple[str, int] | None:
    """("begroting" | "jaarstukken", year) for a line such as "Jaarverslag 2018"."""
    if match := DOCUMENT_TITLE_RE.match(text):
        word = match[1].lower()
        kind = "begroting" if "begroting" in word else "jaarstukken"
        return kind, int(match[2])
    return None


def section_heading(text: str) -> tuple[str, int | None] | None:
    """(section kind, year printed in it or None) for a section heading."""
    for pattern, kind in _SECTION_RES:
        if match := pattern.match(text):
            years = [group for group in match.groups() if group]
            return kind, int(years[0]) if years else None
    return None


def table_label(text: str) -> str | None:
    """The table kind a label line names, or None."""
    for pattern, kind in _TABLE_LABEL_RES:
        if pattern.match(text):
            return kind
    return None


def coded_heading(text: str) -> tuple[str, str] | None:
    """(code, title) of "2.1.4 Title", "Programma 2: Economie", "Deelprogramma 2.1 Title"."""
    if len(text) > MAX_HEADING_LENGTH or text.endswith((".", ",", ";")):
        return None
    match = CODED_HEADING_RE.match(text) or PROGRAMME_HEADING_RE.match(text)
    if match and not BULLET_RE.match(text):
        return match[1], match[2]
    return None


def numbered_title(text: str) -> tuple[str, str]:
    """(code, title) of a heading numbered with one number ("2 Economie"); ("", text) else."""
    if match := NUMBERED_TITLE_RE.match(text):
        return match[1], match[2]
    return "", text


def may_be_title(text: str) -> bool:
    """A short line on its own that could be an uncoded chapter title or a programme title."""
    return (
        0 < len(text) <= MAX_HEADING_LENGTH
        and not text.endswith((".", ",", ";", ":"))
        and not BULLET_RE.match(text)
        and not text.startswith("|")
    )


def is_footnote_paragraph(text: str) -> bool:
    return bool(FOOTNOTE_PARAGRAPH_RE.match(text) or TABLE_NOTE_RE.match(text))


def skip_to_next_coded_heading(lines: Lines) -> None:
    """From the current line to the next coded chapter heading after a blank line, or the end:
    where reading resumes after a chapter that could not be read."""
    lines.position += 1
    blank = False
    while not lines.at_end:
        text = normalised(lines.current[1])
        if blank and text and coded_heading(text) is not None:
            return
        blank = not text
        lines.position += 1

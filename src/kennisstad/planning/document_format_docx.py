"""The text of a Word document (``docx_text``) as the reader reads it: the body in the order
it is printed, a paragraph or heading on a line of its own with a blank line between them (list
items ``- `` on consecutive lines), a table row on one line with its cells joined by a TAB. A
cell merged over several columns is written once followed by empty cells, a cell merged down
over several rows once in its first row, so every cell stays in its column.

The text is read from the XML itself (``w:t``, ``w:tab``, ``w:br``), so what Word shows is what
is read: deleted revisions and field codes are not, hyperlinks and inserted revisions are; a
raised or lowered digit is written raised or lowered (``12¹``, ``m²``).
"""

import struct
import zipfile
import zlib
from collections.abc import Iterator

from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from .document_formats import MAX_SPAN, check_row_width

# What a damaged or hostile Word file raises while python-docx opens it: zipfile's errors (an
# encrypted member is a RuntimeError, an unsupported compression a NotImplementedError), a
# missing part, malformed or too deep XML, an attribute of the wrong type.
UNREADABLE_DOCX = (
    PackageNotFoundError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    etree.LxmlError,
)
P, TBL, TR, TC, SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
SDT_CONTENT, T, TAB, BR, CR = (
    qn("w:sdtContent"),
    qn("w:t"),
    qn("w:tab"),
    qn("w:br"),
    qn("w:cr"),
)
NO_BREAK_HYPHEN, CUSTOM_XML = qn("w:noBreakHyphen"), qn("w:customXml")
# Text that is not part of the paragraph as printed: a text box floating beside it (drawn, not
# read in order) and text a tracked change moved away (read where it was moved to).
NOT_IN_LINE = {qn("w:txbxContent"), qn("w:moveFrom")}
R, RPR, VERT_ALIGN, VAL = qn("w:r"), qn("w:rPr"), qn("w:vertAlign"), qn("w:val")
# A raised footnote number stays apart from the value it marks: "25.942¹", never 25.9421.
RAISED = {
    "superscript": str.maketrans("0123456789+-()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾"),
    "subscript": str.maketrans("0123456789+-()", "₀₁₂₃₄₅₆₇₈₉₊₋₍₎"),
}
HEADING_STYLES = ("heading", "kop", "title", "titel", "subtitle", "ondertitel")


def docx_text(document: Document) -> str:
    """``document`` is the ``docx.Document`` opened from the file."""
    styles = {style.style_id: style.name.lower() for style in document.styles if style.name}
    blocks: list[list[str]] = []
    list_block: list[str] | None = None
    for kind, lines in _body_lines(document.element.body, styles):
        if kind == "item":
            if list_block is None:
                list_block = []
                blocks.append(list_block)
            list_block.extend(lines)
            continue
        list_block = None
        if lines:
            blocks.append(lines)
    return "\n\n".join("\n".join(block) for block in blocks if block)


def _body_lines(
    container: BaseOxmlElement, styles: dict[str, str]
) -> Iterator[tuple[str, list[str]]]:
    """("paragraph" | "item" | "table", lines) for each block of ``container`` in order."""
    for child in container.iterchildren():
        if child.tag == P:
            text, kind = _paragraph(child, styles)
            if text:
                yield kind, [text]
        elif child.tag == TBL:
            yield "table", _table_lines(child)
        elif child.tag == SDT:  # a content control (a table of contents, a cover page field)
            for content in child.iterchildren(SDT_CONTENT):
                yield from _body_lines(content, styles)
        elif child.tag == CUSTOM_XML:  # paragraphs and tables tagged with the author's XML
            yield from _body_lines(child, styles)


def _paragraph(p: CT_P, styles: dict[str, str]) -> tuple[str, str]:
    style = ""
    properties = p.pPr
    if properties is not None and properties.pStyle is not None:
        style = styles.get(properties.pStyle.val, properties.pStyle.val.lower())
    text = _paragraph_text(p)
    if style.startswith(HEADING_STYLES):
        return " ".join(text.split()), "paragraph"
    text = "\n".join(filter(None, (_spaced(line) for line in text.split("\n"))))
    numbered = properties is not None and properties.numPr is not None
    if text and (numbered or style.startswith(("list", "lijst"))):
        return f"- {text}", "item"
    return text, "paragraph"


def _spaced(line: str) -> str:
    """Spaces normalised and TABs kept, for a row aligned with tabs is a row ("a \t\t b" is
    "a\tb": tabs pressed to reach a tab stop are one); a leading TAB only before cells."""
    parts = [" ".join(part.split()) for part in line.split("\t")]
    cells = [part for part in parts if part]
    if len(cells) < 2:
        return " ".join(cells)
    return ("\t" if not parts[0] else "") + "\t".join(cells)


def _paragraph_text(p: CT_P) -> str:
    parts: list[str] = []
    for element in p.iter(T, TAB, BR, CR, NO_BREAK_HYPHEN):
        if _not_in_line(element, p):
            continue
        if element.tag == T:
            parts.append((element.text or "").translate(_raised(element)))
        elif element.tag == TAB:
            parts.append("\t")
        elif element.tag == NO_BREAK_HYPHEN:
            parts.append("\u2011")
        else:
            parts.append("\n")
    return "".join(parts).replace("\xa0", " ")


def _raised(t: BaseOxmlElement) -> dict[int, int]:
    """The digits' translation for a raised or lowered run, else none."""
    run = t.getparent()
    properties = run.find(RPR) if run is not None and run.tag == R else None
    align = properties.find(VERT_ALIGN) if properties is not None else None
    return RAISED.get(align.get(VAL, "") if align is not None else "", {})


def _not_in_line(element: BaseOxmlElement, p: CT_P) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not p:
        if parent.tag in NOT_IN_LINE:
            return True
        parent = parent.getparent()
    return False


def _table_lines(tbl: CT_Tbl) -> list[str]:
    lines: list[str] = []
    for tr in tbl.iterchildren(TR):
        cells = [""] * min(max(tr.grid_before, 0), MAX_SPAN)
        for tc in tr.iterchildren(TC):
            text = "" if tc.vMerge == "continue" else _cell_text(tc)
            width = min(max(tc.grid_span, 1), MAX_SPAN)
            check_row_width(len(cells) + width)
            cells.extend([text, *[""] * (width - 1)])
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _cell_text(tc: CT_Tc) -> str:
    """All the cell's text on one line, that of a table inside it too."""
    return " ".join(" ".join(_paragraph_text(p).split()) for p in tc.iter(P)).strip()

"""The text of a web page saved from a municipality's P&C site (``html_text``), as the reader
reads it: a heading, paragraph or list item (``- ``) on a line of its own, a blank line between
blocks, a table row on one line with its cells joined by a TAB (a ``colspan`` or ``rowspan``
keeps the later cells in their column by empty cells). What a visitor does not read as the
page's content is left out: scripts and styles, the site's navigation, banner and footer, hidden
elements (not the folded panels and tabs in which P&C sites hide a chapter's parts until they
are clicked), forms' buttons. A raised or lowered digit is written raised or lowered (``12¹``).

The page is first built into a small tree (``document_format_html_tree``), then written out. A
table that holds another table or a heading is a layout table: its rows that do are written as
blocks, the nested tables as tables.
"""

import re
from collections.abc import Iterator
from functools import cache
from typing import TypeGuard

from .document_format_html_tree import BLOCKS, HEADINGS, Node, decode_html, parse_html
from .document_formats import MAX_SPAN, check_row_width

# Never the page's content. ``header`` and ``footer`` only as the page's banner and footer
# (not inside an article or section, where they hold the chapter's own heading).
SKIPPED = {
    "script", "style", "noscript", "template", "nav", "aside", "head", "title", "button",
    "select", "textarea", "svg", "math", "iframe", "object", "canvas", "audio", "video", "map",
}  # fmt: skip
PAGE_PARTS = {"header", "footer"}
SECTIONING = {"article", "section", "main"}
SKIPPED_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog"}
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# P&C sites fold chapters' parts into panels and tabs, hidden until clicked: a hidden element
# named as one, or holding a table, is content (a cookie banner or a menu is neither).
PANEL_RE = re.compile(r"collaps|accordion|tab-?pane|tabpanel|panel|uitklap|toggle|expand", re.I)
FOLD_ATTRIBUTES = ("aria-expanded", "aria-controls", "data-bs-toggle", "data-toggle")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"))
WHITESPACE_RE = re.compile(r"\s+")
BREAK = "\ue000"  # a <br> in a cell or heading, while its text is gathered
HYPHENATED_RE = re.compile(rf"(?<=\w-)\s*{BREAK}\s*(?=\w)")


def html_text(data: bytes) -> str:
    root = parse_html(decode_html(data).replace("\x00", "").replace(BREAK, ""))
    writer = _Writer()
    try:
        writer.container(root, skip_page_parts=True)
        writer.end_block()
    finally:  # the answers remembered for this page's nodes
        _has_descendant.cache_clear()
        _wraps_rows.cache_clear()
    return "\n\n".join("\n".join(block) for block in writer.blocks)


def _is_skipped(node: Node, skip_page_parts: bool) -> bool:
    attrs = node.attrs
    if (
        (node.tag in SKIPPED and not _is_fold_button(node))
        or (skip_page_parts and node.tag in PAGE_PARTS)
        or attrs.get("role", "").lower() in SKIPPED_ROLES
        or (node.tag == "input" and attrs.get("type", "").lower() == "hidden")
    ):
        return True
    hidden = (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").lower() == "true"
        or bool(HIDDEN_STYLE_RE.search(attrs.get("style", "")))
    )
    return hidden and not _is_folded_content(node)


def _is_fold_button(node: Node) -> bool:
    """The button that unfolds a panel: its text is the panel's heading (named by its ARIA
    attributes, by the toggle a script reads, "data-bs-toggle", or by its class,
    "accordion-button")."""
    attrs = node.attrs
    return node.tag == "button" and (
        any(name in attrs for name in FOLD_ATTRIBUTES)
        or bool(PANEL_RE.search(attrs.get("class", "")))
    )


def _is_folded_content(node: Node) -> bool:
    names = " ".join((node.attrs.get("class", ""), node.attrs.get("id", "")))
    return (
        node.attrs.get("role", "").lower() == "tabpanel"
        or bool(PANEL_RE.search(names))
        or _has_descendant(node, TABLE)
    )


def _clean(text: str) -> str:
    return " ".join(text.translate(INVISIBLE).split())


def inline_text(node: Node, *, skip_page_parts: bool = False) -> str:
    """All the visible text inside ``node`` on one line: breaks and blocks are spaces, but a
    word hyphenated over a break is kept whole ("Streef-<br>waarde": "Streef-waarde")."""
    parts: list[str] = []
    _collect(node, parts, skip_page_parts)
    text = HYPHENATED_RE.sub("", "".join(parts))
    return _clean(text.replace(BREAK, " "))


def _collect(node: Node, parts: list[str], skip_page_parts: bool) -> None:
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif not _is_skipped(child, skip_page_parts):
            if child.tag == "br":
                parts.append(BREAK)
            elif child.tag in BLOCKS:
                parts.append(" ")
            _collect(child, parts, skip_page_parts and child.tag not in SECTIONING)
            if child.tag in BLOCKS:
                parts.append(" ")


def _span(node: Node, name: str) -> int:
    value = node.attrs.get(name, "").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


TABLE = frozenset({"table"})
TABLE_OR_HEADING = TABLE | HEADINGS


# Remembered per node (cleared after each page): asked of every ancestor of a deep element, the
# question would otherwise cost the subtree again at each level (a page could take minutes).
@cache
def _has_descendant(node: Node, tags: frozenset[str]) -> bool:
    return any(
        isinstance(child, Node) and (child.tag in tags or _has_descendant(child, tags))
        for child in node.children
    )


class _Writer:
    """Writes the tree as blocks of lines: ``paragraph`` gathers the text of the block being
    written (pieces, with "\\n" for a line break), ``end_block`` writes it."""

    def __init__(self) -> None:
        self.blocks: list[list[str]] = []
        self.paragraph: list[str] = []

    def end_block(self) -> None:
        lines: list[str] = []
        for raw in "".join(self.paragraph).split("\n"):
            line = _clean(raw)
            if line or (lines and lines[-1]):  # one blank line at most, kept between lines
                lines.append(line)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            self.blocks.append(lines)
        self.paragraph = []

    def add_block(self, lines: list[str]) -> None:
        self.end_block()
        if lines:
            self.blocks.append(lines)

    def container(self, node: Node, *, skip_page_parts: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.paragraph.append(WHITESPACE_RE.sub(" ", child))  # "\n" is a <br> only
            elif not _is_skipped(child, skip_page_parts):
                self.element(child, skip_page_parts=skip_page_parts)

    def element(self, node: Node, *, skip_page_parts: bool) -> None:
        tag = node.tag
        inner = skip_page_parts and tag not in SECTIONING
        if tag == "br":
            self.paragraph.append("\n")
        elif tag in HEADINGS:
            self.add_block([inline_text(node)])
        elif tag in ("ul", "ol"):
            self.add_block(self.list_lines(node, inner))
        elif tag == "dl":
            self.add_block([inline_text(c) for c in node.children if _is_item(c, {"dt", "dd"})])
        elif tag == "table":
            self.end_block()
            self.table(node, skip_page_parts=inner)
        elif tag == "pre":
            self.add_block(["".join(_pre_parts(node)).strip("\n")])
        elif tag in BLOCKS:
            self.end_block()
            self.container(node, skip_page_parts=inner)
            self.end_block()
        else:
            self.container(node, skip_page_parts=inner)

    def list_lines(self, node: Node, skip_page_parts: bool) -> list[str]:
        """A list item on a line, its nested lists' items on the lines after it."""
        lines = []
        for item in node.children:
            if not _is_item(item, {"li"}) or _is_skipped(item, skip_page_parts):
                continue
            own = Node("li", {})
            own.children = [c for c in item.children if not _is_item(c, {"ul", "ol"})]
            if text := inline_text(own):
                lines.append(f"- {text}")
            for nested in item.children:
                if _is_item(nested, {"ul", "ol"}) and not _is_skipped(nested, False):
                    lines.extend(self.list_lines(nested, False))
        return lines

    def table(self, node: Node, *, skip_page_parts: bool) -> None:
        rows: list[str] = []
        spans: dict[int, int] = {}  # column -> rows it is still taken by a rowspan above
        for child in _table_children(node):
            if isinstance(child, str):
                self.paragraph.append(WHITESPACE_RE.sub(" ", child))  # misplaced: before it
            elif _is_skipped(child, skip_page_parts):
                continue
            elif child.tag == "caption":
                self.add_block([inline_text(child)])
            elif child.tag == "tr" and not _has_descendant(child, TABLE_OR_HEADING):
                if line := _row_line(child, spans):
                    self.end_block()
                    rows.append(line)
            else:  # a layout row, or an element out of place: its content as blocks
                self._flush_rows(rows)
                spans.clear()
                self.element(child, skip_page_parts=skip_page_parts)
        self._flush_rows(rows)

    def _flush_rows(self, rows: list[str]) -> None:
        self.add_block(rows[:])
        rows.clear()


def _is_item(node: Node | str, tags: set[str]) -> TypeGuard[Node]:
    return isinstance(node, Node) and node.tag in tags and not _is_skipped(node, False)


def _table_children(table: Node, found: list[Node | str] | None = None) -> list[Node | str]:
    """The table's rows and captions in order (a row group gives its rows, and so does an
    element wrapped around rows in a table drawn with <div>s). Gathered in one list: a chain of
    generators would pass each row up through every wrapper, as slow as they are deep."""
    found = [] if found is None else found
    for child in table.children:
        if isinstance(child, Node) and (
            child.tag in ("thead", "tbody", "tfoot") or _wraps_rows(child)
        ):
            if not _is_skipped(child, False):
                _table_children(child, found)
        elif isinstance(child, Node) and child.tag in ("colgroup", "col"):
            continue
        elif isinstance(child, Node) or child.strip():
            found.append(child)
    return found


@cache
def _wraps_rows(node: Node) -> bool:
    return node.tag not in ("tr", "table", "caption") and any(
        isinstance(child, Node) and (child.tag == "tr" or _wraps_rows(child))
        for child in node.children
    )


def _row_line(row: Node, spans: dict[int, int]) -> str:
    cells: list[str] = []

    def fill_spanned() -> None:
        while spans.get(len(cells), 0) > 0:
            spans[len(cells)] -= 1
            cells.append("")

    for cell in row.children:
        if not _is_item(cell, {"td", "th"}):
            continue
        fill_spanned()
        start, width, height = len(cells), _span(cell, "colspan"), _span(cell, "rowspan")
        check_row_width(start + width)
        cells.extend([inline_text(cell), *[""] * (width - 1)])
        if height > 1:
            spans.update(dict.fromkeys(range(start, start + width), height - 1))
    fill_spanned()
    last_spanned = max((column for column, rows in spans.items() if rows > 0), default=-1)
    while len(cells) <= last_spanned:  # columns a rowspan takes after this row's last cell
        spans[len(cells)] = max(spans.get(len(cells), 0) - 1, 0)
        cells.append("")
    return "\t".join(cells) if any(cells) else ""


def _pre_parts(node: Node) -> Iterator[str]:
    for child in node.children:
        if isinstance(child, str):
            yield child.translate(INVISIBLE)
        elif child.tag == "br":
            yield "\n"
        elif not _is_skipped(child, False):
            yield from _pre_parts(child)

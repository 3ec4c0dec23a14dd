"""A web page's elements as a small tree (``parse_html``), built with the standard library's
``html.parser``, which does not close elements for us: the usual implied ends are applied (a new
``<li>`` ends the open one, a ``<tr>`` its row's cells, a block its ``<p>``), an end tag closes
no table it is not in, and elements deeper than ``MAX_DEPTH`` are read as part of their
ancestor. A cell, row or table made of ``<div>``s with an ARIA role is built as one. Raised and
lowered digits are written so (``<sup>1</sup>`` is ``¹``).

The page is decoded as a browser decodes it (``decode_html``).
"""

import codecs
import re
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "hgroup", "hr", "html", "legend",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "ul", "caption", "tr", "td",
    "th", "thead", "tbody", "tfoot",
}  # fmt: skip
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
# A footnote mark or unit printed raised or lowered stays apart from the number before it:
# "25.942<sup>1</sup>" is "25.942¹", never 25.9421; "m<sup>2</sup>" is "m²", "CO<sub>2</sub>" "CO₂".
SUPERSCRIPT = str.maketrans("0123456789+-()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾")
SUBSCRIPT = str.maketrans("0123456789+-()", "₀₁₂₃₄₅₆₇₈₉₊₋₍₎")
# (an element that a start tag ends, the elements that stop the search for it)
IMPLIED_ENDS = {
    "li": ({"li"}, {"ul", "ol", "table", "td", "th"}),
    "dt": ({"dt", "dd"}, {"dl", "table", "td", "th"}),
    "dd": ({"dt", "dd"}, {"dl", "table", "td", "th"}),
    "tr": ({"tr"}, {"table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
    "option": ({"option"}, {"select"}),
}
# A table drawn with <div>s, as some P&C sites draw them: built as the table it says it is.
TABLE_TAGS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
ROLE_TAGS = {
    "table": "table", "grid": "table", "treegrid": "table", "rowgroup": "tbody", "row": "tr",
    "cell": "td", "gridcell": "td", "columnheader": "th", "rowheader": "th",
}  # fmt: skip
P_SCOPE = {"table", "td", "th", "caption", "html", "button", "template", "object", "li"}
TABLE_SCOPE = {"table", "td", "th", "caption"}
MAX_DEPTH = 200  # deeper elements are read as part of their ancestor (no recursion limit hit)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class Node:
    """An element: ``tag`` is what it is (a ``<div role="row">`` is a ``tr``), ``source`` the
    tag it was written with (which its end tag names)."""

    __slots__ = ("attrs", "children", "source", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], source: str = "") -> None:
        self.tag = tag
        self.source = source or tag
        self.attrs = attrs
        self.children: list[Node | str] = []


def decode_html(data: bytes) -> str:
    """By its byte order mark, else the charset its ``<meta>`` declares, else UTF-8, else
    Windows-1252 (which browsers read for ISO-8859-1 too)."""
    for mark, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(mark):
            return data[len(mark) :].decode(encoding, errors="replace")
    declared = META_CHARSET_RE.search(data[:4096])
    encoding = _known_encoding(declared[1].decode("ascii") if declared else "utf-8")
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):  # LookupError: a codec that is no text encoding
        return data.decode("cp1252", errors="replace")


def _known_encoding(name: str) -> str:
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return "utf-8"
    if encoding in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    # As browsers do: UTF-16 is read by its BOM only, UTF-7 (which can hide markup) never.
    if encoding.startswith("utf-16") or encoding == "utf-7":
        return "utf-8"
    return encoding


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        role = attributes.get("role", "").strip().lower()
        kind = ROLE_TAGS.get(role, tag) if tag not in TABLE_TAGS else tag
        if kind in IMPLIED_ENDS:
            ended, scope = IMPLIED_ENDS[kind]
            self._end_open(ended, scope)
        if kind in BLOCKS:
            self._end_open({"p"}, P_SCOPE)
        node = Node(kind, attributes, tag)
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].source == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # ``</br>`` is a line break to browsers too
            self.stack[-1].children.append(Node("br", {}))
            return
        if tag in ("td", "th", "tr", "thead", "tbody", "tfoot", "caption"):
            scope = {"table"}
        elif tag == "table":
            scope = set()
        else:
            scope = TABLE_SCOPE
        self._end_open({tag}, scope, by_source=True)

    def handle_data(self, data: str) -> None:
        for node in reversed(self.stack):
            if node.tag in ("sup", "sub"):
                data = data.translate(SUPERSCRIPT if node.tag == "sup" else SUBSCRIPT)
                break
            if node.tag in BLOCKS:
                break
        self.stack[-1].children.append(data)

    def _end_open(self, tags: set[str], scope: set[str], *, by_source: bool = False) -> None:
        """Close the innermost open element named in ``tags`` (its written tag for an end tag,
        what it is for an implied end) and all opened inside it, unless an element of ``scope``
        is found first."""
        for depth in range(len(self.stack) - 1, 0, -1):
            node = self.stack[depth]
            if (node.source if by_source else node.tag) in tags:
                del self.stack[depth:]
                return
            if node.tag in scope:
                return


def parse_html(text: str) -> Node:
    """The page's elements under a root node."""
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root

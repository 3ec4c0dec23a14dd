"""The budget chapter in the formats finance/control paste into the budget document: Markdown
as the chapter reads, HTML, CSV with a header row, XLSX with typed cells, DOCX with a real
table, and JSON for other programs. A chapter imported from a document exports its tables as
printed; one Kennisstad writes exports its standard table (``chapter_table``), so a published
chapter exports what was adopted. One module per kind of format; ``content`` is what they read."""

from ..finance_tables import FinanceOverview
from .content import TABLE_TITLE, ChapterContent, TextTable, collect, paragraph_blocks
from .data import to_json
from .sheets import to_csv, to_xlsx
from .text import to_html, to_markdown
from .word import to_docx

FORMATS = ("md", "html", "csv", "xlsx", "docx", "json")
CONTENT_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}
WRITERS = {
    "md": to_markdown,
    "html": to_html,
    "csv": to_csv,
    "xlsx": to_xlsx,
    "docx": to_docx,
    "json": to_json,
}

__all__ = [
    "CONTENT_TYPES",
    "FORMATS",
    "TABLE_TITLE",
    "ChapterContent",
    "TextTable",
    "collect",
    "paragraph_blocks",
    "render",
]


def render(chapters, fmt: str, *, overview: FinanceOverview | None = None) -> bytes:
    """The chapters in ``fmt``; text formats are UTF-8. The whole document's export passes its
    ``overview`` of lasten and baten per taakveld (``finance_tables.finance_overview``)."""
    result = WRITERS[fmt](collect(chapters), overview=overview)
    return result if isinstance(result, bytes) else result.encode("utf-8")

"""The chapter as Markdown (as the chapter reads) and as HTML: the formats a municipality pastes
into its document, and that the importer reads back to the same tables.

Both print what the reader (``document_reading.read_document``) knows: the document's title
first ("Begroting 2018"), the chapter headed "<code> <title>", the section headings as printed,
and each table under its label ("Prestatie-indicatoren") on a line of its own, with a header
row ("Indicator", then each column "label year" as printed) and every cell as printed."""

from django.utils.html import escape

from ..finance_tables import FinanceOverview
from ..models import SectionKind
from .content import ChapterContent, TextTable, paragraph_blocks
from .finance_parts import (
    OVERVIEW_TITLE,
    finance_heading,
    finance_missing,
    finance_text_tables,
    overview_text_table,
)


def _markdown_row(texts: list[str]) -> str:
    return "| " + " | ".join(text.replace("|", "\\|") for text in texts) + " |"


def _markdown_table(table: TextTable) -> list[str]:
    out = [line for note in table.above for line in (note, "")]
    header = table.header()
    out += [table.label, "", _markdown_row(header), _markdown_row(["---"] * len(header))]
    out += [_markdown_row(texts) for texts in table.body()]
    out.append("")
    return out + [line for note in table.below for line in (note, "")]


def _markdown_sections(content: ChapterContent) -> list[str]:
    out: list[str] = []
    for section in content.sections:
        out += [f"#### {section.heading_nl}", ""]
        for kind, text in paragraph_blocks(section.body_nl):
            out += [f"##### {text}" if kind == "subheading" else text, ""]
        if section.kind == SectionKind.ACTIONS:
            out += [f"- {action}" for action in content.actions] + [""]
    return out


def _markdown_finance(content: ChapterContent) -> list[str]:
    """ "Wat mag het kosten?" with its tables, or the sentence saying the ledger holds nothing."""
    if not finance_heading(content):
        return []
    out = [f"#### {finance_heading(content)}", ""]
    if missing := finance_missing(content):
        return [*out, missing, ""]
    for table in finance_text_tables(content):
        out += _markdown_table(table)
    return out


def to_markdown(contents: list[ChapterContent], overview: FinanceOverview | None = None) -> str:
    out: list[str] = []
    for index, content in enumerate(contents):
        if index == 0:
            out += [f"# {content.document_title}", ""]
        if content.programme_title:
            out += [f"## {content.programme_title}", ""]
        out += [f"### {content.heading}", ""]
        if content.introduction:
            out += [content.introduction, ""]
        if content.note:
            out += [content.note, ""]
        for table in content.text_tables():
            out += _markdown_table(table)
        out += _markdown_sections(content)
        out += _markdown_finance(content)
    if overview is not None:
        out += [f"## {OVERVIEW_TITLE}", "", *_markdown_table(overview_text_table(overview))]
    return "\n".join(out).rstrip() + "\n"


def _html_table(table: TextTable) -> list[str]:
    out = [f'<p class="note">{escape(note)}</p>' for note in table.above]
    out += [f"<table><caption>{escape(table.label)}</caption><thead><tr>"]
    out += [f'<th scope="col">{escape(title)}</th>' for title in table.header()]
    out.append("</tr></thead><tbody>")
    name_at = table.name_cell
    for row, texts in enumerate(table.body()):
        out.append("<tr>")
        if row in table.groups:  # a group heading spans the table from the names' column
            span = len(texts) - name_at
            out += ["<td></td>"] * name_at
            out.append(f'<th scope="colgroup" colspan="{span}">{escape(texts[name_at])}</th></tr>')
            continue
        for index, text in enumerate(texts):
            if index == name_at:
                out.append(f'<th scope="row">{escape(text)}</th>')
            else:
                out.append(f'<td class="value">{escape(text)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return out + [f'<p class="footnote">{escape(note)}</p>' for note in table.below]


def _html_sections(content: ChapterContent) -> list[str]:
    out: list[str] = []
    for section in content.sections:
        out.append(f"<h4>{escape(section.heading_nl)}</h4>")
        for kind, text in paragraph_blocks(section.body_nl):
            out.append(
                f"<h5>{escape(text)}</h5>" if kind == "subheading" else f"<p>{escape(text)}</p>"
            )
        if section.kind == SectionKind.ACTIONS and content.actions:
            out.append("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in content.actions) + "</ul>")
    return out


def _html_finance(content: ChapterContent) -> list[str]:
    if not finance_heading(content):
        return []
    out = [f"<h4>{escape(finance_heading(content))}</h4>"]
    if missing := finance_missing(content):
        return [*out, f"<p>{escape(missing)}</p>"]
    for table in finance_text_tables(content):
        out += _html_table(table)
    return out


def to_html(contents: list[ChapterContent], overview: FinanceOverview | None = None) -> str:
    title = escape(contents[0].document_title) if contents else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;"
        "text-align:left}td.value{text-align:right}caption{font-weight:bold;text-align:left}"
        "</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    for content in contents:
        if content.programme_title:
            out.append(f"<h2>{escape(content.programme_title)}</h2>")
        out.append(f"<h3>{escape(content.heading)}</h3>")
        for block in content.introduction_paragraphs:
            out.append(f"<p>{escape(block)}</p>")
        if content.note:
            out.append(f"<p>{escape(content.note)}</p>")
        for table in content.text_tables():
            out += _html_table(table)
        out += _html_sections(content)
        out += _html_finance(content)
    if overview is not None:
        out += [f"<h2>{escape(OVERVIEW_TITLE)}</h2>", *_html_table(overview_text_table(overview))]
    out.append("</body></html>")
    return "\n".join(out) + "\n"

"""The chapter as Markdown (as the chapter reads) and as HTML: the formats a municipality pastes
into its document, and that the importer reads back to the same tables (one table per label,
each column headed "label year", the cells as printed)."""

from django.utils.html import escape

from ..models import SectionKind
from .content import ChapterContent, TextTable, paragraph_blocks


def _markdown_table(table: TextTable) -> list[str]:
    header = [table.label, *table.titles]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    for texts in table.rows:
        out.append("| " + " | ".join(text.replace("|", "\\|") for text in texts) + " |")
    return [*out, ""]


def to_markdown(contents: list[ChapterContent]) -> str:
    out: list[str] = []
    for index, content in enumerate(contents):
        if index == 0:
            out += [f"# {content.document_title}", ""]
        if content.programme_title:
            out += [f"## {content.programme_title}", ""]
        out += [f"### {content.heading}", ""]
        if content.introduction:
            out += [content.introduction, ""]
        if content.chapter.indicator_note_nl:
            out += [content.chapter.indicator_note_nl, ""]
        for table in content.text_tables():
            out += [table.note, ""] if table.note else []
            out += _markdown_table(table)
        for section in content.sections:
            out += [f"#### {section.heading_nl}", ""]
            for kind, text in paragraph_blocks(section.body_nl):
                out += [f"##### {text}" if kind == "subheading" else text, ""]
            if section.kind == SectionKind.ACTIONS:
                out += [f"- {action}" for action in content.actions] + [""]
    return "\n".join(out).rstrip() + "\n"


def _html_table(table: TextTable) -> list[str]:
    out = ["<table><thead><tr>", f'<th scope="col">{escape(table.label)}</th>']
    out += [f'<th scope="col">{escape(title)}</th>' for title in table.titles]
    out.append("</tr></thead><tbody>")
    for name, *texts in table.rows:
        out.append(f'<tr><th scope="row">{escape(name)}</th>')
        out += [f'<td class="value">{escape(text)}</td>' for text in texts]
        out.append("</tr>")
    out.append("</tbody></table>")
    return out


def to_html(contents: list[ChapterContent]) -> str:
    title = escape(contents[0].document_title) if contents else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;"
        "text-align:left}td.value{text-align:right}</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    for content in contents:
        if content.programme_title:
            out.append(f"<h2>{escape(content.programme_title)}</h2>")
        out.append(f"<h3>{escape(content.heading)}</h3>")
        for block in content.introduction_paragraphs:
            out.append(f"<p>{escape(block)}</p>")
        if content.chapter.indicator_note_nl:
            out.append(f"<p>{escape(content.chapter.indicator_note_nl)}</p>")
        for table in content.text_tables():
            out += [f"<p>{escape(table.note)}</p>"] if table.note else []
            out += _html_table(table)
        for section in content.sections:
            out.append(f"<h4>{escape(section.heading_nl)}</h4>")
            for kind, text in paragraph_blocks(section.body_nl):
                out.append(
                    f"<h5>{escape(text)}</h5>" if kind == "subheading" else f"<p>{escape(text)}</p>"
                )
            if section.kind == SectionKind.ACTIONS and content.actions:
                out.append(
                    "<ul>" + "".join(f"<li>{escape(a)}</li>" for a in content.actions) + "</ul>"
                )
    out.append("</body></html>")
    return "\n".join(out) + "\n"

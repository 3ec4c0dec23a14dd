"""The budget chapter in the formats finance/control paste into the budget document: Markdown
as the chapter reads, HTML, CSV with a header row, XLSX with typed cells, DOCX with a real
table, and JSON for other programs. Every format takes its table from ``chapter_table``, so a
published chapter exports what was adopted."""

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils.html import escape

from .chapter_table import Cell, ChapterTable
from .models import Chapter, SectionKind
from .selectors import chapter_tables

FORMATS = ("md", "html", "csv", "xlsx", "docx", "json")
CONTENT_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
}
TABLE_TITLE = "Prestatie-indicatoren"


@dataclass
class ChapterContent:
    chapter: Chapter
    table: ChapterTable

    @property
    def document_title(self) -> str:
        return str(self.chapter.document)

    @property
    def programme_title(self) -> str:
        area = self.chapter.policy_area
        while area.parent_id is not None:
            area = area.parent
        return area.title_nl if area.code != self.chapter.policy_area.code else ""

    @property
    def heading(self) -> str:
        return f"{self.chapter.policy_area.code} {self.chapter.policy_area.title_nl}"

    @property
    def introduction(self) -> str:
        return next(
            (s.body_nl for s in self.chapter.sections.all() if s.kind == SectionKind.INTRODUCTION),
            "",
        )

    @property
    def introduction_paragraphs(self) -> list[str]:
        """The introduction's paragraphs, for the formats that print each as its own."""
        return [block for block in self.introduction.split("\n\n") if block.strip()]

    @property
    def sections(self):
        return [s for s in self.chapter.sections.all() if s.kind != SectionKind.INTRODUCTION]

    @property
    def actions(self) -> list[str]:
        return [action.text_nl for action in self.chapter.actions.all()]

    @cached_property
    def column_titles(self) -> list[str]:
        """The table's headers as the document prints them; jaarstukken add whether each
        target was met, and why not."""
        titles = [column.title for column in self.table.columns]
        if self.table.reports_results:
            titles += ["Doel behaald", "Toelichting"]
        return titles

    def rows(self) -> list[tuple[str, tuple[Cell, ...], list[str]]]:
        """Per indicator its name, its cells and the texts of the result columns (if any)."""
        rows, judged = [], self.table.reports_results
        for row in self.table.rows:
            results = []
            if judged:
                met = {True: "ja", False: "nee"}.get(row.met, "-")
                results = [met, row.explanation]
            rows.append((row.name_nl, row.cells, results))
        return rows

    def text_rows(self) -> list[list[str]]:
        """Every row as the texts of its name and cells, for the text formats."""
        return [
            [name, *(cell.text for cell in cells), *results] for name, cells, results in self.rows()
        ]


def collect(chapters) -> list[ChapterContent]:
    chapters = list(chapters)
    return [
        ChapterContent(chapter, table)
        for chapter, table in zip(chapters, chapter_tables(chapters), strict=True)
    ]


def paragraph_blocks(body: str) -> list[tuple[str, str]]:
    """Blocks of a section body; a short first line followed by text is a sub-heading."""
    blocks = []
    for block in [b for b in body.split("\n\n") if b.strip()]:
        lines = block.split("\n")
        if (
            len(lines) > 1
            and len(lines[0]) < 60
            and not lines[0].rstrip().endswith((".", ":", ";"))
        ):
            blocks.append(("subheading", lines[0].strip()))
            blocks.append(("paragraph", "\n".join(lines[1:])))
        else:
            blocks.append(("paragraph", block))
    return blocks


# --- Markdown and HTML -------------------------------------------------------------------


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
        if content.table.rows:
            header = [TABLE_TITLE, *content.column_titles]
            out.append("| " + " | ".join(header) + " |")
            out.append("| " + " | ".join("---" for _ in header) + " |")
            for texts in content.text_rows():
                out.append("| " + " | ".join(text.replace("|", "\\|") for text in texts) + " |")
            out.append("")
        for section in content.sections:
            out += [f"#### {section.heading_nl}", ""]
            for kind, text in paragraph_blocks(section.body_nl):
                out += [f"##### {text}" if kind == "subheading" else text, ""]
            if section.kind == SectionKind.ACTIONS:
                out += [f"- {action}" for action in content.actions] + [""]
    return "\n".join(out).rstrip() + "\n"


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
        if content.table.rows:
            out.append("<table><thead><tr>")
            out.append(f'<th scope="col">{TABLE_TITLE}</th>')
            out += [f'<th scope="col">{escape(t)}</th>' for t in content.column_titles]
            out.append("</tr></thead><tbody>")
            for name, *texts in content.text_rows():
                out.append(f'<tr><th scope="row">{escape(name)}</th>')
                out += [f'<td class="value">{escape(text)}</td>' for text in texts]
                out.append("</tr>")
            out.append("</tbody></table>")
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


# --- tables --------------------------------------------------------------------------------


def to_csv(contents: list[ChapterContent]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    several = len(contents) > 1
    header_written = None
    for content in contents:
        header = [TABLE_TITLE, *content.column_titles]
        if several:
            header = ["Beleidsveld", *header]
        if header != header_written:
            writer.writerow(header)
            header_written = header
        for row in content.text_rows():
            writer.writerow([content.chapter.policy_area.code, *row] if several else row)
    return buffer.getvalue()


ORIGIN_LABELS = {"computed": "berekend", "manual": "handmatig", "imported": "geïmporteerd"}


def _excel_value(number: Decimal, *, percentage: bool) -> tuple[float | int, str]:
    if percentage:
        return float(number / 100), "0.0%" if number != number.to_integral() else "0%"
    if number == number.to_integral():
        return int(number), "#,##0"
    return float(number), "#,##0.0#"


def to_xlsx(contents: list[ChapterContent]) -> bytes:
    """The table with typed numbers, and a second sheet saying where every number came from."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from kennisstad.core.exports import name_workbook

    workbook = Workbook()
    name_workbook(workbook, title=contents[0].document_title if contents else "")
    sheet = workbook.active
    sheet.title = TABLE_TITLE[:31]
    sources = workbook.create_sheet("Herkomst")
    sources.append(
        ["Beleidsveld", "Indicator", "Kolom", "Waarde", "Soort", "Herkomst", "Peildatum", "Bron"]
    )
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    row_number = 0
    for content in contents:
        row_number += 1
        sheet.cell(row=row_number, column=1, value=content.heading).font = bold
        row_number += 1
        for column, title in enumerate([TABLE_TITLE, *content.column_titles], start=1):
            sheet.cell(row=row_number, column=column, value=title).font = bold
        for name, cells, results in content.rows():
            row_number += 1
            sheet.cell(row=row_number, column=1, value=name)
            titles = content.column_titles[: len(content.table.columns)]
            for column, (title, cell) in enumerate(zip(titles, cells, strict=True), 2):
                target = sheet.cell(row=row_number, column=column)
                value, number_format = _excel_cell(cell)
                target.value = value
                if number_format:
                    target.number_format = number_format
                else:
                    target.alignment = right
                sources.append(_provenance(content, name, title, cell, value))
                if cell.measured_on:
                    sources.cell(row=sources.max_row, column=7).number_format = "dd-mm-yyyy"
            for column, text in enumerate(results, 2 + len(cells)):
                sheet.cell(row=row_number, column=column, value=text).alignment = right
        row_number += 1
    sheet.column_dimensions["A"].width = 60
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _excel_cell(cell: Cell) -> tuple[object, str]:
    """An achieved number as a number Excel can calculate with, with its format; anything else
    (a target, a dash, a text such as Top 8) as its text, without a format."""
    number = cell.number
    if number is None:
        return cell.text, ""
    return _excel_value(number, percentage=bool(cell.percentage))


def _provenance(content: ChapterContent, name: str, title: str, cell: Cell, value) -> list:
    return [
        content.chapter.policy_area.code,
        name,
        title,
        value,
        "realisatie" if cell.is_realisation else "streefwaarde",
        ORIGIN_LABELS.get(cell.origin or "", ""),
        cell.measured_on,
        cell.source or cell.set_in or "",
    ]


def to_docx(contents: list[ChapterContent]) -> bytes:
    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from kennisstad.core.exports import name_docx

    word = WordDocument()
    name_docx(word, title=contents[0].document_title if contents else "")
    if contents:
        word.add_heading(contents[0].document_title, level=0)
    for content in contents:
        if content.programme_title:
            word.add_heading(content.programme_title, level=1)
        word.add_heading(content.heading, level=2)
        for block in content.introduction_paragraphs:
            word.add_paragraph(block)
        if content.chapter.indicator_note_nl:
            word.add_paragraph(content.chapter.indicator_note_nl)
        if content.table.rows:
            titles = [TABLE_TITLE, *content.column_titles]
            table = word.add_table(rows=1, cols=len(titles))
            table.style = "Table Grid"
            for cell, title in zip(table.rows[0].cells, titles, strict=True):
                cell.text = title
                cell.paragraphs[0].runs[0].bold = True
            for name, *texts in content.text_rows():
                row = table.add_row().cells
                row[0].text = name
                for target, text in zip(row[1:], texts, strict=True):
                    target.text = text
                    target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for section in content.sections:
            word.add_heading(section.heading_nl, level=3)
            for kind, text in paragraph_blocks(section.body_nl):
                if kind == "subheading":
                    word.add_heading(text, level=4)
                else:
                    word.add_paragraph(text)
            if section.kind == SectionKind.ACTIONS:
                for action in content.actions:
                    word.add_paragraph(action, style="List Bullet")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def to_json(contents: list[ChapterContent]) -> str:
    document = contents[0].chapter.document if contents else None
    data = {
        "document": {
            "kind": document.kind,
            "year": document.year,
            "status": document.status,
            "published_on": document.published_on.isoformat() if document.published_on else None,
        }
        if document
        else None,
        "chapters": [
            {
                "policy_field": content.chapter.policy_area.code,
                "title": content.chapter.policy_area.title_nl,
                "programme": content.programme_title,
                "introduction": content.introduction,
                "indicator_note": content.chapter.indicator_note_nl,
                "sections": [
                    {"kind": s.kind, "heading": s.heading_nl, "text": s.body_nl}
                    for s in content.sections
                ],
                "actions": content.actions,
                "table": {
                    "frozen": content.table.frozen,
                    "columns": [column.to_json() for column in content.table.columns],
                    "rows": [
                        {
                            "code": row.code,
                            "name_nl": row.name_nl,
                            "name_en": row.name_en,
                            "cells": [cell.to_json() for cell in row.cells],
                            **({"met": row.met} if row.judged else {}),
                        }
                        for row in content.table.rows
                    ],
                },
            }
            for content in contents
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(chapters, fmt: str) -> bytes:
    """The chapters in ``fmt``; text formats are UTF-8."""
    contents = collect(chapters)
    result = {
        "md": to_markdown,
        "html": to_html,
        "csv": to_csv,
        "xlsx": to_xlsx,
        "docx": to_docx,
        "json": to_json,
    }[fmt](contents)
    return result if isinstance(result, bytes) else result.encode("utf-8")

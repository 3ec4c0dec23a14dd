"""The chapter as a Word document that reads as the published one and that the importer reads
back to the same tables: the headings in Word's Heading styles (the document's title, the
programme, the chapter "<code> <title>", the sections), and per table its label in a paragraph
of its own just above a real Word table, every cell as printed."""

import io

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

# Heading levels, as the Markdown export's number of #.
TITLE, PROGRAMME, CHAPTER, SECTION, SUBHEADING = 1, 2, 3, 4, 5


def _word_table(word, table: TextTable) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for note in table.above:
        word.add_paragraph(note)
    word.add_paragraph().add_run(table.label).bold = True
    header = table.header()
    grid = word.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, title in zip(grid.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    name_at = table.name_cell
    for texts in table.body():
        cells = grid.add_row().cells
        for index, (target, text) in enumerate(zip(cells, texts, strict=False)):
            target.text = text
            if index > name_at:
                target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for note in table.below:
        word.add_paragraph(note)


def _word_sections(word, content: ChapterContent) -> None:
    for section in content.sections:
        word.add_heading(section.heading_nl, level=SECTION)
        for kind, text in paragraph_blocks(section.body_nl):
            if kind == "subheading":
                word.add_heading(text, level=SUBHEADING)
            else:
                word.add_paragraph(text)
        if section.kind == SectionKind.ACTIONS:
            for action in content.actions:
                word.add_paragraph(action, style="List Bullet")


def _word_finance(word, content: ChapterContent) -> None:
    if not finance_heading(content):
        return
    word.add_heading(finance_heading(content), level=SECTION)
    if missing := finance_missing(content):
        word.add_paragraph(missing)
    for table in finance_text_tables(content):
        _word_table(word, table)


def to_docx(contents: list[ChapterContent], overview: FinanceOverview | None = None) -> bytes:
    from docx import Document as WordDocument

    from kennisstad.core.exports import name_docx

    word = WordDocument()
    name_docx(word, title=contents[0].document_title if contents else "")
    if contents:
        word.add_heading(contents[0].document_title, level=TITLE)
    for content in contents:
        if content.programme_title:
            word.add_heading(content.programme_title, level=PROGRAMME)
        word.add_heading(content.heading, level=CHAPTER)
        for block in content.introduction_paragraphs:
            word.add_paragraph(block)
        if content.note:
            word.add_paragraph(content.note)
        for table in content.text_tables():
            _word_table(word, table)
        _word_sections(word, content)
        _word_finance(word, content)
    if overview is not None:
        word.add_heading(OVERVIEW_TITLE, level=PROGRAMME)
        _word_table(word, overview_text_table(overview))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()

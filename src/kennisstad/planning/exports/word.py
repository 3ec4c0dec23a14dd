"""The chapter as a Word document with real tables, one per table the chapter shows; the
importer reads it back to the same tables."""

import io

from ..models import SectionKind
from .content import ChapterContent, TextTable, paragraph_blocks


def _word_table(word, table: TextTable) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if table.note:
        word.add_paragraph(table.note)
    titles = [table.label, *table.titles]
    grid = word.add_table(rows=1, cols=len(titles))
    grid.style = "Table Grid"
    for cell, title in zip(grid.rows[0].cells, titles, strict=True):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for name, *texts in table.rows:
        row = grid.add_row().cells
        row[0].text = name
        for target, text in zip(row[1:], texts, strict=False):
            target.text = text
            target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def to_docx(contents: list[ChapterContent]) -> bytes:
    from docx import Document as WordDocument

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
        for table in content.text_tables():
            _word_table(word, table)
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

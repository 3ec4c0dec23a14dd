"""The upload page imports a document in each format it is published in (.txt, .md, a saved
web page, a Word file, a PDF; the seed chapter written in each), with its kind, year and
publication date, and shows the report; the page offers exactly these formats."""

import html
import io
import textwrap

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kennisstad.indicators.models import Indicator
from kennisstad.planning.document_formats import SUFFIXES
from kennisstad.planning.tests.factories import seed_text
from kennisstad.planning.tests.pdf_files import pdf_file
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


def seed_blocks() -> list[list[str]]:
    """The seed chapter's paragraphs, each as its lines."""
    return [block.split("\n") for block in seed_text().split("\n\n") if block.strip()]


def seed_page() -> bytes:
    paragraphs = ("<br>".join(html.escape(line) for line in block) for block in seed_blocks())
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
    return f"<html><body><nav>Menu</nav><main>{body}</main></body></html>".encode()


def seed_word_file() -> bytes:
    document = docx.Document()
    for block in seed_blocks():
        document.add_paragraph("\n".join(block))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seed_pdf() -> bytes:
    pages: list[list] = [[]]
    y = 800
    for block in seed_blocks():
        for line in block:
            for part in textwrap.wrap(line.replace("•", "-"), 90) or [""]:
                if y < 60:
                    pages.append([])
                    y = 800
                pages[-1].append((50, y, part))
                y -= 13
        y -= 13
    return pdf_file(pages)


FILES = {
    "chapter.txt": lambda: seed_text().encode(),
    "chapter.md": lambda: seed_text().encode(),
    "chapter.html": seed_page,
    "chapter.docx": seed_word_file,
    "chapter.pdf": seed_pdf,
}


def test_the_page_offers_every_format_it_reads(client_for, team_member):
    response = client_for(team_member).get(reverse("planning:chapter-import"))
    assert 'accept=".txt,.md,.html,.htm,.docx,.pdf"' in response.content.decode()
    assert set(SUFFIXES) == {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


@pytest.mark.parametrize("name", FILES)
def test_each_format_is_imported(client_for, team_member, name):
    response = client_for(team_member).post(
        reverse("planning:chapter-import"),
        {
            "file": SimpleUploadedFile(name, FILES[name]()),
            "kind": "begroting",
            "year": "2018",
            "published_on": "2017-11-09",
        },
    )
    assert response.status_code == 200
    report = response.context["report"]
    assert not report.dry_run and report.figures
    assert sorted(Indicator.objects.values_list("name_nl", flat=True)) == [
        "Aantal profileringsprojecten Groningen kennisstad",
        "Aantal samenwerkingsprojecten op gebied van Kennis/innovatie",
    ]
    document = Document.objects.get()
    assert document.imported and str(document.published_on) == "2017-11-09"
    assert not document.is_adopted


def test_a_format_it_cannot_read_is_refused(client_for, team_member):
    response = client_for(team_member).post(
        reverse("planning:chapter-import"),
        {"file": SimpleUploadedFile("chapter.odt", b"PK..."), "dry_run": "on"},
    )
    assert response.context["refused"] and not Document.objects.exists()

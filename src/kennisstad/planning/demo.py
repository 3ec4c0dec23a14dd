"""The demo's P&C documents: chapter 2.1.4 of the Begroting 2018 as Groningen published it,
adopted by the council, and the same field's page of the Jaarverslag 2018, published but not
yet adopted. Together they show on the indicator pages what the team meets in real documents:
a target printed differently in two documents ("> 5" adopted, "> 2" reported), a figure the
registry counts otherwise, and the cycle's steps on the documents' pages."""

import datetime
from pathlib import Path

from kennisstad.core.demo import DemoLoad
from kennisstad.policy.models import Document, DocumentKind

from .cycle_services import adopt_document
from .document_import import import_document
from .document_reading import read_file

FOLDER = Path(__file__).resolve().parent / "demo_documents"

# (file, kind and year when the text does not print them, published on, adopted on and the
# council decision's number, or None when not adopted)
DOCUMENTS = (
    (
        "begroting-2018-2.1.4.txt",
        DocumentKind.BEGROTING,
        2018,
        datetime.date(2017, 11, 10),
        (datetime.date(2017, 11, 8), "RB 2017-112"),
    ),
    (
        "jaarverslag-2018-2.1.4.txt",
        DocumentKind.JAARSTUKKEN,
        2018,
        datetime.date(2019, 5, 17),
        None,
    ),
)


def load_documents(demo: DemoLoad) -> None:
    for name, kind, year, published_on, adoption in DOCUMENTS:
        if Document.objects.filter(kind=kind, year=year).exists():
            demo.tally("documents", created=False)
            continue
        path = FOLDER / name
        printed = read_file(path.read_bytes(), name, kind=kind, year=year)
        import_document(printed=printed, published_on=published_on)
        if adoption is not None:
            adopted_on, decision_number = adoption
            adopt_document(
                document=Document.objects.get(kind=kind, year=year),
                on=adopted_on,
                decision_number=decision_number,
                user=None,
            )
        demo.tally("documents", created=True)

"""The chapters as JSON for other programs: every chapter with its texts and its table
(``table``: the first or only one) and, when it shows several, all of them (``tables``), each
with its label and kind, its columns as printed (``label``, ``year``, ``kind``) and its rows
(``name_nl``, the ``indicator`` matched, ``cells[].text`` as printed). A chapter Kennisstad
writes itself gives its standard table in the same shape, its cells with their provenance."""

import datetime
import json

from kennisstad.policy.models import Document

from ..finance_format import finance_data, overview_data
from ..finance_tables import FinanceOverview
from ..shown_tables import table_data
from .content import ChapterContent


def _chapter(content: ChapterContent) -> dict:
    tables = table_data(content.printed, content.table, note=content.note)
    return {
        "policy_field": content.chapter.policy_area.code,
        "title": content.chapter.policy_area.title_nl,
        "programme": content.programme_title,
        "introduction": content.introduction,
        "indicator_note": content.chapter.indicator_note_nl,
        "sections": [
            {"kind": s.kind, "heading": s.heading_nl, "text": s.body_nl} for s in content.sections
        ],
        "actions": content.actions,
        "table": tables[0],
        **({"tables": tables} if len(tables) > 1 else {}),
        "finances": finance_data(content.finance, content.explanations),
    }


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _document(document: Document) -> dict:
    """The document and where it stands in the cycle: offered, adopted (with the council's
    decision number) and published, each date null until that step was taken."""
    return {
        "kind": document.kind,
        "year": document.year,
        "status": document.status,
        "offered_on": _date(document.offered_on),
        "adopted_on": _date(document.adopted_on),
        "decision_number": document.decision_number or None,
        "published_on": _date(document.published_on),
    }


def to_json(contents: list[ChapterContent], overview: FinanceOverview | None = None) -> str:
    """``finances`` per chapter (exact euros as strings and the values shown); the whole
    document adds ``finance_overview``, lasten and baten per taakveld."""
    document = contents[0].chapter.document if contents else None
    data = {
        "document": _document(document) if document else None,
        "chapters": [_chapter(content) for content in contents],
        **({"finance_overview": overview_data(overview)} if overview is not None else {}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

"""Writes for planning & control: starting next year's document from this year's, editing a
draft's text and actions. The cycle (offer, adopt, publish, amendments, a bestuursrapportage)
is ``cycle_services``, re-exported here; importing a published document is ``document_import``
(read by ``document_reader``)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.policy.models import Document, DocumentKind

from .cycle_services import (  # noqa: F401  (the cycle's writes, one import for the views)
    adopt_document,
    offer_document,
    publish_document,
    record_action_progress,
    record_amendment,
    record_forecast,
)
from .models import Action, Chapter, ChapterIndicator, Section, SectionKind


@transaction.atomic
def create_document(
    *,
    kind: str,
    year: int,
    user: UserLike,
    sequence: int = 1,
    copy_from: Document | None = None,
) -> Document:
    """Start a new (draft) document; with ``copy_from`` its chapters, texts, actions and
    indicator rows are copied, so next year's begroting starts from this year's."""
    document = Document(kind=kind, year=year, sequence=sequence)
    save_record(instance=document, user=user)
    if copy_from is None:
        return document
    for source in copy_from.chapters.prefetch_related(
        "sections", "actions__projects", "table_rows"
    ):
        chapter = Chapter(
            document=document,
            policy_area=source.policy_area,
            indicator_note_nl=source.indicator_note_nl,
            indicator_note_en=source.indicator_note_en,
        )
        save_record(instance=chapter, user=user)
        for section in source.sections.all():
            Section.objects.create(
                chapter=chapter,
                kind=section.kind,
                heading_nl=_heading_for(section, copy_from, kind, year, "nl"),
                heading_en=_heading_for(section, copy_from, kind, year, "en"),
                body_nl=section.body_nl,
                body_en=section.body_en,
                order=section.order,
            )
        for action in source.actions.all():
            copy = Action.objects.create(
                chapter=chapter, text_nl=action.text_nl, text_en=action.text_en, order=action.order
            )
            copy.projects.set(action.projects.all())
        ChapterIndicator.objects.bulk_create(
            ChapterIndicator(chapter=chapter, indicator_id=row.indicator_id, order=row.order)
            for row in source.table_rows.all()
        )
    return document


JAARSTUKKEN_HEADINGS: dict[str, tuple[str, str]] = {
    SectionKind.AIMS: ("Wat hebben we bereikt?", "What have we achieved?"),
    SectionKind.ACTIONS: ("Wat hebben we daarvoor gedaan?", "What have we done for it?"),
}
BEGROTING_HEADINGS: dict[str, tuple[str, str]] = {
    SectionKind.AIMS: (
        "Wat willen we bereiken in {year}?",
        "What do we want to achieve in {year}?",
    ),
    SectionKind.ACTIONS: ("Wat gaan we hiervoor doen?", "What are we going to do?"),
}


def _heading_for(section: Section, source: Document, kind: str, year: int, language: str) -> str:
    """The heading a section has in the new document: a begroting asks what we will do, the
    jaarstukken report what we did."""
    heading = section.heading_nl if language == "nl" else section.heading_en
    if kind != source.kind:
        table = JAARSTUKKEN_HEADINGS if kind == DocumentKind.JAARSTUKKEN else BEGROTING_HEADINGS
        if section.kind in table:
            return table[section.kind][0 if language == "nl" else 1].format(year=year)
    return _next_year_heading(heading, source.year, year)


def _next_year_heading(heading: str, old_year: int, new_year: int) -> str:
    """ "Wat willen we bereiken in 2018?" becomes "... in 2019?" in next year's document."""
    return heading.replace(str(old_year), str(new_year)) if heading else heading


@transaction.atomic
def save_action(
    *,
    action: Action,
    user: UserLike,
    expected_version: int | None = None,
    projects: Iterable[object] | None = None,
) -> Action:
    many = {"projects": projects} if projects is not None else None
    return save_record(
        instance=action, user=user, expected_version=expected_version, many_to_many=many
    )


@transaction.atomic
def save_section(
    *, section: Section, user: UserLike, expected_version: int | None = None
) -> Section:
    """Chapter text changes only while the document is a draft: once offered, the council
    changes it by amendment, and adopted text stands."""
    if not section.chapter.document.is_draft:
        raise ValidationError(
            _("%(document)s is no longer a draft; its text no longer changes.")
            % {"document": section.chapter.document}
        )
    return save_record(instance=section, user=user, expected_version=expected_version)

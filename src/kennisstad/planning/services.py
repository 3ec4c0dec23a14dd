"""Writes for planning & control: publishing a document, starting next year's from this year's,
editing a draft's text and actions. Importing a published document is ``document_import`` (read
by ``document_reader``)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.indicators.models import Realisation
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus

from . import publication_events
from .chapter_table import ChapterTable
from .models import Action, Chapter, ChapterIndicator, Section, SectionKind
from .selectors import live_tables


@transaction.atomic
def publish_document(
    *, document: Document, user: UserLike, expected_version: int | None = None
) -> Document:
    """Adopt a document: every chapter's indicator table is frozen as it stands now, the values
    it reports are pinned to it (so they can no longer be edited or recomputed in place), and
    the targets it set can no longer change. A document is adopted once."""
    if Document.objects.filter(pk=document.pk, status=DocumentStatus.PUBLISHED).exists():
        raise ValidationError(_("%(document)s was already published.") % {"document": document})
    chapters = list(
        document.chapters.select_for_update(of=("self",))
        .select_related("document")
        .prefetch_related("table_rows__indicator")
    )
    live = iter(live_tables([chapter for chapter in chapters if chapter.frozen_table is None]))
    shown: list[int] = []
    for chapter in chapters:
        if chapter.frozen_table is None:
            table = next(live)
            chapter.frozen_table = table.to_json()
            chapter.save(update_fields=["frozen_table"])
            publication_events.chapter_published(chapter, user=user, via="publish")
        else:
            table = ChapterTable.from_json(chapter.frozen_table)
        shown += [
            cell.record
            for row in table.rows
            for cell in row.cells
            if cell.is_realisation and cell.record
        ]
    pinned = Realisation.objects.filter(pk__in=shown, source_document__isnull=True).update(
        source_document=document
    )
    document.status = DocumentStatus.PUBLISHED
    document.published_on = timezone.localdate()
    save_record(
        instance=document,
        user=user,
        expected_version=document.version if expected_version is None else expected_version,
    )
    publication_events.document_adopted(
        document, user=user, via="publish", chapters=len(chapters), realisations_pinned=pinned
    )
    return document


@transaction.atomic
def create_document(
    *, kind: str, year: int, user: UserLike, copy_from: Document | None = None
) -> Document:
    """Start a new (draft) document; with ``copy_from`` its chapters, texts, actions and
    indicator rows are copied, so next year's begroting starts from this year's."""
    document = Document(kind=kind, year=year)
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
    """Chapter text changes only while the document is a draft: adopted text stands."""
    if section.chapter.document.is_published:
        raise ValidationError(
            _("%(document)s is adopted; its text no longer changes.")
            % {"document": section.chapter.document}
        )
    return save_record(instance=section, user=user, expected_version=expected_version)

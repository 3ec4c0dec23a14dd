"""Which indicators a P&C deadline concerns, answered for ``indicators.missing`` (which may not
read the chapters, one layer up) through its ``DOCUMENT_SCOPES`` extension point.

The rule, kept simple on purpose:
- The document the input is for: the begroting or jaarstukken of the deadline's year; for a
  bestuursrapportage the begroting of its year, since it reports on that begroting's
  indicators and has no indicator tables of its own.
- When that document exists with chapters: the indicators in its chapters' tables.
- Otherwise (the input comes before the document is written): every indicator of a policy
  field that has a chapter in the latest earlier document of that kind, so an indicator added
  to such a field since is asked for too.
- Without either: no indicator.
The latest achieved year the document prints comes from the municipality's column layout.
"""

from django.db.models import Q

from kennisstad.indicators.missing import DocumentScope
from kennisstad.indicators.models import Indicator
from kennisstad.policy.models import Deadline, Document, DocumentKind

from .column_layout import SETTINGS, columns_for
from .models import ChapterIndicator


def _document_kind(deadline: Deadline) -> tuple[str, int]:
    if deadline.document_kind == DocumentKind.BESTUURSRAPPORTAGE:
        return DocumentKind.BEGROTING, 1
    return deadline.document_kind, deadline.sequence


def _realisation_year(deadline: Deadline) -> int | None:
    if deadline.document_kind not in SETTINGS:
        return None
    years = [
        column.year
        for column in columns_for(deadline.document_kind, deadline.year)
        if column.kind == "realisation"
    ]
    return max(years, default=None)


def deadline_scope(deadline: Deadline) -> DocumentScope:
    kind, sequence = _document_kind(deadline)
    own = Document.objects.filter(
        kind=kind, year=deadline.year, sequence=sequence, chapters__isnull=False
    ).first()
    if own is not None:
        ids = ChapterIndicator.objects.filter(chapter__document=own).values_list(
            "indicator_id", flat=True
        )
    else:
        earlier = (
            Document.objects.filter(kind=kind, chapters__isnull=False)
            .filter(Q(year__lt=deadline.year) | Q(year=deadline.year, sequence__lt=sequence))
            .order_by("-year", "-sequence")
            .first()
        )
        ids = (
            Indicator.objects.filter(policy_area__chapters__document=earlier).values_list(
                "pk", flat=True
            )
            if earlier is not None
            else Indicator.objects.none().values_list("pk", flat=True)
        )
    return DocumentScope(frozenset(ids), _realisation_year(deadline))

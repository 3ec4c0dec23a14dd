"""Finding likely duplicates without comparing every pair.

Each record carries comparison keys in indexed columns (``normalise``). A GROUP BY per key
finds the keys shared by more than one record; only the records with those keys are read. For
a group, each record is paired with the oldest one (the suggested record to keep), so a group of
n yields n - 1 pairs, not n²; pairs found by several keys are listed once with every reason.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Person

REASONS = {
    "name": _("same name (ignoring case, accents, punctuation and legal form)"),
    "website": _("same website domain"),
    "person_name": _("same name"),
    "email": _("same email address"),
}


@dataclass
class Candidate:
    kept: object
    removed: object
    reasons: list[str] = field(default_factory=list)

    @property
    def reason_labels(self) -> list[str]:
        return [str(REASONS[reason]) for reason in self.reasons]


def _pairs(queryset, keys: dict[str, str]) -> list[Candidate]:
    """``keys`` maps a key column to its reason code."""
    found: dict[tuple[int, int], Candidate] = {}
    for column, reason in keys.items():
        shared = (
            queryset.exclude(**{column: ""})
            .values(column)
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values(column)
        )
        groups = defaultdict(list)
        for record in queryset.filter(**{f"{column}__in": shared}).order_by(column, "pk"):
            groups[getattr(record, column)].append(record)
        for members in groups.values():
            oldest = members[0]
            for other in members[1:]:
                candidate = found.get((oldest.pk, other.pk))
                if candidate is None:
                    candidate = found[(oldest.pk, other.pk)] = Candidate(oldest, other)
                candidate.reasons.append(reason)
    return sorted(found.values(), key=lambda c: (str(c.kept).lower(), c.kept.pk, c.removed.pk))


def organisation_candidates() -> list[Candidate]:
    return _pairs(Organisation.objects.all(), {"name_key": "name", "website_domain": "website"})


def person_candidates() -> list[Candidate]:
    people = Person.objects.filter(erased_at__isnull=True)
    return _pairs(people, {"name_key": "person_name", "email_key": "email"})

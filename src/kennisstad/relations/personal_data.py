"""Everything the system holds about a person, gathered from every app, for an export (AVG
article 15), and the hooks other apps use to take part in an erasure (article 17).

Apps contribute without relations knowing them: a module ``<app>/personal_data.py`` calls
``register_section`` (and, if it stores personal data of its own, ``register_eraser``); the
relations app imports every such module at start-up. An app that does not exist contributes
nothing, so nothing here imports another app.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from kennisstad.privacy import selectors as privacy_selectors
from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.privacy.registry import register_processing_activity, register_record_kind

from . import retention


@dataclass(frozen=True)
class Section:
    """One part of the export: rows of plain values (str, int, bool, None) under stable keys."""

    key: str
    title: str
    rows: Callable  # (person) -> list[dict]
    labels: dict = field(default_factory=dict)  # key -> label for the readable page
    order: int = 100


personal_data_sections: dict[str, Section] = {}
personal_data_erasers: list[Callable] = []  # (people, needles: list[str]) -> int | None


def register_section(key: str, title, rows: Callable, *, labels=None, order: int = 100) -> None:
    """Add (or replace, on re-import) a section of the personal-data export."""
    personal_data_sections[key] = Section(key, title, rows, labels or {}, order)


personal_data_after_erasure: list[Callable] = []  # (people, needles: list[str]) -> None


def register_after_erasure(function: Callable) -> Callable:
    """An app's clean-up that must see the database after the erasure and the scrub (e.g. a
    derived index rebuilt from the scrubbed records). Runs inside the same transaction."""
    if function not in personal_data_after_erasure:
        personal_data_after_erasure.append(function)
    return function


def register_eraser(function: Callable) -> Callable:
    """An app's own clean-up when people are erased: called with the group erased together (one
    person, or a purge's few hundred) and every text that identifies any of them, so that it
    does its work for the whole group in a few queries. Runs inside the erasure's transaction,
    before the people's fields are blanked. It returns how many records it changed (counted
    under its app in the erasure's log event). Usable as a decorator."""
    if function not in personal_data_erasers:
        personal_data_erasers.append(function)
    return function


@dataclass(frozen=True)
class Kept:
    """Part of a record an erasure must leave as it is, and the legal ground for keeping it: a
    gifts-register entry published by law names its giver (AVG art. 17(3)(b)), a record the
    Archiefwet's selectielijst says to keep. The scrub leaves ``fields`` of row ``pk`` alone."""

    model: str  # label_lower, e.g. "integrity.giftreceived"
    pk: int
    fields: tuple[str, ...]
    ground: str  # plain words, stored and logged: what requires it


personal_data_keepers: list[Callable] = []  # (person) -> Iterable[Kept]


def register_keeper(function: Callable) -> Callable:
    """An app's list of what an erasure of this person must keep; runs inside the erasure's
    transaction, before anything is erased. Usable as a decorator."""
    if function not in personal_data_keepers:
        personal_data_keepers.append(function)
    return function


personal_data_group_keepers: list[Callable] = []  # (people) -> {person pk: Iterable[Kept]}


def register_group_keeper(function: Callable) -> Callable:
    """A keeper that answers for a group of people in one go (the purge erases hundreds at
    once): it returns, per person's number, what must be kept of them."""
    if function not in personal_data_group_keepers:
        personal_data_group_keepers.append(function)
    return function


def kept_for(person) -> list[Kept]:
    """Everything every app says must be kept of this person, in a stable order."""
    return kept_for_people([person])[person.pk]


def kept_for_people(people) -> dict[int, list[Kept]]:
    """``kept_for`` of each of a group of people."""
    kept: dict[int, list[Kept]] = {person.pk: [] for person in people}
    for person in people:
        kept[person.pk] += [item for keeper in personal_data_keepers for item in keeper(person)]
    for group_keeper in personal_data_group_keepers:
        for pk, items in group_keeper(people).items():
            kept[pk] += list(items)
    return {
        pk: sorted(items, key=lambda item: (item.model, item.pk, item.fields))
        for pk, items in kept.items()
    }


def contributor(function: Callable) -> str:
    """The label of the app a registered function belongs to (``agenda``), for the log."""
    config = apps.get_containing_app_config(function.__module__)
    return config.label if config is not None else function.__module__


def plain(value):
    """A value as JSON holds it: dates as ISO text, model instances as their text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def collect(person) -> list[dict]:
    """The export: every registered section, in order, with its rows."""
    sections = sorted(personal_data_sections.values(), key=lambda s: (s.order, s.key))
    result = []
    for section in sections:
        rows = [{key: plain(value) for key, value in row.items()} for row in section.rows(person)]
        columns = list(rows[0]) if rows else list(section.labels)
        result.append(
            {
                "key": section.key,
                "title": str(section.title),
                "columns": [(key, str(section.labels.get(key, key))) for key in columns],
                "rows": rows,
            }
        )
    return result


def as_json(person, sections: list[dict]) -> dict:
    return {
        "person": person.pk,
        "sections": {section["key"]: section["rows"] for section in sections},
    }


# --- what relations itself holds ------------------------------------------------------------


def _profile(person) -> list[dict]:
    return [
        {
            "id": person.pk,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "job_title": person.job_title,
            "email": person.email,
            "phone": person.phone,
            "preferred_language": person.preferred_language,
            "lawful_basis": person.get_lawful_basis_display(),
            "lawful_basis_justification": person.lawful_basis_justification,
            "last_contact_on": person.last_contact_on,
            "retain_until": person.retain_until,
            "created_at": person.created_at,
            "updated_at": person.updated_at,
            "erased_at": person.erased_at,
        }
    ]


def _organisations(person) -> list[dict]:
    return [
        {"id": organisation.pk, "name": organisation.name, "country": organisation.country.code}
        for organisation in person.organisations.order_by("name")
    ]


def _interactions(person) -> list[dict]:
    return [
        {
            "id": interaction.pk,
            "date": interaction.happened_on,
            "kind": interaction.get_kind_display(),
            "subject": interaction.subject,
            "notes": interaction.notes,
            "follow_up_on": interaction.follow_up_on,
        }
        for interaction in person.interactions.order_by("happened_on", "pk")
    ]


def _history(person) -> list[dict]:
    """The audit trail of the person's own record: every version with its values."""
    rows = []
    records = person.history.select_related("history_user").order_by("history_date", "history_id")
    for record in records:
        row = {
            "date": record.history_date,
            "change": record.get_history_type_display(),
            "by": str(record.history_user) if record.history_user else "",
            "reason": record.history_change_reason or "",
        }
        for name in ("version", *person.PERSONAL_FIELDS, "lawful_basis", "retain_until"):
            row[name] = getattr(record, name)
        rows.append(row)
    return rows


register_section(
    "profile",
    _("Profile"),
    _profile,
    order=10,
    labels={
        "id": _("Number"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "job_title": _("Job title"),
        "email": _("Email address"),
        "phone": _("Telephone"),
        "preferred_language": _("Preferred language"),
        "lawful_basis": _("Lawful basis"),
        "lawful_basis_justification": _("Justification of legitimate interest"),
        "last_contact_on": _("Last contact"),
        "retain_until": _("Retain until"),
        "created_at": _("Created at"),
        "updated_at": _("Updated at"),
        "erased_at": _("Erased at"),
    },
)
register_section(
    "organisations",
    _("Organisations"),
    _organisations,
    order=20,
    labels={"id": _("Number"), "name": _("Name"), "country": _("Country")},
)
register_section(
    "interactions",
    _("Interactions"),
    _interactions,
    order=30,
    labels={
        "id": _("Number"),
        "date": _("Date"),
        "kind": _("Kind"),
        "subject": _("Subject"),
        "notes": _("Notes"),
        "follow_up_on": _("Follow up on"),
    },
)
register_section(
    "history",
    _("History of the record"),
    _history,
    order=90,
    labels={
        "date": _("Date"),
        "change": _("Change"),
        "by": _("By"),
        "reason": _("Reason"),
        "version": _("Version"),
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "job_title": _("Job title"),
        "email": _("Email address"),
        "phone": _("Telephone"),
        "preferred_language": _("Preferred language"),
        "lawful_basis": _("Lawful basis"),
        "retain_until": _("Retain until"),
    },
)


# --- retention and the register of processing activities (``privacy``) ----------------------


def _kept(person) -> list[dict]:
    """What an erasure of this person kept, and why (empty before an erasure)."""
    return [
        {
            "kind": item.model,
            "number": item.object_id,
            "fields": ", ".join(item.fields),
            "ground": item.ground,
            "kept_at": item.kept_at,
        }
        for item in privacy_selectors.kept_for_person(person.pk)
    ]


register_section(
    "kept_after_erasure",
    _("Kept after erasure"),
    _kept,
    order=95,
    labels={
        "kind": _("Kind of record"),
        "number": _("Number"),
        "fields": _("Fields kept"),
        "ground": _("Ground"),
        "kept_at": _("Kept at"),
    },
)

register_record_kind(
    "relations.person",
    _("Contact person"),
    default_months=24,
    starts_from=_("the last contact (last contact moment, registration or change of the record)"),
    ground=_(
        "AVG art. 5(1)(e): kept no longer than needed for relationship management; two years "
        "without contact is the municipality's default"
    ),
    purge=retention.purge_people,
    own_transactions=True,
    on_period_change=retention.refresh_retention_dates,
    order=10,
)
register_record_kind(
    "relations.interaction",
    _("Contact moment (subject and notes)"),
    default_months=60,
    starts_from=_("the date of the contact moment"),
    ground=_(
        "Selectielijst gemeenten en intergemeentelijke organen 2020: correspondence and "
        "consultations without lasting value, destroy after 5 years (the municipality's "
        "archivist confirms the category)"
    ),
    purge=retention.anonymise_contact_moments,
    order=20,
)
register_processing_activity(
    "relations.contacts",
    _("Relationship management of international partners"),
    purposes=_(
        "Keeping in touch with the partners of the municipality's international work: "
        "knowledge institutions, companies, governments, networks; preparing visits and "
        "projects; accounting for the contacts in the budget cycle."
    ),
    data_subjects=_("Contact persons at partner organisations"),
    personal_data=_(
        "Name, job title, organisation, work email address and telephone, preferred "
        "language; contact moments with date, subject and notes"
    ),
    lawful_basis=LawfulBasis.PUBLIC_TASK,
    recipients=_("The international-affairs team; no one outside the municipality"),
    transfers=_("None"),
    record_kinds=("relations.person", "relations.interaction"),
    security=_(
        "Access by role, multi-factor authentication for administrators and for personal "
        "data, every read, export and erasure logged (BIO); versioned records with an audit "
        "trail; erasure through the history"
    ),
    order=10,
)

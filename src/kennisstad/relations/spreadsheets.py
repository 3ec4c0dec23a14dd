"""Organisations and people as spreadsheet columns: the list exports write them, the importer
reads them back (headers in Dutch or English)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kennisstad.core import spreadsheets as sheet
from kennisstad.core.exports import Column, choice_label
from kennisstad.core.services import bulk_create_records
from kennisstad.core.signals import announce_bulk_created
from kennisstad.privacy.lawful_basis import LawfulBasis

from .models import InteractionKind, Organisation, OrganisationKind, Person, Tag
from .services import save_organisation, save_person

LANGUAGE_CHOICES = Person._meta.get_field("preferred_language").choices


def _names(items) -> str:
    return "; ".join(str(item) for item in items)


ORGANISATION_COLUMNS = [
    Column("id", _("ID"), lambda o: o.pk),
    Column("name", _("Name"), lambda o: o.name, required=True),
    Column("abbreviation", _("Abbreviation"), lambda o: o.abbreviation),
    Column("kind", _("Kind"), choice_label("kind", OrganisationKind.choices), aliases=("type",)),
    Column("country", _("Country"), lambda o: o.country.name, required=True),
    Column("city", _("City"), lambda o: o.city, aliases=("stad", "plaats", "place")),
    Column("website", _("Website"), lambda o: o.website, aliases=("url",)),
    Column("description_nl", _("Description (Dutch)"), lambda o: o.description_nl),
    Column("description_en", _("Description (English)"), lambda o: o.description_en),
    Column("tags", _("Tags"), lambda o: _names(o.tags.all())),
    Column(
        "relationship_owner",
        _("Relationship owner"),
        lambda o: o.relationship_owner.get_username() if o.relationship_owner else "",
    ),
]

INTERACTION_COLUMNS = [
    Column("id", _("ID"), lambda i: i.pk),
    Column("happened_on", _("Date"), lambda i: i.happened_on),
    Column("kind", _("Kind"), choice_label("kind", InteractionKind.choices)),
    Column("subject", _("Subject"), lambda i: i.subject),
    Column(
        "organisations",
        _("Organisations"),
        lambda i: "; ".join(str(o) for o in i.organisations.all()),
    ),
    Column("people", _("People"), lambda i: "; ".join(str(p) for p in i.people.all())),
    Column("owner", _("Owner"), lambda i: str(i.owner) if i.owner_id else ""),
    Column("follow_up_on", _("Follow up on"), lambda i: i.follow_up_on),
    Column("follow_up_done_on", _("Followed up on"), lambda i: i.follow_up_done_on),
    Column("notes", _("Notes"), lambda i: i.notes),
]

PERSON_COLUMNS = [
    Column("id", _("ID"), lambda p: p.pk),
    Column("first_name", _("First name"), lambda p: p.first_name, required=True),
    Column("last_name", _("Last name"), lambda p: p.last_name, required=True),
    Column("job_title", _("Job title"), lambda p: p.job_title, aliases=("function", "functie")),
    Column(
        "organisations",
        _("Organisations"),
        lambda p: _names(p.organisations.all()),
        aliases=("organisation", "organisatie"),
    ),
    Column("email", _("Email"), lambda p: p.email, aliases=("e-mail", "e-mailadres", "mail")),
    Column("phone", _("Telephone"), lambda p: p.phone, aliases=("phone", "telefoonnummer")),
    Column(
        "preferred_language",
        _("Preferred language"),
        choice_label("preferred_language", LANGUAGE_CHOICES),
        aliases=("taal", "language"),
    ),
    Column("lawful_basis", _("Lawful basis"), choice_label("lawful_basis", LawfulBasis.choices)),
    Column(
        "lawful_basis_justification",
        _("Justification of legitimate interest"),
        lambda p: p.lawful_basis_justification,
    ),
    Column("retain_until", _("Retain until"), lambda p: p.retain_until),
]


def _existing(model, cells, reader, natural):
    """The stored record a row means: by its ID when that still exists, else by ``natural``."""
    raw_id = sheet.text(cells.get("id"))
    if raw_id:
        if not (raw_id.isascii() and raw_id.isdigit()):
            reader.errors.append(
                (reader.headers["id"], _("“%(value)s” is not a whole number") % {"value": raw_id})
            )
            return None
        found = model._default_manager.filter(pk=int(raw_id)).first()
        if found is not None:
            return found
    return natural()


def _build_organisation(cells, reader) -> sheet.RowResult:
    name = reader.cell("name")
    existing = _existing(
        Organisation,
        cells,
        reader,
        lambda: (
            Organisation.objects.filter(name__iexact=name).order_by("pk").first() if name else None
        ),
    )
    organisation = existing or Organisation()
    before = sheet.fields_of(organisation) if existing else None
    organisation.name = name
    for key in ("abbreviation", "city", "website", "description_nl", "description_en"):
        if reader.present(key):
            setattr(organisation, key, reader.cell(key))
    if reader.present("kind") or not existing:
        organisation.kind = reader.cell("kind", sheet.choice, OrganisationKind.choices) or (
            OrganisationKind.OTHER
        )
    organisation.country = reader.cell("country", sheet.country)
    if reader.present("relationship_owner"):
        has_owner = bool(sheet.text(cells.get("relationship_owner")))
        organisation.relationship_owner = (
            reader.cell("relationship_owner", _user) if has_owner else None
        )
    many = {}
    if reader.present("tags"):
        # known tags by their record (so "unchanged" is recognised), new ones by name
        many["tags"] = [
            Tag.objects.filter(name__iexact=name).first() or name
            for name in sheet.many(cells.get("tags"))
        ]
    return sheet.RowResult(organisation, many, before)


def _user(value):
    username = sheet.text(value)
    user = get_user_model().objects.filter(username__iexact=username).first()
    if user is None:
        raise sheet.CellError(_("unknown user “%(value)s”") % {"value": username})
    return user


def _save_organisation(*, instance, many_to_many, user, expected_version):
    tags = _tags(many_to_many["tags"]) if "tags" in many_to_many else None
    return save_organisation(
        organisation=instance, user=user, expected_version=expected_version, tags=tags
    )


def _tags(names_or_tags) -> list[Tag]:
    return [
        tag if isinstance(tag, Tag) else Tag.objects.get_or_create(name=tag)[0]
        for tag in names_or_tags
    ]


def _bulk_create(model, results, user, link_fields) -> None:
    """New records of one file in one go, with their audit trail, then their search entries."""
    instances = [result.instance for result in results]
    for instance in instances:
        instance.fill_keys()
    many = {
        name: [convert(result.many_to_many.get(name, [])) for result in results]
        for name, convert in link_fields.items()
        if any(name in result.many_to_many for result in results)
    }
    created = bulk_create_records(model=model, instances=instances, user=user, many_to_many=many)
    ids = [instance.pk for instance in created]
    # The search index is derived data: fill it in its own transaction after the import
    # commits, so the import's write lock is not held for it (a dry run rolls back: none).
    announce_bulk_created(model, ids)


def _bulk_create_organisations(*, results, user) -> None:
    _bulk_create(Organisation, results, user, {"tags": _tags})


def _bulk_create_people(*, results, user) -> None:
    _bulk_create(Person, results, user, {"organisations": list})


def _organisations(value) -> list[Organisation]:
    return [
        sheet.by_name(Organisation, "name", name, str(_("organisation")))
        for name in sheet.many(value)
    ]


def _build_person(cells, reader) -> sheet.RowResult:
    first_name = reader.cell("first_name")
    last_name = reader.cell("last_name")
    email = reader.cell("email")

    def natural():
        if email:
            return Person.objects.filter(email__iexact=email).order_by("pk").first()
        return (
            Person.objects.filter(first_name__iexact=first_name, last_name__iexact=last_name)
            .order_by("pk")
            .first()
        )

    existing = _existing(Person, cells, reader, natural)
    if existing is not None and existing.erased_at is not None:
        reader.errors.append(
            (
                reader.headers.get("id", _("Email address")),
                _("this person's data was erased; it cannot be filled in again"),
            )
        )
        existing = None
    person = existing or Person()
    before = sheet.fields_of(person) if existing else None
    person.first_name, person.last_name = first_name, last_name
    for key in ("job_title", "email", "phone"):
        if reader.present(key):
            setattr(person, key, reader.cell(key))
    if reader.present("preferred_language"):
        person.preferred_language = (
            reader.cell("preferred_language", sheet.choice, LANGUAGE_CHOICES) or "en"
        )
    if reader.present("lawful_basis"):
        person.lawful_basis = reader.cell("lawful_basis", sheet.choice, LawfulBasis.choices)
    if reader.present("lawful_basis_justification"):
        person.lawful_basis_justification = reader.cell("lawful_basis_justification")
    # The retention date is derived from the last contact (``Person``); a column is ignored.
    many = {}
    if reader.present("organisations"):
        many["organisations"] = reader.cell("organisations", _organisations, default=[])
    return sheet.RowResult(person, many, before)


def _save_person(*, instance, many_to_many, user, expected_version):
    return save_person(
        person=instance,
        user=user,
        expected_version=expected_version,
        organisations=many_to_many.get("organisations"),
    )


ORGANISATIONS = sheet.ImportSpec(
    kind="organisations",
    label=_("Organisations"),
    columns=ORGANISATION_COLUMNS,
    build=_build_organisation,
    save=_save_organisation,
    natural_key=lambda cells: (
        sheet.text(cells.get("id")) or sheet.text(cells.get("name")).casefold(),
    ),
    field_columns={column.key: column.key for column in ORGANISATION_COLUMNS},
    bulk_create=_bulk_create_organisations,
)

PEOPLE = sheet.ImportSpec(
    kind="people",
    label=_("People"),
    columns=PERSON_COLUMNS,
    build=_build_person,
    save=_save_person,
    natural_key=lambda cells: (
        sheet.text(cells.get("id"))
        or sheet.text(cells.get("email")).casefold()
        or (
            sheet.text(cells.get("first_name")).casefold(),
            sheet.text(cells.get("last_name")).casefold(),
        ),
    ),
    field_columns={column.key: column.key for column in PERSON_COLUMNS},
    bulk_create=_bulk_create_people,
)

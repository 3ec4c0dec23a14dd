"""Projects as spreadsheet columns, for the list export and the importer."""

from django.utils.translation import gettext_lazy as _

from kennisstad.core import spreadsheets as sheet
from kennisstad.core.exports import Column, choice_label
from kennisstad.core.models import Theme
from kennisstad.core.text_fold import fold
from kennisstad.core.text_input import whole_number
from kennisstad.relations.models import Organisation

from .models import Project, ProjectCategory, ProjectStatus
from .services import save_project


def _yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))


PROJECT_COLUMNS = [
    Column("id", _("ID"), lambda p: p.pk),
    Column(
        "title_nl",
        _("Title (Dutch)"),
        lambda p: p.title_nl,
        required=True,
        aliases=("titel", "title"),
    ),
    Column("title_en", _("Title (English)"), lambda p: p.title_en),
    Column("category", _("Category"), lambda p: p.category.name, required=True),
    Column("status", _("Status"), choice_label("status", ProjectStatus.choices)),
    Column("start_date", _("Start date"), lambda p: p.start_date, aliases=("start",)),
    Column("end_date", _("End date"), lambda p: p.end_date, aliases=("einde", "end")),
    Column("themes", _("Themes"), lambda p: "; ".join(t.name for t in p.themes.all())),
    Column("countries", _("Countries"), lambda p: "; ".join(c.name for c in p.countries)),
    Column(
        "lead_organisation",
        _("Lead organisation"),
        lambda p: p.lead_organisation.name if p.lead_organisation else "",
        aliases=("penvoerder", "lead partner"),
    ),
    Column("budget", _("Budget (EUR)"), lambda p: p.budget, aliases=("budget",)),
    Column("is_public", _("Public"), lambda p: _yes_no(p.is_public)),
    Column("description_nl", _("Description (Dutch)"), lambda p: p.description_nl),
    Column("description_en", _("Description (English)"), lambda p: p.description_en),
]


def _category(value) -> ProjectCategory:
    wanted = fold(sheet.text(value))
    for category in ProjectCategory.objects.all():
        if wanted in (fold(category.code), fold(category.name_nl), fold(category.name_en)):
            return category
    raise sheet.CellError(_("unknown category “%(value)s”") % {"value": sheet.text(value)})


def _themes(value) -> list[Theme]:
    themes = list(Theme.objects.all())
    found = []
    for name in sheet.many(value):
        wanted = fold(name)
        match = next(
            (t for t in themes if wanted in (fold(t.slug), fold(t.name_nl), fold(t.name_en))),
            None,
        )
        if match is None:
            raise sheet.CellError(_("unknown theme “%(value)s”") % {"value": name})
        found.append(match)
    return found


def _countries(value) -> list[str]:
    return [sheet.country(name) for name in sheet.many(value)]


def _organisation(value):
    name = sheet.text(value)
    return sheet.by_name(Organisation, "name", name, str(_("organisation"))) if name else None


def _build_project(cells, reader) -> sheet.RowResult:
    title = reader.cell("title_nl")
    existing = None
    raw_id = sheet.text(cells.get("id"))
    if whole_number(raw_id) is not None:
        existing = Project.objects.filter(pk=int(raw_id)).first()
    if existing is None and title:
        existing = Project.objects.filter(title_nl__iexact=title).order_by("pk").first()
    project = existing or Project()
    before = sheet.fields_of(project) if existing else None
    project.title_nl = title
    for key in ("title_en", "description_nl", "description_en"):
        if reader.present(key):
            setattr(project, key, reader.cell(key))
    category = reader.cell("category", _category)
    if category is not None:
        project.category = category
    if reader.present("status"):
        project.status = reader.cell("status", sheet.choice, ProjectStatus.choices) or (
            ProjectStatus.PLANNED
        )
    for key in ("start_date", "end_date"):
        if reader.present(key):
            setattr(project, key, reader.cell(key, sheet.date))
    if reader.present("countries"):
        project.countries = reader.cell("countries", _countries, default=[])
    if reader.present("lead_organisation"):
        project.lead_organisation = reader.cell("lead_organisation", _organisation)
    if reader.present("budget"):
        project.budget = reader.cell("budget", sheet.number)
    if reader.present("is_public"):
        project.is_public = reader.cell("is_public", sheet.boolean, default=False)
    many = {}
    if reader.present("themes"):
        many["themes"] = reader.cell("themes", _themes, default=[])
    return sheet.RowResult(project, many, before)


def _save_project(*, instance, many_to_many, user, expected_version):
    return save_project(
        project=instance,
        user=user,
        expected_version=expected_version,
        themes=many_to_many.get("themes"),
    )


PROJECTS = sheet.ImportSpec(
    kind="projects",
    label=_("Projects"),
    columns=PROJECT_COLUMNS,
    build=_build_project,
    save=_save_project,
    natural_key=lambda cells: (
        sheet.text(cells.get("id")) or sheet.text(cells.get("title_nl")).casefold(),
    ),
    field_columns={column.key: column.key for column in PROJECT_COLUMNS},
)

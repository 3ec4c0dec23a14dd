"""The public, bilingual face of the programme: public projects, the public calendar and the
indicators of published budget documents. No login; a municipality links to these pages from
its own site (``?lang=en`` opens them in English)."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views import generic

from kennisstad.accounts import access
from kennisstad.agenda.selectors import activities_of_project, upcoming_activities
from kennisstad.agreements.selectors import partner_cities
from kennisstad.core.models import Theme
from kennisstad.indicators.charts import trend_chart
from kennisstad.integrity import exports as integrity_exports
from kennisstad.integrity import selectors as integrity_selectors
from kennisstad.planning import selectors as planning_selectors
from kennisstad.planning.chapter_table import Row
from kennisstad.projects.models import ProjectPartner
from kennisstad.projects.selectors import portfolio_overview, project_list
from kennisstad.registrations.selectors import open_for_registration

PUBLIC = None  # the portal shows what the public may see, whoever is logged in
SHOWN_STATUSES = ("planned", "active", "completed")


def _without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


def public_projects():
    return access.visible_projects(PUBLIC, project_list().filter(status__in=SHOWN_STATUSES))


class PortalHomeView(generic.TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = public_projects().order_by("-start_date", "pk")[:6]
        context["project_count"] = public_projects().count()
        context["activities"] = activities = list(upcoming_activities(user=PUBLIC, days=120)[:8])
        context["registration_open"] = open_for_registration([a.pk for a in activities])
        return context


class PublicProjectListView(generic.ListView):
    """Public projects, by theme and country."""

    template_name = "portal/projects.html"
    paginate_by = 24

    def get_queryset(self):
        queryset = public_projects()
        self.theme = Theme.objects.filter(slug=self.request.GET.get("theme", "")).first()
        self.country = self.request.GET.get("country", "").upper()[:2]
        if self.theme:
            queryset = queryset.filter(themes=self.theme)
        if self.country:
            queryset = queryset.filter(countries__icontains=self.country)
        return queryset.order_by("-start_date", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = portfolio_overview(public_projects())
        context.update(
            themes=[row["theme"] for row in overview["rows"] if row["theme"]],
            countries=overview["by_country"],
            theme=self.theme,
            country=self.country,
            query_without_page=_without_page(self.request.GET),
        )
        return context


class PublicProjectDetailView(generic.DetailView):
    template_name = "portal/project_detail.html"

    def get_queryset(self):
        return public_projects().prefetch_related(
            Prefetch("partnerships", ProjectPartner.objects.select_related("organisation"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = activities_of_project(self.object, user=PUBLIC)
        return context


class PublicCalendarView(generic.TemplateView):
    """The public activities of the coming year, by month, with the address to subscribe."""

    template_name = "portal/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = activities = list(upcoming_activities(user=PUBLIC, days=366)[:300])
        context["registration_open"] = open_for_registration([a.pk for a in activities])
        return context


def published_chart(row: Row):
    """A trend chart from one row of a published table: only numbers that were published."""
    years: dict[int, dict] = {}
    for cell in row.cells:
        entry = years.setdefault(
            cell.year,
            {
                "year": cell.year,
                "realised": None,
                "target": None,
                "realised_text": "-",
                "target_text": "-",
            },
        )
        if cell.is_realisation:
            entry["realised"], entry["realised_text"] = cell.value, cell.text
        elif cell.comparator != "text":
            entry["target"], entry["target_text"] = cell.value, cell.text
    return trend_chart([years[year] for year in sorted(years)])


class PublicIndicatorsView(generic.TemplateView):
    """The indicator tables of the published begroting and jaarstukken, as adopted: an imported
    chapter's tables as its document prints them, else the standard table."""

    template_name = "portal/indicators.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = list(planning_selectors.published_documents())
        every_chapter = [chapter for document in published for chapter in document.chapters.all()]
        tables = iter(planning_selectors.chapter_tables(every_chapter, mark_changes=False))
        finances = iter(planning_selectors.finances_shown(every_chapter))
        documents = []
        for document in published:
            chapters = []
            for chapter in document.chapters.all():
                table = next(tables)
                charts = [
                    {"row": row, "chart": published_chart(row), "id": f"c{chapter.pk}-{index}"}
                    for index, row in enumerate(table.rows)
                ]
                chapters.append(
                    {
                        "chapter": chapter,
                        "table": table,
                        "printed": planning_selectors.printed_tables(chapter),
                        "printed_id": f"printed-{chapter.pk}-",
                        "charts": charts,
                        "finance": next(finances),
                    }
                )
            documents.append({"document": document, "chapters": chapters})
        context["documents"] = documents
        context["today"] = timezone.localdate()
        return context


class AccessibilityStatementView(generic.TemplateView):
    template_name = "portal/accessibility.html"


class PublicIntegrityRegisterView(generic.TemplateView):
    """The published integrity register: per closed period (quarter or half year, as the
    municipality sets) the gifts received above the threshold and the trips paid by third
    parties per office-holder. A period still running is not shown."""

    template_name = "portal/integrity.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        periods = integrity_selectors.published_periods()
        wanted = integrity_selectors.period_from_slug(self.request.GET.get("periode", ""))
        if wanted is not None and wanted not in periods:
            raise Http404
        period = wanted or (periods[0] if periods else None)
        context.update(periods=periods, period=period, formats=integrity_exports.FORMATS)
        context["threshold"] = integrity_selectors.gifts_threshold()
        if period is not None:
            context["gifts"] = integrity_selectors.public_gifts(period)
            context["trips"] = integrity_selectors.third_party_trips(period)
        return context


def public_integrity_download(request, period: str, register: str, fmt: str):
    """A published period's register as xlsx, csv or docx."""
    chosen = integrity_selectors.period_from_slug(period)
    published = integrity_selectors.published_periods()
    if (
        chosen not in published
        or register not in integrity_exports.REGISTERS
        or fmt not in integrity_exports.FORMATS
    ):
        raise Http404
    response = HttpResponse(
        integrity_exports.render(register, chosen, fmt),
        content_type=integrity_exports.CONTENT_TYPES[fmt],
    )
    name = integrity_exports.filename(register, chosen, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class PartnerCitiesView(generic.TemplateView):
    """The partner cities and regions by country: those party to a public agreement in force,
    with the kind of agreement, the year it was signed and its themes."""

    template_name = "portal/partner_cities.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["countries"] = groups = partner_cities(timezone.localdate())
        context["partner_count"] = sum(len(group["partners"]) for group in groups)
        return context

"""The team's start page after login: the coming two weeks, my follow-ups, this year's
indicators against their targets, official figures a later recount contradicts, and what changed
recently."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.views import generic

from kennisstad.agenda.selectors import awaiting_publication, upcoming_activities
from kennisstad.checklists.selectors import due_soon_tasks, overdue_tasks
from kennisstad.funding.selectors import overdue_obligations
from kennisstad.planning.deadline_selectors import dashboard_rows
from kennisstad.projects.selectors import project_list


class HomeView(LoginRequiredMixin, generic.TemplateView):
    template_name = "workspace/home.html"

    def get_context_data(self, **kwargs):
        from kennisstad.accounts import access
        from kennisstad.agenda.models import Activity
        from kennisstad.core.history import latest_changes
        from kennisstad.indicators.selectors import differing_figures, indicator_list, year_status
        from kennisstad.projects.models import Project
        from kennisstad.relations.models import Interaction, Organisation, Person
        from kennisstad.relations.selectors import open_follow_ups

        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        context["today"] = today
        context["upcoming"] = upcoming_activities(user=user, days=14)[:25]
        context["my_projects"] = access.visible_projects(
            user, project_list().filter(owner=user, status__in=["planned", "active"])
        )[:10]
        if access.is_team(user):
            follow_ups = open_follow_ups(owner=user)
            context["follow_ups"] = follow_ups[:10]
            context["follow_ups_overdue"] = follow_ups.filter(follow_up_on__lt=today).count()
            context["awaiting_publication"] = awaiting_publication().count()
            context.update(awaiting_deliveries_context())
            context["missing_value_rows"] = dashboard_rows(today=today)
            context.update(first_and_total("tasks_overdue", overdue_tasks(user, today=today)))
            context.update(
                first_and_total("tasks_due_soon", due_soon_tasks(user, today=today, days=7))
            )
            context.update(first_and_total("obligations_overdue", overdue_obligations(today=today)))
        if access.is_team_or_reader(user):
            indicators = indicator_list().order_by("policy_area__code", "order", "name_nl")
            context["indicator_year"] = today.year
            context["indicator_rows"] = year_status(indicators, year=today.year)
        if access.can_choose_official_figures(user):
            context["differing_figures"] = differing_rows(differing_figures())
        if access.can_see_history(user):
            context["recent_changes"] = latest_changes(
                [
                    (Activity, "agenda:activity-detail"),
                    (Project, "projects:project-detail"),
                    (Organisation, "relations:organisation-detail"),
                    (Person, "relations:person-detail"),
                    (Interaction, "relations:interaction-detail"),
                ]
            )
        return context


def first_and_total(name: str, queryset, limit: int = 10) -> dict:
    """The first ``limit`` rows as ``name`` and, as ``<name>_total``, how many there are: the
    dashboard says so when it shows only part (counted only then)."""
    shown = list(queryset[:limit])
    total = len(shown) if len(shown) < limit else queryset.count()
    return {name: shown, f"{name}_total": total}


def awaiting_deliveries_context() -> dict:
    """The dashboard's "values awaiting approval" block: the first few and how many wait."""
    from kennisstad.indicators.delivery_selectors import awaiting_approval, with_value_text

    waiting = awaiting_approval()
    return {
        "awaiting_deliveries": with_value_text(waiting[:5]),
        "awaiting_deliveries_count": waiting.count(),
    }


def differing_rows(figures) -> list[dict]:
    """Per indicator and year whose official figure a later recount contradicts: both, as the
    budget writes them, for the team to look into."""
    from kennisstad.indicators.formatting import format_realisation

    return [
        {
            "indicator": indicator,
            "year": year,
            "official": format_realisation(indicator, figure.realisation),
            "source": figure.realisation.source_document or figure.realisation.get_origin_display(),
            "recount": format_realisation(indicator, figure.recount),
            "recounted_on": figure.recount.measured_on,
        }
        for indicator, year, figure in figures
    ]

"""The public, bilingual face of the programme: public projects and public activities only."""

from django.views import generic

from kennisstad.accounts import access
from kennisstad.agenda.selectors import upcoming_activities
from kennisstad.projects.selectors import project_list


class PortalHomeView(generic.TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        anonymous = None  # the portal shows what the public may see, whoever is logged in
        context["projects"] = access.visible_projects(
            anonymous, project_list().filter(status__in=["planned", "active", "completed"])
        ).order_by("-start_date")[:12]
        context["activities"] = upcoming_activities(user=anonymous, days=120)[:12]
        return context


class AccessibilityStatementView(generic.TemplateView):
    template_name = "portal/accessibility.html"

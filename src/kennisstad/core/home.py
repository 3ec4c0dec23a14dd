"""The team's start page after login."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.views import generic

from kennisstad.agenda.selectors import upcoming_activities
from kennisstad.projects.selectors import project_list


class HomeView(LoginRequiredMixin, generic.TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from kennisstad.accounts import access

        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["upcoming"] = upcoming_activities(user=user, days=14)[:25]
        context["my_projects"] = access.visible_projects(
            user, project_list().filter(owner=user, status__in=["planned", "active"])
        )[:10]
        return context

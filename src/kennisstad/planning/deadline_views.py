"""The P&C calendar: per document year the deadline for each document's input, how many days
are left and how many figures it still waits for; the team sets, moves and removes deadlines.
Partners see none of it (their own missing figures reach them by mail)."""

from django.http import Http404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.text_input import whole_number
from kennisstad.policy import selectors as policy_selectors
from kennisstad.policy.models import Deadline
from kennisstad.policy.services import delete_deadline, save_deadline

from .deadline_forms import DeadlineForm
from .deadline_selectors import deadline_rows


class DeadlineListView(core_views.RegistryViewMixin, generic.TemplateView):
    may_open = access.is_team_or_reader
    template_name = "planning/deadline_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        years = policy_selectors.deadline_years()
        year = whole_number(self.request.GET.get("year"))
        if year is None or year not in years:
            upcoming = policy_selectors.deadlines().filter(due_on__gte=today).first()
            year = upcoming.year if upcoming else (years[0] if years else today.year)
        rows = deadline_rows(policy_selectors.deadlines(year=year), today=today)
        return {
            **super().get_context_data(**kwargs),
            "year": year,
            "years": years,
            "rows": rows,
            "can_edit": access.is_team(self.request.user),
        }


class DeadlineDetailView(core_views.RegistryDetailView):
    model = Deadline
    may_open = access.is_team_or_reader
    template_name = "planning/deadline_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        [row] = deadline_rows([self.object], today=timezone.localdate())
        context["row"] = row
        context["can_edit"] = access.is_team(self.request.user)
        return context


class DeadlineSaveMixin:
    model = Deadline
    form_class = DeadlineForm
    may_open = access.is_team
    new_heading = gettext_lazy("New deadline")

    def save(self, form):
        return save_deadline(
            deadline=form.instance, user=self.request.user, expected_version=form.expected_version
        )

    def get_success_url(self):
        return reverse("planning:deadline-detail", args=[self.object.pk])

    def get_cancel_url(self) -> str:
        if self.object is not None and self.object.pk:
            return self.get_success_url()
        return reverse("planning:deadline-list")


class DeadlineCreateView(DeadlineSaveMixin, core_views.RegistryCreateView):
    pass


class DeadlineUpdateView(DeadlineSaveMixin, core_views.RegistryUpdateView):
    pass


def _delete(*, instance, user, expected_version):
    delete_deadline(deadline=instance, user=user, expected_version=expected_version)


class DeadlineDeleteView(core_views.RegistryDeleteView):
    model = Deadline
    may_open = access.is_team
    delete_function = staticmethod(_delete)
    success_url = reverse_lazy("planning:deadline-list")

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Deadline.DoesNotExist as exc:
            raise Http404 from exc

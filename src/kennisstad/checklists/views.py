"""Pages of the checklists: the templates (list, page, form with its tasks), applying a template
to an activity or a delegation, a checklist with its tasks, one task's form, ticking a task off
(a plain POST form that works without JavaScript) and "my tasks". Team-only writes; readers read;
partners and visitors see nothing of checklists."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from kennisstad.agenda.models import Activity
from kennisstad.core import views as core_views
from kennisstad.delegations.models import Delegation

from . import selectors, services
from .forms import ITEM_FIELDS, ApplyForm, ItemFormSet, TaskForm, TemplateForm
from .models import Checklist, ChecklistTemplate, Task, WorkKind

KIND_OF_ACTIVITY = {
    "incoming_visit": WorkKind.INCOMING_DELEGATION,
    "outgoing_visit": WorkKind.OUTGOING_MISSION,
    "trade_fair": WorkKind.CONFERENCE_STAND,
    "conference": WorkKind.CONFERENCE_STAND,
    "reception": WorkKind.RECEPTION,
}


class ReadMixin(core_views.RegistryViewMixin):
    may_open = staticmethod(selectors.may_see_checklists)


class WriteMixin(core_views.RegistryViewMixin):
    may_open = staticmethod(selectors.may_change_checklists)


class TemplateListView(ReadMixin, generic.ListView):
    model = ChecklistTemplate
    template_name = "checklists/template_list.html"

    def get_queryset(self):
        return selectors.template_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_create"] = selectors.may_change_checklists(self.request.user)
        return context


class TemplateDetailView(ReadMixin, core_views.RegistryDetailView):
    model = ChecklistTemplate
    template_name = "checklists/template_detail.html"


class TemplateSaveMixin:
    """The template form plus its tasks as one formset, saved in one versioned write."""

    model = ChecklistTemplate
    form_class = TemplateForm
    new_heading = gettext_lazy("New checklist template")
    template_name = "checklists/template_form.html"

    def formset(self, data=None):
        instance = self.object if self.object is not None and self.object.pk else None
        return ItemFormSet(data, instance=instance or ChecklistTemplate(), prefix="items")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", getattr(self, "bound_formset", None) or self.formset())
        return context

    def form_valid(self, form):
        self.bound_formset = self.formset(self.request.POST)
        if not self.bound_formset.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def form_invalid(self, form):
        if getattr(self, "bound_formset", None) is None:
            self.bound_formset = self.formset(self.request.POST)
        return super().form_invalid(form)

    def save(self, form):
        rows = []
        for item in self.bound_formset.forms:
            data = getattr(item, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            row = {field: data.get(field) for field in ITEM_FIELDS}
            row["id"] = item.instance.pk
            if row["offset_days"] is None:
                row["offset_days"] = 0
            if row["order"] is None:
                row["order"] = 0
            rows.append(row)
        return services.save_template(
            template=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            items=rows,
        )

    def get_success_url(self):
        return reverse("checklists:template-detail", args=[self.object.pk])


class TemplateCreateView(TemplateSaveMixin, core_views.RegistryCreateView):
    def get_cancel_url(self) -> str:
        return reverse("checklists:template-list")


class TemplateUpdateView(TemplateSaveMixin, core_views.RegistryUpdateView):
    pass


class ApplyView(WriteMixin, generic.FormView):
    """Apply a template to the activity or delegation in the URL, then back to its page."""

    form_class = ApplyForm
    template_name = "checklists/apply_form.html"
    model: type = Activity

    def get_record(self):
        if not hasattr(self, "record"):
            self.record = get_object_or_404(self.model, pk=self.kwargs["pk"])
        return self.record

    def event(self) -> Activity:
        record = self.get_record()
        return record if isinstance(record, Activity) else record.activity

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["kind"] = KIND_OF_ACTIVITY.get(self.event().kind)
        return kwargs

    def record_url(self) -> str:
        record = self.get_record()
        if isinstance(record, Activity):
            return reverse("agenda:activity-detail", args=[record.pk])
        return reverse("delegations:delegation-detail", args=[record.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.get_record()
        context["event"] = self.event()
        context["cancel_url"] = self.record_url()
        return context

    def form_valid(self, form):
        record = self.get_record()
        target = {"activity" if isinstance(record, Activity) else "delegation": record}
        checklist = services.apply_template(
            template=form.cleaned_data["template"], user=self.request.user, **target
        )
        messages.success(
            self.request,
            _("Checklist applied: %(count)s tasks.") % {"count": checklist.tasks.count()},
        )
        return HttpResponseRedirect(self.record_url() + f"#checklist-{checklist.pk}")


class ApplyToDelegationView(ApplyView):
    model = Delegation


class ChecklistDetailView(ReadMixin, generic.DetailView):
    model = Checklist
    template_name = "checklists/checklist_detail.html"

    def get_queryset(self):
        return Checklist.objects.select_related("activity", "delegation__activity", "template")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tasks"] = selectors.task_queryset().filter(checklist=self.object)
        context["can_change"] = selectors.may_change_checklists(self.request.user)
        context["record_url"] = selectors.record_url(self.object)
        context["today"] = timezone.localdate()
        return context


class ChecklistDeleteView(WriteMixin, generic.DeleteView):
    """Remove a checklist applied by mistake, with its tasks (the audit trail keeps them)."""

    model = Checklist
    template_name = "core/confirm_delete.html"

    def form_valid(self, form):
        back = selectors.record_url(self.object)
        services.delete_checklist(checklist=self.object, user=self.request.user)
        messages.success(self.request, _("Deleted."))
        return HttpResponseRedirect(back)


class TaskFormMixin(WriteMixin, core_views.ServiceFormMixin):
    """One task's form; a stale version (someone saved meanwhile) re-shows the input with
    what changed, as every versioned form does."""

    model = Task
    form_class = TaskForm
    template_name = "core/form.html"

    def save(self, form):
        task = form.instance
        task.checklist = self.checklist()
        return services.save_task(
            task=task,
            user=self.request.user,
            due_on=form.cleaned_data["due"],
            expected_version=form.expected_version,
        )

    def get_success_url(self):
        return reverse("checklists:checklist-detail", args=[self.object.checklist_id])

    def get_cancel_url(self) -> str:
        return reverse("checklists:checklist-detail", args=[self.checklist().pk])


class TaskCreateView(TaskFormMixin, generic.CreateView):
    # The record the route names (the form is a TaskForm all the same): the cancel-link walk
    # fills ``checklist_pk`` from this model's rows.
    model = Checklist

    def checklist(self) -> Checklist:
        return get_object_or_404(Checklist, pk=self.kwargs["checklist_pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = _("New task for %(checklist)s") % {"checklist": self.checklist()}
        return context


class TaskUpdateView(TaskFormMixin, generic.UpdateView):
    def get_queryset(self):
        return selectors.task_queryset()

    def checklist(self) -> Checklist:
        return self.object.checklist

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form_heading"] = _("Edit %(name)s") % {"name": self.object}
        return context


class TaskStatusView(LoginRequiredMixin, generic.View):
    """POST only: tick a task off (``done``) or reopen it, then back where the form was."""

    http_method_names = ["post"]
    done = True

    def post(self, request, pk):
        if not selectors.may_change_checklists(request.user):
            raise PermissionDenied
        task = get_object_or_404(selectors.task_queryset(), pk=pk)
        if self.done:
            services.mark_done(task=task, user=request.user)
            messages.success(request, _("Done: %(task)s") % {"task": task})
        else:
            services.reopen(task=task, user=request.user)
            messages.success(request, _("Reopened: %(task)s") % {"task": task})
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = reverse("checklists:checklist-detail", args=[task.checklist_id])
        return HttpResponseRedirect(back)


class MyTasksView(ReadMixin, generic.TemplateView):
    template_name = "checklists/my_tasks.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        context["today"] = today
        context["overdue"] = selectors.overdue_tasks(user, today=today)
        context["open_tasks"] = selectors.tasks_of(user).filter(due_on__gte=today)
        context["can_change"] = selectors.may_change_checklists(user)
        return context

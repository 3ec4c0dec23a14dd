"""View building blocks: every page asks the permission policy (``accounts.access``, installed
in ``core.permissions``); edits go through app services and show a stale-version conflict
instead of overwriting someone else's change."""

import re

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import generic

from .concurrency import StaleVersionError
from .filters import every_word_matches
from .forms import style_widgets
from .history import changes_since, recent_changes
from .permissions import may_use_registry, policy
from .text_input import whole_number
from .widgets import SUGGESTION_LIMIT


class RegistryViewMixin(LoginRequiredMixin):
    """Logged-in users with a role; the queryset is filtered by ``visible`` (from ``access``)."""

    visible = None  # a function (user, queryset) -> queryset from accounts.access
    may_open = may_use_registry  # a function (user) -> bool from accounts.access

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not type(self).may_open(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.visible is not None:
            queryset = type(self).visible(self.request.user, queryset)
        return queryset


class FilteredListView(RegistryViewMixin, generic.ListView):
    """A list with a django-filter FilterSet in the URL; htmx requests get only the results."""

    filterset_class = None
    paginate_by = 50
    results_template_name = None

    def get_queryset(self):
        queryset = super().get_queryset()
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=queryset, request=self.request
        )
        style_widgets(self.filterset.form, empty_label=_("All"))
        return self.filterset.qs if self.filterset.is_bound else queryset

    def get_template_names(self):
        if self.request.headers.get("HX-Request") and self.results_template_name:
            return [self.results_template_name]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filterset"] = self.filterset
        context["query_without_page"] = query.urlencode()
        context["can_create"] = policy().can_create(self.request.user, self.model._meta.label_lower)
        return context


class RegistryDetailView(RegistryViewMixin, generic.DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = policy().can_change(self.request.user, self.object)
        context["can_delete"] = policy().can_delete(self.request.user, self.object)
        if policy().can_see_history(self.request.user) and hasattr(self.object, "history"):
            context["history"] = recent_changes(self.object)
        return context


class ServiceFormMixin:
    """Create/update through the app's service; on a stale version keep the input and explain."""

    template_name = "core/form.html"
    new_heading = None  # e.g. _("New project"): Dutch inflects "nieuw(e)" per noun

    def save(self, form):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object is not None and self.object.pk:
            context["form_heading"] = _("Edit %(name)s") % {"name": self.object}
        else:
            context["form_heading"] = self.new_heading
        context["cancel_url"] = self.get_cancel_url()
        return context

    def get_cancel_url(self) -> str:
        """Where Cancel leads: the record's page (its edit URL without ``edit/``) or, for a new
        record, the list one level up. Views whose record has no page of its own override it."""
        if self.object is not None and self.object.pk:
            return self.request.path.removesuffix("edit/")
        return "../"

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = self.save(form)
        except StaleVersionError as exc:
            return self.conflict(form, exc)
        except DjangoValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(self.get_success_url())

    def conflict(self, form, exc: StaleVersionError):
        """Re-show the user's input against the current version, listing what the other edit
        changed; saving again is then a conscious choice."""
        data = form.data.copy()
        current = exc.current
        changed = changes_since(current, exc.expected_version) if current is not None else []
        if current is not None:
            data["version"] = current.version
        kwargs = {**self.get_form_kwargs(), "data": data, "instance": current or form.instance}
        fresh = self.get_form_class()(**kwargs)
        fresh.is_valid()
        fresh.add_error(None, exc.message)
        context = self.get_context_data(form=fresh, conflict=exc, conflict_fields=changed)
        return render(self.request, self.get_template_names(), context, status=409)


class RegistryCreateView(RegistryViewMixin, ServiceFormMixin, generic.CreateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not policy().can_create(
            request.user, self.model._meta.label_lower
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegistryUpdateView(RegistryViewMixin, ServiceFormMixin, generic.UpdateView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not policy().can_change(self.request.user, obj):
            raise PermissionDenied
        return obj


class RegistryDeleteView(RegistryViewMixin, generic.DeleteView):
    template_name = "core/confirm_delete.html"
    delete_function = None  # (instance=, user=, expected_version=) -> None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not policy().can_delete(self.request.user, obj):
            raise PermissionDenied
        return obj

    def form_valid(self, form):
        version = whole_number(self.request.POST.get("version"))
        if version is None:
            messages.error(self.request, _("The form is missing its version; reload the page."))
            return HttpResponseRedirect(self.request.path)
        try:
            type(self).delete_function(
                instance=self.object, user=self.request.user, expected_version=version
            )
        except StaleVersionError as exc:
            messages.error(self.request, exc.message)
            return HttpResponseRedirect(self.request.path)
        except ProtectedError as exc:
            names = ", ".join(sorted({str(obj) for obj in exc.protected_objects})[:5])
            messages.error(
                self.request,
                _("This cannot be deleted while other records refer to it: %(names)s.")
                % {"names": names},
            )
            return HttpResponseRedirect(self.request.path)
        messages.success(self.request, _("Deleted."))
        return HttpResponseRedirect(self.get_success_url())


class SuggestView(RegistryViewMixin, generic.View):
    """Matches for a ``core.widgets.RegistryChooser``: the records ticked so far stay ticked,
    and up to a page of visible records matching the typed text is offered below them."""

    model = None
    search_fields: tuple[str, ...] = ()
    ordering: tuple[str, ...] = ("pk",)

    def get(self, request):
        field = request.GET.get("field", "")
        if not re.fullmatch(r"[\w-]{1,100}", field):
            return render(request, "core/widgets/_chooser_options.html", {}, status=400)
        input_type = "radio" if request.GET.get("input_type") == "radio" else "checkbox"
        chosen_ids = [
            number for number in map(whole_number, request.GET.getlist(field)) if number is not None
        ][:100]
        queryset = self.model._default_manager.all()
        if self.visible is not None:
            queryset = type(self).visible(request.user, queryset)
        chosen = list(queryset.filter(pk__in=chosen_ids).order_by(*self.ordering))
        term = request.GET.get(f"{field}__search", "").strip()
        suggestions = []
        if term:
            matches = (
                queryset.filter(every_word_matches(self.search_fields, term))
                .exclude(pk__in=chosen_ids)
                .order_by(*self.ordering)[:SUGGESTION_LIMIT]
            )
            suggestions = [(record.pk, str(record)) for record in matches]
        context = {
            "name": field,
            "input_type": input_type,
            "chosen": [
                (None, [{"value": record.pk, "label": str(record)}], index)
                for index, record in enumerate(chosen)
            ],
            "allows_none": input_type == "radio" and request.GET.get("allows_none") == "1",
            "suggestions": suggestions,
        }
        return render(request, "core/widgets/_chooser_options.html", context)

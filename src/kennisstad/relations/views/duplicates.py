"""Pages that find and merge duplicate organisations and people."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views import generic

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.filters import MAX_ID

from .. import duplicates, services
from ..forms import (
    MergeForm,
)
from ..models import (
    Organisation,
    Person,
)


class DuplicateListView(core_views.RegistryViewMixin, generic.TemplateView):
    """Candidate pairs of organisations or people, each with why they look alike."""

    may_open = access.can_merge_duplicates
    template_name = "relations/duplicates.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = "people" if self.request.GET.get("kind") == "people" else "organisations"
        if kind == "people":
            candidates = duplicates.person_candidates()
        else:
            candidates = duplicates.organisation_candidates()
        page = Paginator(candidates, self.per_page).get_page(self.request.GET.get("page"))
        context.update(
            kind=kind,
            page_obj=page,
            object_list=page.object_list,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            query_without_page=f"kind={kind}",
            merge_url="relations:person-merge"
            if kind == "people"
            else "relations:organisation-merge",
        )
        return context


class MergeView(core_views.RegistryViewMixin, generic.TemplateView):
    """Two records side by side; the user picks per differing field, then merges."""

    model = None
    may_open = access.can_merge_duplicates
    template_name = "relations/merge.html"
    detail_url = None

    def get_records(self):
        queryset = self.model._default_manager.all()
        if self.model is Person:
            queryset = access.visible_people(self.request.user, queryset)
        if any(pk > MAX_ID for pk in self.pks()):
            raise Http404  # no key is that large; an IN lookup would not even bind it on SQLite
        records = {record.pk: record for record in queryset.filter(pk__in=self.pks())}
        if len(records) != 2:
            raise Http404
        return records[self.kwargs["kept"]], records[self.kwargs["removed"]]

    def pks(self):
        return [self.kwargs["kept"], self.kwargs["removed"]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kept, removed = self.kept, self.removed
        context.setdefault("form", MergeForm(kept=kept, removed=removed))
        context.update(
            kept=kept,
            removed=removed,
            model_name=self.model._meta.verbose_name,
            detail_url=self.detail_url,
            swap_url=reverse(self.request.resolver_match.view_name, args=[removed.pk, kept.pk]),
        )
        return context

    def get(self, request, *args, **kwargs):
        self.kept, self.removed = self.get_records()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.kept, self.removed = self.get_records()
        form = MergeForm(request.POST, kept=self.kept, removed=self.removed)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.merge_records(
                kept=self.kept,
                removed=self.removed,
                user=request.user,
                take=form.taken(),
                kept_version=form.cleaned_data["kept_version"],
                removed_version=form.cleaned_data["removed_version"],
            )
        except StaleVersionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(request.path)
        messages.success(request, gettext("Merged."))
        return HttpResponseRedirect(reverse(self.detail_url, args=[self.kept.pk]))


class OrganisationMergeView(MergeView):
    model = Organisation
    detail_url = "relations:organisation-detail"


class PersonMergeView(MergeView):
    model = Person
    detail_url = "relations:person-detail"

"""Pages of the contact persons in the relations registry."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts import access
from kennisstad.core import views as core_views
from kennisstad.core.exports import ExportableListMixin
from kennisstad.core.services import delete_record
from kennisstad.privacy.selectors import kept_for_person

from .. import selectors, services
from ..filters import PersonFilter
from ..forms import (
    PersonForm,
)
from ..models import (
    REASON_CONSULTED,
    REASON_LIST_EXPORT,
    REASON_LISTED,
    Person,
    PersonalDataAction,
)
from ..services import save_person
from ..spreadsheets import PERSON_COLUMNS


class PersonListView(ExportableListMixin, core_views.FilteredListView):
    model = Person
    export_columns = PERSON_COLUMNS
    filterset_class = PersonFilter
    visible = access.visible_people
    may_open = access.is_team
    template_name = "relations/person_list.html"
    results_template_name = "relations/_person_results.html"

    def get_queryset(self):
        self.queryset = selectors.person_list()
        return super().get_queryset()

    def get_export_queryset(self, queryset):
        services.log_personal_data_reads(
            user=self.request.user,
            person_ids=queryset.values_list("pk", flat=True).iterator(chunk_size=2000),
            action=PersonalDataAction.EXPORT,
            reason=REASON_LIST_EXPORT,
        )
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        services.log_personal_data_reads(
            user=self.request.user,
            person_ids=[person.pk for person in context["object_list"]],
            action=PersonalDataAction.READ,
            reason=REASON_LISTED,
        )
        return context


class PersonDetailView(core_views.RegistryDetailView):
    """Opening a person's page is a read of personal data: it is logged (one insert)."""

    model = Person
    visible = access.visible_people
    may_open = access.is_team
    template_name = "relations/person_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, person = self.request.user, self.object
        services.log_personal_data_access(
            user=user, person_id=person.pk, action=PersonalDataAction.READ, reason=REASON_CONSULTED
        )
        erased = person.erased_at is not None
        context["can_change"] = context["can_change"] and not erased
        context["can_export"] = access.can_export_personal_data(user)
        context["can_erase"] = access.can_erase_personal_data(user) and not erased
        context["can_see_log"] = access.can_see_personal_data_log(user)
        context["kept_after_erasure"] = kept_for_person(person.pk) if erased else []
        return context


class PersonSaveMixin:
    new_heading = _("New person")
    model = Person
    form_class = PersonForm
    visible = access.visible_people
    may_open = access.is_team

    def save(self, form):
        return save_person(
            person=form.instance,
            user=self.request.user,
            expected_version=form.expected_version,
            organisations=form.cleaned_data.get("organisations"),
        )

    def get_success_url(self):
        return reverse("relations:person-detail", args=[self.object.pk])


class PersonCreateView(PersonSaveMixin, core_views.RegistryCreateView):
    pass


class PersonUpdateView(PersonSaveMixin, core_views.RegistryUpdateView):
    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        if person.erased_at is not None:  # filling in a name again would undo the erasure
            raise PermissionDenied
        return person


class PersonDeleteView(core_views.RegistryDeleteView):
    model = Person
    visible = access.visible_people
    may_open = access.is_team
    delete_function = delete_record
    success_url = reverse_lazy("relations:person-list")


class PersonSuggestView(core_views.SuggestView):
    model = Person
    visible = access.visible_people
    may_open = access.is_team
    search_fields = ("first_name", "last_name", "email")
    ordering = ("last_name", "first_name", "pk")

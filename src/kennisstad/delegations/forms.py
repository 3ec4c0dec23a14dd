"""The delegation form with its members, programme and travel costs as inline formsets."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts.models import Role, User
from kennisstad.agenda.models import Activity
from kennisstad.core.forms import DateTimeInput, StyledFormMixin, VersionedModelForm

from .models import (
    DIRECTION_OF_KIND,
    Delegation,
    DelegationMember,
    ProgrammeItem,
    TravelCost,
)


def team_users():
    return User.objects.filter(
        is_active=True, role__in=(Role.ADMINISTRATOR, Role.TEAM_MEMBER)
    ).order_by("first_name", "last_name")


class DelegationForm(VersionedModelForm):
    class Meta:
        model = Delegation
        fields = [
            "activity",
            "organisation",
            "country",
            "purpose_nl",
            "purpose_en",
            "host_users",
            "host_people",
            "interpretation_languages",
            "dietary_requirements",
            "press_and_media",
            "accessibility",
            "notes",
        ]
        widgets = {
            "purpose_nl": forms.Textarea(attrs={"rows": 3}),
            "purpose_en": forms.Textarea(attrs={"rows": 3}),
            "dietary_requirements": forms.Textarea(attrs={"rows": 2}),
            "press_and_media": forms.Textarea(attrs={"rows": 2}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_users"].queryset = team_users()
        if self.instance.pk:
            # The visit of a delegation does not change; a different visit is a new delegation.
            del self.fields["activity"]
        else:
            self.fields["activity"].queryset = Activity.objects.filter(
                kind__in=list(DIRECTION_OF_KIND), delegation__isnull=True
            ).order_by("-starts_at")


class MemberForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = DelegationMember
        fields = ["person", "function", "form_of_address", "is_head"]


class ProgrammeItemForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = [
            "starts_at",
            "ends_at",
            "title_nl",
            "title_en",
            "place",
            "responsible_user",
            "responsible_person",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_user"].queryset = team_users()


class TravelCostForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = TravelCost
        fields = [
            "traveller",
            "traveller_function",
            "destination_country",
            "transport",
            "lodging",
            "other",
            "paid_by",
            "payer",
        ]


def _formset(model, form, extra):
    return inlineformset_factory(Delegation, model, form=form, extra=extra, can_delete=True)


FORMSETS = {
    # prefix: (formset class, legend)
    "members": (_formset(DelegationMember, MemberForm, 2), _("Members")),
    "programme": (_formset(ProgrammeItem, ProgrammeItemForm, 2), _("Programme")),
    "travel_costs": (_formset(TravelCost, TravelCostForm, 1), _("Travel costs")),
}

# Copies: inline formsets append the foreign key to their form's field list.
FORMSET_FIELDS = {
    "members": tuple(MemberForm.Meta.fields),
    "programme": tuple(ProgrammeItemForm.Meta.fields),
    "travel_costs": tuple(TravelCostForm.Meta.fields),
}


class RegisterPeriodForm(StyledFormMixin, forms.Form):
    """The period of a register page: a year, optionally one half of it."""

    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    half = forms.TypedChoiceField(
        label=_("Half year"),
        choices=[("", _("Whole year")), ("1", _("January–June")), ("2", _("July–December"))],
        coerce=int,
        empty_value=None,
        required=False,
    )

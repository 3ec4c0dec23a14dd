"""Indicator forms. The counting rule is edited as ordinary fields and stored as JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from kennisstad.accounts.selectors import team_members
from kennisstad.agenda.models import ActivityKind
from kennisstad.core.forms import DateInput, StyledFormMixin, VersionedModelForm
from kennisstad.core.models import Theme
from kennisstad.core.widgets import RegistryChooserSingle
from kennisstad.funding.models import Programme, Stage
from kennisstad.projects.models import ProjectCategory
from kennisstad.relations.models import Organisation, OrganisationKind

from .models import FigureKind, Indicator, Method, Realisation, Target


class IndicatorForm(VersionedModelForm):
    rule_subject = forms.ChoiceField(
        label=_("Count"),
        required=False,
        choices=[
            ("", "—"),
            ("projects", _("Projects")),
            ("activities", _("Activities")),
            ("attendees", _("Visitors of activities")),
            ("applications", _("Funding applications")),
        ],
    )
    rule_period = forms.ChoiceField(
        label=_("Projects that are"),
        required=False,
        choices=[
            ("active", _("active in the year")),
            ("started", _("started in the year")),
            ("ended", _("completed in the year")),
        ],
    )
    rule_category = forms.ModelChoiceField(
        label=_("Project category"),
        required=False,
        queryset=ProjectCategory.objects.all(),
        to_field_name="code",
    )
    rule_partner_kind = forms.ChoiceField(
        label=_("With a partner of kind"),
        required=False,
        choices=[("", "—"), *OrganisationKind.choices],
    )
    rule_activity_kind = forms.ChoiceField(
        label=_("Activity kind"), required=False, choices=[("", "—"), *ActivityKind.choices]
    )
    rule_organiser = forms.ModelChoiceField(
        label=_("Organised by"),
        required=False,
        queryset=Organisation.objects.all(),
        widget=RegistryChooserSingle(suggest_url="relations:organisation-suggest"),
    )
    rule_attendance = forms.ChoiceField(
        label=_("Visitors are"),
        required=False,
        choices=[
            ("checked_in", _("people checked in at the activity")),
            ("confirmed", _("confirmed registrations")),
        ],
    )
    rule_stages = forms.MultipleChoiceField(
        label=_("Applications in stage (any of, at some moment of the year)"),
        required=False,
        choices=Stage.choices,
    )
    rule_programmes = forms.MultipleChoiceField(
        label=_("Applications to programme (any of)"),
        required=False,
        choices=Programme.choices,
    )
    rule_themes = forms.ModelMultipleChoiceField(
        label=_("Themes (any of)"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
    )
    rule_countries = forms.MultipleChoiceField(
        label=_("Countries (any of)"), required=False, choices=list(countries)
    )

    class Meta:
        model = Indicator
        fields = [
            "name_nl",
            "name_en",
            "code",
            "policy_area",
            "kind",
            "source",
            "unit",
            "decimals",
            "frequency",
            "base_year",
            "measured_from",
            "method",
            "order",
            "owner",
            "owner_organisation",
        ]
        widgets = {
            "owner_organisation": RegistryChooserSingle(
                suggest_url="relations:organisation-suggest"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Owners are reminded before each P&C deadline: a team member, or a partner
        # organisation whose editors deliver the figures themselves (never both).
        self.fields["owner"].queryset = team_members()
        rule = self.instance.rule or {}
        self.initial.setdefault("rule_subject", rule.get("subject", ""))
        self.initial.setdefault("rule_period", rule.get("period", "active"))
        self.initial.setdefault("rule_category", rule.get("category"))
        self.initial.setdefault("rule_partner_kind", rule.get("partner_kind", ""))
        self.initial.setdefault("rule_activity_kind", rule.get("activity_kind", ""))
        self.initial.setdefault("rule_organiser", rule.get("organiser"))
        self.initial.setdefault("rule_attendance", rule.get("attendance", "checked_in"))
        self.initial.setdefault("rule_stages", rule.get("stages", []))
        self.initial.setdefault("rule_programmes", rule.get("programmes", []))
        self.initial.setdefault("rule_themes", rule.get("themes", []))
        self.initial.setdefault("rule_countries", rule.get("countries", []))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") == Method.COMPUTED:
            subject = cleaned.get("rule_subject")
            rule = {"subject": subject} if subject else {}
            if subject == "projects":
                rule["period"] = cleaned.get("rule_period") or "active"
                if cleaned.get("rule_category"):
                    rule["category"] = cleaned["rule_category"].code
                if cleaned.get("rule_partner_kind"):
                    rule["partner_kind"] = cleaned["rule_partner_kind"]
            elif subject in ("activities", "attendees"):
                _activity_rule(rule, cleaned)
            elif subject == "applications":
                rule["stages"] = list(cleaned.get("rule_stages") or [])
                if cleaned.get("rule_programmes"):
                    rule["programmes"] = list(cleaned["rule_programmes"])
            if cleaned.get("rule_themes"):
                rule["themes"] = [theme.slug for theme in cleaned["rule_themes"]]
            if cleaned.get("rule_countries"):
                rule["countries"] = list(cleaned["rule_countries"])
            self.instance.rule = rule
        else:
            self.instance.rule = {}
        return cleaned

    def _update_errors(self, errors):
        # The model reports rule problems on "rule", which is no form field (Django would
        # refuse the error): show them next to the "Count" field.
        if hasattr(errors, "error_dict") and "rule" in errors.error_dict:
            moved = errors.error_dict.pop("rule")
            errors.error_dict.setdefault("rule_subject", []).extend(moved)
        super()._update_errors(errors)

    def _post_clean(self):
        super()._post_clean()
        # The model reports rule problems on "rule"; show them next to the "Count" field.
        if "rule" in self._errors:
            self._errors.setdefault("rule_subject", self.error_class()).extend(
                self._errors.pop("rule")
            )


def _activity_rule(rule: dict, cleaned: dict) -> None:
    """The parts of a rule that count activities or their visitors."""
    if cleaned.get("rule_activity_kind"):
        rule["activity_kind"] = cleaned["rule_activity_kind"]
    if cleaned.get("rule_organiser"):
        rule["organiser"] = cleaned["rule_organiser"].pk
    if rule["subject"] == "attendees":
        rule["attendance"] = cleaned.get("rule_attendance") or "checked_in"


class RealisationForm(VersionedModelForm):
    class Meta:
        model = Realisation
        fields = [
            "year",
            "value",
            "display_text",
            "measured_on",
            "source_document",
            "note",
            "explanation",
        ]
        widgets = {
            "measured_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
        }


class TargetForm(VersionedModelForm):
    class Meta:
        model = Target
        fields = ["year", "comparator", "value", "value_high", "display_text", "set_in", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class ComputeForm(StyledFormMixin, forms.Form):
    first_year = forms.IntegerField(label=_("From year"), min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("Up to and including"), min_value=2000, max_value=2100)

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and last < first:
            raise forms.ValidationError(_("The last year lies before the first."))
        if first and last and last - first > 30:
            raise forms.ValidationError(_("Compute at most 30 years at once."))
        return cleaned


class OfficialFigureForm(StyledFormMixin, forms.Form):
    """Mark one of a year's values (a realised value or a target) as the official one, with the
    reason; the values offered are the year's sources (``selectors.indicator_sources``)."""

    year = forms.IntegerField(widget=forms.HiddenInput, min_value=1900, max_value=2200)
    record = forms.ChoiceField(
        label=_("Official value"),
        error_messages={
            "required": _("Choose the value that is official."),
            "invalid_choice": _("Choose one of this year's values."),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why this value is the official one; kept in the history."),
        error_messages={"required": _("Say why this value is the official one.")},
    )

    def __init__(self, *args, sources, **kwargs):
        kwargs.setdefault("auto_id", f"id_official_{sources.year}_%s")
        super().__init__(*args, **kwargs)
        self.sources = sources
        self.fields["year"].initial = sources.year
        self.fields["record"].choices = [
            (f"realisation:{row.pk}", str(row.pk)) for row in sources.realisations
        ] + [(f"target:{row.pk}", str(row.pk)) for row in sources.targets]

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why this value is the official one."))
        return reason

    @property
    def chosen(self) -> Realisation | Target:
        """The record chosen (only after ``is_valid``)."""
        kind, pk = self.cleaned_data["record"].split(":")
        records = self.sources.realisations if kind == "realisation" else self.sources.targets
        return next(row for row in records if str(row.pk) == pk)


class WithdrawOfficialForm(forms.Form):
    year = forms.IntegerField(min_value=1900, max_value=2200)
    kind = forms.ChoiceField(choices=FigureKind.choices)

"""Forms: the public registration form, the registrant's change form and the team's settings."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateTimeInput, StyledFormMixin, VersionedModelForm

from .models import RegistrationSettings

STANDARD_LABELS = {
    "dietary": _("Dietary needs"),
    "accessibility": _("Accessibility needs"),
    "interpretation": _("Do you need an interpreter? For which language?"),
}
HONEYPOT = "website"


def question_text(question: dict, language: str | None = None) -> str:
    language = language or get_language() or "nl"
    return (question.get("en") if language.startswith("en") else "") or question.get("nl", "")


class QuestionsMixin:
    """The questions the activity asks, as optional text fields; ``answers()`` collects them."""

    def add_questions(self, config: RegistrationSettings, answers: dict | None = None) -> None:
        answers = answers or {}
        for name in config.asked_questions():
            self.fields[name] = forms.CharField(
                label=STANDARD_LABELS[name],
                required=False,
                max_length=500,
                initial=answers.get(name, ""),
            )
        free_keys = []
        for key, question in config.free_questions_keyed():
            free_keys.append(key)
            self.fields[key] = forms.CharField(
                label=question_text(question),
                required=False,
                max_length=1000,
                initial=answers.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.question_keys = [*config.asked_questions(), *free_keys]

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key in self.question_keys}


class RegistrationForm(QuestionsMixin, StyledFormMixin, forms.Form):
    """The public form: no account, no JavaScript. The ``website`` field is a honeypot: hidden
    from people (and from assistive technology), filled in by scripts."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)

    def __init__(self, *args, config: RegistrationSettings, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_questions(config)
        self.fields["consent"] = forms.BooleanField(
            label=_("I agree to this use of my data."),
            help_text=config.consent_text,
            error_messages={"required": _("Registration needs your consent.")},
        )
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.visible_order = ["name", "email", "organisation", *self.question_keys, "consent"]

    def is_from_a_script(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def visible(self):
        return [self[name] for name in self.visible_order]


class ChangeRegistrationForm(QuestionsMixin, StyledFormMixin, forms.Form):
    """What a registrant may change through their personal link."""

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language of our mails"), choices=[("nl", "Nederlands"), ("en", "English")]
    )

    def __init__(self, *args, config: RegistrationSettings, answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_questions(config, answers)


class SettingsForm(VersionedModelForm):
    """The team opens or changes registration for an activity."""

    questions_text = forms.CharField(
        label=_("Free questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One question per line; Dutch and English separated by a | sign."),
    )

    class Meta:
        model = RegistrationSettings
        fields = [
            "is_open",
            "capacity",
            "opens_at",
            "deadline",
            "waiting_list",
            "ask_dietary",
            "ask_accessibility",
            "ask_interpretation",
            "consent_text_nl",
            "consent_text_en",
            "retention_days",
        ]
        widgets = {"opens_at": DateTimeInput(), "deadline": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questions_text"].initial = "\n".join(
            " | ".join(part for part in (q.get("nl", ""), q.get("en", "")) if part)
            for q in self.instance.free_questions or []
            if not q.get("removed")
        )

    def clean_questions_text(self) -> list[dict]:
        questions = []
        for line in self.cleaned_data["questions_text"].splitlines():
            if not line.strip():
                continue
            dutch, _bar, english = line.partition("|")
            questions.append({"nl": dutch.strip(), "en": english.strip()})
        return questions

    def save(self, commit: bool = True):
        self.instance.free_questions = self.cleaned_data["questions_text"]
        return super().save(commit=commit)

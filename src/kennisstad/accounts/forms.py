"""Forms of the sign-in's second step and of the account's security settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import StyledFormMixin


def normalised_code(value: str) -> str:
    """Codes as people type them: spaces and dashes left out, recovery codes in lower case."""
    return "".join(value.split()).replace("-", "").lower()


class CodeForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_(
            "The 6-digit code your authenticator app shows, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        return normalised_code(self.cleaned_data["code"])


class SetupForm(CodeForm):
    """Confirming a new authenticator: only its own 6-digit code counts, no recovery codes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("The 6-digit code the app now shows for Kennisstad.")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"


class PasswordCheckForm(StyledFormMixin, forms.Form):
    """Asks for the password again before something that weakens the account."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.wrong_password = False  # a wrong one (not an empty one) counts towards the lockout
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            self.wrong_password = True
            raise forms.ValidationError(_("That is not your password."))
        return password

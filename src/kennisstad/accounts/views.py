"""Login, logout, the personal page (API token, second factor, password) and password reset."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import generic
from rest_framework.authtoken.models import Token

from kennisstad.core.forms import style_widgets

from . import lockout, second_factor, selectors
from .oidc import SSO_SESSION_KEY
from .oidc_views import provider_logout_url, provider_name


class StyledFormViewMixin:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        style_widgets(form)
        return form


class LoginView(StyledFormViewMixin, auth_views.LoginView):
    """The password step. An account with an authenticator goes on to the code; one that must
    have a second factor and has none, to setting it up (the middleware holds it there)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        """With OpenID Connect on, the button to the identity provider (keeping ``next``), and
        the password form unless the municipality hid it (``?local=1`` shows it anyway)."""
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        context["show_local_login"] = (
            not settings.OIDC_ENABLED
            or not settings.OIDC_HIDE_LOCAL_LOGIN
            or self.request.GET.get("local") == "1"
        )
        if settings.OIDC_ENABLED:
            next_url = context.get("next") or ""
            query = f"?{urlencode({'next': next_url})}" if next_url else ""
            context["oidc_url"] = reverse("accounts:oidc-sign-in") + query
            context["oidc_provider_name"] = provider_name()
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        # A password sign-in is never an identity-provider session (which skips local MFA).
        self.request.session.pop(SSO_SESSION_KEY, None)
        step = second_factor.pending_step(self.request)
        if step is None:
            lockout.forget_failures(self.request, self.request.user.get_username())
            return response
        if step == second_factor.STEP_SETUP:
            # Nothing to guess before a device exists: the password completed the sign-in.
            lockout.forget_failures(self.request, self.request.user.get_username())
        target = reverse(f"accounts:mfa-{step}")
        return redirect(f"{target}?{urlencode({'next': response.url})}")


class LogoutView(auth_views.LogoutView):
    """Also ends the session at the identity provider when the user signed in there and the
    provider has an end-session endpoint."""

    def post(self, request, *args, **kwargs):
        provider_url = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        return redirect(provider_url) if provider_url else response


class ProfileView(LoginRequiredMixin, generic.TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["token"] = Token.objects.filter(user=user).first()
        context["new_token"] = self.request.session.pop("new_api_token", None)
        context["authenticator"] = selectors.confirmed_totp_device(user)
        context["recovery_codes_left"] = selectors.recovery_codes_left(user)
        context["second_factor_required"] = second_factor.required_for(user)
        context["verified_by_identity_provider"] = second_factor.verified_by_identity_provider(
            self.request
        )
        return context

    def post(self, request, *args, **kwargs):
        Token.objects.filter(user=request.user).delete()
        if request.POST.get("action") == "create":
            token = Token.objects.create(user=request.user)
            request.session["new_api_token"] = token.key
            messages.success(request, _("A new API token was created; copy it now."))
        else:
            messages.success(request, _("Your API token was revoked."))
        return redirect("accounts:profile")


class PasswordChangeView(StyledFormViewMixin, auth_views.PasswordChangeView):
    """Change one's own password (the old one first; the new one meets
    AUTH_PASSWORD_VALIDATORS). The session stays signed in; other sessions end."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


class PasswordResetView(StyledFormViewMixin, auth_views.PasswordResetView):
    """Asks for an e-mail address and always answers the same, whether an account has it or
    not (Django's view sends the mail only to active accounts with a local password)."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    @property
    def extra_email_context(self):
        # The link points at the configured address, never at the Host header of the request.
        return {"site_url": settings.SITE_URL.rstrip("/")}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(StyledFormViewMixin, auth_views.PasswordResetConfirmView):
    """The link from the mail: choose a new password. It does not sign in; the second factor is
    still asked at the next sign-in."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"

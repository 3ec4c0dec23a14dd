"""The second factor's pages: set up an authenticator app, give a code at sign-in, see or renew
the recovery codes, and remove the second factor (with the password again)."""

from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import generic
from django_otp import login as otp_login
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice

from . import lockout, second_factor, selectors, services
from .demo import DEMO_AUTHENTICATOR_KEY
from .forms import CodeForm, PasswordCheckForm, SetupForm
from .qr import grouped, qr_data_uri

NEW_CODES_SESSION_KEY = "kennisstad_new_recovery_codes"


def _next_url(request, default: str = "") -> str:
    """Where the sign-in was going (``?next=``), if it is an address on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or settings.LOGIN_REDIRECT_URL


def _finish_sign_in(request, device) -> None:
    otp_login(request, device)
    lockout.forget_failures(request, request.user.get_username())


class SetupView(LoginRequiredMixin, generic.FormView):
    """Scan the code (or type the secret), confirm with the app's first code; the recovery codes
    come next. Only for an account without an authenticator (remove the old one first)."""

    template_name = "accounts/mfa_setup.html"
    form_class = SetupForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and selectors.has_second_factor(request.user):
            if second_factor.pending_step(request) == second_factor.STEP_VERIFY:
                return redirect(_url("accounts:mfa-verify", next=request.GET.get("next")))
            messages.info(request, _("Two-step verification is already on for your account."))
            return redirect("accounts:profile")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = services.start_authenticator(user=self.request.user)
        secret = b32encode(device.bin_key).decode("ascii")
        context.update(
            qr_code=qr_data_uri(device.config_url),
            secret=grouped(secret),
            required=second_factor.required_for(self.request.user),
            next=_next_url(self.request, ""),
        )
        return context

    def form_valid(self, form):
        device = services.start_authenticator(user=self.request.user)
        codes = services.confirm_authenticator(device=device, code=form.cleaned_data["code"])
        if codes is None:
            form.add_error("code", _("That code is not right. Check the time on your phone."))
            return self.form_invalid(form)
        _finish_sign_in(self.request, device)
        self.request.session[NEW_CODES_SESSION_KEY] = codes
        messages.success(self.request, _("Two-step verification is on."))
        return redirect(_url("accounts:mfa-recovery-codes", next=_next_url(self.request, "")))


class VerifyView(LoginRequiredMixin, generic.FormView):
    """The sign-in's second step: a code from the app, or a recovery code (each works once)."""

    template_name = "accounts/mfa_verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        step = second_factor.pending_step(request)
        if step == second_factor.STEP_SETUP:
            return redirect(_url("accounts:mfa-setup", next=request.GET.get("next")))
        if step is None:
            return redirect(_next_url(request))
        username = request.user.get_username()
        if lockout.is_locked(request, username):
            logout(request)
            return lockout.locked_response(request, username)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = _next_url(self.request, "")
        device = selectors.confirmed_totp_device(self.request.user)
        if device is not None and device.key == DEMO_AUTHENTICATOR_KEY:
            # The demo administrator's secret is published with its password: say the code.
            context["demo_code"] = f"{totp(device.bin_key, step=device.step, t0=device.t0):06d}"
        return context

    def form_valid(self, form):
        user = self.request.user
        code = form.cleaned_data["code"]
        device = selectors.confirmed_totp_device(user)
        if not (code.isdigit() and len(code) == 6):
            device = selectors.recovery_device(user)
        allowed = device is not None and device.verify_is_allowed()[0]
        if allowed and device.verify_token(code):
            _finish_sign_in(self.request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    self.request,
                    _("You used a recovery code; %(count)d left.")
                    % {"count": selectors.recovery_codes_left(user)},
                )
            return redirect(_next_url(self.request))
        if lockout.record_failed_code(self.request, user.get_username()):
            logout(self.request)
            return lockout.locked_response(self.request, user.get_username())
        if device is not None and not allowed:
            form.add_error("code", _("Too many wrong codes in a row: wait a moment and try again."))
        else:
            form.add_error("code", _("That code is not right."))
        return self.form_invalid(form)


class AuthenticatorOwnerMixin(LoginRequiredMixin):
    """Pages about the account's own authenticator: only for an account that has one, in a
    session that passed the second factor (the middleware holds any other signed-in session at
    the code)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if selectors.confirmed_totp_device(request.user) is None:
            return redirect("accounts:profile")
        if not second_factor.session_is_verified(request):
            return redirect(_url("accounts:mfa-verify", next=request.path))
        return super().dispatch(request, *args, **kwargs)


class RecoveryCodesView(AuthenticatorOwnerMixin, generic.TemplateView):
    """New recovery codes are shown once, right after they are made; later only how many are
    left. Making new ones makes the old ones useless."""

    template_name = "accounts/mfa_recovery_codes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["codes"] = self.request.session.pop(NEW_CODES_SESSION_KEY, None)
        context["codes_left"] = selectors.recovery_codes_left(self.request.user)
        context["next"] = _next_url(self.request, "")
        return context

    def post(self, request, *args, **kwargs):
        request.session[NEW_CODES_SESSION_KEY] = services.replace_recovery_codes(user=request.user)
        messages.success(request, _("New recovery codes were made; the old ones no longer work."))
        return redirect("accounts:mfa-recovery-codes")


class RemoveView(AuthenticatorOwnerMixin, generic.FormView):
    """Remove the authenticator and recovery codes, after the password again. An account that
    must have a second factor is sent to set up a new one straight away."""

    template_name = "accounts/mfa_remove.html"
    form_class = PasswordCheckForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["required"] = second_factor.required_for(self.request.user)
        return context

    def form_invalid(self, form):
        username = self.request.user.get_username()
        if form.wrong_password and lockout.record_failed_code(self.request, username):
            logout(self.request)
            return lockout.locked_response(self.request, username)
        return super().form_invalid(form)

    def form_valid(self, form):
        services.remove_second_factor(user=self.request.user)
        messages.success(self.request, _("Two-step verification was removed from your account."))
        if second_factor.required_for(self.request.user):
            return redirect("accounts:mfa-setup")
        return redirect("accounts:profile")


def _url(name: str, **query) -> str:
    query = {key: value for key, value in query.items() if value}
    return reverse(name) + (f"?{urlencode(query)}" if query else "")

"""Login, logout and the personal page where a user manages their API token."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import generic
from rest_framework.authtoken.models import Token

from kennisstad.core.forms import style_widgets

from .oidc import SSO_SESSION_KEY
from .oidc_views import provider_logout_url, provider_name


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        style_widgets(form)
        return form

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
        # A password sign-in is never an identity-provider session (which skips local MFA).
        response = super().form_valid(form)
        self.request.session.pop(SSO_SESSION_KEY, None)
        return response


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
        context["token"] = Token.objects.filter(user=self.request.user).first()
        context["new_token"] = self.request.session.pop("new_api_token", None)
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

"""The two legs of an identity-provider sign-in (to the provider, back from it) and the
provider's logout address; mozilla-django-oidc's views, configured at request time and with a
message instead of a bare redirect when a sign-in is refused. Both answer 404 while OpenID
Connect is off (no ``OIDC_ISSUER``)."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView
from requests import RequestException

from kennisstad.core.events import log_event

from . import oidc_discovery
from .oidc import REFUSAL_SESSION_KEY, SSO_SESSION_KEY


def provider_name() -> str:
    """How the login page names the identity provider."""
    return settings.OIDC_PROVIDER_NAME or _("your %(municipality)s account") % {
        "municipality": settings.KENNISSTAD_MUNICIPALITY_NAME
    }


def refusal_message(reason: str | None) -> str:
    """What the login page tells someone whose sign-in was refused, per reason."""
    if reason == "no_role":
        return _(
            "You are not in a group that gives access to Kennisstad, so no account was made. "
            "Ask the Kennisstad administrator to add you to one."
        )
    if reason == "no_organisation":
        return _(
            "Your group gives you a partner's access, but no organisation in Kennisstad belongs "
            "to it. Ask the Kennisstad administrator."
        )
    if reason == "groups_overage":
        return _(
            "The identity provider did not send your groups (you are in too many). Ask the "
            "Kennisstad administrator."
        )
    if reason == "inactive":
        return _("Your Kennisstad account has been deactivated.")
    if reason in ("provider", "cancelled"):
        return _("Signing in with %(provider)s did not succeed. Try again.") % {
            "provider": provider_name()
        }
    return _(
        "Signing in with %(provider)s was refused: the answer of the identity provider could "
        "not be trusted. Try again; if it happens again, tell the Kennisstad administrator."
    ) % {"provider": provider_name()}


class _Enabled:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class OIDCSignInView(_Enabled, OIDCAuthenticationRequestView):
    """To the provider's authorization endpoint (from the discovery document)."""

    def __init__(self, *args, **kwargs):
        # The library reads the endpoint here; ours is read when the view is used.
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID

    def get(self, request):
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_discovery.endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (RequestException, ValueError, ImproperlyConfigured) as error:
            logging.getLogger(__name__).warning("OpenID Connect discovery failed: %r", error)
            log_event("auth.oidc.refused", level=logging.WARNING, reason="provider")
            messages.error(request, refusal_message("provider"))
            return redirect("accounts:login")
        return super().get(request)


class OIDCCallbackView(_Enabled, OIDCAuthenticationCallbackView):
    """Back from the provider: the backend checks and maps; this view marks the session as
    signed in through the provider or explains the refusal on the login page."""

    user = None

    @property
    def failure_url(self) -> str:
        return reverse("accounts:login")

    def get(self, request):
        if request.GET.get("error") and not self._answers_our_request(request):
            # The library logs out whoever opens ``?error=...``: a link on any page or in any
            # mail would end sessions (logout CSRF). Only this browser's own sign-in may.
            log_event("auth.oidc.refused", level=logging.WARNING, reason="state")
            request.session[REFUSAL_SESSION_KEY] = "state"
            return self.login_failure()
        try:
            return super().get(request)
        except SuspiciousOperation:
            # A callback whose state this browser never sent: replayed, or forged.
            log_event("auth.oidc.refused", level=logging.WARNING, reason="state")
            request.session[REFUSAL_SESSION_KEY] = "state"
            return self.login_failure()

    @staticmethod
    def _answers_our_request(request) -> bool:
        states = request.session.get("oidc_states")
        return isinstance(states, dict) and request.GET.get("state") in states

    def login_success(self):
        response = super().login_success()
        self.request.session[SSO_SESSION_KEY] = True
        self.request.session.pop(REFUSAL_SESSION_KEY, None)
        return response

    def login_failure(self):
        reason = self.request.session.pop(REFUSAL_SESSION_KEY, None)
        if reason is None and self.user is not None and not self.user.is_active:
            reason = "inactive"
            log_event("auth.oidc.refused", level=logging.WARNING, reason=reason)
        elif reason is None and self.request.GET.get("error"):
            # The provider sent an error (cancelled, or refused by its own policy).
            reason = "cancelled"
            log_event("auth.oidc.refused", level=logging.WARNING, reason=reason)
        messages.error(self.request, refusal_message(reason))
        return super().login_failure()


def provider_logout_url(request: HttpRequest) -> str | None:
    """The provider's end-session address for a session signed in through it (RP-initiated
    logout: the provider ends its own session too, then sends the browser back to the portal),
    or None when the session is local or the provider has no end_session_endpoint. Read before
    the session is flushed."""
    if not (settings.OIDC_ENABLED and request.session.get(SSO_SESSION_KEY)):
        return None
    try:
        end_session = oidc_discovery.endpoint("OIDC_OP_END_SESSION_ENDPOINT")
    except (RequestException, ValueError, ImproperlyConfigured):
        return None
    if not end_session:
        return None
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(
            resolve_url(settings.LOGOUT_REDIRECT_URL)
        ),
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in end_session else "?"
    return f"{end_session}{separator}{urlencode(params)}"

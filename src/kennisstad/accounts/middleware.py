"""Account security on every request of a signed-in session: the session's lifetime (idle
timeout and maximum age, as the municipality sets them) and the second factor still owed.

Both leave anonymous requests alone: they only look for the signed-in user's id in the session,
which for a request without a session cookie reads nothing and writes nothing.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from . import second_factor

SIGNED_IN_AT = "kennisstad_signed_in_at"
LAST_SEEN = "kennisstad_last_seen"
# The last-activity stamp is written at most this often: not a session write per request.
LAST_SEEN_RESOLUTION = 60

# Where a pending session may still go: finishing (or abandoning) the sign-in.
PENDING_ROUTES = {
    "accounts:login",
    "accounts:logout",
    "accounts:mfa-setup",
    "accounts:mfa-verify",
    "set_language",
    "theme-css",
}


def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: the moment the maximum session age counts from."""
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


def session_expiry(session, now: int) -> str | None:
    """Why the session has ended ("idle", "max-age"), or None; records activity (at most once a
    minute). A session from before these stamps existed starts counting now."""
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN, signed_in_at)
    if signed_in_at is None or last_seen is None:
        session[SIGNED_IN_AT] = session[LAST_SEEN] = now
        return None
    if now - signed_in_at > settings.KENNISSTAD_SESSION_MAX_HOURS * 3600:
        return "max-age"
    if now - last_seen > settings.KENNISSTAD_SESSION_IDLE_MINUTES * 60:
        return "idle"
    if now - last_seen >= LAST_SEEN_RESOLUTION:
        session[LAST_SEEN] = now
    return None


class SessionLifetimeMiddleware:
    """Signs out a session idle longer than ``KENNISSTAD_SESSION_IDLE_MINUTES`` or older than
    ``KENNISSTAD_SESSION_MAX_HOURS``; the request then goes on as an anonymous one (a page that
    needs a login sends the person to it, with a message saying why)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY not in request.session:
            return self.get_response(request)
        reason = session_expiry(request.session, int(time.time()))
        if reason is not None:
            logout(request)
            if reason == "idle":
                message = _("You were signed out after %(minutes)d minutes without activity.") % {
                    "minutes": settings.KENNISSTAD_SESSION_IDLE_MINUTES
                }
            else:
                message = _("You were signed out: a session lasts at most %(hours)d hours.") % {
                    "hours": settings.KENNISSTAD_SESSION_MAX_HOURS
                }
            messages.info(request, message)
        return self.get_response(request)


class SecondFactorMiddleware:
    """A session that still owes its second factor reaches only the pages that finish the
    sign-in: a page request is sent there, an API request with the session is refused (403).
    A request with an API token goes on: the API authenticates the token itself
    (``authentication.SecondFactorTokenAuthentication``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if SESSION_KEY not in request.session:
            return self.get_response(request)
        step = second_factor.pending_step(request)
        if step is None:
            return self.get_response(request)
        setattr(request.user, second_factor.PENDING_ATTRIBUTE, True)
        if _allowed_while_pending(request):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            # A token stands on its own; any other Authorization header would fall back to
            # this very session in DRF, so it does not open the API.
            if request.META.get("HTTP_AUTHORIZATION", "").startswith("Token "):
                return self.get_response(request)
            return JsonResponse(
                {"detail": _("Finish signing in with your second factor first.")}, status=403
            )
        target = reverse(f"accounts:mfa-{step}")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def _allowed_while_pending(request) -> bool:
    if request.path.startswith(settings.STATIC_URL):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in PENDING_ROUTES

"""The API's rate limits: per client address for anonymous requests, per account for signed-in
ones. The counts live in Django's default cache, so with ``REDIS_URL`` every server counts the
same requests (a client cannot double its allowance by landing on two servers).

The rates are read from the settings on every request, not when the class is defined as DRF's own
classes do, so ``API_THROTTLE=false`` and changed rates take effect (and tests can switch them).
The published description of the API (schema and docs pages) is not limited: it is the same for
everyone and served from a cache, and monitoring and client generators fetch it often."""

from __future__ import annotations

from django.conf import settings
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from .client_ip import client_ip


def _describes_the_api(view) -> bool:
    # Imported here: DRF imports this module while defining APIView, which drf-spectacular's
    # views need first.
    from drf_spectacular import views

    return isinstance(
        view,
        (
            views.SpectacularAPIView,
            views.SpectacularRedocView,
            views.SpectacularSwaggerSplitView,
            views.SpectacularSwaggerView,
        ),
    )


class _SettingsRate:
    """Reads the rate of ``scope`` from the settings when asked, and steps aside when rate
    limiting is switched off or the view publishes the API description."""

    scope: str

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if not settings.API_THROTTLE or _describes_the_api(view):
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        """The client's address as the lockout sees it: the trusted proxies' header only
        (``KENNISSTAD_TRUSTED_PROXY_COUNT``), so one setting decides for both."""
        return client_ip(request) or super().get_ident(request)


class AnonymousRateThrottle(_SettingsRate, AnonRateThrottle):
    """Requests without an account, counted per client address."""


class AccountRateThrottle(_SettingsRate, UserRateThrottle):
    """Requests with an account (token or session), counted per account."""

"""Signing in with the municipality's identity provider (OpenID Connect, authorization code flow
with PKCE) through mozilla-django-oidc, with what that library leaves to us:

- the ID token's audience, issuer, expiry and issue time are checked here (the library checks
  the signature, the algorithm and the nonce, and nothing else: it decodes with
  ``verify_aud=False`` and no issuer, and lets an expired token through as an uncaught error);
- endpoints and keys come from the provider's discovery document (``oidc_discovery``);
- accounts are found by issuer and ``sub``, never by e-mail, and their role and organisation are
  derived from the groups claim at every sign-in (``oidc_claims``, ``services``);
- every refusal has a reason the login page explains and the log records (``auth.oidc.refused``).

Off unless ``OIDC_ISSUER`` is set (conf/base.py, "OpenID Connect sign-in").
"""

import logging
from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kennisstad.core.events import log_event

from . import oidc_discovery, services
from .oidc_claims import SignInRefused, identity_from, username_for

# Session keys: the sign-in went through the identity provider (which did the second factor, so
# local TOTP is not asked again; the MFA middleware reads exactly this key), and why the last
# attempt was refused (for the login page's message).
SSO_SESSION_KEY = "kennisstad_sso"
REFUSAL_SESSION_KEY = "kennisstad_sso_refused"

# PyJWT's errors, most specific first, as refusal reasons.
_TOKEN_ERRORS: tuple[tuple[type[Exception], str], ...] = (
    (jwt.ExpiredSignatureError, "expired"),
    (jwt.InvalidAudienceError, "audience"),
    (jwt.InvalidIssuerError, "issuer"),
    (jwt.ImmatureSignatureError, "not_yet_valid"),
    (jwt.InvalidIssuedAtError, "not_yet_valid"),
    (jwt.MissingRequiredClaimError, "claims"),
    (jwt.InvalidSignatureError, "signature"),
    (jwt.InvalidAlgorithmError, "signature"),
    (jwt.InvalidTokenError, "malformed"),
    (jwt.PyJWKError, "signature"),
    (jwt.InvalidKeyError, "signature"),
)


def refusal_reason(error: Exception) -> str:
    for kind, reason in _TOKEN_ERRORS:
        if isinstance(error, kind):
            return reason
    return "malformed"


def is_identity_provider_attempt(request, credentials: dict | None) -> bool:
    """For django-axes (AXES_WHITELIST_CALLABLE): the callback's authentication (it alone passes
    a nonce) is not a password attempt, so it neither counts towards nor waits for a lockout."""
    return bool(credentials and "nonce" in credentials and not credentials.get("password"))


class OIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, configured at request time (discovery) and strict about
    the ID token."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library reads every endpoint here; we read them when a sign-in needs them, so a
        # local password login never waits for (or fails on) the identity provider.
        self.UserModel = get_user_model()

    OIDC_RP_IDP_SIGN_KEY = None

    @property
    def OIDC_RP_CLIENT_ID(self) -> str:
        return settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_RP_CLIENT_SECRET(self) -> str:
        return settings.OIDC_RP_CLIENT_SECRET

    @property
    def OIDC_RP_SIGN_ALGO(self) -> str:
        return settings.OIDC_RP_SIGN_ALGO

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self) -> str:
        return oidc_discovery.endpoint("OIDC_OP_TOKEN_ENDPOINT")

    @property
    def OIDC_OP_USER_ENDPOINT(self) -> str:
        return oidc_discovery.endpoint("OIDC_OP_USER_ENDPOINT")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self) -> str:
        return oidc_discovery.endpoint("OIDC_OP_JWKS_ENDPOINT")

    def authenticate(self, request, **kwargs: Any):
        """Only the callback of our sign-in (it passes the nonce) is ours; a password login
        passes through. A refusal is logged and noted in the session, never raised."""
        if request is None or "nonce" not in kwargs or not settings.OIDC_ENABLED:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SignInRefused as refusal:
            reason = refusal.reason
        except (SuspiciousOperation, jwt.PyJWTError) as error:
            # PyJWKError/InvalidKeyError: a key of the provider's that cannot be used.
            reason = refusal_reason(error) if isinstance(error, jwt.PyJWTError) else "token"
            if "nonce" in str(error).lower():
                reason = "nonce"
        except (requests.RequestException, ValueError, KeyError, ImproperlyConfigured) as error:
            # The provider did not answer, answered an error, or is configured wrongly.
            logging.getLogger(__name__).warning("OpenID Connect sign-in failed: %r", error)
            reason = "provider"
        log_event("auth.oidc.refused", level=logging.WARNING, reason=reason)
        request.session[REFUSAL_SESSION_KEY] = reason
        return None

    def get_user(self, user_id: Any):
        """The signed-in user of a session, unless deactivated since (the library's version
        does not look; Django's own backend does): deactivating ends their sessions at once."""
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    def _signing_key(self, token: str) -> Any:
        """The provider's public key the token names (kid and alg); the keys are fetched again
        once when none matches, for a provider that rotated its keys."""
        if not self.OIDC_RP_SIGN_ALGO.startswith(("RS", "ES", "PS")):
            return self.OIDC_RP_CLIENT_SECRET  # HS256: the client secret signs
        header = jwt.get_unverified_header(token)
        for refresh in (False, True):
            for key in oidc_discovery.signing_keys(refresh=refresh):
                if key.get("kid") != header.get("kid") or key.get("use", "sig") != "sig":
                    continue
                if key.get("alg", header.get("alg")) != header.get("alg"):
                    continue
                return jwt.PyJWK(key)
        raise SignInRefused("signature", "no key with the token's kid")

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The ID token (the call with a nonce): signature and algorithm, and the claims the
        library does not check. A userinfo answer as a JWT goes the library's way."""
        if "nonce" not in kwargs:
            return super().verify_token(token, **kwargs)
        if not token:
            raise SignInRefused("malformed", "no ID token")
        client_id = self.OIDC_RP_CLIENT_ID
        payload = jwt.decode(
            token,
            self._signing_key(token),
            algorithms=[self.OIDC_RP_SIGN_ALGO],
            audience=client_id,
            issuer=settings.OIDC_ISSUER,
            leeway=settings.OIDC_CLOCK_SKEW,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
        audiences = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
        if len(audiences) > 1 and payload.get("azp") != client_id:
            raise SignInRefused("audience", "several audiences and another azp")
        if payload.get("nonce") != kwargs["nonce"]:
            raise SignInRefused("nonce")
        return payload

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> dict:
        """The ID token's claims, completed by the userinfo endpoint when the provider has one
        (Keycloak and oidc-provider put groups there, Entra ID in the token). The userinfo
        answer must be about the same ``sub`` (OpenID Connect Core, 5.3.2)."""
        if not (settings.OIDC_USE_USERINFO and self.OIDC_OP_USER_ENDPOINT):
            return dict(payload)
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SignInRefused("claims", "userinfo is about another subject")
        return {**payload, **userinfo}

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]):
        claims = self.get_userinfo(access_token, id_token, payload)
        try:
            identity = identity_from(
                claims,
                issuer=settings.OIDC_ISSUER,
                groups_claim=settings.OIDC_GROUPS_CLAIM,
                group_roles=settings.OIDC_GROUP_ROLES,
                group_organisations=settings.OIDC_GROUP_ORGANISATIONS,
            )
        except SignInRefused as refusal:
            if refusal.reason == "no_role":
                # Every group taken away: an existing account loses its access too.
                services.withdraw_oidc_access(
                    username=username_for(settings.OIDC_ISSUER, str(claims["sub"]))
                )
            raise
        return services.sign_in_with_oidc(identity=identity)

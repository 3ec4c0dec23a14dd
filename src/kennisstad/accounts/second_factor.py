"""Who needs a second factor, and whether this session has passed it.

The BIO asks for multi-factor authentication for administrators and for access to personal data:
administrators always need one, every role does when the municipality sets
``KENNISSTAD_MFA_REQUIRED=all``. Anyone who set up an authenticator is asked for it at sign-in,
required or not. A session started through the municipality's identity provider (OpenID Connect)
carries ``SSO_SESSION_KEY``: the provider verified the person (its own MFA), so no local code.

A signed-in session that still owes its second factor is *pending*: ``pending_step`` says which
page finishes it, the middleware sends every other request there, and ``access.role_of`` treats
the user as having no role, so nothing that asks the access policy shows anything either.
"""

from django.conf import settings

from . import selectors
from .models import Role

SSO_SESSION_KEY = "kennisstad_sso"
# Set on the request's user while the session is pending (access.role_of reads it).
PENDING_ATTRIBUTE = "second_factor_pending"

STEP_VERIFY = "verify"  # has an authenticator: enter a code (or a recovery code)
STEP_SETUP = "setup"  # must have one and has none: set it up first

REQUIRED_ALL = "all"
REQUIRED_ADMINISTRATORS = "administrators"


def required_for(user) -> bool:
    """Whether the account must have a second factor. Reads the role itself, not
    ``access.role_of`` (which hides the role of a pending user)."""
    if user is None or not user.is_authenticated:
        return False
    if settings.KENNISSTAD_MFA_REQUIRED == REQUIRED_ALL:
        return True
    return bool(user.is_superuser or user.role == Role.ADMINISTRATOR)


def verified_by_identity_provider(request) -> bool:
    return bool(request.session.get(SSO_SESSION_KEY))


def session_is_verified(request) -> bool:
    """A second factor was given in this session: a code here, or at the identity provider."""
    if verified_by_identity_provider(request):
        return True
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def pending_step(request) -> str | None:
    """``STEP_VERIFY``, ``STEP_SETUP`` or None (nothing owed) for the signed-in user."""
    user = request.user
    if not user.is_authenticated or session_is_verified(request):
        return None
    if selectors.has_second_factor(user):
        return STEP_VERIFY
    if required_for(user):
        return STEP_SETUP
    return None


def token_acceptable(user) -> bool:
    """An API token stands in for a whole sign-in, so for an account that must have a second
    factor it is accepted only once the account has one (tokens are created on the profile page,
    which a pending session cannot reach) or when the account signs in only through the identity
    provider (no usable local password: the provider's MFA applies)."""
    if not required_for(user) or not user.has_usable_password():
        return True
    return selectors.has_second_factor(user)

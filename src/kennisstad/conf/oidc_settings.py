"""Settings of the OpenID Connect sign-in (kennisstad.accounts.oidc; docs/operations/sign-in.md),
read by conf/base.py. Apart from base.py so that file stays readable in one sitting."""

from .env import env_bool, env_int, env_str
from .oidc import check_issuer, check_sign_algo, parse_group_organisations, parse_group_roles

# Off unless OIDC_ISSUER is set: then staff sign in with the municipality's identity provider
# (Entra ID, ADFS, Keycloak) next to, or instead of, the local accounts. The endpoints come from
# the provider's discovery document (<issuer>/.well-known/openid-configuration), fetched once per
# process and kept for OIDC_DISCOVERY_TTL seconds; each OIDC_*_ENDPOINT overrides one of them.
# Accounts are made or updated at every sign-in: the username from the issuer and the stable
# "sub" claim, the role and a partner's organisation from the groups claim through two JSON
# mappings, e.g. OIDC_GROUP_ROLES='{"kennisstad-team": "team", "kennisstad-beheer":
# "administrator"}' and OIDC_GROUP_ORGANISATIONS='{"partner-iwcn": 12, "partner-rug":
# "Rijksuniversiteit Groningen"}' (an organisation's number or exact name). Someone whose groups
# map to no role is refused and gets no account.
OIDC_ISSUER = check_issuer("OIDC_ISSUER", env_str("OIDC_ISSUER", ""))
OIDC_ENABLED = bool(OIDC_ISSUER)
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "", required=OIDC_ENABLED)
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "", required=OIDC_ENABLED)
OIDC_RP_SCOPES = env_str("OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = check_sign_algo("OIDC_SIGN_ALGO", env_str("OIDC_SIGN_ALGO", "RS256"))
OIDC_GROUPS_CLAIM = env_str("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_ROLES = parse_group_roles("OIDC_GROUP_ROLES", env_str("OIDC_GROUP_ROLES", "{}"))
OIDC_GROUP_ORGANISATIONS = parse_group_organisations(
    "OIDC_GROUP_ORGANISATIONS", env_str("OIDC_GROUP_ORGANISATIONS", "{}")
)
# Explicit endpoints, for a provider without discovery or behind another address (empty: from
# the discovery document).
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT", "")
OIDC_OP_END_SESSION_ENDPOINT = env_str("OIDC_END_SESSION_ENDPOINT", "")
OIDC_DISCOVERY_TTL = env_int("OIDC_DISCOVERY_TTL", 24 * 3600)
# Complete the ID token's claims with the userinfo endpoint's (off: the ID token's only).
OIDC_USE_USERINFO = env_bool("OIDC_USE_USERINFO", True)
# Seconds to wait for the provider, and the clock difference tolerated in exp/iat.
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
OIDC_CLOCK_SKEW = env_int("OIDC_CLOCK_SKEW", 60)
# The login page: "Log in with <OIDC_PROVIDER_NAME>" (empty: "your <municipality> account"); with
# OIDC_HIDE_LOCAL_LOGIN the username/password form only shows at /accounts/login/?local=1 (the
# administrators' way in when the provider is down).
OIDC_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME", "")
OIDC_HIDE_LOCAL_LOGIN = env_bool("OIDC_HIDE_LOCAL_LOGIN", False)
# Fixed choices of mozilla-django-oidc: PKCE and nonce on, the ID token kept in the session for
# the provider's logout, our own views and a clear failure page.
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_CREATE_USER = True
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-callback"
# django-axes counts failed logins per username and address; a refused identity-provider sign-in
# is no password guess (it has no username, and the provider guards its own login), and counting
# it would lock out everyone behind the municipality's one address after ten refusals.
AXES_WHITELIST_CALLABLE = "kennisstad.accounts.oidc.is_identity_provider_attempt"

"""Account security settings, part of ``base`` (star-imported there): what the BIO asks of
sign-in. docs/administrators/account-security.md explains each for the municipality."""

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

# Second factor (django-otp: an authenticator app with TOTP codes, and recovery codes).
# Administrators always need one; KENNISSTAD_MFA_REQUIRED=all asks it of every role. Anyone who set
# one up is asked for it at sign-in. A session signed in through the municipality's identity
# provider (session key "kennisstad_sso") counts as verified there. The admin site asks for a
# verified session. API tokens of accounts that must have a second factor work only once the
# account has one (or signs in only through the identity provider).
KENNISSTAD_MFA_REQUIRED = env_str("KENNISSTAD_MFA_REQUIRED", "administrators").strip().lower()
if KENNISSTAD_MFA_REQUIRED not in ("administrators", "all"):
    raise ImproperlyConfigured('KENNISSTAD_MFA_REQUIRED must be "administrators" or "all".')
# The name the authenticator app shows next to the codes.
OTP_TOTP_ISSUER = "Kennisstad " + env_str("KENNISSTAD_MUNICIPALITY_NAME", "Groningen")
OTP_TOTP_THROTTLE_FACTOR = 1  # after n wrong codes in a row wait 2^(n-1) seconds
OTP_STATIC_THROTTLE_FACTOR = 1

# Sessions: signed out after KENNISSTAD_SESSION_IDLE_MINUTES without a request, and at the latest
# KENNISSTAD_SESSION_MAX_HOURS after signing in, however active (accounts.middleware).
KENNISSTAD_SESSION_IDLE_MINUTES = env_int("KENNISSTAD_SESSION_IDLE_MINUTES", 60)
KENNISSTAD_SESSION_MAX_HOURS = env_int("KENNISSTAD_SESSION_MAX_HOURS", 10)
if KENNISSTAD_SESSION_IDLE_MINUTES < 1 or KENNISSTAD_SESSION_MAX_HOURS < 1:
    raise ImproperlyConfigured("Session idle minutes and maximum hours must be at least 1.")
SESSION_COOKIE_AGE = KENNISSTAD_SESSION_MAX_HOURS * 3600

# A reset link by mail is valid this long (and once: it stops working when the password changes).
PASSWORD_RESET_TIMEOUT = env_int("KENNISSTAD_PASSWORD_RESET_MINUTES", 60) * 60

# Lockout (django-axes): after AXES_FAILURE_LIMIT failed sign-ins (wrong passwords and wrong
# codes together) a username is locked for that client address for AXES_COOLOFF_TIME hours.
# Failures are forgotten when a sign-in is complete (accounts.lockout), not at the password.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# The client address behind a reverse proxy (core.client_ip): with N trusted proxies in front,
# the N-th address from the right in KENNISSTAD_TRUSTED_PROXY_HEADER; with 0 (the default: no
# proxy) that header is ignored, so a client cannot choose the address the lockout counts.
KENNISSTAD_TRUSTED_PROXY_COUNT = env_int("KENNISSTAD_TRUSTED_PROXY_COUNT", 0)
KENNISSTAD_TRUSTED_PROXY_HEADER = env_str("KENNISSTAD_TRUSTED_PROXY_HEADER", "X-Forwarded-For")
AXES_CLIENT_IP_CALLABLE = "kennisstad.core.client_ip.client_ip"

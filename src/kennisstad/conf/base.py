"""Settings shared by every environment; every value comes from the environment with a safe
development default."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from .attachments import *  # noqa: F403
from .attachments import attachment_storage
from .env import env_bool, env_int, env_list, env_str
from .logs import logging_settings
from .shared_state import cache_settings, throttle_settings
from .storage import file_storage

SRC_DIR = Path(__file__).resolve().parents[1]
BASE_DIR = SRC_DIR.parents[1]
VAR_DIR = Path(env_str("KENNISSTAD_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "development-only-secret-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Django's admin, whose site asks for a second factor (accounts.admin_site).
    "kennisstad.accounts.admin_apps.VerifiedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "kennisstad.core",
    "kennisstad.accounts",
    "kennisstad.privacy",
    "kennisstad.relations",
    "kennisstad.projects",
    "kennisstad.agenda",
    "kennisstad.registrations",
    "kennisstad.funding",
    "kennisstad.delegations",
    "kennisstad.policy",
    "kennisstad.indicators",
    "kennisstad.finances",
    "kennisstad.planning",
    "kennisstad.newsletter",
    "kennisstad.checklists",
    "kennisstad.integrity",
    "kennisstad.agreements",
    "kennisstad.portal",
    "kennisstad.search",
    "kennisstad.workspace",
    "kennisstad.attachments",
]

MIDDLEWARE = [
    # First: every later log line of the request carries its id; health checks are answered
    # before host checks, redirects, sessions or sign-in.
    "kennisstad.core.request_id.RequestIdMiddleware",
    "kennisstad.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kennisstad.core.middleware.RefuseNulInQueryMiddleware",
    # The public feed from its cache (or a 304) before sessions, CSRF, sign-in and CSP.
    "kennisstad.agenda.feeds.PublicFeedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "kennisstad.core.middleware.QueryLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kennisstad.core.middleware.PrivateNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Account security: second factor passed?, idle timeout and maximum age, pending sessions.
    "django_otp.middleware.OTPMiddleware",
    "kennisstad.accounts.middleware.SessionLifetimeMiddleware",
    "kennisstad.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kennisstad.urls"
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "kennisstad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kennisstad.core.context_processors.site",
                "kennisstad.core.context_processors.municipality",
                "kennisstad.accounts.context_processors.capabilities",
            ],
        },
    },
]

# Database: an embedded SQLite file by default, PostgreSQL (production) through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kennisstad.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
# How long a writer waits for SQLite's write lock before giving up (then: 503, try again). Below
# gunicorn's worker timeout (GUNICORN_TIMEOUT, 30 s), or the worker is killed first and the client
# gets a 502 from the proxy instead of the 503 with Retry-After.
DB_BUSY_TIMEOUT = env_int("DB_BUSY_TIMEOUT", 20)
# What a 503 for a busy database tells the client to wait, in seconds (Retry-After).
DATABASE_BUSY_RETRY_AFTER = env_int("DATABASE_BUSY_RETRY_AFTER", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Connections are kept (DB_CONN_MAX_AGE) as with PostgreSQL: opening one runs the PRAGMAs
    # below and closing the last one checkpoints the WAL, several milliseconds per request.
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at the
        # start of a transaction so two writers queue (busy timeout) instead of failing with
        # "database is locked" halfway through.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            f"PRAGMA busy_timeout={DB_BUSY_TIMEOUT * 1000}; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": DB_BUSY_TIMEOUT,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The folder of pg_dump and pg_restore for `kennisstad backup` and `restore` on PostgreSQL, when
# those on PATH are older than the server (Debian: /usr/lib/postgresql/15/bin); empty: PATH.
PG_BIN_DIR = env_str("PG_BIN_DIR", "")

# The most data rows one spreadsheet import takes: a longer file is refused before any row is
# checked (split it). Tens of thousands of organisations or people is a registry, not a list.
SPREADSHEET_MAX_ROWS = env_int("SPREADSHEET_MAX_ROWS", 50_000)
# The most events one calendar (.ics) may hold, refused while it is read (split it): a 20 MB file
# could otherwise hold a hundred thousand.
ICS_MAX_EVENTS = env_int("ICS_MAX_EVENTS", 20_000)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, except for the identity provider's accounts (no local password).
    "kennisstad.accounts.backends.PasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "portal:home"

# --- OpenID Connect sign-in: the OIDC_* settings are in conf/oidc_settings.py (off unless
# OIDC_ISSUER is set; docs/operations/sign-in.md). With it, the identity provider's backend.
from .oidc_settings import *  # noqa: E402, F403
from .oidc_settings import OIDC_ENABLED  # noqa: E402

if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "kennisstad.accounts.oidc.OIDCBackend"]

# Internationalisation: Dutch first, English complete.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True
COUNTRIES_FIRST = ["NL", "DE", "BE", "CN"]
COUNTRIES_FIRST_REPEAT = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [SRC_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "kennisstad.core.staticfiles.VendorFileFinder",
]
VENDOR_STATIC_FILES = {
    "vendor/utrecht/index.css": NODE_MODULES / "@utrecht/component-library-css/dist/index.css",
    "vendor/utrecht-tokens/index.css": NODE_MODULES / "@utrecht/design-tokens/dist/index.css",
    "vendor/htmx/htmx.min.js": NODE_MODULES / "htmx.org/dist/htmx.min.js",
    "vendor/fullcalendar/index.global.min.js": NODE_MODULES / "fullcalendar/index.global.min.js",
    "vendor/fullcalendar/nl.global.min.js": NODE_MODULES
    / "@fullcalendar/core/locales/nl.global.min.js",
}
KENNISSTAD_FILE_STORAGE = env_str("KENNISSTAD_FILE_STORAGE", "local")
STORAGES = {
    "default": file_storage(KENNISSTAD_FILE_STORAGE),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": attachment_storage(KENNISSTAD_FILE_STORAGE, VAR_DIR / "media"),
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Everything from our own origin: no inline scripts, no third-party hosts at run time.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # FullCalendar injects its styles with the page's nonce (meta csp-nonce).
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],  # FullCalendar's icon font is a data: URI
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds before a mail server that does not answer counts as down (the task tries again later).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kennisstad@localhost")

# A cache inside the process for one server; with REDIS_URL one Redis shared by every server, so
# feeds, their ETags and the API's rate limits agree whichever server answers (shared_state).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = cache_settings(
    REDIS_URL,
    key_prefix=env_str("CACHE_KEY_PREFIX", "kennisstad"),
    timeout=env_int("CACHE_TIMEOUT", 3600),
    socket_timeout=env_int("REDIS_SOCKET_TIMEOUT", 2),
    max_entries=env_int("CACHE_MAX_ENTRIES", 200_000),
)

# Anonymous visitors' public pages (the portal) come from the cache for at most this many seconds
# (core.page_cache; any committed change shows at once); 0 renders every one.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 60)

# Fetching addresses people give (partner calendars, import-ics URL): one deadline for the whole
# fetch, at most this many redirects, and never to an address inside the network unless its host
# name, address or network is listed here (e.g. a municipality's intranet calendar server).
FETCH_DEADLINE_SECONDS = env_int("FETCH_DEADLINE_SECONDS", 30)
FETCH_MAX_REDIRECTS = env_int("FETCH_MAX_REDIRECTS", 5)
FETCH_PRIVATE_HOSTS = env_list("FETCH_PRIVATE_HOSTS", [])

# Partners' activities marked public appear on the portal and public feed only once a team member
# approved them, unless the municipality chose to let partners publish directly.
KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW = env_bool(
    "KENNISSTAD_PARTNER_PUBLISH_WITHOUT_REVIEW", False
)

# The municipality this Kennisstad serves (core.municipality): its name in the header, page
# titles, the public calendar feed and exported documents; the telephone number in the
# accessibility statement (Groningen's only with Groningen's name, otherwise set your own);
# a logo in the header (a static file path such as "kennisstad/logo.svg", or an address on this
# site: the content security policy allows no images from elsewhere; empty: no logo); and two
# CSS hex colours, emitted as NL Design System tokens at /theme.css: the brand colour (header
# stripe and footer; the footer text turns white or black, whichever reads better) and the
# action colour (links and buttons on the white page, which must have at least 4.5:1 contrast
# with white; the system check refuses a lighter one).
KENNISSTAD_MUNICIPALITY_NAME = env_str("KENNISSTAD_MUNICIPALITY_NAME", "Groningen")
KENNISSTAD_MUNICIPALITY_PHONE = env_str(
    "KENNISSTAD_MUNICIPALITY_PHONE",
    "14 050" if KENNISSTAD_MUNICIPALITY_NAME == "Groningen" else "",
)
KENNISSTAD_LOGO = env_str("KENNISSTAD_LOGO", "")
KENNISSTAD_BRAND_COLOUR = env_str("KENNISSTAD_BRAND_COLOUR", "#cc0000")
KENNISSTAD_ACTION_COLOUR = env_str("KENNISSTAD_ACTION_COLOUR", "#24588f")

# --- Account security -------------------------------------------------------------------------
# Second factor, session idle timeout and maximum age, password reset, lockout and the trusted
# reverse proxy: conf/account_security.py (docs/administrators/account-security.md).
from .account_security import *  # noqa: E402, F403

# Reminders before agreements with partner cities expire: conf/agreements.py.
from .agreements import *  # noqa: E402, F403

# Reminders of the preparation checklists: conf/checklists.py.
from .checklists import *  # noqa: E402, F403

# The rules of the domain the municipality sets (gifts register, recurrence, the columns of its
# budget tables, its ledger, the money in a chapter): conf/domain.py.
from .domain import *  # noqa: E402, F403

# The international newsletter: batches, retention, subscribe limits (conf/newsletter.py).
from .newsletter import *  # noqa: E402, F403

FILTERS_EMPTY_CHOICE_LABEL = _("All")
# No global "None" choice: "?kind=null" on a filter without one is a validation error, not a
# lookup for NULL (which crashed icontains and method filters). Filters that mean it opt in.

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Tokens of accounts that must have a second factor work once the account has one.
        "kennisstad.accounts.authentication.SecondFactorTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kennisstad.accounts.api_permissions.RegistryAccess"],
    "DEFAULT_PARSER_CLASSES": [
        "kennisstad.core.parsers.DepthLimitedJSONParser",
        "kennisstad.core.parsers.NulRefusingFormParser",
        "kennisstad.core.parsers.NulRefusingMultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "kennisstad.core.filters.FilterBackend",
        "rest_framework.filters.OrderingFilter",
        "rest_framework.filters.SearchFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "kennisstad.core.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "kennisstad.core.api_schema.AutoSchema",
    "EXCEPTION_HANDLER": "kennisstad.core.api.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    # The API's rate limits, counted in the shared cache (API_THROTTLE_*).
    **throttle_settings(),
}
API_THROTTLE = env_bool("API_THROTTLE", True)
SPECTACULAR_SETTINGS = {
    "TITLE": "Kennisstad API",
    "DESCRIPTION": (
        "Registry of the international-affairs programme: organisations, people, projects and "
        "the shared international calendar. Writes need an If-Match header (or a `version` "
        "field) holding the version you read; a stale write gets 412 (If-Match) or 409 "
        "(`version`), a write without a version, or with `If-Match: *`, 428."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "kennisstad.core.api_schema.country_choices",
        "ActivityKindEnum": "kennisstad.agenda.models.ActivityKind",
        "ActivityStatusEnum": "kennisstad.agenda.models.ActivityStatus",
        "ProjectStatusEnum": "kennisstad.projects.models.ProjectStatus",
        # A project partner's role keeps its name beside a funding application partner's.
        "RoleEnum": "kennisstad.projects.models.PartnerRole",
        "ApplicationPartnerRoleEnum": "kennisstad.funding.models.PartnerRole",
        "OrganisationKindEnum": "kennisstad.relations.models.OrganisationKind",
        "DocumentKindEnum": "kennisstad.policy.models.DocumentKind",
        "DocumentStatusEnum": "kennisstad.policy.models.DocumentStatus",
        "FigureKindEnum": "kennisstad.indicators.models.FigureKind",
        "ProgressStatusEnum": "kennisstad.planning.models.ProgressStatus",
        "TripKindEnum": "kennisstad.integrity.models.TripKind",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Logs go to standard output; LOG_FORMAT=json writes one JSON object per line for a log
# collector (the named events of ``core.events`` carry their fields as keys).
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = logging_settings(LOG_FORMAT, env_str("LOG_LEVEL", "INFO"))

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Background work on Celery: broker, retries and the beat schedule (conf/background.py).
from .background import *  # noqa: E402, F403

# Registration for activities: personal links and the public form's limit (conf/registrations.py).
from .registrations import *  # noqa: E402, F403

# Where beat remembers when each scheduled job last ran (make beat).
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

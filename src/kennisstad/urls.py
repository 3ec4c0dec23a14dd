"""URL map: the public portal at the root, the team's pages behind a login, the REST API under
/api/v1/, the admin for configuration."""

from django.contrib import admin
from django.urls import include, path

from kennisstad.core import health
from kennisstad.core.theme import theme_css

urlpatterns = [
    path("", include("kennisstad.portal.urls")),
    path("dashboard/", include("kennisstad.workspace.urls")),
    path("accounts/", include("kennisstad.accounts.urls")),
    path("relations/", include("kennisstad.relations.urls")),
    path("privacy/", include("kennisstad.privacy.urls")),
    path("projects/", include("kennisstad.projects.urls")),
    path("agenda/", include("kennisstad.agenda.urls")),
    path("delegations/", include("kennisstad.delegations.urls")),
    path("indicators/", include("kennisstad.indicators.urls")),
    path("begroting/", include("kennisstad.planning.urls")),
    path("finances/", include("kennisstad.finances.urls")),
    path("funding/", include("kennisstad.funding.urls")),
    path("search/", include("kennisstad.search.urls")),
    path("registrations/", include("kennisstad.registrations.urls")),
    path("files/", include("kennisstad.attachments.urls")),
    path("newsletter/", include("kennisstad.newsletter.urls")),
    path("checklists/", include("kennisstad.checklists.urls")),
    path("integrity/", include("kennisstad.integrity.urls")),
    path("agreements/", include("kennisstad.agreements.urls")),
    path("api/v1/", include("kennisstad.api_urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("theme.css", theme_css, name="theme-css"),
    # For load balancers and monitors (core.health answers them before sessions and sign-in).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

# A busy database (SQLite's "database is locked", a PostgreSQL lock timeout) is a 503 with
# Retry-After, wherever it was raised; everything else the usual 500.
handler500 = "kennisstad.core.busy.server_error"

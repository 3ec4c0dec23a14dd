"""The finance pages: the ledger and its imports, the overview per policy field, and grants."""

from django.urls import include, path

app_name = "finances"
urlpatterns = [
    path("", include("kennisstad.finances.ledger_urls")),
    path("grants/", include("kennisstad.finances.grant_urls")),
    path("overview/", include("kennisstad.finances.overview_urls")),
]

from django.urls import path

from kennisstad.core.page_cache import anonymous_page

from . import views

app_name = "portal"
urlpatterns = [
    path("", anonymous_page(views.PortalHomeView.as_view()), name="home"),
    path("projecten/", anonymous_page(views.PublicProjectListView.as_view()), name="projects"),
    path(
        "projecten/<int:pk>/",
        anonymous_page(views.PublicProjectDetailView.as_view()),
        name="project",
    ),
    path("kalender/", anonymous_page(views.PublicCalendarView.as_view()), name="calendar"),
    path(
        "partnersteden/",
        anonymous_page(views.PartnerCitiesView.as_view()),
        name="partner-cities",
    ),
    path("indicatoren/", anonymous_page(views.PublicIndicatorsView.as_view()), name="indicators"),
    path(
        "integriteit/",
        anonymous_page(views.PublicIntegrityRegisterView.as_view()),
        name="integrity",
    ),
    path(
        "integriteit/<str:period>/<str:register>.<str:fmt>",
        views.public_integrity_download,
        name="integrity-download",
    ),
    path(
        "toegankelijkheid/",
        anonymous_page(views.AccessibilityStatementView.as_view()),
        name="accessibility",
    ),
]

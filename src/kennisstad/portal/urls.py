from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.PortalHomeView.as_view(), name="home"),
    path("projecten/", views.PublicProjectListView.as_view(), name="projects"),
    path("projecten/<int:pk>/", views.PublicProjectDetailView.as_view(), name="project"),
    path("kalender/", views.PublicCalendarView.as_view(), name="calendar"),
    path("indicatoren/", views.PublicIndicatorsView.as_view(), name="indicators"),
    path("toegankelijkheid/", views.AccessibilityStatementView.as_view(), name="accessibility"),
]

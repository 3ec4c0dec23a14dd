"""URLs of the registrations app: the public form and personal link, and the team's pages."""

from django.urls import path

from . import views, views_team

app_name = "registrations"
urlpatterns = [
    path("activity/<int:pk>/", views.RegisterView.as_view(), name="register"),
    path("manage/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("manage/<str:token>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("activity/<int:pk>/settings/", views_team.SettingsView.as_view(), name="settings"),
    path("activity/<int:pk>/attendees/", views_team.AttendeesView.as_view(), name="attendees"),
    path("activity/<int:pk>/print/", views_team.PrintableView.as_view(), name="printable"),
    path("activity/<int:pk>/check-in/", views_team.CheckInView.as_view(), name="check-in"),
    path("activity/<int:pk>/no-shows/", views_team.NoShowsView.as_view(), name="no-shows"),
    path("activity/<int:pk>/cancel/", views_team.TeamCancelView.as_view(), name="team-cancel"),
]

from django.urls import path

from . import feeds, views

app_name = "agenda"
urlpatterns = [
    path("", views.ActivityListView.as_view(), name="activity-list"),
    path("public.ics", feeds.public_feed, name="public-feed"),
    path("month/", views.CalendarView.as_view(), name="month"),
    path("week/", views.CalendarView.as_view(), {"week": True}, name="week"),
    path("events.json", views.EventsView.as_view(), name="events"),
    path("feeds/", views.FeedListView.as_view(), name="feeds"),
    path("import/", views.IcsImportView.as_view(), name="ics-import"),
    path(
        "awaiting-approval/",
        views.PublicationApprovalView.as_view(),
        name="awaiting-approval",
    ),
    path("feeds/<str:token>.ics", feeds.personal_feed, name="personal-feed"),
    path("new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity-update"),
    path("<int:pk>/delete/", views.ActivityDeleteView.as_view(), name="activity-delete"),
]

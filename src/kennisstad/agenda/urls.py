from django.urls import path

from . import views

app_name = "agenda"
urlpatterns = [
    path("", views.ActivityListView.as_view(), name="activity-list"),
    path("new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity-update"),
    path("<int:pk>/delete/", views.ActivityDeleteView.as_view(), name="activity-delete"),
]

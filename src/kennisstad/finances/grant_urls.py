"""Pages of the grants."""

from django.urls import path

from . import grant_views

urlpatterns = [
    path("", grant_views.GrantListView.as_view(), name="grant-list"),
    path("new/", grant_views.GrantCreateView.as_view(), name="grant-create"),
    path("<int:pk>/", grant_views.GrantDetailView.as_view(), name="grant-detail"),
    path("<int:pk>/edit/", grant_views.GrantUpdateView.as_view(), name="grant-update"),
    path("<int:pk>/<slug:step>/", grant_views.GrantStepView.as_view(), name="grant-step"),
]

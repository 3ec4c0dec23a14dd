"""Pages of the finance overview and the projects' allocations."""

from django.urls import path

from . import overview_views

urlpatterns = [
    path("", overview_views.OverviewView.as_view(), name="overview"),
    path(
        "allocations/new/",
        overview_views.AllocationCreateView.as_view(),
        name="allocation-create",
    ),
    path(
        "allocations/<int:pk>/",
        overview_views.AllocationDetailView.as_view(),
        name="allocation-detail",
    ),
    path(
        "allocations/<int:pk>/edit/",
        overview_views.AllocationUpdateView.as_view(),
        name="allocation-update",
    ),
    path(
        "allocations/<int:pk>/delete/",
        overview_views.AllocationDeleteView.as_view(),
        name="allocation-delete",
    ),
]

from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicator-list"),
    path("new/", views.IndicatorCreateView.as_view(), name="indicator-create"),
    path("<int:pk>/", views.IndicatorDetailView.as_view(), name="indicator-detail"),
    path("<int:pk>/edit/", views.IndicatorUpdateView.as_view(), name="indicator-update"),
    path("<int:pk>/compute/", views.ComputeView.as_view(), name="indicator-compute"),
    path("<int:pk>/official/", views.OfficialFigureView.as_view(), name="official-choose"),
    path(
        "<int:pk>/official/withdraw/",
        views.WithdrawOfficialView.as_view(),
        name="official-withdraw",
    ),
    path(
        "<int:indicator_pk>/realisations/new/",
        views.RealisationCreateView.as_view(),
        name="realisation-create",
    ),
    path("<int:indicator_pk>/targets/new/", views.TargetCreateView.as_view(), name="target-create"),
]

from .delivery_urls import urlpatterns as delivery_urlpatterns  # noqa: E402

urlpatterns += delivery_urlpatterns

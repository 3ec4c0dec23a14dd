"""Addresses of the delivered-figures pages, added to the indicators' own."""

from django.urls import path

from . import delivery_views

urlpatterns = [
    path("mine/", delivery_views.MyIndicatorsView.as_view(), name="my-indicators"),
    path("mine/<int:pk>/deliver/", delivery_views.DeliverView.as_view(), name="deliver"),
    path(
        "deliveries/awaiting/",
        delivery_views.AwaitingApprovalView.as_view(),
        name="deliveries-awaiting",
    ),
]

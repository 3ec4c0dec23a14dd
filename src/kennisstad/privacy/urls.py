from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("retention/", views.RetentionListView.as_view(), name="retention"),
    path(
        "retention/<str:kind>/edit/",
        views.RetentionEditView.as_view(),
        name="retention-edit",
    ),
    path("register/", views.ProcessingRegisterView.as_view(), name="register"),
]

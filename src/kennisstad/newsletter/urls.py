"""URLs of the newsletter: the team's editions and subscribers, and the public pages."""

from django.urls import path

from . import public_views, views

app_name = "newsletter"
urlpatterns = [
    path("", views.EditionListView.as_view(), name="edition-list"),
    path("new/", views.EditionCreateView.as_view(), name="edition-create"),
    path("<int:pk>/", views.EditionDetailView.as_view(), name="edition-detail"),
    path("<int:pk>/edit/", views.EditionUpdateView.as_view(), name="edition-update"),
    path(
        "<int:pk>/preview/<str:language>/",
        views.EditionPreviewView.as_view(),
        name="edition-preview",
    ),
    path("<int:pk>/test/", views.EditionTestView.as_view(), name="edition-test"),
    path("<int:pk>/send/", views.EditionSendView.as_view(), name="edition-send"),
    path(
        "<int:pk>/resend-unknown/",
        views.EditionResendUnknownView.as_view(),
        name="edition-resend-unknown",
    ),
    path("subscribers/", views.SubscriberListView.as_view(), name="subscriber-list"),
    path("subscribers/erase/", views.SubscriberEraseView.as_view(), name="subscriber-erase"),
    path("subscribe/", public_views.SubscribeView.as_view(), name="subscribe"),
    path("subscribe/sent/", public_views.SubscribeSentView.as_view(), name="subscribe-sent"),
    path("confirm/<str:token>/", public_views.ConfirmView.as_view(), name="confirm"),
    path("unsubscribe/<str:token>/", public_views.UnsubscribeView.as_view(), name="unsubscribe"),
    path(
        "unsubscribe/<str:token>/one-click/",
        public_views.OneClickUnsubscribeView.as_view(),
        name="unsubscribe-one-click",
    ),
]

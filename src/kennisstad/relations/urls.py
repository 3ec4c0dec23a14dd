from django.urls import path

from . import views

app_name = "relations"
urlpatterns = [
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path("organisations/new/", views.OrganisationCreateView.as_view(), name="organisation-create"),
    path(
        "organisations/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path(
        "organisations/<int:pk>/edit/",
        views.OrganisationUpdateView.as_view(),
        name="organisation-update",
    ),
    path(
        "organisations/<int:pk>/delete/",
        views.OrganisationDeleteView.as_view(),
        name="organisation-delete",
    ),
    path(
        "organisations/suggest/",
        views.OrganisationSuggestView.as_view(),
        name="organisation-suggest",
    ),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/suggest/", views.PersonSuggestView.as_view(), name="person-suggest"),
    path("people/new/", views.PersonCreateView.as_view(), name="person-create"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person-update"),
    path("people/<int:pk>/delete/", views.PersonDeleteView.as_view(), name="person-delete"),
    path("contacts/", views.InteractionListView.as_view(), name="interaction-list"),
    path("contacts/new/", views.InteractionCreateView.as_view(), name="interaction-create"),
    path("contacts/<int:pk>/", views.InteractionDetailView.as_view(), name="interaction-detail"),
    path(
        "contacts/<int:pk>/edit/",
        views.InteractionUpdateView.as_view(),
        name="interaction-update",
    ),
    path(
        "contacts/<int:pk>/delete/",
        views.InteractionDeleteView.as_view(),
        name="interaction-delete",
    ),
    path(
        "contacts/<int:pk>/followed-up/",
        views.CompleteFollowUpView.as_view(),
        name="interaction-complete",
    ),
    path("follow-ups/", views.FollowUpListView.as_view(), name="follow-ups"),
    path("dormant/", views.DormantRelationsView.as_view(), name="dormant"),
    path(
        "people/<int:pk>/personal-data/",
        views.PersonalDataExportView.as_view(),
        name="person-personal-data",
    ),
    path("people/<int:pk>/erase/", views.PersonEraseView.as_view(), name="person-erase"),
    path("personal-data-log/", views.PersonalDataLogView.as_view(), name="personal-data-log"),
    path("duplicates/", views.DuplicateListView.as_view(), name="duplicates"),
    path(
        "organisations/merge/<int:kept>/<int:removed>/",
        views.OrganisationMergeView.as_view(),
        name="organisation-merge",
    ),
    path(
        "people/merge/<int:kept>/<int:removed>/",
        views.PersonMergeView.as_view(),
        name="person-merge",
    ),
]

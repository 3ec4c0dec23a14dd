from django.urls import path

from . import cycle_views, deadline_views, finance_views, views

app_name = "planning"
urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document-list"),
    path("import/", views.ImportChapterView.as_view(), name="chapter-import"),
    path("new/", views.DocumentCreateView.as_view(), name="document-create"),
    path("actions/<int:pk>/edit/", views.ActionUpdateView.as_view(), name="action-update"),
    path("sections/<int:pk>/edit/", views.SectionUpdateView.as_view(), name="section-update"),
    path("<int:pk>/", cycle_views.DocumentDetailView.as_view(), name="document-detail"),
    path(
        "<int:pk>/cycle/<str:step>/",
        cycle_views.DocumentCycleView.as_view(),
        name="document-cycle",
    ),
    path("<int:pk>/publish/", views.PublishDocumentView.as_view(), name="document-publish"),
    path("<int:pk>/export/<str:fmt>/", views.DocumentExportView.as_view(), name="document-export"),
    path("chapters/<int:pk>/", views.ChapterDetailView.as_view(), name="chapter-detail"),
    path(
        "chapters/<int:pk>/finance/<str:row>/explain/",
        finance_views.FinanceExplanationView.as_view(),
        name="finance-explanation",
    ),
    path(
        "chapters/<int:pk>/export/<str:fmt>/",
        views.ChapterExportView.as_view(),
        name="chapter-export",
    ),
    path("deadlines/", deadline_views.DeadlineListView.as_view(), name="deadline-list"),
    path("deadlines/new/", deadline_views.DeadlineCreateView.as_view(), name="deadline-create"),
    path(
        "deadlines/<int:pk>/", deadline_views.DeadlineDetailView.as_view(), name="deadline-detail"
    ),
    path(
        "deadlines/<int:pk>/edit/",
        deadline_views.DeadlineUpdateView.as_view(),
        name="deadline-update",
    ),
    path(
        "deadlines/<int:pk>/delete/",
        deadline_views.DeadlineDeleteView.as_view(),
        name="deadline-delete",
    ),
]

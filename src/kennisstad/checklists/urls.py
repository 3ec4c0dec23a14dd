"""URLs of the checklists app."""

from django.urls import path

from . import views

app_name = "checklists"
urlpatterns = [
    path("", views.TemplateListView.as_view(), name="template-list"),
    path("templates/new/", views.TemplateCreateView.as_view(), name="template-create"),
    path("templates/<int:pk>/", views.TemplateDetailView.as_view(), name="template-detail"),
    path("templates/<int:pk>/edit/", views.TemplateUpdateView.as_view(), name="template-update"),
    path("my-tasks/", views.MyTasksView.as_view(), name="my-tasks"),
    path("apply/activity/<int:pk>/", views.ApplyView.as_view(), name="apply-activity"),
    path(
        "apply/delegation/<int:pk>/",
        views.ApplyToDelegationView.as_view(),
        name="apply-delegation",
    ),
    path("<int:pk>/", views.ChecklistDetailView.as_view(), name="checklist-detail"),
    path("<int:pk>/delete/", views.ChecklistDeleteView.as_view(), name="checklist-delete"),
    path("<int:checklist_pk>/tasks/new/", views.TaskCreateView.as_view(), name="task-create"),
    path("tasks/<int:pk>/edit/", views.TaskUpdateView.as_view(), name="task-update"),
    path("tasks/<int:pk>/done/", views.TaskStatusView.as_view(), name="task-done"),
    path("tasks/<int:pk>/reopen/", views.TaskStatusView.as_view(done=False), name="task-reopen"),
]

"""URLs of the attachments app, mounted at ``/files/``. Adding a file has one URL per kind of
record (``/files/project/12/new/``), each view knowing its record's model."""

from django.urls import path

from . import views
from .kinds import KINDS

app_name = "attachments"


def _create_view(field: str, model):
    view = type(
        f"{model.__name__}AttachmentCreateView",
        (views.AttachmentCreateView,),
        {"kind_field": field, "model": model, "__module__": views.__name__},
    )
    return view.as_view()


urlpatterns = [
    *(
        path(f"{field}/<int:pk>/new/", _create_view(field, kind.model), name=f"add-to-{field}")
        for field, kind in KINDS.items()
    ),
    path("downloads/", views.DownloadLogView.as_view(), name="download-log"),
    path("<int:pk>/", views.AttachmentDetailView.as_view(), name="attachment-detail"),
    path("<int:pk>/edit/", views.AttachmentUpdateView.as_view(), name="attachment-update"),
    path("<int:pk>/delete/", views.AttachmentDeleteView.as_view(), name="attachment-delete"),
    path("<int:pk>/versions/new/", views.VersionCreateView.as_view(), name="version-create"),
    path("versions/<int:pk>/delete/", views.VersionDeleteView.as_view(), name="version-delete"),
    path("<int:pk>/download/", views.DownloadView.as_view(), name="download"),
    path("<int:pk>/download/<int:number>/", views.DownloadView.as_view(), name="version-download"),
]

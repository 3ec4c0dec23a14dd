from django.urls import path

from . import views

app_name = "integrity"
urlpatterns = [path("", views.RegisterView.as_view(), name="register")]
for prefix, kind in (
    ("office-holders", "office-holder"),
    ("gifts-received", "gift-received"),
    ("gifts-given", "gift-given"),
    ("trips", "trip"),
):
    options = {"kind": views.KINDS[kind]}
    urlpatterns += [
        path(f"{prefix}/", views.RecordListView.as_view(**options), name=f"{kind}-list"),
        path(f"{prefix}/new/", views.RecordCreateView.as_view(**options), name=f"{kind}-create"),
        path(
            f"{prefix}/<int:pk>/",
            views.RecordDetailView.as_view(**options),
            name=f"{kind}-detail",
        ),
        path(
            f"{prefix}/<int:pk>/edit/",
            views.RecordUpdateView.as_view(**options),
            name=f"{kind}-update",
        ),
    ]

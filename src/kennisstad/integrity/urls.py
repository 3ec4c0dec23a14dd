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
    classes = views.views_for(views.KINDS[kind])
    urlpatterns += [
        path(f"{prefix}/", classes["list"].as_view(), name=f"{kind}-list"),
        path(f"{prefix}/new/", classes["create"].as_view(), name=f"{kind}-create"),
        path(f"{prefix}/<int:pk>/", classes["detail"].as_view(), name=f"{kind}-detail"),
        path(f"{prefix}/<int:pk>/edit/", classes["update"].as_view(), name=f"{kind}-update"),
    ]

"""URLs of the registrations app."""

app_name = "registrations"
urlpatterns: list = []

"""URLs of the attachments app."""

app_name = "attachments"
urlpatterns: list = []

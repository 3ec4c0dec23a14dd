"""URLs of the newsletter app."""

app_name = "newsletter"
urlpatterns: list = []

"""Pages of the grants and the finance overview per policy field."""

urlpatterns: list = []

from django.urls import path

from .home import HomeView
from .import_views import SpreadsheetImportView

app_name = "core"
urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("import/", SpreadsheetImportView.as_view(), name="import-spreadsheet"),
]

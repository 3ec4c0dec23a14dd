from django.urls import path

from .import_views import SpreadsheetImportView
from .views import HomeView

app_name = "workspace"
urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("import/", SpreadsheetImportView.as_view(), name="import-spreadsheet"),
]

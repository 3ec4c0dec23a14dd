"""Pages of the ledger: its imports and lines."""

from django.urls import path

from . import ledger_views

urlpatterns: list = [
    path("ledger/", ledger_views.LedgerLineListView.as_view(), name="ledger-lines"),
    path("ledger/imports/", ledger_views.LedgerImportListView.as_view(), name="ledger-imports"),
    path("ledger/import/", ledger_views.LedgerUploadView.as_view(), name="ledger-upload"),
]

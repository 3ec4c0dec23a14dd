"""Pages of the ledger: its imports and lines."""

urlpatterns: list = []

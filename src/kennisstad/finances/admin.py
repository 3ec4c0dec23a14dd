"""The admin shows the reference data and the imports read-only; money changes through the
import and the grant pages, never by hand in the admin."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import FinanceLine, Grant, LedgerImport, ProjectAllocation, Taakveld


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Taakveld)
class TaakveldAdmin(ReadOnlyAdmin):
    list_display = ["code", "title_nl", "title_en", "main_task"]
    search_fields = ["code", "title_nl", "title_en"]


@admin.register(LedgerImport)
class LedgerImportAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "imported_at", "imported_by", "line_count", "replaced_count"]


@admin.register(FinanceLine)
class FinanceLineAdmin(ReadOnlyAdmin):
    list_display = ["year", "kind", "policy_area", "taakveld", "direction", "amount"]
    list_filter = ["year", "kind", "direction"]
    list_select_related = ["policy_area", "taakveld"]


# Grants and allocations change through their pages and API, whose services keep the step
# rules and the version check; the admin only shows them.
@admin.register(ProjectAllocation)
class ProjectAllocationAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["project", "year", "policy_area", "taakveld", "budgeted", "spent"]
    list_filter = ["year"]


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["title_nl", "organisation", "status", "amount_granted", "accountability_due"]
    list_filter = ["status"]
    search_fields = ["title_nl", "decision_number", "organisation__name"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Project, ProjectCategory, ProjectPartner


@admin.register(ProjectCategory)
class ProjectCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name_nl", "name_en", "code"]
    search_fields = ["name_nl", "name_en", "code"]


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title_nl", "category", "status", "start_date", "end_date", "is_public"]
    list_filter = ["category", "status", "is_public", "themes"]
    search_fields = ["title_nl", "title_en", "description_nl"]
    autocomplete_fields = ["lead_organisation", "owner", "themes"]
    inlines = [ProjectPartnerInline]
    readonly_fields = ["version", "updated_at", "updated_by"]

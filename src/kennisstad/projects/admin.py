from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin, VersionedAdmin

from .models import Project, ProjectCategory


@admin.register(ProjectCategory)
class ProjectCategoryAdmin(VersionedAdmin):
    list_display = ["name_nl", "name_en", "code"]
    search_fields = ["name_nl", "name_en", "code"]


@admin.register(Project)
class ProjectAdmin(ReadOnlyRegistryAdmin):
    list_display = ["title_nl", "category", "status", "start_date", "end_date", "is_public"]
    list_filter = ["category", "status", "is_public", "themes"]
    search_fields = ["title_nl", "title_en", "description_nl"]

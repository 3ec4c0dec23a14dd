from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Interaction, MergeRecord, Organisation, Person, PersonalDataAccess, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyRegistryAdmin):
    list_display = ["name", "kind", "country", "city", "relationship_owner", "version"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "abbreviation", "city"]


@admin.register(Person)
class PersonAdmin(ReadOnlyRegistryAdmin):
    list_display = ["last_name", "first_name", "job_title", "email", "retain_until"]
    list_filter = ["lawful_basis", "preferred_language"]
    search_fields = ["first_name", "last_name", "email"]


@admin.register(Interaction)
class InteractionAdmin(ReadOnlyRegistryAdmin):
    list_display = ["happened_on", "kind", "subject", "owner", "follow_up_on"]
    list_filter = ["kind"]
    search_fields = ["subject", "notes"]


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """The access log is evidence: nobody adds, changes or deletes entries."""

    list_display = ["at", "user", "person_id", "action", "reason"]
    list_filter = ["action", "at"]
    search_fields = ["=person_id", "reason", "user__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MergeRecord)
class MergeRecordAdmin(PersonalDataAccessAdmin):
    list_display = ["at", "user", "model", "kept_id", "removed_id", "links_moved"]
    list_filter = ["model", "at"]
    search_fields = ["=kept_id", "=removed_id"]

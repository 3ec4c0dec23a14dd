from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Interaction, Organisation, Person, Tag


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

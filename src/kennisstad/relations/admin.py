from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import Interaction, Organisation, Person, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "country", "city", "relationship_owner"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "abbreviation", "city"]
    autocomplete_fields = ["tags", "relationship_owner"]
    readonly_fields = ["version", "updated_at", "updated_by"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["last_name", "first_name", "job_title", "email", "retain_until"]
    list_filter = ["lawful_basis", "preferred_language"]
    search_fields = ["first_name", "last_name", "email"]
    autocomplete_fields = ["organisations"]
    readonly_fields = ["version", "updated_at", "updated_by"]


@admin.register(Interaction)
class InteractionAdmin(SimpleHistoryAdmin):
    list_display = ["happened_on", "kind", "subject", "owner", "follow_up_on"]
    list_filter = ["kind"]
    search_fields = ["subject", "notes"]
    autocomplete_fields = ["organisations", "people", "owner"]
    readonly_fields = ["version", "updated_at", "updated_by"]

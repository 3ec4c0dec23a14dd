"""The search index: one row per searchable record, rebuilt from the record on every save."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisations")
    PERSON = "person", _("People")
    PROJECT = "project", _("Projects")
    ACTIVITY = "activity", _("Activities")


class SearchEntry(models.Model):
    """Folded text of one organisation, person, project or activity.

    ``text`` serves SQLite (LIKE on word prefixes); ``vector`` serves PostgreSQL (a GIN index,
    created by this app's migration on PostgreSQL only) and stays empty on SQLite.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=SearchKind.choices)
    object_id = models.BigIntegerField(_("record"))
    sort_key = models.CharField(_("sort key"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")
        ]
        indexes = [models.Index(fields=["kind", "sort_key"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

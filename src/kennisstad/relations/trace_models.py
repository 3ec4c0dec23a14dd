"""The index of where personal data lives (see ``traces`` and ADR 0014)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataToken(models.Model):
    """One word of one text column of one row: the word as a 64-bit hash, the kind of record
    (its content type's number) and the row's primary key. Holds no text, so it holds no name;
    what a row says is read from the row itself."""

    token = models.BigIntegerField(_("word (hashed)"))
    model = models.PositiveIntegerField(_("kind of record"))
    row = models.BigIntegerField(_("record"))

    class Meta:
        verbose_name = _("personal-data index entry")
        verbose_name_plural = _("personal-data index entries")
        indexes = [
            models.Index(fields=["token", "model", "row"], name="relations_pdt_token"),
            models.Index(fields=["model", "row"], name="relations_pdt_row"),
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.row}"

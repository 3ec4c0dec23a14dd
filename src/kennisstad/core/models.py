"""Building blocks shared by every registry model: versioning for lost-update detection,
timestamps and the last editor, and the configurable list of themes."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .i18n import translated

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser


# The years a date the municipality records can lie in: nothing it plans or registers lies
# outside, and dates outside break what is computed from them (periods, terms, notice days).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def plausible_date(value) -> None:
    """A model field validator: a date between ``EARLIEST_YEAR`` and ``LATEST_YEAR`` (a typo
    such as 0205 or 20025 is refused on the field instead of failing later)."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("Choose a date between the years %(first)s and %(last)s.")
            % {"first": EARLIEST_YEAR, "last": LATEST_YEAR}
        )


class VersionedModel(models.Model):
    """A record people edit concurrently: ``version`` rises on every save through a service."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Set by the services before a save or delete, read by django-simple-history (not fields).
    _change_reason: str
    _history_user: "AbstractBaseUser | None"

    class Meta:
        abstract = True


class Theme(VersionedModel):
    """A policy theme (Energie, Healthy Ageing, ...); the list is configured by administrators."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    history = HistoricalRecords()

    name = translated("name")

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class DemoDataset(models.Model):
    """Present when the demo scenario has been loaded, so every page can say it shows demo data."""

    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)
    scenario = models.CharField(_("scenario"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("demo dataset")
        verbose_name_plural = _("demo datasets")

    def __str__(self) -> str:
        return self.scenario


class CacheGeneration(models.Model):
    """A stamp that changes with the data cached answers are built from (``core.generations``),
    kept here when the cache lives inside each process, so every process agrees on it."""

    name = models.CharField(_("name"), max_length=40, primary_key=True)
    value = models.BigIntegerField(_("value"), default=0)
    changed_at = models.FloatField(_("changed at (seconds since 1970)"), default=0)

    class Meta:
        verbose_name = _("cache generation")
        verbose_name_plural = _("cache generations")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"

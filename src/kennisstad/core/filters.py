"""Filters shared by web lists and API: a free-text search over chosen fields, and bounded
whole numbers for ids and years, so that no value a client can type reaches the database in a
form it cannot hold (``1.5``, ``10**30``: a 400 or a form error, never a 500)."""

import datetime
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as api_filters

from .forms import SearchInput
from .text_input import whole_number

MAX_WORDS = 8
# The largest key a BigAutoField holds on every supported database (SQLite and PostgreSQL).
MAX_ID = 2**63 - 1
FIRST_YEAR, LAST_YEAR = 1, 9999  # what a Python date can hold


def id_param(value) -> int | None:
    """A record id from a query string or a stored filter, or None when it cannot be one
    (``abc``, ``1.5``, a NUL byte, more digits than a key holds)."""
    number = whole_number(value)
    return number if number is not None and 1 <= number <= MAX_ID else None


def datetime_param(
    value, *, first_year: int = FIRST_YEAR + 1, last_year: int = LAST_YEAR - 1
) -> datetime.datetime | None:
    """An ISO date-time from a query string (``+`` may arrive as a space), time-zone aware, or
    None when it is none or outside [first_year, last_year]: ``2020-13-45T00:00`` makes
    Django's parser raise, and a year at the edge of the calendar overflows as soon as a time
    zone or a day is added. A caller that does date arithmetic passes the bounds its own
    dates keep (the calendar: the years its activities may have)."""
    try:
        parsed = parse_datetime(str(value or "").replace(" ", "+"))
    except ValueError:
        return None
    first_year, last_year = max(first_year, FIRST_YEAR + 1), min(last_year, LAST_YEAR - 1)
    if parsed is None or not first_year <= parsed.year <= last_year:
        return None
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class IdFilter(django_filters.NumberFilter):
    """``?indicator=12``: a record id; anything else is a validation error (400 in the API,
    a form error on a page), not a crash in the database driver."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    """``?year=2018``: a whole year a date can hold."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


def every_word_matches(fields, text: str) -> Q:
    """Every word of ``text`` occurs (case-insensitive) in one of ``fields``: "jan de vries"
    finds Jan de Vries. Shared by the list filters and the chooser's suggestions."""
    condition = Q()
    for word in (text or "").split()[:MAX_WORDS]:
        condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return condition


class SearchFilter(django_filters.CharFilter):
    """``?q=`` matches any of ``fields`` (case-insensitive), every word must match somewhere."""

    def __init__(self, *, fields: list[str], **kwargs):
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("widget", SearchInput())
        super().__init__(**kwargs)
        self.search_fields = fields

    def filter(self, queryset, value):
        if not (value or "").split():
            return queryset
        return queryset.filter(every_word_matches(self.search_fields, value)).distinct()


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number within what a database key holds; django-filter's own NumberFilter takes
    any decimal (``1e30``), which SQLite cannot bind and PostgreSQL compares as text."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", -MAX_ID)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


_BOUNDED_NUMBERS = {
    field: {"filter_class": WholeNumberFilter}
    for field in (
        models.AutoField,
        models.BigAutoField,
        models.SmallAutoField,
        models.IntegerField,
        models.BigIntegerField,
        models.SmallIntegerField,
        models.PositiveIntegerField,
        models.PositiveBigIntegerField,
        models.PositiveSmallIntegerField,
    )
}


class FilterSet(django_filters.FilterSet):
    """Every list's FilterSet: filters generated from integer fields are bounded whole numbers."""

    FILTER_DEFAULTS = {**django_filters.FilterSet.FILTER_DEFAULTS, **_BOUNDED_NUMBERS}


class ApiFilterSet(api_filters.FilterSet):
    """The same for the API's ``filterset_fields`` (the REST flavour reads ``true``/``false``)."""

    FILTER_DEFAULTS = {**api_filters.FilterSet.FILTER_DEFAULTS, **_BOUNDED_NUMBERS}


class FilterBackend(api_filters.DjangoFilterBackend):
    """DjangoFilterBackend whose generated FilterSets bound their numbers (REST_FRAMEWORK)."""

    filterset_base = ApiFilterSet

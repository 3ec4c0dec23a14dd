"""Filters shared by web lists and API: a free-text search over chosen fields."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .forms import SearchInput

MAX_WORDS = 8


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

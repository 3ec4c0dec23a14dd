"""Filters shared by web lists and API: a free-text search over chosen fields."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .forms import SearchInput


class SearchFilter(django_filters.CharFilter):
    """``?q=`` matches any of ``fields`` (case-insensitive), every word must match somewhere."""

    def __init__(self, *, fields: list[str], **kwargs):
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("widget", SearchInput())
        super().__init__(**kwargs)
        self.search_fields = fields

    def filter(self, queryset, value):
        for word in (value or "").split():
            queryset = queryset.filter(
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.search_fields))
            )
        return queryset.distinct() if value else queryset

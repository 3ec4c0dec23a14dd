"""Query helpers for reads over many rows."""

from django.db import connections
from django.db.models import QuerySet


def raw_rows(queryset: QuerySet) -> list[tuple]:
    """Run a ``values_list`` query without the ORM's per-value converters: tens of thousands of
    ids and dates come back as the database gives them (a date may be ISO text on SQLite)."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()

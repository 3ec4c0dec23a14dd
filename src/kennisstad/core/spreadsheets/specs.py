"""How an app describes one kind of record in a spreadsheet (``ImportSpec``), and what its
``build`` gets (a ``RowReader`` over one row's cells) and returns (a ``RowResult``)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from ..exports import Column
from .cells import CellError, text


@dataclass
class RowResult:
    """What one row becomes: a new or changed (unsaved) record and its many-to-many values;
    ``before`` holds a stored record's fields as they were, to tell "unchanged" apart."""

    instance: models.Model
    many_to_many: dict = field(default_factory=dict)
    before: dict | None = None
    row: int = 0  # the row number as the spreadsheet shows it


def fields_of(instance: models.Model) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@dataclass
class ImportSpec:
    """How one kind of record is read from a row. ``build`` gets the parsed cells by column key
    and returns the (new or existing, changed) record; it raises ``CellError`` via ``cell``."""

    kind: str
    label: object
    columns: list[Column]
    build: Callable[[dict, "RowReader"], RowResult]
    save: Callable[..., models.Model]  # (instance=, many_to_many=, user=, expected_version=)
    natural_key: Callable[[dict], tuple]
    field_columns: dict[str, str] = field(default_factory=dict)  # model field -> column key
    # Inserts all new records of a file at once, with their audit trail (results=, user=);
    # without it every new record is saved on its own.
    bulk_create: Callable[..., None] | None = None


class RowReader:
    """Cells of one row by column key; ``cell`` converts one and records its error under the
    column's header as the file names it. ``errors`` holds (header or None, message)."""

    def __init__(self, values: dict, headers: dict):
        self.values = values
        self.headers = headers
        self.errors: list[tuple[str | None, str]] = []

    def present(self, key) -> bool:
        return key in self.values

    def cell(self, key, convert=text, *args, default=None):
        if key not in self.values:
            return default
        try:
            return convert(self.values[key], *args)
        except CellError as exc:
            self.errors.append((self.headers.get(key, key), str(exc)))
            return default

"""Which column of a ledger export holds which field: a small mapping with Dutch and English
defaults, which a municipality extends once in the setting ``KENNISSTAD_LEDGER_COLUMNS`` and a
single import with its own mapping (a JSON file or field).

A mapping is a JSON object from a field to the header (or list of headers) its ledger prints,
e.g. ``{"policy_field": "Beleidsproduct", "amount": ["Saldo", "Bedrag EUR"]}``. Headers are
compared without case, spaces or punctuation ("Kosten-plaats" is "kostenplaats"). The mapping
given with an import wins over the setting, which wins over the defaults.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from kennisstad.core.imports import ImportProblem, ImportRefused
from kennisstad.core.text_fold import header_key

FIELDS = (
    "year",
    "kind",
    "estimated_in",
    "amendment",
    "ledger_account",
    "cost_centre",
    "taakveld",
    "policy_field",
    "direction",
    "amount",
    "description",
)
REQUIRED = ("year", "kind", "taakveld", "policy_field", "amount")
DEFAULT_ALIASES: dict[str, tuple[str, ...]] = {
    "year": ("jaar", "boekjaar", "year", "fiscal year"),
    "kind": ("soort", "kolom", "kind", "type", "soort regel"),
    "estimated_in": ("geraamd in", "begrotingsjaar", "estimated in", "raming uit"),
    "amendment": ("begrotingswijziging", "bw", "amendment", "wijziging", "wijzigingsnummer"),
    "ledger_account": ("grootboekrekening", "grootboek", "ledger account", "account"),
    "cost_centre": ("kostenplaats", "cost centre", "cost center"),
    "taakveld": ("taakveld", "iv3 taakveld", "iv3", "task field"),
    "policy_field": ("beleidsveld", "policy field", "beleidsveldcode"),
    "direction": ("lasten/baten", "l/b", "direction", "lasten of baten", "debet/credit"),
    "amount": ("bedrag", "amount", "bedrag eur", "amount eur"),
    "description": ("omschrijving", "description", "toelichting"),
}


@dataclass
class ColumnMap:
    """Where each field is in the file (column index) and how the file names it."""

    index: dict[str, int]
    headers: dict[str, str]
    ignored: list[str] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return name in self.index


MAX_MAPPING_LENGTH = 20_000


def parse_mapping(value: object, *, source: str) -> dict[str, tuple[str, ...]]:
    """A mapping from JSON text or an already-parsed object; raises ``ImportRefused`` naming
    ``source`` (the setting, the file) when it is not one."""
    if isinstance(value, bytes | str):
        if not str(value if isinstance(value, str) else value.decode("utf-8", "replace")).strip():
            return {}
        if len(value) > MAX_MAPPING_LENGTH:  # a mapping names a dozen columns
            raise ImportRefused(
                _("%(source)s is longer than %(size)s characters.")
                % {"source": source, "size": MAX_MAPPING_LENGTH}
            )
        try:
            value = json.loads(value)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested thousands deep
            raise ImportRefused(
                _("%(source)s is not valid JSON: %(problem)s") % {"source": source, "problem": exc}
            ) from exc
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ImportRefused(
            _("%(source)s must be a JSON object from field to column name.") % {"source": source}
        )
    mapping: dict[str, tuple[str, ...]] = {}
    for name, headers in value.items():
        if name not in FIELDS:
            raise ImportRefused(
                _("%(source)s names an unknown field “%(name)s” (known: %(known)s).")
                % {"source": source, "name": name, "known": ", ".join(FIELDS)}
            )
        names = [headers] if isinstance(headers, str) else headers
        if not isinstance(names, list) or not all(isinstance(h, str) and h for h in names):
            raise ImportRefused(
                _("%(source)s: “%(name)s” must be a column name or a list of them.")
                % {"source": source, "name": name}
            )
        mapping[name] = tuple(names)
    return mapping


def configured_aliases(
    mapping: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Mapping[str, tuple[str, ...]]]:
    """The aliases by priority: this import's mapping, the setting, the defaults."""
    setting = parse_mapping(
        getattr(settings, "KENNISSTAD_LEDGER_COLUMNS", None) or {},
        source="KENNISSTAD_LEDGER_COLUMNS",
    )
    return [dict(mapping or {}), setting, DEFAULT_ALIASES]


def map_columns(
    headers: list[str], mapping: Mapping[str, tuple[str, ...]] | None = None
) -> ColumnMap:
    """Find each field's column; raises ``ImportRefused`` when a required one is missing or
    one field is found in two columns."""
    keys = [header_key(header) for header in headers]
    index: dict[str, int] = {}
    for layer in configured_aliases(mapping):
        for name, aliases in layer.items():
            if name in index:
                continue
            wanted = {header_key(alias) for alias in aliases}
            found = [i for i, key in enumerate(keys) if key and key in wanted]
            found = [i for i in found if i not in index.values()]
            if len(found) > 1:
                raise ImportRefused(
                    ImportProblem(
                        _("both “%(one)s” and “%(other)s” could be the column for %(field)s")
                        % {"one": headers[found[0]], "other": headers[found[1]], "field": name},
                        row=1,
                    )
                )
            if found:
                index[name] = found[0]
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        raise ImportRefused(
            ImportProblem(
                _("required column missing: %(names)s (give a mapping if it has another name)")
                % {"names": ", ".join(missing)},
                row=1,
            )
        )
    ignored = [h for i, h in enumerate(headers) if h and i not in index.values()]
    return ColumnMap(
        index=index, headers={name: headers[i] for name, i in index.items()}, ignored=ignored
    )

"""Reading one cell: text, a list, a date, a number, yes/no, a choice, a country, a record by
name. Each raises ``CellError`` with a message for the person who typed the value."""

import datetime
import decimal
import functools

from django.db import models
from django.utils.translation import gettext as _

from ..text_fold import fold


class CellError(ValueError):
    """A cell's value cannot be used; the message says why, for the person who typed it."""


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return str(value).strip()


def many(value) -> list[str]:
    """A list in one cell, separated by semicolons (or line breaks)."""
    return [part.strip() for part in text(value).replace("\n", ";").split(";") if part.strip()]


def date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a date (use 2030-12-31 or 31-12-2030)") % {"value": raw})


def number(value) -> decimal.Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):  # a yes/no cell; bool is an int to Python
        raise CellError(_("“%(value)s” is not a number") % {"value": text(value)})
    if isinstance(value, int | float | decimal.Decimal):
        raw = str(value)
    else:
        raw = text(value).replace("€", "").replace(" ", "")
        if "," in raw:  # Dutch notation: 1.250,50
            raw = raw.replace(".", "").replace(",", ".")
    try:
        parsed = decimal.Decimal(raw)
    except decimal.InvalidOperation as exc:
        raise CellError(_("“%(value)s” is not a number") % {"value": text(value)}) from exc
    if not parsed.is_finite():  # NaN and infinity are no amounts
        raise CellError(_("“%(value)s” is not a number") % {"value": text(value)})
    return parsed


def boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    raw = fold(text(value))
    if raw in ("", "nee", "no", "n", "false", "onwaar", "0"):
        return False
    if raw in ("ja", "yes", "j", "y", "true", "waar", "1", "x"):
        return True
    raise CellError(_("“%(value)s” is not yes or no (ja/nee)") % {"value": text(value)})


def choice(value, choices) -> str:
    """A choice by its stored value or its label in Dutch or English."""
    raw = fold(text(value))
    if not raw:
        return ""
    lookup = _choice_lookup(tuple(choices))
    if raw in lookup:
        return lookup[raw]
    allowed = ", ".join(str(label) for _stored, label in choices)
    raise CellError(
        _("“%(value)s” is not one of: %(allowed)s") % {"value": text(value), "allowed": allowed}
    )


@functools.lru_cache(maxsize=64)
def _choice_lookup(choices: tuple) -> dict[str, str]:
    """Every folded way to write each choice (stored value, Dutch label, English label), the
    first choice winning as before: made once per set of choices, not twice a language per
    cell (a lazy label hashes by its text, so equal choices share one lookup)."""
    from django.utils import translation

    lookup: dict[str, str] = {}
    for stored, label in choices:
        lookup.setdefault(fold(str(stored)), stored)
        for language in ("nl", "en"):
            with translation.override(language):
                lookup.setdefault(fold(str(label)), stored)
    return lookup


def country(value) -> str:
    """An ISO code (NL, NLD) or a Dutch or English country name."""
    return _country(text(value))


@functools.lru_cache(maxsize=1024)
def _country(raw: str) -> str:
    """Looking a name up goes through every country's name in two languages: an import of
    thousands of rows names the same few countries, so each is looked up once."""
    from django_countries import countries

    if not raw:
        return ""
    code = countries.alpha2(raw.upper()) if len(raw) <= 3 else ""
    for language in ("nl", "en"):
        code = code or countries.by_name(raw, language=language)
    if not code:
        raise CellError(_("unknown country “%(value)s”") % {"value": raw})
    return code


def by_name(model: type[models.Model], field_name: str, value: str, noun: str):
    found = list(model._default_manager.filter(**{f"{field_name}__iexact": value})[:2])
    if not found:
        raise CellError(_("unknown %(noun)s “%(value)s”") % {"noun": noun, "value": value})
    if len(found) > 1:
        raise CellError(
            _("more than one %(noun)s is called “%(value)s”") % {"noun": noun, "value": value}
        )
    return found[0]

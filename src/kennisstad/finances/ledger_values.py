"""Reading one cell of a ledger export: an amount in Dutch or plain notation, a year, a kind
of line, lasten or baten. Each raises ``ValueError`` with a message for the person who made
the file.

Amounts: ``1.234,56``, ``-1.234``, ``€ 1.234,56``, ``(1.234,56)`` (negative), ``1234.56``,
``1,234.56``. With both separators the last one is the decimal separator and the other must
group by threes (``12.34,56`` is refused); with only a comma it is a decimal comma unless the
number is grouped like ``1,234,567``, and ``10,000`` (one comma, three digits) is refused as
ambiguous: ten thousand in English, ten in Dutch; with only a point it
is a thousands point when the number is grouped like ``1.234`` or ``1.234.567`` (a Dutch
ledger prints whole euros that way), else a decimal point (``1234.5``). Amounts are exact
euros: more than two decimals is refused, a workbook's floating-point number is rounded to
the cent it stands for.
"""

import datetime
import functools
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from kennisstad.core.text_fold import header_key

from .models import Direction, LineKind

CENT = Decimal("0.01")
LARGEST = Decimal("9999999999999.99")  # the model's 15 digits, 2 of them decimals
GROUPED_POINTS = re.compile(r"\d{1,3}(\.\d{3})+")
GROUPED_COMMAS = re.compile(r"\d{1,3}(,\d{3}){2,}")
PLAIN = re.compile(r"\d+(\.\d+)?")
DUTCH_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+,\d+")
ENGLISH_GROUPED = re.compile(r"\d{1,3}(,\d{3})+\.\d+")
AMBIGUOUS_COMMA = re.compile(r"\d{1,3},\d{3}")

KINDS = {
    LineKind.REALISED: ("rekening", "realisatie", "werkelijk", "actual", "actuals", "realised"),
    LineKind.ORIGINAL_BUDGET: (
        "primitief",
        "begroting primitief",
        "primitieve begroting",
        "begroting",
        "original",
        "original budget",
    ),
    LineKind.AMENDMENT: ("wijziging", "begrotingswijziging", "bw", "amendment"),
    LineKind.ESTIMATE: ("raming", "meerjarenraming", "estimate", "multi-year estimate"),
}
DIRECTIONS = {
    Direction.EXPENSES: ("lasten", "l", "expenses", "expense", "debet", "debit", "d"),
    Direction.INCOME: ("baten", "b", "income", "revenue", "credit", "c"),
}
_KIND_WORDS = {header_key(word): kind for kind, words in KINDS.items() for word in words}
_DIRECTION_WORDS = {header_key(word): d for d, words in DIRECTIONS.items() for word in words}


def _not_an_amount(raw: object) -> ValueError:
    return ValueError(_("“%(value)s” is not an amount") % {"value": raw})


def _plain(text: str, raw: str) -> str:
    """The number in ``text`` with a point as the decimal separator and no grouping."""
    if "," in text and "." in text:
        if DUTCH_GROUPED.fullmatch(text):
            return text.replace(".", "").replace(",", ".")
        if ENGLISH_GROUPED.fullmatch(text):
            return text.replace(",", "")
        raise _not_an_amount(raw)
    if AMBIGUOUS_COMMA.fullmatch(text):
        raise ValueError(
            _(
                "“%(value)s” is ambiguous: a thousands comma or a decimal comma? "
                "Write %(whole)s, %(dutch)s or %(whole)s,00"
            )
            % {"value": raw, "whole": text.replace(",", ""), "dutch": text.replace(",", ".")}
        )
    if "," in text:
        return text.replace(",", "") if GROUPED_COMMAS.fullmatch(text) else text.replace(",", ".")
    if "." in text and GROUPED_POINTS.fullmatch(text):
        return text.replace(".", "")
    return text


def parse_amount(value: object) -> Decimal:
    """An amount in euros, to the cent."""
    if isinstance(value, bool) or value is None:
        raise _not_an_amount(value)
    if isinstance(value, int | float | Decimal):
        try:
            amount = Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation as exc:
            raise _not_an_amount(value) from exc
        return _within_range(amount, value)
    raw = str(value).strip()
    text = raw.replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if text.endswith("-"):  # 1.234,56- as some ledgers print a credit
        negative, text = not negative, text[:-1]
    plain = _plain(text, raw)
    if not PLAIN.fullmatch(plain):
        raise _not_an_amount(raw)
    amount = Decimal(plain)
    if amount != amount.quantize(CENT):
        raise ValueError(_("“%(value)s” has more than two decimals") % {"value": raw})
    return _within_range(-amount if negative else amount, raw)


def _within_range(amount: Decimal, raw: object) -> Decimal:
    if not amount.is_finite() or abs(amount) > LARGEST:
        raise _not_an_amount(raw)
    return amount.quantize(CENT)


def parse_year(value: object) -> int:
    """A year such as 2018 (a workbook's 2018.0 and a date's year too)."""
    if isinstance(value, datetime.date):
        return value.year
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError(_("the year is missing"))
    if not text.isdigit() or not 1900 <= int(text) <= 2100:
        raise ValueError(_("“%(value)s” is not a year") % {"value": text})
    return int(text)


def parse_kind(value: object) -> str:
    return _kind(str(value or "").strip())


@functools.lru_cache(maxsize=256)  # a file spells its kinds the same way on every row
def _kind(value: str) -> str:
    kind = _KIND_WORDS.get(header_key(value))
    if kind is None:
        raise ValueError(
            _("“%(value)s” is not a kind of line (rekening, primitief, wijziging or raming)")
            % {"value": value or ""}
        )
    return kind


def parse_direction(value: object) -> str:
    return _direction(str(value or "").strip())


@functools.lru_cache(maxsize=256)
def _direction(value: str) -> str:
    direction = _DIRECTION_WORDS.get(header_key(value))
    if direction is None:
        raise ValueError(
            _("“%(value)s” is neither lasten nor baten (L/B, expenses/income)") % {"value": value}
        )
    return direction


def code_of(value: object) -> str:
    """A taakveld or policy-field code: a workbook number such as 0.1 lost the code's trailing
    zero (0.10 Bestuur became 0.1), so only a whole number (a programme code 2) is taken."""
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(
            _("“%(value)s” is a number, not a code: type the code as text, e.g. '0.10'")
            % {"value": value}
        )
    return text_of(value)


def text_of(value: object) -> str:
    """A code or description cell as text: a workbook's 4100.0 is ``4100``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

"""Numbers as the Dutch budget writes them: decimal comma, thousands point, comparators
(``> 5``, ``≥ 80%``), ranges (``10–12``) and a dash where there is no value; and back again."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DASH = "-"
DASHES = {"-", "–", "—", "‑"}
COMPARATORS = {
    ">=": "≥",
    "=>": "≥",
    "<=": "≤",
    "=<": "≤",
    ">": ">",
    "<": "<",
    "=": "=",
    "≥": "≥",
    "≤": "≤",
}
TEXT_VALUES = {
    "ntb",
    "n.t.b.",
    "nvt",
    "n.v.t.",
    "nb",
    "n.b.",
    "nnb",
    "n.n.b.",
    "pm",
    "p.m.",
    # trends printed instead of a number
    "stijgend",
    "dalend",
    "gelijk",
    "stabiel",
}
_NUMBER = r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:,\d+)?"
_NUMBER_RE = re.compile(rf"^({_NUMBER})\s*(%?)$")
_COMPARED_RE = re.compile(rf"^(>=|=>|<=|=<|≥|≤|>|<|=)\s*({_NUMBER})\s*(%?)$")
# "10-12", "10 – 12", "65 tot 70 %", "65% tot 70%"
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*(%?)\s*(?:[-–—]|\btot\b)\s*({_NUMBER})\s*(%?)$")
_TOP_RE = re.compile(r"^top\s*\d+$", re.IGNORECASE)


# What a target or realisation stores: DecimalField(max_digits=14, decimal_places=4).
MAX_WHOLE_DIGITS, MAX_DECIMAL_PLACES = 10, 4


class UnreadableValue(ValueError):
    """A cell that is neither a dash, a number, a target nor a known text value."""


class ValueOutOfRange(UnreadableValue):
    """A number the registry cannot store: too many digits before or after the comma."""


@dataclass(frozen=True)
class ParsedValue:
    text: str  # as written, normalised spaces
    comparator: str | None  # ">", "≥", "=", "≤", "<", "range", "text" or None for a plain value
    value: Decimal | None
    value_high: Decimal | None = None
    percentage: bool = False

    @property
    def is_dash(self) -> bool:
        return self.text in DASHES


def clean_cell(text: str) -> str:
    """Non-breaking and repeated spaces become one space; the ends are stripped."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def parse_number(text: str) -> Decimal:
    """``1.250`` is one thousand two hundred and fifty, ``12,5`` twelve and a half."""
    normalised = text.replace(".", "").replace(",", ".")
    try:
        return _storable(Decimal(normalised), text)
    except InvalidOperation as exc:
        raise UnreadableValue(text) from exc


def _storable(number: Decimal, text: str) -> Decimal:
    """``number`` when a value field holds it (``12,50000`` is 12,5), else ValueOutOfRange:
    the database would refuse it on save, far from the line that holds it."""
    _, digits, exponent = number.normalize().as_tuple()
    decimals = max(0, -exponent)
    whole = len(digits) + exponent if exponent >= 0 else max(0, len(digits) - decimals)
    if whole > MAX_WHOLE_DIGITS or decimals > MAX_DECIMAL_PLACES:
        raise ValueOutOfRange(text)
    if -number.as_tuple().exponent <= MAX_DECIMAL_PLACES:
        return number
    return number.quantize(Decimal(1).scaleb(-decimals))


def parse_value(raw: str) -> ParsedValue:
    """Parse a table cell. Raises ``UnreadableValue`` for anything a budget would not print."""
    text = clean_cell(raw)
    if text in DASHES:
        return ParsedValue(text=DASH, comparator=None, value=None)
    if match := _NUMBER_RE.match(text):
        return ParsedValue(text, None, parse_number(match[1]), percentage=bool(match[2]))
    if match := _COMPARED_RE.match(text):
        comparator = COMPARATORS[match[1]]
        return ParsedValue(text, comparator, parse_number(match[2]), percentage=bool(match[3]))
    if match := _RANGE_RE.match(text):
        low, high = parse_number(match[1]), parse_number(match[3])
        if high < low:
            raise UnreadableValue(text)
        return ParsedValue(text, "range", low, high, percentage=bool(match[2] or match[4]))
    if text.lower() in TEXT_VALUES or _TOP_RE.match(text):
        top = re.search(r"\d+", text)
        return ParsedValue(text, "text", _storable(Decimal(top[0]), text) if top else None)
    raise UnreadableValue(text)


def looks_like_value(raw: str) -> bool:
    try:
        parse_value(raw)
    except UnreadableValue:
        return False
    return True


def format_number(
    value: Decimal | int | None, *, decimals: int = 0, percentage: bool = False
) -> str:
    """Dutch notation: ``1.250``, ``12,5%``; a dash for no value."""
    if value is None:
        return DASH
    quantised = (
        Decimal(value).quantize(Decimal(1).scaleb(-decimals)) if decimals else round(Decimal(value))
    )
    sign = "-" if quantised < 0 else ""
    whole, _, fraction = f"{abs(quantised):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + ".".join(groups)
    if decimals:
        text += "," + fraction[:decimals].ljust(decimals, "0")
    return text + ("%" if percentage else "")


def format_target(target) -> str:
    """``> 5``, ``≥ 80%``, ``10–12``: how the chapter writes a target."""
    percentage = target.indicator.unit == "percentage" if target.indicator_id else False
    decimals = target.indicator.decimals if target.indicator_id else 0
    if target.comparator == "text":
        return target.display_text or DASH
    value = format_number(target.value, decimals=decimals, percentage=percentage)
    if target.comparator == "range":
        low = format_number(target.value, decimals=decimals)
        high = format_number(target.value_high, decimals=decimals, percentage=percentage)
        return f"{low}–{high}"
    if target.comparator == "=":
        return value
    return f"{target.comparator} {value}"


def format_realisation(indicator, realisation) -> str:
    """An achieved value as the budget prints it: its text (Top 8), the number in Dutch
    notation with the indicator's decimals and unit, or a dash."""
    if realisation is None or (realisation.value is None and not realisation.display_text):
        return DASH
    return realisation.display_text or format_number(
        realisation.value, decimals=indicator.decimals, percentage=indicator.unit == "percentage"
    )

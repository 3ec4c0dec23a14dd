"""An indicator's name as a table prints it: a row number in front ("1.", "2)") and a
footnote mark after it ("Aantal bezoekers*", "Aantal bezoekers¹", "Aantal bezoekers (1)")
are set apart; the name keeps its words as printed."""

import re

# "1. Aantal ...", "2) Aantal ...", "3a. Aantal ...": a row number printed with the name.
NUMBERED_NAME_RE = re.compile(r"^(\d{1,3}[a-z]?)[.)]\s+(\S.*)$")
# A row-number cell on its own: "1", "2.", "3a".
ROW_NUMBER_RE = re.compile(r"^\d{1,3}[a-z]?[.)]?$")
NAME_MARK_RE = re.compile(r"^(.*?\S)\s*(\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\))$")


def split_name_mark(name: str) -> tuple[str, str]:
    """(name, footnote mark) of a printed name."""
    if match := NAME_MARK_RE.match(name):
        return match[1], match[2]
    return name, ""

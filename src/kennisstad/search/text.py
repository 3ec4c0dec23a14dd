"""One normalisation for indexed text and queries, so both backends see the same words.

Text is folded to lower case without accents ("Universität" becomes "universitat") and cut into
runs of letters and digits; everything else separates words. The words are stored space-separated
with a space at both ends: SQLite finds a word prefix with ``LIKE '% word%'`` and PostgreSQL's
parser, given only such words, produces exactly these lexemes under the 'simple' configuration.
"""

import re
import unicodedata

MAX_QUERY_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


def fold(value: str) -> str:
    """Lower case, accents removed (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(value: str) -> list[str]:
    return _WORD.findall(fold(value))


def index_text(*parts: str) -> str:
    """The stored form: ``" word word … "``; an empty record is a single space."""
    return " " + " ".join(word for part in parts if part for word in words(str(part))) + " "


def query_words(query: str) -> list[str]:
    """The distinct words of a query, in order, at most ``MAX_QUERY_WORDS``."""
    unique = list(dict.fromkeys(words(query)))
    return unique[:MAX_QUERY_WORDS]

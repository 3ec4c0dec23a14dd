"""Folding text for comparisons people expect to be loose: case, accents and punctuation."""

import unicodedata


def fold(value: str) -> str:
    """Lower case without accents: "Universität" and "UNIVERSITAT" compare equal."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def header_key(value: str) -> str:
    """A column header reduced to letters and digits: "E-mail", "e mail" and "Email" agree."""
    return "".join(ch for ch in fold(str(value)) if ch.isalnum())

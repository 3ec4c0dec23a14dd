"""Dutch is complete: every interface string has a Dutch translation, and the compiled catalogue
(committed, so a fresh machine needs no gettext tools) matches its source (``make messages``)."""

import ast
import gettext
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def po_entries(path: Path) -> list[dict]:
    entries, current, field = [], None, None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if current and "msgid" in current:
                entries.append(current)
            current, field = None, None
            continue
        current = current if current is not None else {"flags": ""}
        if line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr ", "msgstr[")):
            field, _, value = line.partition(" ")
            current[field] = ast.literal_eval(value)
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
    return entries


def test_every_dutch_string_is_translated_and_not_fuzzy():
    entries = [e for e in po_entries(LOCALE / "nl/LC_MESSAGES/django.po") if e["msgid"]]
    assert len(entries) > 250

    def translated(entry: dict) -> bool:
        if "msgid_plural" in entry:
            return bool(entry.get("msgstr[0]") and entry.get("msgstr[1]"))
        return bool(entry.get("msgstr"))

    untranslated = [entry["msgid"] for entry in entries if not translated(entry)]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == [], "Untranslated Dutch strings"
    assert fuzzy == [], "Fuzzy Dutch strings: review them and run `make messages`"


def test_compiled_catalogue_matches_the_source():
    catalogue = gettext.GNUTranslations((LOCALE / "nl/LC_MESSAGES/django.mo").open("rb"))
    stale = []
    for entry in po_entries(LOCALE / "nl/LC_MESSAGES/django.po"):
        if not entry["msgid"] or "msgstr" not in entry:
            continue
        if "msgctxt" in entry:
            translated = catalogue.pgettext(entry["msgctxt"], entry["msgid"])
        else:
            translated = catalogue.gettext(entry["msgid"])
        if translated != entry["msgstr"]:
            stale.append(entry["msgid"])
    assert stale == [], "django.mo is older than django.po: run `make messages`"

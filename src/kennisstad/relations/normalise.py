"""Comparison keys for finding duplicates: two records with the same key are likely the same.

The keys are stored in indexed columns (set on every save), so finding duplicates is a GROUP BY
over an index instead of comparing every pair. Pure functions: the migration that fills the
columns for existing rows uses them too.
"""

import re
import unicodedata
from urllib.parse import urlsplit

# Legal forms dropped from the end of a name ("Philips N.V.", "Siemens GmbH & Co. KG").
LEGAL_FORMS = {
    "bv",
    "nv",
    "vof",
    "cv",
    "gmbh",
    "ag",
    "kg",
    "ev",
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "plc",
    "sa",
    "sarl",
    "sas",
    "srl",
    "spa",
    "ab",
    "oy",
    "co",
    "corp",
    "corporation",
    "company",
}
# Legal forms in front ("Stichting Noorderpoort") and words that only join others.
LEADING_FORMS = {"stichting", "vereniging", "the"}
FILLER_WORDS = {"of", "the", "de", "der", "van", "het", "and", "en", "und", "et", "fur", "for"}
# "Universiteit", "Universität", "Université", ... all count as "university".
WORD_VARIANTS = {
    "universiteit": "university",
    "universitat": "university",
    "universite": "university",
    "universidad": "university",
    "universita": "university",
    "universitet": "university",
    "uniwersytet": "university",
    "hogeschool": "university of applied sciences",
    "hochschule": "university of applied sciences",
    "gemeente": "municipality",
    "stadt": "city",
    "ville": "city",
}
# Websites many unrelated organisations share; a shared one says nothing.
SHARED_HOSTS = {
    "linkedin.com",
    "facebook.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "youtube.com",
    "google.com",
    "sites.google.com",
    "wordpress.com",
    "github.io",
}
TITLES = {"dr", "prof", "ir", "ing", "mr", "drs", "mw", "dhr", "mrs", "ms", "mx"}


def _plain_words(text: str) -> list[str]:
    """Lower case, accents off, dots joined ("B.V." -> "bv"), other punctuation splits words."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower().replace("ß", "ss").replace("&", " and ")
    text = text.replace(".", "")
    return re.findall(r"[a-z0-9]+", text)


def organisation_name_key(name: str) -> str:
    """Words sorted, legal forms, fillers and language variants folded: "Rijksuniversiteit"
    stays itself, but "Universiteit Twente" and "University of Twente" meet."""
    words = _plain_words(name)
    while words and words[-1] in LEGAL_FORMS and len(words) > 1:
        words.pop()
    while words and words[0] in LEADING_FORMS and len(words) > 1:
        words.pop(0)
    folded = []
    for word in words:
        folded.extend(WORD_VARIANTS.get(word, word).split())
    kept = [word for word in folded if word not in FILLER_WORDS] or folded
    return " ".join(sorted(kept))[:200]


def website_domain(website: str) -> str:
    """The host of a website without "www." and port; empty for shared platforms."""
    website = (website or "").strip().lower()
    if not website:
        return ""
    if "//" not in website:
        website = "//" + website
    try:
        host = urlsplit(website).hostname or ""
    except ValueError:
        return ""
    host = host.removeprefix("www.").rstrip(".")
    if not host or host in SHARED_HOSTS or any(host.endswith("." + s) for s in SHARED_HOSTS):
        return ""
    return host[:200]


def person_name_key(first_name: str, last_name: str) -> str:
    """First and last name as sorted words without titles: "Jansen, Jan" meets "Jan Jansen"."""
    words = [word for word in _plain_words(f"{first_name} {last_name}") if word not in TITLES]
    return " ".join(sorted(words))[:200]


def email_key(email: str) -> str:
    return (email or "").strip().lower()[:254]

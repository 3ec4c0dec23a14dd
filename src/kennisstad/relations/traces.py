"""The index of where personal data lives: which rows of which tables contain which words.

Erasure looks a person's name, addresses and telephone number up here instead of scanning every
text column of every table (ADR 0014). Every text column the scrub rewrites is indexed (the same
set: every model, history and many-to-many tables included), as hashed words:

- a word is a run of letters or digits (``\\w``) of at least two characters, after NFKC and
  case folding (so ``É`` and ``é``, ``ß`` and ``ss`` are one word: a superset of what the
  case-insensitive match of the scrub finds); an email address is also one word as a whole;
- a needle (a text to find) is found through one of its words: the email address if it has one,
  otherwise the rarest of its three longest words. A needle is matched on whole words: the
  name "Jan Jansen" is not looked for inside "Jan Jansens" (the scan did that).

The index is maintained on write, in the writing transaction: ``post_save`` (every save,
historical rows of django-simple-history included), and for the writes that send no signal,
``QuerySet.bulk_create`` and ``QuerySet.update`` (so ``bulk_update``, ``bulk_create_with_history``
and every ``.update()`` of a text column) reindex the rows they wrote, wherever they are called.
Raw SQL must call ``reindex_rows``; a data migration that writes text runs
``reindex-personal-data``. Deleted rows are not removed from it (that would cost every delete a
read): their entries are dropped when a lookup finds them, or by a rebuild.
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction

from .trace_models import PersonalDataToken

MIN_TEXT_LENGTH = 5  # a column shorter than the shortest needle cannot hold one
CHUNK = 2000
LOOKUP_CHUNK = 400  # words per look-up query: under SQLite's 500 terms of a compound SELECT
COUNT_CAP = 200
WORD = re.compile(r"\w{2,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Tables that never hold a contact's data, or hold other people's identity (team members'
# accounts: a colleague with the same address keeps it).
SKIPPED_MODELS = {
    settings.AUTH_USER_MODEL.lower(),
    "auth.permission",
    "auth.group",
    "contenttypes.contenttype",
    "sessions.session",
    "relations.personaldatatoken",
}

_fields: dict[type[models.Model], list[str]] = {}


def text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.primary_key
        and not field.choices
        and (field.max_length is None or field.max_length >= MIN_TEXT_LENGTH)
    ]


def indexed_fields(model: type[models.Model]) -> list[str]:
    """The attribute names of the indexed columns of ``model``; none for a model outside the
    app registry (a migration's historical model) or one that holds no contact's text."""
    if not _fields:
        for registered in apps.get_models(include_auto_created=True):
            meta = registered._meta
            if meta.proxy or not meta.managed or meta.label_lower in SKIPPED_MODELS:
                continue
            names = [field.attname for field in text_fields(registered)]
            if names:
                _fields[registered] = names
    return _fields.get(model, [])


def indexed_models() -> list[type[models.Model]]:
    indexed_fields(PersonalDataToken)  # fills the table
    return list(_fields)


def words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return set(WORD.findall(folded)) | set(EMAIL.findall(folded))


def hashed(word: str) -> int:
    digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _number(model: type[models.Model]) -> int:
    return ContentType.objects.get_for_model(model, for_concrete_model=False).pk


def _fixed_texts() -> frozenset[str]:
    """Codes the system writes, never a person's words: the access log's reasons for reads
    ("consulted"), so logging a page view stays one INSERT."""
    from .models import SYSTEM_REASONS

    return frozenset(SYSTEM_REASONS)


def _entries(number: int, rows: Iterable[tuple]) -> Iterator[tuple[int, int, int]]:
    """(token, model, row) for rows of (pk, text, text, ...)."""
    fixed = _fixed_texts()
    for pk, *values in rows:
        found: set[str] = set()
        for value in values:
            if value and value not in fixed:
                found |= words(str(value))
        for word in found:
            yield hashed(word), number, pk


def _insert(entries: Iterable[tuple[int, int, int]]) -> None:
    entries = list(entries)
    if not entries:
        return
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(PersonalDataToken._meta.db_table)} "
        f"({quote('token')}, {quote('model')}, {quote('row')}) VALUES (%s, %s, %s)"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, entries)


def _forget(number: int, pks: list) -> None:
    for start in range(0, len(pks), CHUNK):
        PersonalDataToken.objects.filter(model=number, row__in=pks[start : start + CHUNK]).delete()


def index_objects(model: type[models.Model], objects: Iterable[models.Model], *, fresh: bool):
    """Index instances as they are in memory (after a save or a bulk insert); ``fresh``: new
    rows, with nothing indexed yet."""
    names = indexed_fields(model)
    objects = [obj for obj in objects if obj.pk is not None]
    if not names or not objects:
        return
    number = _number(model)
    rows = [(obj.pk, *(obj.__dict__.get(name) for name in names)) for obj in objects]
    entries = list(_entries(number, rows))
    if fresh and not entries:
        return
    with transaction.atomic(savepoint=False):  # one transaction, not one per entry
        if not fresh:
            _forget(number, [obj.pk for obj in objects])
        _insert(entries)


def reindex_rows(model: type[models.Model], pks: Iterable) -> None:
    """Index rows again as they are stored: after a write that sent no signal (raw SQL, an
    update the hooks do not see)."""
    names = indexed_fields(model)
    pks = list(pks)
    if not names or not pks:
        return
    number = _number(model)
    manager = model._base_manager
    with transaction.atomic(savepoint=False):
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            _forget(number, chunk)
            _insert(_entries(number, manager.filter(pk__in=chunk).values_list("pk", *names)))


def rebuild(model: type[models.Model] | None = None) -> int:
    """Index every row of ``model`` (or of every model) from scratch, in chunks; returns the
    number of rows read."""
    targets = [model] if model is not None else indexed_models()
    if model is None:
        PersonalDataToken.objects.all().delete()
    count = 0
    for target in targets:
        names, number = indexed_fields(target), _number(target)
        if model is not None:
            PersonalDataToken.objects.filter(model=number).delete()
        rows = target._base_manager.order_by("pk").values_list("pk", *names)
        batch: list[tuple] = []
        for row in rows.iterator(chunk_size=CHUNK):
            batch.append(row)
            if len(batch) == CHUNK:
                _insert(_entries(number, batch))
                count, batch = count + len(batch), []
        _insert(_entries(number, batch))
        count += len(batch)
    return count


# --- finding ------------------------------------------------------------------------------


def _chosen(needles: Iterable[str]) -> tuple[dict[str, int], list[str]]:
    """Per needle the hash of the word to look it up by; the needles without a usable word."""
    choices: dict[str, list[int]] = {}
    unfindable = []
    for needle in needles:
        found = words(needle)
        emails = [word for word in found if "@" in word]
        ranked = emails[:1] or sorted(found, key=lambda word: (-len(word), word))[:3]
        if ranked:
            choices[needle] = [hashed(word) for word in ranked]
        else:
            unfindable.append(needle)
    several = {token for tokens in choices.values() if len(tokens) > 1 for token in tokens}
    counts = _capped_counts(sorted(several))
    chosen = {
        needle: min(tokens, key=lambda token: counts.get(token, 0))
        for needle, tokens in choices.items()
    }
    return chosen, unfindable


def _capped_counts(tokens: list[int]) -> dict[int, int]:
    """How many entries each word has, counted up to ``COUNT_CAP`` only: "50" in every
    telephone number must not cost a count of every number, it only has to lose."""
    if not tokens:
        return {}
    quote = connection.ops.quote_name
    table = quote(PersonalDataToken._meta.db_table)
    one = (
        f"SELECT CAST(%s AS BIGINT), (SELECT COUNT(*) FROM (SELECT 1 FROM {table} "
        f"WHERE {quote('token')} = %s LIMIT {COUNT_CAP}) AS capped)"
    )
    counts: dict[int, int] = {}
    with connection.cursor() as cursor:  # SQLite allows 500 terms in one compound SELECT
        for start in range(0, len(tokens), LOOKUP_CHUNK):
            chunk = tokens[start : start + LOOKUP_CHUNK]
            params = [value for token in chunk for value in (token, token)]
            cursor.execute(" UNION ALL ".join([one] * len(chunk)), params)
            counts.update(cursor.fetchall())
    return counts


def candidates(
    needles: Iterable[str], *, model: type[models.Model] | None = None
) -> tuple[dict[type[models.Model], set], list[str]]:
    """The rows that may contain a needle, per model (a superset: the caller checks the
    text), and the needles the index cannot find (the caller scans for those)."""
    found, unfindable = candidate_needles(needles, model=model)
    return {kind: set(rows) for kind, rows in found.items()}, unfindable


def candidate_needles(
    needles: Iterable[str], *, model: type[models.Model] | None = None
) -> tuple[dict[type[models.Model], dict[object, set[str]]], list[str]]:
    """``candidates``, with per row the needles whose word it holds: a purge looks for a
    thousand texts at once, and each row needs checking only for its own few."""
    chosen, unfindable = _chosen(needles)
    found: dict[type[models.Model], dict[object, set[str]]] = {}
    if not chosen:
        return found, unfindable
    needles_of: dict[int, set[str]] = {}
    for needle, token in chosen.items():
        needles_of.setdefault(token, set()).add(needle)
    # Filtered by model here, not in SQL: "model = %s" would tempt the planner into the
    # (model, row) index, reading every entry of the table instead of those of a few words.
    only = _number(model) if model is not None else None
    tokens = sorted(needles_of)
    by_number: dict[int, dict[object, set[str]]] = {}
    for start in range(0, len(tokens), LOOKUP_CHUNK):  # a purge looks up hundreds of people
        entries = PersonalDataToken.objects.filter(token__in=tokens[start : start + LOOKUP_CHUNK])
        for token, number, row in entries.values_list("token", "model", "row"):
            if only is None or number == only:
                rows = by_number.setdefault(number, {})
                rows.setdefault(row, set()).update(needles_of[token])
    for number, rows in by_number.items():
        kind = ContentType.objects.get_for_id(number).model_class()
        if kind is not None and indexed_fields(kind):
            found[kind] = rows
    return found, unfindable


def forget_missing(model: type[models.Model], pks: set) -> None:
    """Drop the entries of rows a lookup found but that no longer exist (deleted since)."""
    if pks:
        _forget(_number(model), sorted(pks))

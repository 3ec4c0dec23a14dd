"""What every app's part of the demo scenario shares: one load's bookkeeping and the themes.

Each app keeps its own scenario data in ``<app>/demo.py`` (or a ``demo`` package) and writes it
through its own services, so the demo has versions and an audit trail like any other edit;
``workspace.demo`` calls the apps in layer order inside one transaction. An app refers to a lower
app's records by scenario key (``demo.refs["organisations"]["rug"]``), never by importing upward.
"""

import datetime
import importlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import partial

from django.db import models
from django.utils import timezone

from .models import Theme
from .services import save_record

# The seed themes (core migration 0002) by slug, as the scenario tables name them.
ENERGY = "energie"
HEALTHY_AGEING = "healthy-ageing"
DIGITAL = "digitale-economie-startups"
SMART_CITY = "smart-city"


class DemoLoad:
    """One run of the demo loader: today's date, what was created or found per record type, and
    the records loaded so far by scenario key (``refs[kind][key]``) for the apps above."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.now = timezone.now()
        self.today: datetime.date = timezone.localdate(self.now)
        self.created: Counter = Counter()
        self.existing: Counter = Counter()
        self.refs: defaultdict[str, dict] = defaultdict(dict)

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def tally(self, kind: str, created: bool) -> None:
        (self.created if created else self.existing)[kind] += 1

    def ensure(
        self,
        kind: str | None,
        model: type[models.Model],
        lookup: dict,
        create: Callable[[], models.Model],
    ) -> models.Model:
        """The record with this natural key, or the one ``create`` writes when it is missing:
        a second load leaves existing records untouched. ``kind`` is what the summary counts
        (None: reference data, not counted)."""
        instance = model._default_manager.filter(**lookup).first()
        created = instance is None
        if created:
            instance = create()
        if kind is not None:
            self.tally(kind, created)
        return instance

    def ref(self, kind: str, key: str | None):
        """The record of ``kind`` with this scenario key; None for no key."""
        return None if key is None else self.refs[kind][key]

    def each(self, kind: str, keys: Iterable[str]) -> list:
        """The records of ``kind`` with these scenario keys, in order."""
        return [self.refs[kind][key] for key in keys]


def seed_rows(migration: str, name: str) -> list[tuple[str, str, str]]:
    """Themes and categories come from data migrations; tests run without migrations, so the
    demo creates missing ones from the same lists."""
    return getattr(importlib.import_module(migration), name)


def load_themes(demo: DemoLoad) -> None:
    for slug, name_nl, name_en in seed_rows(
        "kennisstad.core.migrations.0002_seed_themes", "THEMES"
    ):
        theme = Theme(slug=slug, name_nl=name_nl, name_en=name_en)
        demo.refs["themes"][slug] = demo.ensure(
            None, Theme, {"slug": slug}, partial(save_record, instance=theme, user=None)
        )

"""``kennisstad reindex-personal-data``: rebuild the index of where personal data lives (every
text column of every table, in chunks). Migrating runs it once when the index is created; run it
after writing text behind Django's back (raw SQL, a restore of a part of the tables)."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from kennisstad.relations import traces


class Command(BaseCommand):
    help = "Rebuild the index of where personal data lives, used by erasure."

    def handle(self, *args, **options):
        begin = time.perf_counter()
        with transaction.atomic():
            rows = traces.rebuild()
        self.stdout.write(
            f"Indexed {rows} row(s) of {len(traces.indexed_models())} table(s) "
            f"in {time.perf_counter() - begin:.1f} s."
        )

"""``kennisstad rebuild-search-index``: index every record again (after bulk loads or restores)."""

from django.core.management.base import BaseCommand

from kennisstad.search.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index of organisations, people, projects and activities."

    def handle(self, *args, **options):
        counts = rebuild_index()
        self.stdout.write(", ".join(f"{kind}: {count}" for kind, count in counts.items()))

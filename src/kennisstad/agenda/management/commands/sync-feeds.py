"""``kennisstad sync-feeds``: bundle the partners' published calendars into the shared one.
Run it on a schedule (cron, a systemd timer); one failing calendar does not stop the others.
Each calendar's sync writes the ``feed.sync.*`` log events (``agenda.feed_sync``)."""

from django.core.management.base import BaseCommand, CommandError

from kennisstad.agenda.feed_sync import sync_feed
from kennisstad.agenda.models import CalendarSubscription


class Command(BaseCommand):
    help = "Pull every active partner calendar; report per calendar."

    def handle(self, *args, **options):
        failed = 0
        for subscription in CalendarSubscription.objects.filter(active=True).select_related(
            "organisation"
        ):
            try:
                report = sync_feed(subscription)
            except Exception as exc:
                failed += 1
                self.stderr.write(f"{subscription}: FAILED: {exc}")
                continue
            self.stdout.write(f"{subscription}: {report.summary()}")
            for line in report.conflicts:
                self.stderr.write(f"  ! {line}")
        if failed:
            raise CommandError(f"{failed} calendar(s) could not be synchronised; see above.")

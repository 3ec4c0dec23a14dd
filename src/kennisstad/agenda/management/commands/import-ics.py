"""``kennisstad import-ics FILE|URL [--organiser ORG] [--dry-run]``: add a calendar (.ics) to the
shared international calendar. Known UIDs update; a malformed file is refused with its line."""

import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics
from kennisstad.agenda.models import Visibility
from kennisstad.relations.models import Organisation

MAX_BYTES = 20_000_000


class Command(BaseCommand):
    help = "Import an iCalendar file or URL into the shared calendar."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a .ics file or an http(s) URL")
        parser.add_argument("--organiser", help="the organising organisation (name or id)")
        parser.add_argument("--visibility", choices=Visibility.values, default=Visibility.PARTNERS)
        parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")

    def handle(self, *args, **options):
        text = self._read(options["source"])
        organiser = None
        if options["organiser"]:
            lookup = options["organiser"]
            organiser = (
                Organisation.objects.filter(pk=int(lookup)).first()
                if lookup.isdigit()
                else Organisation.objects.filter(name__iexact=lookup).first()
            )
            if organiser is None:
                raise CommandError(f"There is no organisation {lookup!r}.")
        try:
            events = parse_ics(text)
            report = import_events(
                events,
                organiser=organiser,
                visibility=options["visibility"],
                dry_run=options["dry_run"],
            )
        except IcsFormatError as exc:
            raise CommandError(
                f"{options['source']}, line {exc.line}: {exc.message}. Nothing was imported."
            ) from exc
        prefix = "Dry run, nothing written: " if report.dry_run else ""
        self.stdout.write(
            f"{prefix}{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
        for line in report.created:
            self.stdout.write(f"  + {line}")
        for line in report.updated:
            self.stdout.write(f"  ~ {line}")

    def _read(self, source: str) -> str:
        if source.startswith(("http://", "https://")):
            try:
                with urllib.request.urlopen(source, timeout=30) as response:
                    data = response.read(MAX_BYTES + 1)
            except OSError as exc:
                raise CommandError(f"{source}: {exc}") from exc
        else:
            try:
                data = Path(source).read_bytes()
            except FileNotFoundError as exc:
                raise CommandError(f"{source}: no such file") from exc
        if len(data) > MAX_BYTES:
            raise CommandError(f"{source} is larger than {MAX_BYTES // 1_000_000} MB.")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{source}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc

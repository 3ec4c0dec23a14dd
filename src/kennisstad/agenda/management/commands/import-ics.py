"""``kennisstad import-ics FILE|URL [--organiser ORG] [--dry-run]``: add a calendar (.ics) to the
shared international calendar. Known UIDs update; a malformed file is refused with its line."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kennisstad.agenda.ics_import import MAX_CALENDAR_BYTES, import_events, parse_ics
from kennisstad.agenda.models import Visibility
from kennisstad.core.imports import ImportRefused, refused_command
from kennisstad.core.text_input import TextInputError, read_source
from kennisstad.relations.models import Organisation


class Command(BaseCommand):
    help = "Import an iCalendar file or URL into the shared calendar."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a .ics file or an http(s) URL")
        parser.add_argument("--organiser", help="the organising organisation (name or id)")
        parser.add_argument("--visibility", choices=Visibility.values, default=Visibility.PARTNERS)
        parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
        parser.add_argument("--language", choices=["nl", "en"], default="nl")

    def handle(self, *args, **options):
        try:
            text = read_source(options["source"], max_bytes=MAX_CALENDAR_BYTES)
        except TextInputError as exc:
            raise CommandError(str(exc)) from exc
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
        with translation.override(options["language"]):
            try:
                report = import_events(
                    parse_ics(text),
                    organiser=organiser,
                    visibility=options["visibility"],
                    dry_run=options["dry_run"],
                    source="command",
                )
            except ImportRefused as refused:
                raise refused_command(self, options["source"], refused) from refused
            for line in report.lines():
                self.stdout.write(line)

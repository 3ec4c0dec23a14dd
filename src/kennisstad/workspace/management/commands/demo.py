"""``kennisstad demo``: fill an empty installation with the Groningen scenario, so developers,
testers and the team see realistic registry, portfolio and calendar pages and can log in with
every role straight away. Safe to run again: existing records are left as they are."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kennisstad.accounts.demo import DEMO_AUTHENTICATOR_SECRET
from kennisstad.projects.models import ProjectCategory
from kennisstad.projects.selectors import counted_per_year
from kennisstad.workspace.demo import SCENARIO, load_demo

INDICATOR_YEARS = range(2015, 2020)


class Command(BaseCommand):
    help = (
        "Load the Groningen demo scenario (organisations, people, projects, a year of calendar "
        "activities and one login per role). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off. The demo accounts have published passwords.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production site and the demo creates accounts "
                "with published passwords (including an administrator). Use --force to load "
                "it anyway."
            )
        summary = load_demo(stdout=self.stdout)

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Demo scenario {SCENARIO}"))
        for kind, created in summary["created"].items():
            existing = summary["existing"][kind]
            self.stdout.write(f"  {kind:<14} {created:>3} created, {existing:>3} already present")

        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING("Projects that ran per year, as the indicators count them")
        )
        self.stdout.write("  " + f"{'category':<32}" + "".join(f"{y:>6}" for y in INDICATOR_YEARS))
        for category in ProjectCategory.objects.order_by("code"):
            ran = counted_per_year(category.projects.all(), period="active", years=INDICATOR_YEARS)
            counts = [len(ran[year]) for year in INDICATOR_YEARS]
            self.stdout.write(f"  {category.code:<32}" + "".join(f"{n:>6}" for n in counts))

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Logins"))
        rows = [("role", "username", "password")] + [
            (login["role"], login["username"], login["password"]) for login in summary["logins"]
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for number, row in enumerate(rows):
            self.stdout.write(
                (
                    "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                ).rstrip()
            )
            if number == 0:
                self.stdout.write("  " + "  ".join("-" * w for w in widths))
        self.stdout.write(
            "Passwords are set only when an account is created; changed ones are kept."
        )
        self.stdout.write(
            "The administrator signs in with a second factor: authenticator secret "
            f"{DEMO_AUTHENTICATOR_SECRET} (published like the passwords; the demo's code page "
            "shows the current code)."
        )
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

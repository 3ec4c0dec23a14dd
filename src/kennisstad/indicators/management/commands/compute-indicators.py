"""``kennisstad compute-indicators --year Y``: count the registry for every computed indicator
and store a dated realisation (peildatum today) with the records counted. Years after this one
are skipped: nothing has run in them yet."""

from django.core.management.base import BaseCommand, CommandError

from kennisstad.indicators.services import computable_years, compute_all


class Command(BaseCommand):
    help = "Compute the computed indicators for one year (or --years FROM-TO)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int)
        parser.add_argument("--years", help="a range such as 2015-2019")

    def handle(self, *args, **options):
        if options["years"]:
            try:
                first, last = (int(part) for part in options["years"].split("-"))
            except ValueError as exc:
                raise CommandError("--years takes a range such as 2015-2019") from exc
            years = list(range(first, last + 1))
        elif options["year"]:
            years = [options["year"]]
        else:
            raise CommandError("Give --year Y or --years FROM-TO.")
        if skipped := sorted(set(years) - set(computable_years(years))):
            self.stdout.write(
                f"Skipped {', '.join(map(str, skipped))}: not happened yet "
                "(those years show their target or forecast only)."
            )
            years = computable_years(years)
        results = compute_all(years=years)
        if not results:
            self.stdout.write("There are no computed indicators.")
        for indicator, realisations in results.items():
            values = ", ".join(f"{r.year}: {r.value:.0f}" for r in realisations)
            self.stdout.write(f"{indicator.code}: {values}")

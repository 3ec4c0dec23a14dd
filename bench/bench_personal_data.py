"""Benchmark: the duplicate finder, a person's page (with its access-log insert), erasure (which
scans every text column of every table) and a merge, on a large data set.

Run: `.venv/bin/python bench/bench_personal_data.py [--organisations N] [--people N]
[--activities N] [--repeat N]`. A fresh SQLite database in a temporary folder (or DATABASE_URL,
in a database of its own), filled with bulk inserts; about 2% of the organisations and people
get a look-alike (another spelling, legal form, same website or email).
"""

import argparse
import datetime
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from common import measure, setup_django, teardown_django, timed  # noqa: E402


def generate(*, organisations: int, people: int, activities: int, seed: int = 2018) -> dict:
    from django.utils import timezone

    from kennisstad.accounts.models import Role, User
    from kennisstad.agenda.models import Activity
    from kennisstad.relations import normalise
    from kennisstad.relations.models import Interaction, Organisation, Person

    rng = random.Random(seed)
    team = User.objects.create_user("bench-team", password="x", role=Role.TEAM_MEMBER)

    def organisation(name: str, website: str) -> Organisation:
        # bulk_create skips save(), so the comparison keys are set here as save() would
        return Organisation(
            name=name,
            kind="company",
            country="NL",
            website=website,
            name_key=normalise.organisation_name_key(name),
            website_domain=normalise.website_domain(website),
        )

    rows = []
    for n in range(organisations):
        rows.append(organisation(f"Bedrijf {n:06d} B.V.", f"https://www.bedrijf{n}.nl"))
        if n % 50 == 0:
            rows.append(organisation(f"bedrijf {n:06d}", ""))
        elif n % 50 == 25:
            rows.append(organisation(f"Firma {n:06d}", f"http://bedrijf{n}.nl/contact"))
    Organisation.objects.bulk_create(rows, batch_size=2000)

    def person(n: int, first: str, last: str, email: str) -> Person:
        return Person(
            first_name=first,
            last_name=last,
            email=email,
            lawful_basis="legitimate_interest",
            retain_until=datetime.date(2030, 1, 1),
            name_key=normalise.person_name_key(first, last),
            email_key=normalise.email_key(email),
        )

    rows = []
    for n in range(people):
        rows.append(person(n, f"Voornaam{n}", f"Achternaam{n:06d}", f"p{n}@example.org"))
        if n % 50 == 0:
            rows.append(person(n, f"voornaam{n}", f"ACHTERNAAM{n:06d}", ""))
        elif n % 50 == 25:
            rows.append(person(n, f"V{n}", f"Anders{n}", f"P{n}@Example.org"))
    Person.objects.bulk_create(rows, batch_size=2000)

    person_ids = list(Person.objects.values_list("id", flat=True))
    organisation_ids = list(Organisation.objects.values_list("id", flat=True))
    start = timezone.now() - datetime.timedelta(days=365)
    Activity.objects.bulk_create(
        (
            Activity(
                uid=f"bench-{n}@kennisstad",
                title_nl=f"Activiteit {n}",
                description_nl=f"Programma met sprekers, ronde {n}",
                kind="conference",
                starts_at=start + datetime.timedelta(hours=n),
                ends_at=start + datetime.timedelta(hours=n + 2),
                organiser_organisation_id=rng.choice(organisation_ids),
            )
            for n in range(activities)
        ),
        batch_size=2000,
    )
    activity_ids = list(Activity.objects.values_list("id", flat=True))
    through = Activity.people.through
    through.objects.bulk_create(
        (
            through(activity_id=aid, person_id=person_ids[(i * 13) % len(person_ids)])
            for i, aid in enumerate(activity_ids)
        ),
        batch_size=5000,
    )
    Interaction.objects.bulk_create(
        (
            Interaction(
                happened_on=datetime.date(2026, 1, 1),
                kind="meeting",
                subject=f"Overleg {n}",
                notes=f"Gesproken over samenwerking {n}",
            )
            for n in range(people // 5)
        ),
        batch_size=2000,
    )
    return {"team": team, "person": person_ids[len(person_ids) // 2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=20000)
    parser.add_argument("--people", type=int, default=50000)
    parser.add_argument("--activities", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.test import Client

        from kennisstad.relations.duplicates import organisation_candidates, person_candidates
        from kennisstad.relations.models import Organisation, Person
        from kennisstad.relations.services import erase_person, merge_records

        begin = time.perf_counter()
        ids = generate(
            organisations=args.organisations, people=args.people, activities=args.activities
        )
        print(
            f"data: {Organisation.objects.count()} organisations, {Person.objects.count()} "
            f"people, {args.activities} activities (generated in "
            f"{time.perf_counter() - begin:.1f} s)"
        )
        print(f"organisation pairs: {len(organisation_candidates())}")
        print(f"people pairs: {len(person_candidates())}")
        print(f"{'what':40} {'median ms':>10}")
        print(
            f"{'find organisation duplicates':40} "
            f"{timed(organisation_candidates, args.repeat)[0]:10.1f}"
        )
        print(f"{'find people duplicates':40} {timed(person_candidates, args.repeat)[0]:10.1f}")

        client = Client()
        client.force_login(ids["team"])
        for label, url in [
            ("duplicates page, organisations", "/relations/duplicates/"),
            ("duplicates page, people", "/relations/duplicates/?kind=people"),
            ("person page (logs the read)", f"/relations/people/{ids['person']}/"),
            (
                "personal data log, one person",
                f"/relations/personal-data-log/?person={ids['person']}",
            ),
        ]:
            median, _, queries, status = measure(client, url, args.repeat)
            print(f"{label:40} {median:10.1f}   ({queries} queries, {status})")

        people = list(Person.objects.order_by("pk").values_list("pk", flat=True)[: args.repeat])
        timings = []
        for pk in people:
            begin = time.perf_counter()
            erase_person(person=Person.objects.get(pk=pk), user=ids["team"], reason="bench")
            timings.append((time.perf_counter() - begin) * 1000)
        print(f"{'erase one person (scans every table)':40} {statistics.median(timings):10.1f}")

        pairs = organisation_candidates()[: args.repeat]
        timings, links = [], []
        for pair in pairs:
            begin = time.perf_counter()
            record = merge_records(kept=pair.kept, removed=pair.removed, user=ids["team"])
            timings.append((time.perf_counter() - begin) * 1000)
            links.append(record.links_moved)
        print(
            f"{'merge two organisations':40} {statistics.median(timings):10.1f}   "
            f"(median {statistics.median(links)} links moved)"
        )
        teardown_django()


if __name__ == "__main__":
    main()

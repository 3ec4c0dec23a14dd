"""Benchmark: the relations registry at scale: organisation list and page, search, and the
xlsx export of every person.

Run: `make bench` or `.venv/bin/python bench/bench_relations.py [--organisations N]
[--people N] [--projects N] [--activities N] [--interactions N] [--repeat N]`. It builds a fresh
database (SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is set: a database of its
own is created and dropped), fills it with bulk inserts, indexes it for search, then requests
each page in-process with Django's test client and prints median and 95th percentile times,
the number of SQL queries, and whether the target (pages and search under 100 ms) is met.
One organisation ("the big one") has many people, projects, activities and contact moments.
"""

import argparse
import datetime
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
TARGET_MS = 100

from common import measure, setup_django, teardown_django  # noqa: E402


def generate(
    *,
    organisations: int,
    people: int,
    projects: int,
    activities: int,
    interactions: int,
    seed: int = 2018,
) -> dict:
    from django.utils import timezone

    from kennisstad.accounts.models import Role, User
    from kennisstad.agenda.models import Activity, ActivityKind, Visibility
    from kennisstad.projects.models import Project, ProjectCategory, ProjectPartner
    from kennisstad.relations.models import Interaction, Organisation, OrganisationKind, Person

    rng = random.Random(seed)
    team = User.objects.create_user("bench-team", password="x", role=Role.TEAM_MEMBER)
    kinds = [choice.value for choice in OrganisationKind]
    countries = ["NL", "DE", "BE", "CN", "FR", "GB", "US", "DK", "PL", "SE"]
    cities = ["Groningen", "Bremen", "München", "Ningbo", "Aarhus", "Gdańsk", "Lyon", "Leeds"]
    Organisation.objects.bulk_create(
        (
            Organisation(
                name=f"Organisatie {n:06d} {rng.choice(['Universiteit', 'Bedrijf', 'Stad'])}",
                kind=rng.choice(kinds),
                country=rng.choice(countries),
                city=f"{rng.choice(cities)} {n % 50}",
                relationship_owner=team if n % 10 == 0 else None,
            )
            for n in range(organisations)
        ),
        batch_size=2000,
    )
    organisation_ids = list(Organisation.objects.order_by("id").values_list("id", flat=True))
    big = organisation_ids[len(organisation_ids) // 2]
    Person.objects.bulk_create(
        (
            Person(
                first_name=f"Voornaam{n}",
                last_name=f"Achternaam{n:06d}",
                job_title=rng.choice(["Beleidsadviseur", "Hoogleraar", "Directeur", ""]),
                email=f"p{n}@example.org",
                phone=f"+31 50 {n:07d}",
                lawful_basis="legitimate_interest",
                retain_until=datetime.date(2030, 1, 1),
            )
            for n in range(people)
        ),
        batch_size=2000,
    )
    person_ids = list(Person.objects.order_by("id").values_list("id", flat=True))
    through = Person.organisations.through
    links = [
        through(person_id=pid, organisation_id=organisation_ids[i % len(organisation_ids)])
        for i, pid in enumerate(person_ids)
    ]
    links += [through(person_id=pid, organisation_id=big) for pid in person_ids[1::125]]
    through.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)

    categories = list(ProjectCategory.objects.all())
    Project.objects.bulk_create(
        Project(
            title_nl=f"Samenwerkingsproject {n:05d}",
            title_en=f"Collaboration project {n:05d}",
            category=categories[n % len(categories)],
            status=rng.choice(["planned", "active", "completed"]),
            start_date=datetime.date(2015 + n % 10, 1 + n % 12, 1),
            lead_organisation_id=big if n % 40 == 0 else rng.choice(organisation_ids),
            is_public=n % 3 == 0,
        )
        for n in range(projects)
    )
    project_ids = list(Project.objects.values_list("id", flat=True))
    ProjectPartner.objects.bulk_create(
        ProjectPartner(project_id=pid, organisation_id=big) for pid in project_ids[1::40]
    )
    start = timezone.now() - datetime.timedelta(days=365)
    activity_kinds = [choice.value for choice in ActivityKind]
    visibilities = [choice.value for choice in Visibility]
    batch = []
    for n in range(activities):
        begins = start + datetime.timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60, 15))
        batch.append(
            Activity(
                uid=f"bench-{n}@kennisstad",
                title_nl=f"Activiteit {n} handelsmissie",
                kind=rng.choice(activity_kinds),
                starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=2),
                visibility=rng.choice(visibilities),
                organiser_organisation_id=big if n % 50 == 0 else rng.choice(organisation_ids),
                project_id=rng.choice(project_ids) if n % 4 == 0 else None,
                city=rng.choice(cities),
            )
        )
    Activity.objects.bulk_create(batch, batch_size=2000)
    Interaction.objects.bulk_create(
        (
            Interaction(
                happened_on=datetime.date(2016, 1, 1) + datetime.timedelta(days=n % 3000),
                kind="meeting",
                subject=f"Overleg {n}",
                owner=team,
            )
            for n in range(interactions)
        ),
        batch_size=2000,
    )
    interaction_ids = list(Interaction.objects.values_list("id", flat=True))
    links = Interaction.organisations.through
    links.objects.bulk_create(
        (
            links(
                interaction_id=iid,
                organisation_id=big if i % 10 == 0 else rng.choice(organisation_ids),
            )
            for i, iid in enumerate(interaction_ids)
        ),
        batch_size=5000,
    )
    return {"team": team, "big": big}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--projects", type=int, default=2_000)
    parser.add_argument("--activities", type=int, default=20_000)
    parser.add_argument("--interactions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--export-repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection
        from django.test import Client

        from kennisstad.search.services import rebuild_index

        begin = time.perf_counter()
        ids = generate(
            organisations=args.organisations,
            people=args.people,
            projects=args.projects,
            activities=args.activities,
            interactions=args.interactions,
        )
        generated = time.perf_counter() - begin
        begin = time.perf_counter()
        counts = rebuild_index()
        indexed = time.perf_counter() - begin
        print(
            f"{connection.vendor}: {args.organisations} organisations, {args.people} people, "
            f"{args.projects} projects, {args.activities} activities, "
            f"{args.interactions} contact moments (generated in {generated:.1f} s; "
            f"search index of {sum(counts.values())} records built in {indexed:.1f} s)"
        )
        client = Client()
        client.force_login(ids["team"])
        middle = args.organisations // 2
        pages = [
            ("organisation list", "/relations/organisations/", True),
            ("organisation list, last page", "/relations/organisations/?page=last", True),
            ("organisation list, country filter", "/relations/organisations/?country=DE", True),
            ("organisation page (the big one)", f"/relations/organisations/{ids['big']}/", True),
            ("people list", "/relations/people/", True),
            ("search: one name", f"/search/?q=organisatie+{middle:06d}", True),
            ("search: a person", f"/search/?q=achternaam{args.people // 3:06d}", True),
            ("search: common word", "/search/?q=universiteit", True),
            ("search: accents, two words", "/search/?q=munchen+stad", True),
            ("API search", "/api/v1/search/?q=groningen", True),
        ]
        print(f"{'page':36} {'median ms':>10} {'p95 ms':>8} {'queries':>8}  target")
        failures = []
        for label, url, has_target in pages:
            median, p95, queries, status = measure(client, url, args.repeat)
            verdict = ""
            if has_target:
                verdict = "met" if median < TARGET_MS else "NOT met"
                if median >= TARGET_MS:
                    failures.append(label)
            print(f"{label:36} {median:10.1f} {p95:8.1f} {queries:8d}  < {TARGET_MS} ms: {verdict}")
            if status != 200:
                sys.exit(f"{url} answered {status}")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        median, p95, queries, status = measure(
            client, "/relations/people/?format=xlsx", args.export_repeat
        )
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(
            f"{'xlsx export of ' + str(args.people) + ' people':36} {median:10.1f} {p95:8.1f} "
            f"{queries:8d}  (peak memory grew {grown:.0f} MB)"
        )
        if status != 200:
            sys.exit(f"export answered {status}")
        median, p95, queries, status = measure(client, "/relations/people/?format=csv", 3)
        label = f"csv export of {args.people} people"
        print(f"{label:36} {median:10.1f} {p95:8.1f} {queries:8d}")
        print(
            f"pages and search under {TARGET_MS} ms: "
            + ("met" if not failures else f"NOT met ({', '.join(failures)})")
        )
        teardown_django()


if __name__ == "__main__":
    main()

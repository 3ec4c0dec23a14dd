"""Benchmark: how fast the registry's list and detail pages and API answer on a large data set.

Run: `make bench` or `.venv/bin/python bench/bench_registry_pages.py [--organisations N]
[--projects N] [--activities N] [--repeat N]`. It builds a fresh SQLite database in a temporary
folder (or uses DATABASE_URL when set, in a database of its own), fills it with bulk inserts and
requests each page in-process with Django's test client, printing median and 95th percentile
times and the number of SQL queries per request.
"""

import argparse
import datetime
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from common import measure, setup_django, teardown_django  # noqa: E402


def generate(*, organisations: int, projects: int, activities: int, seed: int = 2018) -> dict:
    from django.utils import timezone

    from kennisstad.accounts.models import Role, User
    from kennisstad.agenda.models import Activity, ActivityKind, Visibility
    from kennisstad.core.models import Theme
    from kennisstad.projects.models import Project, ProjectCategory, ProjectPartner
    from kennisstad.relations.models import Organisation, OrganisationKind, Person

    rng = random.Random(seed)
    team = User.objects.create_user("bench-team", password="x", role=Role.TEAM_MEMBER)
    kinds = [choice.value for choice in OrganisationKind]
    countries = ["NL", "DE", "BE", "CN", "FR", "GB", "US", "DK", "PL", "SE"]
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisatie {n:06d}",
            kind=rng.choice(kinds),
            country=rng.choice(countries),
            city=f"Stad {n % 500}",
        )
        for n in range(organisations)
    )
    organisation_ids = list(Organisation.objects.values_list("id", flat=True))
    Person.objects.bulk_create(
        Person(
            first_name=f"Voornaam{n}",
            last_name=f"Achternaam{n:06d}",
            email=f"p{n}@example.org",
            lawful_basis="legitimate_interest",
            retain_until=datetime.date(2030, 1, 1),
        )
        for n in range(organisations * 2)
    )
    through = Person.organisations.through
    person_ids = list(Person.objects.values_list("id", flat=True))
    through.objects.bulk_create(
        through(person_id=pid, organisation_id=organisation_ids[i % len(organisation_ids)])
        for i, pid in enumerate(person_ids)
    )
    categories = list(ProjectCategory.objects.all())
    themes = list(Theme.objects.all())
    Project.objects.bulk_create(
        Project(
            title_nl=f"Project {n:05d}",
            category=categories[n % len(categories)],
            status=rng.choice(["planned", "active", "completed"]),
            start_date=datetime.date(2015 + n % 10, 1 + n % 12, 1),
            end_date=datetime.date(2016 + n % 10, 1 + n % 12, 28),
            lead_organisation_id=rng.choice(organisation_ids),
            is_public=n % 3 == 0,
        )
        for n in range(projects)
    )
    project_ids = list(Project.objects.values_list("id", flat=True))
    ProjectPartner.objects.bulk_create(
        ProjectPartner(
            project_id=pid, organisation_id=organisation_ids[(i * 7) % len(organisation_ids)]
        )
        for i, pid in enumerate(project_ids)
    )
    Project.themes.through.objects.bulk_create(
        Project.themes.through(project_id=pid, theme_id=themes[i % len(themes)].id)
        for i, pid in enumerate(project_ids)
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
                title_nl=f"Activiteit {n}",
                kind=rng.choice(activity_kinds),
                starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=2),
                visibility=rng.choice(visibilities),
                organiser_organisation_id=rng.choice(organisation_ids),
                project_id=rng.choice(project_ids) if n % 4 == 0 else None,
                country=rng.choice(countries),
            )
        )
    Activity.objects.bulk_create(batch, batch_size=2000)
    return {
        "team": team,
        "organisation": organisation_ids[len(organisation_ids) // 2],
        "project": project_ids[len(project_ids) // 2],
        "activity": Activity.objects.order_by("id").values_list("id", flat=True)[activities // 2],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=5000)
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--activities", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.test import Client

        begin = time.perf_counter()
        ids = generate(
            organisations=args.organisations, projects=args.projects, activities=args.activities
        )
        print(
            f"data: {args.organisations} organisations, {args.organisations * 2} people, "
            f"{args.projects} projects, {args.activities} activities "
            f"(generated in {time.perf_counter() - begin:.1f} s)"
        )
        client = Client()
        client.force_login(ids["team"])
        pages = [
            ("organisation list", "/relations/organisations/"),
            ("organisation list, search", "/relations/organisations/?q=000123"),
            ("organisation page", f"/relations/organisations/{ids['organisation']}/"),
            ("people list", "/relations/people/"),
            ("project list", "/projects/"),
            ("project list, active in 2018", "/projects/?active_in=2018"),
            ("project page", f"/projects/{ids['project']}/"),
            ("calendar list (upcoming)", "/agenda/"),
            ("activity page", f"/agenda/{ids['activity']}/"),
            ("API projects", "/api/v1/projects/"),
            ("API activities", "/api/v1/activities/"),
            ("API organisations", "/api/v1/organisations/"),
        ]
        print(f"{'page':32} {'median ms':>10} {'p95 ms':>8} {'queries':>8} status")
        for label, url in pages:
            median, p95, queries, status = measure(client, url, args.repeat)
            print(f"{label:32} {median:10.1f} {p95:8.1f} {queries:8d} {status}")
            if status != 200:
                sys.exit(f"{url} answered {status}")
        teardown_django()


if __name__ == "__main__":
    main()

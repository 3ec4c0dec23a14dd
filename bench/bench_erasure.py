"""Benchmark: erasing one person among 52,000 and purging 5,000 expired people, and what the
index of where personal data lives costs the imports that write it.

Run: `.venv/bin/python bench/bench_erasure.py [--people 52000] [--repeat 20] [--purge 5000]
[--import-rows 2000]` (about 5 minutes on SQLite on a 2-core machine; DATABASE_URL for
PostgreSQL, in a database of its own). Targets: erase one person < 100 ms (median), purge of
5,000 < 60 s.

The data: 52,000 people with telephone numbers and one history row each, 26,000 contact
moments whose notes name a person (and their history), 20,000 activities whose description
names a participant (and their history), all inserted in bulk; the index is filled as they are
inserted (the bulk-write hooks), then rebuilt once by ``reindex-personal-data`` to time that.

Figures (SQLite, 2-core machine), before (main at 787ec33, every column of every table scanned;
run there with `--purge 30`, as 5,000 takes hours), with the index (123d366, one person per
transaction, under a load average of 8-10) and now (people erased in groups of 250, each app's
eraser called once per group, every row checked for its own needles only; an otherwise idle
machine): erase one person 3,350 ms -> 75 ms -> 34 ms median (p95 55 ms); purge of 5,000
about 4 h -> 7 min -> 19.4 s; spreadsheet import of 2,000 people 73.9 -> 83.7 -> 27.1 s; .ics
import of 2,000 events 11.0 -> 22.7 -> 3.2 s (the last two differ mostly by the machine's load,
not by code). See CHANGELOG.md, Issue 17.
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

from common import setup_django, teardown_django  # noqa: E402

FIRST = ["Anneke", "Pieter", "Maria", "Jan", "Sietske", "Hylke", "Ingeborg", "Tjitske", "Klaas"]
LAST = ["Jansen", "de Vries", "Bakker", "Dijkstra", "Bosma", "Hoekstra", "Wiersma", "Visser"]


def _lawful_basis() -> str:
    from kennisstad.relations.models import Person

    return Person._meta.get_field("lawful_basis").choices[0][0]


def _people(count: int, rng: random.Random) -> list[tuple[int, str, str]]:
    from kennisstad.relations import normalise
    from kennisstad.relations.models import Person

    basis, rows = _lawful_basis(), []
    for n in range(count):
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}-{n:05d}"
        email = f"{first.lower()}.{n}@partner{n % 400}.example.org"
        rows.append(
            Person(
                first_name=first,
                last_name=last,
                email=email,
                phone=f"+31 50 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                job_title=rng.choice(["Directeur", "Adviseur", "Hoogleraar", ""]),
                lawful_basis=basis,
                retain_until=datetime.date(2030, 1, 1),
                name_key=normalise.person_name_key(first, last),
                email_key=normalise.email_key(email),
                version=1,
            )
        )
    Person.objects.bulk_create(rows, batch_size=2000)
    return list(Person.objects.order_by("pk").values_list("pk", "first_name", "last_name"))


def _history(model, when) -> None:
    """One 'created' history row per record, as the bulk import writes it."""
    history = model.history.model
    kept = {field.attname for field in history._meta.concrete_fields}
    fields = [field.attname for field in model._meta.concrete_fields if field.attname in kept]
    for start in range(0, model.objects.count(), 5000):
        batch = model.objects.order_by("pk").values(*fields)[start : start + 5000]
        history.objects.bulk_create(
            [history(history_date=when, history_type="+", **row) for row in batch],
            batch_size=2000,
        )


def generate(*, people: int, seed: int = 2018) -> dict:
    from django.utils import timezone

    from kennisstad.accounts.models import Role, User
    from kennisstad.agenda.models import Activity
    from kennisstad.relations.models import Interaction, Person

    rng = random.Random(seed)
    team = User.objects.create_user("bench-team", password="x", role=Role.TEAM_MEMBER)
    everyone = _people(people, rng)
    names = {pk: f"{first} {last}" for pk, first, last in everyone}
    pks = [pk for pk, _, _ in everyone]
    now = timezone.now()
    _history(Person, now)

    named = [pks[(n * 2) % len(pks)] for n in range(people // 2)]
    Interaction.objects.bulk_create(
        [
            Interaction(
                happened_on=datetime.date(2026, 1, 1),
                kind="meeting",
                subject=f"Overleg {n}",
                notes=f"Gesproken met {names[pk]} over de samenwerking; volgt in maart.",
                version=1,
            )
            for n, pk in enumerate(named)
        ],
        batch_size=2000,
    )
    interaction_ids = list(Interaction.objects.order_by("pk").values_list("pk", flat=True))
    through = Interaction.people.through
    through.objects.bulk_create(
        [
            through(interaction_id=i, person_id=p)
            for i, p in zip(interaction_ids, named, strict=True)
        ],
        batch_size=5000,
    )
    _history(Interaction, now)

    start = now - datetime.timedelta(days=365)
    hosts = [pks[(n * 7 + 1) % len(pks)] for n in range(20000)]
    Activity.objects.bulk_create(
        [
            Activity(
                uid=f"bench-{n}@kennisstad",
                title_nl=f"Werkbezoek {n}",
                description_nl=f"Ontvangst door {names[pk]}, met rondleiding.",
                kind="conference",
                starts_at=start + datetime.timedelta(hours=n),
                ends_at=start + datetime.timedelta(hours=n + 2),
                version=1,
            )
            for n, pk in enumerate(hosts)
        ],
        batch_size=2000,
    )
    activity_ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
    through = Activity.people.through
    through.objects.bulk_create(
        [through(activity_id=a, person_id=p) for a, p in zip(activity_ids, hosts, strict=True)],
        batch_size=5000,
    )
    _history(Activity, now)
    return {"team": team, "people": pks}


def _imports(rows: int, team) -> tuple[float, float]:
    """Milliseconds for a spreadsheet import of ``rows`` people and an .ics of ``rows`` events."""
    import io

    from openpyxl import Workbook

    from kennisstad.agenda.ics_import import import_events, parse_ics
    from kennisstad.workspace.imports import import_file

    book = Workbook()
    book.active.append(["Voornaam", "Achternaam", "E-mail", "Grondslag", "Bewaren tot"])
    basis = _lawful_basis()
    for n in range(rows):
        book.active.append(
            ["Import", f"Persoon-{n}", f"import{n}@example.net", basis, "2030-01-01"]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    begin = time.perf_counter()
    import_file(data=buffer.getvalue(), filename="p.xlsx", kind="people", user=team)
    spreadsheet = (time.perf_counter() - begin) * 1000

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for n in range(rows):
        day = datetime.date(2027, 1, 1) + datetime.timedelta(days=n % 300)
        lines += [
            "BEGIN:VEVENT",
            f"UID:import-{n}@bench",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"SUMMARY:Beurs {n}",
            f"DESCRIPTION:Stand met Pieter Bakker-{n:05d}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    events = parse_ics("\r\n".join(lines) + "\r\n")
    begin = time.perf_counter()
    import_events(events, user=team)
    return spreadsheet, (time.perf_counter() - begin) * 1000


def _erase(people: list[int], team) -> list[float]:
    from kennisstad.relations.models import Person
    from kennisstad.relations.services import erase_person

    timings = []
    for pk in people:
        begin = time.perf_counter()
        erase_person(person=Person.objects.get(pk=pk), user=team, reason="Verzoek van betrokkene")
        timings.append((time.perf_counter() - begin) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=52000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--purge", type=int, default=5000)
    parser.add_argument("--import-rows", type=int, default=2000, help="0: no import timing")
    parser.add_argument("--no-rebuild", action="store_true", help="do not time the rebuild")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.core.management import call_command, get_commands

        from kennisstad.relations.models import Person
        from kennisstad.relations.services import purge_expired

        begin = time.perf_counter()
        ids = generate(people=args.people)
        print(
            f"data: {Person.objects.count()} people, generated in "
            f"{time.perf_counter() - begin:.1f} s"
        )
        if "reindex-personal-data" in get_commands() and not args.no_rebuild:
            begin = time.perf_counter()
            call_command("reindex-personal-data", verbosity=0)
            print(f"{'rebuild the index (command)':40} {time.perf_counter() - begin:10.1f} s")
        if args.import_rows:
            spreadsheet, ics = _imports(args.import_rows, ids["team"])
            print(f"{f'spreadsheet import, {args.import_rows} people':40} {spreadsheet:10.0f} ms")
            print(f"{f'ics import, {args.import_rows} events':40} {ics:10.0f} ms")

        rng = random.Random(17)
        sample = rng.sample(ids["people"], args.repeat + args.purge)
        timings = _erase(sample[: args.repeat], ids["team"])
        print(
            f"{'erase one person (median, p95)':40} {statistics.median(timings):10.1f} ms"
            f"   (p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:.1f} ms)"
        )
        expired = sample[args.repeat :]
        Person.objects.filter(pk__in=expired).update(retain_until=datetime.date(2020, 1, 1))
        begin = time.perf_counter()
        report = purge_expired()
        seconds = time.perf_counter() - begin
        print(
            f"{f'purge of {len(report.erased)} expired people':40} {seconds:10.1f} s"
            f"   ({len(report.failed)} failed; {seconds / max(1, len(expired)) * 5000:.0f} s "
            "per 5,000)"
        )
        teardown_django()


if __name__ == "__main__":
    main()

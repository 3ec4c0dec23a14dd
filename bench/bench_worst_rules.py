"""Benchmark: the month view with the worst recurrence rules stored among ordinary data.

Run: `.venv/bin/python bench/bench_worst_rules.py [--activities N] [--copies N] [--repeat N]`.
It builds a fresh SQLite database (or uses DATABASE_URL, in a database of its own), fills it
with ordinary activities in 2026-2028 (as bench_calendar.py does), then writes past validation,
as a row from before the checks or a raw SQL insert would, ``--copies`` series of each of the
worst rules: every second, a zero interval, rules that never occur (searched from 1900), every
minute of the day, a COUNT of a million. Their stored end is left empty, so every view must
consider them. Target (issue 10): month view (events.json) < 100 ms.
"""

import argparse
import datetime
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_calendar import generate  # noqa: E402
from common import measure, setup_django, teardown_django  # noqa: E402

EVERY_MINUTE_OF_THE_DAY = (
    "FREQ=DAILY;BYHOUR="
    + ",".join(str(hour) for hour in range(24))
    + ";BYMINUTE="
    + ",".join(str(minute) for minute in range(60))
)
# (rule, first date): the first date far back where that makes the search longest.
WORST_RULES = [
    ("FREQ=SECONDLY", datetime.datetime(2027, 2, 15)),
    ("FREQ=MINUTELY", datetime.datetime(1900, 1, 1)),
    ("FREQ=WEEKLY;INTERVAL=0", datetime.datetime(2027, 2, 15)),
    ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=1", datetime.datetime(1900, 1, 1)),
    ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", datetime.datetime(1900, 1, 1)),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", datetime.datetime(1900, 1, 1)),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO", datetime.datetime(1900, 1, 1)),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=FR;COUNT=1000", datetime.datetime(1900, 1, 1)),
    (EVERY_MINUTE_OF_THE_DAY, datetime.datetime(1900, 1, 1)),
    ("FREQ=DAILY;COUNT=1000000", datetime.datetime(1900, 1, 1)),
    ("FREQ=DAILY", datetime.datetime(1900, 1, 1)),
    ("FREQ=MONTHLY;BYDAY=9MO", datetime.datetime(1900, 1, 1)),
]


def store_worst_rules(copies: int) -> int:
    """Bulk inserts: no clean(), no save(), no stored end (``recurs_until`` stays empty)."""
    from django.utils import timezone

    from kennisstad.agenda.models import Activity

    zone = timezone.get_default_timezone()
    rows = []
    for copy in range(copies):
        for number, (rule, first) in enumerate(WORST_RULES):
            begins = first.replace(hour=9, tzinfo=zone)
            rows.append(
                Activity(
                    uid=f"worst-{number}-{copy}@kennisstad",
                    title_nl=f"Slechtste regel {number} ({copy})",
                    kind="other",
                    starts_at=begins,
                    ends_at=begins + datetime.timedelta(hours=1),
                    visibility="public",
                    rrule=rule,
                )
            )
    Activity.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def cpu_ms(client, url: str, repeat: int) -> float:
    """Median CPU milliseconds this process spends on a request: unlike the wall-clock time it
    hardly changes when other work shares the machine (PostgreSQL's own share is not in it)."""
    timings = []
    for _ in range(repeat):
        begin = time.process_time()
        client.get(url)
        timings.append((time.process_time() - begin) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from urllib.parse import urlencode

        from django.db import connection
        from django.test import Client

        from kennisstad.accounts.models import Role, User

        team = User.objects.create_user("bench-team", password="x", role=Role.TEAM_MEMBER)
        web = Client()
        web.force_login(team)
        generate(
            args.activities, visibility_mix=False, seed=1, prefix="pub", first_year=2026, years=3
        )
        # What FullCalendar asks for March 2027 in the month view (six weeks) and a week.
        month = "/agenda/events.json?" + urlencode(
            {"start": "2027-02-22T00:00:00+01:00", "end": "2027-04-05T00:00:00+02:00"}
        )
        week = "/agenda/events.json?" + urlencode(
            {"start": "2027-03-08T00:00:00+01:00", "end": "2027-03-15T00:00:00+01:00"}
        )
        # The capped views warn in the log on every request; the figures are what matters here.
        logging.getLogger("kennisstad.agenda.selectors").setLevel(logging.ERROR)
        before = (*measure(web, month, args.repeat), cpu_ms(web, month, args.repeat))
        stored = store_worst_rules(args.copies)
        after = (*measure(web, month, args.repeat), cpu_ms(web, month, args.repeat))
        after_week = (*measure(web, week, args.repeat), cpu_ms(web, week, args.repeat))
        page = (
            *measure(web, "/agenda/month/", args.repeat),
            cpu_ms(web, "/agenda/month/", args.repeat),
        )
        shown = len(web.get(month).json())

        def row(label: str, figures) -> None:
            median, p95, queries, status, cpu = figures
            print(f"{label:58} {median:8.1f} ms {p95:8.1f} ms {cpu:8.1f} ms {queries:4} {status}")

        print(
            f"database: {connection.vendor}; {args.activities:,} activities, then {stored} "
            f"series with the worst rules ({len(WORST_RULES)} rules x {args.copies})"
        )
        print(f"{'measurement':58} {'median':>11} {'p95':>11} {'CPU':>11} {'SQL':>4} status")
        row("events.json, month view, ordinary data", before)
        row(f"events.json, month view, with the worst rules ({shown} shown)", after)
        row("events.json, week view, with the worst rules", after_week)
        row("month page (FullCalendar shell)", page)
        checks = {
            "month view with the worst rules < 100 ms": after[0] < 100,
            "month view with the worst rules < 100 ms of CPU": after[4] < 100,
            "every request answered 200": {before[3], after[3], after_week[3], page[3]} == {200},
        }
        for name, met in checks.items():
            print(f"  {'met' if met else 'NOT met'}: {name}")
        teardown_django()


if __name__ == "__main__":
    main()

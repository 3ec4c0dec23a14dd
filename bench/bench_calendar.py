"""Benchmark: the shared calendar's feeds, month view and .ics import, next to Radicale.

Run: `make bench` or `.venv/bin python bench/bench_calendar.py [--no-radicale] [--repeat N]`.
It builds a fresh SQLite database (or uses DATABASE_URL, in a database of its own), fills it
with 10,000 public activities in 2026-2028, measures, adds 90,000 internal and partner
activities as the 27 years of history before (the same number a month), and measures again.
Radicale (PyPI, `pip install -e '.[bench]'`) is started on 127.0.0.1 with the same 10,000
events. Targets (issue 4): warm feed >= 20x faster than Radicale and < 100 ms;
after a change < 300 ms; 304 < 5 ms; month view < 50 ms and as fast at 100,000 as at 10,000;
importing a 10,000-event .ics < 10 s.
"""

import argparse
import contextlib
import datetime
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from common import setup_django, teardown_django, timed  # noqa: E402


def generate(
    count: int, *, visibility_mix: bool, seed: int, prefix: str, first_year: int, years: int
) -> None:
    """``count`` activities spread evenly over ``years`` years from 1 January ``first_year``."""
    from django.utils import timezone

    from kennisstad.agenda.models import Activity, ActivityKind

    rng = random.Random(seed)
    zone = timezone.get_default_timezone()
    first = datetime.datetime(first_year, 1, 1, tzinfo=zone)
    kinds = [choice.value for choice in ActivityKind]
    batch = []
    for n in range(count):
        begins = first + datetime.timedelta(minutes=rng.randrange(0, years * 365 * 24 * 60, 15))
        all_day = n % 20 == 0
        if all_day:
            begins = begins.replace(hour=0, minute=0)
        batch.append(
            Activity(
                uid=f"{prefix}-{n}@kennisstad",
                title_nl=f"Activiteit {prefix} {n}",
                description_nl="Internationale activiteit met partners uit de regio."
                if n % 3
                else "",
                kind=kinds[n % len(kinds)],
                starts_at=begins,
                ends_at=begins
                + (datetime.timedelta(days=1) if all_day else datetime.timedelta(hours=2)),
                all_day=all_day,
                timezone="Asia/Shanghai" if n % 50 == 0 and not all_day else "Europe/Amsterdam",
                location="Stadhuis" if n % 4 == 0 else "",
                city="Groningen",
                country="NL",
                visibility=rng.choice(["internal", "partners"]) if visibility_mix else "public",
                status="cancelled" if n % 40 == 0 else "confirmed",
                rrule="FREQ=WEEKLY;COUNT=8" if n % 100 == 0 else "",
            )
        )
        if batch[-1].rrule:
            batch[-1].update_recurrence_end()  # bulk_create skips save()
    Activity.objects.bulk_create(batch, batch_size=5000)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def radicale_available() -> bool:
    return (
        shutil.which("radicale") is not None or (Path(sys.executable).parent / "radicale").exists()
    )


@contextlib.contextmanager
def radicale_serving(ics: bytes):
    """Radicale on a free port of 127.0.0.1 holding ``ics`` as one calendar; yields the
    calendar's address (a GET of it answers the whole calendar as .ics)."""
    storage = tempfile.mkdtemp(prefix="radicale-")
    port = free_port()
    config = Path(storage) / "config"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n[rights]\ntype = authenticated\n"
        f"[storage]\nfilesystem_folder = {storage}/collections\n[logging]\nlevel = warning\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        parent = urllib.request.Request(f"http://127.0.0.1:{port}/bench/", method="MKCOL")
        urllib.request.urlopen(parent, timeout=30).read()
        base = f"http://127.0.0.1:{port}/bench/calendar.ics/"
        request = urllib.request.Request(
            base, data=ics, method="PUT", headers={"Content-Type": "text/calendar"}
        )
        urllib.request.urlopen(request, timeout=300).read()
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(storage, ignore_errors=True)


def radicale_figures(ics: bytes, repeat: int) -> dict | None:
    if not radicale_available():
        return None
    with radicale_serving(ics) as base:

        def get():
            with urllib.request.urlopen(base, timeout=120) as response:
                return response.read(), response.headers.get("ETag")

        full_ms, (body, etag) = timed(get, repeat)
        conditional = urllib.request.Request(base, headers={"If-None-Match": etag or '"x"'})
        with urllib.request.urlopen(conditional, timeout=120) as response:
            status = response.status
        month = urllib.request.Request(
            base,
            method="REPORT",
            data=(
                b'<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" '
                b'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data/></D:prop>'
                b'<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">'
                b'<C:time-range start="20270301T000000Z" end="20270401T000000Z"/>'
                b"</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>"
            ),
            headers={"Depth": "1", "Content-Type": "application/xml"},
        )
        month_ms, _ = timed(
            lambda: urllib.request.urlopen(month, timeout=120).read(), max(1, repeat // 2)
        )
        return {
            "full_ms": full_ms,
            "events": body.count(b"BEGIN:VEVENT"),
            "conditional_status": status,
            "month_ms": month_ms,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public", type=int, default=10_000)
    parser.add_argument("--others", type=int, default=90_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-radicale", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client

        from kennisstad.accounts.models import Role, User
        from kennisstad.agenda.ics_import import import_events, parse_ics
        from kennisstad.agenda.models import Activity
        from kennisstad.agenda.services import save_activity

        team = User.objects.create_user("bench-team", password="x", role=Role.TEAM_MEMBER)
        web, anonymous = Client(), Client()
        web.force_login(team)
        month = {"start": "2027-03-01T00:00:00+01:00", "end": "2027-04-01T00:00:00+02:00"}

        def month_view():
            response = web.get("/agenda/events.json", month)
            assert response.status_code == 200
            return len(response.json())

        # 10,000 public activities in 2026-2028 (about 280 a month, a busy team's calendar);
        # the other 90,000 are the history of the 27 years before, at the same density: a
        # registry that keeps growing, while a month holds as much as it always did.
        generate(args.public, visibility_mix=False, seed=1, prefix="pub", first_year=2026, years=3)
        month_10k, events_10k = timed(month_view, args.repeat)

        def feed():
            response = anonymous.get("/agenda/public.ics")
            assert response.status_code == 200
            return response

        cache.clear()
        first_ms, response = timed(feed, 1)
        ics = response.content
        etag = response["ETag"]
        warm_ms, _ = timed(feed, args.repeat)
        not_modified_ms, answer = timed(
            lambda: anonymous.get("/agenda/public.ics", HTTP_IF_NONE_MATCH=etag), args.repeat
        )
        assert answer.status_code == 304

        def change_then_feed():
            activity = Activity.objects.filter(visibility="public").order_by("?").first()
            activity.title_nl = activity.title_nl + "."
            save_activity(activity=activity, user=None, expected_version=activity.version)
            begin = time.perf_counter()
            feed()
            return (time.perf_counter() - begin) * 1000

        changed = statistics.median(change_then_feed() for _ in range(max(3, args.repeat // 2)))

        history_years = max(1, round(3 * args.others / max(args.public, 1)))
        generate(
            args.others,
            visibility_mix=True,
            seed=2,
            prefix="other",
            first_year=2026 - history_years,
            years=history_years,
        )
        month_100k, events_100k = timed(month_view, args.repeat)

        imported = ics.replace(b"UID:pub-", b"UID:imp-")
        begin = time.perf_counter()
        report = import_events(parse_ics(imported.decode()), visibility="internal")
        import_s = time.perf_counter() - begin
        assert len(report.created) == args.public

        radicale = None if args.no_radicale else radicale_figures(ics, max(3, args.repeat // 2))

        def row(label: str, value: str) -> None:
            print(f"{label:62} {value:>12}")

        events_in_feed = ics.count(b"BEGIN:VEVENT")
        print(
            f"database: {connection.vendor}; public feed: {events_in_feed} events, "
            f"{len(ics) / 1e6:.1f} MB"
        )
        row("measurement", "median")
        row("public feed, first request (builds it)", f"{first_ms:.1f} ms")
        row("public feed, warm", f"{warm_ms:.1f} ms")
        row("public feed, right after a change", f"{changed:.1f} ms")
        row("public feed, conditional GET (304)", f"{not_modified_ms:.2f} ms")
        total = args.public + args.others
        row(f"month view, {args.public:,} activities ({events_10k} shown)", f"{month_10k:.1f} ms")
        row(f"month view, {total:,} activities ({events_100k} shown)", f"{month_100k:.1f} ms")
        row(f"import a {args.public:,}-event .ics", f"{import_s:.2f} s")
        if radicale:
            row(
                f"Radicale: GET the same calendar ({radicale['events']} events)",
                f"{radicale['full_ms']:.1f} ms",
            )
            row("Radicale: conditional GET answers", str(radicale["conditional_status"]))
            row("Radicale: one month (CalDAV time-range REPORT)", f"{radicale['month_ms']:.1f} ms")
            row("warm feed compared with Radicale", f"{radicale['full_ms'] / warm_ms:.1f}x faster")
        checks = {
            "warm feed < 100 ms": warm_ms < 100,
            "after a change < 300 ms": changed < 300,
            "304 < 5 ms": not_modified_ms < 5,
            "month view < 50 ms": month_100k < 50,
            "month view as fast at 100,000 as at 10,000 (within 1.5x)": month_100k
            < 1.5 * month_10k + 5,
            "import < 10 s": import_s < 10,
        }
        if radicale:
            checks["warm feed >= 20x faster than Radicale"] = radicale["full_ms"] / warm_ms >= 20
        for name, met in checks.items():
            print(f"  {'met' if met else 'NOT met'}: {name}")
        teardown_django()


if __name__ == "__main__":
    main()

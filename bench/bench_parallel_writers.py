"""Benchmark: many people writing at once while one long import runs (issue 10, finding 4).

Run: `.venv/bin/python bench/bench_parallel_writers.py [--writers 16] [--seconds 30]`.
It builds a fresh SQLite database (or, with DATABASE_URL, a PostgreSQL database of its own),
starts a real threaded server (`kennisstad runserver --noreload`) on a free 127.0.0.1 port, and
lets ``--writers`` team members write through the API for ``--seconds`` seconds (and until the
import running then ends): create and edit
activities, create projects and contact moments, and log in through the login form. Meanwhile
one more team member imports a spreadsheet of ``--import-rows`` organisations, again and again.
It prints the requests done, p50/p99 latency, the 5xx and the 503 answers. Target: no 5xx with
16 writers for 30 s, on SQLite and on PostgreSQL; a busy database may answer 503 (try again),
never 500.
"""

import argparse
import collections
import datetime
import http.cookiejar
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_calendar import free_port  # noqa: E402
from common import setup_django, teardown_django  # noqa: E402

PASSWORD = "bench-password-1234"
# Django's threaded development server: one process, a thread per request (no gunicorn here).
SERVER = [sys.executable, "-m", "kennisstad", "runserver", "--noreload", "--skip-checks"]


class Client:
    """One person's browser: cookies, CSRF token, and a log of (kind, status, milliseconds)."""

    def __init__(self, base: str, log: list):
        self.base = base
        self.log = log
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(
        self, kind, method, path, *, body=None, form=None, headers=None, files=None, timeout=120
    ):
        headers = {"Referer": self.base + "/", **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif form is not None or files is not None:
            data, content_type = _encode(form or {}, files or {})
            headers["Content-Type"] = content_type
        if method != "GET":
            headers["X-CSRFToken"] = self.csrf()
        request = urllib.request.Request(self.base + path, data, headers, method=method)
        begin = time.perf_counter()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                status, content = response.status, response.read()
                answer_headers = response.headers
        except urllib.error.HTTPError as exc:
            status, content, answer_headers = exc.code, exc.read(), exc.headers
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            status, content, answer_headers = 599, str(exc).encode(), {}
        self.log.append((kind, status, (time.perf_counter() - begin) * 1000))
        if status >= 500 and status != 503:
            self.log.append(("error-body", status, content[:300].decode(errors="replace")))
        return status, content, answer_headers

    def login(self, username: str) -> int:
        self.jar.clear()
        self.request("login-page", "GET", "/accounts/login/")
        status, _content, _headers = self.request(
            "login",
            "POST",
            "/accounts/login/",
            form={"username": username, "password": PASSWORD},
        )
        return status


def _encode(form: dict, files: dict) -> tuple[bytes, str]:
    if not files:
        return urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
    boundary = f"----bench{random.getrandbits(64):x}"
    parts = []
    for name, value in form.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def prepare(writers: int) -> None:
    """Team members with a password; the importer is one more."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from kennisstad.accounts.models import Role, User

    # The server runs with the production password hasher (the benchmark process has the
    # tests' fast one), so logins cost what they cost in production.
    password = PBKDF2PasswordHasher().encode(PASSWORD, "benchsalt1234567")
    User.objects.bulk_create(
        User(username=f"writer{n}", role=Role.TEAM_MEMBER, email=f"w{n}@x.nl", password=password)
        for n in range(writers + 1)
    )


def writer(client: Client, number: int, deadline: float, importing: threading.Event):
    """One team member: mostly API writes, now and then a fresh login."""
    rng = random.Random(number)
    mine: dict | None = None  # the last activity this writer created: (id, version)
    step = 0
    while time.monotonic() < deadline or importing.is_set():
        step += 1
        roll = rng.random()
        start = datetime.datetime(2030, 1, 1, 9, tzinfo=datetime.UTC) + datetime.timedelta(
            hours=rng.randrange(0, 20000)
        )
        if roll < 0.05:
            client.login(f"writer{number}")
        elif roll < 0.40 or mine is None:
            status, content, _h = client.request(
                "create activity",
                "POST",
                "/api/v1/activities/",
                body={
                    "title_nl": f"Bezoek {number}-{step}",
                    "kind": "conference",
                    "starts_at": start.isoformat(),
                    "ends_at": (start + datetime.timedelta(hours=2)).isoformat(),
                    "visibility": "internal",
                    "status": "confirmed",
                    "city": "Groningen",
                },
            )
            if status == 201:
                data = json.loads(content)
                mine = {"id": data["id"], "version": data["version"]}
        elif roll < 0.65:
            status, content, _h = client.request(
                "edit activity",
                "PATCH",
                f"/api/v1/activities/{mine['id']}/",
                body={"location": f"Zaal {step}"},
                headers={"If-Match": f'"{mine["version"]}"'},
            )
            if status == 200:
                mine["version"] = json.loads(content)["version"]
        elif roll < 0.82:
            client.request(
                "create project",
                "POST",
                "/api/v1/projects/",
                body={
                    "title_nl": f"Project {number}-{step}",
                    "category": "profilering-kennisstad",
                    "status": "planned",
                },
            )
        else:
            client.request(
                "create contact moment",
                "POST",
                "/api/v1/contact-moments/",
                body={
                    "happened_on": start.date().isoformat(),
                    "kind": "call",
                    "subject": f"Gesprek {number}-{step}",
                },
            )


def importer(client: Client, rows: int, deadline: float, importing: threading.Event) -> None:
    """One long import after another: a spreadsheet of ``rows`` new organisations each time.
    The writers go on until the last one ends, so its writing meets theirs."""
    round_ = 0
    while time.monotonic() < deadline:
        importing.set()
        round_ += 1
        lines = ["Naam;Land;Plaats"] + [
            f"Import {round_}-{n} B.V.;Nederland;Groningen" for n in range(rows)
        ]
        client.request("form", "GET", "/dashboard/import/")
        client.request(
            "import",
            "POST",
            "/dashboard/import/",
            form={"kind": "organisations"},
            files={"file": (f"import-{round_}.csv", "\n".join(lines).encode())},
            timeout=900,
        )
    importing.clear()


def start_server(port: int, var_dir: str, database_url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kennisstad.conf.dev",
        "DEBUG": "false",
        "KENNISSTAD_VAR_DIR": var_dir,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "ERROR",
        # runserver starts a thread per request: kept connections would pile up until
        # PostgreSQL refuses more (gunicorn's workers keep theirs; there it is 60 s).
        "DB_CONN_MAX_AGE": "0",
        "PYTHONPATH": str(ROOT / "src"),
    }
    process = subprocess.Popen(
        [*SERVER, f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(var_dir) / "server.log", "wb"),  # noqa: SIM115
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
            return process
        except OSError:  # not listening yet, or too busy starting to answer
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not start; see server.log")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


def report(log: list, seconds: float) -> int:
    """Print the figures; return the number of server errors (5xx other than 503)."""
    timings = [entry for entry in log if entry[0] != "error-body"]
    by_kind = collections.defaultdict(list)
    for kind, status, ms in timings:
        by_kind[kind].append((status, ms))
    print(f"{'request':<22} {'done':>6} {'p50 ms':>8} {'p99 ms':>8} {'5xx':>5} {'503':>5}  other")
    for kind in sorted(by_kind):
        entries = by_kind[kind]
        ms = [m for _s, m in entries]
        statuses = collections.Counter(s for s, _m in entries)
        errors = sum(n for s, n in statuses.items() if s >= 500 and s != 503)
        other = {s: n for s, n in statuses.items() if s >= 400 and s < 500}
        print(
            f"{kind:<22} {len(entries):>6} {statistics.median(ms):>8.0f} "
            f"{percentile(ms, 0.99):>8.0f} {errors:>5} {statuses[503]:>5}  {other or ''}"
        )
    all_ms = [ms for _k, _s, ms in timings]
    errors = sum(1 for _k, s, _m in timings if s >= 500 and s != 503)
    busy = sum(1 for _k, s, _m in timings if s == 503)
    print(
        f"{'all':<22} {len(timings):>6} {statistics.median(all_ms):>8.0f} "
        f"{percentile(all_ms, 0.99):>8.0f} {errors:>5} {busy:>5}"
        f"   ({len(timings) / seconds:.0f} requests/s)"
    )
    bodies = collections.Counter(
        re.sub(r"\s+", " ", body)[:160] for kind, _s, body in log if kind == "error-body"
    )
    for body, count in bodies.most_common(5):
        print(f"  {count} x {body}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--import-rows", type=int, default=5000)
    parser.add_argument("--no-import", action="store_true", help="writers only")
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="kennisstad-bench-writers-")
    setup_django(var_dir)
    from django.db import connection

    server = None
    try:
        prepare(args.writers)
        settings_dict = connection.settings_dict
        if connection.vendor == "postgresql":
            url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + settings_dict["NAME"]
        else:
            url = f"sqlite:///{settings_dict['NAME']}"
        connection.close()
        port = free_port()
        server = start_server(port, var_dir, url)
        base = f"http://127.0.0.1:{port}"
        log: list = []
        # Everybody logs in first (in parallel), so the clock runs for the writing only.
        clients = [Client(base, log) for _ in range(args.writers + 1)]
        logins = [
            threading.Thread(target=client.login, args=(f"writer{n}",))
            for n, client in enumerate(clients)
        ]
        for thread in logins:
            thread.start()
        for thread in logins:
            thread.join()
        log.clear()
        importing = threading.Event()
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=writer, args=(clients[n], n, deadline, importing))
            for n in range(args.writers)
        ]
        if not args.no_import:
            threads.append(
                threading.Thread(
                    target=importer,
                    args=(clients[-1], args.import_rows, deadline, importing),
                )
            )
        print(
            f"{connection.vendor}: {args.writers} writers for {args.seconds:.0f} s"
            + ("" if args.no_import else f", imports of {args.import_rows} rows meanwhile")
        )
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
        server.terminate()
        server.wait(timeout=30)
        errors = report(log, elapsed)
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        teardown_django()
    if errors:
        # The server's log stays for the diagnosis; a clean run leaves nothing behind.
        raise SystemExit(f"{errors} server errors (5xx other than 503); see {var_dir}/server.log")
    shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

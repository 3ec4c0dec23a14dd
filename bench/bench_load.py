"""Benchmark: speed under load (issue 15, point 7), with wrk against the production server.

Run: `make bench`, or `.venv/bin/python bench/bench_load.py [--seconds 10] [--connections 50]`;
for CI `--seconds 2`. It builds a fresh database (SQLite, or a database of its own on the
PostgreSQL server of DATABASE_URL) with the demo and 1,000 public activities, starts the server
with production settings and 2 workers (``start_app_server``: gunicorn as `make serve` runs it,
or `make serve` itself with ``--make-serve``), and runs wrk (Debian package `wrk`) on the same
machine for: the public feed answering 304 (If-None-Match), the whole feed, the portal's home,
project list and calendar, the API schema, and Radicale (`pip install -e '.[bench]'`) serving the
same 1,000 events as one .ics. Targets (2 cores, 2 workers, 50 connections): 304 >= 1,000/s;
feed >= 500/s and >= 100x Radicale; pages >= 300/s with p99 < 300 ms; schema from a cache
(>= 300/s); no errors (non-2xx/3xx answers, socket errors) in any Kennisstad run.
Each run also reports the CPU a request cost the server and wrk, and from that what an idle
machine with this many cores would serve: on a machine others are busy with, requests per second
fall with their load, the CPU a request costs much less.
"""

import argparse
import concurrent.futures
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_calendar import free_port, generate, radicale_available, radicale_serving  # noqa: E402
from common import setup_django, teardown_django  # noqa: E402

BIN = Path(sys.executable).parent
SECRET = "bench-load-secret-key-only-for-this-benchmark-0123456789abcdef"
PAGES = {"portal home": "/", "portal projects": "/projecten/", "portal calendar": "/kalender/"}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def prepare(events: int) -> tuple[bytes, int]:
    """The demo, then public activities up to ``events`` in the public feed; the feed's body
    (for Radicale) and its number of events."""
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from kennisstad.agenda.models import Activity

    call_command("demo", force=True, stdout=io.StringIO(), stderr=io.StringIO())
    public = Activity.objects.filter(visibility="public").count()
    if events > public:
        generate(
            events - public, visibility_mix=False, seed=1, prefix="pub", first_year=2026, years=3
        )
    ics = Client().get("/agenda/public.ics").content
    connections.close_all()
    return ics, ics.count(b"BEGIN:VEVENT")


def server_environment(var_dir: str, database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kennisstad.conf.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", SECRET),
        "DATABASE_URL": database_url,
        "KENNISSTAD_VAR_DIR": var_dir,
        "STATIC_ROOT": f"{var_dir}/static",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
        ),
    }


def start_app_server(env: dict, port: int, workers: int, make_serve: bool) -> subprocess.Popen:
    """The production server on 127.0.0.1:``port``: `make serve` (migrate, collectstatic,
    gunicorn with WEB_CONCURRENCY and BIND), or the same gunicorn started here."""
    bind = f"127.0.0.1:{port}"
    if make_serve:
        command = ["make", "--no-print-directory", "serve"]
        env = {**env, "BIND": bind, "WEB_CONCURRENCY": str(workers)}
    else:
        subprocess.run(
            [sys.executable, "-m", "kennisstad", "collectstatic", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # gunicorn as `make serve` starts it: its configuration reads BIND and WEB_CONCURRENCY
        # (and GUNICORN_MAX_REQUESTS, ACCESS_LOG, ... from this environment).
        env = {**env, "BIND": bind, "WEB_CONCURRENCY": str(workers)}
        command = [
            str(BIN / "gunicorn"),
            "--config=python:kennisstad.conf.gunicorn",
            "kennisstad.wsgi",
        ]
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"The server stopped at startup: {' '.join(command)}")
        try:
            urllib.request.urlopen(f"http://{bind}/agenda/public.ics", timeout=30).read()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("The server did not answer within two minutes.")


def tree_cpu(pid: int | None) -> float | None:
    """CPU seconds used so far by process ``pid`` and all its descendants (Linux /proc)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        # Its own time and that of its children it has reaped (workers gunicorn replaced).
        total = sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += tree_cpu(int(child)) or 0.0
        return total
    except (OSError, IndexError, ValueError):
        return None


def wrk(
    url: str, *, seconds: int, connections: int, headers: dict | None = None, server: int | None
) -> dict:
    """One wrk run: requests per second, p50 and p99 in ms, errors (non-2xx/3xx answers and
    socket errors: connect, read, write, timeout), and the CPU milliseconds a request cost the
    server (process ``server`` and its workers) and wrk: on a machine others are using, the
    CPU a request costs says more than the requests per second."""
    threads = min(connections, max(1, os.cpu_count() or 1))
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "30s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    server_before, wrk_before = tree_cpu(server), _children_cpu()
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    server_after, wrk_after = tree_cpu(server), _children_cpu()
    done = re.search(r"(\d+) requests in", output)
    requests = int(done.group(1)) if done else 0
    server_ms = wrk_ms = float("nan")
    if requests and server_before is not None and server_after is not None:
        server_ms = (server_after - server_before) * 1000 / requests
        wrk_ms = (wrk_after - wrk_before) * 1000 / requests
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "p50": _latency(output, "50%"),
        "p99": _latency(output, "99%"),
        "errors": errors + (int(bad.group(1)) if bad else 0),
        "server_ms": server_ms,
        "wrk_ms": wrk_ms,
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _latency(output: str, percent: str) -> float:
    match = re.search(rf"^\s+{percent}\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")


def warm(url: str, headers: dict | None, workers: int) -> None:
    """Requests at once, twice as many as workers, twice: a sync worker takes one at a time,
    so every worker builds its caches (a schema, a feed) before wrk starts counting."""

    def get(_):
        request = urllib.request.Request(url, headers=headers or {})
        try:
            urllib.request.urlopen(request, timeout=300).read()
        except urllib.error.HTTPError as exc:  # a 304 is an HTTPError to urllib
            if exc.code != 304:
                raise

    with concurrent.futures.ThreadPoolExecutor(2 * workers) as pool:
        for _ in range(2):
            list(pool.map(get, range(2 * workers)))


def measure(base: str, args, server: int, radicale_url: str | None) -> dict[str, dict]:
    def run(url, headers=None, pid=server):
        warm(url, headers, args.workers)
        return wrk(
            url, seconds=args.seconds, connections=args.connections, headers=headers, server=pid
        )

    etag = urllib.request.urlopen(f"{base}/agenda/public.ics", timeout=60).headers["ETag"]
    results = {
        "feed, conditional GET (304)": run(f"{base}/agenda/public.ics", {"If-None-Match": etag}),
        "feed, whole (200)": run(f"{base}/agenda/public.ics"),
    }
    for label, path in PAGES.items():
        results[label] = run(base + path)
    results["API schema"] = run(f"{base}/api/v1/schema/")
    if radicale_url:
        results["Radicale, the same calendar (.ics)"] = run(radicale_url, pid=None)
    return results


def report(results: dict[str, dict], events: int, args) -> bool:
    cores = os.cpu_count() or 1
    print(
        f"{'measurement':36} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'server CPU ms/req':>17} {'wrk CPU':>7} {'idle machine est. req/s':>23}"
    )
    for label, row in results.items():
        cpu = row["server_ms"] + row["wrk_ms"]
        estimate = f"{cores * 1000 / cpu:23.0f}" if cpu == cpu and cpu > 0 else f"{'-':>23}"
        print(
            f"{label:36} {row['rate']:8.1f} {row['p50']:7.1f} {row['p99']:7.1f} "
            f"{row['errors']:6d} {row['server_ms']:17.2f} {row['wrk_ms']:7.2f} {estimate}"
        )
    feed = results["feed, whole (200)"]["rate"]
    radicale = results.get("Radicale, the same calendar (.ics)")
    if radicale and radicale["rate"]:
        print(f"{'whole feed compared with Radicale':40} {feed / radicale['rate']:9.0f}x")
    checks = {
        "304 >= 1,000/s": results["feed, conditional GET (304)"]["rate"] >= 1000,
        f"whole {events}-event feed >= 500/s": feed >= 500,
        "API schema from a cache >= 300/s": results["API schema"]["rate"] >= 300,
    }
    if radicale:
        checks["whole feed >= 100x Radicale"] = feed >= 100 * radicale["rate"]
    for label in PAGES:
        checks[f"{label} >= 300/s, p99 < 300 ms"] = (
            results[label]["rate"] >= 300 and results[label]["p99"] < 300
        )
    ours = {label: row for label, row in results.items() if not label.startswith("Radicale")}
    checks["no errors in any Kennisstad run"] = all(row["errors"] == 0 for row in ours.values())
    for name, met in checks.items():
        print(f"  {'met' if met else 'NOT met'}: {name}")
    return all(checks.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="each wrk run (CI: 2)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--events", type=int, default=1000, help="public activities in the feed")
    parser.add_argument("--no-radicale", action="store_true")
    parser.add_argument("--make-serve", action="store_true", help="start `make serve`")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if shutil.which("wrk") is None:
        print("bench_load: wrk is not installed; install the Debian package: apt-get install wrk")
        sys.exit(1)

    with tempfile.TemporaryDirectory(prefix="kennisstad-load-") as var_dir:
        setup_django(var_dir)
        from django.db import connection

        database_url = os.environ.get("DATABASE_URL", "")
        if connection.vendor == "postgresql":
            database_url = database_url.rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
        ics, events = prepare(args.events)
        radicale = not args.no_radicale and radicale_available()
        port = free_port()
        env = server_environment(var_dir, database_url)
        server = start_app_server(env, port, args.workers, args.make_serve)
        load = os.getloadavg()
        try:
            if radicale:
                with radicale_serving(ics) as radicale_url:
                    results = measure(f"http://127.0.0.1:{port}", args, server.pid, radicale_url)
            else:
                results = measure(f"http://127.0.0.1:{port}", args, server.pid, None)
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(
            f"database: {connection.vendor}; cache: "
            f"{'Redis' if env.get('REDIS_URL') else 'inside each worker'}; {args.workers} workers "
            f"(replaced after {env.get('GUNICORN_MAX_REQUESTS', '50000')} requests, 0: never); "
            f"wrk on the same machine, {args.connections} connections, {args.seconds} s a run; "
            f"{os.cpu_count()} cores, load average {load[0]:.1f} at the start; "
            f"public feed: {events} events, {len(ics) / 1e6:.2f} MB"
            + ("" if radicale else "; Radicale not installed (pip install -e '.[bench]')")
        )
        met = report(results, events, args)
        teardown_django()
    if args.strict and not met:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Real app servers for tests: gunicorn with the production settings and the project's gunicorn
configuration (what ``make serve`` runs), on a free port, against the test database, stopped with
everything they started however the test ends."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote

import kennisstad

SRC = Path(kennisstad.__file__).resolve().parents[1]


# What make serve runs, with this interpreter.
COMMAND = [
    sys.executable,
    "-m",
    "gunicorn",
    "-c",
    "python:kennisstad.conf.gunicorn",
    "kennisstad.wsgi",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """The address of the database the test runs on (its NAME is the test database's)."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{quote(settings_dict['NAME'], safe='')}"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    def json(self):
        return json.loads(self.body)


@dataclass
class AppServer:
    name: str
    env: dict[str, str]
    log_path: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**self.env, "BIND": f"127.0.0.1:{self.port}"}
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                COMMAND,
                env=env,
                cwd=SRC,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: the master and its workers
            )

    def wait_until_ready(self, seconds: float = 45) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server {self.name} exited:\n{self.log()}")
            try:
                if self.get("/readyz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server {self.name} did not become ready:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:]

    def request(self, method: str, path: str, body=None, headers=None) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if isinstance(body, str):  # a form, already encoded
            payload = body.encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        else:
            payload = None
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            headers = {name.lower(): value for name, value in response.getheaders()}
            jar = SimpleCookie()
            for line in response.headers.get_all("Set-Cookie") or ():
                jar.load(line)
            cookies = {name: morsel.value for name, morsel in jar.items()}
            return Answer(response.status, headers, response.read(), cookies)
        finally:
            connection.close()

    def get(self, path: str, **headers) -> Answer:
        return self.request("GET", path, headers=headers)

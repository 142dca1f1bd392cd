"""A real Streamlit server on a fresh SQLite database, driven by Playwright in Debian's chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from assessment import store
from assessment.rubric import load_rubric
from tests.factories import closed_scan, make_scan, make_school
from tests.helpers import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; scripts/test installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1600}, "locale": "nl-NL"}


HOSTILE = ["<img src=x onerror=alert(1)>", "**bold**", "$x$"]


@dataclass
class Server:
    url: str
    engine: object
    scan: store.ScanInfo
    coordinator: str
    respondent: str
    hostile_coordinator: str


def hostile_school(engine, board: store.BoardInfo, rubric) -> str:
    """A school whose notes and actions hold hostile text; returns its coordinator code."""
    school = make_school(engine, name="Basisschool <b>Vet</b>", board=board)
    actions = [
        {"theme": "draagvlak", "title": HOSTILE[0], "owner": HOSTILE[1]},
        {"theme": "leiderschap", "title": HOSTILE[2]},
    ]
    closed_scan(engine, school, label="2025-2026", rubric=rubric, actions=actions)
    criterion = rubric.criteria[0].id
    answers = [{criterion: given} for given in [(0, HOSTILE[0]), (3, HOSTILE[1]), (1, HOSTILE[2])]]
    make_scan(engine, school, rubric=rubric, answers=answers)
    return school.coordinator_code


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    database = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.sqlite'}"
    engine = store.make_engine(database)
    store.upgrade(engine)
    school = make_school(engine)
    scan = make_scan(engine, school, respondents=1)
    hostile = hostile_school(engine, school.board, load_rubric())

    process, url = start_streamlit(database)
    yield Server(url, engine, scan.scan, school.coordinator_code, scan.codes[0], hostile)
    process.terminate()
    process.wait(timeout=10)
    engine.dispose()


def start_streamlit(
    database: str, log: Path | None = None, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str]:
    """A Streamlit server on a free port, serving server.py (app.py with its sign-in routes) on
    ``database``, once it answers; its output goes to ``log`` when given. ``env`` adds settings."""
    port = _free_port()
    env = {**os.environ, "TSO_DATABASE_URL": database, "TSO_DEMO": "0", **(env or {})}
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "server.py"),
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    if log:
        output.close()  # the server holds its own copy
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("streamlit did not start")

"""Screenshots of every page in headless Debian chromium, on a fresh database with the demo.

    python3 scripts/screenshots.py OUT_DIR [--lang en]

Starts its own Streamlit server; the pictures are for people to look at, not for tests.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import store  # noqa: E402
from assessment.rubric import load_rubric  # noqa: E402
from tests.factories import board_code  # noqa: E402

PAGES = ["resultaten", "bespreken", "actieplan", "beheer", "vragenlijst"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="nl")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    database = f"sqlite:///{tempfile.mkdtemp()}/shots.sqlite"
    engine = store.make_engine(database)
    store.upgrade(engine)
    store.seed_demo(engine, load_rubric())
    coordinator = store.demo_access(engine)
    scan = store.list_scans(engine, coordinator, coordinator.school_id)[0]
    respondent = store.issue_code(engine, coordinator, "respondent", scan_id=scan.id).code
    board_id = store.get_school(engine, coordinator, coordinator.school_id).board_id
    board = board_code(engine, board_id)

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "server.py"),
            f"--server.port={port}",
            "--server.address=127.0.0.1",
        ],
        cwd=ROOT,
        env={**os.environ, "TSO_DATABASE_URL": database, "TSO_DEMO": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(
                viewport={"width": 1280, "height": 2200}, locale=f"{args.lang}-NL"
            )

            def shoot(name: str, address: str) -> None:
                page.goto(address)
                page.wait_for_timeout(3500)
                page.screenshot(path=str(args.out / f"{name}.png"))
                print(args.out / f"{name}.png")

            shoot("start", url)
            for name in PAGES:
                shoot(name, f"{url}/{name}?demo=1")
            shoot("respondent-start", f"{url}/?code={respondent}")
            shoot("respondent-vragenlijst", f"{url}/vragenlijst?code={respondent}")
            shoot("board-vergelijken", f"{url}/vergelijken?code={board}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

"""Every message of the store exists in Dutch and English, with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import yaml

from assessment.i18n import LOCALES_DIR, catalog
from tests.helpers import ROOT

SOURCES = [
    *sorted((ROOT / "assessment" / "store").glob("*.py")),
    ROOT / "assessment" / "cli" / "store_commands.py",
]
DYNAMIC = [
    *(f"store.errors.empty_{field}" for field in ("name", "label", "title")),
    *(
        f"store.import.bad_{kind}"
        for kind in ("text", "bool", "list", "object", "int", "datetime", "date")
    ),
    *(f"store.cli.status_{status}" for status in ("open", "closed")),
]


def flat(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(tree, prefix):
        for key, value in tree.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            else:
                out[f"{prefix}{key}"] = str(value)

    walk(yaml.safe_load(path.read_text("utf-8")), "")
    return out


def used_keys() -> set[str]:
    keys = set(DYNAMIC)
    for source in SOURCES:
        code = source.read_text("utf-8")
        keys |= set(re.findall(r"\"(store\.(?:errors|import|cli)\.[a-z_]+)\"", code))
        keys |= {f"store.import.{k}" for k in re.findall(r"check\.add\(\s*\"([a-z_]+)\"", code)}
    return keys


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_dutch_and_english_have_the_same_messages_and_placeholders():
    dutch, english = (
        flat(LOCALES_DIR / "nl" / "store.yaml"),
        flat(LOCALES_DIR / "en" / "store.yaml"),
    )
    assert dutch.keys() == english.keys()
    for key in dutch:
        assert placeholders(dutch[key]) == placeholders(english[key]), key


def test_every_message_the_store_uses_exists():
    dutch = catalog("nl")  # a feature may keep its store messages in a locale file of its own
    assert used_keys() - dutch.keys() == set()
    assert len(used_keys()) > 60

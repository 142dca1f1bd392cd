"""Translations and Dutch-style number formatting, without Streamlit.

Every user-facing string lives in ``assessment/locales/<lang>/*.yaml``. The files of one language are
merged; top-level keys are areas (``scoring``, ``cli``, ``app``, ...) and ``t("scoring.complete")``
looks a dotted key up. nl is the reference language: every key exists there.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date
from babel.numbers import format_decimal

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed: 10× faster


@cache
def catalog(lang: str) -> dict[str, str]:
    """All strings of ``lang`` as a flat mapping of dotted keys."""
    flat: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.yaml")):
        _flatten(yaml.load(path.read_text(encoding="utf-8"), _LOADER) or {}, "", flat)
    return flat


def _flatten(tree: dict[str, Any], prefix: str, into: dict[str, str]) -> None:
    for key, value in tree.items():
        if not isinstance(key, str):  # YAML 1.1 reads yes/no/on/off as booleans
            raise ValueError(f"locale key {prefix}{key!r} is not a string; quote it")
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, f"{dotted}.", into)
        else:
            into[dotted] = str(value)


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: Any) -> str:
    """The text for ``key`` in ``lang`` (falling back to Dutch), with ``values`` filled in."""
    text = catalog(lang).get(key) or catalog(DEFAULT_LANGUAGE).get(key)
    if text is None:
        raise KeyError(f"no translation for '{key}'")
    return text.format(**values) if values else text


@lru_cache(maxsize=8192)  # a page shows the same few numbers on every rerun; babel is slow
def number(
    value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 1, rounding: str = ROUND_HALF_UP
) -> str:
    """``1.7`` as ``1,7`` in Dutch and ``1.7`` in English, always with ``decimals`` decimals,
    rounded half up (2,25 → 2,3) unless ``rounding`` says otherwise."""
    pattern = "0." + "0" * decimals if decimals else "0"
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)
    return format_decimal(exact, format=pattern, locale=lang, decimal_quantization=False)


def signed(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A change with its sign: ``+2,5``, ``−1,0`` and ``0,0`` (no sign for no change)."""
    shown = number(abs(value), lang)
    if shown == number(0, lang):
        return shown
    return ("+" if value > 0 else "−") + shown


def percent(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A share 0–1 as a whole percentage: ``0.5`` → ``50%``."""
    return f"{number(value * 100, lang, 0)}%"


def day(value: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as people write it: ``26 jun. 2025`` in Dutch, ``26 Jun 2025`` in English."""
    return format_date(value, "d MMM y", locale=lang)

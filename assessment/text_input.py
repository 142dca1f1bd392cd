"""The one check every text passes on its way in (screen, CSV, import, command line).

A text is stored only when it is valid Unicode without invisible control characters and not longer
than its field allows. Refused are: lone surrogates (``"\\ud800"``: not encodable, they broke
saves), control characters other than newline and tab (NUL, escape, DEL, C1), and the
bidirectional embedding, override and isolate characters U+202A–U+202E and U+2066–U+2069, with
which a name can be made to read differently from what it holds. Line ends are made ``\\n``;
surrounding white space is stripped. Everything else (emoji, accents, any script) is kept exactly.

A name (board, school, scan label, code label, action owner) is what people tell apart by eye, so
it passes ``checked_name``: on top of the above it is refused when it holds a character that shows
nothing (zero-width space and joiners U+200B–U+200D, word joiner U+2060, byte-order mark U+FEFF,
soft hyphen U+00AD, any other Unicode format character, the Hangul fillers), every run of white
space becomes one space, and it is stored in Unicode NFC. So "OBS De Regenboog" typed with a
zero-width space, a non-breaking space or a decomposed "ë" is never a second school beside the
first.

The limits, in characters after stripping:

========================  =====  ==============================================
field                     limit  where
========================  =====  ==============================================
``NOTE_LENGTH``           2000   evidence notes, agreed-value notes
``TITLE_LENGTH``          500    action titles
``NAME_LENGTH``           200    board and school names, action owners, code labels
``LABEL_LENGTH``          100    scan labels (the school year), rubric id and version
``CRITERION_LENGTH``      100    criterion and theme ids
========================  =====  ==============================================
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

NOTE_LENGTH = 2000
TITLE_LENGTH = 500
NAME_LENGTH = 200
LABEL_LENGTH = 100
CRITERION_LENGTH = 100

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LINE_END = re.compile("\r\n?")
_SPACES = re.compile(r"\s+")
# Blank letters and marks that are no format character (category Cf) but show nothing either.
_BLANK = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")


class TextRefused(ValueError):
    """A text that cannot be stored; ``kind`` names why (``not_text``, ``invalid_unicode``,
    ``control_character``, ``direction_control``, ``invisible_character``, ``too_long``); ``values`` fill its message
    (``limit`` for ``too_long``). Each caller words it for its place: ``store.errors.<kind>``,
    ``store.import.<kind>``, ``cli.csv.<kind>``."""

    def __init__(self, kind: str, **values: Any):
        self.kind = kind
        self.values = values
        super().__init__(kind)


def checked_text(value: object, limit: int) -> str:
    """``value`` as it will be stored (stripped, ``\\n`` line ends), or TextRefused saying why.
    ``None`` is the empty text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TextRefused("not_text")
    if _SURROGATE.search(value):
        raise TextRefused("invalid_unicode")
    text = _LINE_END.sub("\n", value).strip()
    if _CONTROL.search(text):
        raise TextRefused("control_character")
    if _DIRECTION.search(text):
        raise TextRefused("direction_control")
    if len(text) > limit:
        raise TextRefused("too_long", limit=limit)
    return text


def checked_name(value: object, limit: int) -> str:
    """``value`` as a name is stored and compared: ``checked_text``, without invisible
    characters (TextRefused ``invisible_character``), white space runs made one space, NFC."""
    text = checked_text(value, limit)
    if any(ch in _BLANK or unicodedata.category(ch) == "Cf" for ch in text):
        raise TextRefused("invisible_character")
    text = unicodedata.normalize("NFC", _SPACES.sub(" ", text))
    if len(text) > limit:  # NFC rarely lengthens a text, but it may
        raise TextRefused("too_long", limit=limit)
    return text


def text_problem(value: object, limit: int, *, name: bool = False) -> TextRefused | None:
    """The reason ``value`` would be refused (as a name when ``name``), or None (for checks
    that collect every problem)."""
    try:
        (checked_name if name else checked_text)(value, limit)
    except TextRefused as refused:
        return refused
    return None

"""The embedded font (DejaVu Sans, shipped in ``fonts/`` with its licence) and safe text for it.

``register_fonts()`` registers the family once per process. ``clean()`` makes any text drawable:
control characters go, and a character the font has no glyph for (most emoji) becomes one visible
box "□" that also comes back as "□" when the PDF's text is extracted, instead of an invisible
glyph that extracts as a NUL byte.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"  # 0 with a dot inside, l with a tail: codes on paper stay unambiguous
MONO_BOLD = "DejaVuSansMono-Bold"
MISSING_GLYPH = "\u25a1"  # □

_FILES = {FAMILY: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", OBLIQUE: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_covered: frozenset[int] | None = None
# Joiners, variation selectors and skin-tone modifiers belong to the emoji before them.
_EMOJI_PARTS = {0x200D, *range(0xFE00, 0xFE10), *range(0x1F3FB, 0x1F400)}


def register_fonts() -> frozenset[int]:
    """Register the family (normal, bold, italic) and the monospaced faces for codes once;
    return the code points every face of the family covers."""
    global _covered
    if _covered is not None:
        return _covered
    with _lock:
        if _covered is None:
            _fix_to_unicode_of_astral_characters()
            faces = {name: TTFont(name, str(FONT_DIR / file)) for name, file in _FILES.items()}
            for face in faces.values():
                pdfmetrics.registerFont(face)
            pdfmetrics.registerFontFamily(
                FAMILY, normal=FAMILY, bold=BOLD, italic=OBLIQUE, boldItalic=BOLD
            )
            covered = set.intersection(*(set(f.face.charToGlyph) for f in faces.values()))
            for name, file in (
                (MONO, "DejaVuSansMono.ttf"),
                (MONO_BOLD, "DejaVuSansMono-Bold.ttf"),
            ):
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
            _covered = frozenset(covered)
    return _covered


def clean(text: object) -> str:
    """``text`` as a string the embedded font can draw; keeps newlines, never adds markup."""
    covered = register_fonts()
    out: list[str] = []
    in_missing = joined = False
    for char in str(text).replace("\r\n", "\n"):
        code = ord(char)
        if char in "\r\u2028\u2029":
            out.append("\n")
        elif char == "\t":
            out.append(" ")
        elif char == "\n":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cs"):
            continue
        elif in_missing and (code in _EMOJI_PARTS or joined):
            joined = code == 0x200D  # a zero-width joiner glues the next character on
            continue
        elif code in covered:
            out.append(char)
        elif code in _EMOJI_PARTS or unicodedata.category(char) == "Cf":
            continue  # invisible anyway
        else:
            out.append(MISSING_GLYPH)
            in_missing = True
            continue
        in_missing = False
    return "".join(out)


def _fix_to_unicode_of_astral_characters() -> None:
    """ReportLab (5.1) writes the ToUnicode entry of a character above U+FFFF as e.g. <1F600>, an
    odd-length hex string that PDF readers reject, so a drawn emoji such as 😀 extracts as NUL.
    Write such entries as UTF-16 (<D83DDE00>), as the PDF reference asks; skipped once fixed."""
    original = ttfonts.makeToUnicodeCMap
    if "<D83DDE00>" in original("probe", [0x1F600]):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        cmap = original(fontname, [0] * len(subset)).split("\n")
        start = cmap.index(f"{len(subset)} beginbfchar") + 1
        for index, code in enumerate(subset):
            utf16 = chr(code).encode("utf-16-be", "surrogatepass").hex().upper()
            cmap[start + index] = f"<{index:02X}> <{utf16}>"
        return "\n".join(cmap)

    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def shorten(text: str, font: str, size: float, width: float) -> str:
    """``text`` (already cleaned) cut with "…" so that it fits on one line of ``width`` points."""
    text = " ".join(text.split())
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"

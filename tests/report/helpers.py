"""Reading a report PDF back: page texts, metadata, font sizes, images."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from io import BytesIO

from pypdf import PdfReader


def flat(text: str) -> str:
    """Text with every run of white space as one space: wrapped lines compare as one line."""
    return " ".join(text.split())


@dataclass
class Pdf:
    data: bytes

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(BytesIO(self.data))

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        return flat(self.text)

    def page_of(self, needle: str) -> int:
        """Index of the first page whose flattened text contains ``needle``."""
        return next(i for i, page in enumerate(self.pages) if needle in flat(page))

    def font_sizes(self) -> set[float]:
        sizes: set[float] = set()

        def visit(text, cm, tm, font, size):
            if text.strip():
                sizes.add(round(abs(size * tm[3] * cm[3]), 1))

        for page in self.reader.pages:
            page.extract_text(visitor_text=visit)
        return sizes

    def has_images(self) -> bool:
        return b"/Subtype /Image" in self.data

    def font_names(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            fonts = page["/Resources"].get("/Font", {})
            for font in fonts.values():
                names.add(str(font.get_object()["/BaseFont"]))
        return names

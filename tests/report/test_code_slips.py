"""The code slips: one per colleague, numbered as on screen, each QR code opens its own link."""

from __future__ import annotations

import re
import subprocess

import pytest
import zxingcpp
from PIL import Image

from assessment.report.code_slips import PER_PAGE, Slip, code_slips_pdf, grouped
from assessment.store.access import new_code
from tests.report.helpers import Pdf

SCHOOL = "OBS De Regenboog & <b>Zon</b>"


@pytest.fixture(scope="module")
def slips() -> list[Slip]:
    codes = [new_code() for _ in range(25)]
    return [
        Slip(number, "2026-2027", f"https://zelfscan.example.nl/?code={code}", code)
        for number, code in enumerate(codes, start=7)  # numbers go on after earlier batches
    ]


@pytest.fixture(scope="module")
def pdf(slips) -> Pdf:
    return Pdf(code_slips_pdf(SCHOOL, slips, "nl"))


def test_25_slips_on_three_pages_each_with_its_own_code(pdf, slips):
    assert len(pdf.pages) == 3 and PER_PAGE == 10
    printed = [
        "".join(match.split())
        for match in re.findall(
            r"Of typ deze code op de startpagina:\n(.+\n.+)\n", pdf.text, flags=re.MULTILINE
        )
    ]
    assert printed == [slip.code for slip in slips]
    assert len(set(printed)) == 25
    for slip in slips:
        assert pdf.text.count(f"Collega {slip.number}\n") == 1
    assert pdf.flat.count(SCHOOL) == 25  # drawn literally, never read as markup
    assert pdf.reader.metadata.title == f"Persoonlijke codes voor het team – {SCHOOL}"


def test_the_code_is_printed_in_groups_of_four():
    assert grouped("AbC1dEf2-_x") == "AbC1 dEf2 -_x"


def test_every_qr_code_decodes_to_the_link_of_its_own_slip(tmp_path, pdf, slips):
    source = tmp_path / "slips.pdf"
    source.write_bytes(pdf.data)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(source), str(tmp_path / "page")], check=True
    )
    decoded = []
    for image in sorted(tmp_path.glob("page-*.png")):
        found = zxingcpp.read_barcodes(Image.open(image))
        assert all(code.format == zxingcpp.BarcodeFormat.QRCode for code in found)
        # reading order on the page: row by row, left to right
        found.sort(
            key=lambda code: (round(code.position.top_left.y / 100), code.position.top_left.x)
        )
        decoded += [code.text for code in found]
    assert decoded == [slip.link for slip in slips]


def test_slips_with_a_local_address_say_that_only_this_computer_opens_them(pdf):
    code = new_code()
    local = Pdf(
        code_slips_pdf(
            SCHOOL, [Slip(1, "2026-2027", f"http://localhost:8501/?code={code}", code)], "nl"
        )
    )
    assert "werken alleen op de computer waarop ze gemaakt zijn" in " ".join(local.text.split())
    assert "alleen op de computer" not in pdf.text

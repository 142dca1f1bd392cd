"""One PDF in a fresh process: the app's report from answer CSV files, or the ReportLab floor.

    python bench/pdf_fresh.py report|floor

Prints JSON: ``first`` (seconds from the start of this script to the first PDF's bytes: imports,
rubric, fonts, layout) and ``warm`` (the median of five more). The floor is what ReportLab itself
needs for a document of the same size: the same five DejaVu faces registered, ten A4 pages of
headings, paragraphs and tables, no app code.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

STARTED = time.perf_counter()

from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FONTS = ROOT / "assessment" / "report" / "fonts"


def app_report() -> bytes:
    sys.path.insert(0, str(ROOT))
    from assessment.cli.rubric_commands import rubric_or_problems
    from assessment.report import build_report
    from assessment.report.csv_input import report_input_from_csv

    report = report_input_from_csv(
        DATA / "answers_example.csv",
        school="OBS De Meting",
        rubric=rubric_or_problems(None),
        consensus=DATA / "consensus_example.csv",
        previous=DATA / "answers_previous_example.csv",
    )
    return build_report(report)


_registered = False


def floor_report() -> bytes:
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    global _registered
    if not _registered:
        for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"):
            pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
        for name in ("DejaVuSansMono", "DejaVuSansMono-Bold"):
            pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
        _registered = True
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
    heading = ParagraphStyle("h", fontName="DejaVuSans-Bold", fontSize=14, leading=18)
    story = []
    for page in range(10):
        story.append(Paragraph(f"Thema {page + 1}: professionalisering en draagvlak", heading))
        for _ in range(4):
            story.append(
                Paragraph(
                    "Het team werkt aan een gedeelde taal over gedrag en veiligheid; "
                    "de werkgroep bespreekt de verschillen en legt afspraken vast. " * 2,
                    body,
                )
            )
        rows = [["Criterium", "Gemiddelde", "Spreiding", "Weet niet", "Fase"]] + [
            [Paragraph(f"Criterium {i} over scholing", body), "2,4", "0–3", "10%", "Uitvoeren"]
            for i in range(18)
        ]
        table = Table(rows, colWidths=[200, 70, 70, 70, 80])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), "DejaVuSans", 9),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ]
            )
        )
        story += [table, PageBreak()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def main() -> int:
    build = app_report if sys.argv[1:] == ["report"] else floor_report
    pdf = build()
    first = time.perf_counter() - STARTED
    warm = []
    for _ in range(5):
        began = time.perf_counter()
        build()
        warm.append(time.perf_counter() - began)
    print(json.dumps({"first": first, "warm": statistics.median(warm), "bytes": len(pdf)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

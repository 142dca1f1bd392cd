"""The report PDF read back with pypdf: sections in order, numbers Dutch style, every action,
metadata, header and footer, English, thresholds and privacy rules."""

from __future__ import annotations

import dataclasses
import datetime as dt

from assessment.i18n import number
from assessment.report import PreviousScan, ReportAction, ReportInput, build_report
from assessment.report.sample import sample_input
from assessment.scoring import score_scan
from assessment.views.trend import TrendPoint
from tests.report.helpers import Pdf, flat


def section_positions(pdf: Pdf, names: list[str]) -> list[int]:
    text = pdf.flat
    return [text.index(name) for name in names]


def test_the_four_sections_come_in_order(demo_like):
    _, pdf = demo_like
    positions = section_positions(pdf, ["Samenvatting", "Actieplan", "Per thema", "Bijlage"])
    assert positions == sorted(positions)
    # Each part starts on its own page: the summary on page 1, the plan straight after it.
    assert pdf.page_of("Samenvatting") == 0
    assert pdf.page_of("Actieplan") < pdf.page_of("Per thema") < pdf.page_of("Bijlage")


def test_summary_shows_school_scan_date_rubric_respondents_and_school_phase(demo_like, tso):
    report, pdf = demo_like
    first = flat(pdf.pages[0])
    assert "OBS De Regenboog" in first
    assert "2026-2027" in first
    assert "24 november 2026" in first
    assert f"versie {tso.version}" in first
    assert "30, van wie 28 de vragenlijst hebben ingeleverd" in first
    assert "Schoolfase" in first


def test_readiness_per_theme_is_on_the_first_page_in_dutch_style_with_the_change(demo_like, tso):
    report, pdf = demo_like
    first = flat(pdf.pages[0])
    assert report.previous is not None
    previous = {theme.id: theme for theme in report.previous.result.themes}
    for theme in report.result.themes:
        assert theme.readiness is not None
        shown = number(theme.readiness, "nl")
        assert "," in shown and "." not in shown
        assert shown in first
        label = tso.text(tso.theme(theme.id).label, "nl")
        before = previous[theme.id].readiness
        change = round(theme.readiness - before, 1)
        sign = "+" if change > 0 else "\u2212" if change < 0 else ""
        assert f"{label} {shown} {number(before, 'nl')} {sign}{number(abs(change), 'nl')}" in first
    radar = flat(" ".join(pdf.pages[:2]))  # the radar follows the table, on page 1 or 2
    assert "Deze scan (2026-2027)" in radar and "Vorige scan (2025-2026)" in radar


def test_every_action_and_every_previous_action_is_in_the_action_plan(demo_like):
    report, pdf = demo_like
    start = pdf.page_of("Actieplan")
    end = pdf.page_of("Per thema")
    plan = flat("\n".join(pdf.pages[start:end]))
    assert report.actions and len(report.actions) == 20
    for action in report.actions:
        assert flat(action.title) in plan
        assert action.owner in plan
        assert action.due_date.strftime("%d-%m-%Y") in plan
    assert "Acties uit de vorige scan (2025-2026)" in plan
    for action in report.previous.actions:
        assert flat(action.title) in plan
    for status in ("gepland", "bezig", "klaar"):
        assert status in plan
    assert "meegenomen naar dit actieplan" in plan
    assert "vervolg van een actie uit de vorige scan" in plan


def test_per_theme_shows_phase_reason_strengths_attention_contested_and_next_steps(demo_like, tso):
    report, pdf = demo_like
    start, end = pdf.page_of("Per thema"), pdf.page_of("Bijlage")
    themes = flat("\n".join(pdf.pages[start:end]))
    for heading in (
        "Waarom deze fase?",
        "Sterke punten",
        "Aandachtspunten",
        "Verschillend beoordeeld",
        "Volgende stappen",
    ):
        assert themes.count(heading) == len(tso.theme_list)
    for theme in tso.theme_list:
        assert tso.text(theme.label, "nl") in themes
    assert "Werkt aan:" in themes and "(nodig 2,0)" in themes
    for step in report.result.next_steps:
        assert flat(tso.text(tso.criterion(step.criterion).actions[0], "nl")) in themes


def test_the_appendix_lists_every_criterion_with_data_quality_notes(demo_like, tso):
    _, pdf = demo_like
    appendix = flat("\n".join(pdf.pages[pdf.page_of("Bijlage") :]))
    for criterion in tso.criteria:
        assert flat(tso.text(criterion.label, "nl")) in appendix
    for column in ("Gemiddelde", "Weet niet", "Spreiding", "Afgesproken", "Waarde"):
        assert column in appendix
    assert "Kwaliteit van de gegevens" in appendix
    assert "Toelichtingen" in appendix


def test_metadata_language_fonts_header_and_footer(demo_like):
    _, pdf = demo_like
    meta = pdf.reader.metadata
    assert meta.title == "Zelfscan TSO – OBS De Regenboog – 2026-2027"
    assert meta.author == "OBS De Regenboog"
    assert "Traumasensitief Onderwijs" in meta.subject
    assert pdf.reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert all("DejaVuSans" in name for name in pdf.font_names())
    total = len(pdf.pages)
    for number_, page in enumerate(pdf.pages, 1):
        assert "TSO Zelfscan · OBS De Regenboog · 2026-2027" in page
        assert f"pagina {number_} van {total}" in page


def test_english_report(tso):
    report = sample_input(tso, lang="en")
    pdf = Pdf(build_report(report))
    positions = section_positions(pdf, ["Summary", "Action plan", "By theme", "Appendix"])
    assert positions == sorted(positions)
    assert "24 November 2026" in pdf.pages[0]
    for theme in report.result.themes:
        assert number(theme.readiness, "en") in flat(pdf.pages[0])
    assert f"page 1 of {len(pdf.pages)}" in pdf.pages[0]
    assert pdf.reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "in progress" in pdf.text and "Why this phase?" in pdf.text
    for dutch in ("Samenvatting", "Actieplan", "pagina", "gepland"):
        assert dutch not in pdf.text


def test_strengths_from_2_5_and_attention_below_next_step_below(mini):
    answers = {
        "a-v1": [3, 2, 3, 2],  # 2,5: a strength
        "a-v2": [2, 2, 2],  # 2,0: neither
        "a-b1": [2, 1, 2, 2, 2],  # 1,8: attention
        "a-b2": [3, 3, 3],  # at least min_group_size scores: the value is printed
    }
    result = score_scan(mini, answers)
    report = ReportInput(
        school="School",
        scan_label="2026-2027",
        date=dt.date(2026, 11, 24),
        rubric=mini,
        result=result,
        respondents=5,
    )
    pdf = Pdf(build_report(report))
    themes = flat("\n".join(pdf.pages[pdf.page_of("Per thema") : pdf.page_of("Bijlage")]))
    alfa = themes[themes.index("Thema alfa Fase") : themes.index("Thema beta Fase")]
    strengths = alfa[alfa.index("Sterke punten") : alfa.index("Aandachtspunten")]
    attention = alfa[alfa.index("Aandachtspunten") : alfa.index("Verschillend beoordeeld")]
    assert "alfa verkennen één (2,5)" in strengths
    assert "alfa voorbereiden twee (3,0)" in strengths
    assert "alfa verkennen twee" not in strengths + attention
    assert "alfa voorbereiden één (1,8)" in attention
    assert mini.rules.strength_from == 2.5 and mini.rules.next_step_below == 2.0
    # A theme with no answers at all says so instead of listing nothing.
    beta = themes[themes.index("Thema beta Fase") :]
    assert "Nog geen criteria met een score van 2,5 of hoger." in beta
    assert "geen score" in beta


def test_roles_are_shown_only_for_groups_of_at_least_min_group_size(tso):
    report = dataclasses.replace(
        sample_input(tso, respondents=9),
        roles={"leerkracht": 5, "directie": 2, "ib_zorg": 1, "": 1},
        submitted=None,
    )
    first = flat(Pdf(build_report(report)).pages[0])
    assert "Naar rol: leerkracht 5, overige rollen samen 4" in first
    assert "directie" not in first and "intern begeleider" not in first
    assert "minder dan 3 respondenten wordt niet apart genoemd" in first


def test_without_actions_or_previous_scan_the_report_says_so_politely(mini):
    result = score_scan(mini, {"a-v1": [1, 2, 3]})
    base = ReportInput(
        school="School",
        scan_label="2026-2027",
        date=dt.date(2026, 11, 24),
        rubric=mini,
        result=result,
        respondents=2,
    )
    from_csv = Pdf(build_report(base))
    assert "gemaakt uit een CSV-bestand" in from_csv.flat
    assert "Er is geen eerdere scan om mee te vergelijken." in from_csv.flat
    assert "Er hebben 2 mensen meegedaan, minder dan 3" in from_csv.flat
    assert "Acties uit de vorige scan" not in from_csv.flat
    empty = Pdf(build_report(dataclasses.replace(base, actions=[])))
    assert "nog geen acties vastgelegd" in empty.flat


def test_an_empty_scan_waits_for_answers_instead_of_suggesting_zoek_uit(mini):
    report = ReportInput(
        school="School",
        scan_label="2026-2027",
        date=dt.date(2026, 11, 24),
        rubric=mini,
        result=score_scan(mini, {}),
        respondents=0,
    )
    text = Pdf(build_report(report)).flat
    waiting = (
        "Wacht op antwoorden: zodra collega's de vragenlijst invullen, staan hier voorstellen."
    )
    assert text.count(waiting) == len(mini.theme_list)  # one per theme, under "Volgende stappen"
    assert "Zoek uit" not in text
    with_plan = Pdf(build_report(dataclasses.replace(report, actions=[]))).flat
    assert "nog geen acties vastgelegd. Wacht op antwoorden" in with_plan
    assert "De volgende stappen per thema zijn een goed begin" not in with_plan


def test_two_themes_get_bars_with_both_scans_and_every_value_in_text(mini):
    now = score_scan(mini, {"a-v1": [3, 3], "b-v1": [1, 2]})
    before = score_scan(mini, {"a-v1": [1, 1], "b-v1": [2, 2]})
    report = ReportInput(
        school="School",
        scan_label="2026-2027",
        date=dt.date(2026, 11, 24),
        rubric=mini,
        result=now,
        respondents=2,
        previous=PreviousScan("2025-2026", before, actions=[ReportAction("Oude actie")]),
        actions=[ReportAction("Nieuwe actie", theme="alfa", status="doing")],
    )
    pdf = Pdf(build_report(report))
    first = flat(pdf.pages[0])
    for value in ("100,0", "33,3", "50,0", "66,7"):  # this scan and the previous, in the bars
        assert value in first
    assert "+66,7" in first and "\u221216,7" in first
    assert "Van de ene actie uit de vorige scan: 1 gepland, 0 meegenomen" in pdf.flat
    assert "gepland, niet meegenomen" in pdf.flat


def test_page_one_holds_the_development_map_with_all_four_cell_words(mini):
    # alfa works on verkennen and has not reached voorbereiden; beta completed verkennen and
    # nobody answered its voorbereiden criteria (as in tests/test_development_map.py)
    answers = {"a-v1": [1], "a-v2": [1], "a-b1": [1], "a-b2": [1], "b-v1": [3], "b-v2": [3]}
    report = ReportInput(
        school="School",
        scan_label="2026-2027",
        date=dt.date(2026, 11, 24),
        rubric=mini,
        result=score_scan(mini, answers),
        respondents=1,
    )
    first = flat(Pdf(build_report(report)).pages[0])
    assert "Ontwikkelkaart" in first
    for word in ("afgerond", "hier werkt het team aan", "nog niet aan toe", "te weinig informatie"):
        assert word in first
    english = flat(Pdf(build_report(dataclasses.replace(report, lang="en"))).pages[0])
    for word in (
        "complete",
        "the team is working here",
        "not reached yet",
        "too little information",
    ):
        assert word in english


def test_three_scans_or_more_show_readiness_over_the_years(mini):
    report = ReportInput(
        school="School",
        scan_label="2026-2027",
        date=dt.date(2026, 11, 24),
        rubric=mini,
        result=score_scan(mini, {"a-v1": [3], "b-v1": [2]}),
        respondents=3,
        trend=[
            TrendPoint("2024-2025", [20.0, None]),
            TrendPoint("2025-2026", [40.0, 30.0]),
            TrendPoint("2026-2027", [100.0, 66.7]),
        ],
    )
    text = Pdf(build_report(report)).flat
    assert "Gereedheid door de jaren" in text
    assert "2024-2025" in text and "2025-2026" in text
    assert "66,7" in text  # the newest value printed at the end of its line
    without = Pdf(build_report(dataclasses.replace(report, trend=()))).flat
    assert "Gereedheid door de jaren" not in without

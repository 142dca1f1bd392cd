"""Where a criterion's wording comes from, in words: our own, or the consortium materials it was
checked against (``checked_against`` in the rubric), so a trainer sees it at once."""

from __future__ import annotations

from assessment.i18n import t
from assessment.rubric import Criterion, Rubric


def checked_against_text(rubric: Rubric, criterion: Criterion, lang: str) -> str:
    """The origin in words, "Eigen formulering …" or "Getoetst aan: Handboek TSO v2.0"; a key that names
    one of the rubric's sources is shown as that source's text."""
    if not criterion.checked_against:
        return t("provenance.own_wording", lang)
    materials = "; ".join(
        rubric.sources[key].text if key in rubric.sources else key
        for key in criterion.checked_against
    )
    return t("provenance.checked_against", lang, materials=materials)

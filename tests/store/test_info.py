"""What the store hands out: an access says which school, scan or board it is bound to."""

from __future__ import annotations

import pytest

from assessment.store import Access, AccessDenied


def test_a_bound_access_names_its_school_scan_and_board():
    respondent = Access("respondent", school_id=3, scan_id=7, respondent_id=11, code_id=5)
    assert (respondent.bound_school_id, respondent.bound_scan_id) == (3, 7)
    assert Access("board", board_id=2).bound_board_id == 2


@pytest.mark.parametrize("bound", ["bound_school_id", "bound_scan_id", "bound_board_id"])
def test_an_access_bound_to_none_of_them_is_refused(bound):
    with pytest.raises(AccessDenied):
        getattr(Access("admin"), bound)

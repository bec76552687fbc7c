"""policy.retention: defaults for older packages, and one negative test per check."""

from __future__ import annotations

import copy

import pytest

from exam_packages.errors import InputError
from exam_packages.model import normalize_meta, retention_of, validate_meta
from exam_packages.pkg_testing import sample_meta


def test_defaults_fill_in_and_older_packages_get_them() -> None:
    meta = sample_meta()
    meta["policy"]["retention"] = {"evidence_days": 7}
    assert normalize_meta(meta)["policy"]["retention"] == {"evidence_days": 7,
                                                           "records_days": 365}
    assert retention_of(None) == {"evidence_days": 30, "records_days": 365}
    assert retention_of({"retention": {"evidence_days": 14, "records_days": 14}}) == {
        "evidence_days": 14, "records_days": 14}


@pytest.mark.parametrize(("retention", "message"), [
    ([], "exam.policy.retention: expected a mapping"),
    ({"images_days": 3}, "exam.policy.retention: unknown field 'images_days'"),
    ({"evidence_days": 0}, "exam.policy.retention.evidence_days: expected a whole number"),
    ({"evidence_days": True}, "exam.policy.retention.evidence_days: expected a whole number"),
    ({"records_days": "365"}, "exam.policy.retention.records_days: expected a whole number"),
    ({"evidence_days": 40, "records_days": 30},
     "exam.policy.retention.records_days must not be shorter than evidence_days"),
])
def test_bad_retention_refused(retention: object, message: str) -> None:
    meta = sample_meta()
    meta["policy"]["retention"] = retention
    before = copy.deepcopy(meta)
    with pytest.raises(InputError) as err:
        validate_meta(meta)
    assert message in err.value.user_message and meta == before

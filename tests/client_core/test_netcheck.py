"""The bandwidth verdict converts goodput back to a link rate (client.core.netcheck)."""

from __future__ import annotations

import pytest

from client.core.netcheck import link_rate_kbps, meets_minimum


@pytest.mark.parametrize(("goodput", "needed", "passed"), [
    (488, 512, True),    # measured on a 512 kbit/s tbf link (docs/client.md)
    (499, 512, True),
    (469, 512, False),   # a 490 kbit/s link
    (244, 512, False),   # measured on a 256 kbit/s link
    (244, 256, True),
    (0, 512, False),
    (0, 0, True),        # no minimum in the policy
])
def test_verdict(goodput: float, needed: float, passed: bool) -> None:
    assert meets_minimum(goodput, needed) is passed


def test_link_rate_adds_header_overhead() -> None:
    assert link_rate_kbps(1448) == pytest.approx(1514)

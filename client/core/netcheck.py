"""The bandwidth verdict: measured throughput against the exam's minimum link rate.

The exam rule ("at least 512 kbit/s") is about the student's *link*; the client
measures *goodput*, the application bytes that arrive. On a full-size TCP
segment the link also carries Ethernet, IP and TCP headers (with timestamps):
1514 bytes on the wire per 1448 bytes of data, so a 512 kbit/s link measures
about 488 kbit/s of goodput (measured here on a ``tc tbf`` link, see
docs/client.md). The verdict converts goodput back to the link rate and allows
3 % for measurement noise, so a 512 kbit/s link passes and a 490 kbit/s one,
or a 256 kbit/s one, does not.
"""

from __future__ import annotations

WIRE_BYTES_PER_DATA_BYTE = 1514 / 1448
MEASUREMENT_TOLERANCE = 0.97


def link_rate_kbps(goodput_kbps: float) -> float:
    """The link rate that carries ``goodput_kbps`` of TCP payload."""
    return goodput_kbps * WIRE_BYTES_PER_DATA_BYTE


def meets_minimum(goodput_kbps: float, needed_kbps: float) -> bool:
    """Whether a measured goodput shows a link of at least ``needed_kbps``."""
    if needed_kbps <= 0:
        return True
    return link_rate_kbps(goodput_kbps) >= needed_kbps * MEASUREMENT_TOLERANCE

"""Qt's ICU data cut to what a kk/ru/en client can ask for.

    python -m bundling.icu LIBICUDATA [--report]

The PySide6 wheels' Qt links ICU with all of its data: ``libicudata.so.NN`` is 32 MB (12.4 MB
in the archive) holding the locale data of ~800 locales, CJK/Thai/Khmer word-break
dictionaries, transliterators and ~200 legacy code-page converters. Qt calls ICU for
collation, case mapping and legacy encodings; the student client runs in Kazakh, Russian or
English and reads and writes UTF-8.

The data is one ICU "common data" package (``CmnD``) in the library's read-only data: a
header, a table of contents sorted by item name (ICU finds items by binary search over it)
and the items. This rewrites the table of contents in place with only the kept items and
zeroes the dropped items' bytes: the library keeps its size and symbols, the archive's
compression removes the zeroes. An item dropped here is, for ICU, an item that is not
there: it falls back to the parent locale, then ``root`` (the same as a locale ICU does not
know).

Kept: everything that is not locale data (character properties, normalisation, case
mapping, break rules, ``ucadata`` collation, time zones, plural rules, ...); locale data of
``root`` and of the languages in ``LANGUAGES``; single-byte code pages (Cyrillic KOI8-R,
CP1251, CP866 among them). Dropped: other languages' locale data, word-break
dictionaries, transliteration, multi-byte (CJK) converters.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

LANGUAGES = ("en", "ru", "kk")
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(_[A-Za-z0-9]+)*$")
SMALL_CONVERTER = 10_000  # bytes: single-byte code pages are 1-3 KB, CJK ones 100+ KB


class _Package:
    """The ``CmnD`` package inside ``data``: its table of contents, items by name."""

    def __init__(self, data: bytes) -> None:
        at = data.find(b"CmnD")
        start = at - 12
        if at < 12 or data[start + 2:start + 4] != b"\xda\x27":
            raise ValueError("no ICU common data package (CmnD) in this file")
        if data[start + 8] != 0:
            raise ValueError("big-endian ICU data is not handled")
        header_size = struct.unpack_from("<H", data, start)[0]
        self.toc = start + header_size
        count = struct.unpack_from("<I", data, self.toc)[0]
        entries = [struct.unpack_from("<II", data, self.toc + 4 + 8 * k) for k in range(count)]
        self.names = [data[self.toc + name:data.index(b"\0", self.toc + name)].decode("ascii")
                      for name, _ in entries]
        self.offsets = [offset for _, offset in entries]
        self.name_offsets = [name for name, _ in entries]
        order = sorted(range(count), key=lambda k: self.offsets[k])
        # an item runs to the next one; the last one's end is not recorded: it is not
        # zeroed (only taken out of the table of contents when dropped)
        ends = [self.offsets[k] for k in order[1:]] + [self.offsets[order[-1]]]
        self.sizes = {k: end - self.offsets[k] for k, end in zip(order, ends, strict=True)}


def keep(name: str, size: int) -> bool:
    """Whether the item ``name`` (e.g. ``icudt73l/coll/zh.res``) stays."""
    path = name.split("/", 1)[1] if "/" in name else name
    folder, _, leaf = path.rpartition("/")
    stem, _, ext = leaf.rpartition(".")
    if folder == "translit" or ext == "dict":
        return False
    if ext == "cnv":
        return size <= SMALL_CONVERTER
    if ext != "res":
        return True  # properties, normalisation, break rules, collation tables, ...
    match = _LOCALE.match(stem)
    if stem == "root" or match is None:
        return True  # not locale data: supplementalData, zoneinfo64, pool, res_index, ...
    return match.group("lang") in LANGUAGES


def trim(data: bytes) -> tuple[bytes, int, int]:
    """``data`` with the package cut; (new bytes, items kept, bytes zeroed)."""
    package = _Package(data)
    out = bytearray(data)
    kept = [k for k in range(len(package.names))
            if keep(package.names[k], package.sizes[k])]
    zeroed = 0
    for k in set(range(len(package.names))) - set(kept):
        start = package.toc + package.offsets[k]
        out[start:start + package.sizes[k]] = bytes(package.sizes[k])
        zeroed += package.sizes[k]
    table = package.toc + 4
    out[table:table + 8 * len(package.names)] = bytes(8 * len(package.names))
    struct.pack_into("<I", out, package.toc, len(kept))
    for i, k in enumerate(kept):  # still sorted by name: ICU's binary search holds
        struct.pack_into("<II", out, table + 8 * i, package.name_offsets[k], package.offsets[k])
    return bytes(out), len(kept), zeroed


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bundling.icu", description=__doc__)
    p.add_argument("library", type=Path)
    args = p.parse_args(argv)
    data = args.library.read_bytes()
    small, kept, zeroed = trim(data)
    args.library.write_bytes(small)
    print(f"{args.library.name}: {kept} ICU data items kept, {zeroed / 1e6:.1f} MB zeroed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

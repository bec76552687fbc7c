"""bundling.icu: ICU's package cut to kk/ru/en, and Qt still maps and sorts kk/ru text."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from bundling.icu import _Package, keep, trim

ITEMS = {  # name -> body
    "icudt73l/coll/kk.res": b"K" * 64,
    "icudt73l/coll/zh.res": b"Z" * 96,
    "icudt73l/en_GB.res": b"E" * 32,
    "icudt73l/ja.res": b"J" * 48,
    "icudt73l/root.res": b"R" * 16,
    "icudt73l/supplementalData.res": b"S" * 32,
    "icudt73l/translit/root.res": b"T" * 32,
    "icudt73l/uprops.icu": b"U" * 16,
    "icudt73l/zz.cnv": b"C" * 16,
}


def _package() -> bytes:
    """A little-endian CmnD package: header, table of contents, names, 16-aligned items."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\0" * 4)
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    header += bytes(32 - len(header))
    names = sorted(ITEMS)
    toc_size = 4 + 8 * len(names)
    blob = b"".join(n.encode() + b"\0" for n in names)
    at, entries, body = toc_size + len(blob), [], b""
    name_at = toc_size
    for name in names:
        pad = (-at) % 16
        body += bytes(pad)
        at += pad
        entries.append((name_at, at))
        name_at += len(name) + 1
        body += ITEMS[name]
        at += len(ITEMS[name])
    toc = struct.pack("<I", len(names)) + b"".join(struct.pack("<II", *e) for e in entries)
    return b"\x7fELF" + bytes(60) + header + toc + blob + body


def test_only_kk_ru_en_root_and_non_locale_items_stay_and_the_rest_is_zeroed() -> None:
    data = _package()
    small, kept, zeroed = trim(data)
    assert len(small) == len(data)
    package = _Package(small)
    assert package.names == ["icudt73l/coll/kk.res", "icudt73l/en_GB.res", "icudt73l/root.res",
                             "icudt73l/supplementalData.res", "icudt73l/uprops.icu",
                             "icudt73l/zz.cnv"]
    assert kept == 6 and b"Z" * 96 not in small and b"J" * 48 not in small
    assert b"T" * 32 not in small and zeroed >= 96 + 48 + 32
    for name in package.names:  # kept items unchanged, where the table says
        k = package.names.index(name)
        start = package.toc + package.offsets[k]
        assert small[start:start + len(ITEMS[name])] == ITEMS[name]


def test_the_keep_rules() -> None:
    assert keep("icudt73l/kk_KZ.res", 100) and keep("icudt73l/ru.res", 100)
    assert not keep("icudt73l/zh_Hant_TW.res", 100) and not keep("icudt73l/brkitr/cjdict.dict", 1)
    assert keep("icudt73l/brkitr/word.brk", 10**6) and keep("icudt73l/zoneinfo64.res", 10**6)
    assert keep("icudt73l/ibm-5347_P100-1998.cnv", 2000)
    assert not keep("icudt73l/gb18030.cnv", 230_000)


def test_a_file_without_icu_data_is_refused() -> None:
    with pytest.raises(ValueError, match="no ICU common data package"):
        trim(b"\x7fELF" + bytes(1000))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt links ICU on Linux")
def test_qt_maps_and_sorts_kazakh_and_russian_with_the_cut_data(tmp_path: Path) -> None:
    import PySide6

    found = sorted(Path(PySide6.__file__).parent.glob("Qt/lib/libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU of its own")
    small, _, zeroed = trim(found[-1].read_bytes())
    assert zeroed > 10_000_000
    cut = tmp_path / found[-1].name
    cut.write_bytes(small)
    code = ("from functools import cmp_to_key\n"
            "from PySide6.QtCore import QCollator, QLocale\n"
            "kk, ru = QLocale('kk_KZ'), QLocale('ru_RU')\n"
            "print(kk.toUpper('әліппе'), ru.toUpper('ёжик'))\n"
            "print(sorted(['үй', 'әке', 'өрік', 'алма'], key=cmp_to_key(QCollator(kk).compare)))\n"
            "print(sorted(['щука', 'ёж', 'арбуз'], key=cmp_to_key(QCollator(ru).compare)))\n"
            "print(sorted(['中', '文'], key=cmp_to_key(QCollator(QLocale('zh_CN')).compare)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, LD_PRELOAD=str(cut)), timeout=60, check=True)
    lines = done.stdout.splitlines()
    assert lines[:3] == ["ӘЛІППЕ ЁЖИК", "['алма', 'әке', 'өрік', 'үй']", "['арбуз', 'ёж', 'щука']"]
    assert lines[3] == "['中', '文']"  # Chinese collation is gone: code point order (root)

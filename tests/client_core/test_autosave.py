from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from client.core.autosave import CURRENT, PREVIOUS, AutosaveStore
from client.core.clock import SystemClock
from client.core.localkeys import KeyringKeys, KeyUnavailableError
from client.core.timer import ExamTimer
from exam_packages.errors import LocalStateError
from tests.support.clocks import FakeClock

from .keysources import MemoryKeyring, StaticKeys

ROOT = Path(__file__).resolve().parents[2]
KEYS = KeyringKeys(MemoryKeyring())
KEY = bytes(range(32))





def test_round_trip_and_files_are_encrypted(tmp_path: Path) -> None:
    clock = FakeClock(wall=1_800_000_000.0)
    timer = ExamTimer.start(clock, deadline=clock.wall() + 3600, server_time=clock.wall())
    store = AutosaveStore(tmp_path / "att", KEYS)
    answers = {"q1": "a", "q2": ["b", "c"], "q3": "Астана"}
    store.save("att_1", answers, timer, flags=["q2"], extra={"page": 3})
    clock.advance(60)
    state = AutosaveStore(tmp_path / "att", KEYS).resume(clock)
    assert state.answers == answers and state.flags == ["q2"] and state.extra == {"page": 3}
    assert state.attempt_id == "att_1" and state.warnings == []
    assert state.timer.remaining() == pytest.approx(3600 - 60)
    raw = (tmp_path / "att" / CURRENT).read_bytes()
    # Markers long enough that random ciphertext cannot contain them by chance
    # (a 2-byte marker like b"q2" shows up in a few % of random files).
    assert "Астана".encode() not in raw
    assert b'"answers"' not in raw and b'"q2"' not in raw
    assert sorted(p.name for p in (tmp_path / "att").iterdir()) == [CURRENT]  # no key file


def test_attempt_key_encrypted_at_rest(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "att", KEYS)
    key = Ed25519PrivateKey.generate()
    store.store_attempt_key(key)
    loaded = AutosaveStore(tmp_path / "att", KEYS).load_attempt_key()
    assert loaded is not None
    pub = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert loaded.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw) == pub
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    assert raw not in (tmp_path / "att" / "attempt_key.bin").read_bytes()


def test_folder_without_its_key_cannot_be_opened(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "att", KEYS)
    store.store_attempt_key(Ed25519PrivateKey.generate())
    copied = tmp_path / "copy"
    (tmp_path / "att").rename(copied)  # a copy of the folder (backup, other account)
    before = sorted(p.name for p in copied.iterdir())
    with pytest.raises(LocalStateError, match="not in the system keyring"):
        AutosaveStore(copied, KEYS).load_attempt_key()
    assert sorted(p.name for p in copied.iterdir()) == before


@pytest.mark.parametrize("jump", [-7200.0, +7200.0])
def test_moving_wall_clock_in_process_changes_nothing(jump: float) -> None:
    clock = FakeClock()
    timer = ExamTimer.start(clock, deadline=clock.wall() + 1000, server_time=clock.wall())
    clock.advance(100)
    clock.set_wall(clock.wall() + jump)
    assert timer.remaining() == pytest.approx(900)


@pytest.mark.parametrize("jump", [-7200.0, +7200.0])
def test_resume_same_boot_clock_moved_gains_nothing(tmp_path: Path, jump: float) -> None:
    clock = FakeClock()
    timer = ExamTimer.start(clock, deadline=clock.wall() + 1000, server_time=clock.wall())
    store = AutosaveStore(tmp_path / "att", KEYS)
    clock.advance(100)
    store.save("att_1", {"q1": "a"}, timer)
    clock.advance(50)  # killed, restarted 50 s later with the clock moved
    clock.set_wall(clock.wall() + jump)
    state = AutosaveStore(tmp_path / "att", KEYS).resume(clock)
    assert state.timer.remaining() == pytest.approx(850)


def test_resume_after_reboot_clock_moved_back_gains_nothing(tmp_path: Path) -> None:
    clock = FakeClock()
    timer = ExamTimer.start(clock, deadline=clock.wall() + 1000, server_time=clock.wall() - 30)
    store = AutosaveStore(tmp_path / "att", KEYS)
    clock.advance(100)
    store.save("att_1", {"q1": "a"}, timer)
    saved_remaining = 1030 - 100
    clock.advance(300)  # power off for 300 s
    clock.reboot()
    clock.set_wall(clock.wall() - 3600)  # and the student sets the clock back an hour
    state = AutosaveStore(tmp_path / "att", KEYS).resume(clock)
    assert state.timer.remaining() == pytest.approx(saved_remaining)
    clock.advance(10)
    assert state.timer.remaining() == pytest.approx(saved_remaining - 10)


def test_resume_after_reboot_honest_clock_counts_downtime(tmp_path: Path) -> None:
    clock = FakeClock()
    timer = ExamTimer.start(clock, deadline=clock.wall() + 1000, server_time=clock.wall() - 30)
    store = AutosaveStore(tmp_path / "att", KEYS)
    clock.advance(100)
    store.save("att_1", {"q1": "a"}, timer)
    clock.advance(300)
    clock.reboot()
    state = AutosaveStore(tmp_path / "att", KEYS).resume(clock)
    # offset corrects the 30 s slow local clock: 1000 - 30 - 100 - 300 ... in server time
    assert state.timer.remaining() == pytest.approx(1030 - 400)


def test_server_resync_is_authoritative() -> None:
    clock = FakeClock()
    timer = ExamTimer.start(clock, deadline=clock.wall() + 1000, server_time=clock.wall())
    clock.advance(10)
    timer.resync(server_time=clock.wall() + 5, deadline=clock.wall() + 1200)
    assert timer.remaining() == pytest.approx(1195)


def test_corrupt_autosave_raises_typed_error_and_keeps_previous(tmp_path: Path) -> None:
    clock = FakeClock()
    timer = ExamTimer.start(clock, deadline=clock.wall() + 1000, server_time=clock.wall())
    store = AutosaveStore(tmp_path / "att", KEYS)
    store.save("att_1", {"q1": "a"}, timer)
    store.save("att_1", {"q1": "a", "q2": "b"}, timer)
    prev_bytes = (tmp_path / "att" / PREVIOUS).read_bytes()
    current = tmp_path / "att" / CURRENT
    data = bytearray(current.read_bytes())
    data[40] ^= 0x01
    current.write_bytes(bytes(data))
    with pytest.raises(LocalStateError, match="autosave.bin is damaged or was changed"):
        store.read_snapshot(current)
    state = AutosaveStore(tmp_path / "att", KEYS).resume(clock)
    assert state.answers == {"q1": "a"}
    assert state.warnings == ["autosave.bin is damaged or was changed."]
    assert (tmp_path / "att" / PREVIOUS).read_bytes() == prev_bytes
    # the next save must not rotate the damaged copy over the good one
    store2 = AutosaveStore(tmp_path / "att", KEYS)
    store2.save("att_1", {"q1": "c"}, timer)
    assert (tmp_path / "att" / PREVIOUS).read_bytes() == prev_bytes


def test_no_readable_autosave(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "att", KEYS)
    store.store_attempt_key(Ed25519PrivateKey.generate())  # the key exists; the data is bad
    (tmp_path / "att" / CURRENT).write_bytes(b"EMA1" + b"\x00" * 40)
    with pytest.raises(LocalStateError, match="No readable autosave"):
        store.resume(FakeClock())


def test_missing_key_is_not_damage(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "att", KEYS)
    clock = FakeClock()
    store.save("att_1", {"q1": "a"}, ExamTimer.start(clock, clock.wall() + 60, clock.wall()))
    before = sorted(p.name for p in (tmp_path / "att").iterdir())
    other = KeyringKeys(MemoryKeyring())  # e.g. another user's keyring: no entry
    with pytest.raises(KeyUnavailableError, match="not in the system keyring"):
        AutosaveStore(tmp_path / "att", other).resume(clock)
    assert sorted(p.name for p in (tmp_path / "att").iterdir()) == before  # nothing moved


WRITER = r"""
import sys
from pathlib import Path
from client.core.autosave import AutosaveStore
from client.core.clock import SystemClock
from client.core.timer import ExamTimer
from tests.client_core.keysources import StaticKeys
clock = SystemClock()
timer = ExamTimer.start(clock, deadline=clock.wall() + 3600, server_time=clock.wall())
store = AutosaveStore(Path(sys.argv[1]), StaticKeys(bytes.fromhex(sys.argv[2])))
answers = {}
i = 0
while True:
    answers[f"q{i}"] = f"answer {i}"
    store.save("att_kill", answers, timer)
    print(i, flush=True)
    i += 1
"""


def test_kill_9_resume_gets_every_saved_answer(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(tmp_path / "att"), KEY.hex()],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    last = -1
    for line in proc.stdout:
        last = int(line)
        if last >= 40:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    state = AutosaveStore(tmp_path / "att", StaticKeys(KEY)).resume(SystemClock())
    for i in range(last + 1):  # everything acknowledged before the kill is there
        assert state.answers[f"q{i}"] == f"answer {i}"
    assert 0 < state.timer.remaining() <= 3600

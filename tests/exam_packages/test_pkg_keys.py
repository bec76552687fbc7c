"""Key files and the trust store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exam_packages.errors import InputError, UntrustedSignerError
from exam_packages.keys import (
    generate_results_key,
    generate_signing_key,
    key_id,
    load_private_key,
    load_public_key,
    raw_public_bytes,
    save_private_key,
    save_public_key,
)
from exam_packages.trust import TrustStore


def test_passphrase_protected_key_round_trip(tmp_path: Path) -> None:
    key = generate_results_key()
    path = tmp_path / "institution.pem"
    save_private_key(key, path, passphrase=b"correct horse")
    assert path.stat().st_mode & 0o777 == 0o600
    assert b"ENCRYPTED PRIVATE KEY" in path.read_bytes()
    loaded = load_private_key(path, passphrase=b"correct horse")
    assert raw_public_bytes(loaded.public_key()) == raw_public_bytes(key.public_key())


def test_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "institution.pem"
    save_private_key(generate_results_key(), path, passphrase=b"correct horse")
    with pytest.raises(InputError, match="wrong passphrase for private key file") as info:
        load_private_key(path, passphrase=b"battery staple")
    assert info.value.code == "bad_passphrase"


def test_missing_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "author.pem"
    save_private_key(generate_signing_key(), path, passphrase=b"pw")
    with pytest.raises(InputError, match="protected by a passphrase; none was given"):
        load_private_key(path)


def test_unencrypted_key_and_public_key_round_trip(tmp_path: Path) -> None:
    key = generate_signing_key()
    save_private_key(key, tmp_path / "a.pem")
    save_public_key(key.public_key(), tmp_path / "a.pub")
    loaded = load_private_key(tmp_path / "a.pem")
    public = load_public_key(tmp_path / "a.pub")
    assert key_id(loaded.public_key()) == key_id(public) == key_id(key.public_key())
    assert len(key_id(public)) == 64


def test_not_a_key_file(tmp_path: Path) -> None:
    (tmp_path / "x.pem").write_text("hello")
    with pytest.raises(InputError, match="is not a PEM private key"):
        load_private_key(tmp_path / "x.pem")


def test_trust_store_save_load_get(tmp_path: Path) -> None:
    first, second = generate_signing_key().public_key(), generate_signing_key().public_key()
    store = TrustStore.from_keys([("Physics dept", first), ("Maths dept", second)])
    store.save(tmp_path / "trust.json")
    loaded = TrustStore.load(tmp_path / "trust.json")
    assert loaded.key_ids() == sorted([key_id(first), key_id(second)])
    assert raw_public_bytes(loaded.get(key_id(first))) == raw_public_bytes(first)
    assert loaded.name_of(key_id(second)) == "Maths dept"


def test_trust_store_unknown_key() -> None:
    store = TrustStore.from_keys([generate_signing_key().public_key()])
    with pytest.raises(UntrustedSignerError, match="unknown author key"):
        store.get("00" * 32)
    assert len(store) == 1


def test_trust_file_with_bad_key(tmp_path: Path) -> None:
    (tmp_path / "trust.json").write_text(json.dumps({"authors": [{"name": "x",
                                                                  "public_key": "AAAA"}]}))
    with pytest.raises(InputError, match=r"authors\[0\].public_key: not a base64 raw 32-byte"):
        TrustStore.load(tmp_path / "trust.json")

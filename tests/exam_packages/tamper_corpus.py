"""A generated corpus of hostile inputs for packages, trust files, stores and envelopes.

``make_corpus(folder) -> list[Variant]``: every variant names the CLI command that
must exit 2, the API call that must raise ``error`` (a VerificationError subclass
unless the input is the person's own file: then InputError), and the message.
Classes (issue 10): unsigned/oversized/deep manifests, signed-but-hostile
manifests, content that is wrong but readable, rollback at every open, compressed
entries and bombs for every reader (verify, preview without --trust, sign,
inspect), deep trust file / rollback store / envelope header.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exam_packages import keys as keyfiles
from exam_packages.canonical import canonical_bytes
from exam_packages.content_crypto import load_content_key
from exam_packages.envelope import MAGIC, open_result
from exam_packages.errors import (
    EmtihanError,
    InputError,
    IntegrityError,
    MalformedPackageError,
    RollbackError,
    SignatureError,
    UntrustedSignerError,
)
from exam_packages.keys import key_id
from exam_packages.package import open_package, read_manifest_unverified, verify_package
from exam_packages.pkg_testing import PackageKeys, build_sample, rewrite_package
from exam_packages.pkg_tools import read_content_unverified, resign_package
from exam_packages.rollback import RollbackStore
from exam_packages.trust import TrustStore

MiB = 1 << 20
BOMB_SIZE = 256 * MiB


@dataclass
class Variant:
    name: str
    argv: list[str]
    api: Callable[[], Any]
    error: type[EmtihanError]
    message: str


@dataclass
class World:
    folder: Path
    keys: PackageKeys
    other: Ed25519PrivateKey
    plain: bytes
    encrypted: Path
    trust: Path

    def store(self) -> TrustStore:
        return TrustStore.load(self.trust)

    def write(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


def _manifest(data: bytes) -> dict[str, Any]:
    return read_manifest_unverified(data)


def _signed(world: World, raw: bytes, key: Ed25519PrivateKey | None = None,
            base: bytes | None = None) -> bytes:
    key = key or world.keys.author
    return rewrite_package(base or world.plain,
                           {"manifest.json": raw, "manifest.sig": key.sign(raw)})


def _with_content(world: World, doc: bytes) -> bytes:
    """The plain package with ``content/exam.json`` replaced, hashes updated, re-signed."""
    manifest = _manifest(world.plain)
    manifest["files"]["content/exam.json"] = {"sha256": hashlib.sha256(doc).hexdigest(),
                                              "size": len(doc)}
    base = rewrite_package(world.plain, {"content/exam.json": doc})
    return _signed(world, canonical_bytes(manifest), base=base)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _verify_variant(world: World, name: str, data: bytes, error: type[EmtihanError],
                    message: str) -> Variant:
    path = world.write(f"{name}.emtihan", data)
    return Variant(name, ["verify", str(path), "--trust", str(world.trust), "--no-window"],
                   lambda: verify_package(path, world.store(), check_window=False),
                   error, message)


def _manifest_variants(world: World) -> list[Variant]:
    kid = key_id(world.keys.author.public_key())
    good = _manifest(world.plain)
    raw = canonical_bytes(good)
    sig = world.keys.author.sign(raw)
    head = f'{{"author_key_id":"{kid}","exam":'.encode()
    deep_989 = head + _nested(989).encode() + b"}"
    flat = b'{"author_key_id":"' + kid.encode() + b'","x":[' + b"0," * (8 * MiB - 100) + b"0]}"
    block = _nested(500).encode()
    nested_500 = b"[" + b",".join([block] * (16 * MiB // (len(block) + 1) - 1)) + b"]"
    other_kid = key_id(world.other.public_key())
    cases: list[tuple[str, bytes, type[EmtihanError], str]] = [
        ("unsigned_16mib_nested", rewrite_package(world.plain, {
            "manifest.json": _nested(8 * MiB).encode()}), MalformedPackageError, "too large"),
        ("unsigned_16mib_nested_500", rewrite_package(world.plain, {
            "manifest.json": nested_500}), MalformedPackageError, "too large"),
        ("unsigned_16mib_flat", rewrite_package(world.plain, {"manifest.json": flat}),
         MalformedPackageError, "too large"),
        ("unsigned_nested_989", rewrite_package(world.plain, {
            "manifest.json": deep_989, "manifest.sig": sig}), SignatureError,
         "signature is invalid"),
        ("signed_nested_989", _signed(world, deep_989), MalformedPackageError,
         "nested too deeply"),
        ("signed_nested_65", _signed(world, head + _nested(65).encode() + b"}"),
         MalformedPackageError, "nested too deeply"),
        ("signed_over_cap", _signed(world, raw[:-1] + b"," + b'"z":"' + b"a" * MiB + b'"}'),
         MalformedPackageError, "too large"),
        ("flipped_manifest_byte", rewrite_package(world.plain, {
            "manifest.json": raw.replace(b'"format_version":1', b'"format_version":2')}),
         SignatureError, "signature is invalid"),
        ("short_signature", rewrite_package(world.plain, {"manifest.sig": sig[:63]}),
         SignatureError, "signature is invalid"),
        ("untrusted_signer", _signed(world, raw.replace(kid.encode(), other_kid.encode()),
                                     world.other), UntrustedSignerError, "unknown author key"),
        ("signed_by_other_claims_trusted", _signed(world, raw, world.other), SignatureError,
         "signature is invalid"),
        ("signed_duplicate_key", _signed(world, raw[:-1] + b',"format":"emtihan-package"}'),
         MalformedPackageError, "duplicate key"),
        ("signed_float", _signed(world, raw.replace(b'"format_version":1',
                                                    b'"format_version":1.0')),
         MalformedPackageError, "non-integer number"),
        ("signed_not_canonical", _signed(world, json.dumps(good, indent=1).encode()),
         MalformedPackageError, "not in canonical JSON form"),
        ("signed_bad_utf8", _signed(world, raw.replace(b'"format"', b'"form\xffat"')),
         MalformedPackageError, "not valid UTF-8"),
        ("signed_lone_surrogate", _signed(world, raw.replace(
            b'"files"', b'"x":"\\ud800","files"')), MalformedPackageError, "lone surrogate"),
    ]
    return [_verify_variant(world, *case) for case in cases]


def _content_variants(world: World) -> list[Variant]:
    doc = json.loads(zipfile.ZipFile(io.BytesIO(world.plain)).read("content/exam.json"))
    no_questions = {"questions": {}, "sections": []}
    missing = {**doc, "sections": [{**doc["sections"][0], "questions": ["q1", "q9"]}]}
    q1 = {**doc["questions"]["q1"], "correct": ["z"]}
    not_option = {**doc, "questions": {**doc["questions"], "q1": q1}}
    flipped = bytearray(zipfile.ZipFile(io.BytesIO(world.plain)).read("content/exam.json"))
    flipped[10] ^= 1
    cases: list[tuple[str, bytes, type[EmtihanError], str]] = [
        ("content_zero_questions", _with_content(world, canonical_bytes(no_questions)),
         MalformedPackageError, "'questions' must be a non-empty mapping"),
        ("content_section_missing_question", _with_content(world, canonical_bytes(missing)),
         MalformedPackageError, "question 'q9' does not exist"),
        ("content_correct_not_option", _with_content(world, canonical_bytes(not_option)),
         MalformedPackageError, "'z' is not an option id"),
        ("content_nested_deep", _with_content(world, _nested(5000).encode()),
         MalformedPackageError, "nested too deeply"),
        ("content_float", _with_content(world, b'{"questions":1.5}'), MalformedPackageError,
         "non-integer number"),
        ("content_not_canonical", _with_content(world, json.dumps(doc, indent=2).encode()),
         MalformedPackageError, "not in canonical JSON form"),
        ("content_byte_flipped", rewrite_package(world.plain, {
            "content/exam.json": bytes(flipped)}), IntegrityError, "SHA-256 does not match"),
        ("extra_file", rewrite_package(world.plain, add={"media/x.png": b"x"}),
         IntegrityError, "unexpected file"),
        ("missing_media", rewrite_package(world.plain, {"media/diagram.png": None}),
         IntegrityError, "missing from the package"),
        ("trailing_bytes", world.plain + b"\0", MalformedPackageError,
         "unexpected data after the end"),
    ]
    return [_verify_variant(world, *case) for case in cases]


def _rollback_variants(world: World) -> list[Variant]:
    store = world.folder / "rollback-v4.json"
    RollbackStore(store).record("phys-101-final", 4)
    plain = world.write("v3.emtihan", world.plain)
    key = world.folder / "encrypted.emtihan.key"

    def opened() -> Any:
        return open_package(world.encrypted, world.store(), check_window=False,
                            content_key=load_content_key(key), rollback=RollbackStore(store))

    return [
        Variant("rollback_verify", ["verify", str(plain), "--trust", str(world.trust),
                                    "--no-window", "--rollback-store", str(store)],
                lambda: verify_package(plain, world.store(), check_window=False,
                                       rollback=RollbackStore(store)),
                RollbackError, "older than version 4"),
        Variant("rollback_open_encrypted", [
            "verify", str(world.encrypted), "--trust", str(world.trust), "--no-window",
            "--content-key", str(key), "--rollback-store", str(store)], opened,
            RollbackError, "older than version 4"),
    ]


def _bomb(world: World) -> Path:
    """Signed manifest naming a 256 MiB content entry stored deflated (~3 MB, 80:1)."""
    manifest = _manifest(world.plain)
    manifest["files"]["content/exam.json"] = {"sha256": "0" * 64, "size": BOMB_SIZE}
    raw = canonical_bytes(manifest)
    block = b"".join(os.urandom(12) + b"\0" * 2000 for _ in range(512))
    path = world.folder / "bomb.emtihan"
    source = zipfile.ZipFile(io.BytesIO(world.plain))
    def info(name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = (stat.S_IFREG | 0o644) << 16
        return entry

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        with out.open(info("content/exam.json"), "w") as dst:
            written = 0
            while written < BOMB_SIZE:
                piece = block[: BOMB_SIZE - written]
                dst.write(piece)
                written += len(piece)
        out.writestr(info("media/diagram.png"), source.read("media/diagram.png"))
        out.writestr(info("manifest.json"), raw)
        out.writestr(info("manifest.sig"), world.keys.author.sign(raw))
    return path


def _reader_variants(world: World) -> list[Variant]:
    bomb = _bomb(world)
    compressed = "is compressed; package entries are stored"
    deep = world.write("deep-unsigned.emtihan", rewrite_package(world.plain, {
        "manifest.json": _nested(8 * MiB).encode()}))
    author_key = world.folder / "author.key"
    out = world.folder / "resigned.emtihan"
    return [
        Variant("bomb_preview_unverified", ["preview", str(bomb), "--seed", "1"],
                lambda: read_content_unverified(bomb), MalformedPackageError, compressed),
        Variant("bomb_sign", ["sign", str(bomb), "--author-key", str(author_key), "--out",
                              str(out)],
                lambda: resign_package(bomb, out, world.keys.author),
                MalformedPackageError, compressed),
        Variant("bomb_verify", ["verify", str(bomb), "--trust", str(world.trust),
                                "--no-window"],
                lambda: verify_package(bomb, world.store(), check_window=False),
                MalformedPackageError, compressed),
        Variant("bomb_inspect", ["inspect", str(bomb)], lambda: read_manifest_unverified(bomb),
                MalformedPackageError, compressed),
        Variant("deep_manifest_preview_unverified", ["preview", str(deep), "--seed", "1"],
                lambda: read_content_unverified(deep), MalformedPackageError, "too large"),
        Variant("deep_manifest_inspect", ["inspect", str(deep)],
                lambda: read_manifest_unverified(deep), MalformedPackageError, "too large"),
    ]


def _file_variants(world: World) -> list[Variant]:
    trust = world.write("deep-trust.json", b'{"authors":' + _nested(100_000).encode() + b"}")
    store = world.write("deep-rollback.json", b'{"x":' + _nested(100_000).encode() + b"}")
    plain = world.write("plain-for-store.emtihan", world.plain)
    results_key = world.folder / "results.key"
    head = b'{"meta":' + _nested(400_000).encode() + b"}"
    envelope = world.write("deep.envelope", MAGIC + len(head).to_bytes(4, "big") + head +
                           b"\0" * 64)
    return [
        Variant("trust_file_nested", ["verify", str(plain), "--trust", str(trust),
                                      "--no-window"],
                lambda: TrustStore.load(trust), InputError, "nested too deeply"),
        Variant("rollback_store_nested", [
            "verify", str(plain), "--trust", str(world.trust), "--no-window",
            "--rollback-store", str(store)],
            lambda: verify_package(plain, world.store(), check_window=False,
                                   rollback=RollbackStore(store)),
            RollbackError, "nested too deeply"),
        Variant("envelope_header_nested", [
            "grade", str(envelope), "--key", str(results_key), "--package", str(plain),
            "--trust", str(world.trust)],
            lambda: open_result(envelope.read_bytes(), world.keys.results),
            MalformedPackageError, "nested too deeply"),
    ]


def make_corpus(folder: Path) -> list[Variant]:
    keys = PackageKeys.generate()
    plain = build_sample(folder, keys, name="plain.emtihan").path.read_bytes()
    encrypted = build_sample(folder, keys, encrypt=True, name="encrypted.emtihan").path
    trust = folder / "trust.json"
    keys.trust().save(trust)
    keyfiles.save_private_key(keys.author, folder / "author.key")
    keyfiles.save_private_key(keys.results, folder / "results.key")
    world = World(folder, keys, Ed25519PrivateKey.generate(), plain, encrypted, trust)
    return (_manifest_variants(world) + _content_variants(world) + _rollback_variants(world)
            + _reader_variants(world) + _file_variants(world))


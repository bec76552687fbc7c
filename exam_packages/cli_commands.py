"""The sub-commands of ``emtihan-author`` (argument parsing lives in :mod:`cli`)."""

from __future__ import annotations

import argparse
import io
import json
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from . import keys, safejson
from .content_crypto import load_content_key
from .envelope import open_result
from .errors import InputError, MalformedPackageError
from .gift import decode_gift, import_gift
from .grading import grade, render_report, report_to_dict
from .importing import ImportResult, render_import_report, write_source
from .moodle import import_moodle_xml
from .package import build_package, open_package, read_manifest_unverified, verify_package
from .paper import make_paper
from .pkg_tools import read_content_unverified, resign_package
from .rollback import RollbackStore
from .source import load_source
from .trust import TrustStore

MAX_ENVELOPE_BYTES = 1 << 30
MAX_HANDIN_JSON = 16 << 20


def _passphrase(args: argparse.Namespace) -> bytes | None:
    var = getattr(args, "passphrase_env", None)
    if not var:
        return None
    value = os.environ.get(var)
    if not value:
        raise InputError(f"environment variable {var} is not set (it should hold the "
                         "passphrase)")
    return value.encode("utf-8")


def _content_key(args: argparse.Namespace) -> bytes | None:
    return load_content_key(Path(args.content_key)) if args.content_key else None


def _now(args: argparse.Namespace) -> datetime | None:
    if not getattr(args, "now", None):
        return None
    try:
        now = datetime.fromisoformat(args.now)
    except ValueError as exc:
        raise InputError(f"--now: not an ISO 8601 time: {args.now!r}") from exc
    if now.tzinfo is None:
        raise InputError("--now: give a time zone, e.g. 2026-12-01T09:00:00Z")
    return now


def _author_key(args: argparse.Namespace) -> Ed25519PrivateKey:
    key = keys.load_private_key(Path(args.author_key), _passphrase(args))
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError(f"{args.author_key} is not an author (Ed25519) key")
    return key


def cmd_keygen(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not args.force:
        raise InputError(f"{out} already exists; use --force to overwrite it")
    key = keys.generate_signing_key() if args.kind == "author" else keys.generate_results_key()
    keys.save_private_key(key, out, _passphrase(args))
    public_path = Path(f"{out}.pub")
    keys.save_public_key(key.public_key(), public_path)
    print(f"{args.kind} private key: {out} (mode 0600)")
    print(f"public key: {public_path}")
    print(f"key id: {keys.key_id(key.public_key())}")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    out = Path(args.out)
    store = TrustStore.load(out) if out.exists() else TrustStore()
    for index, path in enumerate(args.public_keys):
        name = args.name[index] if index < len(args.name) else Path(path).stem
        pub = keys.load_public_key(Path(path))
        if isinstance(pub, X25519PublicKey):
            raise InputError(f"{path} is a results (X25519) key, not an author key")
        print(f"trusted {name}: {store.add(name, pub)}")
    store.save(out)
    print(f"trust file: {out} ({len(store)} author key(s))")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    source = load_source(Path(args.source))
    recipient = keys.load_public_key(Path(args.recipient))
    if not isinstance(recipient, X25519PublicKey):
        raise InputError(f"{args.recipient} is not a results (X25519) public key")
    result = build_package(source.meta, source.exam_doc, source.media, Path(args.out),
                           _author_key(args), recipient, args.encrypt)
    exam = result.manifest["exam"]
    print(f"built {result.path}: exam {exam['exam_id']} version {exam['version']}, "
          f"{len(source.exam_doc['questions'])} questions, {len(source.media)} media file(s)")
    if result.key_path is not None:
        print(f"content key: {result.key_path} (keep it secret until the exam starts)")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    manifest = resign_package(Path(args.package), Path(args.out), _author_key(args))
    print(f"signed {args.out} with author key {manifest['author_key_id']}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    trust = TrustStore.load(Path(args.trust))
    key = _content_key(args)
    window = not args.no_window
    rollback = RollbackStore(Path(args.rollback_store)) if args.rollback_store else None
    if key is not None:
        opened = open_package(Path(args.package), trust, content_key=key, now=_now(args),
                              check_window=window, rollback=rollback)
        manifest = opened.manifest
    else:
        verify_package(Path(args.package), trust, now=_now(args), check_window=window,
                       rollback=rollback)
        manifest = read_manifest_unverified(Path(args.package))
    exam = manifest["exam"]
    signer = trust.name_of(manifest["author_key_id"]) or manifest["author_key_id"][:16]
    extra = " and decrypted" if key is not None else ""
    print(f"OK: {args.package} verified{extra}: exam {exam['exam_id']} version "
          f"{exam['version']}, signed by {signer}")
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from .cli_render import render_manifest

    manifest = read_manifest_unverified(Path(args.package))
    print("NOT VERIFIED: use `verify` to check the signature and files")
    print(render_manifest(manifest))
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from .cli_render import render_paper

    key = _content_key(args)
    if args.trust:
        opened = open_package(Path(args.package), TrustStore.load(Path(args.trust)),
                              content_key=key, check_window=False)
        manifest, doc = opened.manifest, opened.exam_doc
    else:
        manifest, doc = read_content_unverified(Path(args.package), key)
    paper = make_paper(doc, manifest["exam"].get("policy", {}), str(args.seed))
    if not args.trust:
        print("(signature not checked; pass --trust FILE to verify it)")
    print(render_paper(doc, paper, manifest["exam"]["title"]), end="")
    return 0


def _write_import(result: ImportResult, out: Path, force: bool) -> int:
    if (out / "exam.yaml").exists() and not force:
        raise InputError(f"{out / 'exam.yaml'} already exists; use --force to overwrite it")
    path = write_source(result, out)
    print(render_import_report(result))
    print(f"wrote {path}")
    return 0


def _read_input(path: str, limit: int = 64 << 20) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputError(f"{path} is larger than {limit} bytes")
    return data


def cmd_import_moodle(args: argparse.Namespace) -> int:
    return _write_import(import_moodle_xml(_read_input(args.xml)), Path(args.out), args.force)


def cmd_import_gift(args: argparse.Namespace) -> int:
    text = decode_gift(_read_input(args.file))
    return _write_import(import_gift(text), Path(args.out), args.force)


def _handin_document(payload: bytes) -> Any:
    """``handin.json`` from a hand-in zip (client.core.handin), or the payload as JSON."""
    if not payload.startswith(b"PK\x03\x04"):
        return safejson.loads(payload, "the result payload")
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as zf:
            info = zf.getinfo("handin.json")
            if info.file_size > MAX_HANDIN_JSON:
                raise MalformedPackageError("handin.json in the result is too large")
            with zf.open(info) as handle:
                data = handle.read(MAX_HANDIN_JSON + 1)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise MalformedPackageError("the result payload is not a valid hand-in bundle") from exc
    if len(data) > MAX_HANDIN_JSON:
        raise MalformedPackageError("handin.json in the result is too large")
    return safejson.loads(data, "handin.json in the result")


def _result_payload(args: argparse.Namespace) -> dict[str, Any]:
    key = keys.load_private_key(Path(args.key), _passphrase(args))
    if not isinstance(key, X25519PrivateKey):
        raise InputError(f"{args.key} is not an institution results (X25519) key")
    opened = open_result(_read_input(args.envelope, MAX_ENVELOPE_BYTES), key)
    payload = _handin_document(opened.payload)
    if not isinstance(payload, dict) or not isinstance(payload.get("paper"), dict):
        raise MalformedPackageError("the result payload has no paper")
    return payload


def _check_same_exam(payload: dict[str, Any], exam: dict[str, Any]) -> None:
    if payload.get("exam_id") != exam["exam_id"]:
        raise InputError(f"the result is for exam {payload.get('exam_id')!r}, the package is "
                         f"{exam['exam_id']!r}")
    version = payload.get("exam_version")
    if version is not None and version != exam["version"]:
        raise InputError(f"the result is for version {version!r} of {exam['exam_id']}, the "
                         f"package is version {exam['version']}")


def cmd_grade(args: argparse.Namespace) -> int:
    payload = _result_payload(args)
    opened = open_package(Path(args.package), TrustStore.load(Path(args.trust)),
                          content_key=_content_key(args), check_window=False)
    exam = opened.manifest["exam"]
    _check_same_exam(payload, exam)
    paper = payload["paper"]
    report = grade(opened.exam_doc, payload.get("answers") or {}, paper)
    seed = payload.get("seed", paper.get("seed"))
    warning = ""
    if isinstance(seed, str) and seed and \
            make_paper(opened.exam_doc, exam.get("policy", {}), seed) != paper:
        warning = "warning: the paper differs from the one its seed gives"
    if args.json:
        print(json.dumps({"exam_id": exam["exam_id"], "attempt_id": payload.get("attempt_id"),
                          "warning": warning or None, **report_to_dict(report)},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"exam {exam['exam_id']} version {exam['version']}, attempt "
          f"{payload.get('attempt_id')}")
    if warning:
        print(warning)
    print(render_report(report))
    return 0

"""Server logic without HTTP: auth, catalogue, start, receipts, review, admin tasks."""

from __future__ import annotations

import csv
import io
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import ApiError, InputError, VerificationError

from . import ids, publish, security
from .blobs import BlobStore
from .clock import Clock, to_iso
from .config import ServerConfig
from .storage import Row, SqlStorage
from .throttle import LoginThrottle

ROLES = ("student", "invigilator", "admin")


@dataclass(frozen=True)
class Principal:
    role: str
    exam_id: str | None = None
    student_id: str | None = None


def _not_found(what: str) -> ApiError:
    return ApiError(f"{what.replace('_', ' ')} not found", status=404, code=f"{what}_not_found")


class ExamService:
    def __init__(self, storage: SqlStorage, blobs: BlobStore, key: security.ServerKey,
                 config: ServerConfig, data_dir: Path, *, clock: Clock | None = None) -> None:
        self.storage, self.blobs, self.key, self.config = storage, blobs, key, config
        self.data_dir = Path(data_dir)
        self.clock = clock or Clock()
        self._dummy: str | None = None
        self.throttle = LoginThrottle(storage, config)

    # -- admin -------------------------------------------------------------
    def publish(self, package: Path, content_key_file: Path | None = None) -> Row:
        fields = publish.exam_fields(publish.read_manifest(Path(package)))
        content_key = publish.read_content_key(content_key_file)
        if fields.pop("encrypted") and content_key is None:
            raise InputError("the package is encrypted: pass --content-key FILE")
        current = self.storage.get_exam(fields["exam_id"])
        if current is not None and current["version"] > fields["version"]:
            raise InputError(f"version {fields['version']} is older than the published "
                             f"version {current['version']}")
        sha, size = publish.file_sha256(Path(package))
        blob_key = f"packages/{fields['exam_id']}/{sha}"
        self.blobs.put_file(blob_key, Path(package))
        row = {**fields, "package_key": blob_key, "package_sha256": sha, "package_size": size,
               "content_key": content_key, "published_at": self.clock.now()}
        self.storage.put_exam(row)
        return row

    def import_roster(self, csv_text: str, exam_id: str) -> int:
        """Rows ``student_id,name,access_code[,extra_time_s]`` (a header row is skipped)."""
        ids.check_id("exam_id", exam_id)
        rows = [r for r in csv.reader(io.StringIO(csv_text)) if r and any(c.strip() for c in r)]
        if rows and rows[0][0].strip().lower() == "student_id":
            rows = rows[1:]
        parsed = [self._roster_row(n, r) for n, r in enumerate(rows, start=1)]
        for student_id, name, code, extra in parsed:
            code_hash = security.hash_access_code(code, n=self.config.scrypt_n)
            self.storage.put_student(exam_id, student_id, name, code_hash, extra)
        return len(parsed)

    @staticmethod
    def _roster_row(line: int, row: list[str]) -> tuple[str, str, str, int]:
        if len(row) not in (3, 4):
            raise InputError(f"roster row {line}: expected student_id,name,access_code"
                             "[,extra_time_s]")
        student_id, name, code = (c.strip() for c in row[:3])
        if ids.PATTERNS["student_id"].fullmatch(student_id) is None or not code:
            raise InputError(f"roster row {line}: bad student_id or empty access code")
        extra = row[3].strip() if len(row) == 4 else "0"
        if not extra.isdigit():
            raise InputError(f"roster row {line}: extra_time_s must be a whole number")
        return student_id, name, code, int(extra)

    def create_token(self, role: str, ttl_s: int, exam_id: str | None = None,
                     student_id: str | None = None) -> tuple[str, int]:
        if role not in ROLES or ttl_s <= 0:
            raise InputError(f"role must be one of {ROLES} and ttl positive")
        token, now = security.new_token(), self.clock.now()
        self.storage.put_token(security.token_hash(token), role, exam_id, student_id,
                               created_at=now, expires_at=now + ttl_s)
        return token, now + ttl_s

    def revoke_tokens(self, *, token: str | None = None, role: str | None = None,
                      exam_id: str | None = None, student_id: str | None = None) -> int:
        """Revoke one token, all tokens of a role, or a student's; returns how many."""
        if role is not None and role not in ROLES:
            raise InputError(f"role must be one of {ROLES}")
        if (exam_id is None) != (student_id is None):
            raise InputError("give both the exam and the student id")
        if exam_id is not None and student_id is not None:
            ids.check_id("exam_id", exam_id)
            ids.check_id("student_id", student_id)
        if token is None and role is None and exam_id is None:
            raise InputError("say which tokens to revoke: a token, a role or a student")
        return self.storage.revoke_tokens(
            token_hash=security.token_hash(token) if token is not None else None, role=role,
            exam_id=exam_id, student_id=student_id)

    # -- auth ----------------------------------------------------------------
    def authenticate(self, token: str, address: str = "") -> Principal:
        now = self.clock.now()
        row = self.storage.get_token(security.token_hash(token))
        if row is None or row["expires_at"] <= now:
            self.throttle.token_refused(address, now)
        if row is None:
            raise ApiError("unknown or revoked token: sign in again", status=401,
                           code="invalid_token")
        if row["expires_at"] <= now:
            raise ApiError("token expired: sign in again", status=401, code="token_expired")
        return Principal(row["role"], row["exam_id"], row["student_id"])

    def logout(self, token: str) -> None:
        """Sign-out: the token stops working at once."""
        self.storage.revoke_tokens(token_hash=security.token_hash(token))

    def login(self, exam_id: str, student_id: str, access_code: str,
              address: str = "") -> dict[str, Any]:
        """Check the code under the throttle; a new token revokes the student's older ones."""
        ids.check_id("exam_id", exam_id)
        ids.check_id("student_id", student_id)
        student = self.throttle.check_code(f"{exam_id}/{student_id}", address,
                                           self.clock.now(),
                                           lambda: self._check_code(exam_id, student_id,
                                                                    access_code))
        token, now = security.new_token(), self.clock.now()
        expires = now + self.config.student_token_ttl_s
        self.storage.rotate_student_token(security.token_hash(token), exam_id, student_id,
                                          created_at=now, expires_at=expires)
        return {"token": token, "expires_at": to_iso(expires), "role": "student",
                "exam_id": exam_id, "student_id": student_id, "name": student["name"]}

    def _check_code(self, exam_id: str, student_id: str, access_code: str) -> Row:
        student = self.storage.get_student(exam_id, student_id)
        # Hash even for unknown students so timing does not reveal who is on the roster.
        stored = student["code_hash"] if student else self._dummy_hash()
        try:
            security.verify_access_code(access_code, stored)
            if student is None:
                raise VerificationError("not on the roster", code="bad_credentials")
        except VerificationError as exc:
            raise ApiError("wrong exam, student id or access code", status=401,
                             code="bad_credentials") from exc
        return student

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = security.hash_access_code(secrets.token_hex(8), n=self.config.scrypt_n)
        return self._dummy

    @staticmethod
    def require_role(who: Principal, *roles: str) -> None:
        if who.role not in roles:
            raise ApiError("not allowed for this role", status=403, code="forbidden")

    # -- student ---------------------------------------------------------------
    def _student_exam(self, who: Principal, exam_id: str) -> Row:
        ids.check_id("exam_id", exam_id)
        self.require_role(who, "student")
        if who.exam_id != exam_id:
            raise ApiError("this sign-in is for another exam", status=403, code="forbidden")
        exam = self.storage.get_exam(exam_id)
        if exam is None:
            raise _not_found("exam")
        return exam

    def catalogue(self, who: Principal) -> list[dict[str, Any]]:
        self.require_role(who, "student")
        exam = self.storage.get_exam(who.exam_id or "")
        student = self.storage.get_student(who.exam_id or "", who.student_id or "")
        if exam is None or student is None:
            return []
        attempt = self.storage.get_attempt_by_student(exam["exam_id"], student["student_id"])
        return [{"exam_id": exam["exam_id"], "version": exam["version"], "title": exam["title"],
                 "opens_at": to_iso(exam["opens_at"]), "closes_at": to_iso(exam["closes_at"]),
                 "duration_s": exam["duration_s"], "extra_time_s": student["extra_time_s"],
                 "encrypted": exam["content_key"] is not None,
                 "package_sha256": exam["package_sha256"],
                 "package_size": exam["package_size"],
                 "mirrors": [f"{m.rstrip('/')}/{exam['exam_id']}/{exam['package_sha256']}"
                             ".emtihan" for m in self.config.package_mirrors],
                 "attempt_id": attempt["attempt_id"] if attempt else None}]

    def package(self, who: Principal, exam_id: str) -> Row:
        return self._student_exam(who, exam_id)

    def start(self, who: Principal, exam_id: str, public_key: str) -> dict[str, Any]:
        exam = self._student_exam(who, exam_id)
        try:
            security.unb64(public_key, length=32, what="public_key")
        except InputError as exc:
            raise ApiError(exc.user_message, status=422, code="validation_error") from exc
        student = self.storage.get_student(exam_id, who.student_id or "")
        if student is None:
            raise ApiError("not on the roster", status=403, code="forbidden")
        now, extra = self.clock.now(), int(student["extra_time_s"])
        attempt = self.storage.get_attempt_by_student(exam_id, student["student_id"])
        resumed = attempt is not None
        if attempt is None:
            if now < exam["opens_at"]:
                raise ApiError("the exam has not opened yet", status=409, code="exam_not_open")
            if now >= exam["closes_at"]:
                raise ApiError("the exam is closed", status=409, code="exam_closed")
            deadline = min(now + exam["duration_s"] + extra, exam["closes_at"] + extra)
            attempt = self.storage.create_attempt({
                "attempt_id": ids.new_attempt_id(), "exam_id": exam_id,
                "student_id": student["student_id"], "public_key": public_key,
                "started_at": now, "deadline": deadline})
        key_changed = attempt["public_key"] != public_key
        if key_changed:
            self.storage.change_attempt_key(attempt["attempt_id"], public_key, now)
        return {"attempt_id": attempt["attempt_id"], "exam_id": exam_id,
                "student_id": attempt["student_id"], "content_key": exam["content_key"],
                "server_time": to_iso(now), "started_at": to_iso(attempt["started_at"]),
                "deadline": to_iso(attempt["deadline"]), "extra_time_s": extra,
                "resumed": resumed, "key_changed": key_changed,
                "package_sha256": exam["package_sha256"]}

    def attempt_for(self, who: Principal, attempt_id: str) -> Row:
        """The attempt, if ``who`` may see it (students: only their own; else 404)."""
        ids.check_id("attempt_id", attempt_id)
        attempt = self.storage.get_attempt(attempt_id)
        if attempt is None or (who.role == "student" and (
                attempt["student_id"] != who.student_id or attempt["exam_id"] != who.exam_id)):
            raise _not_found("attempt")
        return attempt

    def submission(self, who: Principal, attempt_id: str, sha256: str | None) -> Row:
        attempt = self.attempt_for(who, attempt_id)
        if sha256 is not None:
            row = self.storage.get_submission(attempt["attempt_id"], ids.check_id("sha256", sha256))
        else:
            subs = self.storage.list_submissions(attempt["attempt_id"])
            row = subs[-1] if subs else None
        if row is None:
            raise _not_found("receipt")
        return row

    def receipt(self, who: Principal, attempt_id: str, sha256: str | None) -> dict[str, Any]:
        row = self.submission(who, attempt_id, sha256)
        return {"receipt": json.loads(row["receipt"]), "signature": row["signature"],
                "key_id": self.key.key_id}

    # -- review ------------------------------------------------------------------
    def sessions(self, who: Principal, exam_id: str) -> list[dict[str, Any]]:
        self.require_role(who, "invigilator", "admin")
        ids.check_id("exam_id", exam_id)
        return [self._session(a) for a in self.storage.list_attempts(exam_id)]

    def _session(self, attempt: Row) -> dict[str, Any]:
        subs = self.storage.list_submissions(attempt["attempt_id"])
        last = subs[-1] if subs else None
        student = self.storage.get_student(attempt["exam_id"], attempt["student_id"])
        return {"attempt_id": attempt["attempt_id"], "exam_id": attempt["exam_id"],
                "student_id": attempt["student_id"], "name": student["name"] if student else "",
                "status": "submitted" if last else "started",
                "started_at": to_iso(attempt["started_at"]),
                "deadline": to_iso(attempt["deadline"]),
                "submitted_at": to_iso(last["received_at"]) if last else None,
                "late": bool(last["late"]) if last else False,
                "late_s": last["late_s"] if last else 0,
                "sha256": last["sha256"] if last else None, "size": last["size"] if last else None,
                "versions": len(subs), "flags": json.loads(last["flags"]) if last else {},
                "public_key": attempt["public_key"],
                "key_changes": self.storage.count_attempt_keys(attempt["attempt_id"]) - 1}

    def add_decision(self, who: Principal, attempt_id: str, decision: dict[str, Any],
                     public_key: str, signature: str) -> dict[str, Any]:
        self.require_role(who, "invigilator", "admin")
        attempt = self.attempt_for(who, attempt_id)
        if decision.get("attempt_id") != attempt_id:
            raise ApiError("decision.attempt_id differs from the path", status=409,
                           code="attempt_mismatch")
        try:
            body = canonical_bytes(decision)
            key = Ed25519PublicKey.from_public_bytes(
                security.unb64(public_key, length=32, what="public_key"))
            key.verify(security.unb64(signature, length=64, what="signature"), body)
        except (InputError, InvalidSignature) as exc:
            raise ApiError("the decision signature does not verify", status=422,
                           code="bad_signature") from exc
        decision_id, now = ids.new_decision_id(), self.clock.now()
        self.storage.add_decision(decision_id, attempt["attempt_id"], body.decode("utf-8"),
                                  public_key=public_key, signature=signature, received_at=now)
        return {"decision_id": decision_id, "received_at": to_iso(now)}

    def decisions(self, who: Principal, attempt_id: str) -> list[dict[str, Any]]:
        self.require_role(who, "invigilator", "admin")
        attempt = self.attempt_for(who, attempt_id)
        return [{"decision_id": d["decision_id"], "decision": json.loads(d["decision"]),
                 "public_key": d["public_key"], "signature": d["signature"],
                 "received_at": to_iso(d["received_at"])}
                for d in self.storage.list_decisions(attempt["attempt_id"])]

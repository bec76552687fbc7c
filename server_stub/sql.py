"""Every SQL statement of the server, parameterised (``?`` placeholders).

The same text runs on SQLite and PostgreSQL; :func:`for_postgres` swaps the
placeholder style. No statement is ever built from request data.
"""

from __future__ import annotations

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS exams (
        exam_id TEXT PRIMARY KEY, version BIGINT NOT NULL, title TEXT NOT NULL,
        opens_at BIGINT NOT NULL, closes_at BIGINT NOT NULL, duration_s BIGINT NOT NULL,
        package_key TEXT NOT NULL, package_sha256 TEXT NOT NULL, package_size BIGINT NOT NULL,
        content_key TEXT, manifest TEXT NOT NULL, published_at BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS students (
        exam_id TEXT NOT NULL, student_id TEXT NOT NULL, name TEXT NOT NULL,
        code_hash TEXT NOT NULL, extra_time_s BIGINT NOT NULL,
        PRIMARY KEY (exam_id, student_id))""",
    """CREATE TABLE IF NOT EXISTS tokens (
        token_hash TEXT PRIMARY KEY, role TEXT NOT NULL, exam_id TEXT, student_id TEXT,
        created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS attempts (
        attempt_id TEXT PRIMARY KEY, exam_id TEXT NOT NULL, student_id TEXT NOT NULL,
        public_key TEXT NOT NULL, started_at BIGINT NOT NULL, deadline BIGINT NOT NULL,
        UNIQUE (exam_id, student_id))""",
    """CREATE TABLE IF NOT EXISTS attempt_keys (
        attempt_id TEXT NOT NULL, public_key TEXT NOT NULL, registered_at BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS uploads (
        upload_id TEXT PRIMARY KEY, attempt_id TEXT NOT NULL, length BIGINT NOT NULL,
        sha256 TEXT NOT NULL, flags TEXT NOT NULL, offline_s BIGINT,
        upload_offset BIGINT NOT NULL, created_at BIGINT NOT NULL, completed INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS submissions (
        attempt_id TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL,
        version BIGINT NOT NULL, received_at BIGINT NOT NULL, late INTEGER NOT NULL,
        late_s BIGINT NOT NULL, flags TEXT NOT NULL, blob_key TEXT NOT NULL,
        receipt TEXT NOT NULL, signature TEXT NOT NULL,
        PRIMARY KEY (attempt_id, sha256))""",
    """CREATE TABLE IF NOT EXISTS auth_failures (
        failure_id TEXT PRIMARY KEY, at BIGINT NOT NULL, address TEXT NOT NULL,
        kind TEXT NOT NULL, subject TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS auth_failures_address ON auth_failures (address, at)",
    "CREATE INDEX IF NOT EXISTS auth_failures_subject ON auth_failures (subject, at)",
    """CREATE TABLE IF NOT EXISTS auth_known (
        subject TEXT NOT NULL, address TEXT NOT NULL, at BIGINT NOT NULL,
        PRIMARY KEY (subject, address))""",
    """CREATE TABLE IF NOT EXISTS decisions (
        decision_id TEXT PRIMARY KEY, attempt_id TEXT NOT NULL, decision TEXT NOT NULL,
        public_key TEXT NOT NULL, signature TEXT NOT NULL, received_at BIGINT NOT NULL)""",
    # retention (server_stub/purge.py, server_stub/privacy.py)
    """CREATE TABLE IF NOT EXISTS legal_holds (
        scope TEXT NOT NULL, target_id TEXT NOT NULL, reason TEXT NOT NULL,
        set_at BIGINT NOT NULL, PRIMARY KEY (scope, target_id))""",
    """CREATE TABLE IF NOT EXISTS purged_blobs (
        attempt_id TEXT NOT NULL, sha256 TEXT NOT NULL, purged_at BIGINT NOT NULL,
        PRIMARY KEY (attempt_id, sha256))""",
    """CREATE TABLE IF NOT EXISTS decision_releases (
        exam_id TEXT PRIMARY KEY, released_at BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS local_secrets (
        exam_id TEXT NOT NULL, student_id TEXT NOT NULL, secret TEXT NOT NULL,
        created_at BIGINT NOT NULL, PRIMARY KEY (exam_id, student_id))""",
]

UPSERT_EXAM = """INSERT INTO exams (exam_id, version, title, opens_at, closes_at, duration_s,
    package_key, package_sha256, package_size, content_key, manifest, published_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (exam_id) DO UPDATE SET version = excluded.version, title = excluded.title,
    opens_at = excluded.opens_at, closes_at = excluded.closes_at,
    duration_s = excluded.duration_s, package_key = excluded.package_key,
    package_sha256 = excluded.package_sha256, package_size = excluded.package_size,
    content_key = excluded.content_key, manifest = excluded.manifest,
    published_at = excluded.published_at"""
GET_EXAM = "SELECT * FROM exams WHERE exam_id = ?"

UPSERT_STUDENT = """INSERT INTO students (exam_id, student_id, name, code_hash, extra_time_s)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (exam_id, student_id) DO UPDATE SET
    name = excluded.name, code_hash = excluded.code_hash, extra_time_s = excluded.extra_time_s"""
GET_STUDENT = "SELECT * FROM students WHERE exam_id = ? AND student_id = ?"

INSERT_TOKEN = """INSERT INTO tokens (token_hash, role, exam_id, student_id, created_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?)"""
GET_TOKEN = "SELECT * FROM tokens WHERE token_hash = ?"
DELETE_TOKEN = "DELETE FROM tokens WHERE token_hash = ?"
DELETE_STUDENT_TOKENS = """DELETE FROM tokens WHERE role = 'student' AND exam_id = ?
    AND student_id = ?"""
DELETE_ROLE_TOKENS = "DELETE FROM tokens WHERE role = ?"
DELETE_EXPIRED_TOKENS = "DELETE FROM tokens WHERE expires_at <= ?"

# Sign-in throttling: one row per wrong code / unknown token (and per check in flight).
INSERT_AUTH_FAILURE = """INSERT INTO auth_failures (failure_id, at, address, kind, subject)
    VALUES (?, ?, ?, ?, ?)"""
DELETE_AUTH_FAILURE = "DELETE FROM auth_failures WHERE failure_id = ?"
PURGE_AUTH_FAILURES = "DELETE FROM auth_failures WHERE at <= ?"
COUNT_FAILURES_PAIR = """SELECT COUNT(*) AS n, MIN(at) AS first FROM auth_failures
    WHERE kind = ? AND subject = ? AND address = ? AND at > ?"""
COUNT_FAILURES_ADDRESS = """SELECT COUNT(*) AS n, MIN(at) AS first FROM auth_failures
    WHERE kind = ? AND address = ? AND at > ?"""
COUNT_FAILURES_SUBJECT = """SELECT COUNT(*) AS n, MIN(at) AS first FROM auth_failures
    WHERE kind = ? AND subject = ? AND at > ?"""
# every sign-in limit in one round trip (server_stub/throttle.py): per (student, address),
# per address, per student, and whether the student signed in from this address before
LOGIN_LIMITS = """SELECT
    COALESCE(SUM(CASE WHEN subject = ? AND address = ? THEN 1 ELSE 0 END), 0) AS pair_n,
    MIN(CASE WHEN subject = ? AND address = ? THEN at END) AS pair_first,
    COALESCE(SUM(CASE WHEN address = ? THEN 1 ELSE 0 END), 0) AS address_n,
    MIN(CASE WHEN address = ? THEN at END) AS address_first,
    COALESCE(SUM(CASE WHEN subject = ? THEN 1 ELSE 0 END), 0) AS subject_n,
    MIN(CASE WHEN subject = ? THEN at END) AS subject_first,
    (SELECT COUNT(*) FROM auth_known k WHERE k.subject = ? AND k.address = ? AND k.at > ?)
        AS known
    FROM auth_failures WHERE kind = 'login' AND at > ? AND (address = ? OR subject = ?)"""
UPSERT_AUTH_KNOWN = """INSERT INTO auth_known (subject, address, at) VALUES (?, ?, ?)
    ON CONFLICT (subject, address) DO UPDATE SET at = excluded.at"""
GET_AUTH_KNOWN = "SELECT at FROM auth_known WHERE subject = ? AND address = ? AND at > ?"

INSERT_ATTEMPT = """INSERT INTO attempts (attempt_id, exam_id, student_id, public_key,
    started_at, deadline) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (exam_id, student_id) DO NOTHING"""
GET_ATTEMPT = "SELECT * FROM attempts WHERE attempt_id = ?"
GET_ATTEMPT_BY_STUDENT = "SELECT * FROM attempts WHERE exam_id = ? AND student_id = ?"
LIST_ATTEMPTS = "SELECT * FROM attempts WHERE exam_id = ? ORDER BY started_at, attempt_id"
SET_ATTEMPT_KEY = "UPDATE attempts SET public_key = ? WHERE attempt_id = ?"
INSERT_ATTEMPT_KEY = """INSERT INTO attempt_keys (attempt_id, public_key, registered_at)
    VALUES (?, ?, ?)"""
LIST_ATTEMPT_KEYS = "SELECT public_key FROM attempt_keys WHERE attempt_id = ?"
COUNT_ATTEMPT_KEYS = "SELECT COUNT(*) AS n FROM attempt_keys WHERE attempt_id = ?"

INSERT_UPLOAD = """INSERT INTO uploads (upload_id, attempt_id, length, sha256, flags, offline_s,
    upload_offset, created_at, completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
GET_UPLOAD = "SELECT * FROM uploads WHERE upload_id = ?"
SET_UPLOAD_OFFSET = "UPDATE uploads SET upload_offset = ? WHERE upload_id = ? AND completed = 0"
COMPLETE_UPLOAD = "UPDATE uploads SET upload_offset = length, completed = 1 WHERE upload_id = ?"
DELETE_UPLOAD = "DELETE FROM uploads WHERE upload_id = ?"
LIST_OPEN_UPLOADS = """SELECT upload_id FROM uploads WHERE attempt_id = ? AND completed = 0
    ORDER BY created_at, upload_id"""

GET_SUBMISSION = "SELECT * FROM submissions WHERE attempt_id = ? AND sha256 = ?"
LIST_SUBMISSIONS = "SELECT * FROM submissions WHERE attempt_id = ? ORDER BY version"
COUNT_SUBMISSIONS = "SELECT COUNT(*) AS n FROM submissions WHERE attempt_id = ?"
LOCK_UPLOAD = "SELECT upload_id FROM uploads WHERE upload_id = ? FOR UPDATE"
INSERT_SUBMISSION = """INSERT INTO submissions (attempt_id, sha256, size, version, received_at,
    late, late_s, flags, blob_key, receipt, signature)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""

INSERT_DECISION = """INSERT INTO decisions (decision_id, attempt_id, decision, public_key,
    signature, received_at) VALUES (?, ?, ?, ?, ?, ?)"""
LIST_DECISIONS = "SELECT * FROM decisions WHERE attempt_id = ? ORDER BY received_at, decision_id"


# -- retention: purge, legal holds, decision release, local-key secrets ------------------
LIST_EXAMS = "SELECT exam_id, closes_at, manifest FROM exams ORDER BY exam_id"
LIST_STUDENTS = "SELECT student_id FROM students WHERE exam_id = ? ORDER BY student_id"
DELETE_STUDENT = "DELETE FROM students WHERE exam_id = ? AND student_id = ?"
DELETE_STUDENT_TOKENS = "DELETE FROM tokens WHERE exam_id = ? AND student_id = ?"
DELETE_EXPIRED_TOKENS = "DELETE FROM tokens WHERE expires_at <= ?"
DELETE_ATTEMPT = "DELETE FROM attempts WHERE attempt_id = ?"
DELETE_ATTEMPT_KEYS = "DELETE FROM attempt_keys WHERE attempt_id = ?"
DELETE_SUBMISSIONS = "DELETE FROM submissions WHERE attempt_id = ?"
DELETE_DECISIONS = "DELETE FROM decisions WHERE attempt_id = ?"
LIST_UPLOADS_OF_ATTEMPT = "SELECT upload_id FROM uploads WHERE attempt_id = ? ORDER BY upload_id"
DELETE_UPLOADS_OF_ATTEMPT = "DELETE FROM uploads WHERE attempt_id = ?"

UPSERT_HOLD = """INSERT INTO legal_holds (scope, target_id, reason, set_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (scope, target_id) DO UPDATE SET reason = excluded.reason,
    set_at = excluded.set_at"""
DELETE_HOLD = "DELETE FROM legal_holds WHERE scope = ? AND target_id = ?"
LIST_HOLDS = "SELECT * FROM legal_holds ORDER BY scope, target_id"

INSERT_PURGED = """INSERT INTO purged_blobs (attempt_id, sha256, purged_at) VALUES (?, ?, ?)
    ON CONFLICT (attempt_id, sha256) DO NOTHING"""
LIST_PURGED = "SELECT sha256 FROM purged_blobs WHERE attempt_id = ?"
DELETE_PURGED = "DELETE FROM purged_blobs WHERE attempt_id = ?"

UPSERT_RELEASE = """INSERT INTO decision_releases (exam_id, released_at) VALUES (?, ?)
    ON CONFLICT (exam_id) DO UPDATE SET released_at = excluded.released_at"""
GET_RELEASE = "SELECT * FROM decision_releases WHERE exam_id = ?"
DELETE_RELEASE = "DELETE FROM decision_releases WHERE exam_id = ?"

INSERT_LOCAL_SECRET = """INSERT INTO local_secrets (exam_id, student_id, secret, created_at)
    VALUES (?, ?, ?, ?) ON CONFLICT (exam_id, student_id) DO NOTHING"""
GET_LOCAL_SECRET = "SELECT secret FROM local_secrets WHERE exam_id = ? AND student_id = ?"
DELETE_LOCAL_SECRET = "DELETE FROM local_secrets WHERE exam_id = ? AND student_id = ?"


def for_postgres(statement: str) -> str:
    """psycopg uses ``%s`` placeholders; our statements contain no other ``?`` or ``%``."""
    return statement.replace("?", "%s")

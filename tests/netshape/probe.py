"""Client side of the shaped-link test, run as a child inside the client namespace.

    python -m tests.netshape.probe URL DATA_DIR TRUST_FILE EXAM_ID STUDENT_ID ACCESS_CODE

Runs the real client session (sign in, download + verify the package, the bandwidth
check of ``AttemptSession.check_bandwidth``, camera/audio recorded as passed, then
``finish_checks``) and prints one JSON line: the measured figures, the recorded
check, the time the measurement took and the user-facing message of
``finish_checks`` (None when the checks pass) and the session step afterwards.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from client.core.api import ServerClient
from client.core.session import AttemptSession, SessionConfig
from exam_packages.errors import EmtihanError
from exam_packages.trust import TrustStore


def probe(url: str, data_dir: Path, trust_file: Path, *, exam_id: str, student: str,
          code: str) -> dict[str, Any]:
    config = SessionConfig(data_dir, TrustStore.load(trust_file))
    client = ServerClient(url, timeout=(5, 30))
    session = AttemptSession(config, client)
    try:
        session.sign_in(exam_id, student, code)
        session.download_package()
        t0 = time.perf_counter()
        result = session.check_bandwidth()
        seconds = time.perf_counter() - t0
        for name in ("camera", "audio"):
            session.record_check(name, {"ok": True}, True)
        error: str | None = None
        try:
            session.finish_checks()
        except EmtihanError as exc:
            error = f"{type(exc).__name__}: {exc.user_message}"
        return {"result": result.to_dict(), "check": session.checks["bandwidth"],
                "seconds": round(seconds, 3), "finish_error": error,
                "step": str(session.step)}
    finally:
        session.close()
        client.close()


def main(argv: list[str]) -> int:
    url, data_dir, trust_file, exam_id, student, code = argv
    print(json.dumps(probe(url, Path(data_dir), Path(trust_file), exam_id=exam_id,
                           student=student, code=code)),
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

from __future__ import annotations

import base64
import hashlib

from .helpers import EXAM, Running, upload


def test_full_student_flow(running: Running) -> None:
    token = running.login("s1")
    with running.client(token) as c:
        exams = c.get("/v1/exams").json()["exams"]
        assert [e["exam_id"] for e in exams] == [EXAM]
        pkg = c.get(f"/v1/exams/{EXAM}/package")
        assert pkg.status_code == 200
        assert hashlib.sha256(pkg.content).hexdigest() == exams[0]["package_sha256"]
    started, private = running.start(token)
    assert base64.b64decode(started["content_key"]) == running.content_key
    data = running.result(private)
    r = upload(running, token, started["attempt_id"], data, flags='{"high": 1}')
    assert r.status_code == 204, r.text
    with running.client(token) as c:
        receipt = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()
    assert receipt["receipt"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert receipt["receipt"]["late"] is False

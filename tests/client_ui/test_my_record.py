"""The student's own view end to end: real core adapter, demo server on 127.0.0.1, the
consent days from the package policy, the local wipe, the dialog in Kazakh, and the
invigilator's decisions once the exam office released them."""

from __future__ import annotations

import base64

import cv2
import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from client.core.eventlog import ALERT
from client.core.session import SessionConfig
from client.review_core.decisions import Outcome, sign_decision
from client.ui.core_backend import CoreBackend
from client.ui.i18n import I18n, TextBinder
from client.ui.pages.my_record import MyRecordDialog
from server_stub import privacy
from server_stub.service import Principal


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from emtihan_demo import setup_world

    w = setup_world(tmp_path_factory.mktemp("demo"))
    yield w
    w.server.stop()


def _jpeg(value: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", np.full((48, 64, 3), value, np.uint8))
    assert ok
    return buf.tobytes()


def _handed_in(world, tmp_path) -> CoreBackend:
    from emtihan_demo import CODE, STUDENT

    b = CoreBackend(SessionConfig(tmp_path / "client", world.trust))
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    b.download_package(world.exam_id, lambda d, t: None)
    info = b.consent_info()  # from the signed package's policy, not a constant
    assert (info.retention_days, info.records_days) == (30, 365)
    b.s.checks = {n: {"passed": True} for n in ("camera", "audio", "bandwidth")}
    b.finish_checks()
    b.record_consent(True)
    b.s.record_identity({"outcome": "review"}, {"id_portrait": _jpeg(90)})
    b.start_exam()
    b.s.report("several_faces", {"faces": 2}, severity=ALERT, thumbnail=_jpeg(200))
    b.submit(False, lambda d, t: None)
    return b


def test_own_view_after_hand_in_then_released_decisions(world, tmp_path, qtbot):
    b = _handed_in(world, tmp_path)
    folder = b.s.attempt_dir
    assert sorted(p.name for p in folder.rglob("*")) == ["receipt.json"]
    i18n = I18n()
    binder = TextBinder()
    i18n.set_language("kk")
    dialog = MyRecordDialog(b, binder)
    qtbot.addWidget(dialog)
    try:
        assert dialog.windowTitle() == "Сіз туралы не жазылды"
        assert dialog.flag_rows >= 1
        texts = [w.text() for w in dialog.findChildren(type(dialog.decision_text))]
        assert "Бірнеше бет көрінеді." in texts  # "More than one face visible."
        assert sum(1 for w in dialog.findChildren(type(dialog.decision_text))
                   if w.pixmap() is not None and not w.pixmap().isNull()) == 2
        dialog.check_decisions()
        qtbot.waitUntil(dialog.fetch.isEnabled, timeout=20_000)
        assert dialog.decision_text.text() == "Емтихан бөлімі шешімдерді әлі жарияламады."
        service = world.server.services.service
        key = sign_decision(Ed25519PrivateKey.generate(), reviewer="inv", attempt_id=b.s.attempt_id,
                            exam_id=world.exam_id, outcome=Outcome.CLEARED, note="",
                            evidence_hash="0" * 64)
        service.add_decision(Principal("admin"), b.s.attempt_id, key.record,
                             base64.b64encode(key.public_key).decode(),
                             base64.b64encode(key.signature).decode())
        privacy.release_decisions(service, Principal("admin"), world.exam_id)
        dialog.check_decisions()
        qtbot.waitUntil(lambda: "Ақталды" in dialog.decision_text.text(), timeout=20_000)
        assert "Бүкіл емтихан: Ақталды" in dialog.decision_text.text()
    finally:
        if dialog.task is not None:
            dialog.task.wait()
        dialog.close()
        i18n.set_language("en")
        b.s.close()

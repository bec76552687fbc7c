"""The hand-in receipt page on the real path: the demo's embedded server signs the receipt.

A real attempt is started with the demo's scripted student, the hand-in page submits it through
the real ``CoreBackend``, and the page is then read in English, Kazakh and Russian, copied and
saved; the saved JSON is verified with the server's key.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import cv2
import numpy as np
import pytest
import requests
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from client.core.api import ServerClient, verify_receipt
from client.i18n.catalogue import CATALOGUE
from client.ui.backend import Receipt
from client.ui.core_backend import CoreBackend
from client.ui.i18n import I18n, TextBinder
from client.ui.pages.handin import HandInPage
from client.ui.pages.receipt import ReceiptView
from exam_packages.errors import SignatureError

ENGLISH = {re.sub(r"\{\w+\}", "", s).strip(" .:…") for s in CATALOGUE}
ENGLISH.discard("")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from emtihan_demo import CODE, STUDENT, setup_world
    from emtihan_demo.flow import answer_all, sign_in, start_attempt

    base = tmp_path_factory.mktemp("receipt")
    frames = base / "frames"
    frames.mkdir()
    for i in range(5):
        cv2.imwrite(str(frames / f"{i}.png"), np.full((480, 640, 3), 120 + i, np.uint8))
    w = setup_world(base / "demo")
    session = sign_in(w)
    start_attempt(session, argparse.Namespace(video=frames, id_image=None, no_verifier=True),
                  random.Random(3))
    answer_all(session, 0, len(session.question_ids()))
    session.close()
    backend = CoreBackend.from_config({"trust": w.trust, "data_dir": str(w.base / "client")})
    backend.sign_in(w.url, w.exam_id, STUDENT, CODE)  # resumes the started attempt
    yield w, backend
    backend.s.close()
    w.server.stop()


@pytest.fixture(scope="module")
def i18n(qapp):
    i18n = I18n()
    yield i18n
    i18n.set_language("en")


@pytest.fixture()
def page(world, i18n, qtbot):
    """The hand-in page after a real hand-in (the receipt of the module's attempt)."""
    _, backend = world
    i18n.set_language("en")
    binder = TextBinder()
    page = HandInPage(backend, binder)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    if backend.s.step.value == "started":
        page.submit(False)
    else:
        page.task = None
        page._done(backend.retry_upload(lambda done, total: None))
    qtbot.waitUntil(lambda: page.receipt is not None, timeout=30000)
    if page.task is not None:
        page.task.qthread.wait(5000)
    page.binder_ = binder
    return page


def _texts(view: ReceiptView) -> dict[int, str]:
    widgets = view.findChildren(QLabel) + view.findChildren(QPushButton)
    return {id(w): w.text() for w in widgets if w.isVisible() and w.text()}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_receipt_reads_in_words_in_the_chosen_language(page, i18n, lang) -> None:
    view = page.receipt_view
    receipt = page.receipt
    assert view.isVisible() and not page.findChildren(QPlainTextEdit)  # no key/value dump
    english = _texts(view)
    assert view.summary.text().startswith("Handed in on ") and "on time." in view.summary.text()
    assert not re.search(r"\d{4}-\d\d-\d\dT", view.summary.text())  # not an ISO date
    assert "Signature verified" in view.signature.text()
    i18n.set_language(lang)
    page.binder_.retranslate()
    shown = _texts(view)
    data = {receipt.attempt_id, receipt.receipt_id, str(receipt.fields["exam_id"])}
    for key, text in shown.items():
        if text in data:
            continue
        assert text != english[key], f"still English in {lang}: {text!r}"
        assert not any(e in text for e in ENGLISH if len(e) > 12), text
    month = {"kk": r"(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|"
                   r"қараша|желтоқсан)",
             "ru": r"(январ|феврал|марта|апрел|мая|июня|июля|августа|сентябр|октябр|ноябр|"
                   r"декабр)"}[lang]
    assert re.search(month, view.summary.text(), re.IGNORECASE), view.summary.text()
    assert view.hash_field.text() == receipt.sha256 and len(receipt.sha256) == 64
    assert view.hash_field.isReadOnly()
    html = view.receipt_html("x.json")
    assert not any(e in html for e in ENGLISH if len(e) > 12 and e != "Emtihan — student")


def test_copy_puts_the_hash_on_the_clipboard(page, qtbot) -> None:
    QGuiApplication.clipboard().setText("something else")
    page.receipt_view.copy_button.click()
    assert QGuiApplication.clipboard().text() == page.receipt.sha256
    assert page.receipt_view.status.text() == "The receipt hash was copied."


def test_save_writes_the_pdf_and_the_signed_json_that_verifies(page, world, i18n,
                                                                tmp_path) -> None:
    w, _ = world
    receipt = page.receipt
    i18n.set_language("kk")
    page.binder_.retranslate()
    pdf, signed = page.receipt_view.save_to(tmp_path / "my receipt")
    assert pdf.name == "my receipt.pdf" and signed.name == "my receipt.json"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert page.receipt_view.status.text() == (
        "my receipt.pdf сақталды, жанында — қол қойылған түбіртек my receipt.json.")
    doc = json.loads(signed.read_text(encoding="utf-8"))
    server_key = ServerClient(w.url).server_key()
    verify_receipt(doc, server_key, receipt.attempt_id, receipt.sha256)  # raises if wrong
    token, _ = w.server.services.service.create_token("invigilator", 600)
    sent = requests.get(f"{w.url}/v1/attempts/{receipt.attempt_id}/receipt",
                        headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    assert doc == sent  # the receipt as the server signed and sends it
    doc["receipt"]["late"] = True
    with pytest.raises(SignatureError, match="not signed by the exam server's key"):
        verify_receipt(doc, server_key, receipt.attempt_id, receipt.sha256)


def test_save_button_proposes_a_name_from_exam_and_attempt(page, tmp_path, monkeypatch) -> None:
    asked: list[str] = []

    def dialog(parent, title, proposed, filters):
        asked.append(proposed)
        return str(tmp_path / Path(proposed).name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    page.receipt_view.save_button.click()
    name = f"emtihan-receipt-demo-phys-101-{page.receipt.attempt_id}.pdf"
    assert Path(asked[0]).name == name
    assert (tmp_path / name).exists() and (tmp_path / name).with_suffix(".json").exists()


def test_a_missing_folder_is_said_in_words(page, i18n, tmp_path) -> None:
    assert page.receipt_view.save_to(tmp_path / "no such folder" / "r.pdf") is None
    assert page.receipt_view.status.text() == (
        "Not saved: That folder does not exist. Choose another folder.")
    i18n.set_language("ru")
    page.binder_.retranslate()
    assert page.receipt_view.status.text() == (
        "Не сохранено: Такой папки нет. Выберите другую папку.")
    assert not (tmp_path / "no such folder").exists()


def test_a_folder_without_permission_is_said_in_words(page, tmp_path, monkeypatch) -> None:
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_text", refuse)
    assert page.receipt_view.save_to(tmp_path / "r.pdf") is None
    assert page.receipt_view.status.text() == ("Not saved: You may not write in that folder. "
                                               "Choose another folder, e.g. Documents.")
    assert list(tmp_path.iterdir()) == []


def test_an_unverified_signature_is_said_plainly(qtbot) -> None:
    view = ReceiptView(TextBinder())
    qtbot.addWidget(view)
    view.show_receipt(Receipt("r-1", "att_1", "2026-12-01T09:31:07Z", "ab" * 32, False,
                              {"exam_id": "phys-101", "late": True, "late_s": 61}))
    assert view.signature.text().startswith("Signature NOT verified")
    assert view.signature.property("state") == "fail"
    assert view.summary.text().endswith(", 2 min after the deadline.")
    assert not view.save_button.isEnabled()  # nothing signed to save
    assert not view.findChildren(QLineEdit)[0].isHidden()

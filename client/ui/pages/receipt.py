"""The hand-in receipt, as a student reads it: what happened in words, the hash to copy, save.

``ReceiptView.show_receipt(receipt)`` fills it; every text goes through the binder, so it is in
the chosen language (dates and numbers with the language's ``QLocale``) and follows a switch.
"Save receipt…" writes a PDF of the same translated content and, beside it, the receipt
exactly as the server signed it (``<name>.json``: ``{"receipt", "signature", "key_id"}``), which
can be verified later with the server's key (``client.core.api.verify_receipt``).
"""

from __future__ import annotations

import errno
import html
import json
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exam_packages.errors import EmtihanError

from ..backend import Receipt
from ..i18n import Lazy, LocalTime, TextBinder, current_locale, tr, trf
from .common import set_status

RECEIPT_ROWS = ("Exam", "Attempt", "Receipt number")


class LocalMinutes:
    """A delay in whole minutes (at least one), as a number of the current language."""

    def __init__(self, seconds: int) -> None:
        self.minutes = max(1, (int(seconds) + 59) // 60)

    def __format__(self, spec: str) -> str:
        return current_locale().toString(self.minutes)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "receipt"


def default_name(receipt: Receipt) -> str:
    """``emtihan-receipt-<exam>-<attempt>.pdf``."""
    exam = str(receipt.fields.get("exam_id") or "exam")
    return f"emtihan-receipt-{_safe(exam)}-{_safe(receipt.attempt_id)}.pdf"


def save_problem(exc: Exception) -> Lazy:
    """Why saving failed, in words the student can act on (translated when shown)."""
    if isinstance(exc, PermissionError):
        return Lazy("You may not write in that folder. Choose another folder, e.g. Documents.")
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return Lazy("The disk is full. Free some space or choose another drive.")
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return Lazy("That folder does not exist. Choose another folder.")
    return Lazy("The receipt could not be saved there. Choose another folder.")


class ReceiptView(QFrame):
    """The readable receipt with Copy and Save; hidden until there is a receipt."""

    def __init__(self, binder: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = binder
        self.receipt: Receipt | None = None
        self.setObjectName("receiptView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.summary = self._label("receiptSummary")
        self.signature = self._label("receiptSignature")
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name in RECEIPT_ROWS:
            caption, value = QLabel(), QLabel()
            binder.bind(caption.setText, name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            form.addRow(caption, value)
        hash_caption = QLabel()
        binder.bind(hash_caption.setText, "Receipt hash (SHA-256)")
        form.addRow(hash_caption, self._hash_row())
        layout.addLayout(form)
        layout.addWidget(self.signature)
        # The button row of the receipt: Save, and the privacy view ("What was recorded
        # about me", issue 16) goes here with ``self.buttons.insertWidget(1, button)``.
        self.buttons = QHBoxLayout()
        self.save_button = QPushButton()
        binder.bind(self.save_button.setText, "&Save receipt…")
        self.save_button.clicked.connect(self.ask_and_save)
        self.buttons.addWidget(self.save_button)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        self.status = self._label("message")
        layout.addWidget(self.status)
        self.hide()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setObjectName(name)
        return label

    def _hash_row(self) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.hash_field = QLineEdit()
        self.hash_field.setReadOnly(True)
        self.hash_field.setObjectName("receiptHash")
        self.hash_field.setMinimumWidth(180)
        self.copy_button = QPushButton()
        self.binder.bind(self.copy_button.setText, "C&opy")
        self.copy_button.clicked.connect(self.copy_hash)
        box.addWidget(self.hash_field, 1)
        box.addWidget(self.copy_button)
        return row

    # -- showing ---------------------------------------------------------------------------
    def show_receipt(self, receipt: Receipt) -> None:
        self.receipt = receipt
        when = LocalTime(receipt.received_at, long=True)
        if receipt.fields.get("late"):
            self.binder.bind(self.summary.setText,
                             "Handed in on {when}, {minutes} min after the deadline.",
                             when=when, minutes=LocalMinutes(receipt.fields.get("late_s", 0)))
        else:
            self.binder.bind(self.summary.setText, "Handed in on {when}, on time.", when=when)
        self.values["Exam"].setText(str(receipt.fields.get("exam_id", "")))
        self.values["Attempt"].setText(receipt.attempt_id)
        self.values["Receipt number"].setText(receipt.receipt_id)
        self.hash_field.setText(receipt.sha256)
        self.hash_field.setCursorPosition(0)
        if receipt.signature_valid:
            self.binder.bind(self.signature.setText, "Signature verified: this receipt was "
                             "signed by the exam server with its key.")
        else:
            self.binder.bind(self.signature.setText, "Signature NOT verified: this receipt "
                             "does not carry a valid signature of the exam server. Save it and "
                             "tell your exam office.")
        set_status(self.signature, "ok" if receipt.signature_valid else "fail")
        self.save_button.setEnabled(bool(receipt.signed))
        self.status.clear()
        self.show()

    def toPlainText(self) -> str:  # noqa: N802 - the name the receipt's old text view had
        """What the student reads, as plain text (one line each)."""
        rows = [f"{tr(name)}: {self.values[name].text()}" for name in RECEIPT_ROWS]
        return "\n".join([self.summary.text(), *rows,
                          f"{tr('Receipt hash (SHA-256)')}: {self.hash_field.text()}",
                          self.signature.text()])

    def copy_hash(self) -> None:
        QGuiApplication.clipboard().setText(self.hash_field.text())
        self._status("The receipt hash was copied.", "ok")

    def _status(self, text: str, state: str, **kw: object) -> None:
        self.binder.bind(self.status.setText, text, **kw)
        set_status(self.status, state)

    # -- saving ----------------------------------------------------------------------------
    def ask_and_save(self) -> None:
        if self.receipt is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Save receipt"), str(Path(folder) / default_name(self.receipt)),
            tr("PDF document") + " (*.pdf)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> tuple[Path, Path] | None:
        """Write ``path`` (PDF) and beside it ``.json`` (the signed receipt); say how it went."""
        if self.receipt is None:
            return None
        pdf = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        signed = pdf.with_suffix(".json")
        from ..review.pdf import write_pdf

        try:
            signed.write_text(json.dumps(self.receipt.signed, ensure_ascii=False, indent=2)
                              + "\n", encoding="utf-8")
            write_pdf(self.receipt_html(signed.name), {}, pdf, tr("Hand-in receipt"),
                      creator="Emtihan")
        except (OSError, EmtihanError) as exc:  # EmtihanError: the PDF could not be written
            self._status("Not saved: {why}", "fail", why=save_problem(exc))
            return None
        self._status("Saved {pdf} and, beside it, the signed receipt {json}.", "ok",
                  pdf=pdf.name, json=signed.name)
        return pdf, signed

    def receipt_html(self, json_name: str) -> str:
        """The PDF's content: the same translated sentences as the page, as HTML."""
        assert self.receipt is not None
        r = self.receipt
        rows = [(tr(name), self.values[name].text()) for name in RECEIPT_ROWS]
        rows.append((tr("Receipt hash (SHA-256)"), r.sha256))
        cells = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                        for k, v in rows)
        return (f"<h2>{html.escape(tr('Hand-in receipt'))}</h2>"
                f"<p>{html.escape(self.summary.text())}</p>"
                f"<table cellspacing='6'>{cells}</table>"
                f"<p>{html.escape(self.signature.text())}</p>"
                "<p>" + html.escape(trf("The file {json} saved beside this PDF is the receipt "
                                        "as the exam server signed it; with the server's key "
                                        "anyone can check it has not been changed.",
                                        json=json_name)) + "</p>")


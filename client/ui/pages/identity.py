"""Identity: ID document photo, step-by-step liveness challenge, plain-language decision."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from exam_packages.errors import EmtihanError
from verifier.capture import FrameFeed

from ..backend import IdentityDecision, StudentBackend
from ..camera import to_qimage
from ..errors import error_source
from ..i18n import Lazy, TextBinder, tr
from ..workers import TaskHandle, run_task
from .common import Page, set_status

FRAMES_PER_STEP = 30  # 2 s at 15 frames/s: time to blink or turn the head


class IdentityPage(Page):
    def __init__(self, backend: StudentBackend, binder: TextBinder) -> None:
        super().__init__(binder, "Identity check",
                         "Show your student card or ID, then follow the instructions so we "
                         "can see that you are here in person.")
        self.backend = backend
        self.task: TaskHandle | None = None
        self.doc_task: TaskHandle | None = None
        self.last_frame: np.ndarray | None = None
        self.id_image: np.ndarray | None = None
        self.steps: list[str] = []
        self.step = -1
        self.step_frames = 0  # frames captured during the current step
        self.feed: FrameFeed | None = None  # the frames of the running challenge, analysed live
        self.flagged = False
        self.frames_per_step = FRAMES_PER_STEP
        self.decision: IdentityDecision | None = None
        row = QHBoxLayout()
        row.addWidget(self._document_box(), 1)
        row.addWidget(self._liveness_box(), 1)
        self.layout_.addLayout(row, 1)
        self.result = self.message_label()
        self.result.setObjectName("decision")
        self.layout_.addWidget(self.result)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton()
        self.continue_button = QPushButton()
        binder.bind(self.retry_button.setText, "Try &again")
        binder.bind(self.continue_button.setText, "&Continue")
        self.retry_button.clicked.connect(self.try_again)
        self.continue_button.clicked.connect(self.confirm)
        self.retry_button.hide()
        self.continue_button.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.continue_button)
        self.layout_.addLayout(buttons)

    def _document_box(self) -> QGroupBox:
        box = QGroupBox()
        self.binder.bind(box.setTitle, "1. Your ID document")
        lay = QVBoxLayout(box)
        self.doc_hint = QLabel()
        self.doc_hint.setWordWrap(True)
        self.binder.bind(self.doc_hint.setText,
                         "Hold the document close to the camera, photo side up, no glare.")
        self.doc_preview = QLabel()
        self.doc_preview.setMinimumSize(300, 190)
        self.doc_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.doc_preview.setObjectName("preview")
        self.snap_button = QPushButton()
        self.file_button = QPushButton()
        self.binder.bind(self.snap_button.setText, "&Take photo")
        self.binder.bind(self.file_button.setText, "&Load from file…")
        self.snap_button.clicked.connect(self.take_photo)
        self.file_button.clicked.connect(self.choose_file)
        btns = QHBoxLayout()
        btns.addWidget(self.snap_button)
        btns.addWidget(self.file_button)
        lay.addWidget(self.doc_hint)
        lay.addWidget(self.doc_preview, 1)
        lay.addLayout(btns)
        return box

    def _liveness_box(self) -> QGroupBox:
        box = QGroupBox()
        self.binder.bind(box.setTitle, "2. Are you there in person?")
        self.live_layout = QVBoxLayout(box)
        self.step_labels: list[QLabel] = []
        self.live_status = QLabel()
        self.live_status.setWordWrap(True)
        self.live_status.setObjectName("liveStatus")
        self.live_preview = QLabel()
        self.live_preview.setFixedSize(240, 135)
        self.live_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.live_preview.setObjectName("preview")
        self.live_button = QPushButton()
        self.binder.bind(self.live_button.setText, "&Start the check")
        self.live_button.setEnabled(False)
        self.live_button.clicked.connect(self.start_liveness)
        self.live_layout.addWidget(self.live_status)
        self.live_layout.addWidget(self.live_preview, 0, Qt.AlignmentFlag.AlignHCenter)
        self.live_layout.addStretch(1)
        self.live_layout.addWidget(self.live_button)
        return box

    def load(self) -> None:
        """A fresh challenge (a new random order of steps for every try)."""
        self.stop_capture()
        for label in self.step_labels:  # the last try's steps go away at once
            self.binder.unbind(label.setText)
            self.live_layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.step_labels = []
        self.steps = self.backend.liveness_steps()
        for i, text in enumerate(self.steps):
            label = QLabel()
            label.setWordWrap(True)
            label.setObjectName("step")
            self.binder.bind(label.setText, "{n}. {text}", n=i + 1, text=Lazy(text))
            self.live_layout.insertWidget(i, label)
            self.step_labels.append(label)
        self.binder.bind(self.live_status.setText, "First add a photo of your ID document.")

    # -- document --------------------------------------------------------------------------
    def on_frame(self, frame: np.ndarray) -> None:
        self.last_frame = frame
        if self.feed is not None and 0 <= self.step < len(self.steps):
            self.feed.put(frame)  # analysed at once by the identity worker
            self.step_frames += 1
            if self.step_frames >= self.frames_per_step:
                self._next_step()

    def stop_capture(self) -> None:
        """Abandon a running challenge: its worker stops and its result is ignored."""
        if self.feed is not None:
            self.feed.cancel()
            self.feed = None

    def show_frame(self, image: QImage) -> None:
        if self.isVisible():
            self.live_preview.setPixmap(QPixmap.fromImage(image).scaled(
                self.live_preview.size(), Qt.AspectRatioMode.KeepAspectRatio))

    def take_photo(self) -> None:
        if self.last_frame is None:
            self.binder.bind(self.doc_hint.setText, "No camera picture yet: wait a moment.")
            return
        self.set_document(self.last_frame.copy())

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("ID document photo"), "",
                                              "Images (*.jpg *.jpeg *.png)")
        if path:
            self.load_id_file(Path(path))

    def load_id_file(self, path: Path) -> bool:
        image = cv2.imread(str(path))
        if image is None:
            self.binder.bind(self.doc_hint.setText, "This file is not a readable picture.")
            set_status(self.doc_hint, "fail")
            return False
        self.set_document(image)
        return True

    def set_document(self, image: np.ndarray) -> None:
        self.id_image = image
        size = self.doc_preview.size()
        pix = QPixmap.fromImage(to_qimage(image)).scaled(
            max(size.width() - 8, 300), max(size.height() - 8, 190),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.doc_preview.setPixmap(pix)
        self.binder.bind(self.doc_hint.setText, "Document photo added. Looking for the portrait…")
        set_status(self.doc_hint, "")
        self.stop_capture()  # a new photo: a challenge in progress starts again
        self.step = -1
        for label in self.step_labels:
            set_status(label, "")
        self.doc_task = run_task(lambda _p: self.backend.check_document(image),
                                 lambda found: self._document_checked(image, found),
                                 lambda _text: self._document_checked(image, None))
        self.live_button.setEnabled(True)
        self.binder.bind(self.live_status.setText,
                         "Press “Start the check” and follow each instruction.")
        self.live_button.setFocus()

    def _document_checked(self, image: np.ndarray, found: tuple[bool, str] | None) -> None:
        """Told at once, before a try is spent; never blocking (a person reviews then).
        ``found`` is None when the look itself failed: nothing is claimed then."""
        if image is not self.id_image:
            return  # another photo was taken meanwhile
        if self.feed is None:  # the check starts now, its ID portrait already known
            self._start_check(image)
        if found is None:
            self.binder.bind(self.doc_hint.setText, "Document photo added.")
            set_status(self.doc_hint, "ok")
            return
        ok, remark = found
        if ok and not remark:
            self.binder.bind(self.doc_hint.setText, "Document photo added: the portrait was found.")
            set_status(self.doc_hint, "ok")
        else:
            self.binder.bind(self.doc_hint.setText, "{why} You can take another photo.",
                             why=Lazy(remark))
            set_status(self.doc_hint, "warn")

    # -- liveness ----------------------------------------------------------------------------
    def start_liveness(self) -> None:
        if self.id_image is None:
            return
        self.retry_button.hide()
        self.live_button.setEnabled(False)
        if self.feed is None:
            self._start_check(self.id_image)
        self.step = -1
        self._next_step()

    def _start_check(self, image: np.ndarray) -> None:
        """The check starts once the document was looked at (or with the challenge, if that
        comes first): the backend analyses each frame of the challenge as it comes."""
        self.stop_capture()
        self.step = -1
        feed = self.feed = FrameFeed()
        self.task = run_task(lambda _p: self.backend.verify_identity(image, feed),
                             lambda d: self._decided(feed, d),
                             lambda text: self._decided(feed, None, text))

    def _decided(self, feed: FrameFeed, decision: IdentityDecision | None,
                 error: str = "") -> None:
        if feed is not self.feed:
            return  # an abandoned challenge
        self.feed = None
        self.step = len(self.steps)
        if decision is None:
            self._failed(error)
        else:
            self.show_decision(decision)

    def _next_step(self) -> None:
        self.step += 1
        self.step_frames = 0
        for i, label in enumerate(self.step_labels):  # captured, not yet judged: no ticks
            set_status(label, "current" if i == self.step else ("done" if i < self.step else ""))
        if self.step < len(self.steps):
            self.binder.bind(self.live_status.setText, "Now: {text}",
                             text=Lazy(self.steps[self.step]))
            return
        self.step = len(self.steps)
        self.binder.bind(self.live_status.setText, "Checking… this takes a few seconds.")
        if self.feed is not None:
            self.feed.close()  # the worker finishes the frames not yet analysed, then decides

    def _failed(self, text: str) -> None:
        self.binder.bind(self.result.setText, "{why}", why=Lazy(text))
        set_status(self.result, "fail")
        self.binder.bind(self.live_status.setText, "The check could not be finished.")
        self.retry_button.show()

    def _show_steps(self, decision: IdentityDecision) -> None:
        """Each step marked as the verifier judged it (the steps come in the asked order)."""
        for i, (label, (_name, ok)) in enumerate(zip(self.step_labels, decision.steps,
                                                     strict=False)):
            self.binder.bind(label.setText, "{n}. {text} {mark}", n=i + 1,
                             text=Lazy(self.steps[i]), mark="✓" if ok else "✗")
            set_status(label, "ok" if ok else "fail")
            label.setAccessibleName(label.text() + " " + (tr("passed") if ok else
                                                          tr("not passed")))

    def show_decision(self, decision: IdentityDecision) -> None:
        self.decision = decision
        self.binder.bind(self.live_status.setText, "Check finished.")
        self._show_steps(decision)
        reason = Lazy(decision.reason)
        can_retry = decision.retries_left > 0 and decision.decision != "accept"
        if decision.decision == "accept":
            self.binder.bind(self.result.setText, "Identity confirmed. {reason}", reason=reason)
            set_status(self.result, "ok")
        elif decision.decision == "review" or not can_retry:
            self.flagged = True
            self.binder.bind(self.result.setText,
                             "We could not confirm it automatically: {reason} You may continue; "
                             "a person will review your identity after the exam.",
                             reason=reason)
            set_status(self.result, "warn")
        else:
            self.binder.bind(self.result.setText,
                             "Not confirmed: {reason} Tries left: {left}.",
                             reason=reason, left=decision.retries_left)
            set_status(self.result, "fail")
        self.continue_button.setEnabled(decision.decision in ("accept", "review")
                                        or not can_retry)
        self.retry_button.setVisible(can_retry)
        if can_retry:
            self.binder.bind(self.retry_button.setText,
                             "Try again with another document photo (tries left: {left})",
                             left=decision.retries_left)
        (self.continue_button if self.continue_button.isEnabled() else
         self.retry_button).setFocus()

    def try_again(self) -> None:
        """Another try: a new document photo and a new random challenge."""
        self.retry_button.hide()
        self.continue_button.setEnabled(False)
        self.flagged = False
        self.id_image = None
        self.doc_preview.clear()
        self.live_button.setEnabled(False)
        self.binder.bind(self.doc_hint.setText,
                         "Add the photo of your ID document again: take a clearer one, or "
                         "use another document.")
        set_status(self.doc_hint, "")
        self.binder.bind(self.result.setText, "")
        set_status(self.result, "")
        self.step = -1
        self.load()
        self.snap_button.setFocus()

    def confirm(self) -> None:
        """Continue with the outcome shown: it is recorded as the final identity result."""
        try:
            self.backend.confirm_identity()
        except EmtihanError as exc:
            self._failed(error_source(exc))
            return
        self.completed.emit()

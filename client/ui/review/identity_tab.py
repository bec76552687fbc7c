"""Identity evidence side by side: ID portrait vs live frames, distance and threshold.

The verifier's outcome is shown as what it is, a pointer; the invigilator
compares the faces."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from client.core.identity import OUTCOME_TEXT, STEP_TEXT
from client.review_core.content import IdentityEvidence
from client.review_core.events import identity_words
from client.review_core.texts import N_

from ..i18n import tr
from .widgets import ImagePanel

MAX_FRAMES = 2


class IdentityTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._evidence: IdentityEvidence | None = None
        self.portrait = ImagePanel(N_("ID document portrait"), 240)
        self.frames = [ImagePanel(N_("Live frame {n}"), 240, n=i + 1) for i in range(MAX_FRAMES)]
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("identitySummary")
        self.note = QLabel()
        self.note.setStyleSheet("color:#5f6b7a;font-style:italic;")
        self.headings = (QLabel(), QLabel())
        left = QVBoxLayout()
        left.addWidget(self.headings[0])
        left.addWidget(self.portrait)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.headings[1])
        row = QHBoxLayout()
        for panel in self.frames:
            row.addWidget(panel)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)
        images = QHBoxLayout()
        images.addLayout(left)
        images.addSpacing(24)
        images.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(images, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(tr("The software only points: compare the faces yourself before "
                             "deciding."))
        self.headings[0].setText(f"<b>{tr('ID document')}</b>")
        self.headings[1].setText(f"<b>{tr('Live capture')}</b>")
        for panel in (self.portrait, *self.frames):
            panel.retranslate()
        if self._evidence is not None:
            self.set_evidence(self._evidence)

    def set_evidence(self, evidence: IdentityEvidence) -> None:
        self._evidence = evidence
        self.portrait.set_image(evidence.id_portrait, N_("no portrait in the bundle"))
        for index, panel in enumerate(self.frames):
            data = evidence.live_frames[index] if index < len(evidence.live_frames) else None
            panel.set_image(data, N_("no frame"))
            panel.setVisible(data is not None or index == 0)
        extra = len(evidence.live_frames) - MAX_FRAMES
        more = (f"<p>{escape(tr('{n} more live frame(s) in the bundle.').format(n=extra))}</p>"
                if extra > 0 else "")
        self.summary.setText(identity_html(evidence) + more)


def identity_html(evidence: IdentityEvidence) -> str:
    """The identity check in words, as the student's client showed it (translated)."""
    if not evidence.present:
        return tr("<b>No identity evidence in this bundle.</b> The check may have been "
                  "skipped.")
    told = OUTCOME_TEXT.get(evidence.outcome)
    rows = [
        (tr("What the student was told"), tr(told) if told else evidence.outcome or "—"),
        (tr("Face distance"), evidence.distance or "—"),
        (tr("Threshold"), evidence.threshold or "—"),
        (tr("Review band (a person compares)"), evidence.review_band or "—"),
        (tr("Liveness"), tr(evidence.liveness) if evidence.liveness in ("passed", "not passed")
         else evidence.liveness or "—"),
        (tr("Tries"), str(evidence.attempts) if evidence.attempts else "—"),
    ]
    cells = "".join(f"<tr><td style='padding-right:16px'>{escape(k)}</td>"
                    f"<td><b>{escape(v)}</b></td></tr>" for k, v in rows)
    steps = "".join(
        f"<li>{escape(tr(STEP_TEXT.get(name, name)))} — "
        f"{escape(tr('passed') + ' ✓' if ok else tr('not passed') + ' ✗')}</li>"
        for name, ok in evidence.steps)
    earlier = "".join(f"<li>{escape(_earlier_try(t))}</li>" for t in evidence.tries)
    reasons = "".join(f"<li>{escape(tr(r))}</li>" for r in evidence.reasons if r)
    return (f"<table>{cells}</table>"
            + (f"<p>{escape(tr('Liveness steps, in the order asked:'))}</p><ul>{steps}</ul>"
               if steps else "")
            + (f"<p>{escape(tr('Earlier tries:'))}</p><ul>{earlier}</ul>" if earlier else "")
            + (f"<p>{escape(tr('Reasons:'))}</p><ul>{reasons}</ul>" if reasons else ""))


def _earlier_try(text: str) -> str:
    """``1: no_match`` (as the core lists an earlier try) with the outcome in words."""
    number, sep, outcome = text.partition(": ")
    return f"{number}{sep}{identity_words(outcome)}" if sep else text

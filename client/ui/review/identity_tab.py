"""Identity evidence side by side: ID portrait vs live frames, distance and threshold.

The verifier's outcome is shown as what it is, a pointer; the invigilator
compares the faces."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from client.review_core.content import IdentityEvidence

from .widgets import ImagePanel

MAX_FRAMES = 2


class IdentityTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.portrait = ImagePanel("ID document portrait", 240)
        self.frames = [ImagePanel(f"Live frame {i + 1}", 240) for i in range(MAX_FRAMES)]
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("identitySummary")
        note = QLabel("The software only points: compare the faces yourself before deciding.")
        note.setStyleSheet("color:#5f6b7a;font-style:italic;")
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>ID document</b>"))
        left.addWidget(self.portrait)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Live capture</b>"))
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
        layout.addWidget(note)

    def set_evidence(self, evidence: IdentityEvidence) -> None:
        self.portrait.set_image(evidence.id_portrait, "no portrait in the bundle")
        for index, panel in enumerate(self.frames):
            data = evidence.live_frames[index] if index < len(evidence.live_frames) else None
            panel.set_image(data, "no frame")
            panel.setVisible(data is not None or index == 0)
        extra = len(evidence.live_frames) - MAX_FRAMES
        more = f"<p>{extra} more live frame(s) in the bundle.</p>" if extra > 0 else ""
        self.summary.setText(identity_html(evidence) + more)


def identity_html(evidence: IdentityEvidence) -> str:
    if not evidence.present:
        return "<b>No identity evidence in this bundle.</b> The check may have been skipped."
    rows = [
        ("Client's outcome", evidence.outcome or "—"),
        ("Face distance", evidence.distance or "—"),
        ("Threshold", evidence.threshold or "—"),
        ("Review band (a human looks)", evidence.review_band or "—"),
        ("Liveness", evidence.liveness or "—"),
        ("Attempts", str(evidence.attempts) if evidence.attempts else "—"),
    ]
    cells = "".join(f"<tr><td style='padding-right:16px'>{k}</td><td><b>{escape(v)}</b></td></tr>"
                    for k, v in rows)
    reasons = "".join(f"<li>{escape(r)}</li>" for r in evidence.reasons if r)
    return f"<table>{cells}</table>" + (f"<ul>{reasons}</ul>" if reasons else "")

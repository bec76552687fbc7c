"""The session report as self-contained HTML (Qt-free).

The Qt layer prints it to PDF (QTextDocument + QPdfWriter); images are
referenced as ``emtihan:<name>`` resources listed by :func:`report_images`.
"""

from __future__ import annotations

from html import escape

from .content import TimelineEntry
from .export import SessionRecord
from .paper import ReconstructedPaper, paper_html


def report_images(record: SessionRecord) -> dict[str, bytes]:
    """Resource name -> image bytes for thumbnails and identity evidence."""
    images: dict[str, bytes] = {}
    if record.opened is None:
        return images
    content = record.opened.content
    for entry in content.flags():
        if entry.thumbnail:
            images[f"emtihan:thumb-{entry.seq}"] = entry.thumbnail
    identity = content.identity
    if identity.id_portrait:
        images["emtihan:id-portrait"] = identity.id_portrait
    for index, frame in enumerate(identity.live_frames[:3]):
        images[f"emtihan:live-{index}"] = frame
    return images


def _rows(rows: list[tuple[str, str]]) -> str:
    return "<table cellspacing='2' cellpadding='3'>" + "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows) + "</table>"


def _flag_html(record: SessionRecord, entry: TimelineEntry, images: dict[str, bytes]) -> str:
    book = record.decisions
    decision = book.flags.get(entry.seq) if book else None
    verdict = (f"{decision.outcome.label} — {escape(str(decision.record['reviewer']))}: "
               f"<i>{escape(str(decision.record['note'])) or 'no note'}</i>"
               if decision else "<b style='color:#b3261e'>undecided</b>")
    name = f"emtihan:thumb-{entry.seq}"
    image = f"<img src='{name}' height='110'>" if name in images else ""
    return (f"<tr><td>{image}</td><td><b>#{entry.seq} {escape(entry.kind)}</b> "
            f"({entry.severity_label})<br>{escape(entry.t_wall)}<br>{escape(entry.summary)}"
            f"<br>Decision: {verdict}</td></tr>")


def _verification_html(record: SessionRecord) -> str:
    opened = record.opened
    if opened is None:
        return "<p>The bundle was not opened: nothing verified.</p>"
    head = ("<p style='background:#b3261e;color:white;padding:6px'><b>LOG TAMPERED / "
            "INCOMPLETE</b></p>" if opened.tampered else
            "<p style='color:#1e6b34'><b>Verified</b></p>")
    items = "".join(f"<li>{'✔' if c.ok else '✘'} <b>{escape(c.name)}</b>: {escape(c.message)}"
                    "</li>" for c in opened.checks)
    broken = opened.broken_seq
    tail = (f"<p><b>Event-log records from #{broken} on cannot be trusted.</b></p>"
            if broken is not None else "")
    return head + f"<ul style='list-style-type:none'>{items}</ul>" + tail


def session_report_html(record: SessionRecord, paper: ReconstructedPaper | str | None,
                        generated_at: str, reviewer: str) -> str:
    s = record.summary
    images = report_images(record)
    parts = [f"<h1>Session report — {escape(s.name or s.student_id)}</h1>",
             _rows([("Student", f"{s.student_id} {s.name}"), ("Exam", s.exam_id),
                    ("Attempt", s.attempt_id), ("Handed in", s.submitted_at or "—"),
                    ("Timing", f"late by {s.late_s} s" if s.late else "on time"),
                    ("Report by", reviewer), ("Generated", generated_at)]),
             "<h2>Verification</h2>", _verification_html(record)]
    if record.opened is not None:
        identity = record.opened.content.identity
        pics = "&nbsp;&nbsp;".join(f"<img src='{n}' height='130'>" for n in images
                                   if n.startswith(("emtihan:id-", "emtihan:live-")))
        parts += ["<h2>Identity (the software only points)</h2>",
                  f"<p>{pics}</p><p><i>ID document portrait first, then the live frames.</i></p>",
                  _rows([("Client's outcome", identity.outcome or "—"),
                         ("Distance / threshold", f"{identity.distance or '—'} / "
                                                  f"{identity.threshold or '—'}"),
                         ("Liveness", identity.liveness or "—")])]
        flags = record.opened.content.flags()
        parts.append(f"<h2>Flags ({len(flags)})</h2>")
        parts.append("<table cellpadding='4'>" + "".join(
            _flag_html(record, e, images) for e in flags) + "</table>" if flags
            else "<p>No flagged events.</p>")
    book = record.decisions
    session = book.session if book else None
    parts.append("<h2>Session decision</h2>")
    parts.append(f"<p><b>{session.outcome.label}</b> by {escape(str(session.record['reviewer']))}"
                 f" ({escape(str(session.record['decided_at']))}): "
                 f"{escape(str(session.record['note']))}</p>" if session else
                 "<p><b>No session decision yet.</b> Nothing is sanctioned automatically.</p>")
    parts.append("<h2>Paper and automatic grade</h2>")
    if paper is None:
        parts.append("<p>The exam package was not loaded.</p>")
    elif isinstance(paper, str):
        parts.append(f"<p>{escape(paper)}</p>")
    else:
        parts.append(paper_html(paper))
    return "<html><body style='font-family:DejaVu Sans'>" + "".join(parts) + "</body></html>"

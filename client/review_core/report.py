"""The session report as self-contained HTML (Qt-free).

The Qt layer prints it to PDF (QTextDocument + QPdfWriter); images are
referenced as ``emtihan:<name>`` resources listed by :func:`report_images`.
"""

from __future__ import annotations

from html import escape

from .api import SessionSummary
from .content import TimelineEntry
from .events import event_text, identity_words
from .export import SessionRecord
from .paper import ReconstructedPaper, paper_html
from .texts import t


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
    verdict = (f"{t(decision.outcome.label)} — {escape(str(decision.record['reviewer']))}: "
               f"<i>{escape(str(decision.record['note'])) or t('no note')}</i>"
               if decision else f"<b style='color:#b3261e'>{t('undecided')}</b>")
    name = f"emtihan:thumb-{entry.seq}"
    image = f"<img src='{name}' height='110'>" if name in images else ""
    return (f"<tr><td>{image}</td><td><b>#{entry.seq} {escape(entry.kind)}</b> "
            f"({t(entry.severity_label)})<br>{escape(entry.t_wall)}<br>{escape(event_text(entry))}"
            f"<br>{t('Decision:')} {verdict}</td></tr>")


def _verification_html(record: SessionRecord) -> str:
    opened = record.opened
    if opened is None:
        return f"<p>{t('The bundle was not opened: nothing verified.')}</p>"
    head = (f"<p style='background:#b3261e;color:white;padding:6px'><b>"
            f"{t('LOG TAMPERED / INCOMPLETE')}</b></p>" if opened.tampered else
            f"<p style='color:#1e6b34'><b>{t('Verified')}</b></p>")
    items = "".join(f"<li>{'✔' if c.ok else '✘'} <b>{escape(t(c.name))}</b>: "
                    f"{escape(t(c.message))}</li>" for c in opened.checks)
    broken = opened.broken_seq
    tail = (f"<p><b>{t('Event-log records from #{seq} on cannot be trusted.', seq=broken)}"
            "</b></p>" if broken is not None else "")
    return head + f"<ul style='list-style-type:none'>{items}</ul>" + tail


def _timing(s: SessionSummary) -> str:
    return t("late by {seconds} s", seconds=s.late_s) if s.late else t("on time")


def _identity_html(record: SessionRecord, images: dict[str, bytes]) -> list[str]:
    assert record.opened is not None
    identity = record.opened.content.identity
    pics = "&nbsp;&nbsp;".join(f"<img src='{n}' height='130'>" for n in images
                               if n.startswith(("emtihan:id-", "emtihan:live-")))
    return [f"<h2>{t('Identity (the software only points)')}</h2>",
            f"<p>{pics}</p><p><i>{t('ID document portrait first, then the live frames.')}"
            "</i></p>",
            _rows([(t("Client's outcome"), identity_words(identity.outcome) or "—"),
                   (t("Distance / threshold"), f"{identity.distance or '—'} / "
                                               f"{identity.threshold or '—'}"),
                   (t("Liveness"), t(identity.liveness) if identity.liveness else "—")])]


def _decision_html(record: SessionRecord) -> str:
    book = record.decisions
    session = book.session if book else None
    if session is None:
        return (f"<p><b>{t('No session decision yet.')}</b> "
                f"{t('Nothing is sanctioned automatically.')}</p>")
    return (f"<p><b>{t(session.outcome.label)}</b> — "
            f"{escape(str(session.record['reviewer']))}"
            f" ({escape(str(session.record['decided_at']))}): "
            f"{escape(str(session.record['note']))}</p>")


def session_report_html(record: SessionRecord, paper: ReconstructedPaper | str | None,
                        generated_at: str, reviewer: str) -> str:
    """The report in the language of the installed translator (:mod:`.texts`)."""
    s = record.summary
    images = report_images(record)
    parts = [f"<h1>{t('Session report — {name}', name=escape(s.name or s.student_id))}</h1>",
             _rows([(t("Student"), f"{s.student_id} {s.name}"), (t("Exam"), s.exam_id),
                    (t("Attempt"), s.attempt_id), (t("Handed in"), s.submitted_at or "—"),
                    (t("Timing"), _timing(s)),
                    (t("Report by"), reviewer), (t("Generated"), generated_at)]),
             f"<h2>{t('Verification')}</h2>", _verification_html(record)]
    if record.opened is not None:
        parts += _identity_html(record, images)
        flags = record.opened.content.flags()
        parts.append(f"<h2>{t('Flags ({count})', count=len(flags))}</h2>")
        parts.append("<table cellpadding='4'>" + "".join(
            _flag_html(record, e, images) for e in flags) + "</table>" if flags
            else f"<p>{t('No flagged events.')}</p>")
    parts.append(f"<h2>{t('Session decision')}</h2>")
    parts.append(_decision_html(record))
    parts.append(f"<h2>{t('Paper and automatic grade')}</h2>")
    if paper is None:
        parts.append(f"<p>{t('The exam package was not loaded.')}</p>")
    elif isinstance(paper, str):
        parts.append(f"<p>{escape(t(paper))}</p>")
    else:
        parts.append(paper_html(paper))
    return "<html><body style='font-family:DejaVu Sans'>" + "".join(parts) + "</body></html>"

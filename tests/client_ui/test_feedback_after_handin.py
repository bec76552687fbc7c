"""Issue 12, feedback "shown to the student when the exam says so", on the real path:
a Moodle-like XML export with every kind of feedback is imported with the CLI, its
policy set to ``feedback: after_handin``, built and signed, published on the embedded
server; the real ``CoreBackend`` takes the attempt, the real widgets are answered like a
user, the hand-in page shows the feedback (translated captions); ``emtihan-author grade``
gives Moodle's marks for the same answers and the review paper shows all feedback."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from client.core.session import SessionConfig
from client.review_core.paper import paper_html, reconstruct
from client.ui.core_backend import CoreBackend
from client.ui.i18n import I18n, TextBinder
from client.ui.pages.handin import HandInPage
from client.ui.questions import make_question_widget
from exam_packages import cli
from exam_packages.paper import paper_order
from exam_packages.trust import TrustStore

XML = Path(__file__).resolve().parents[1] / "exam_packages" / "data" / "import" / \
    "moodle_feedback.xml"
STUDENT, CODE = "s-fb-01", "FB-2026"
FMT = "%Y-%m-%dT%H:%M:%SZ"
# what a student does, by question title (keyboard and mouse on the real widgets)
ACTIONS: dict[str, Any] = {"Capital": "Almaty", "Primes": ["2", "3"], "France": "Lyon",
                           "Gravity": "10", "Vacuum": False, "Explain": "Light scatters.",
                           "Cat": {"g1": "kitten", "g2": "mat"}}
# Moodle's marks: wrong one-answer 0; 50+50 % = 100 % of 2; '*' at 0 %; 10 at 50 %;
# false is right; essay by hand; cloze (0.5 + 1) / 2 of its 2 marks (one per gap)
MOODLE_POINTS = {"Capital": "0.00", "Primes": "2.00", "France": "0.00", "Gravity": "0.50",
                 "Vacuum": "1.00", "Explain": "0", "Cat": "1.50"}


def _cli(*argv: object) -> None:
    assert cli.main([str(a) for a in argv]) == 0


def _source(tmp: Path, policy: str) -> Path:
    _cli("import-moodle", XML, "--out", tmp / "src")
    path = tmp / "src" / "exam.yaml"
    source = yaml.safe_load(path.read_text(encoding="utf-8"))
    now = datetime.now(UTC)
    source["exam"].update(exam_id="fb-exam", opens_at=(now - timedelta(days=1)).strftime(FMT),
                          closes_at=(now + timedelta(days=2)).strftime(FMT))
    source["exam"]["policy"].update(feedback=policy, required_checks={
        "camera": False, "headset": False, "identity": False, "min_bandwidth_kbps": 0})
    path.write_text(yaml.safe_dump(source, allow_unicode=True, sort_keys=False), "utf-8")
    return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from server_stub.embedded import EmbeddedServer

    tmp = tmp_path_factory.mktemp("fb")
    _cli("keygen", "--kind", "author", "--out", tmp / "author.key")
    _cli("keygen", "--kind", "results", "--out", tmp / "inst.key")
    _cli("build", _source(tmp, "after_handin"), "--author-key", tmp / "author.key",
         "--recipient", tmp / "inst.key.pub", "--out", tmp / "fb.emtihan", "--encrypt")
    server = EmbeddedServer(tmp / "server")
    service = server.services.service
    service.publish(tmp / "fb.emtihan", tmp / "fb.emtihan.key")
    service.import_roster(f"student_id,name,access_code\n{STUDENT},Test,{CODE}\n", "fb-exam")
    url = server.start()
    _cli("trust", tmp / "author.key.pub", "--out", tmp / "trust.json")
    yield tmp, url, TrustStore.load(tmp / "trust.json")
    server.stop()


def _press(qtbot: Any, button: Any) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _act(qtbot: Any, widget: Any, action: Any) -> None:
    """Answer one real widget the way a student would."""
    if isinstance(action, bool):
        _press(qtbot, widget.true_button if action else widget.false_button)
    elif hasattr(widget, "buttons"):  # choice: the options with these texts
        for button in widget.buttons.values():
            if button.text() in ([action] if isinstance(action, str) else action):
                _press(qtbot, button)
    elif hasattr(widget, "fields"):  # cloze
        for gap, value in action.items():
            field = widget.fields[gap]
            if isinstance(field, QComboBox):
                field.setFocus()
                while field.currentText() != value:
                    qtbot.keyClick(field, Qt.Key.Key_Down)
            else:
                field.setFocus()
                qtbot.keyClicks(field, value)
    else:
        widget.edit.setFocus()
        qtbot.keyClicks(widget.edit, action)


def _attempt(world: Any, tmp_path: Path, qtbot: Any) -> tuple[CoreBackend, dict[str, str]]:
    tmp, url, trust = world
    b = CoreBackend(SessionConfig(tmp_path / "client", trust))
    b.sign_in(url, "fb-exam", STUDENT, CODE)
    b.download_package("fb-exam", lambda d, t: None)
    b.finish_checks()
    b.record_consent(True)
    b.s.record_identity({"outcome": "match"}, final=True)  # identity is not required here
    start = b.start_exam()
    titles = {}
    for entry in start.paper["questions"]:
        question = start.exam_doc["questions"][entry["id"]]
        widget = make_question_widget(question, paper_order(entry), start.media, TextBinder())
        qtbot.addWidget(widget)
        widget.show()
        _act(qtbot, widget, ACTIONS[question["title"]])
        b.save_answer(entry["id"], widget.answer())
        titles[entry["id"]] = question["title"]
    return b, titles


def _hand_in(b: CoreBackend, qtbot: Any) -> HandInPage:
    page = HandInPage(b, TextBinder())
    qtbot.addWidget(page)
    page.resize(800, 900)
    page.show()
    page.submit(False)
    qtbot.waitUntil(lambda: page.receipt is not None, timeout=30000)
    page.task.qthread.wait(5000)
    return page


def _shown(page: HandInPage) -> list[str]:
    return [label.text() for label in page.feedback_view.findChildren(QLabel)
            if label.isVisibleTo(page)]


def test_feedback_after_handin_graded_as_moodle_and_in_review(world: Any, tmp_path: Path,
                                                              qtbot: Any) -> None:
    b, titles = _attempt(world, tmp_path, qtbot)
    answers = dict(b.s.answers)
    by_title = {titles[q]: a for q, a in answers.items()}
    assert by_title == {"Capital": "b", "Primes": ["a", "b"], "France": "Lyon",
                        "Gravity": "10", "Vacuum": False, "Explain": "Light scatters.",
                        "Cat": {"g1": "kitten", "g2": "a"}}
    page = _hand_in(b, qtbot)
    assert page.feedback_view.isVisible()
    shown = _shown(page)
    for text in ("Almaty was the capital until 1997.", "Your answer is incorrect.",
                 "Astana has been the capital since 1997.", "2 is the only even prime.",
                 "All primes, no others.", "No: it is Paris.", "Rounded: half the mark.",
                 "Right: sound needs a medium.", "Rayleigh scattering.",
                 "[1] A young cat: half.", "[2] Yes, the mat.", "A classic sentence."):
        assert text in shown, text
    # never shown to the student: hints, grader information, feedback of unchosen answers
    for text in ("It lies on the Ishim river.", "Full marks need", "Yes: Astana.",
                 "4 = 2 × 2.", "Standard gravity.", "Your answer is correct."):
        assert not any(text in s for s in shown), text
    i18n = I18n()
    try:
        i18n.set_language("ru")
        page.binder.retranslate()
        assert "Отзыв о ваших ответах" in _shown(page) and "О вашем ответе:" in _shown(page)
        assert not {"On your answer:", "General feedback:", "Overall:"} & set(_shown(page))
    finally:
        i18n.set_language("en")

    tmp, _, _ = world
    (tmp_path / "answers.json").write_text(json.dumps(
        {"student_id": STUDENT, "seed": b.s.seed, "answers": answers}), "utf-8")
    _cli("grade", tmp / "fb.emtihan", "--answers", tmp_path / "answers.json", "--content-key",
         tmp / "fb.emtihan.key", "--trust", tmp / "trust.json", "--json",
         "--breakdown", tmp_path / "b.csv")
    rows = csv.DictReader(io.StringIO((tmp_path / "b.csv").read_text()))
    points = {titles[r["question"]]: r["points"] for r in rows}
    assert points == MOODLE_POINTS

    paper = reconstruct(b.s.exam_doc, b.s.policy, b.s.seed, answers)
    html = paper_html(paper)
    for text in ("<b>Hint:</b> It lies on the Ishim river.",
                 "<b>Information for graders:</b> Full marks need",
                 "<b>Feedback on this answer:</b> Almaty was the capital",
                 "<b>Combined feedback:</b> All primes, no others."):
        assert text in html, text
    b.s.close()


def test_no_feedback_for_the_student_by_default(world: Any, tmp_path: Path) -> None:
    """An exam without ``policy.feedback`` (or with ``none``) shows nothing after the hand-in;
    the bytes of a package whose source does not say it are those of before (no default
    written into the manifest)."""
    from exam_packages.feedback import student_feedback
    from exam_packages.model import normalize_meta
    from exam_packages.source import load_source

    source = load_source(_source(tmp_path, "none"))
    meta = dict(source.meta)
    meta["policy"] = {k: v for k, v in meta["policy"].items() if k != "feedback"}
    assert "feedback" not in normalize_meta(meta)["policy"]
    answers = {"q1": "b"}
    paper = {"questions": [{"id": "q1", "options": ["a", "b", "c"]}]}
    assert student_feedback(source.exam_doc, meta["policy"], paper, answers) == []
    assert student_feedback(source.exam_doc, {"feedback": "none"}, paper, answers) == []
    shown = student_feedback(source.exam_doc, {"feedback": "after_handin"}, paper, answers)
    assert [(f.qid, f.specific, f.combined) for f in shown] == [
        ("q1", ("Almaty was the capital until 1997.",), "Your answer is incorrect.")]

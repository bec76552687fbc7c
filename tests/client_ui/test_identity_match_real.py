"""A match through the real window: the camera is a rendered 3D head of the document's
holder (tests/verifier/heads.py, the attack corpus's bona fide material) that performs
whichever step the identity page asks, as a student would. Real window, real core, the
demo's embedded server, the real verifier: the student is told "confirmed" and the
invigilator's log says ``match`` with every step passed."""

from __future__ import annotations

import time
from typing import Any

import cv2
import numpy as np
import pytest

from client.core.session import SessionConfig
from client.ui.core_backend import CoreBackend
from verifier.capture import stamp

from ..verifier.corpus import BLINK_TILT, HOLDERS, Scene, animate, step_poses
from ..verifier.heads import head_surface, photo_surface, room
from .conftest import FACES

pytestmark = [pytest.mark.qt, pytest.mark.slow]
WHO = "biden"
SIZE = (640, 480)
FACE_PX = 190.0


class PuppetCamera:
    """Frames of the rendered head doing the page's current step (frontal otherwise),
    stamped with the capture clock like a webcam."""

    def __init__(self, page: Any, steps: dict[str, list[np.ndarray]], rest: np.ndarray):
        self.page, self.steps, self.rest = page, steps, rest
        self.at: tuple[int, int] = (-1, 0)  # (step index, frame in it)

    def read(self) -> tuple[bool, np.ndarray]:
        time.sleep(1 / 30)  # a webcam waits for its next frame
        index, names = self.page.step, self.page.steps
        if not 0 <= index < len(names):
            return True, stamp(self.rest.copy(), time.monotonic())
        step, n = self.at if self.at[0] == index else (index, 0)
        frames = self.steps[names[index]]
        self.at = (step, n + 1)
        return True, stamp(frames[min(n, len(frames) - 1)].copy(), time.monotonic())

    def close(self) -> None:
        pass


def _puppet(page: Any, card: bool = False) -> PuppetCamera:
    """The holder's head, or (``card``) the holder's photo as a flat card moved like a
    head: turned for the turns, tilted back for the blink."""
    from client.core.identity import STEP_TEXT
    from verifier.face_adapter import default_engine

    photo = cv2.imread(str(FACES / HOLDERS[WHO][0]))
    make = photo_surface if card else head_surface
    surface = make(photo, FACE_PX, default_engine())
    rng = np.random.default_rng(5)
    scene = Scene(SIZE[0], SIZE[1], room(SIZE[0], SIZE[1], 5), rng)

    def poses(name: str) -> list[tuple[float, float, float]]:
        out = step_poses(name, 30.0, rng) + [(0.0, 0.0, 0.0)] * 10
        return [(yaw, BLINK_TILT * blink, 0.0) if card else (yaw, pitch, blink)
                for yaw, pitch, blink in out]

    by_text = {STEP_TEXT[name]: animate(surface, scene, poses(name))
               for name in ("blink", "turn_left", "turn_right")}
    rest = animate(surface, scene, [(0.0, 0.0, 0.0)])[0]
    return PuppetCamera(page, by_text, rest)


def _window(world, tmp_path, qtbot, card: bool):
    from client.ui.i18n import I18n
    from client.ui.window import StudentWindow
    from emtihan_demo import CODE, STUDENT

    from .real_walk import walk_to_identity

    backend = CoreBackend(SessionConfig(tmp_path / "client", world.trust))
    holder: list[PuppetCamera] = []
    w = StudentWindow(backend, I18n(), open_camera=lambda: holder[0], server_url=world.url,
                      exam_id=world.exam_id, student_id=STUDENT)
    holder.append(_puppet(w.identity, card))
    w.close_confirmed = True
    qtbot.addWidget(w)
    w.show()
    walk_to_identity(qtbot, w, backend, CODE)
    ident = w.identity
    assert ident.load_id_file(FACES / HOLDERS[WHO][1])
    qtbot.waitUntil(lambda: ident.doc_hint.property("state") == "ok", timeout=30000)
    ident.live_button.click()
    qtbot.waitUntil(lambda: ident.decision is not None, timeout=120000)
    return w, backend


def _told(backend) -> list[dict]:
    kinds = ("identity_attempt", "identity_result")
    return [r["data"] for r in backend.s._log().records() if r["kind"] in kinds]


def test_the_holder_in_front_of_the_camera_is_confirmed_in_the_window(fresh_demo_world, tmp_path,
                                                                      qtbot):
    w, backend = _window(fresh_demo_world, tmp_path, qtbot, card=False)
    try:
        ident = w.identity
        decision = ident.decision
        assert decision.decision == "accept", decision.reason
        assert [ok for _name, ok in decision.steps] == [True, True, True]
        assert ident.result.text().startswith("Identity confirmed.")
        assert ident.continue_button.isEnabled() and not ident.flagged
        ident.continue_button.click()
        qtbot.waitUntil(lambda: bool(w.exam.widgets), timeout=20000)
        told = _told(backend)
        assert [t["outcome"] for t in told] == ["match"]  # the invigilator reads the same
        assert all(step["passed"] for step in told[0]["liveness"]["steps"])
    finally:
        w.shutdown()


def test_the_holders_photo_moved_like_a_card_is_not_confirmed(fresh_demo_world, tmp_path,
                                                               qtbot):
    w, backend = _window(fresh_demo_world, tmp_path, qtbot, card=True)
    try:
        ident = w.identity
        assert ident.decision.decision != "accept", ident.decision.reason
        assert not ident.result.text().startswith("Identity confirmed.")
        told = _told(backend)
        assert [t["outcome"] for t in told] == ["review"]  # a person looks at it
        codes = {r["code"] for r in told[-1]["reasons"]}
        assert codes & {"liveness_flat", "liveness_incomplete", "liveness_step_timeout"}, codes
    finally:
        w.shutdown()

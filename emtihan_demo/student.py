"""Helpers of the headless demo: the scripted student, the camera source, the ID card.

Nothing here is used by the real client; it only plays the student's part.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from client.core.devices import (
    CameraSource,
    LevelMeter,
    SyntheticCamera,
    VideoFileCamera,
    beep_sequence,
    check_digits_answer,
    make_digits,
)

FACES = Path(__file__).resolve().parents[1] / ".." / "shared" / "faces"
CLIP = FACES / "face_recognition" / "examples" / "short_hamilton_clip.mp4"
ID_PHOTO = FACES / "face_recognition" / "examples" / "lin-manuel-miranda.png"


def open_camera(video: Path | None) -> tuple[CameraSource, str]:
    """The demo camera and a sentence saying which source it is."""
    path = video or CLIP
    if path.exists():
        return VideoFileCamera(path, loop=True, realtime=False), f"video file {path.name}"
    if ID_PHOTO.exists():
        face = cv2.imread(str(ID_PHOTO))
        return SyntheticCamera(face_image=face), "synthetic camera (a still photo that drifts)"
    return SyntheticCamera(), "synthetic camera (generated shapes, no face)"


def compose_id_card(portrait: np.ndarray) -> np.ndarray:
    """A synthetic ID card (no real document): a pale card, text, the portrait pasted."""
    card = np.full((540, 860, 3), (235, 228, 214), np.uint8)
    cv2.rectangle(card, (0, 0), (859, 70), (120, 70, 20), -1)
    cv2.putText(card, "EMTIHAN DEMO ID - SPECIMEN", (24, 48), cv2.FONT_HERSHEY_SIMPLEX, 1.1,
                (255, 255, 255), 2)
    scale = 360 / portrait.shape[0]
    face = cv2.resize(portrait, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    face = face[:, : min(face.shape[1], 300)]
    card[120:120 + face.shape[0], 40:40 + face.shape[1]] = face
    for i, line in enumerate(["Surname: DEMO", "Given name: STUDENT", "ID: s-demo-01",
                              "Valid: 2030-12-31"]):
        cv2.putText(card, line, (380, 180 + 60 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.9,
                    (30, 30, 30), 2)
    return card


def id_image(path: Path | None) -> tuple[np.ndarray | None, str]:
    if path is not None:
        image = cv2.imread(str(path))
        return image, f"provided ID image {path.name}"
    photo = cv2.imread(str(ID_PHOTO)) if ID_PHOTO.exists() else None
    if photo is not None:
        return compose_id_card(photo), (
            "a composed synthetic ID card with the photo lin-manuel-miranda.png")
    return None, "no ID image available"


def simulated_audio_check(rng: random.Random) -> dict[str, Any]:
    """No sound card in CI: play the beeps into a simulated microphone, 'type' the digits."""
    digits = make_digits(rng)
    played = beep_sequence(digits)
    heard = played * 0.6 + np.random.default_rng(1).normal(0, 0.01, played.size).astype(
        np.float32)
    meter = LevelMeter()
    for start in range(0, heard.size, 1600):
        meter.update(heard[start:start + 1600])
    answer = digits  # the scripted student counts the beeps correctly
    return {"digits_played": len(digits), "answer_ok": check_digits_answer(digits, answer),
            "loudest_dbfs": f"{meter.loudest_db:.1f}", "simulated": True}


def scripted_answer(question: dict[str, Any], entry: dict[str, Any], wrong: bool) -> Any:
    """The answer a diligent demo student gives (``wrong`` = a deliberate mistake)."""
    kind = question["type"]
    if kind == "single":
        correct = question["correct"][0]
        others = [o for o in entry.get("options", []) if o != correct]
        return others[0] if wrong and others else correct
    if kind == "multiple":
        return list(question["correct"])[:1] if wrong else list(question["correct"])
    if kind == "truefalse":
        return (not question["correct"]) if wrong else question["correct"]
    if kind == "numeric":
        return "1.0" if wrong else str(question["answer"])
    if kind == "short":
        return "?" if wrong else question["accept"][0]["pattern"]
    if kind == "matching":
        return {p["id"]: p["id"] for p in question["pairs"]}
    if kind == "ordering":
        return list(question["correct_order"])
    return "Ньютонның екінші заңы: F = m·a. (Newton's second law.)"

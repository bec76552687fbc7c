"""Presentation-attack corpus, generated (nothing downloaded).

Every sequence is what the client would capture during one challenge: 30
frames per step at 15 frames/s, each a :class:`verifier.capture.TimedFrame`.

Bona fide: a rendered 3D head (``heads.py``) of the ID holder performing the
asked steps, with small natural sway and sensor noise.  Attacks (presentation
attack instrument species, ISO/IEC 30107-3 terms):

* ``still``: the holder's photo, repeated unchanged;
* ``still_noise``: the same photo with sensor noise on every frame;
* ``warped_still``: the photo as a flat sheet, tilted back for the blink and
  rotated about its vertical axis for the turns (amplitude and distance vary);
* ``print``: a printed photo: bent sheet, blur, paper texture and a gloss
  highlight, moved like ``warped_still``;
* ``replay``: another person's video (a rendered head doing the asked steps),
  fed to the camera;
* ``splice``: the holder's photo for the first 20 frames, then another
  person doing the challenge (rendered head), as one stream;
* ``splice_photo``: the holder's photo, then another person's warped photo.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from verifier.capture import TimedFrame, stamp

from .heads import Surface, head_surface, photo_surface, render, room

FPS = 15.0
STEP_FRAMES = 30
SIZES = {"320x240": (320, 240), "1280x720": (1280, 720)}
FACE_PX = {"320x240": 110.0, "1280x720": 260.0}
Pose = tuple[float, float, float]  # yaw, pitch, blink
BLINK_TILT = 50.0  # a sheet tilted back this far shortens the eyes by a third: a fake blink


def _ease(x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def step_poses(step: str, amplitude: float, rng: np.random.Generator) -> list[Pose]:
    """(yaw, pitch, blink) per frame of one step, for a head (or a sheet moved like one)."""
    out: list[Pose] = []
    lag = int(rng.integers(2, 6))  # reaction time
    for i in range(STEP_FRAMES):
        k = i - lag
        if step == "blink":
            blink = {8: 0.5, 9: 1.0, 10: 1.0, 11: 0.5, 12: 0.15}.get(k, 0.0)
            out.append((0.0, 0.0, blink))
            continue
        sign = 1.0 if step == "turn_left" else -1.0
        level = _ease(k / 9.0) - _ease((k - 15) / 9.0)
        out.append((sign * amplitude * level, 0.0, 0.0))
    return out


def timeline(order: tuple[str, ...], amplitude: float, rng: np.random.Generator,
             pitch_for_blink: float = 0.0) -> list[Pose]:
    poses: list[Pose] = []
    for step in order:
        for yaw, pitch, blink in step_poses(step, amplitude, rng):
            if pitch_for_blink and blink:  # a sheet "blinks" by tilting back
                poses.append((yaw, pitch_for_blink * blink, 0.0))
            else:
                poses.append((yaw, pitch, blink))
    return poses


def _noise(frame: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """Sensor noise (a random window of a pre-drawn field: drawing 2.7 M normals per
    720p frame would dominate the corpus time)."""
    if sigma <= 0:
        return frame
    h, w = frame.shape[:2]
    key = (h, w, sigma)
    if key not in _NOISE:
        _NOISE[key] = rng.normal(0, sigma, (h + 16, w + 16, 3)).astype(np.float32)
    dy, dx = (int(v) for v in rng.integers(0, 16, 2))
    field = _NOISE[key][dy : dy + h, dx : dx + w]
    return np.clip(frame + field, 0, 255).astype(np.uint8)


_NOISE: dict[tuple[int, int, float], np.ndarray] = {}


def _stamp_all(frames: list[np.ndarray], rng: np.random.Generator) -> list[TimedFrame]:
    t0 = float(rng.uniform(100, 1000))  # a monotonic clock does not start at 0
    return [stamp(f, t0 + i / FPS + float(rng.uniform(-0.004, 0.004)))
            for i, f in enumerate(frames)]


@dataclass
class Scene:
    width: int
    height: int
    background: np.ndarray
    rng: np.random.Generator
    sway: float = 3.0

    def place(self, i: int) -> tuple[float, float]:
        return (self.width / 2 + self.sway * math.sin(i / 7.0),
                self.height * 0.48 + self.sway * 0.6 * math.sin(i / 11.0 + 1))


def animate(surface: Surface, scene: Scene, poses: list[Pose], *, noise: float = 2.0,
            camera_distance: float = 8.0, texture: Callable[[float], np.ndarray] | None = None,
            jitter: float = 1.5, renderer: Callable[..., np.ndarray] = render
            ) -> list[np.ndarray]:
    """Frames of ``surface`` following ``poses`` (render cache per quantised pose)."""
    cache: dict[tuple[float, float, float], np.ndarray] = {}
    frames = []
    blank = np.zeros_like(scene.background)
    for i, (yaw0, pitch0, blink) in enumerate(poses):
        yaw = yaw0 + jitter * math.sin(i / 5.0)
        pitch = pitch0 + jitter * math.sin(i / 8.0 + 2)
        key = (2.0 * round(yaw / 2), 2.0 * round(pitch / 2), round(blink, 1))
        if key not in cache:
            tex = texture(key[0]) if texture is not None else None
            cache[key] = renderer(surface, blank, key[0], key[1], key[2],
                                camera_distance=camera_distance, texture=tex)
        layer = cache[key]
        dx, dy = scene.place(i)
        shift = np.float32([[1, 0, dx - scene.width / 2], [0, 1, dy - scene.height / 2]])
        moved = cv2.warpAffine(layer, shift, (scene.width, scene.height), flags=cv2.INTER_NEAREST)
        covered = moved.any(axis=2, keepdims=True)
        frame = np.where(covered, moved, scene.background)
        frames.append(_noise(frame, scene.rng, noise))
    return frames


def paper_texture(surface: Surface, rng: np.random.Generator) -> Callable[[float], np.ndarray]:
    """Printed photo: blur, paper grain and fibres, and a gloss highlight that moves with
    the sheet's angle."""
    tex = cv2.GaussianBlur(surface.texture, (0, 0), 1.1).astype(np.float32)
    h, w = tex.shape[:2]
    fibres = cv2.resize(rng.normal(1.0, 0.04, (h // 8 + 1, w // 8 + 1)), (w, h))
    grain = rng.normal(0.0, 4.0, (h, w))
    base = np.clip(tex * fibres[..., None] + grain[..., None], 0, 255)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)

    def at_yaw(yaw: float) -> np.ndarray:
        gx = w * (0.5 + yaw / 80.0)
        gloss = 70.0 * np.exp(-(((xs - gx) / (0.18 * w)) ** 2 + ((ys - 0.3 * h) / (0.25 * h)) ** 2))
        return np.clip(base + gloss[..., None], 0, 255).astype(np.uint8)

    return at_yaw


def holder_still(photo_surf: Surface, scene: Scene, n: int, noise: float) -> list[np.ndarray]:
    frame = render(photo_surf, scene.background, 0.0)
    return [_noise(frame, scene.rng, noise) for _ in range(n)]


def sequence(kind: str, order: tuple[str, ...], size: str, *, holder: np.ndarray,
             other: np.ndarray, engine, seed: int, amplitude: float = 30.0,
             distance: float = 8.0) -> list[TimedFrame]:
    """One capture of ``kind`` ("bona_fide" or an attack species) for ``order``."""
    rng = np.random.default_rng(seed)
    full = SIZES[size]
    draw = 0.5 if full[0] > 640 else 1.0  # 720p: drawn at half size, upscaled like a soft webcam
    width, height = int(full[0] * draw), int(full[1] * draw)
    face = FACE_PX[size] * draw
    scene = Scene(width, height, room(width, height, seed), rng)
    n = STEP_FRAMES * len(order)
    if kind == "bona_fide":
        frames = animate(head_surface(holder, face, engine), scene, timeline(order, amplitude, rng))
    elif kind == "bona_fide_gl":  # the same head drawn by OpenGL (tests/verifier/gl_heads.py)
        from .gl_heads import gl_renderer

        gl = gl_renderer()
        if gl is None:
            raise RuntimeError("no headless OpenGL (EGL) context")
        frames = animate(head_surface(holder, face, engine), scene,
                         timeline(order, amplitude, rng), renderer=gl.render)
    elif kind in ("still", "still_noise"):
        sheet = photo_surface(holder, face, engine)
        frames = holder_still(sheet, scene, n, 0.0 if kind == "still" else 3.0)
    elif kind == "warped_still":
        sheet = photo_surface(holder, face, engine)
        poses = timeline(order, amplitude, rng, pitch_for_blink=BLINK_TILT)
        frames = animate(sheet, scene, poses, camera_distance=distance)
    elif kind == "print":
        sheet = photo_surface(holder, face, engine, bend=0.12)
        poses = timeline(order, amplitude, rng, pitch_for_blink=BLINK_TILT)
        frames = animate(sheet, scene, poses, camera_distance=distance,
                         texture=paper_texture(sheet, rng))
    elif kind == "replay":
        frames = animate(head_surface(other, face, engine), scene, timeline(order, amplitude, rng))
        frames = [cv2.GaussianBlur(f, (3, 3), 0) for f in frames]
    elif kind in ("splice", "splice_photo"):
        first = holder_still(photo_surface(holder, face, engine), scene, 20, 3.0)
        if kind == "splice":
            head = head_surface(other, face, engine)
            rest = animate(head, scene, timeline(order, amplitude, rng))
        else:
            sheet = photo_surface(other, face, engine)
            poses = timeline(order, amplitude, rng, pitch_for_blink=BLINK_TILT)
            rest = animate(sheet, scene, poses)
        frames = first + rest
    else:
        raise ValueError(kind)
    if draw != 1.0:
        frames = [_noise(cv2.resize(f, full, interpolation=cv2.INTER_LINEAR), rng, 1.5)
                  for f in frames]
    return _stamp_all(frames, rng)


ATTACKS = ("still", "still_noise", "warped_still", "print", "replay", "splice", "splice_photo")

# holder -> (photo the head is rendered from, photo used as the ID document); all frontal
_KNN = "face_recognition/examples/knn_examples"
HOLDERS = {
    "obama": ("face_recognition/examples/obama.jpg", f"{_KNN}/test/obama1.jpg"),
    "lacamoire": (f"{_KNN}/train/alex_lacamoire/img1.jpg",
                  "face_recognition/examples/alex-lacamoire.png"),
    "biden": (f"{_KNN}/train/biden/biden2.jpg", "face_recognition/examples/biden.jpg"),
    "leslie": (f"{_KNN}/train/rose_leslie/img1.jpg", f"{_KNN}/train/rose_leslie/img2.jpg"),
}
# the other person of replay/splice attacks, per holder
OTHERS = {"obama": "lacamoire", "lacamoire": "obama", "biden": "cruise", "leslie": "biden"}
CRUISE = "dlib/examples/faces/Tom_Cruise_avp_2014_4.jpg"


def render_photo(name: str) -> str:
    return CRUISE if name == "cruise" else HOLDERS[name][0]

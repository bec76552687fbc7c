"""Rendered 3D heads (bona fide stand-ins) and rendered flat or bent photos (attacks).

A head is built from one frontal photo (|yaw| < ~10 deg: a turned photo gives
a turned head; counter-rotating it was tried and distorts too much): dlib's
68 landmarks place a generic analytic 3D face depth model on it (an
ellipsoidal head, a nose ridge rising to the tip, eye sockets), the photo is
the texture.  ``render`` turns the textured
surface (yaw/pitch about a pivot behind the face, as a neck turns), projects it
with a pinhole camera and rasterises it with a z-buffer (numpy point splatting,
4 destination pixels per source pixel, far-to-near).  The same rasteriser with
a flat or cylindrical depth renders a photo held to the camera or a bent print.

Blink: the upper lid slides down over each eye (the skin above the eye is
stretched over it, with a dark lash line), ``blink`` 0 (open) .. 1 (closed).

Why it stands for a live person: the landmarks move as a 3D surface moves
(nose in front of the contour, the far cheek foreshortened), the eyes close by
eyelid motion, and the background stays still while the head turns.  Limits:
the texture does not change with the pose (no new skin appears at the far side,
the ear never comes into view, lighting is baked in), the depth model is
generic, nothing moves but the head pose and the eyelids, there is no camera
noise model beyond Gaussian noise and no compression.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from verifier.config import VerifierConfig
from verifier.faces import detect_faces


@dataclass
class Surface:
    texture: np.ndarray  # BGR, pixels to render
    depth: np.ndarray  # float32, towards the camera, same units as pixels
    mask: np.ndarray  # bool, pixels that belong to the surface
    centre: tuple[float, float]  # rotation centre in texture pixels (x, y)
    pivot: float  # rotation axis this far behind the depth origin
    eyes: list[tuple[float, float, float, float]]  # (x0, y_upper, x1, y_lower) per eye
    face_width: float


def _gauss(x: np.ndarray, y: np.ndarray, centre: Any, sx: float, sy: float) -> np.ndarray:
    return np.exp(-(((x - centre[0]) / sx) ** 2 + ((y - centre[1]) / sy) ** 2) / 2.0)


def head_surface(photo: np.ndarray, face_width: float, engine: Any) -> Surface:
    """Head of the largest face in ``photo``, scaled so the face box is ``face_width`` px."""
    cfg = VerifierConfig(detect_max_side=1024)
    face = detect_faces(photo, cfg, engine=engine)[0]
    scale = face_width / face.width
    img = cv2.resize(photo, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    marks = face.landmarks * scale
    le, re = marks[36:42].mean(axis=0), marks[42:48].mean(axis=0)
    iod = float(np.linalg.norm(re - le))
    cx, cy = float(marks[27:31, 0].mean()), float((le[1] + re[1]) / 2 + 0.35 * iod)
    half_w = float(marks[16, 0] - marks[0, 0]) / 2
    x0, x1 = int(max(cx - 1.9 * half_w, 0)), int(min(cx + 1.9 * half_w, img.shape[1]))
    y0, y1 = int(max(cy - 2.6 * iod, 0)), int(min(cy + 2.3 * iod, img.shape[0]))
    tex = np.ascontiguousarray(img[y0:y1, x0:x1])
    marks = marks - [x0, y0]
    cx, cy = cx - x0, cy - y0
    ys, xs = np.mgrid[0 : tex.shape[0], 0 : tex.shape[1]].astype(np.float32)
    a, b = 1.25 * half_w, 2.25 * iod
    r2 = ((xs - cx) / a) ** 2 + ((ys - cy) / b) ** 2
    depth = 1.3 * iod * np.sqrt(np.clip(1.0 - r2, 0.0, 1.0))
    for k, p in enumerate(marks[27:31]):  # nose ridge rising to the tip
        depth += (0.12 + 0.14 * k) * iod * _gauss(xs, ys, p, 0.16 * iod, 0.2 * iod)
    depth += 0.12 * iod * _gauss(xs, ys, marks[33], 0.3 * iod, 0.12 * iod)  # under the nose
    for eye in (marks[36:42], marks[42:48]):
        depth -= 0.15 * iod * _gauss(xs, ys, eye.mean(axis=0), 0.3 * iod, 0.2 * iod)
    mask = r2 < 1.0
    eyes = []
    for eye in (marks[36:42], marks[42:48]):
        w = eye[3, 0] - eye[0, 0]
        eyes.append((eye[0, 0] - 0.25 * w, eye[1:3, 1].min(), eye[3, 0] + 0.25 * w,
                     eye[4:6, 1].max()))
    return Surface(tex, depth.astype(np.float32), mask, (cx, cy), 0.9 * iod, eyes, face_width)


def photo_surface(photo: np.ndarray, face_width: float, engine: Any, bend: float = 0.0
                  ) -> Surface:
    """A whole photo as a sheet (flat, or bent into a cylinder: ``bend`` = sag at the
    edges as a fraction of the half-width), face scaled to ``face_width`` px."""
    cfg = VerifierConfig(detect_max_side=1024)
    face = detect_faces(photo, cfg, engine=engine)[0]
    scale = face_width / face.width
    img = cv2.resize(photo, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    fx0, fy0 = face.left * scale, face.top * scale
    x0, x1 = int(max(fx0 - 1.0 * face_width, 0)), int(min(fx0 + 2.0 * face_width, img.shape[1]))
    y0, y1 = int(max(fy0 - 1.1 * face_width, 0)), int(min(fy0 + 2.2 * face_width, img.shape[0]))
    tex = np.ascontiguousarray(img[y0:y1, x0:x1])
    h, w = tex.shape[:2]
    xs = np.arange(w, dtype=np.float32)[None, :].repeat(h, axis=0)
    half = w / 2.0
    depth = -bend * half * ((xs - half) / half) ** 2
    return Surface(tex, depth.astype(np.float32), np.ones((h, w), bool), (half, h / 2.0),
                   0.0, [], face_width)


def _close_eyes(tex: np.ndarray, eyes: list[tuple[float, float, float, float]], level: float
                ) -> np.ndarray:
    if level <= 0:
        return tex
    out = tex.copy()
    for x0, y_up, x1, y_low in eyes:
        height = max(y_low - y_up, 2.0)
        top = y_up - 1.6 * height  # skin above the eye is stretched down over it
        lid = y_up + level * (y_low - y_up + 0.3 * height)
        xa, xb = int(max(x0, 0)), int(min(x1, tex.shape[1] - 1))
        rows = np.arange(int(top), int(math.ceil(lid)) + 1)
        rows = rows[(rows >= 0) & (rows < tex.shape[0])]
        if xa >= xb or rows.size == 0:
            continue
        src = top + (rows - top) * (y_up - top) / max(lid - top, 1e-3)
        src = np.clip(src.round().astype(int), 0, tex.shape[0] - 1)
        band = tex[src, xa:xb].astype(np.float32)
        ramp = np.minimum(1.0, np.abs(np.arange(xa, xb) - (x0 + x1) / 2) / ((x1 - x0) / 2))
        weight = (1.0 - ramp**4)[None, :, None]
        out[rows, xa:xb] = (band * weight + out[rows, xa:xb] * (1 - weight)).astype(np.uint8)
        lash = int(round(lid))
        if level > 0.6 and 0 <= lash < tex.shape[0]:
            line = out[max(lash - 1, 0) : lash + 1, xa:xb].astype(np.float32)
            out[max(lash - 1, 0) : lash + 1, xa:xb] = (line * (1 - 0.6 * weight)).astype(np.uint8)
    return out


def render(surface: Surface, canvas: np.ndarray, yaw: float, pitch: float = 0.0,
           blink: float = 0.0, *, at: tuple[float, float] | None = None,
           camera_distance: float = 8.0, texture: np.ndarray | None = None) -> np.ndarray:
    """Draw ``surface`` turned by ``yaw`` (deg, > 0: nose to the image right) and
    ``pitch`` (deg, > 0: top away) onto a copy of ``canvas``, centred at ``at``."""
    tex = _close_eyes(surface.texture if texture is None else texture, surface.eyes, blink)
    ys, xs = np.nonzero(surface.mask)
    cx, cy = surface.centre
    x = xs.astype(np.float32) - cx
    y = ys.astype(np.float32) - cy
    z = surface.depth[ys, xs] + surface.pivot
    a, b = math.radians(yaw), math.radians(pitch)
    x, z = x * math.cos(a) + z * math.sin(a), -x * math.sin(a) + z * math.cos(a)
    y, z = y * math.cos(b) - z * math.sin(b), y * math.sin(b) + z * math.cos(b)
    z -= surface.pivot
    dist = camera_distance * surface.face_width
    s = dist / (dist - z)
    h, w = canvas.shape[:2]
    ux, uy = at if at is not None else (w / 2.0, h / 2.0)
    u, v = ux + x * s, uy + y * s
    order = np.argsort(z)  # far first: nearer points overwrite
    u, v = u[order], v[order]
    colours = tex[ys[order], xs[order]]
    out = canvas.copy()
    for du in (0, 1):
        for dv in (0, 1):
            iu, iv = np.floor(u).astype(int) + du, np.floor(v).astype(int) + dv
            ok = (iu >= 0) & (iu < w) & (iv >= 0) & (iv < h)
            out[iv[ok], iu[ok]] = colours[ok]
    return out


def room(width: int, height: int, seed: int) -> np.ndarray:
    """A still, plausible background: a lit wall gradient, a door frame, a shelf."""
    rng = np.random.default_rng(seed)
    base = np.array(rng.integers(90, 170, 3), dtype=np.float32)
    ramp = np.linspace(0.75, 1.1, width, dtype=np.float32)[None, :, None]
    img = np.clip(base[None, None, :] * ramp * np.ones((height, 1, 1), np.float32), 0, 255)
    img = img.astype(np.uint8)
    x = int(rng.integers(0, width // 5))
    cv2.rectangle(img, (x, height // 6), (x + width // 7, height), (60, 70, 80), -1)
    cv2.rectangle(img, (width - width // 4, height // 3), (width, height // 3 + height // 40),
                  (40, 50, 60), -1)
    return img

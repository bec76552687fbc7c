"""Verifier configuration: every threshold and sustain window in one dataclass.

Defaults are the values calibrated on the shared test photos (see
``docs/verifier.md``).  Institutions override them with a JSON/dict; unknown
keys and wrong types are refused with :class:`InputError`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from exam_packages import safejson
from exam_packages.errors import InputError


@dataclass(frozen=True)
class VerifierConfig:
    # --- detection -----------------------------------------------------------------
    detect_max_side: int = 640  # frames are downscaled to this longest side before HOG
    detect_min_side: int = 320  # small images are upscaled to at least this side
    upsample: int = 0  # HOG upsample for live frames
    id_upsample: int = 1  # HOG upsample for ID documents (portraits are small)
    min_detection_score: float = 0.3  # rejects the astronaut mission patch (score 0.12)
    retry_max_side: int = 1280  # no face at detect_max_side: one more try at this size ...
    retry_upsample: int = 1  # ... with this HOG upsampling (bounded: ~1 s on 2 cores)
    min_face_px: int = 90  # face box side in the ORIGINAL frame (HOG at upsample 0 finds >= ~80 px)
    # --- identity ------------------------------------------------------------------
    match_threshold: float = 0.40  # distance between unit-normalised encodings
    review_margin: float = 0.06  # |distance - threshold| < margin -> "review"
    max_enrol_frames: int = 5  # encodings averaged into the live template
    # --- quality gates -------------------------------------------------------------
    dark_mean: float = 50.0  # face-region mean gray below -> too dark
    bright_mean: float = 215.0  # face-region mean gray above -> too bright
    backlight_ratio: float = 0.55  # face mean / background mean below -> backlight
    blur_min_laplacian: float = 15.0  # Laplacian variance of the 128 px face crop
    closed_eye_ratio: float = 0.15  # eye aspect ratio below -> eyes closed
    border_margin_px: int = 2  # face box this close to the border -> cut off
    # --- liveness ------------------------------------------------------------------
    blink_open_ratio: float = 0.22  # EAR above -> eyes open
    turn_yaw_deg: float = 18.0  # |yaw| beyond -> head turned
    step_timeout_s: float = 10.0  # each challenge step must finish within this
    frozen_diff: float = 0.05  # mean abs diff of 64x48 gray thumbnails below -> repeated frame
    liveness_full_detect_every: int = 5  # full-frame HOG every k-th frame, face window between
    flat_parallax: float = 0.12  # nose off the fitted plane below this (IODs) in a turn -> flat
    # --- identity continuity during the challenge ---------------------------------
    continuity_every_s: float = 2.0  # encode a frame this often (and every step's last frame)
    continuity_threshold: float = 0.52  # any two encodings further apart -> person changed
    max_face_gap_s: float = 0.5  # frames without exactly one face for longer -> face lost
    max_turned_gap_s: float = 1.5  # ... when the face was last seen turned beyond turn_yaw_deg
    max_frame_gap_s: float = 1.0  # no frame for longer -> the stream paused
    cut_diff: float = 25.0  # mean abs diff of 64x48 gray thumbnails above -> cut (film cuts: 28-31)
    jump_ratio: float = 0.5  # face centre moved by more than this x its width ...
    jump_window_s: float = 0.25  # ... between two frames less than this apart -> jump
    # --- continuous analysers ------------------------------------------------------
    analysis_width: int = 480  # frames are downscaled to this width for analysis
    detect_every: int = 3  # run HOG every k-th frame, track in between
    encode_every_s: float = 5.0  # identity encoding period
    no_face_s: float = 5.0
    several_faces_s: float = 1.0
    different_person_s: float = 8.0  # sustained distance above threshold
    looking_away_s: float = 4.0
    looking_away_yaw_deg: float = 35.0
    looking_away_pitch_deg: float = 30.0
    covered_s: float = 2.0
    covered_mean: float = 25.0  # frame mean gray below -> dark ...
    covered_std: float = 12.0  # ... or std below -> uniform (covered)
    release_s: float = 1.0  # a condition must be absent this long to end
    # --- audio ---------------------------------------------------------------------
    vad_mode: int = 2  # webrtcvad aggressiveness 0..3
    voice_min_dbfs: float = -45.0  # frames quieter than this are never speech
    voice_ratio: float = 0.6  # share of speech frames in the window
    voice_window_s: float = 1.5
    voice_s: float = 2.0
    # --- thumbnails ----------------------------------------------------------------
    thumb_width: int = 160
    thumb_quality: int = 60

    def __post_init__(self) -> None:
        checks = [
            (0 <= self.vad_mode <= 3, "vad_mode must be 0..3"),
            (self.detect_every >= 1, "detect_every must be at least 1"),
            (self.analysis_width >= 64, "analysis_width must be at least 64"),
            (1 <= self.thumb_quality <= 100, "thumb_quality must be 1..100"),
            (self.detect_max_side >= 64, "detect_max_side must be at least 64"),
        ]
        for ok, message in checks:
            if not ok:
                raise InputError(f"verifier config: {message}")

    @property
    def review_band(self) -> tuple[float, float]:
        t, m = self.match_threshold, self.review_margin
        return (t - m, t + m)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VerifierConfig:
        if not isinstance(data, dict):
            raise InputError("verifier config must be a JSON object")
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise InputError(f"verifier config: unknown key {key!r}")
            default = getattr(cls(), key)
            values[key] = _coerce(key, value, default)
        return replace(cls(), **values)

    @classmethod
    def from_json(cls, text: str | bytes) -> VerifierConfig:
        data = safejson.loads(text, "verifier config", error=InputError)
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _coerce(key: str, value: Any, default: Any) -> Any:
    if isinstance(value, bool):
        raise InputError(f"verifier config: {key} must be a number")
    if isinstance(default, int) and not isinstance(default, bool):
        if not isinstance(value, int):
            raise InputError(f"verifier config: {key} must be an integer")
        if value < 0:
            raise InputError(f"verifier config: {key} must not be negative")
        return value
    if not isinstance(value, int | float):
        raise InputError(f"verifier config: {key} must be a number")
    if key.endswith("_dbfs"):
        return float(value)
    if value < 0:
        raise InputError(f"verifier config: {key} must not be negative")
    return float(value)

"""Landmark geometry: eye aspect ratio, head pose (cv2.solvePnP), plausibility.

Landmarks are dlib's 68-point layout as an ``(68, 2)`` float array in image
coordinates.  Pure numpy/OpenCV, no face library.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

LEFT_EYE = slice(36, 42)  # the subject's right eye, on the image left
RIGHT_EYE = slice(42, 48)
MOUTH = slice(48, 68)
NOSE_TIP = 30

# Generic 3D head model (mm-ish), with y pointing down and z away from the
# camera so that a frontal face has (nearly) the identity rotation.
_MODEL_POINTS = np.array(
    [
        (0.0, 0.0, 0.0),  # nose tip (30)
        (0.0, 330.0, 65.0),  # chin (8)
        (-225.0, -170.0, 135.0),  # outer corner of the image-left eye (36)
        (225.0, -170.0, 135.0),  # outer corner of the image-right eye (45)
        (-150.0, 150.0, 125.0),  # image-left mouth corner (48)
        (150.0, 150.0, 125.0),  # image-right mouth corner (54)
    ],
    dtype=np.float64,
)
_POSE_IDX = [30, 8, 36, 45, 48, 54]


@dataclass(frozen=True)
class HeadPose:
    """Degrees.  yaw > 0: the nose points towards the image RIGHT (in an
    unmirrored camera image that is the subject turning to their own left);
    pitch > 0: looking down; roll: in-plane rotation."""

    yaw: float
    pitch: float
    roll: float


def _eye_ratio(eye: np.ndarray) -> float:
    vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
    horizontal = np.linalg.norm(eye[0] - eye[3])
    return float(vertical / (2.0 * horizontal)) if horizontal > 1e-6 else 0.0


def eye_aspect_ratio(landmarks: np.ndarray) -> float:
    """Mean eye aspect ratio (Soukupova & Cech 2016): ~0.3 open, < ~0.15 closed."""
    return 0.5 * (_eye_ratio(landmarks[LEFT_EYE]) + _eye_ratio(landmarks[RIGHT_EYE]))


def _wrap(angle: float) -> float:
    while angle > 90.0:
        angle -= 180.0
    while angle < -90.0:
        angle += 180.0
    return angle


def head_pose(landmarks: np.ndarray, frame_shape: tuple[int, ...]) -> HeadPose:
    """Head pose from six landmarks with cv2.solvePnP and a pinhole camera guess."""
    height, width = frame_shape[0], frame_shape[1]
    focal = float(max(width, height))
    camera = np.array([[focal, 0, width / 2.0], [0, focal, height / 2.0], [0, 0, 1]])
    image_points = landmarks[_POSE_IDX].astype(np.float64)
    ok, rvec, _tvec = cv2.solvePnP(
        _MODEL_POINTS, image_points, camera, np.zeros(4), flags=cv2.SOLVEPNP_ITERATIVE
    )
    if not ok:
        return HeadPose(0.0, 0.0, 0.0)
    rot, _ = cv2.Rodrigues(rvec)
    angles = cv2.RQDecomp3x3(rot)[0]
    pitch, yaw, roll = (float(a) for a in angles)
    return HeadPose(yaw=_wrap(-yaw), pitch=_wrap(-pitch), roll=_wrap(roll))


def is_plausible_face(landmarks: np.ndarray, box_width: float) -> bool:
    """Reject detections whose landmark fit does not look like a face."""
    left = landmarks[LEFT_EYE].mean(axis=0)
    right = landmarks[RIGHT_EYE].mean(axis=0)
    mouth = landmarks[MOUTH].mean(axis=0)
    eye_vec = right - left
    iod = float(np.linalg.norm(eye_vec))
    if box_width <= 0 or not 0.2 <= iod / box_width <= 0.65:
        return False
    unit = eye_vec / iod
    normal = np.array([-unit[1], unit[0]])  # points "down" the face for an upright face
    mid = (left + right) / 2.0
    down = float(np.dot(mouth - mid, normal)) / iod
    along = float(np.dot(landmarks[NOSE_TIP] - left, unit)) / iod
    return 0.6 <= down <= 1.8 and -0.3 <= along <= 1.3

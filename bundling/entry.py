"""Entry point of the bundled student client (``emtihan-student`` in the archive).

    emtihan-student [client options]        the PySide6 student client (client.ui.app);
                                            without --trust it uses trust.json next to
                                            the executable when the bundle carries one
    emtihan-student --version
    emtihan-student --headless-flow ...     the scripted student flow (emtihan_demo.remote)
                                            against a server: the clean-machine check
    emtihan-student --self-check            loads what the client loads later (audio,
                                            face models, video), one line each; exit 1
                                            when something is missing
"""

import sys
from pathlib import Path


def video_check() -> None:
    """OpenCV writes and reads back an MJPEG AVI (the demo camera's format) and a JPEG."""
    import tempfile

    import cv2
    import numpy as np

    frame = np.full((48, 64, 3), 128, np.uint8)
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/check.avi"
        writer = cv2.VideoWriter(path, cv2.VideoWriter_fourcc(*"MJPG"), 15, (64, 48))
        for _ in range(2):
            writer.write(frame)
        writer.release()
        capture = cv2.VideoCapture(path)
        ok, back = capture.read()
        capture.release()
    if not ok or back.shape != frame.shape or not cv2.imencode(".jpg", back)[0]:
        raise RuntimeError("OpenCV could not read back an MJPEG AVI")


def text_check() -> None:
    """Qt's case mapping and collation in Kazakh and Russian (ICU, cut to kk/ru/en)."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    kk, ru = QLocale("kk_KZ"), QLocale("ru_RU")
    if kk.toUpper("әліппе ғұмыр") != "ӘЛІППЕ ҒҰМЫР" or ru.toUpper("ёжик") != "ЁЖИК":
        raise RuntimeError("case mapping of kk/ru text is wrong")
    words = sorted(["үй", "әке", "өрік", "алма"], key=cmp_to_key(QCollator(kk).compare))
    if words != ["алма", "әке", "өрік", "үй"]:
        raise RuntimeError(f"Kazakh collation is wrong: {words}")


def _audio() -> None:
    from PySide6.QtMultimedia import QAudioSource, QMediaDevices  # noqa: F401


def _face_models() -> None:
    from verifier.face_adapter import default_engine

    default_engine()


def _keyring() -> None:
    import keyring  # noqa: F401


def _voice_activity() -> None:
    import webrtcvad

    webrtcvad.Vad(2)


def self_check() -> int:
    """Import and open what the client only loads on later pages; say what is missing."""
    checks = {
        "audio (QtMultimedia)": _audio,
        "face models (dlib)": _face_models,
        "video (OpenCV)": video_check,
        "text (Qt, ICU: kk/ru)": text_check,
        "keyring": _keyring,
        "voice activity (webrtcvad)": _voice_activity,
    }
    failed = 0
    for name, check in checks.items():
        try:
            check()
            print(f"ok      {name}")
        except Exception as exc:  # noqa: BLE001 - report every kind of failure
            failed += 1
            print(f"MISSING {name}: {type(exc).__name__}: {exc}")
    return 1 if failed else 0


def with_bundled_trust(argv: list[str]) -> list[str]:
    """``argv`` plus ``--trust <dir>/trust.json`` when the exam office put its trust file
    next to the executable (``bundling.bundle --trust``) and none is given: a student
    starts the client by double-clicking it, without options."""
    if any(a == "--trust" or a.startswith("--trust=") for a in argv):
        return argv
    bundled = Path(sys.executable).resolve().parent / "trust.json"
    return [*argv, "--trust", str(bundled)] if bundled.is_file() else argv


def main() -> int:
    if sys.argv[1:] == ["--self-check"]:
        return self_check()
    if sys.argv[1:] == ["--version"]:  # answered before Qt and the verifier load
        from client.version import __version__

        print(f"emtihan-student {__version__}")
        return 0
    if sys.argv[1:2] == ["--headless-flow"]:
        from emtihan_demo.remote import main as flow_main

        return flow_main(with_bundled_trust(sys.argv[2:]))
    from client.ui.app import main as app_main

    return app_main(with_bundled_trust(sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())

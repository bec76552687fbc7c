"""Qt-free verifier: identity check, liveness, proctoring analysers, evaluation.

Importing this package is cheap: face_recognition/dlib are loaded lazily by
``verifier.face_adapter`` on first use.  See docs/verifier.md.
"""

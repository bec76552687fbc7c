"""The one error hierarchy of Emtihan.

Every error the product raises on purpose derives from :class:`EmtihanError`.
Each carries a stable machine-readable ``code`` and a ``user_message`` written
for the person in front of the screen (student, author or invigilator).  UI and
CLI entry points catch :class:`EmtihanError` once and show ``user_message``.

Verification functions return ``None`` or raise a subclass of
:class:`VerificationError`; they never return a bool.
"""

from __future__ import annotations


class EmtihanError(Exception):
    """Base of every deliberate Emtihan error."""

    code: str = "error"

    def __init__(self, user_message: str, *, code: str | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        if code is not None:
            self.code = code

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.user_message


class InputError(EmtihanError):
    """Bad input from a person: a source file, a CLI argument, a config value."""

    code = "bad_input"


class VerificationError(EmtihanError):
    """Something that must be trusted failed verification."""

    code = "verification_failed"


class SignatureError(VerificationError):
    code = "bad_signature"


class UntrustedSignerError(SignatureError):
    code = "untrusted_signer"


class IntegrityError(VerificationError):
    """A file's hash or size does not match what the signed manifest says."""

    code = "integrity"


class MalformedPackageError(VerificationError):
    """The container or manifest is not a well-formed package."""

    code = "malformed"


class UnsafeArchiveError(MalformedPackageError):
    """Zip-slip, absolute paths, symlinks, duplicates, bombs."""

    code = "unsafe_archive"


class RollbackError(VerificationError):
    code = "rollback"


class ExamWindowError(VerificationError):
    code = "exam_window"


class DecryptionError(VerificationError):
    """Wrong key, or ciphertext that was altered."""

    code = "decryption_failed"


class NetworkError(EmtihanError):
    """A network operation failed (timeout, refused, HTTP error)."""

    code = "network"


class DeviceError(EmtihanError):
    """A camera, microphone or speaker could not be used."""

    code = "device"


class FaceAnalysisError(EmtihanError):
    """An image or video could not be analysed (corrupt, empty, unsupported)."""

    code = "face_analysis"


class EventLogError(VerificationError):
    """The hash-chained event log is broken; ``seq`` names the first bad record."""

    code = "event_log"

    def __init__(self, user_message: str, *, seq: int | None = None, code: str | None = None):
        super().__init__(user_message, code=code)
        self.seq = seq


class LocalStateError(EmtihanError):
    """Local client state (autosave, keys, outbox) is corrupt or unreadable."""

    code = "local_state"


class SessionStateError(EmtihanError):
    """An attempt step was requested in the wrong order (e.g. submit before start)."""

    code = "session_state"


class ServerError(NetworkError):
    """The server answered with an HTTP error; ``server_code`` is its error code."""

    code = "server_error"

    def __init__(
        self, user_message: str, *, status: int = 0, server_code: str = "", code: str | None = None
    ):
        super().__init__(user_message, code=code)
        self.status = status
        self.server_code = server_code


class OfflineError(NetworkError):
    """The server could not be reached at all (refused, DNS, timeout)."""

    code = "offline"


class ImageDecodeError(FaceAnalysisError):
    """Image bytes are corrupt, truncated, empty or in an unsupported layout (verifier)."""

    code = "image_decode"


class FaceModelError(FaceAnalysisError):
    """The face detection/recognition models are not installed or failed to load (verifier)."""

    code = "face_models_missing"


class EnrolmentError(FaceAnalysisError):
    """No usable face in the live frames; ``reasons`` lists the quality reasons (verifier)."""

    code = "enrolment_failed"

    def __init__(
        self, user_message: str, *, code: str | None = None, reasons: tuple[object, ...] = ()
    ) -> None:
        super().__init__(user_message, code=code)
        self.reasons = reasons


class ApiError(EmtihanError):
    """The exam server refuses a request; ``status`` is the HTTP status it answers with."""

    code = "bad_request"

    def __init__(self, user_message: str, *, status: int = 400, code: str | None = None):
        super().__init__(user_message, code=code)
        self.status = status

"""What a student reads when something fails: by error code, in words, translated.

Errors arrive as ``EmtihanError`` subclasses whose ``user_message`` is English and
often technical (a server's answer, a verifier's detail).  :func:`error_source`
picks the student-facing English source text for the error's code (the server's
code first), which the pages show through ``tr`` so it appears in kk/ru/en.  An
error without an entry here falls back to its own message (translated when the
catalogue has it).
"""

from __future__ import annotations

from exam_packages.errors import EmtihanError

CONNECTION = ("No connection to the exam server. Check your internet connection and try "
              "again.")
PACKAGE_BAD = ("The exam file failed its security check and was not used. Download it "
               "again; if this repeats, contact your exam office.")
SIGN_IN_AGAIN = "Your sign-in has expired. Sign in again."

ERROR_TEXT: dict[str, str] = {
    "bad_credentials": "The student ID or access code is not right. Check your exam "
                       "invitation and try again.",
    "rate_limited": "Too many tries. Wait a few minutes, then try again.",
    "exam_not_open": "This exam has not opened yet. Check the start time in your invitation.",
    "exam_closed": "This exam is closed.",
    "exam_window": "The exam is not open at this time.",
    "token_expired": SIGN_IN_AGAIN,
    "invalid_token": SIGN_IN_AGAIN,
    "auth_required": SIGN_IN_AGAIN,
    "forbidden": "Your account may not do this.",
    "offline": CONNECTION,
    "network": CONNECTION,
    "http_error": CONNECTION,
    "bad_response": CONNECTION,
    "server_error": CONNECTION,
    "untrusted_signer": "This exam file is not signed by a trusted exam author. It was not "
                        "used; contact your exam office.",
    "bad_signature": PACKAGE_BAD,
    "integrity": PACKAGE_BAD,
    "malformed": PACKAGE_BAD,
    "unsafe_archive": PACKAGE_BAD,
    "verification_failed": PACKAGE_BAD,
    "rollback": "This is an older version of the exam than one already used on this "
                "computer. Download the current version.",
    "decryption_failed": "The exam could not be unlocked. Try again when the exam starts.",
    "content_key_required": "The exam could not be unlocked. Try again when the exam starts.",
    "answer_shape": "This answer could not be saved: it does not fit the question.",
    "client_too_old": "This version of the student client is too old for this exam server. "
                      "Download and install the current version from your university's exam "
                      "page, then sign in again.",
}


def error_source(exc: EmtihanError) -> str:
    """The English source text to show for ``exc`` (translate it with ``tr``)."""
    server_code = str(getattr(exc, "server_code", "") or "")
    return ERROR_TEXT.get(server_code) or ERROR_TEXT.get(exc.code) or exc.user_message

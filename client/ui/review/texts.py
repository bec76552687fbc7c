"""The review tool's words from the Qt-free core, translated where they are shown.

``client.review_core`` keeps English texts (check names, verification messages,
paper warnings); :data:`CORE_TEXTS` lists them for ``python -m client.i18n.build``
and :func:`tr_core` translates one, also when it was filled in (``{n} records``):
the English template is matched and its translation filled with the same values.
Texts not known here (e.g. a server's own error) are shown as they are.
"""

from __future__ import annotations

import re
from functools import cache

from client.review_core import texts as core_texts

from ..i18n import tr

CORE_TEXTS = (
    # verification checks (review_core.bundle / codec) and their messages
    "Decryption", "Attempt signature", "Server receipt", "Event log", "Attempt id",
    "Evidence files", "Log summary", "Identity record",
    "The bundle opened with the institution key.",
    "Signed by the attempt key registered at start.",
    "The server's signed receipt covers exactly these bytes.",
    "Hash chain intact over {n} records, seal signed by the attempt.",
    "The result names another attempt.",
    "{n} thumbnail(s) intact.",
    "Evidence file(s) {files} do not match their hash.",
    "The hand-in document names the log it was sealed with.",
    "The event log differs from the one the hand-in document names.",
    "The identity outcome in the hand-in is the one signed into the event log (what the "
    "student was told).",
    "The identity outcome in the hand-in differs from the one in the signed event log.",
    "The server has no receipt for this hand-in.",
    "The server receipt's signature does not verify.",
    "The receipt is for another attempt.",
    "The receipt was issued for different bytes than the bundle downloaded.",
    "The server has no attempt key on record to check the signature.",
    "The result is signed by an earlier attempt key, not the current one (the key changed "
    "{n} time(s)); ask the server operator for the key history.",
    "The result is signed by a key that was never registered for this attempt.",
    # the event log's own verification (client.core.eventlog)
    "Event log record {seq} is not valid JSON (truncated or edited).",
    "Event log record {seq} has the wrong fields.",
    "Event log record {seq} is missing or out of order (found seq {found}): records were "
    "deleted or reordered.",
    "Event log record {seq} does not link to record {previous}.",
    "Event log record {seq} was altered (hash mismatch).",
    "Event log record {seq} is cut off (truncated).",
    "Event log record {seq} was appended after the log was sealed.",
    "Event log ends before record {seq}: no seal record (truncated).",
    "Event log seal record {seq} is malformed.",
    "Event log seal (record {seq}) is not signed by this attempt's key.",
    # decisions, keys, sessions (review_core.decisions / service)
    "Every flag needs a human decision before the session decision can be final; "
    "undecided: {flags}.",
    "The note is longer than {n} characters.",
    "There is no flag #{seq} in this session.",
    "This file is not an institution results key (X25519).",
    "This file is not an invigilator signing key (Ed25519).",
    "This session has not been handed in yet.",
    "Open the session before deciding.",
    "Enter your invigilator token.",
    "The server address must start with http:// or https://.",
    "Cannot reach the server at {url}: {detail}",
    "Unexpected error ({kind}): {detail}",  # a worker's (client/ui/review/workers.py)
    "The server sent a session entry that cannot be read.",
    "The server sent an unreadable answer to {path}.",
    "The server sent a receipt that is not an object.",
    "The server key answer cannot be read.",
    "The server refused the invigilator token (unknown or expired).",
    "This token is not allowed to review sessions.",
    "The server answered {status} to {method} {path}: {message}",
    "The server answered {status} to {method} {path}.",
    # loading the two keys (exam_packages.keys)
    "wrong passphrase for private key file {path}",
    "private key file {path} is protected by a passphrase; none was given",
    "cannot read private key file {path}: {detail}",
    "{path} is not a PEM private key",
    "{path}: only Ed25519 and X25519 keys are supported",
    # the paper (review_core.exam / paper)
    "This hand-in is for exam {exam}, but the loaded package is {package}.",
    "This hand-in was written on version {version} of the exam; the loaded package is "
    "version {package}.",
    "The paper recorded in the bundle differs from the one its seed gives (seed_mismatch); "
    "the seed's paper is shown.",
    "Answers to questions not on this paper: {ids}",
    "not graded", "needs a human grader", "invalid answer: {why}", "true", "false",
    # decrypting (exam_packages.envelope / content_crypto)
    "{path}: decryption failed at chunk {index} (wrong content key, or the file was altered "
    "or truncated)",
    "{path}: not an encrypted Emtihan file (bad header)",
    "this result is sealed to a different institution key",
    "the result envelope has an invalid ephemeral key",
    # what the identity check recorded
    "passed", "not passed",
)
PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(PLACEHOLDER.sub(lambda m: f"(?P<{m.group(1)}>.+?)", re.escape(template))
                      + r"\Z", re.DOTALL)


def tr_core(text: str) -> str:
    """``text`` (English, from the core) in the current language; unknown texts unchanged."""
    shown = tr(text)
    if shown != text or "{" in text:
        return shown
    for template in CORE_TEXTS:
        if "{" not in template:
            continue
        match = _pattern(template).match(text)
        if match:
            return tr(template).format(**match.groupdict())
    return text


def tr_lines(text: str) -> str:
    """A text of several lines (the problems of a bundle), translated line by line."""
    return "\n".join(tr_core(line) for line in text.split("\n"))


def install() -> None:
    """Let the core's documents (paper, report) be written in the current language."""
    core_texts.use_translator(tr_core)

"""Event-log records in words for the invigilator (Qt-free; translated through ``texts.t``).

The student's client names its flags and failed checks on the student's own record
(``client.core.my_record.KIND_TEXT``); the other kinds it logs are named here.  An
unknown kind is shown as its code, and a record's facts (``key=value``) as they are.
"""

from __future__ import annotations

from client.core.my_record import KIND_TEXT

from .content import TimelineEntry
from .texts import N_, t

KIND_NAMES = {
    "signed_in": N_("The student signed in."),
    "package_verified": N_("The exam package was verified."),
    "consent_given": N_("The student gave consent."),
    "consent_declined": N_("The student declined consent."),
    "identity_attempt": N_("Identity check try."),
    "exam_started": N_("The exam started."),
    "answer_changed": N_("An answer was changed."),
    "answer_saved": N_("An answer was saved."),
    "focus_back": N_("The exam window has focus again."),
    "auto_submit": N_("Time was up: handed in automatically."),
    "exam_submitted": N_("The exam was handed in."),
    "seal": N_("The event log was sealed."),
}
# What the student's client decided about identity (client.core.identity.OUTCOMES), short
IDENTITY_WORDS = {"match": N_("match"), "review": N_("to compare"), "no_match": N_("no match"),
                  "no evidence": N_("no evidence")}


def kind_text(kind: str) -> str:
    """An event kind in words, translated; an unknown kind is shown as its code."""
    source = KIND_TEXT.get(kind) or KIND_NAMES.get(kind)
    return t(source) if source else kind


def event_text(entry: TimelineEntry) -> str:
    """The event in words, then its recorded facts (codes and values, as they are)."""
    found = t("found: {names}", names=entry.found) if entry.found else ""
    if entry.found_more:
        found += " " + t("and {count} more", count=entry.found_more)
    details = ", ".join(p for p in (found, entry.facts) if p)
    return kind_text(entry.kind) + (f" ({details})" if details else "")


def identity_words(outcome: str) -> str:
    """The identity outcome in words (an unknown code as it is)."""
    return t(IDENTITY_WORDS[outcome]) if outcome in IDENTITY_WORDS else outcome

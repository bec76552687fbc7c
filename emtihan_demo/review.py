"""The demo's second act with a screen: the invigilator reviews the session.

After the student window closes, this opens the PySide6 review tool signed in
to the same embedded server with a fresh invigilator token and key, and loads
the exam package so the paper can be reconstructed. Everything it needs is
also printed, so the tool can be opened again by hand with ``emtihan-review``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from exam_packages.keys import generate_signing_key, save_private_key

if TYPE_CHECKING:  # pragma: no cover
    from client.ui.review.main_window import ReviewWindow

    from .world import DemoWorld

INVIGILATOR_PASSPHRASE = b"demo invigilator passphrase"


def prepare_review(world: DemoWorld, say: object = print,
                   institution_passphrase: bytes = b"") -> dict[str, object]:
    """A fresh invigilator token, the (kept) invigilator key and the trust file's values."""
    token, _ = world.server.services.service.create_token("invigilator", 8 * 3600)
    keys = world.base / "keys"
    invigilator_key = keys / "invigilator.pem"
    if not invigilator_key.exists():  # kept, so earlier decisions stay signed by it
        save_private_key(generate_signing_key(), invigilator_key, INVIGILATOR_PASSPHRASE)
    trust_file = keys / "trust.json"
    world.trust.save(trust_file)
    values: dict[str, object] = {
        "server_url": world.url, "token": token, "exam_id": world.exam_id,
        "institution_key": world.institution_key_file, "invigilator_key": invigilator_key,
        "package": world.package, "trust": trust_file, "content_key": world.content_key_file,
        # demo keys only: real passphrases are never printed
        "institution_passphrase": institution_passphrase.decode(),
        "invigilator_passphrase": INVIGILATOR_PASSPHRASE.decode(),
    }
    if callable(say):
        say("[invigilator] review tool sign-in (also usable with `emtihan-review`):")
        for name, value in values.items():
            say(f"    {name}: {value}")
    return values


def build_review_window(world: DemoWorld, institution_passphrase: bytes) -> ReviewWindow:
    """The review window, shown, signing in and loading the package in its workers."""
    from client.ui.i18n import I18n, current_language
    from client.ui.review.main_window import ReviewWindow
    from client.ui.review.signin import SignInData

    values = prepare_review(world, institution_passphrase=institution_passphrase)
    i18n = I18n()
    i18n.set_language(current_language())  # the student's choice; the toolbar can switch
    window = ReviewWindow(i18n)
    window.show()
    window.sign_in_with(SignInData(
        server_url=str(values["server_url"]), token=str(values["token"]),
        exam_id=world.exam_id, reviewer="Demo invigilator",
        institution_key=Path(str(values["institution_key"])),
        institution_passphrase=institution_passphrase,
        invigilator_key=Path(str(values["invigilator_key"])),
        invigilator_passphrase=INVIGILATOR_PASSPHRASE))
    window.load_package(world.package, Path(str(values["trust"])), world.content_key_file)
    return window


def open_review(world: DemoWorld, institution_passphrase: bytes) -> int:
    """Open the review window on the demo server and run it until it is closed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    window = build_review_window(world, institution_passphrase)
    code = int(app.exec())
    window.runner.wait()
    return code

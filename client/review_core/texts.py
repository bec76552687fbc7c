"""Words the review tool shows, kept in English here and translated by the UI (Qt-free).

The core never imports Qt: it marks the English texts it returns as data with
:func:`N_` (for ``python -m client.i18n.build`` to find) and writes documents
(paper, report) through :func:`t`, which uses the translator the review UI
installed with :func:`use_translator` (``client.ui.i18n.tr``).  Without one,
``t`` returns the English source, so the core and its tests need no UI.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_TRANSLATOR: dict[str, Callable[[str], str]] = {}


def N_(text: str) -> str:  # noqa: N802 - the gettext name for "mark, translate later"
    """Mark ``text`` as shown to the invigilator; the UI translates it when it shows it."""
    return text


def use_translator(translate: Callable[[str], str] | None) -> None:
    """Install (or, with None, remove) the function that translates an English text."""
    if translate is None:
        _TRANSLATOR.clear()
    else:
        _TRANSLATOR["tr"] = translate


def t(text: str, /, **kwargs: Any) -> str:
    """``text`` in the current language, with ``{name}`` placeholders filled."""
    translate = _TRANSLATOR.get("tr")
    shown = translate(text) if translate is not None else text
    return shown.format(**kwargs) if kwargs else shown

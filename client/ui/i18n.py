"""Translations for the student client: Qt's QTranslator with compiled ``.qm`` files.

Every visible string goes through :func:`tr` (one translation context,
``Emtihan``).  Widgets set their texts through a :class:`TextBinder`, which
remembers ``(setter, source text, format arguments)`` and re-applies them when
:class:`I18n` switches language, so a switch changes every visible string
without rebuilding pages.  Sources live in ``client/i18n/*.ts`` and are compiled
with ``pyside6-lrelease`` (see ``client/i18n/build.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

CONTEXT = "Emtihan"
LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"


def tr(text: str) -> str:
    """Translate ``text`` in the current language (English is the source)."""
    return QCoreApplication.translate(CONTEXT, text)


def trf(text: str, /, **kwargs: Any) -> str:
    """Translate, then fill ``{name}`` placeholders."""
    return tr(text).format(**kwargs)


class Lazy:
    """A format argument translated when formatted, so a language switch re-translates it.

    A text of several lines (e.g. the verifier's reasons, one per line) is
    translated line by line and shown as one paragraph.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __str__(self) -> str:
        return " ".join(tr(line) for line in self.text.split("\n"))


class I18n(QObject):
    """Owns the installed translator; emits ``changed`` after a switch."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self.language = "en"

    def set_language(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unsupported language {code!r}")
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        if code != "en":
            translator = QTranslator(self)
            qm = I18N_DIR / f"emtihan_{code}.qm"
            if not translator.load(str(qm)):
                raise FileNotFoundError(f"translation file missing: {qm}")
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        self.language = code
        self.changed.emit(code)


class TextBinder:
    """Remembers translated texts so they can be re-applied after a language switch."""

    def __init__(self) -> None:
        self._bindings: dict[tuple[int, str], tuple[Callable[[str], Any], str, dict[str, Any]]] = {}

    def bind(self, setter: Callable[[str], Any], text: str, /, **kwargs: Any) -> None:
        owner = getattr(setter, "__self__", setter)
        key = (id(owner), getattr(setter, "__name__", repr(setter)))
        self._bindings[key] = (setter, text, kwargs)
        setter(trf(text, **kwargs) if kwargs else tr(text))

    def unbind(self, setter: Callable[[str], Any]) -> None:
        owner = getattr(setter, "__self__", setter)
        self._bindings.pop((id(owner), getattr(setter, "__name__", repr(setter))), None)

    def retranslate(self) -> None:
        for setter, text, kwargs in list(self._bindings.values()):
            try:
                setter(trf(text, **kwargs) if kwargs else tr(text))
            except RuntimeError:  # the widget was deleted by Qt
                continue

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

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, QTranslator, Signal

CONTEXT = "Emtihan"
LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}
I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
_CURRENT = {"language": "en"}


def current_language() -> str:
    """The language last chosen in this process ("en", "kk" or "ru")."""
    return _CURRENT["language"]


def current_locale() -> QLocale:
    """The QLocale of the language last chosen with :meth:`I18n.set_language` (dates, numbers)."""
    return QLocale(LOCALES[_CURRENT["language"]])


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


class LazyCall:
    """A format argument computed when formatted (e.g. a list of translated words)."""

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make

    def __format__(self, spec: str) -> str:
        return format(self.make(), spec)


class LocalTime:
    """A date and time (ISO 8601 or Unix seconds) shown in the current language's format
    (QLocale), so a language switch re-formats it; ``long``: the date written out."""

    def __init__(self, when: str | float, *, long: bool = False) -> None:
        self.when = when
        self.long = long

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __str__(self) -> str:
        if isinstance(self.when, int | float):
            moment = QDateTime.fromSecsSinceEpoch(int(self.when))
        else:
            moment = QDateTime.fromString(self.when, Qt.DateFormat.ISODate)
        if not moment.isValid():
            return "" if self.long else str(self.when)
        locale, local = current_locale(), moment.toLocalTime()
        if self.long:
            return (f"{locale.toString(local.date(), QLocale.FormatType.LongFormat)}, "
                    f"{locale.toString(local.time(), QLocale.FormatType.ShortFormat)}")
        return locale.toString(local, QLocale.FormatType.ShortFormat)


def minutes(seconds: int) -> str:
    """A duration in whole minutes, in the current language ("30 min", "30 мин")."""
    return trf("{n} min", n=current_locale().toString(int(seconds) // 60))


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
        _CURRENT["language"] = code
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

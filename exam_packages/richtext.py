"""A safe rich-text subset for question texts, and LaTeX rendered at build time.

A question with ``format: html`` has a text in a small HTML subset that Qt's
text engine renders (QLabel / QTextDocument rich text; no web engine, no
scripts, no links, no styles): ``p br b strong i em u sub sup code pre ul ol li
table thead tbody tr th td`` without attributes (``colspan``/``rowspan`` on
cells). Images stay ``![alt](media/name)`` markers, as in plain texts.
:func:`check_rich_text` refuses anything else (the package is validated with
it), :func:`html_to_rich` turns Moodle HTML into the subset.

LaTeX (``\\(..\\)``, ``\\[..\\]``, ``$$..$$``) is rendered once, at import, to an
SVG image with ziamath (pure Python, its own STIX math font), so the client only
shows an image; without ziamath the source is kept and reported.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser

from .errors import InputError

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "u", "sub", "sup", "code", "pre", "ul",
                "ol", "li", "table", "thead", "tbody", "tr", "th", "td"}
VOID_TAGS = {"br"}
CELL_ATTRS = {"colspan", "rowspan"}
RICH_HINT_TAGS = {"table", "ul", "ol", "sub", "sup", "b", "strong", "i", "em", "u", "code",
                  "pre"}
LATEX_RE = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]|\$\$(.+?)\$\$", re.DOTALL)
MAX_LATEX_CHARS = 2000
IMAGE_MARK_RE = re.compile(r"!\[[^\]]*\]\([^)\s]+\)")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problem = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problem = self.problem or f"tag <{tag}> is not allowed"
        for name, value in attrs:
            if tag not in ("td", "th") or name not in CELL_ATTRS or not (value or "").isdigit():
                self.problem = self.problem or f"attribute {name!r} on <{tag}> is not allowed"

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_TAGS:
            self.problem = self.problem or f"tag </{tag}> is not allowed"

    def handle_comment(self, data: str) -> None:
        self.problem = self.problem or "comments are not allowed"

    def handle_decl(self, decl: str) -> None:
        self.problem = self.problem or "declarations are not allowed"

    def handle_pi(self, data: str) -> None:
        self.problem = self.problem or "processing instructions are not allowed"


def check_rich_text(text: str, where: str) -> None:
    """Raise :class:`InputError` unless ``text`` is in the allowed subset."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.problem:
        raise InputError(f"{where}: rich text: {checker.problem} (allowed: "
                         f"{', '.join(sorted(ALLOWED_TAGS))})")


class _Converter(HTMLParser):
    """Moodle HTML -> the subset; images -> markers via ``image``."""

    def __init__(self, image: Callable[[dict[str, str | None]], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.image = image
        self.skip = 0
        self.rich = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "img":
            self.out.append(escape(self.image(dict(attrs)), quote=False))
        elif tag in ALLOWED_TAGS and not self.skip:
            self.rich |= tag in RICH_HINT_TAGS
            kept = "".join(f' {k}="{v}"' for k, v in attrs if tag in ("td", "th")
                           and k in CELL_ATTRS and (v or "").isdigit())
            self.out.append(f"<{tag}{kept}>")
        elif tag in ("div", "h1", "h2", "h3", "h4", "h5", "h6") and not self.skip:
            self.out.append("<p>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ALLOWED_TAGS and tag not in VOID_TAGS and not self.skip:
            self.out.append(f"</{tag}>")
        elif tag in ("div", "h1", "h2", "h3", "h4", "h5", "h6") and not self.skip:
            self.out.append("</p>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(escape(data.replace("\xa0", " "), quote=False))


def html_to_rich(html: str, image: Callable[[dict[str, str | None]], str]) -> tuple[str, bool]:
    """Moodle HTML as the rich subset, and whether it has structure plain text would lose."""
    converter = _Converter(image)
    converter.feed(html)
    converter.close()
    text = re.sub(r"\s*<p>\s*</p>\s*", "", "".join(converter.out)).strip()
    check_rich_text(IMAGE_MARK_RE.sub("", text), "imported text")
    return text, converter.rich


def render_latex(source: str) -> bytes | None:
    """SVG of one LaTeX formula, or ``None`` when ziamath is not installed."""
    try:
        import ziamath
    except ImportError:
        return None
    if len(source) > MAX_LATEX_CHARS:
        raise InputError(f"LaTeX formula longer than {MAX_LATEX_CHARS} characters")
    try:
        return str(ziamath.Latex(source, size=20).svg()).encode("utf-8")
    except Exception as exc:  # noqa: BLE001 - any renderer failure is the formula's problem
        raise InputError(f"LaTeX formula {source[:60]!r} cannot be rendered: {exc}") from exc


def latex_to_images(text: str, add_media: Callable[[str, bytes], str],
                    unescape: bool = False) -> tuple[str, list[str]]:
    """Replace each formula by ``![latex](media/math-<hash>.svg)``; return the text and
    the formulas that could not be rendered (kept as written)."""
    kept: list[str] = []

    def replace(match: re.Match[str]) -> str:
        source = next(g for g in match.groups() if g is not None).strip()
        if unescape:
            source = html.unescape(source)
        try:
            svg = render_latex(source)
        except InputError:
            svg = None
        if svg is None:
            kept.append(source)
            return match.group(0)
        name = add_media(f"math-{hashlib.sha256(source.encode()).hexdigest()[:12]}.svg", svg)
        alt = re.sub(r"[\[\]()]", " ", source)[:100]
        return f"![{alt}](media/{name})"

    return LATEX_RE.sub(replace, text), kept

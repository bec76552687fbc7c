"""Moodle calculated questions -> numeric variants precomputed from the dataset.

Each dataset item ``k`` (the k-th value of every wildcard) becomes one numeric
question: the wildcards ``{a}`` and the inline formulas ``{=...}`` of the text
are replaced by their values and the answer formulas are computed here, once,
at import. The variants form their own section with ``draw: 1``, so the package
stays offline and the paper seed picks the variant (``draw|<section>``).
Formulas are evaluated by a small arithmetic evaluator (numbers, + - * / %% **,
and Moodle's functions), never by ``eval``.
"""

from __future__ import annotations

import ast
import math
import operator
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .errors import InputError
from .importing import DocBuilder, decimal_text
from .moodle_types import ConvertError, MoodleQuestion, _grades, fraction_text, text_of

MAX_VARIANTS = 100
TOLERANCE_TYPE = {"1": "relative", "2": "nominal", "3": "geometric"}
_WILDCARD_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
INLINE_RE = re.compile(r"\{=((?:[^{}]|\{[A-Za-z_][A-Za-z0-9_]*\})+)\}")
FUNCTIONS: dict[str, Callable[..., float]] = {
    "abs": abs, "acos": math.acos, "acosh": math.acosh, "asin": math.asin,
    "asinh": math.asinh, "atan": math.atan, "atan2": math.atan2, "atanh": math.atanh,
    "ceil": math.ceil, "cos": math.cos, "cosh": math.cosh, "deg2rad": math.radians,
    "exp": math.exp, "expm1": math.expm1, "floor": math.floor, "fmod": math.fmod,
    "log": math.log, "log10": math.log10, "log1p": math.log1p, "max": max, "min": min,
    "pi": lambda: math.pi, "pow": math.pow, "rad2deg": math.degrees, "round": round,
    "sin": math.sin, "sinh": math.sinh, "sqrt": math.sqrt, "tan": math.tan, "tanh": math.tanh,
}
_BINARY: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: math.fmod, ast.Pow: operator.pow,
}


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
            and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _evaluate(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow) and abs(right) > 1000:
            raise ConvertError("formula: exponent too large")
        return float(_BINARY[type(node.op)](left, right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in FUNCTIONS and not node.keywords:
        return float(FUNCTIONS[node.func.id](*(_evaluate(a) for a in node.args)))
    raise ConvertError("formula: only numbers, + - * / % ** and Moodle's math functions "
                       "are allowed")


def calculate(formula: str, values: dict[str, str]) -> Decimal:
    """The value of a Moodle formula with its wildcards replaced."""
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise ConvertError(f"formula uses {{{match.group(1)}}}, which has no dataset")
        return f"({values[match.group(1)]})"

    text = _WILDCARD_RE.sub(value, formula).replace("^", "**")
    if len(text) > 1000:
        raise ConvertError("formula longer than 1000 characters")
    try:
        result = _evaluate(ast.parse(text, mode="eval"))
    except (SyntaxError, ValueError, ZeroDivisionError, OverflowError, TypeError) as exc:
        raise ConvertError(f"formula {formula!r} cannot be computed: {exc}") from exc
    if not math.isfinite(result):
        raise ConvertError(f"formula {formula!r} is not a finite number for {values}")
    return Decimal(repr(result))


def _number(text: str | None) -> int:
    return int(text.strip()) if text and text.strip().isdigit() else 0


def _datasets(element: ET.Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for definition in element.findall("dataset_definitions/dataset_definition"):
        name = text_of(definition.find("name")).strip()
        items = sorted((_number(item.findtext("number")), (item.findtext("value") or "").strip())
                       for item in definition.findall("dataset_items/dataset_item"))
        out[name] = [decimal_text(value, f"dataset {name}") for _, value in items]
    return out


def dataset_variants(element: ET.Element) -> list[dict[str, str]]:
    datasets = _datasets(element)
    if not datasets:
        raise ConvertError("calculated question without datasets")
    count = min(len(items) for items in datasets.values())
    if count == 0:
        raise ConvertError("the datasets have no items in this export (generate them in "
                           "Moodle, then export again)")
    return [{name: items[k] for name, items in datasets.items()}
            for k in range(min(count, MAX_VARIANTS))]


def substitute(text: str, values: dict[str, str]) -> str:
    text = INLINE_RE.sub(lambda m: decimal_text(str(calculate(m.group(1), values)), "value"),
                          text)
    return _WILDCARD_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def calculated_variants(q: MoodleQuestion) -> list[dict[str, Any]]:
    """One numeric question per dataset item (see the module docstring)."""
    base = q.base("numeric")
    answers = q.answers()
    grades = _grades(q)
    out = []
    for values in dataset_variants(q.element):
        entries = []
        for answer, grade in zip(answers, grades, strict=True):
            entry: dict[str, Any] = {"answer": decimal_text(
                str(calculate(text_of(answer), values)), "answer")}
            tolerance = decimal_text(text_of(answer, "tolerance") or "0", "tolerance")
            if tolerance != "0":
                entry["tolerance"] = tolerance.lstrip("-")
                kind = TOLERANCE_TYPE.get((answer.findtext("tolerancetype") or "1").strip(),
                                          "relative")
                if kind != "nominal":
                    entry["tolerance_type"] = kind
            if grade != 1:
                entry["fraction"] = fraction_text(max(grade, Decimal(0)))
            entries.append(entry)
        variant = {**base, "text": substitute(base["text"], values), "answers": entries}
        out.append(variant)
    if len(dataset_variants(q.element)) == MAX_VARIANTS:
        q.change(f"only the first {MAX_VARIANTS} dataset items are used")
    return out


def import_calculated(element: ET.Element, builder: DocBuilder, line: int) -> None:
    """Convert one calculated question (calculated, calculatedsimple, calculatedmulti)
    into a ``draw: 1`` section of variants."""
    from .moodle_calculatedmulti import calculatedmulti_variants

    qtype = element.get("type", "calculated")
    question = MoodleQuestion(element, builder)
    make = calculatedmulti_variants if qtype == "calculatedmulti" else calculated_variants
    try:
        variants = make(question)
    except InputError as exc:
        builder.skip(question.name, qtype, exc.user_message, line)
        return
    if element.find("units/unit") is not None:
        question.change("units of calculated questions are not kept")
    builder.add_variants(variants, question.name, qtype, line)

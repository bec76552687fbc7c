"""Grading answers files against a package for authors (no result envelope needed),
and grades out as CSV files Moodle's gradebook import accepts.

An answers file is JSON, one of:

* ``{qid: answer, ...}``: one set of answers, graded against every question;
* ``{"student_id": "s1", "seed": "7", "answers": {...}}``: one student; with a
  ``seed`` only the questions of that student's paper count;
* a list of such objects, one per student.

Grades out: ``grades.csv`` has the columns ``ID number`` and the exam, one row
per student (in Moodle: Grades > Import > CSV file, map "ID number" to the
user's "idnumber" and the exam column to the grade item); ``breakdown.csv`` has
one row per student and question.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import InputError
from .grading import GradeReport, grade
from .paper import make_paper

MAX_STUDENTS = 100_000


@dataclass(frozen=True)
class StudentGrade:
    student_id: str
    seed: str | None
    report: GradeReport


def _entry(index: int, raw: Any, single: bool) -> tuple[str, str | None, dict[str, Any]]:
    where = "answers file" if single else f"answers file, entry {index + 1}"
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected an object")
    if "answers" not in raw:
        return "author", None, raw
    unknown = set(raw) - {"student_id", "seed", "answers"}
    if unknown:
        raise InputError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    student = raw.get("student_id", "author" if single else None)
    if not isinstance(student, str) or not student.strip():
        raise InputError(f"{where}: 'student_id' must be a non-empty string")
    seed = raw.get("seed")
    if seed is not None and (not isinstance(seed, str) or not seed):
        raise InputError(f"{where}: 'seed' must be a non-empty string")
    if not isinstance(raw["answers"], dict):
        raise InputError(f"{where}: 'answers' must be an object of question ids")
    return student, seed, raw["answers"]


def parse_answers_file(data: bytes) -> list[tuple[str, str | None, dict[str, Any]]]:
    """(student id, seed or None, answers) for every student in the file."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError("answers file: not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"answers file: line {exc.lineno}: {exc.msg}") from exc
    if isinstance(doc, list):
        if len(doc) > MAX_STUDENTS:
            raise InputError(f"answers file: more than {MAX_STUDENTS} students")
        entries = [_entry(i, raw, single=False) for i, raw in enumerate(doc)]
    else:
        entries = [_entry(0, doc, single=True)]
    seen: set[str] = set()
    for student, _, _ in entries:
        if student in seen:
            raise InputError(f"answers file: student {student!r} appears twice")
        seen.add(student)
    return entries


def grade_answers(exam_doc: dict[str, Any], policy: dict[str, Any],
                  entries: list[tuple[str, str | None, dict[str, Any]]]) -> list[StudentGrade]:
    out = []
    for student, seed, answers in entries:
        paper = make_paper(exam_doc, policy, seed) if seed else None
        out.append(StudentGrade(student, seed, grade(exam_doc, answers, paper)))
    return out


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def gradebook_csv(grades: list[StudentGrade], column: str) -> str:
    """Moodle gradebook import: ``ID number`` + one grade column (automatic points)."""
    rows = [["ID number", column]]
    rows += [[g.student_id, str(g.report.total)] for g in grades]
    return _csv(rows)


def breakdown_csv(grades: list[StudentGrade]) -> str:
    rows = [["ID number", "question", "type", "status", "points", "max", "detail"]]
    for g in grades:
        rows += [[g.student_id, q.qid, q.type, q.status, str(q.points), str(q.max_points),
                  q.detail] for q in g.report.questions]
    return _csv(rows)


def summary(grades: list[StudentGrade]) -> dict[str, Any]:
    """Numbers an author checks first: students, mean and range of the automatic total."""
    totals = [g.report.total for g in grades]
    if not totals:
        return {"students": 0}
    mean = (sum(totals, Decimal(0)) / len(totals)).quantize(Decimal("0.01"))
    return {"students": len(totals), "mean": str(mean), "min": str(min(totals)),
            "max": str(max(totals)), "max_points": str(grades[0].report.max_total)}

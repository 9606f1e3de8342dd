"""The four lecture notes as lessons: steps that each show one page section with its own inputs.

    from core.lessons import LESSONS
    lesson = LESSONS["explainer"]
    for step in lesson.steps:
        step.title, step.page, step.section, step.params, step.question, step.concepts

Every string a step holds is a catalog key (core/strings/lessons.py); `notice` is filled from
numbers computed on the model on screen (core.lessons.notices). No streamlit here.
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    id: str  # unique within its lesson, e.g. "softmax"
    title: str  # catalog key
    text: str  # catalog key: 2-4 sentences
    page: str  # "embeddings", "positional", "attention", "block", "translation", "sampling"
    section: str  # a section of that page: f"{page}.{section}" is a key of SECTION_INPUTS
    params: dict[str, Any] = field(default_factory=dict)  # the section's inputs (SECTION_INPUTS)
    question: str | None = None  # a core.quiz kind asked before the section shows, or None
    notice: str | None = None  # catalog key filled by core.lessons.notices from computed numbers
    notes: str | None = None  # catalog key: the lecturer's notes (never shown on a phone)
    concepts: tuple[str, ...] = ()  # ids of core.lessons.concepts.CONCEPTS


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str  # catalog key
    note: str  # the lecture note it follows: a file name in shared/lecture-notes/
    steps: tuple[Step, ...]


LESSONS: dict[str, Lesson] = {}  # the lessons themselves are written in core/lessons/catalog.py

from core.lessons.catalog import LESSONS_IN_ORDER  # noqa: E402  (catalog imports Step and Lesson above)

LESSONS.update({lesson.id: lesson for lesson in LESSONS_IN_ORDER})

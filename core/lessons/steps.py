"""A lesson and its steps: what each step shows, asks and teaches (no streamlit)."""

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

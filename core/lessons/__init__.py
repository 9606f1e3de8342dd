"""The four lecture notes as lessons: steps that each show one page section with its own inputs.

    from core.lessons import LESSONS
    lesson = LESSONS["explainer"]
    for step in lesson.steps:
        step.title, step.page, step.section, step.params, step.question, step.concepts

Every string a step holds is a catalog key (core/strings/lessons.py); `notice` is filled from
numbers computed on the model on screen (core.lessons.notices). No streamlit here.
"""

from core.lessons.catalog import LESSONS_IN_ORDER
from core.lessons.steps import Lesson, Step

LESSONS: dict[str, Lesson] = {lesson.id: lesson for lesson in LESSONS_IN_ORDER}  # written in core/lessons/catalog.py

__all__ = ["LESSONS", "Lesson", "Step"]

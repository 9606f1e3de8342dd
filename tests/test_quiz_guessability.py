"""No Predict-first question can be gamed: for every question kind on every page, over the page's
suggested inputs × 20 seeds (tests/perf/quiz_report.py), no fixed rule — always option A, always
the same answer, the shortest or longest option, the smallest or largest number, the nearest or
farthest position — wins more than 60 % of the time, and the right option sits at no place more
than 40 % of the time. Each page keeps a question whose explanation meets a common wrong intuition.
On the tiny models of every family, the shipped translators, and (slow) the offline SmolLM2."""

from __future__ import annotations

import pytest

from core import i18n, quiz
from core.models import load_lm
from tests.helpers import sharpened
from tests.perf import quiz_report
from tests.tiny_models import TINY_FAMILIES

PAGES = ("embeddings", "posenc", "attention", "block", "rnn", "sampling")


def unfair(rows):
    return [(r.kind, r.worst_rule, [round(p, 2) for p in r.places]) for r in rows if r.asked and not r.fair]


def check_myths(questions: dict):
    """Each page has a kind whose every explanation ends on a misconception sentence, rendered
    in both languages with no placeholder left."""
    pages = set()
    for kind, qs in questions.items():
        asked = [q for q in qs if isinstance(q, quiz.Question)]
        if asked and all(q.explanation.key == "quiz.why_and_myth" for q in asked):
            pages.add(kind.split(".")[0])
            for lang in i18n.LANGUAGES:
                text = asked[0].explanation.render(lang)
                assert "{" not in text and len(text) > len(asked[0].why.render(lang)), text
    return pages


@pytest.mark.parametrize("family", list(TINY_FAMILIES))
def test_no_fixed_rule_wins_on_the_tiny_models(family, tiny_dirs):
    lm = sharpened(tiny_dirs[family])
    questions = quiz_report.model_questions(lm)
    rows = quiz_report.report(questions)
    assert not unfair(rows), quiz_report.table(rows, family)
    assert sum(r.asked > 0 for r in rows) >= 6  # the kinds are asked, not dodged (post-norm: no attribution)
    pages = {"embeddings", "posenc", "attention", "block", "sampling"}
    if not lm.arch.additive_stream:  # post-norm: the block page's attribution question can't be asked
        pages.remove("block")
    assert check_myths(questions) >= pages


def test_no_fixed_rule_wins_on_the_translators():
    questions = quiz_report.translator_questions()
    rows = quiz_report.report(questions)
    assert not unfair(rows), quiz_report.table(rows, "translators")
    assert all(r.asked >= 100 for r in rows)  # every held-out button's sentence is asked
    assert "rnn" in check_myths(questions)


def test_the_report_catches_a_guessable_kind():
    """The measure itself: a kind whose answer is always option A, or always "1", or always the
    nearest position, is flagged."""
    options = tuple(quiz.Text("quiz.option.tokens", {"n": n}) for n in (1, 2, 3, 4))
    always_a = [quiz.Question("x", quiz.Text("quiz.label"), options, 0, quiz.Text("quiz.label"), s) for s in range(20)]
    assert not quiz_report.measure("x", always_a).fair
    shuffled = [
        quiz.Question(
            "x", quiz.Text("quiz.label"), options[s % 4 :] + options[: s % 4], (-s) % 4, quiz.Text("quiz.label"), s
        )
        for s in range(20)
    ]  # always "1", at every place
    row = quiz_report.measure("x", shuffled)
    assert max(row.places) <= 0.25 and not row.fair
    positions = tuple(quiz.Text("quiz.option.position", {"p": p}) for p in (9, 3, 20, 40))
    nearest = [
        quiz.Question(
            "x",
            quiz.Text("quiz.posenc.nearest.learned", {"p": 10, "m": 48}),
            positions[s % 4 :] + positions[: s % 4],
            (-s) % 4,
            quiz.Text("quiz.label"),
            s,
        )
        for s in range(20)
    ]
    row = quiz_report.measure("x", nearest)
    assert row.rules["the nearest position"] == 1.0 and not row.fair


@pytest.mark.slow
def test_no_fixed_rule_wins_on_the_offline_model():
    questions = quiz_report.model_questions(load_lm("smollm2-135m"))
    rows = quiz_report.report(questions)
    assert not unfair(rows), quiz_report.table(rows, "SmolLM2")
    assert all(r.asked >= 15 for r in rows), quiz_report.table(rows, "SmolLM2")  # every kind is asked
    assert check_myths(questions) >= {"embeddings", "posenc", "attention", "block", "sampling"}

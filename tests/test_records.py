"""core.seq2seq.records: the recorded lab run and training-step timing shipped with the project,
read as JSON, made with the page's and the lesson's own settings, and the two lesson questions
asked from them (the answer follows the record). The lab record's reproduction (a fresh
train_both) is in tests/test_lab.py, which shares that one long run with the lab's own claim."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import numpy as np
import pytest

from core import quiz
from core.lessons import LESSONS
from core.lessons.questions import KINDS, question_for
from core.seq2seq import load_card, records
from core.seq2seq.lab import LabResult, LabSettings

LAB_JSON = records.RECORDS / "lab.json"
STEPS_JSON = records.RECORDS / "training_steps.json"


def raw(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def step(step_id: str):
    return next(s for s in LESSONS["seq2seq"].steps if s.id == step_id)


def test_the_records_are_small_json_files_with_how_they_were_made():
    assert sorted(p.name for p in records.RECORDS.iterdir()) == ["lab.json", "training_steps.json"]
    for path in (LAB_JSON, STEPS_JSON):
        record = raw(path)
        assert path.stat().st_size < 64 * 1024
        assert record["machine"] and record["torch"] and record["seconds"] > 0
        assert len(record["date"]) == 10 and record["date"][4] == "-"  # YYYY-MM-DD


def test_the_lab_record_was_made_at_the_lessons_own_settings():
    params = step("lab").params  # the seq2seq lesson's lab step: what its section trains
    made = raw(LAB_JSON)["settings"]
    assert (made["hidden_size"], made["max_length"], made["steps"], made["task"]) == (
        params["lab_hidden"],
        params["lab_length"],
        params["lab_steps"],
        params["lab_task"],
    )
    assert LabSettings(**made) == LabSettings()  # the lab's defaults, which the page's sliders start at


def test_recorded_lab_is_the_file_at_its_settings_and_none_at_any_other():
    record = raw(LAB_JSON)
    settings = LabSettings(**record["settings"])
    result = records.recorded_lab(settings)
    assert isinstance(result, LabResult) and result.settings == settings
    assert result.accuracy == record["accuracy"] and result.losses == record["losses"]
    assert result.machine == record["machine"] and result.seconds == record["seconds"]
    assert result.example_alignment.shape == (len(record["example_output"]), len(record["example_source"]))
    np.testing.assert_allclose(result.example_alignment, record["example_alignment"], atol=1e-6)
    for change in (
        {"hidden_size": 48},
        {"max_length": 29},
        {"steps": 900},
        {"task": "copy"},
        {"seed": 1},
        {"batch_size": 16},
        {"min_length": 4},
        {"test_per_length": 20},
    ):
        assert records.recorded_lab(replace(settings, **change)) is None, change


def test_the_timing_record_was_made_with_the_sections_constants_at_every_length_for_both():
    from core.ui.sections import translation

    record = raw(STEPS_JSON)
    assert record["settings"] == {
        "lengths": list(translation.STEP_LENGTHS),
        "batch_size": translation.STEP_BATCH,
        "repeats": translation.STEP_REPEATS,
    }
    for model, steps in (("attention", lambda T: T), ("transformer", lambda T: 1)):
        rows = [r for r in record["rows"] if r["model"] == model]
        assert [r["T"] for r in rows] == list(translation.STEP_LENGTHS), model
        assert all(r["ms"] > 0 and r["sequential_decoder_steps"] == steps(r["T"]) for r in rows), model
    assert len(record["rows"]) == 2 * len(translation.STEP_LENGTHS)
    shipped = {name: load_card(name)["config"] for name in ("attention", "transformer")}
    assert record["configs"] == shipped  # the sizes timed are the shipped translators' (weights are random)
    rows, machine = records.recorded_step_times(
        translation.STEP_LENGTHS, translation.STEP_BATCH, translation.STEP_REPEATS
    )
    assert rows == record["rows"] and machine == record["machine"]
    lengths = list(translation.STEP_LENGTHS)
    for other in (
        (lengths[:-1], translation.STEP_BATCH, translation.STEP_REPEATS),
        ([*lengths, 48], translation.STEP_BATCH, translation.STEP_REPEATS),
        (lengths, translation.STEP_BATCH + 1, translation.STEP_REPEATS),
        (lengths, translation.STEP_BATCH, translation.STEP_REPEATS + 1),
    ):
        assert records.recorded_step_times(*other) is None, other


# --------------------------------------------------------------------------- the lesson's questions


def lab_outcome(record: dict) -> str:
    """Which LSTM keeps its exact accuracy at the longest length, read off the JSON here."""
    longest = max(r["length"] for r in record["accuracy"])
    exact = {r["model"]: r["exact"] for r in record["accuracy"] if r["length"] == longest}
    gap = exact["attention"] - exact["plain"]
    return "same" if abs(gap) < quiz.MARGIN else "attention" if gap > 0 else "plain"


def step_outcome(record: dict) -> str:
    longest = max(r["T"] for r in record["rows"])
    ms = {r["model"]: r["ms"] for r in record["rows"] if r["T"] == longest}
    a, t = ms["attention"], ms["transformer"]
    return "same" if abs(a - t) <= quiz.SAME_TIME * max(a, t) else "attention" if a < t else "transformer"


def test_the_lab_and_parallel_steps_ask_their_questions_with_the_records_answer():
    assert {"rnn.lab_keeps", "rnn.cheaper_step"} <= set(KINDS)
    assert step("lab").question == "rnn.lab_keeps" and step("parallel").question == "rnn.cheaper_step"
    lab_json, steps_json = raw(LAB_JSON), raw(STEPS_JSON)
    q = question_for(step("lab"), None)  # no language model needed: the record
    assert isinstance(q, quiz.Question), q
    assert q.options[q.answer].key == f"quiz.option.lab.{lab_outcome(lab_json)}"
    assert q.prompt.values["n"] == lab_json["settings"]["max_length"]
    assert lab_json["machine"] in q.explanation.render("en") and lab_json["machine"] in q.explanation.render("ko")
    q = question_for(step("parallel"), None)
    assert isinstance(q, quiz.Question), q
    assert q.options[q.answer].key == f"quiz.option.step.{step_outcome(steps_json)}"
    assert q.prompt.values["T"] == max(steps_json["settings"]["lengths"])
    assert steps_json["machine"] in q.explanation.render("en")


def swapped(record: dict, field: str, a: str, b: str) -> dict:
    """The record with models a and b's numbers exchanged."""
    record = copy.deepcopy(record)
    rows = record["accuracy" if field == "exact" else "rows"]
    for row in rows:
        row["model"] = {a: b, b: a}.get(row["model"], row["model"])
    return record


def test_the_answer_follows_the_record(monkeypatch):
    """The record's numbers swapped between the two models (through the loader): the other answer."""
    stored = {"lab": raw(LAB_JSON), "training_steps": raw(STEPS_JSON)}
    before = (question_for(step("lab"), None), question_for(step("parallel"), None))
    fake = {
        "lab": swapped(stored["lab"], "exact", "attention", "plain"),
        "training_steps": swapped(stored["training_steps"], "ms", "attention", "transformer"),
    }
    monkeypatch.setattr(records, "load", lambda kind: fake[kind])
    lab_q, step_q = question_for(step("lab"), None), question_for(step("parallel"), None)
    assert lab_q.options[lab_q.answer].key == f"quiz.option.lab.{lab_outcome(fake['lab'])}"
    assert step_q.options[step_q.answer].key == f"quiz.option.step.{step_outcome(fake['training_steps'])}"
    if lab_outcome(stored["lab"]) != "same":
        assert lab_q.answer != before[0].answer
    if step_outcome(stored["training_steps"]) != "same":
        assert step_q.answer != before[1].answer


@pytest.mark.parametrize(
    "kind, step_id, reason", [("lab", "lab", "no_lab_run"), ("training_steps", "parallel", "no_timing")]
)
def test_without_a_record_the_step_says_why_it_cannot_ask(monkeypatch, tmp_path, kind, step_id, reason):
    monkeypatch.setitem(records.FILES, kind, tmp_path / "missing.json")
    q = question_for(step(step_id), None)
    assert isinstance(q, quiz.Unbuildable) and q.reason.key == f"quiz.cannot.{reason}"
    for damaged in ("not json", "[]", '{"settings": {}}'):  # unreadable, or not a record: the same
        (tmp_path / "missing.json").write_text(damaged, encoding="utf-8")
        assert isinstance(question_for(step(step_id), None), quiz.Unbuildable), damaged
        assert records.about(kind) is None


# --------------------------------------------------------------------------- on the Lessons page


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lessons_lab_and_parallel_steps_ask_first_then_draw_the_recorded_runs(app, lang):
    """The Lessons page at the two steps (nothing pressed, no live run): the question first, its
    options as buttons; the record's answer is right, its explanation names the record's machine;
    then the section draws the record's numbers."""
    from core.ui.sections.translation import lab_jobs
    from tests.helpers import named_chart_tables

    lab_jobs.clear()  # no live run left by another test in this process
    steps = LESSONS["seq2seq"].steps
    for step_id, chart, expected in (
        ("lab", "lab_accuracy", lambda r: sorted((x["model"], x["length"], x["exact"]) for x in r["accuracy"])),
        ("parallel", "training_step_times", lambda r: sorted((x["model"], x["T"], x["ms"]) for x in r["rows"])),
    ):
        number = next(i for i, s in enumerate(steps, 1) if s.id == step_id)
        record = raw(LAB_JSON if step_id == "lab" else STEPS_JSON)
        at = app("pages/0_Lessons.py", timeout=180, lang=lang, lesson="seq2seq", step=str(number))
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        q = question_for(step(step_id), None)
        picks = [b for b in at.button if (b.key or "").startswith("pick_")]
        assert len(picks) == len(q.options) and not named_chart_tables(at), step_id  # asked before the section
        assert q.prompt.render(lang) in " ".join(str(m.value) for m in at.markdown), step_id
        next(b for b in picks if b.key.endswith(f"_{q.answer}")).click().run()
        assert not at.exception, [e.message for e in at.exception]
        assert at.success and not at.error, step_id  # the record's answer is the right one
        assert record["machine"].split(";")[0].split("(")[0] in " ".join(c.value for c in at.caption)
        drawn = named_chart_tables(at)[chart]
        if step_id == "lab":
            drawn = drawn[drawn["metric"] == "exact"]
            assert sorted(zip(drawn["model"], drawn["length"], drawn["accuracy"])) == expected(record)
        else:
            assert sorted(zip(drawn["model"], drawn["T"], drawn["ms"])) == expected(record)


def test_after_a_live_timing_the_page_draws_it_and_the_lesson_step_the_record_it_asked_about(app, monkeypatch):
    """A live timing on the server (faked: the LSTM twice as fast) is what the page draws; the
    lesson step keeps drawing the record its question was built from, and says so."""
    from core import i18n, ui
    from tests.helpers import named_chart_tables

    fake = [
        {"model": m, "T": T, "ms": 100.0 if m == "attention" else 200.0, "sequential_decoder_steps": 1}
        for m in records.STEP_MODELS
        for T in records.STEP_LENGTHS
    ]
    real = ui.shared_job

    def shared_job(page, key, *args, **kwargs):
        return (fake, "another machine") if kwargs.get("name") == "time_steps" else real(page, key, *args, **kwargs)

    monkeypatch.setattr(ui, "shared_job", shared_job)

    def drawn(at):
        table = named_chart_tables(at)["training_step_times"]
        return sorted(zip(table["model"], table["T"], table["ms"]))

    full = app("pages/5_RNN_Attention_Transformer.py", timeout=300, lang="en", tab=i18n.t("rnn.tab.cost"))
    full.run()
    assert not full.exception
    assert drawn(full) == sorted((r["model"], r["T"], r["ms"]) for r in fake)

    number = next(i for i, s in enumerate(LESSONS["seq2seq"].steps, 1) if s.id == "parallel")
    at = app("pages/0_Lessons.py", timeout=180, lang="en", lesson="seq2seq", step=str(number))
    at.run()
    [b for b in at.button if (b.key or "").startswith("pick_")][0].click().run()
    assert not at.exception
    assert drawn(at) == sorted((r["model"], r["T"], r["ms"]) for r in raw(STEPS_JSON)["rows"])
    said = " ".join(c.value for c in at.caption)
    assert i18n.t("rnn.record.training_steps.lesson", "en").split(",")[0].split("{")[0][:30] in said

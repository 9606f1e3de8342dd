"""The lessons as data (core/lessons): every concept of the lecture notes taught by a step, every
step naming a real section and its inputs, every question buildable from the step's own inputs
(on the tiny models here, on the offline default SmolLM2 when slow), every word in EN and KO,
and the notices' numbers against independent computations."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
import torch

from core import i18n, quiz
from core.lessons import LESSONS, Lesson, Step
from core.lessons.concepts import CONCEPTS, NOTES
from core.lessons.notices import NOTICES, notice_text, notice_values
from core.lessons.questions import KINDS, asked_as, question_for
from core.lessons.sections import SECTION_INPUTS

ROOT = Path(__file__).resolve().parent.parent
# the notes sit beside the project (../shared), or beside the folder of its worktrees
NOTES_DIR = next(
    (
        p / "shared" / "lecture-notes"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "lecture-notes").is_dir()
    ),
    ROOT.parent / "shared" / "lecture-notes",
)
STEPS = [(lesson.id, step) for lesson in LESSONS.values() for step in lesson.steps]
ASKING = [(lid, s) for lid, s in STEPS if s.question]
IDS = [f"{lid}.{s.id}" for lid, s in STEPS]
ASKING_IDS = [f"{lid}.{s.id}" for lid, s in ASKING]


def step_of(lesson: str, step: str) -> Step:
    return next(s for s in LESSONS[lesson].steps if s.id == step)


# --------------------------------------------------------------------------- the catalog's shape


def test_four_lessons_one_per_lecture_note():
    assert list(LESSONS) == ["explainer", "transformer", "how", "seq2seq"]
    assert sorted(lesson.note for lesson in LESSONS.values()) == sorted(NOTES.values())
    if NOTES_DIR.is_dir():  # the notes themselves live beside the project
        assert {p.name for p in NOTES_DIR.glob("*.txt")} == set(NOTES.values())
    for lesson in LESSONS.values():
        assert isinstance(lesson, Lesson) and all(isinstance(s, Step) for s in lesson.steps)


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_a_lesson_has_10_to_20_steps_with_unique_ids(lesson):
    steps = LESSONS[lesson].steps
    assert 10 <= len(steps) <= 20, (lesson, len(steps))
    assert len({s.id for s in steps}) == len(steps)


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_at_least_every_other_step_asks_a_question(lesson):
    """No two steps in a row without a question (so at least half of them ask one)."""
    asks = [s.question is not None for s in LESSONS[lesson].steps]
    assert sum(asks) * 2 >= len(asks), lesson
    for i in range(len(asks) - 1):
        assert asks[i] or asks[i + 1], (lesson, LESSONS[lesson].steps[i].id, LESSONS[lesson].steps[i + 1].id)


def test_every_concept_is_taught_by_a_step_and_every_step_names_known_concepts():
    taught = {c for _, s in STEPS for c in s.concepts}
    assert not set(CONCEPTS) - taught, f"concepts without a step: {sorted(set(CONCEPTS) - taught)}"
    assert not taught - set(CONCEPTS), f"unknown concepts: {sorted(taught - set(CONCEPTS))}"
    assert all(s.concepts for _, s in STEPS)
    assert {c.note for c in CONCEPTS.values()} == set(NOTES)


@pytest.mark.parametrize("lesson, step", STEPS, ids=IDS)
def test_a_step_names_a_known_section_its_inputs_question_and_notice(lesson, step):
    assert step.section in SECTION_INPUTS, step.section
    assert step.page == step.section.split(".")[0]
    unknown = set(step.params) - SECTION_INPUTS[step.section]
    assert not unknown, f"{step.section} reads no {sorted(unknown)}"
    assert step.question is None or step.question in KINDS
    assert step.notice in NOTICES


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_key_a_lesson_names_is_in_the_catalog(lang):
    table = i18n.catalogs()[lang]
    keys = [k for lesson in LESSONS.values() for k in (lesson.title, f"lessons.{lesson.id}.note")]
    keys += [c.key for c in CONCEPTS.values()]
    keys += [k for _, s in STEPS for k in (s.title, s.text, s.notes, s.notice) if k]
    missing = [k for k in keys if k not in table]
    assert not missing, missing


@pytest.mark.parametrize("lesson, step", STEPS, ids=IDS)
def test_a_step_text_is_two_to_four_sentences(lesson, step):
    text = i18n.t(step.text, "en")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\u201c])", text.strip()) if s]
    assert 2 <= len(sentences) <= 4, (step.id, sentences)
    korean = [s for s in re.split(r"(?<=[.!?])\s+", i18n.t(step.text, "ko").strip()) if s]
    assert 2 <= len(korean) <= 4, (step.id, korean)


def test_no_sentence_of_the_lecture_notes_is_copied():
    """Every Korean string of the lessons is the app's own: no run of 25 characters of a note."""
    if not NOTES_DIR.is_dir():
        pytest.skip("the lecture notes are not beside the project")
    notes = " ".join(re.sub(r"\s+", " ", p.read_text(encoding="utf-8")) for p in NOTES_DIR.glob("*.txt"))
    for key, text in i18n.catalogs()["ko"].items():
        if key.startswith("lessons."):
            flat = re.sub(r"\s+", " ", text)
            for i in range(len(flat) - 24):  # shorter strings (titles, terms) are not sentences
                window = flat[i : i + 25]  # the notes' English example sentences may be quoted
                assert len(re.findall("[가-힣]", window)) < 10 or window not in notes, (key, window)


@pytest.mark.parametrize(
    "lesson, step, words",
    [
        ("how", "waves", ("corrects the note", "dimension")),
        ("transformer", "tradeoff", ("corrects the note", "reversed")),
        ("seq2seq", "align", ("corrects the note", "object pronoun")),
    ],
)
def test_where_a_note_slips_the_step_says_it_corrects_it(lesson, step, words):
    s = step_of(lesson, step)
    en, ko = i18n.t(s.notes, "en"), i18n.t(s.notes, "ko")
    assert all(w in en for w in words), en
    assert "바로잡습니다" in ko
    for lang, word in (("en", "correct"), ("ko", "바로잡습니다")):  # the students read it too
        shown = i18n.catalogs()[lang][s.text] + i18n.catalogs()[lang][s.notice]
        assert word in shown, (step, lang)


# --------------------------------------------------------------------------- questions and notices on tiny models


@pytest.fixture(scope="module")
def sharp_models(tiny_dirs):
    """The tiny GPT-2 and Llama with sharpened weights: attention far from uniform, so the
    questions are not ties (the random tiny models' near-uniform numbers tie)."""
    from tests.helpers import sharpened

    return {"gpt2": sharpened(tiny_dirs["gpt2"]), "llama": sharpened(tiny_dirs["llama"])}


# A random tiny model has no trained heads: "no clear head" is the one reason it may not be asked.
UNTRAINED = {
    "attention.head_kind": "quiz.cannot.no_clear_head",
    "sampling.tokens_kept": "quiz.cannot.few_kept",
}  # a tiny model's peaked guess: a handful left


@pytest.mark.parametrize("family", ["gpt2", "llama"])
@pytest.mark.parametrize("lesson, step", ASKING, ids=ASKING_IDS)
def test_a_step_question_builds_from_its_own_inputs_on_the_tiny_models(sharp_models, family, lesson, step):
    q = question_for(step, sharp_models[family])
    if isinstance(q, quiz.Unbuildable):
        assert UNTRAINED.get(step.question) == q.reason.key, (step.id, q.reason.render("en"))
        return
    assert isinstance(q, quiz.Question) and q.kind in asked_as(step.question)
    assert 0 <= q.answer < len(q.options) and len(set(q.options)) == len(q.options)
    for lang in ("en", "ko"):
        q.prompt.render(lang), q.explanation.render(lang), [o.render(lang) for o in q.options]


@pytest.mark.parametrize("family", ["gpt2", "llama"])
@pytest.mark.parametrize("lesson, step", STEPS, ids=IDS)
def test_a_step_notice_is_computed_and_reads_in_both_languages(sharp_models, family, lesson, step):
    values = notice_values(step, sharp_models[family])
    assert all(isinstance(v, (str, int, float)) for v in values.values()), values  # plain: t(key, **values)
    for lang in ("en", "ko"):
        rendered = i18n.t(step.notice, lang, **values)
        assert rendered and "{" not in rendered and rendered == notice_text(step, sharp_models[family]).render(lang)


def test_a_step_without_a_question_or_notice_has_none():
    bare = Step(id="x", title="t", text="t", page="block", section="block.equations")
    assert question_for(bare, None) is None and notice_values(bare, None) == {} and notice_text(bare, None) is None


# --------------------------------------------------------------------------- notices against independent computations


def own_forward(lm, text):
    ids = torch.tensor([lm.tokenizer(text)["input_ids"]])
    with torch.no_grad():
        return ids[0], lm.model(input_ids=ids, output_attentions=True, output_hidden_states=True)


def test_head_map_notice_is_the_models_own_attention(sharp_models):
    lm, step = sharp_models["gpt2"], step_of("how", "station")
    values = notice_values(step, lm)
    ids, out = own_forward(lm, step.params["prompt"])
    layer, head = min(step.params["layer"], lm.arch.n_layers - 1), min(step.params["head"], lm.arch.n_heads - 1)
    row = out.attentions[layer][0, head, -1]  # [T] the last token's weights, from transformers
    assert (values["layer"], values["head"]) == (layer, head)
    assert values["i"] == int(row.argmax()) and values["w"] == pytest.approx(float(row.max()), abs=1e-5)


def test_matrix_and_tokens_notices_count_what_the_model_holds(sharp_models):
    lm = sharp_models["llama"]
    step = step_of("explainer", "matrix")
    values = notice_values(step, lm)
    rows, cols = lm.model.get_input_embeddings().weight.shape
    total = sum(p.numel() for p in lm.model.parameters())
    assert (values["v"], values["d"], values["params"]) == (rows, cols, rows * cols)
    assert values["share"] == pytest.approx(rows * cols / total, rel=1e-6)
    step = step_of("how", "indices")
    ids, _ = own_forward(lm, step.params["prompt"])
    assert notice_values(step, lm)["n"] == len(ids)
    assert [str(int(i)) for i in ids] == re.findall(r"\((\d+)\)", notice_values(step, lm)["pieces"])


def test_mask_notice_hides_the_upper_triangle(sharp_models):
    lm, step = sharp_models["gpt2"], step_of("explainer", "mask")
    T = len(own_forward(lm, step.params["prompt"])[0])
    assert notice_values(step, lm) == {"t": T, "hidden": T * (T - 1) // 2, "cells": T * T}


def test_waves_notice_follows_the_papers_formula():
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(…): the pair i turns once every
    2π·10000^(2i/d) positions, chosen by dimension, not by position."""
    step = step_of("how", "waves")
    d = step.params["d"]
    values = notice_values(step, None)
    assert (values["sin0"], values["cos0"]) == (0.0, 1.0)  # sin(0), cos(0) at position 0
    assert values["fast"] == pytest.approx(2 * math.pi)
    assert values["slow"] == pytest.approx(2 * math.pi * 10000 ** ((d - 2) / d))
    assert (values["last"], values["last1"]) == (d - 2, d - 1)


def test_temperature_and_kept_notices_match_hugging_faces_warpers(sharp_models):
    from transformers import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    lm = sharp_models["gpt2"]
    step = step_of("explainer", "temperature")
    t = step.params["temp"]
    logits = own_forward(lm, step.params["prompt"])[1].logits[0, -1].double()
    values = notice_values(step, lm)
    top = int(logits.argmax())
    assert values["p1"] == pytest.approx(float(torch.softmax(logits, -1)[top]), rel=1e-5)
    assert values["pt"] == pytest.approx(float(torch.softmax(logits / t, -1)[top]), rel=1e-5)
    step = step_of("explainer", "top_k_p")
    scores = own_forward(lm, step.params["prompt"])[1].logits[0, -1][None].float()
    for warper in (
        TemperatureLogitsWarper(step.params["temp"]),
        TopKLogitsWarper(step.params["topk"]),
        TopPLogitsWarper(step.params["topp"]),
    ):
        scores = warper(None, scores)
    assert notice_values(step, lm)["n"] == int(torch.isfinite(scores).sum())


def test_bleu_notice_reads_the_shipped_cards():
    values = notice_values(step_of("seq2seq", "bleu"), None)
    for name in ("plain", "attention", "transformer"):
        card = json.loads((ROOT / "core" / "seq2seq" / "checkpoints" / name / "card.json").read_text())
        rows = card["evaluation"]["bleu_by_length"]
        shortest = min(rows, key=lambda r: r["max_words"])
        longest = max(rows, key=lambda r: r["min_words"])
        assert (values[f"{name}_short"], values[f"{name}_long"]) == (shortest["bleu"], longest["bleu"])


def test_je_taime_aligns_as_the_step_teaches_it_on_the_shipped_attention_model():
    """The correction of the Seq2Seq note, on the model itself: t' looks most at "you", aime at "love"."""
    from core.seq2seq import load_pretrained

    step = step_of("seq2seq", "align")
    result = load_pretrained("attention").translate(step.params["sentence"])
    assert result.tokens[:3] == ["je", "t'", "aime"]
    best = {w: result.source_tokens[int(np.argmax(row))] for w, row in zip(result.tokens, result.attention)}
    assert best["t'"] == "you" and best["aime"] == "love"
    links = notice_values(step, None)["links"]
    assert "t' ← you" in links and "aime ← love" in links


# --------------------------------------------------------------------------- the offline default (slow)


@pytest.mark.slow
def test_every_step_question_and_notice_on_the_offline_default():
    """SmolLM2-135M: every step's question is a Question (none unbuildable), every notice renders."""
    from core.models import load_lm

    lm = load_lm("smollm2-135m")
    for lesson, step in STEPS:
        if step.question:
            q = question_for(step, lm)
            assert isinstance(q, quiz.Question), (lesson, step.id, getattr(q, "reason", None))
        for lang in ("en", "ko"):
            assert "{" not in notice_text(step, lm).render(lang)
    ids, out = own_forward(lm, step_of("how", "station").params["prompt"])
    values = notice_values(step_of("how", "station"), lm)
    assert values["i"] == int(out.attentions[values["layer"]][0, values["head"], -1].argmax())


def test_positions_removed_notice_the_first_block_cannot_tell_the_orders_apart(sharp_models):
    """Independent: the same words in two orders, the position embeddings zeroed by hand (GPT-2's
    wpe): the last token leaves block 1 identical, and differs with the positions on."""
    lm, step = sharp_models["gpt2"], step_of("transformer", "order")
    values = notice_values(step, lm)
    wpe = lm.arch.position_embedding()  # [context, d] the learned table itself
    states = {}
    for on in (True, False):
        saved = wpe.detach().clone()
        with torch.no_grad():
            if not on:
                wpe.zero_()
            try:
                h = [own_forward(lm, step.params[k])[1].hidden_states[1][0, -1] for k in ("order_a", "order_b")]
            finally:
                wpe.copy_(saved)
        states[on] = float((h[0] - h[1]).norm() / h[0].norm())
    assert values["off1"] == pytest.approx(states[False], abs=1e-5) and values["off1"] < 1e-5
    assert values["on1"] == pytest.approx(states[True], rel=1e-4) and values["on1"] > 1e-3


def test_positions_notice_is_the_models_own_similarity_and_the_papers(sharp_models):
    """Learned (GPT-2): cosine of the table's rows; rotary (Llama): the mean over pairs of cos(kθ)
    for k = 1 and 30; sinusoidal: the paper's formula at the model's width, written out here."""
    step = step_of("explainer", "positions")
    gpt2, llama = sharp_models["gpt2"], sharp_models["llama"]
    wpe = gpt2.arch.position_embedding().detach().double().numpy()
    cos = lambda a, b: float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))  # noqa: E731
    values = notice_values(step, gpt2)
    assert values["near"] == pytest.approx(cos(wpe[10], wpe[11]))
    assert values["far"] == pytest.approx(cos(wpe[10], wpe[40]))
    d = gpt2.arch.d_model
    pe = np.array(
        [
            [math.sin(p / 10000 ** (i / d)) if i % 2 == 0 else math.cos(p / 10000 ** ((i - 1) / d)) for i in range(d)]
            for p in range(41)
        ]
    )
    assert values["snear"] == pytest.approx(cos(pe[10], pe[11]))
    assert values["sfar"] == pytest.approx(cos(pe[10], pe[40]))
    config = llama.model.config
    half = config.hidden_size // config.num_attention_heads // 2
    theta = config.rope_parameters["rope_theta"] if hasattr(config, "rope_parameters") else config.rope_theta
    inv = 1.0 / theta ** (np.arange(half) * 2 / (2 * half))
    values = notice_values(step, llama)
    assert values["near"] == pytest.approx(np.cos(1 * inv).mean())
    assert values["far"] == pytest.approx(np.cos(30 * inv).mean())


def test_a_translation_step_finds_its_references_in_the_shipped_cards():
    from core.lessons.questions import references

    card = json.loads((ROOT / "core" / "seq2seq" / "checkpoints" / "attention" / "card.json").read_text())
    for lesson, step in ASKING:
        if step.question == "rnn.right_translator":
            sentence = step.params["sentence"]
            want = next(e["references"] for e in card["evaluation"]["examples"] if e["english"] == sentence)
            assert references(sentence) == want
    assert references("No such sentence in any card.") == []


def test_a_steps_choices_are_ones_its_widgets_offer():
    """Discrete inputs name an option the section's widget has; the lab's sliders stay in their caps;
    layers and heads exist in both GPT-2 small (12 × 12) and SmolLM2-135M (30 layers × 9 heads)."""
    from core.seq2seq import lab

    for lesson, step in STEPS:
        p = step.params
        assert p.get("decoding", "greedy") in ("greedy", "beam")
        assert p.get("cross_head", "mean") == "mean" or isinstance(p["cross_head"], int)
        assert p.get("stat", "first") in ("entropy", "first", "previous")
        assert p.get("lab_task", "reverse") in lab.TASKS
        assert 16 <= p.get("lab_hidden", 16) <= lab.MAX_HIDDEN and p.get("lab_hidden", 16) % 16 == 0
        assert 8 <= p.get("lab_length", 8) <= lab.MAX_LENGTH
        assert 100 <= p.get("lab_steps", 100) <= lab.MAX_STEPS and p.get("lab_steps", 100) % 100 == 0
        assert 0 <= p.get("layer", 0) < 12 and 0 <= p.get("head", 0) < 9, (lesson, step.id)
        assert 0.05 <= p.get("temp", 1.0) <= 3.0 and 0.0 <= p.get("topp", 1.0) <= 1.0


def test_sequential_and_training_mask_notices_count_steps_and_masked_cells():
    from core.seq2seq.lab import MAX_STEP_LENGTH, MAX_TIMING_LENGTH

    values = notice_values(step_of("seq2seq", "timing"), None)
    assert values == {"T": MAX_TIMING_LENGTH, "mib": MAX_TIMING_LENGTH**2 * 4 / 1024 / 1024}
    values = notice_values(step_of("seq2seq", "parallel"), None)
    T = MAX_STEP_LENGTH
    assert values == {"T": T, "hidden": sum(range(T)), "cells": T * T}  # 0 + 1 + … + (T−1) cells above the diagonal

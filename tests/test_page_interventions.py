"""The intervention sections of the attention, block and positional pages, through AppTest on
the tiny GPT-2: what each shows is what core.interventions computes (itself checked against
hand recomputation in tests/test_family_contract.py), in English and Korean; bad input gets a
message in the reader's language; a sweep pressed while it runs is followed, not run twice;
nothing is left hooked."""

from __future__ import annotations

import re
import string
import threading

import numpy as np
import pytest
import torch

from core import i18n
from core import interventions as I
from core.block import logit_attribution
from core.trace import run_trace
from tests.helpers import chart_tables
from tests.test_family_contract import hooks_on

ATTENTION, BLOCK, POSITIONAL = "pages/3_Attention.py", "pages/4_Transformer_Block.py", "pages/2_Positional_Encoding.py"
TEXT = "The train left the station on time"
CLEAN, CORRUPT = "The capital of France is", "The capital of Italy is"  # the same length for the tiny tokenizer


def page_model(tiny_dirs):
    """The model object the pages use (loaded once per server)."""
    from core import ui

    return ui.get_lm(str(tiny_dirs["gpt2"]))


def table_named(at, *columns: str):
    """The table of the chart that has all these columns."""
    return next(t for t in chart_tables(at) if set(columns) <= set(t.columns))


def says(at, key: str, lang: str = "en") -> bool:
    """Whether a warning or info box of the run is the catalog's message `key`, whatever its values."""
    parts = [re.escape(literal) for literal, _, _, _ in string.Formatter().parse(i18n.catalogs()[lang][key])]
    pattern = re.compile(".*?".join(parts), re.S)
    return any(pattern.fullmatch(m.value) for m in (*at.warning, *at.info))


def no_errors(at) -> None:
    assert not at.exception, [e.message for e in at.exception]


def test_knocking_out_the_shown_head(app, tiny_gpt2, tiny_dirs):
    before_hooks = hooks_on(page_model(tiny_dirs).model)
    at = app(ATTENTION, text=TEXT, layer="1", head="2", knockout="true")
    at.run()
    no_errors(at)
    expected = I.ablate(tiny_gpt2, TEXT, [("head", 1, 2)])
    before = torch.softmax(torch.from_numpy(run_trace(tiny_gpt2, TEXT).next_token_logits).double(), -1).numpy()
    top = int(before.argmax())
    metrics = {m.label: m.value for m in at.metric}
    token = tiny_gpt2.display_tokens([top])[0]
    assert metrics[i18n.t("int.prob_before", token=token)] == f"{before[top]:.1%}"
    assert metrics[i18n.t("int.prob_after")] == f"{expected.probs[top]:.1%}"
    rows = table_named(at, "run")
    after = rows[rows.run == "after"].set_index("token_id").probability
    for i in np.argsort(-expected.probs)[:10]:
        assert after[int(i)] == pytest.approx(float(expected.probs[i]), rel=1e-5)
    at.radio(key="how").set_value("mean").run()
    no_errors(at)
    mean = I.ablate(tiny_gpt2, TEXT, [("head", 1, 2)], "mean")
    assert {m.label: m.value for m in at.metric}[i18n.t("int.prob_after")] == f"{mean.probs[top]:.1%}"
    assert hooks_on(page_model(tiny_dirs).model) == before_hooks


def test_attention_is_not_explanation_computes_its_claim_for_the_prompt(app, tiny_gpt2):
    at = app(ATTENTION, text=TEXT, source="3", lang="ko")
    at.run()
    no_errors(at)
    assert i18n.t("int.ne.press", "ko", n=8) in [c.value for c in at.caption]
    at.button(key="start_heads").click().run()
    no_errors(at)
    assert "start_heads" not in [b.key for b in at.button]  # done in this run: the button is gone
    sweep = I.sweep(tiny_gpt2, TEXT)
    attention = run_trace(tiny_gpt2, TEXT).attentions[:, :, -1, 3]
    effect = np.abs(sweep.drop)
    rho = I.rank_correlation(attention, effect)  # Spearman, checked against hand ranks in test_interventions
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("int.ne.rho", "ko")] == f"{rho:+.2f}"
    rows = table_named(at, "effect_rank")
    np.testing.assert_allclose(rows.effect.to_numpy(), effect.ravel(), rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(rows.attention.to_numpy(), attention.ravel(), rtol=1e-6)
    verdicts = {i18n.t(f"int.ne.verdict.{v}", "ko") for v in ("agree", "partly", "unrelated", "opposite")}
    assert any(m.value in verdicts for m in at.markdown)
    assert any(f"ρ = {rho:+.2f}" in m.value for m in at.markdown)
    at.selectbox(key="source").set_value(5).run()  # a view change: the same sweep, another ranking
    no_errors(at)
    rho5 = I.rank_correlation(run_trace(tiny_gpt2, TEXT).attentions[:, :, -1, 5], effect)
    assert {m.label: m.value for m in at.metric}[i18n.t("int.ne.rho", "ko")] == f"{rho5:+.2f}"
    assert "start_heads" not in [b.key for b in at.button]  # done: kept for every session
    at.text_input(key="target").set_value(" bank").run()  # another target: another sweep
    no_errors(at)
    at.button(key="start_heads").click().run()
    bank = I.sweep(tiny_gpt2, TEXT, " bank")
    shown = table_named(at, "effect_rank").effect.to_numpy()
    np.testing.assert_allclose(shown, np.abs(bank.drop).ravel(), rtol=1e-4, atol=1e-6)
    assert np.abs(shown - effect.ravel()).max() > 1e-6


def test_a_sweep_pressed_while_it_runs_is_followed_not_started_again(app, tiny_gpt2, tiny_dirs):
    from core.ui.jobs import jobs

    lm = page_model(tiny_dirs)
    text = "The bank approved my loan"
    release, calls = threading.Event(), []

    def slow(job):
        calls.append(1)
        release.wait(30)
        return I.sweep(lm, text)

    at = app(ATTENTION, text=text)
    at.run()
    job, how = jobs().start((lm.name, text, None, "heads"), slow)  # meanwhile another visitor pressed it
    assert how == "started"
    threading.Timer(1.0, release.set).start()
    at.button(key="start_heads").click().run()
    no_errors(at)
    assert i18n.t("int.job.joined") in [m.value for m in at.info]
    assert calls == [1] and job.finished.is_set()
    assert any(m.label == i18n.t("int.ne.rho") for m in at.metric)


def test_block_page_knockout_sweep_and_patching(app, tiny_gpt2, tiny_dirs):
    before_hooks = hooks_on(page_model(tiny_dirs).model)
    at = app(BLOCK, text=TEXT, knock="true", part="attn:1", clean=CLEAN, corrupt=CORRUPT)
    at.run()
    no_errors(at)
    trace, knocked = run_trace(tiny_gpt2, TEXT), I.ablated_trace(tiny_gpt2, TEXT, [("attn", 1)])
    top = int(np.argmax(trace.next_token_logits))
    before, after = logit_attribution(tiny_gpt2, trace, top), logit_attribution(tiny_gpt2, knocked, top)
    rows = table_named(at, "value", "run")
    np.testing.assert_allclose(rows[rows.run == "after"].value.to_numpy(), after.values, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(rows[rows.run == "before"].value.to_numpy(), before.values, rtol=1e-5, atol=1e-6)
    assert after.values[before.names.index("attn 1")] == 0  # its own share is gone
    own = float(before.values[before.names.index("attn 1")])
    finding = i18n.t(
        "int.block.finding",
        part=i18n.t("int.part.attn", layer=1),
        direct=own,
        token=tiny_gpt2.display_tokens([top])[0],
        before=before.logit,
        after=after.logit,
        total=after.logit - before.logit,
        gone=-own,
        indirect=after.logit - before.logit + own,
    )
    assert finding in [m.value for m in at.markdown]

    at.button(key="start_layers").click().run()
    no_errors(at)
    sweep = I.sweep(tiny_gpt2, TEXT, kind="layers")
    np.testing.assert_allclose(table_named(at, "sublayer")["drop"].to_numpy(), sweep.drop.ravel(), atol=1e-5)

    at.button(key="start_grid").click().run()
    no_errors(at)
    grid = I.patch_grid(tiny_gpt2, CLEAN, CORRUPT)
    answers = I.default_answers(
        run_trace(tiny_gpt2, CLEAN).next_token_logits, run_trace(tiny_gpt2, CORRUPT).next_token_logits
    )
    shown = table_named(at, "restored").restored.to_numpy()
    np.testing.assert_allclose(shown, grid.restored(*answers).ravel(), rtol=1e-4, atol=1e-4)
    single = I.patch(tiny_gpt2, CLEAN, CORRUPT, ("resid", 1, 3), answers=answers)
    assert shown[1 * 16 + 3] == pytest.approx(single.restored, abs=1e-4)
    assert hooks_on(page_model(tiny_dirs).model) == before_hooks


def test_patching_prompts_of_unequal_length_get_a_message_in_korean(app, tiny_gpt2):
    corrupt = "The capital of the United Kingdom is"
    at = app(BLOCK, lang="ko", clean=CLEAN, corrupt=corrupt)
    at.run()
    no_errors(at)
    message = i18n.t(
        "int.error.unequal_lengths", "ko", clean=len(tiny_gpt2.encode(CLEAN)), corrupt=len(tiny_gpt2.encode(corrupt))
    )
    assert message in [w.value for w in at.warning]
    assert "start_grid" not in [b.key for b in at.button]


def last_token_after_each_block(model, ids: list[int], zero_positions: bool) -> np.ndarray:
    """[L, d] the last token's residual stream after each block of the tiny GPT-2, read by forward
    hooks on transformers' own blocks of a copy of the model whose position table (wpe) is all
    zeros or untouched — a reference that shares nothing with core.interventions."""
    import copy

    copy_ = copy.deepcopy(model).eval()
    if zero_positions:
        with torch.no_grad():
            copy_.transformer.wpe.weight.zero_()
    seen = []

    def keep(module, args, out):  # a block returns its hidden states [B, T, d] (alone or first of a tuple)
        seen.append((out[0] if isinstance(out, tuple) else out)[0, -1].double())

    handles = [block.register_forward_hook(keep) for block in copy_.transformer.h]
    try:
        with torch.no_grad():
            copy_(input_ids=torch.tensor([ids]), use_cache=False)
    finally:
        for h in handles:
            h.remove()
    return torch.stack(seen).numpy()


def test_positions_removed_on_the_positional_page(app, tiny_gpt2):
    # the same tokens in two orders, the same last token, and a different first one: keeping
    # position 0's vector would tell these two apart
    a, b = "dog,man,bit,on,time", "man,dog,bit,on,time"
    ids_a, ids_b = tiny_gpt2.encode(a), tiny_gpt2.encode(b)
    assert sorted(ids_a) == sorted(ids_b) and ids_a[-1] == ids_b[-1] and ids_a[0] != ids_b[0]
    at = app(POSITIONAL, order_a=a, order_b=b)
    at.run()
    no_errors(at)

    def difference(zero_positions: bool) -> np.ndarray:  # [L] |x_a − x_b| / |x_a| after each block
        xa, xb = (last_token_after_each_block(tiny_gpt2.model, ids, zero_positions) for ids in (ids_a, ids_b))
        return np.linalg.norm(xa - xb, axis=-1) / np.linalg.norm(xa, axis=-1)

    off, on = difference(True), difference(False)
    assert off[0] < 1e-5 < 1e-3 < on[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[i18n.t("int.pos.first_off")] == i18n.t("int.pos.difference", d=off[0])
    assert metrics[i18n.t("int.pos.first_on")] == i18n.t("int.pos.difference", d=on[0])
    rows = table_named(at, "positions")
    np.testing.assert_allclose(rows[rows.positions == "off"].difference.to_numpy(), off, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(rows[rows.positions == "on"].difference.to_numpy(), on, rtol=1e-4, atol=1e-6)
    at.text_input(key="order_b").set_value("man,dog,bit,on").run()  # another last token
    no_errors(at)
    assert says(at, "int.pos.not_same")


@pytest.mark.parametrize(
    "page, params, message",
    [
        (ATTENTION, {"text": TEXT, "knockout": "true", "head": "99", "layer": "-3"}, "param.invalid"),
        (ATTENTION, {"text": TEXT, "source": "999"}, "param.invalid"),
        (ATTENTION, {"text": TEXT, "target": "station on time"}, "int.error.not_one_token"),
        (ATTENTION, {"text": "a " * 2500}, "int.error.too_long"),
        (BLOCK, {"text": TEXT, "knock": "true", "part": "mlp:99", "how": "half"}, "param.invalid"),
        (BLOCK, {"text": "word " * 1000, "knock": "true"}, "int.error.too_long"),
        (BLOCK, {"clean": "", "corrupt": CORRUPT}, "prompt.empty"),
        (POSITIONAL, {"order_a": "x" * 5000, "order_b": ""}, "prompt.empty"),
    ],
)
def test_bad_input_gets_a_message_and_nothing_is_left_hooked(app, tiny_dirs, page, params, message):
    lm = page_model(tiny_dirs)
    before = hooks_on(lm.model)
    at = app(page, timeout=180, **params)
    at.run()
    no_errors(at)
    assert says(at, message), [m.value for m in (*at.warning, *at.info)]
    assert hooks_on(lm.model) == before

"""Attention core: one head recomputed from weights equals the model's own attentions."""

from __future__ import annotations

import numpy as np
import pytest

from core.attention import attention_steps, head_statistics
from core.models import load_lm
from core.trace import run_trace
from tests.helpers import sharpened

TEXT = "The train left the station on time"


def test_without_a_trace_attention_steps_runs_its_own_forward_pass(tiny_dirs):
    lm = sharpened(tiny_dirs["llama"])
    trace = run_trace(lm, TEXT)
    steps = attention_steps(lm, TEXT, lm.arch.n_layers - 1, 1)
    np.testing.assert_allclose(steps.weights, trace.attentions[-1, 1], atol=1e-4)
    assert steps.kv_head == 0  # 4 query heads share 2 key/value heads: heads 0 and 1 read kv head 0


def test_out_of_range_layer_is_refused(tiny_gpt2):
    with pytest.raises(ValueError):
        attention_steps(tiny_gpt2, TEXT, 99, 0)


def test_head_statistics_on_hand_made_attention():
    T = 4
    prev = np.zeros((T, T))
    prev[0, 0] = 1
    for i in range(1, T):
        prev[i, i - 1] = 1
    sink = np.zeros((T, T))
    sink[:, 0] = 1
    uniform = np.tril(np.ones((T, T))) / np.arange(1, T + 1)[:, None]
    att = np.stack([np.stack([prev, sink, uniform])])  # [1, 3, T, T]
    stats = head_statistics(att)
    np.testing.assert_allclose(stats["previous"][0], [1.0, 1 / 3, (1 / 2 + 1 / 3 + 1 / 4) / 3])
    np.testing.assert_allclose(stats["first"][0], [2 / 4, 1.0, (1 + 1 / 2 + 1 / 3 + 1 / 4) / 4])
    np.testing.assert_allclose(stats["entropy"][0], [0.0, 0.0, (0 + 1 + np.log2(3) + 2) / 4])


@pytest.mark.slow
def test_real_offline_model_matches():
    lm = load_lm("smollm2-135m")
    trace = run_trace(lm, "Data visualization empowers users to")
    for layer, head in [(0, 0), (7, 4), (29, 8)]:
        steps = attention_steps(lm, "", layer, head, trace=trace)
        np.testing.assert_allclose(steps.weights, trace.attentions[layer, head], atol=1e-4)


def test_page_runs_and_validates_layer(app):
    at = app("pages/3_Attention.py", layer="99", query="2")
    at.run()
    assert not at.exception
    assert any("99" in w.value for w in at.warning)  # tampered link: message, fallback
    at.selectbox(key="head").select(3)
    at.run()
    assert not at.exception
    assert "head 3" in " ".join(h.value for h in at.header)


def test_page_in_korean_with_long_prompt(app):
    at = app("pages/3_Attention.py", lang="ko", text="The train left the station on time " * 5)
    at.run()
    assert not at.exception
    assert any("격자" in i.value for i in at.info)  # grid cap is said, in Korean

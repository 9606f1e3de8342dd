"""Every page runs without an exception, in English and Korean, on the tiny model."""

import re
from pathlib import Path

import numpy as np
import pytest
import torch

from core import i18n, models
from core.tokens import display_tokens
from tests.helpers import chart_tables

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["Home.py"] + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path", PAGES)
def test_page_runs_without_exception(app, path, lang):
    at = app(path, timeout=180, lang=lang)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title, "every page has a title"
    assert at.title[0].value in {v for v in i18n.catalogs()[lang].values()}


def test_home_shows_facts_map_and_next_tokens(app, tiny_gpt2):
    at = app("Home.py")
    at.run()
    facts = at.table[0].value
    values = dict(zip(facts.iloc[:, 0], facts.iloc[:, 1]))
    assert values[i18n.t("fact.params")] == f"{tiny_gpt2.n_params:,}"
    assert values[i18n.t("fact.layers")] == str(tiny_gpt2.model.config.n_layer)
    assert values[i18n.t("fact.heads")] == str(tiny_gpt2.model.config.n_head)
    assert_map_has_the_models_sizes(at, tiny_gpt2)
    # the demo: the ten most likely next tokens, softmax over the model's own logits
    [top] = chart_tables(at)
    ids = tiny_gpt2.tokenizer(i18n.t("home.demo_default"), add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        logits = tiny_gpt2.model(input_ids=torch.tensor([ids])).logits[0, -1]
    probs = torch.softmax(logits.double(), dim=-1)
    want = torch.topk(probs, 10)
    assert top["rank"].tolist() == list(range(1, 11))
    assert top["token_id"].tolist() == want.indices.tolist()
    assert top["token"].tolist() == display_tokens(tiny_gpt2.tokenizer, want.indices.tolist())
    np.testing.assert_allclose(top["probability"], want.values.numpy(), rtol=1e-5, atol=0)


def assert_map_has_the_models_sizes(at, lm) -> None:
    """The Graphviz map: each stage's label carries the sizes read off the model's config,
    the nodes link to their pages, and the edges follow the forward pass."""
    chart, tree = at.get("graphviz_chart")  # the map, then the 2017 Transformer's family tree
    assert i18n.t("arch.box.cross_attention") in tree.proto.spec
    dot = chart.proto.spec
    cfg = lm.model.config
    v, d, L, H, ctx = cfg.vocab_size, cfg.n_embd, cfg.n_layer, cfg.n_head, cfg.n_positions
    mlp = cfg.n_inner or 4 * d

    def t(stage):
        return i18n.t(f"home.stage.{stage}")

    want = {
        "text": t("text"),
        "tokens": f"{t('tokens')}\\n(BPE, {v:,})",
        "embed": f"{t('embed')}\\n[{v:,} × {d}]",
        "position": f"{t('position')}\\n[{ctx} × {d}]",
        "block": f"{L} × {t('block')}\\n{t('attention')} ({H} × {d // H})\\n"
        f"+ {t('mlp')} ({d} → {mlp} → {d})\\n{t('norm').format(norm='LayerNorm')}",
        "unembed": f"{t('unembed')}\\n[{d} → {v:,}]",
        "softmax": t("softmax"),
        "next": t("next"),
    }
    nodes = dict(re.findall(r'^(\w+) \[label="([^"]*)"', dot, flags=re.M))
    assert nodes == want
    links = dict(re.findall(r'^(\w+) \[label="[^"]*", URL="([^"?]*)\?', dot, flags=re.M))
    assert links == {
        "tokens": "Embeddings",
        "embed": "Embeddings",
        "position": "Positional_Encoding",
        "block": "Transformer_Block",
        "unembed": "Sampling",
        "softmax": "Sampling",
        "next": "Sampling",
    }
    edges = [line for line in dot.splitlines() if "->" in line]
    assert edges == [
        "text -> tokens -> embed -> block -> unembed -> softmax -> next;",
        'position -> embed [label="+"];',
    ]  # learned positions are added


def test_home_in_korean(app):
    at = app("Home.py", lang="ko")
    at.run()
    assert at.title[0].value == i18n.t("home.heading", "ko")
    assert at.header[0].value == i18n.t("home.map", "ko")


def test_empty_and_hostile_prompts_get_messages_not_tracebacks(app, tiny_gpt2):
    tiny_gpt2_context = tiny_gpt2.arch.context_length  # the cap that applies to the tiny model
    at = app("Home.py")
    at.run()
    for text in ["", "   ", "😀" * 50, "안녕하세요 " * 200, "\x00\x07\u202e", "a" * 5000]:
        at.text_input(key="prompt").set_value(text).run()
        assert not at.exception, text
    at.text_input(key="prompt").set_value("").run()
    assert [m.value for m in at.info] == [i18n.t("prompt.empty")]
    at.text_input(key="prompt").set_value("word " * 400).run()
    assert any(str(tiny_gpt2_context) in w.value for w in at.warning)


def test_tampered_url_parameters_get_a_message(app):
    at = app("Home.py", model="../../etc/passwd", lang="zz")
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "passwd" in warnings and "zz" in warnings
    assert at.sidebar.selectbox(key="model").value == models.configured_default()


@pytest.mark.slow
def test_unreachable_hub_falls_back_to_the_offline_default(app, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # GPT-2 is not cached here
    at = app("Home.py", model="gpt2")
    at.run()
    assert not at.exception
    assert any("SmolLM2" in w.value and "prefetch" in w.value for w in at.warning)
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert models.DISPLAY_NAMES[models.OFFLINE_DEFAULT] in captions

"""Korean as a subject: the same sentence in Korean, English and French through the loaded
model's tokenizer (every tiny family, and GPT-2's real tokenizer for the published ratio),
Kiwi's morphemes, and what the extra tokens cost. References: the tokenizer called directly
(not through core), UTF-8 counted by Python, Kiwi called directly."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import torch

from core import i18n
from core.korean_tokens import (
    DEFAULT_SENTENCES,
    EXAMPLE_PRICE_PER_MILLION,
    MAX_CHARS,
    PUBLISHED,
    costs,
    decoding_step_seconds,
    hangul_coverage,
    morphemes,
    tokenize_languages,
)
from tests.tiny_models import GPT2_TOKENIZER_DIR, real_gpt2_tokenizer

FAMILIES = ["tiny_gpt2", "tiny_llama", "tiny_neox"]
PAGE = "pages/1_Embeddings.py"


def reference_ids(lm, text):
    """The tokenizer itself, called as transformers documents it."""
    return lm.tokenizer(text, add_special_tokens=False)["input_ids"]


@pytest.mark.parametrize("fixture", FAMILIES)
def test_every_family_counts_tokens_as_its_own_tokenizer_does(request, fixture):
    lm = request.getfixturevalue(fixture)
    rows = tokenize_languages(lm, DEFAULT_SENTENCES)
    assert set(rows) == {"ko", "en", "fr"}
    english = len(reference_ids(lm, DEFAULT_SENTENCES["en"]))
    for lang, text in DEFAULT_SENTENCES.items():
        ids = reference_ids(lm, text)
        row = rows[lang]
        assert row.token_ids == ids
        assert row.n_bytes == len(text.encode("utf-8"))
        assert row.per_char == pytest.approx(len(ids) / len(text))
        assert row.ratio == pytest.approx(len(ids) / english)
        assert len(row.tokens) == len(ids)
        assert lm.tokenizer.decode(ids) == text  # byte-level BPE: nothing lost
    # a Hangul syllable is 3 bytes: the Korean sentence has more bytes than characters
    ko = rows["ko"]
    hangul = sum("가" <= c <= "힣" for c in ko.text)
    assert ko.n_bytes == len(ko.text) + 2 * hangul


@pytest.mark.parametrize("fixture", FAMILIES)
def test_syllables_held_whole_are_single_tokens_of_the_vocabulary(request, fixture):
    lm = request.getfixturevalue(fixture)
    cover = hangul_coverage(lm, DEFAULT_SENTENCES["ko"])
    expected = list(dict.fromkeys(c for c in DEFAULT_SENTENCES["ko"] if "가" <= c <= "힣"))
    assert cover.syllables == expected
    assert cover.whole == [s for s in expected if len(reference_ids(lm, s)) == 1]


def test_a_vocabulary_that_learned_korean_holds_its_syllables_whole():
    """A byte-level BPE trained on Korean merges its frequent syllables into single tokens: those
    are 'whole', the syllables it never saw are byte pieces (and Korean then costs fewer tokens)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    from core.models import wrap

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(
        list("날씨가좋다어제는공원") * 50,  # syllables seen alone: merged whole
        trainers.BpeTrainer(vocab_size=400, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()),
    )
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok)
    lm = wrap(
        GPT2LMHeadModel(
            GPT2Config(vocab_size=len(tokenizer), n_embd=8, n_layer=1, n_head=1, bos_token_id=None, eos_token_id=None)
        ),
        tokenizer,
        "korean-bpe",
        "Korean BPE",
        "local-dir",
    )
    cover = hangul_coverage(lm, "날씨 훈민정음")
    assert "날" in cover.whole and "씨" in cover.whole
    assert not {"훈", "민", "정", "음"} & set(cover.whole)
    assert cover.tokens_each["훈"] == 3  # three UTF-8 bytes, none merged


def gpt2_folder() -> Path:
    """GPT-2's BPE files: beside the project, or beside the worktrees that hold it."""
    here = Path(__file__).resolve()
    for folder in (GPT2_TOKENIZER_DIR, here.parents[3] / "shared" / "gpt2-tokenizer"):
        if (folder / "vocab.json").exists():
            return folder
    pytest.fail(f"GPT-2's tokenizer files are missing: {GPT2_TOKENIZER_DIR}")


@pytest.fixture(scope="module")
def gpt2_real():
    """GPT-2's real tokenizer on a tiny model (the ratio needs only the tokenizer)."""
    from transformers import GPT2Config, GPT2LMHeadModel

    from core.models import wrap

    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(n_embd=16, n_layer=1, n_head=2, n_positions=1024))
    return wrap(model, real_gpt2_tokenizer(gpt2_folder()), "gpt2", "GPT-2 small", "local-dir")


def test_gpt2s_tokenizer_gives_near_the_published_ratio_on_the_default_sentences(gpt2_real):
    rows = tokenize_languages(gpt2_real, DEFAULT_SENTENCES)
    tok = gpt2_real.tokenizer
    n = {lang: len(tok(text)["input_ids"]) for lang, text in DEFAULT_SENTENCES.items()}
    assert rows["ko"].ratio == pytest.approx(n["ko"] / n["en"])
    # Petrov et al.: ≈5× Korean, ≈2× French with GPT-2's tokenizer; one sentence lands near it
    assert 0.7 * PUBLISHED["ko"] < rows["ko"].ratio < 1.3 * PUBLISHED["ko"]
    assert 0.7 * PUBLISHED["fr"] < rows["fr"].ratio < 1.3 * PUBLISHED["fr"]
    # most Korean tokens are byte pieces of a syllable, not whole characters
    pieces = [t for t in tok.convert_ids_to_tokens(tok(DEFAULT_SENTENCES["ko"])["input_ids"])]
    assert rows["ko"].fragments > len(pieces) / 2
    cover = hangul_coverage(gpt2_real, DEFAULT_SENTENCES["ko"])
    assert cover.whole == [s for s in cover.syllables if len(tok(s)["input_ids"]) == 1]


def test_empty_boxes_and_long_text():
    class Counting:  # encode = one token per character: enough to check empties and the cap
        def encode(self, text):
            return [ord(c) for c in text]

        def display_tokens(self, ids):
            return [chr(i) for i in ids]

        def token_bytes(self, i):
            return chr(i).encode("utf-8")

    rows = tokenize_languages(Counting(), {"ko": "가" * 1000, "en": "", "fr": "  "})
    assert set(rows) == {"ko"}
    assert rows["ko"].n_tokens == MAX_CHARS and rows["ko"].ratio is None


def test_kiwi_splits_korean_into_morphemes_offline():
    """Kiwi's model ships in kiwipiepy_model: no network. The morphemes are the ones a Korean
    grammar lesson gives for this sentence (noun + particle, stem + ending), written out here."""
    got = morphemes(DEFAULT_SENTENCES["ko"])
    assert got[:6] == [("어제", "NNG"), ("는", "JX"), ("날씨", "NNG"), ("가", "JKS"), ("좋", "VA"), ("어서", "EC")]
    assert ("공원", "NNG") in got and ("에서", "JKB") in got and ("습니다", "EF") in got
    assert "".join(form for form, _ in got[:4]) == "어제는날씨가"


def test_costs_follow_the_token_counts():
    rows = {lang: SimpleNamespace(lang=lang, n_tokens=n) for lang, n in (("ko", 90), ("en", 20))}
    ko, en = costs(rows, context_length=1024, step_seconds=0.01)
    assert ko.context_share == pytest.approx(90 / 1024) and ko.fits == 11 and en.fits == 51
    assert ko.seconds == pytest.approx(0.9)
    assert ko.price_per_thousand == pytest.approx(1000 * 90 * EXAMPLE_PRICE_PER_MILLION / 1e6)


@pytest.mark.parametrize("fixture", FAMILIES)
def test_a_decoding_step_is_timed_on_the_model(request, fixture):
    lm = request.getfixturevalue(fixture)
    ids = reference_ids(lm, DEFAULT_SENTENCES["ko"])
    step = decoding_step_seconds(lm, ids, repeats=3)
    assert 0 < step < 5


# --------------------------------------------------------------------------- the page


def test_page_shows_the_three_languages_in_both_ui_languages(app, tiny_gpt2):
    for lang in ("en", "ko"):
        at = app(PAGE, lang=lang)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        boxes = {b.key: b.value for b in at.text_area}
        assert {k: boxes[k] for k in ("ko", "en", "fr")} == DEFAULT_SENTENCES
        n = {k: len(reference_ids(tiny_gpt2, v)) for k, v in DEFAULT_SENTENCES.items()}
        said = i18n.t("embeddings.korean_here", lang, ko=n["ko"] / n["en"], fr=n["fr"] / n["en"])
        assert said in [m.value for m in at.markdown], lang
        table = next(d.value for d in at.dataframe if i18n.t("embeddings.kcol.ratio", lang) in d.value.columns)
        assert list(table[i18n.t("embeddings.kcol.tokens", lang)]) == [n["ko"], n["en"], n["fr"]]
        row = i18n.t("embeddings.kcol.morpheme", lang)
        morpheme_table = next(d.value for d in at.dataframe if row in d.value.index)
        assert list(morpheme_table.loc[row])[:4] == ["어제", "는", "날씨", "가"]


def test_page_without_english_asks_for_it_and_caps_long_text(app):
    at = app(PAGE, lang="ko", en="", ko="가" * 1000)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert i18n.t("embeddings.korean_need", "ko") in [i.value for i in at.info]
    assert i18n.t("param.shortened", "ko", name="ko", n=MAX_CHARS) in [i.value for i in at.info]


@pytest.mark.parametrize("family", ["llama", "gpt_neox"])
def test_page_section_works_for_the_other_families(app, tiny_dirs, monkeypatch, family):
    from core.models import load_lm

    monkeypatch.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs[family]))
    at = app(PAGE, lang="ko")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    lm = load_lm(str(tiny_dirs[family]))
    n = {k: len(reference_ids(lm, v)) for k, v in DEFAULT_SENTENCES.items()}
    said = i18n.t("embeddings.korean_here", "ko", ko=n["ko"] / n["en"], fr=n["fr"] / n["en"])
    assert said in [m.value for m in at.markdown]
    context = i18n.t(
        "embeddings.korean_context",
        "ko",
        name=lm.display_name,
        ctx=lm.arch.context_length,
        ko_share=n["ko"] / lm.arch.context_length,
        ko_fits=lm.arch.context_length // n["ko"],
        en_share=n["en"] / lm.arch.context_length,
        en_fits=lm.arch.context_length // n["en"],
    )
    assert context in [m.value for m in at.markdown]


def test_page_without_kiwi_says_why_and_shows_the_rest(app, monkeypatch):
    from core import korean_tokens
    from core.ui.sections import embeddings as section

    def unavailable(text):
        raise korean_tokens.MorphemesUnavailable("kiwipiepy is not installed (test)")

    monkeypatch.setattr(korean_tokens, "morphemes", unavailable)
    section._kiwi_ready.clear()
    try:
        at = app(PAGE)
        at.run()
    finally:
        section._kiwi_ready.clear()
    assert not at.exception, [e.message for e in at.exception]
    assert i18n.t("embeddings.kiwi_missing", reason="kiwipiepy is not installed (test)") in [i.value for i in at.info]
    assert any(m.value.startswith("**Context length.**") for m in at.markdown)

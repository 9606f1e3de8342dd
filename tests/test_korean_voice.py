"""One voice in Korean: the glossary's terms, one speech level, particles that fit any
inserted word, and the same placeholders as the English.

Plain dicts only: nothing here imports torch.
"""

import re
import string

import pytest

from core import i18n
from core.strings import attention as attention_strings
from core.strings import glossary

# The glossary's Korean term for a concept, and the forms of it that must not appear in any
# Korean string (regular expressions). Keep this table small and explicit.
BANNED = {
    "self_attention": [r"자기 ?주의", r"셀프어텐션"],
    "masked_self_attention": [r"마스크드"],
    "cross_attention": [r"교차 ?어텐션"],
    "attention_score": [r"어텐션 점수"],
    "attention_map": [r"어텐션 지도"],
    "query": [r"질의", r"쿼리(?! 어텐션)"],  # 그룹 쿼리 어텐션 is GQA's established name
    "grouped_query_attention": [r"그룹 ?Query ?어텐션"],
    "key": [r"(?<![가-힣])키(?:[와를는의가로도/( ]|$)"],
    "value": [r"밸류", r"값 벡터", r"키/값"],
    "softmax": [r"소프트 맥스"],
    "residual_stream": [r"잔차 흐름"],
    "layer": [r"레이어(?! 정규화)"],
    "layer_norm": [r"(?<![가-힣])층 정규화", r"계층 정규화"],
    "greedy_decoding": [r"탐욕", r"그리디(?! 디코딩)"],
    "beam_search": [r"빔 ?탐색"],
    "top_p": [r"뉴클리어스", r"핵 샘플링"],
    "sequence": [r"수열"],
    "context_vector": [r"문맥 벡터"],
    "gradient": [r"그래디언트", r"그레이디언트"],
    "teacher_forcing": [r"티처 ?포싱"],
    "dot_product": [r"닷 ?프로덕트"],
    "width": [r"(?<![가-힣])폭(?:[과이을의]|(?![가-힣]))"],
    "plain_seq2seq": [
        r"기본 디코더",
        r"기본 LSTM",
        r"기본 모델의 디코더",
        r"기본 \{plain",
        r"LSTM: \{plain",
        r"컨텍스트 벡터 하나만 보는 LSTM",
    ],
    # a sublayer is 부분층; 대부분, 부분 번역 (beam search's partial hypotheses), 부분 회전 are other words
    "sublayer": [r"(?<![대])부분(?!층| 번역| 회전)"],
    "previous_token_head": [r"앞 토큰을 보는 헤드", r"직전 토큰 헤드"],
    "first_token_head": [r"첫 토큰을 보는 헤드"],
    "spread_head": [r"(?:넓게|고르게) 퍼져 보는 헤드", r"넓게 퍼진 헤드"],
    "add_norm": [r"Add & Norm(?!:)"],  # the English name only as a gloss: 더하기·정규화(Add & Norm: …)
}

# Phrases a Korean reader stumbles on, each once found in the catalog.
AWKWARD = [
    r"지난 블록",  # “after block” read as “the previous block”
    r"두 절반",  # “its two halves”: say what they are
    r"\((?:와|과|을|를|은|는) ",  # “β (와 편향)”: a particle inside a bracket
    r"”, 모델은",  # the token-count question's dangling clause
]

# A one-form particle right after a placeholder (after any closing quote or Markdown mark):
# `{x}을` is wrong for a word ending in a vowel, so write `{x}을(를)`.
ONE_FORM_PARTICLE = re.compile(
    r"^[”’\"'*`]*(?:을|를|은|는|이|가|와|과|으로|로)(?=[\s.,;:!?)\]”’\"'…—–-]|$)"
    r"|^[”’\"'*`]*(?:와의|과의|으로부터|로부터|으로서|로서)"
)

# Sentence endings outside 합니다체: 해요체 (…해요. …이에요. …예요. …죠.) and 해라체
# (…한다. …이다. …했다.). A sentence ends at . or ! , a closing parenthesis or the end of the
# string. Polite requests (…하세요., …보세요.), the usual way Korean teaching text and UIs
# give instructions next to 합니다체 statements, and nouns ending in 요 (필요, 중요 …) pass.
CASUAL_ENDING = re.compile(r"(?<=[가-힣])(?:(?<![세필중개주])요|죠|(?<![니시])다)(?=[.!)]|$)")

CODE_OR_MATH = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", re.S)


def korean() -> dict[str, str]:
    return i18n.catalogs()["ko"]


def fields(text: str) -> set[tuple[str, str, str | None]]:
    """Each {placeholder} as (name, format spec, conversion)."""
    return {(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(text) if name is not None}


def prose(text: str) -> str:
    """The text without `code` and $LaTeX$."""
    return CODE_OR_MATH.sub(" ", text)


KO_KEYS = sorted(i18n.catalogs()["ko"])


@pytest.mark.parametrize("key", KO_KEYS)
def test_korean_placeholders_match_english_with_format_specs(key):
    en, ko = i18n.catalogs()["en"][key], korean()[key]
    assert fields(ko) == fields(en), key


def test_no_english_softmax_in_korean_text():
    bad = {k: v for k, v in korean().items() if re.search(r"softmax", prose(v), re.I)}
    assert not bad, f"write 소프트맥스: {bad}"


def test_cautions_are_not_labelled_with_the_word_for_attention():
    """주의: reads as “Attention:” on a page about attention."""
    assert attention_strings.KO.keys() <= korean().keys()
    bad = {k: v for k, v in korean().items() if re.search(r"주의\s*(?:\*\*)?\s*[:：]", v)}
    assert not bad, bad
    assert not re.search(r"주의", attention_strings.KO["attention.caution"])


def test_particles_after_placeholders_fit_any_word():
    bad = {}
    for key, text in korean().items():
        parts = list(string.Formatter().parse(text))
        for (_, name, _, _), (after, _, _, _) in zip(parts, parts[1:]):
            if name is not None and ONE_FORM_PARTICLE.match(after):
                bad[key] = f"{{{name}}}{after[:12]}"
    assert not bad, f"write 을(를), 은(는), 이(가), 와(과), (으)로: {bad}"


def test_sentences_end_in_hamnida_style():
    bad = {}
    for key, text in korean().items():
        found = [prose(text)[max(0, m.start() - 8) : m.end() + 1] for m in CASUAL_ENDING.finditer(prose(text))]
        if found:
            bad[key] = found
    assert not bad, f"end sentences in 합니다체: {bad}"


# 합쇼체 imperatives and suggestions (고르십시오, 확인하시오, 봅시다): every instruction in the app
# says -세요 (고르세요, 확인하세요), the register a Korean lecturer uses to a class.
HAPSYO_IMPERATIVE = re.compile(r"[가-힣]?시오(?![가-힣])|(?:[가-힣])시다(?![가-힣])")


def is_hapsyo_imperative(match: str) -> bool:
    if match.endswith("시오"):
        return True
    before = match[0]  # …ㅂ시다 (봅시다, 합시다, 고릅시다): the syllable before 시다 ends in ㅂ
    return (ord(before) - ord("가")) % 28 == 17


@pytest.mark.parametrize(
    "text, imperative",
    [
        ("답을 고르십시오.", True),
        ("다시 확인하시오", True),
        ("함께 봅시다.", True),
        ("답을 고르세요.", False),
        ("이것은 벡터입니다.", False),
        ("이 옵시다", True),
    ],
)
def test_hapsyo_imperative_detector(text, imperative):
    assert any(is_hapsyo_imperative(m.group(0)) for m in HAPSYO_IMPERATIVE.finditer(text)) is imperative


def test_instructions_say_seyo_not_hapsyo():
    bad = {
        k: m.group(0)
        for k, v in korean().items()
        for m in HAPSYO_IMPERATIVE.finditer(prose(v))
        if is_hapsyo_imperative(m.group(0))
    }
    assert not bad, f"write -세요 (고르세요, 확인하세요): {bad}"


@pytest.mark.parametrize("concept", sorted(BANNED))
def test_glossary_terms_are_used_and_their_alternatives_are_not(concept):
    term = glossary.KO[f"glossary.{concept}"]
    bad = {
        k: m.group(0)
        for k, v in korean().items()
        if not k.startswith("glossary.")
        for pattern in BANNED[concept]
        if (m := re.search(pattern, prose(v)))
    }
    assert not bad, f"{concept}: write {term!r}, not {bad}"
    head = re.sub(r"\(.*\)$", "", term)  # "레이어 정규화(LayerNorm)" is used as "레이어 정규화"
    users = [k for k, v in korean().items() if head in v and not k.startswith("glossary.")]
    assert users, f"{concept}: the glossary term {head!r} is used nowhere"


def test_no_awkward_phrases():
    bad = {k: m.group(0) for k, v in korean().items() for p in AWKWARD if (m := re.search(p, v))}
    assert not bad, bad


def test_glossary_covers_both_languages():
    assert glossary.EN.keys() == glossary.KO.keys()
    assert all(k.startswith("glossary.") for k in glossary.EN)
    assert {f"glossary.{c}" for c in BANNED} <= glossary.KO.keys()


def test_layer_numbers_and_token_ids_read_one_way():
    """Layer 0 is “0번 층”, never “0층” (a ground floor); a token's id is “토큰 ID” throughout."""
    for key, text in korean().items():
        assert not re.search(r"\}층|(?<!\d)0층", text), (key, text)  # “2층 신경망” (two layers) is fine
        assert "토큰 id" not in text, (key, text)


def test_default_model_means_only_the_default_model():
    """“기본 모델” is the app's default model; the LSTM without attention is the glossary's
    “컨텍스트 벡터 모델” everywhere on the translation page."""
    assert glossary.KO["glossary.default_model"] == "기본 모델"
    for key, text in korean().items():
        if key.startswith("rnn."):
            assert "기본 모델" not in text, (key, text)
    assert korean()["rnn.model.plain"].startswith(glossary.KO["glossary.plain_seq2seq"])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_head_kinds_are_named_alike_on_the_attention_page_and_in_the_quiz(lang):
    """The quiz's three head kinds (“이전 토큰 헤드: …”) are the names the Attention page's grid
    caption tells the reader to look for, and the glossary's."""
    caption = i18n.catalogs()[lang]["attention.grid_caption"]
    for kind, concept in (
        ("previous", "previous_token_head"),
        ("first", "first_token_head"),
        ("spread", "spread_head"),
    ):
        name = i18n.catalogs()[lang][f"quiz.option.head.{kind}"].split(":")[0]
        name = re.sub(r"^an? ", "", name)
        assert name.removesuffix(" head") in caption, (lang, name)
        if lang == "ko":
            assert name == glossary.KO[f"glossary.{concept}"]

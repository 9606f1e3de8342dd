"""Korean particles fit the word actually filled in: `t()` turns the catalog's 은(는), 이(가),
을(를), 와(과), (으)로 and (이) into the one form the word before it takes.

The expected forms below are Korean grammar written out by hand (a native speaker's reading of
each word), not values taken from the code.
"""

import re
import string

import pytest

from core import i18n
from core.i18n import final_sound, particles

# A pair that survived: what a reader must never see.
PAIR = re.compile(r"은\(는\)|는\(은\)|이\(가\)|가\(이\)|을\(를\)|를\(을\)|와\(과\)|과\(와\)|\(으\)로|\(이\)")


@pytest.mark.parametrize(
    "word, topic, subject, object_, with_, toward",
    [
        # Hangul: 받침, no 받침, ㄹ 받침 (로 after ㄹ)
        ("책", "책은", "책이", "책을", "책과", "책으로"),
        ("사과", "사과는", "사과가", "사과를", "사과와", "사과로"),
        ("서울", "서울은", "서울이", "서울을", "서울과", "서울로"),
        ("토큰", "토큰은", "토큰이", "토큰을", "토큰과", "토큰으로"),
        # digits read as Korean numbers
        ("1", "1은", "1이", "1을", "1과", "1로"),  # 일
        ("2", "2는", "2가", "2를", "2와", "2로"),  # 이
        ("3", "3은", "3이", "3을", "3과", "3으로"),  # 삼
        ("6", "6은", "6이", "6을", "6과", "6으로"),  # 육
        ("7", "7은", "7이", "7을", "7과", "7로"),  # 칠
        ("10", "10은", "10이", "10을", "10과", "10으로"),  # 십
        ("768", "768은", "768이", "768을", "768과", "768로"),  # 칠백육십팔
        ("1,024", "1,024는", "1,024가", "1,024를", "1,024와", "1,024로"),
        ("2000", "2000은", "2000이", "2000을", "2000과", "2000으로"),  # 이천
        ("619.25", "619.25는", "619.25가", "619.25를", "619.25와", "619.25로"),  # …점 이오
        ("0.10", "0.10은", "0.10이", "0.10을", "0.10과", "0.10으로"),  # …점 일영
        ("12.5%", "12.5%는", "12.5%가", "12.5%를", "12.5%와", "12.5%로"),  # 퍼센트
        # English by its Korean reading
        ("RMSNorm", "RMSNorm은", "RMSNorm이", "RMSNorm을", "RMSNorm과", "RMSNorm으로"),  # 놈
        ("LayerNorm", "LayerNorm은", "LayerNorm이", "LayerNorm을", "LayerNorm과", "LayerNorm으로"),
        ("king", "king은", "king이", "king을", "king과", "king으로"),  # 킹
        ("model", "model은", "model이", "model을", "model과", "model로"),  # 모델
        ("game", "game은", "game이", "game을", "game과", "game으로"),  # 게임
        ("play", "play는", "play가", "play를", "play와", "play로"),  # 플레이
        ("orange", "orange는", "orange가", "orange를", "orange와", "orange로"),  # 오렌지
        ("GELU", "GELU는", "GELU가", "GELU를", "GELU와", "GELU로"),  # 겔루 / 유
        ("MLP", "MLP는", "MLP가", "MLP를", "MLP와", "MLP로"),  # 피
        ("GQA", "GQA는", "GQA가", "GQA를", "GQA와", "GQA로"),  # 에이
        ("RNN", "RNN은", "RNN이", "RNN을", "RNN과", "RNN으로"),  # 엔
        ("GPT-2", "GPT-2는", "GPT-2가", "GPT-2를", "GPT-2와", "GPT-2로"),  # 투 / 이
        # quotes and Markdown around the word do not count
        ("“bank”", "“bank”는", "“bank”가", "“bank”를", "“bank”와", "“bank”로"),  # 뱅크
        ("**집**", "**집**은", "**집**이", "**집**을", "**집**과", "**집**으로"),
    ],
)
def test_each_particle_follows_the_words_last_sound(word, topic, subject, object_, with_, toward):
    assert particles(f"{word}은(는)") == topic
    assert particles(f"{word}이(가)") == subject
    assert particles(f"{word}을(를)") == object_
    assert particles(f"{word}와(과)") == with_
    assert particles(f"{word}(으)로") == toward


def test_copula_and_particles_in_running_text():
    assert particles("LayerNorm(이)라는 정규화") == "LayerNorm이라는 정규화"
    assert particles("GELU(이)라는 함수") == "GELU라는 함수"
    assert particles("A은(는) B와(과) 함께 C(으)로 갑니다") == "A는 B와 함께 C로 갑니다"
    assert particles("괄호(설명)와 본문") == "괄호(설명)와 본문"  # nothing to choose: untouched


def test_a_bracketed_aside_is_skipped_as_korean_does():
    """The particle after a bracket fits the word before it: “king”(12%)과, 사과(apple)와."""
    assert particles("“king”(12.5% → 3.1%)(으)로") == "“king”(12.5% → 3.1%)으로"
    assert particles("“사과”(12.5%)(으)로") == "“사과”(12.5%)로"
    assert particles("사과(apple)와(과)") == "사과(apple)와"
    assert particles("GPT-2 (small)은(는)") == "GPT-2 (small)는"


@pytest.mark.parametrize(
    "word, sound",
    [
        ("집", "other"),
        ("나무", "none"),
        ("물", "rieul"),
        ("8", "rieul"),
        ("100", "other"),
        ("MLP", "none"),
        ("ALL", "rieul"),
        ("→", "none"),
    ],
)
def test_final_sound(word, sound):
    assert final_sound(word) == sound


def sample_values(text: str, word: str, number: float) -> dict:
    """Every placeholder of `text` filled: `word` where any value fits, `number` where the
    format spec needs one."""
    values = {}
    for _, name, spec, _ in string.Formatter().parse(text):
        if name is None:
            continue
        root = re.split(r"[.\[]", name)[0]
        try:
            format(number, spec or "")
            values[root] = number if spec else word
        except ValueError:
            values[root] = int(number) if spec else word
    return values


KO_KEYS = sorted(i18n.catalogs()["ko"])


@pytest.mark.parametrize("key", KO_KEYS)
def test_no_particle_pair_reaches_the_reader(key):
    """Every Korean string, filled with a vowel-final word and number (사과, 2) and with a
    받침-final one (책, 3): no pair is left, and the form after each sample is the right one."""
    text = i18n.catalogs()["ko"][key]
    for word, number, wrong in (
        ("사과", 2.0, r"사과(?:은|이|을|과|으로)|2(?:은|이|을|과|으로)"),
        ("책", 3.0, r"책(?:는|가|를|와|로)|3(?:는|가|를|와|로)(?![가-힣])"),
    ):
        shown = i18n.t(key, "ko", **sample_values(text, word, number))
        assert not PAIR.search(shown), (key, shown)
        assert not re.search(f"(?:{wrong})" + r"(?=[\s.,;:!?)\]”’\"'*…]|$)", shown), (key, shown)


def test_english_is_left_alone():
    assert i18n.t("class.result_right", "en", choice="A") == i18n.catalogs()["en"]["class.result_right"].format(
        choice="A"
    )

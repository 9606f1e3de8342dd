import re
import string

import pytest

from core import i18n


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogs_have_the_same_keys():
    cats = i18n.catalogs()
    assert cats["en"].keys() == cats["ko"].keys()
    assert len(cats["en"]) > 50


@pytest.mark.parametrize("key", sorted(i18n.catalogs()["en"]))
def test_placeholders_match_and_strings_are_not_empty(key):
    en, ko = i18n.catalogs()["en"][key], i18n.catalogs()["ko"][key]
    assert en.strip() and ko.strip()
    assert placeholders(en) == placeholders(ko), key


def test_korean_catalog_is_korean():
    """Most Korean strings contain Hangul; a catalog copied from English would not."""
    ko = i18n.catalogs()["ko"]
    hangul = [k for k, v in ko.items() if re.search("[가-힣]", v)]
    assert len(hangul) / len(ko) > 0.8


def test_t_fills_values_and_falls_back_to_english_for_unknown_languages():
    assert i18n.t("prompt.truncated", "en", n=3, total=9) != i18n.t("prompt.truncated", "ko", n=3, total=9)
    assert "9" in i18n.t("prompt.truncated", "ko", n=3, total=9)
    assert i18n.t("nav.home", "xx") == i18n.t("nav.home", "en")
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "en")


@pytest.mark.parametrize(
    "locale, lang", [("ko-KR", "ko"), ("ko", "ko"), ("en-US", "en"), ("fr-FR", "en"), (None, "en"), ("", "en")]
)
def test_language_follows_the_browser_locale(locale, lang):
    assert i18n.language_from_locale(locale) == lang

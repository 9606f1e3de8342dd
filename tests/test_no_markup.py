"""User text is never markup (issue 28, item 6). Every text box and every URL parameter of every
page gets Markdown and HTML that would fetch an image, open a link, run a script or turn bold;
every string the page hands Streamlit to render as Markdown (markdown, captions, alerts, titles,
widget and button labels, radio options, tab and expander labels) is then rendered with a
CommonMark parser (markdown-it, raw HTML on: stricter than Streamlit) and must hold no image, no
link to the payload's addresses, no raw HTML, and no bold or italic "b".

The escaping itself (core.i18n.escape, and `t` escaping every string value) is checked here
against the same parser; the Chromium test (tests/browser/test_no_markup_in_chromium.py) checks
what a browser shows and that no request leaves for the payload."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from core import i18n
from tests.helpers import bound_tabs, url_widget_keys

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["Home.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))

PIECES = ["![x](http://127.0.0.1:9/x.png)", "**b**", "<img src=x onerror=alert(1)>", "[l](javascript:alert(1))"]
PAYLOAD = ", ".join(PIECES)

# the translators' own special words, which the catalog and their output name as they are
SPECIAL_TOKENS = {"<unk>", "<sos>", "<eos>", "<pad>"}
MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

# proto fields that Streamlit renders as Markdown, by element type ("*": every element)
MARKDOWN_FIELDS = {
    "*": ("label",),
    "markdown": ("body",),
    "alert": ("body",),
    "heading": ("body",),
    "toast": ("body",),
    "radio": ("options",),
    "button_group": ("options",),
}


def markup_in(text: str) -> list[str]:
    """What rendering `text` as Markdown would make of the payload: images, links, raw HTML,
    emphasis of "b" (empty: it shows as text)."""
    found = []

    def walk(tokens, emphasis=False):
        for i, tok in enumerate(tokens):
            if tok.type == "image":
                found.append(f"image {tok.attrs.get('src')}")
            elif tok.type in ("html_inline", "html_block") and tok.content.strip() not in SPECIAL_TOKENS:
                found.append(f"html {tok.content!r}")
            elif tok.type == "link_open":
                found.append(f"link {tok.attrs.get('href')}")
            elif tok.type in ("strong_open", "em_open"):
                inner = tokens[i + 1] if i + 1 < len(tokens) else None
                if inner is not None and inner.type == "text" and inner.content.strip() == "b":
                    found.append(f"{tok.type} b")
            if tok.children:
                walk(tok.children)

    walk(MD.parse(text))
    # links and images to the catalog's own addresses are fine; the payload's are not
    return [f for f in found if not f.startswith("link ") or "127.0.0.1:9" in f or "javascript" in f]


def rendered_markdown(at: AppTest) -> list[str]:
    """Every string of the last run that Streamlit renders as Markdown."""
    out, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        stack += list(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = getattr(node, "type", "")
        kind = "alert" if kind in ("error", "warning", "info", "success", "exception") else kind
        kind = "heading" if kind in ("title", "header", "subheader") else kind
        kind = "markdown" if kind == "caption" else kind
        for name in MARKDOWN_FIELDS["*"] + MARKDOWN_FIELDS.get(kind, ()):
            value = getattr(proto, name, None) if _has(proto, name) else None
            if isinstance(value, str):
                out.append(value)
            elif value is not None and kind in ("radio", "button_group"):
                out += [getattr(v, "content", v) if not isinstance(v, str) else v for v in value]
    return out


def _has(proto, name: str) -> bool:
    try:
        return name in {f.name for f in proto.DESCRIPTOR.fields}
    except AttributeError:
        return False


def assert_shown_as_text(at: AppTest, case) -> None:
    assert not at.exception, (case, [e.message for e in at.exception])
    bad = {text[:160]: markup_in(text) for text in rendered_markdown(at) if markup_in(text)}
    assert not bad, (case, bad)


@pytest.fixture(scope="module", autouse=True)
def tiny_model_for_pages(tiny_dirs):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRANSFORMER_ANATOMY_MODEL", str(tiny_dirs["gpt2"]))
        yield


# --------------------------------------------------------------------- the escaping itself


def test_bare_urls_and_addresses_are_not_linked():
    """GFM links a bare URL or e-mail address in the text after escapes are read: the escaped
    text holds none of its patterns (mdast-util-gfm-autolink-literal's)."""
    for piece in ["http://127.0.0.1:9/x.png", "HTTPS://a.b", "www.example.org", "a@b.com"]:
        text = i18n.escape(piece).replace("\\", "")  # the text node, escapes read
        assert not re.search(r"(?i)(https?://|www(?=\.))[-.\w]+", text), text
        assert not re.search(r"[-.\w+]+@[-\w]+(\.[-\w]+)+", text), text


@pytest.mark.parametrize(
    "piece",
    PIECES
    + [
        PAYLOAD,
        "# h",
        "1. one",
        "- item",
        "`code`",
        "$x^2$",
        "~~s~~",
        "a | b",
        ":red[red]",
        "line\n\n# heading",
        "\\*b\\*",
        ":smile:",
        "http://127.0.0.1:9/x.png",
        "www.example.org",
        "a@b.com",
    ],
)
def test_escape_shows_the_text_itself(piece):
    """The escaped text, rendered as Markdown, is exactly the text: one paragraph, no markup."""
    tokens = MD.parse(i18n.escape(piece))
    assert [tok.type for tok in tokens] == ["paragraph_open", "inline", "paragraph_close"], piece
    [inline] = [tok for tok in tokens if tok.type == "inline"]
    assert [c.type for c in inline.children] in (["text"], ["text", "softbreak", "text"]) or all(
        c.type == "text" for c in inline.children
    ), (piece, [c.type for c in inline.children])
    shown = "".join(c.content for c in inline.children).replace(i18n.WORD_JOINER, "")  # invisible
    assert shown == " ".join(piece.split()) if "\n" in piece else shown == piece


def test_t_escapes_string_values_but_not_numbers_nor_markdown():
    word = "**b**"
    text = i18n.t("embeddings.probe_split", "en", word=word, pieces="[l](javascript:alert(1))")
    assert isinstance(text, i18n.Markdown) and not markup_in(text)
    assert "\\*\\*b\\*\\*" in text and "\\[l\\]" in text
    assert "first 1234 are" in i18n.t("prompt.truncated", "en", n=1234, total=5000)  # numbers unescaped
    inner = i18n.t("quiz.right", "en", answer="x")  # Markdown passes unescaped: bold stays bold
    assert i18n.t("quiz.literal", "en", text=inner) == inner
    assert i18n.plain("embeddings.probe_split", "en", word=word, pieces="p").count("**b**") == 1


# ------------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", PAGES)
def test_payload_in_every_text_box_shows_as_text(page):
    at = AppTest.from_file(str(ROOT / page), default_timeout=180)
    at.run()
    tabs = bound_tabs(at)
    for label in tabs[1] if tabs else [None]:
        if label is not None:
            at.session_state[tabs[0]] = label
            at.run()
        boxes = list(at.text_input) + list(at.text_area)
        for box in boxes:
            limit = getattr(box.proto, "max_chars", 0) or None
            box.set_value(PAYLOAD[:limit] if limit else PAYLOAD)
        at.run()
        assert_shown_as_text(at, (page, label, "boxes"))
        for box in boxes:  # one box at a time: the others keep words the page can draw with
            at = AppTest.from_file(str(ROOT / page), default_timeout=180)
            if label is not None:
                at.session_state[tabs[0]] = label
            at.run()
            for piece in PIECES:
                try:
                    target = (
                        at.text_input(key=box.key)
                        if box.key in [b.key for b in at.text_input]
                        else at.text_area(key=box.key)
                    )
                except KeyError:
                    break
                limit = getattr(target.proto, "max_chars", 0) or None
                target.set_value(piece[:limit] if limit else piece)
                at.run()
                assert_shown_as_text(at, (page, label, box.key, piece))


def url_keys(at: AppTest) -> set[str]:
    return {"lang", "model", "lecture", "predict", "class"} | url_widget_keys(at)


@pytest.mark.parametrize("page", PAGES)
def test_payload_in_every_url_parameter_shows_as_text(page):
    at = AppTest.from_file(str(ROOT / page), default_timeout=180)
    at.run()
    keys = url_keys(at)
    tabs = bound_tabs(at)
    if tabs:
        keys.add(tabs[0])
    for piece in PIECES + [PAYLOAD]:
        at = AppTest.from_file(str(ROOT / page), default_timeout=180)
        at.query_params.update({key: piece for key in keys})
        at.run()
        assert_shown_as_text(at, (page, piece))


def test_urls_name_the_operators_model_by_an_alias(tiny_dirs):
    """The operator's model (a folder) is `model=custom` in the address bar and in every page
    link, never its path; a link with the alias opens that model."""
    folder = str(tiny_dirs["gpt2"])
    at = AppTest.from_file(str(ROOT / "Home.py"), default_timeout=180)
    at.run()
    assert not at.exception
    assert at.query_params["model"] == "custom"
    from core.ui import page as page_module
    from core.ui.page import Page

    page = Page(lang="en", model_name=folder)
    assert "custom" in page_module.page_url(page, "pages/1_Embeddings.py")
    assert folder not in page_module.page_url(page, "pages/1_Embeddings.py")
    assert page_module._keep(Page(lang="en", model_name="gpt2"))["model"] == "gpt2"  # built-ins by name
    shared = AppTest.from_file(str(ROOT / "pages/1_Embeddings.py"), default_timeout=180)
    shared.query_params.update({"model": "custom"})
    shared.run()
    assert not shared.exception and not shared.warning, [w.value for w in shared.warning]
    assert shared.selectbox(key="model").value == folder

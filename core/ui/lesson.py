"""The section registry: one page section drawn on its own, with its inputs, for a lesson step.

    lesson.open_step(section_id, params)      # once, when a step opens: its inputs become the widgets' values
    lesson.render(page, lm, section_id)       # every run: only that section (and the boxes it reads)

Each section id of core.lessons.sections.SECTION_INPUTS maps to a function here that draws the
boxes the section reads (the same URL-bound widgets its page draws: "prompt" is the page's `text`
box, every other input the widget of that URL key) and calls the same section function the page
calls, with explicit inputs. A reader may change the boxes in place; opening the step again (Next,
Back, a link) restores the lesson's own values.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, Callable

import streamlit as st

from core import ui
from core.lessons.sections import SECTION_INPUTS

if TYPE_CHECKING:
    from core.models import LM
    from core.ui.page import Page

PROMPT_KEY = "text"  # a step's "prompt" is the page's main text box, whose URL key is `text`

# each page's main text box: (label key, default) — the default as the page sets it
_PROMPTS: dict[str, tuple[str, Callable[[Page], str]]] = {
    "embeddings": ("embeddings.prompt", lambda page: page.t("embeddings.default")),
    "attention": ("attention.prompt", lambda page: page.t("attention.default")),
    "block": ("block.prompt", lambda page: _block().DEFAULT_PROMPT),
    "sampling": ("sampling.prompt", lambda page: _sampling().DEFAULT_PROMPT),
}


def section_of(step) -> str:
    """A step's section id ("page.name"): its `section` as written, whether the full id or the
    name within its page."""
    return step.section if step.section in SECTION_INPUTS else f"{step.page}.{step.section}"


def widget_key(name: str) -> str:
    """The session/URL key of a section input."""
    return PROMPT_KEY if name == "prompt" else name


def open_step(section_id: str, params: dict[str, Any], page_name: str | None = None, page: Page | None = None) -> None:
    """A step opens: its params become its section's widget values. The section's other inputs
    go back to their defaults where this can be done without the widget (the prompt box: the
    page's default; a box whose URL parameter is not bound to a widget yet); a URL-bound widget
    otherwise keeps its value (a lesson names the inputs it cares about)."""
    page_name = page_name or section_id.split(".", 1)[0]
    for name in SECTION_INPUTS[section_id]:
        key = widget_key(name)
        if name in params:
            value = params[name]
        elif name == "prompt" and page is not None and page_name in _PROMPTS:
            value = _PROMPTS[page_name][1](page)
        else:
            st.session_state.pop(key, None)
            _set_url(key, None)
            continue
        st.session_state[key] = value
        _set_url(key, str(value))


def _set_url(key: str, value: str | None) -> None:
    """Write (or drop) an input's URL parameter, unless a widget owns it (it writes it itself)."""
    from streamlit.errors import StreamlitAPIException

    try:
        if value is None:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value
    except StreamlitAPIException:  # bound to its widget: the widget writes the value it is given
        pass


def link_params(section_id: str, params: dict[str, Any]) -> dict[str, str]:
    """The query parameters that open the section's full page with the step's inputs."""
    return {widget_key(name): str(value) for name, value in params.items() if name in SECTION_INPUTS[section_id]}


def render(page: Page, lm: LM | None, section_id: str, params: dict[str, Any] | None = None) -> None:
    """Draw the section `section_id` ("page.name") alone. With `params`, they are applied first
    (open_step); without, the widgets keep the values they hold. `lm`: None for the translation
    page's sections, which use the translators, not the language model."""
    if section_id not in SECTION_INPUTS:
        raise KeyError(section_id)
    if params is not None:
        open_step(section_id, params, page=page)
    RENDERERS[section_id](page, lm, SECTION_INPUTS[section_id])


# --------------------------------------------------------------------------- shared inputs


def _prompt_trace(page: Page, lm, page_name: str, stop: bool = True):
    label, default = _PROMPTS[page_name]
    with _inputs(page, st.session_state.get(PROMPT_KEY, default(page))):
        text = ui.text_input(page, PROMPT_KEY, page.t(label), default(page))
        ui.examples(page, PROMPT_KEY)
    page.lm = lm
    return ui.trace(page, text, stop=stop)


PROMPT_SHOWN = 60  # characters of the prompt on the inputs button


def _inputs(page: Page, prompt) -> AbstractContextManager:
    """Where a section's text box (the prompt, the English sentence) and its example sentences go:
    on the page, as the page draws them; in a lesson step, behind one button that shows the text
    (the view keeps the screen, and the box is one click away)."""
    if not page.lesson:
        return nullcontext()
    prompt = str(prompt)
    shown = prompt if len(prompt) <= PROMPT_SHOWN else prompt[:PROMPT_SHOWN] + "…"
    return st.popover(page.t("lessonpage.inputs", text=shown), icon="✏️")


def _embeddings():
    from core.ui.sections import embeddings

    return embeddings


def _positional():
    from core.ui.sections import positional

    return positional


def _attention():
    from core.ui.sections import attention

    return attention


def _block():
    from core.ui.sections import block

    return block


def _translation():
    from core.ui.sections import translation

    return translation


def _sampling():
    from core.ui.sections import sampling

    return sampling


# --------------------------------------------------------------------------- embeddings


def _embeddings_tokens(page, lm, inputs):
    trace = _prompt_trace(page, lm, "embeddings")
    _embeddings().show_tokens(page, lm, trace)


def _embeddings_tradeoff(page, lm, inputs):
    trace = _prompt_trace(page, lm, "embeddings")
    _embeddings().show_tradeoff(page, lm, trace)


def _embeddings_korean_tokens(page, lm, inputs):
    show = getattr(_embeddings(), "show_korean_tokens", None)
    if show is None:  # drawn by core/ui/sections/embeddings.py once the Korean tokens section is merged
        st.info(page.t("lessonpage.section_missing", section="embeddings.korean_tokens"))
        return
    show(page, lm)


def _embeddings_matrix(page, lm, inputs):
    from core.embeddings import matrix_facts

    trace = _prompt_trace(page, lm, "embeddings", stop=False)
    _embeddings().show_matrix(page, lm, trace, matrix_facts(lm))


def _embeddings_cosine(page, lm, inputs):
    e = _embeddings()
    e.show_cosine(page, lm, e.embedding_index(lm.name, lm))


def _embeddings_neighbours(page, lm, inputs):
    from core.embeddings import matrix_facts

    e = _embeddings()
    e.show_neighbours(page, lm, e.embedding_index(lm.name, lm), matrix_facts(lm))


def _embeddings_projection(page, lm, inputs):
    from core.embeddings import matrix_facts

    e = _embeddings()
    names, words = e.choose_words(page, lm, e.embedding_index(lm.name, lm))
    e.show_projection(page, names, words, matrix_facts(lm))


def _embeddings_context(page, lm, inputs):
    _embeddings().show_context(page, lm)


# --------------------------------------------------------------------------- positional


def _model_positions(lm):
    """(wpe, learned similarity curve, rotary frequencies) of the model on screen."""
    p = _positional()
    if lm.arch.positional == "learned":
        wpe, _, _, curve = p.learned_summary(lm.name, lm)
        return wpe, curve, None
    from core.positional import rotary_frequencies

    return None, None, rotary_frequencies(lm)


def _positional_word_order(page, lm, inputs):
    _positional().show_word_order(page, lm, lm.arch.positional == "learned")


def _positional_positions_removed(page, lm, inputs):
    _positional().show_positions_removed(page, lm)


def _positional_sinusoidal(page, lm, inputs):
    _positional().show_sinusoidal(page)


def _positional_own(page, lm, inputs, asked: str):
    """The model's own position scheme: the learned table or the rotary angles (the other one
    does not exist on this model: said, then the model's own shown)."""
    p = _positional()
    kind = lm.arch.positional if lm.arch.positional in ("learned", "rotary") else "rotary"
    if kind != asked:
        st.info(page.t("lessonpage.other_positions", name=lm.display_name, kind=page.t(f"positional.{kind}")))
    if kind == "learned":
        p.show_learned(page, lm)
    else:
        p.show_rotary(page, lm)


def _positional_learned(page, lm, inputs):
    _positional_own(page, lm, inputs, "learned")


def _positional_rotary(page, lm, inputs):
    _positional_own(page, lm, inputs, "rotary")


def _positional_end(page, lm, inputs):
    wpe, _, _ = _model_positions(lm)
    _positional().show_end(page, lm, wpe)


def _positional_side_by_side(page, lm, inputs):
    wpe, curve, inv_freq = _model_positions(lm)
    _positional().show_side_by_side(page, lm, wpe, curve, inv_freq)


def _positional_offsets(page, lm, inputs):
    from core.positional import sinusoidal

    p = _positional()
    n, d = p.choose_length_width(page)
    _, _, inv_freq = _model_positions(lm)
    p.show_offsets(page, lm, n, d, sinusoidal(n, d), inv_freq)


# --------------------------------------------------------------------------- attention


def _head(page, lm, inputs):
    trace = _prompt_trace(page, lm, "attention")
    return trace, _attention().choose_head(page, lm, trace, keys=inputs)


def _attention_all_heads(page, lm, inputs):
    _attention().show_all_heads(page, lm, _prompt_trace(page, lm, "attention"))


def _attention_head_statistics(page, lm, inputs):
    _attention().show_head_statistics(page, lm, _prompt_trace(page, lm, "attention"))


def _attention_head_map(page, lm, inputs):
    a = _attention()
    trace = _prompt_trace(page, lm, "attention")
    a.show_one_head_header(page)
    labels, layer, head, query = a.choose_head(page, lm, trace, keys=inputs)
    a.show_head_map(page, lm, trace, labels, layer, head, query)


def _attention_search(page, lm, inputs):
    trace, (labels, layer, head, _) = _head(page, lm, inputs)
    _attention().show_search(page, lm, trace, labels, layer, head)


def _attention_steps(page, lm, inputs):
    trace, (labels, layer, head, query) = _head(page, lm, inputs)
    _attention().show_steps(page, lm, trace, labels, layer, head, query)


def _attention_why_scale(page, lm, inputs):
    from core.attention import attention_steps

    trace, (labels, layer, head, query) = _head(page, lm, inputs)
    steps = attention_steps(lm, trace.text, layer, head, trace=trace)
    _attention().show_why_scale(page, lm, steps, labels, query)


def _attention_multi_head(page, lm, inputs):
    trace, (labels, layer, _, query) = _head(page, lm, inputs)
    _attention().show_multi_head(page, lm, trace, labels, layer, query)


def _attention_knockout(page, lm, inputs):
    trace, (_, layer, head, _) = _head(page, lm, inputs)
    _attention().show_knockout(page, lm, trace, layer, head)


def _attention_not_explanation(page, lm, inputs):
    _attention().show_not_explanation(page, lm, _prompt_trace(page, lm, "attention"))


# --------------------------------------------------------------------------- block


def _block_steps(page, lm, inputs):
    """The prompt, the layer and token boxes the section reads, and the block recomputed."""
    b = _block()
    trace = _prompt_trace(page, lm, "block")
    layer, position, token = b.choose_layer_token(page, lm, trace, keys=inputs)
    return trace, b.steps_of(lm.name, trace.text, layer, lm, trace), position, token


def _block_equations(page, lm, inputs):
    _block().show_equations(page, lm)


def _block_residual_stream(page, lm, inputs):
    trace, _, position, _ = _block_steps(page, lm, inputs)
    _block().show_residual_stream(page, lm, trace, position)


def _block_why_residual(page, lm, inputs):
    _block().show_why_residual(page, lm, _prompt_trace(page, lm, "block"))


def _block_why_norm(page, lm, inputs):
    trace, _, position, token = _block_steps(page, lm, inputs)
    _block().show_why_norm(page, lm, trace, position, token)


def _block_norm(page, lm, inputs):
    _, steps, position, token = _block_steps(page, lm, inputs)
    _block().show_norm(page, lm, steps, position, token)


def _block_mlp(page, lm, inputs):
    _, steps, position, token = _block_steps(page, lm, inputs)
    _block().show_mlp(page, lm, steps, position, token)


def _block_units(page, lm, inputs):
    trace, steps, position, token = _block_steps(page, lm, inputs)
    _block().show_units(page, lm, trace, steps, position, token)


def _block_traced(show_name: str):
    def draw(page, lm, inputs):
        getattr(_block(), show_name)(page, lm, _prompt_trace(page, lm, "block"))

    return draw


def _block_patching(page, lm, inputs):
    page.lm = lm
    _block().show_patching(page, lm)


# --------------------------------------------------------------------------- translation


def _cards(page):
    tr = _translation()
    try:
        return tr.shipped_cards()
    except FileNotFoundError:
        st.error(page.t("rnn.missing"))
        st.stop()


def _results(page, inputs):
    """The sentence box (and decoding, where the section reads it), the three translations."""
    from core.seq2seq import MODEL_NAMES

    tr = _translation()
    cards = _cards(page)
    with _inputs(page, st.session_state.get("sentence", page.t("rnn.translate.default"))):
        sentence, beam = tr.choose_sentence(page, cards, header=False, decoding="decoding" in inputs)
    return cards, sentence, beam, {name: tr.translate(name, sentence, beam) for name in MODEL_NAMES}


def _translation_translate(page, lm, inputs):
    cards, sentence, beam, results = _results(page, inputs)
    _translation().show_translations(page, cards, results, sentence, beam)


def _translation_alignment(page, lm, inputs):
    _, _, _, results = _results(page, inputs)
    if results["attention"].tokens:
        _translation().show_alignment(page, results)


def _translation_bahdanau_qkv(page, lm, inputs):
    _, sentence, _, results = _results(page, inputs)
    _translation().show_bahdanau_qkv(page, sentence, results["attention"].tokens)


def _translation_self_attention(page, lm, inputs):
    _, _, _, results = _results(page, inputs)
    if results["transformer"].tokens:
        _translation().show_self_attention(page, results["transformer"])


def _translation_bottleneck(page, lm, inputs):
    _, sentence, _, results = _results(page, inputs)
    _translation().show_bottleneck(page, results["plain"], sentence)


def _translation_encoder(page, lm, inputs):
    _, sentence, _, _ = _results(page, inputs)
    _translation().show_encoder(page, sentence)


def _translation_gradients(page, lm, inputs):
    _, sentence, _, _ = _results(page, inputs)
    _translation().show_gradients(page, sentence)


def _translation_step_by_step(page, lm, inputs):
    _, _, beam, results = _results(page, inputs)
    _translation().show_step_by_step(page, results, beam)


def _translation_carded(show_name: str):
    def draw(page, lm, inputs):
        getattr(_translation(), show_name)(page, _cards(page))

    return draw


def _translation_paged(show_name: str):
    def draw(page, lm, inputs):
        getattr(_translation(), show_name)(page)

    return draw


# --------------------------------------------------------------------------- sampling


def _sampling_settings(page, lm, inputs):
    s = _sampling()
    trace = _prompt_trace(page, lm, "sampling")
    return s, trace, s.show_settings(page, lm)


def _sampling_distribution(page, lm, inputs):
    s, trace, settings = _sampling_settings(page, lm, inputs)
    s.show_distribution(page, lm, trace, settings)


def _sampling_step_by_step(page, lm, inputs):
    s, trace, settings = _sampling_settings(page, lm, inputs)
    s.show_step_by_step(page, lm, trace, settings)


def _sampling_generation(page, lm, inputs):
    s, trace, settings = _sampling_settings(page, lm, inputs)
    s.show_generation(page, lm, trace, settings, s.choose_seed(page))


def _sampling_logit_lens(page, lm, inputs):
    s = _sampling()
    trace = _prompt_trace(page, lm, "sampling")
    s.show_logit_lens(page, lm, trace, s.lens_started(lm, trace, lm.name, trace.text))


RENDERERS: dict[str, Callable[[Page, Any, frozenset], None]] = {
    "embeddings.tokens": _embeddings_tokens,
    "embeddings.tradeoff": _embeddings_tradeoff,
    "embeddings.korean_tokens": _embeddings_korean_tokens,
    "embeddings.matrix": _embeddings_matrix,
    "embeddings.cosine": _embeddings_cosine,
    "embeddings.neighbours": _embeddings_neighbours,
    "embeddings.projection": _embeddings_projection,
    "embeddings.context": _embeddings_context,
    "positional.word_order": _positional_word_order,
    "positional.positions_removed": _positional_positions_removed,
    "positional.sinusoidal": _positional_sinusoidal,
    "positional.learned": _positional_learned,
    "positional.rotary": _positional_rotary,
    "positional.end": _positional_end,
    "positional.side_by_side": _positional_side_by_side,
    "positional.offsets": _positional_offsets,
    "attention.all_heads": _attention_all_heads,
    "attention.head_statistics": _attention_head_statistics,
    "attention.head_map": _attention_head_map,
    "attention.search": _attention_search,
    "attention.steps": _attention_steps,
    "attention.why_scale": _attention_why_scale,
    "attention.multi_head": _attention_multi_head,
    "attention.knockout": _attention_knockout,
    "attention.not_explanation": _attention_not_explanation,
    "block.equations": _block_equations,
    "block.residual_stream": _block_residual_stream,
    "block.why_residual": _block_why_residual,
    "block.why_norm": _block_why_norm,
    "block.norm": _block_norm,
    "block.mlp": _block_mlp,
    "block.units": _block_units,
    "block.attribution": _block_traced("show_attribution"),
    "block.dropout": _block_traced("show_dropout"),
    "block.knockout": _block_traced("show_knockout"),
    "block.sublayer_sweep": _block_traced("show_sublayer_sweep"),
    "block.patching": _block_patching,
    "translation.translate": _translation_translate,
    "translation.alignment": _translation_alignment,
    "translation.bahdanau_qkv": _translation_bahdanau_qkv,
    "translation.self_attention": _translation_self_attention,
    "translation.bottleneck": _translation_bottleneck,
    "translation.encoder": _translation_encoder,
    "translation.gradients": _translation_gradients,
    "translation.step_by_step": _translation_step_by_step,
    "translation.scores": _translation_carded("show_scores"),
    "translation.training": _translation_carded("show_training"),
    "translation.lab": _translation_paged("show_lab"),
    "translation.training_steps": _translation_carded("show_training_steps"),
    "translation.synthetic_timing": _translation_paged("show_synthetic_timing"),
    "sampling.distribution": _sampling_distribution,
    "sampling.step_by_step": _sampling_step_by_step,
    "sampling.generation": _sampling_generation,
    "sampling.logit_lens": _sampling_logit_lens,
}

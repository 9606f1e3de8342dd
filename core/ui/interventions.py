"""Interventions on the pages: cached ablations, messages for bad input, and the before/after
view two pages share (their long computations shared by every session: core/ui/jobs.py).

    result = ui.ablation(page, text, [("head", 5, 1)], "zero")     # None after a message
    knocked = ui.ablated_trace(page, text, [("mlp", 3)], "mean")
    sweep = ui.shared_job(page, key, button, press, work)             # None until it has run
    ui.before_after(page, lm, trace.next_token_logits, result.logits, "head_knockout")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.charts import data
from core.interventions import InterventionError, ablate
from core.interventions import ablated_trace as _ablated_trace
from core.ui import traces
from core.ui.charts import chart

if TYPE_CHECKING:
    from core.interventions import Ablation
    from core.trace import Trace
    from core.ui.page import Page

TOP = 10  # tokens shown before and after


@st.cache_data(max_entries=64, show_spinner=False)
def _ablate(model_name: str, text: str, parts: tuple, how: str, _lm) -> Ablation:
    return ablate(_lm, text, parts, how)


def error(page: Page, exc: InterventionError) -> None:
    """Bad input, said in the reader's language."""
    st.warning(page.t(f"int.error.{exc.code}", **exc.values))


def _or_message(page: Page, compute: Callable[[], object]):
    """compute(), or None after a message in the reader's language for bad input or an empty prompt."""
    from core.trace import EmptyPrompt

    try:
        return compute()
    except InterventionError as exc:
        error(page, exc)
    except EmptyPrompt:
        st.info(page.t("prompt.empty"))
    return None


def ablation(page: Page, text: str, parts, how: str) -> Ablation | None:
    """The prediction with `parts` knocked out, cached per model, prompt, parts and way (None
    after a message for bad input or an empty prompt)."""
    parts, lm = tuple(tuple(p) for p in parts), page.require_lm()
    return _or_message(page, lambda: _ablate(lm.name, text, parts, how, lm))


def ablated_trace(page: Page, text: str, parts, how: str) -> Trace | None:
    """Every activation of the knocked-out model (core.interventions.ablated_trace), kept in the
    trace cache for every session; None after a message."""
    parts, lm = tuple(tuple(p) for p in parts), page.require_lm()
    return _or_message(
        page, lambda: traces.cached((lm.name, text, parts, how), lambda: _ablated_trace(lm, text, parts, how))
    )


# --------------------------------------------------------------------------- before and after


def before_after_chart(page: Page):
    """The top next tokens, the model as it is beside the knocked-out model (a template)."""
    t = page.t
    return (
        alt.Chart(data())
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=t("int.col.token")),
            yOffset=alt.YOffset("run_label:N", sort=[t("int.run.before"), t("int.run.after")]),
            x=alt.X("probability:Q", title=t("int.col.probability"), axis=alt.Axis(format="%")),
            color=alt.Color("run_label:N", title=t("int.col.run"), sort=[t("int.run.before"), t("int.run.after")]),
            tooltip=[
                alt.Tooltip("token:N", title=t("int.col.token")),
                alt.Tooltip("run_label:N", title=t("int.col.run")),
                alt.Tooltip("probability:Q", title=t("int.col.probability"), format=".2%"),
            ],
        )
        .properties(height=alt.Step(11))
    )


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(np.asarray(logits, dtype=np.float64) - np.max(logits))
    return z / z.sum()


def before_after_table(page: Page, lm, before_logits: np.ndarray, after_logits: np.ndarray) -> pd.DataFrame:
    """The union of the top tokens before and after, each with both probabilities (rows:
    token × run), the model's own top tokens first."""
    before, after = softmax(before_logits), softmax(after_logits)
    ids = list(dict.fromkeys(np.argsort(-before)[:TOP].tolist() + np.argsort(-after)[:TOP].tolist()))
    shown = lm.display_tokens(ids)
    rows = [
        {
            "token": s,
            "token_id": i,
            "label": f"{k + 1}. {s}",
            "run": run,
            "run_label": page.t(f"int.run.{run}"),
            "probability": float(p[i]),
        }
        for k, (i, s) in enumerate(zip(ids, shown))
        for run, p in (("before", before), ("after", after))
    ]
    return pd.DataFrame(rows)


def before_after(page: Page, lm, before_logits: np.ndarray, after_logits: np.ndarray, name: str) -> None:
    """What the prediction was and what it is with a part knocked out: a metric for the
    predicted token, a sentence that says what happened, and the top tokens side by side."""
    t = page.t
    table = before_after_table(page, lm, before_logits, after_logits)
    wide = table.pivot_table(index="token_id", columns="run", values="probability", sort=False)
    top_before, top_after = int(wide["before"].idxmax()), int(wide["after"].idxmax())
    name_of = dict(zip(table["token_id"], table["token"]))
    p0, p1 = float(wide.loc[top_before, "before"]), float(wide.loc[top_before, "after"])
    a, b = st.columns(2)
    a.metric(t("int.prob_before", token=name_of[top_before]), f"{p0:.1%}")
    b.metric(t("int.prob_after"), f"{p1:.1%}", delta=t("int.prob_delta", d=p1 - p0))
    if top_before == top_after:
        st.write(t("int.stays", token=name_of[top_before], p0=p0, p1=p1))
    else:
        st.write(
            t(
                "int.changes",
                a=name_of[top_before],
                pa0=p0,
                pa1=p1,
                b=name_of[top_after],
                pb0=float(wide.loc[top_after, "before"]),
                pb1=float(wide.loc[top_after, "after"]),
            )
        )
    chart(page, before_after_chart, table, name)

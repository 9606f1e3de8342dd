"""The translation page's charts: data-free Altair charts drawn on the named dataset
(core.charts.data()), whose table core.ui.chart supplies. Each builder takes the page (for its
language) and labels; altair is imported when a chart is first built."""

from __future__ import annotations

from core.charts import data


def attention_chart(page, x_title: str, y_title: str, height: int, weight_title: str):
    """Rows: what is written (queries); columns: what is read (keys). Masked cells grey.
    Used for the Bahdanau alignment, the cross-attention, both self-attentions and the lab."""
    import altair as alt

    base = alt.Chart().encode(
        x=alt.X("source:N", sort=alt.EncodingSortField("source_pos"), title=x_title, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("target:N", sort=alt.EncodingSortField("target_pos"), title=y_title),
    )
    cells = (
        base.transform_filter("!datum.masked")
        .mark_rect()
        .encode(
            color=alt.Color("weight:Q", title=weight_title, scale=alt.Scale(scheme="blues", domain=[0, 1])),
            tooltip=[
                alt.Tooltip("target_word:N", title=y_title),
                alt.Tooltip("source_word:N", title=x_title),
                alt.Tooltip("weight:Q", title=weight_title, format=".3f"),
            ],
        )
    )
    masked = base.transform_filter("datum.masked").mark_rect(color="#d0d0d0", opacity=0.6)
    return alt.layer(masked, cells, data=data()).properties(height=height)


def scores_chart(page, x_title: str, y_title: str, height: int, score_title: str):
    """A matrix of attention scores before the softmax (rows: the written word; columns: the
    source word), each row's largest outlined: what the softmax would make the heaviest."""
    import altair as alt

    base = alt.Chart().encode(
        x=alt.X("source:N", sort=alt.EncodingSortField("source_pos"), title=x_title, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("target:N", sort=alt.EncodingSortField("target_pos"), title=y_title),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("weight:Q", title=score_title, scale=alt.Scale(scheme="viridis")),
        tooltip=[
            alt.Tooltip("target_word:N", title=y_title),
            alt.Tooltip("source_word:N", title=x_title),
            alt.Tooltip("weight:Q", title=score_title, format=".3f"),
        ],
    )
    best = base.transform_filter("datum.best").mark_rect(fill=None, stroke="#e45756", strokeWidth=3)
    return alt.layer(cells, best, data=data()).properties(height=height)


def strips_chart(page, row: str, row_title: str, order: list[str], split: bool = False):
    """Vectors as strips of colour, one row per `row`: a sentence's context vector, or the
    encoder's state at each word — with `split`, its forward and backward halves side by side."""
    import altair as alt

    t = page.t
    split_by = {"column": alt.Column("direction_label:N", title=None, sort="descending")} if split else {}
    chart = (
        alt.Chart(data())
        .mark_rect()
        .encode(
            x=alt.X("dimension:O", title=t("rnn.bottleneck.dimension"), axis=alt.Axis(labels=False, ticks=False)),
            y=alt.Y(f"{row}:N", sort=order, title=None),
            color=alt.Color(
                "value:Q", title=t("rnn.bottleneck.value"), scale=alt.Scale(scheme="redblue", domain=[-1, 1])
            ),
            tooltip=[
                alt.Tooltip(f"{row}:N", title=row_title),
                *([alt.Tooltip("direction_label:N", title=t("rnn.encoder.direction"))] if split else []),
                alt.Tooltip("dimension:O", title=t("rnn.bottleneck.dimension")),
                alt.Tooltip("value:Q", title=t("rnn.bottleneck.value"), format=".3f"),
            ],
            **split_by,
        )
    )
    return chart.properties(width=260) if split else chart.properties(height=150)


def gradient_chart(page, models: list[str]):
    """How strongly each source word reaches the output, per model (largest = 1)."""
    import altair as alt

    t = page.t
    return (
        alt.Chart(data())
        .mark_bar()
        .encode(
            x=alt.X(
                "word:N",
                sort=alt.EncodingSortField("position"),
                title=t("rnn.align.source"),
                axis=alt.Axis(labelAngle=-40),
            ),
            xOffset=alt.XOffset("model_label:N", sort=models),
            y=alt.Y("share:Q", title=t("rnn.grad.share"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("model_label:N", title=t("rnn.bleu.model"), sort=models),
            tooltip=[
                alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                alt.Tooltip("word:N", title=t("rnn.align.source")),
                alt.Tooltip("norm:Q", title=t("rnn.grad.norm"), format=".4f"),
                alt.Tooltip("share:Q", title=t("rnn.grad.share"), format=".3f"),
            ],
        )
        .properties(height=260)
    )


def bleu_chart(page, buckets: list[str], models: list[str]):
    """BLEU per length bucket: models side by side, greedy and beam in two panels."""
    import altair as alt

    t = page.t
    return (
        alt.Chart(data())
        .mark_bar()
        .encode(
            x=alt.X("bucket:N", sort=buckets, title=t("rnn.bleu.length"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("model_label:N", sort=models),
            y=alt.Y("bleu:Q", title=t("rnn.bleu.bleu")),
            color=alt.Color("model_label:N", title=t("rnn.bleu.model"), sort=models),
            column=alt.Column("decoding_label:N", title=None),
            tooltip=[
                alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                alt.Tooltip("decoding_label:N", title=t("rnn.decoding")),
                alt.Tooltip("bucket:N", title=t("rnn.bleu.length")),
                alt.Tooltip("bleu:Q", title=t("rnn.bleu.bleu"), format=".1f"),
                alt.Tooltip("sentences:Q", title=t("rnn.bleu.sentences")),
            ],
        )
        .properties(width=300)
    )


def curve_chart(
    page, x: str, x_title: str, y: str, y_title: str, log: bool = False, points: bool = False, dashed: str | None = None
):
    """Lines, one per model (loss against time, step time against length, lab curves)."""
    import altair as alt

    t = page.t
    scale = alt.Scale(type="log", base=2) if log else alt.Undefined
    encoding = dict(
        x=alt.X(f"{x}:Q", title=x_title, scale=scale),
        y=alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(type="log") if log else alt.Undefined),
        color=alt.Color("model_label:N", title=t("rnn.bleu.model")),
        tooltip=[
            alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
            alt.Tooltip(f"{x}:Q", title=x_title, format=",.2f"),
            alt.Tooltip(f"{y}:Q", title=y_title, format=",.3f"),
        ],
    )
    if dashed:
        encoding["strokeDash"] = alt.StrokeDash(f"{dashed}:N", title=None)
    return alt.Chart(data()).mark_line(point=points).encode(**encoding).properties(height=300)


def step_bars_chart(page):
    """Where the decoder looked for one output word."""
    import altair as alt

    t = page.t
    return (
        alt.Chart(data())
        .mark_bar()
        .encode(
            x=alt.X(
                "source:N",
                sort=alt.EncodingSortField("source_pos"),
                title=t("rnn.align.source"),
                axis=alt.Axis(labelAngle=-40),
            ),
            y=alt.Y("weight:Q", title=t("rnn.align.weight"), scale=alt.Scale(domain=[0, 1])),
            tooltip=[
                alt.Tooltip("source_word:N", title=t("rnn.align.source")),
                alt.Tooltip("weight:Q", title=t("rnn.align.weight"), format=".3f"),
            ],
        )
    )


def lab_accuracy_chart(page):
    """The lab's accuracy against input length: one line per model, solid and dashed for the
    whole sequence right and per symbol."""
    import altair as alt

    t = page.t
    return (
        alt.Chart(data())
        .mark_line(point=True)
        .encode(
            x=alt.X("length:Q", title=t("rnn.lab.length")),
            y=alt.Y(
                "accuracy:Q", title=t("rnn.lab.accuracy"), axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color("model_label:N", title=t("rnn.bleu.model")),
            strokeDash=alt.StrokeDash("metric_label:N", title=t("rnn.lab.metric")),
            tooltip=[
                alt.Tooltip("model_label:N", title=t("rnn.bleu.model")),
                alt.Tooltip("length:Q", title=t("rnn.lab.length")),
                alt.Tooltip("metric_label:N", title=t("rnn.lab.metric")),
                alt.Tooltip("accuracy:Q", title=t("rnn.lab.accuracy"), format=".1%"),
            ],
        )
    )


def heatmap_height(rows: int, per_row: int = 28) -> int:
    """A heatmap's height in pixels: its rows, plus room for the axes (Vega-Lite fits the
    whole chart, axes included, into the height it is given)."""
    return per_row * max(rows, 1) + 110

"""30 students at once against one running server, as real websocket sessions.

Each session speaks Streamlit's own protocol to `streamlit run Home.py` (what the browser's
JavaScript does, without a browser per student — 30 Chromiums don't fit on 2 cores next to
the server): it opens a page (spread over every page), waits until the script run is done,
changes a view (the first slider in the page body) and types a new prompt (the first text
box), each time waiting for the run to finish. Reported: errors (exception boxes, timeouts,
dropped connections), p50/p95 latency per interaction, server peak RSS.
Targets: 0 errors, p95 ≤ 3 s.

Two ways a class arrives: --arrive-over 60 --think 3 (the default) spaces the 30 arrivals
evenly over a minute (pages in a shuffled order) and gives each student 3 s between interactions, as a class that
opens the link "at the same minute"; --arrive-over 0 --think 0 is the worst case, every
session asking at the same instant with no pause. --warm first opens every page once, as
the lecturer does before class (the README's checklist); without it the first students meet
the server's cold start and the first load of the RNN page's checkpoints.

Between the view change and the prompt, a student on a page with interventions also uses them
on the page's own prompt, as a class does when the lecturer asks: switches the knock-out on and
presses the sweep button (the attention and block pages). Everyone on that page shares one
sweep: the first press starts it, the others follow it or find it done.

    python -m tests.perf.bench_sessions [--tokenizer DIR] [--sessions 30] [--model smollm2-135m]
                                        [--arrive-over 60] [--think 3] [--warm]
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from tests.perf.harness import (
    PAGES,
    arguments,
    crowd_options,
    gpt2_small_folder,
    page_query,
    peak_rss_mb,
    percentile,
    pop_option,
    server,
    table,
    url_path,
)

TIMEOUT_S = 180
INTERVENTIONS = ("knockout", "knock", "start_heads", "start_layers")  # keys: the sections' switches, sweeps
PROMPTS = [
    "The students in the lecture hall",
    "Attention is all you",
    "학생들이 강의실에서",
    "Once upon a time 🚀",
    "The train left the station",
]


@dataclass
class Run:
    seconds: float
    exceptions: list[str]
    sliders: list = field(default_factory=list)  # (id, value, min, max, step) in the page body
    text_inputs: list = field(default_factory=list)  # (id, value)
    selectboxes: list = field(default_factory=list)  # (id, options, current option)
    fragments: dict = field(default_factory=dict)  # widget id -> the st.fragment it is drawn in
    toggles: list = field(default_factory=list)  # ids of switches in the page body
    buttons: list = field(default_factory=list)  # ids of buttons in the page body


class Session:
    """One browser tab's worth of protocol: rerun requests out, deltas in."""

    def __init__(self, ws, page_name: str, query: str):
        self.ws, self.page_name, self.query = ws, page_name, query
        self.states: dict[str, WidgetState] = {}

    async def run(self, change: WidgetState | None = None, fragment_id: str = "") -> Run:
        """One script run; a widget drawn inside an st.fragment reruns only that fragment,
        as the browser asks for it."""
        if change is not None:
            self.states[change.id] = change
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_name = self.page_name
        if fragment_id:
            msg.rerun_script.fragment_id = fragment_id
        msg.rerun_script.widget_states.widgets.extend(self.states.values())
        self.states = {k: v for k, v in self.states.items() if not v.HasField("trigger_value")}  # a press is sent once
        started = time.monotonic()
        await self.ws.send(msg.SerializeToString())
        result = Run(0.0, [])
        while True:
            data = await asyncio.wait_for(self.ws.recv(), TIMEOUT_S)
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._read_element(fwd, result)
            elif kind == "script_finished" and fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                result.seconds = time.monotonic() - started
                return result

    def _read_element(self, fwd: ForwardMsg, result: Run) -> None:
        element = fwd.delta.new_element
        kind = element.WhichOneof("type")
        in_body = fwd.metadata.delta_path[:1] == [0]
        widget_id = getattr(getattr(element, kind, None), "id", "") if kind else ""
        if widget_id and fwd.delta.fragment_id:
            result.fragments[widget_id] = fwd.delta.fragment_id
        if kind == "exception":
            result.exceptions.append(element.exception.message[:200])
        elif kind == "slider" and in_body:
            s = element.slider
            value = list(s.value) if s.set_value else list(s.default)
            result.sliders.append((s.id, value, s.min, s.max, s.step or 1))
        elif kind == "selectbox" and in_body:
            box = element.selectbox
            index = box.default if isinstance(box.default, int) else (list(box.default) or [0])[0]
            current = box.raw_value if box.set_value else (box.options[index] if box.options else "")
            result.selectboxes.append((box.id, list(box.options), current))
        elif kind == "checkbox" and in_body:
            result.toggles.append(element.checkbox.id)
        elif kind == "button" and in_body:
            result.buttons.append(element.button.id)
        elif kind == "text_input" and in_body:
            result.text_inputs.append(
                (
                    element.text_input.id,
                    element.text_input.value if element.text_input.set_value else element.text_input.default,
                )
            )


def view_change(run: Run) -> WidgetState | None:
    """Move the first slider in the page body one step, else pick another option in the
    first selectbox — a view-only change."""
    for widget_id, options, current in run.selectboxes if not run.sliders else []:
        others = [o for o in options if o != current]
        if others:
            return WidgetState(id=widget_id, string_value=others[0])
    for widget_id, value, lo, hi, step in run.sliders:
        if len(value) == 1:
            new = value[0] + step if value[0] + step <= hi else value[0] - step
            if lo <= new <= hi:
                state = WidgetState(id=widget_id)
                state.double_array_value.data.append(new)
                return state
    return None


def interventions(run: Run) -> list[WidgetState]:
    """The intervention sections' switches turned on, then their sweep buttons pressed."""
    ours = lambda widget_id: widget_id.rsplit("-", 1)[-1] in INTERVENTIONS  # noqa: E731 — ids end in the key
    return [WidgetState(id=w, bool_value=True) for w in run.toggles if ours(w)] + [
        WidgetState(id=w, trigger_value=True) for w in run.buttons if ours(w)
    ]


async def student(ws_url: str, origin: str, i: int, results: dict, arrive: float, think: float) -> None:
    page_file = PAGES[i % len(PAGES)]
    name = url_path(page_file).strip("/")
    query = page_query(page_file, lang="ko" if i % 3 == 0 else "en")
    await asyncio.sleep(arrive)
    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], origin=origin, max_size=None, open_timeout=TIMEOUT_S
        ) as ws:
            session = Session(ws, name, query)
            first = await session.run()
            results["load"].append(first.seconds)
            results["loads"].append((first.seconds, page_file, arrive))
            errors = list(first.exceptions)
            change = view_change(first)
            await asyncio.sleep(think)
            if change is not None:
                view = await session.run(change, first.fragments.get(change.id, ""))
                results["view"].append(view.seconds)
                errors += view.exceptions
            for state in interventions(first):
                await asyncio.sleep(think)
                used = await session.run(state, first.fragments.get(state.id, ""))
                results["intervene"].append(used.seconds)
                errors += used.exceptions
            await asyncio.sleep(think)
            if first.text_inputs:  # the prompt box: a whole-page rerun
                state = WidgetState(id=first.text_inputs[0][0])
                state.string_value = PROMPTS[i % len(PROMPTS)] + f" {i}"
                prompt = await session.run(state)
                results["prompt"].append(prompt.seconds)
                errors += prompt.exceptions
            results["errors"] += [f"{page_file}: {e}" for e in errors]
    except Exception as exc:  # a timeout or a dropped connection is an error, not a crash
        results["errors"].append(f"{page_file}: {type(exc).__name__}: {exc}"[:200])


async def crowd(base: str, n: int, results: dict, proc, arrive_over: float, think: float) -> float:
    ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
    peak = 0.0
    arrivals = random.Random(0).sample(range(n), n)  # a fixed, shuffled order
    tasks = [
        asyncio.create_task(student(ws_url, base, i, results, arrive_over * arrivals[i] / max(n - 1, 1), think))
        for i in range(n)
    ]
    while not all(t.done() for t in tasks):
        peak = max(peak, peak_rss_mb(proc.pid))
        await asyncio.sleep(0.25)
    return max(peak, peak_rss_mb(proc.pid))


def main() -> None:
    arrive_over, think = pop_option("--arrive-over", 60.0, float), pop_option("--think", 3.0, float)
    warm = "--warm" in sys.argv
    if warm:
        sys.argv.remove("--warm")
    n, model = crowd_options()
    args = arguments(__doc__)
    model = model or str(gpt2_small_folder(args))
    with server(model) as (base, proc, _):
        results = {"load": [], "view": [], "intervene": [], "prompt": [], "errors": [], "loads": []}
        started = time.monotonic()
        if warm:  # the lecturer's walk through every page before class
            asyncio.run(crowd(base, len(PAGES), {k: [] for k in results}, proc, 0.0, 0.0))
        peak = asyncio.run(crowd(base, n, results, proc, arrive_over, think))
        wall = time.monotonic() - started
    rows = [
        {
            "interaction": kind,
            "n": len(results[kind]),
            "p50 (s)": percentile(results[kind], 0.5),
            "p95 (s)": percentile(results[kind], 0.95),
            "max (s)": max(results[kind], default=float("nan")),
        }
        for kind in ("load", "view", "intervene", "prompt")
    ]
    when = (
        "all at the same instant, no pause"
        if arrive_over == 0 and think == 0
        else f"arriving over {arrive_over:g} s, {think:g} s between interactions"
    )
    when += ", server warmed by one visit per page" if warm else ", cold server"
    table(
        rows,
        f"{n} websocket sessions against one server ({model}), {when}; wall "
        f"{wall:.1f} s, server peak RSS {peak:,.0f} MB (targets: 0 errors, p95 ≤ 3 s)",
    )
    print(
        "slowest loads: "
        + ", ".join(
            f"{page} at {at:.0f} s: {secs:.1f} s" for secs, page, at in sorted(results["loads"], reverse=True)[:5]
        )
    )
    print(f"errors: {len(results['errors'])}")
    for e in results["errors"][:20]:
        print("  ", e)


if __name__ == "__main__":
    main()

"""Real browser: `streamlit run Home.py` headless, every page opened in Debian's Chromium
through Playwright, in English and Korean. No exception box, a rendered chart, and a
screenshot saved under artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

# Chromium, its flags, the pages that draw charts (not the Class page: test_class_in_chromium) and
# `streamlit run`: the same as the benchmarks'
from tests.perf.harness import CHROMIUM, CHROMIUM_ARGS, PAGES, ROOT, free_port, start_streamlit

SHOTS = ROOT / "artifacts" / "screenshots"

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing")]


def url_path(page: str) -> str:
    """Streamlit's URL for a page file: pages/3_Attention.py -> /Attention."""
    if page == "Home.py":
        return "/"
    return "/" + Path(page).stem.split("_", 1)[1]


@contextmanager
def streamlit_server(extra_env: dict):
    """`streamlit run Home.py` on a free port with `extra_env`; yields its base URL."""
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", **extra_env}
    proc = start_streamlit(port, env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start:\n" + proc.stdout.read())
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tiny_dirs):
    with streamlit_server({"TRANSFORMER_ANATOMY_MODEL": str(tiny_dirs["gpt2"])}) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


OPENED_AT = {"pages/0_Lessons.py": "&lesson=explainer&step=3"}  # a page whose first screen is a picker: a step


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page_file", PAGES)
def test_page_renders_a_chart_without_exception(server, browser, page_file, lang):
    locale = "ko-KR" if lang == "ko" else "en-US"
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, locale=locale)
    page = context.new_page()
    try:
        page.goto(server + url_path(page_file) + f"?lang={lang}" + OPENED_AT.get(page_file, ""))
        page.wait_for_selector('[data-testid="stVegaLiteChart"], [data-testid="stException"]', timeout=120_000)
        page.wait_for_timeout(1500)  # let the rest of the script finish drawing
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"{Path(page_file).stem}-{lang}.png", full_page=True)
        errors = page.locator('[data-testid="stException"]')
        assert errors.count() == 0, errors.first.inner_text()
        assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 1
        title = page.locator("h1, h2").first.inner_text()  # a lesson step's screen starts at the step's title
        from core import i18n

        assert title.strip() in {v for v in i18n.catalogs()[lang].values()}, title
    finally:
        context.close()


def test_language_follows_the_browser_locale(server, browser):
    """No ?lang= in the link: a Korean browser gets the Korean UI."""
    from core import i18n

    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    try:
        page.goto(server + "/")
        page.wait_for_selector("h1", timeout=120_000)
        page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
        assert page.locator("h1").first.inner_text().strip() == i18n.t("home.heading", "ko")
    finally:
        context.close()


def test_a_charts_data_downloads_as_csv(server, browser, tiny_gpt2):
    """Home's next-token chart: the CSV button gives the ten tokens and probabilities the
    chart shows, computed from the model (written only when clicked)."""
    import csv
    import io

    import torch

    from core import i18n

    context = browser.new_context(accept_downloads=True, locale="en-US")
    page = context.new_page()
    try:
        page.goto(server + "/?lang=en")
        page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
        with page.expect_download(timeout=60_000) as info:
            page.get_by_text(i18n.t("download.csv")).first.click()
        download = info.value
        assert download.suggested_filename == "next_tokens.csv"
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    finally:
        context.close()
    prompt = i18n.t("home.demo_default")
    ids = tiny_gpt2.encode(prompt)
    with torch.no_grad():
        probs = torch.softmax(tiny_gpt2.model(torch.tensor([ids])).logits[0, -1].double(), -1)
    top = torch.topk(probs, 10)
    assert [int(r["token_id"]) for r in rows] == top.indices.tolist()
    assert [float(r["probability"]) for r in rows] == pytest.approx(top.values.tolist(), rel=1e-4)


def open_page(browser, url: str, lang: str = "en"):
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, locale="ko-KR" if lang == "ko" else "en-US")
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
    return context, page


def test_the_maps_block_node_opens_the_block_page(server, browser):
    from core import i18n

    context, page = open_page(browser, server + "/?lang=en")
    try:
        page.locator("svg g.node", has_text=i18n.t("home.stage.block")).first.click()
        page.wait_for_url("**/Transformer_Block**", timeout=60_000)
        page.wait_for_selector("h1", timeout=120_000)
        assert page.locator("h1").first.inner_text().strip() == i18n.t("block.heading")
    finally:
        context.close()


def test_block_page_dropout_runs_in_the_browser(server, browser):
    from core import i18n

    context, page = open_page(browser, server + "/Transformer_Block?lang=en&layer=1")
    try:
        page.get_by_role("button", name=i18n.t("block.dropout_button")).click()
        page.get_by_text(i18n.t("block.train_diff")).wait_for(timeout=120_000)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "block-dropout-en.png", full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 6
    finally:
        context.close()


def test_three_translators_and_their_attention_in_the_browser(server, browser):
    from core import i18n
    from core.seq2seq import MODEL_NAMES, load_pretrained

    context, page = open_page(browser, server + "/RNN_Attention_Transformer?lang=ko")
    try:
        page.get_by_role("button", name="I love you.").click()
        for name in MODEL_NAMES:  # each model's translation appears once the page has rerun
            page.get_by_text(load_pretrained(name).translate("I love you.").french, exact=True).first.wait_for(
                timeout=120_000
            )
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
        text = page.locator('[data-testid="stMain"]').inner_text()
        for name in MODEL_NAMES:
            assert i18n.t(f"rnn.model.{name}", "ko") in text
        assert i18n.t("rnn.self.header", "ko") in text
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "translators-ko.png", full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()


def test_knocking_out_a_head_and_ranking_heads_in_the_browser(server, browser, tiny_gpt2):
    """The attention page with its knock-out switched on by the link, then the head sweep pressed:
    the knocked-out distribution (its CSV) and the rank correlation the page shows are core's."""
    import csv
    import io

    import numpy as np

    from core import i18n
    from core import interventions as I
    from core.trace import run_trace

    text = i18n.t("attention.default")
    context, page = open_page(browser, server + "/Attention?lang=en&knockout=true&layer=1&head=2&source=2")
    context.set_default_timeout(120_000)
    try:
        after = page.locator('[data-testid="stMetric"]', has_text=i18n.t("int.prob_after"))
        after.wait_for(timeout=120_000)
        ablation = I.ablate(tiny_gpt2, text, [("head", 1, 2)])
        top = int(np.argmax(run_trace(tiny_gpt2, text).next_token_logits))
        assert f"{ablation.probs[top]:.1%}" in after.inner_text()
        with page.expect_download(timeout=60_000) as info:
            page.locator(".st-key-csv_head_knockout button").click()
        rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
        shown = {int(r["token_id"]): float(r["probability"]) for r in rows if r["run"] == "after"}
        assert len(shown) >= 10
        assert [shown[i] for i in shown] == pytest.approx([float(ablation.probs[i]) for i in shown], rel=1e-5)
        page.get_by_role("button", name=i18n.t("int.ne.button", n=8)).click()
        rho = page.locator('[data-testid="stMetric"]', has_text=i18n.t("int.ne.rho"))
        rho.wait_for(timeout=120_000)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
        expected = I.rank_correlation(
            run_trace(tiny_gpt2, text).attentions[:, :, -1, 2], np.abs(I.sweep(tiny_gpt2, text).drop)
        )
        assert f"{expected:+.2f}" in rho.inner_text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "attention-interventions-en.png", full_page=True)
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()

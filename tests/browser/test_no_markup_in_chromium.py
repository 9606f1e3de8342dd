"""User text is never markup, in a real browser (issue 28, item 6). Every page is opened with
every text box's URL parameter holding an image, bold, HTML with an onerror handler and a
javascript: link. Playwright records every request the page makes: none goes to the image's
address (127.0.0.1:9) or to a javascript: URL, no dialog opens, the DOM holds no <img> or link
made from the text, and the text shows as typed. The page links name the operator's model by its
alias, never by its folder."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.browser.test_pages_in_chromium import CHROMIUM, browser, server, url_path  # noqa: F401 (fixtures)
from tests.test_hostile_input import TEXT_BOXES
from tests.test_no_markup import PAYLOAD

pytestmark = [pytest.mark.browser]


@pytest.mark.parametrize("page_file", sorted(TEXT_BOXES))
def test_payload_in_the_url_shows_as_text_and_fetches_nothing(server, browser, page_file):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, locale="en-US")
    requests, dialogs = [], []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    params = {key: PAYLOAD for key in TEXT_BOXES[page_file]}
    if page_file.endswith("1_Embeddings.py"):
        params["probe"] = "**b**"  # one word the page echoes in a sentence
    try:
        page.goto(server + url_path(page_file) + "?" + urlencode({"lang": "en", **params}))
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=120_000)
        page.wait_for_timeout(1500)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
        page.wait_for_timeout(1000)  # an image would be fetched by now
        bad = [url for url in requests if "127.0.0.1:9/" in url or url.startswith("javascript:")]
        assert not bad and not dialogs, (bad, dialogs)
        main = page.locator('[data-testid="stAppViewContainer"]')
        assert main.locator('img[src="x"], img[src*="127.0.0.1:9"]').count() == 0
        links = main.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
        assert not [h for h in links if h.startswith("javascript") or "127.0.0.1:9/" in h or "onerror" in h], links
        assert (
            main.locator("strong, em").evaluate_all(  # no "b" turned bold
                "els => els.filter(e => e.textContent.trim() === 'b').length"
            )
            == 0
        )
        assert page.locator('[data-testid="stException"]').count() == 0
        if page_file.endswith("1_Embeddings.py"):
            assert "“**b**”" in main.inner_text()  # shown as typed, asterisks and all
    finally:
        context.close()


def test_page_links_name_the_operators_model_by_its_alias(server, browser, tiny_dirs):  # noqa: F811
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    try:
        page.goto(server + "/?lang=en")
        page.wait_for_selector('[data-testid="stSidebar"] a[href*="Embeddings"]', timeout=120_000)
        hrefs = page.locator('[data-testid="stSidebar"] a').evaluate_all("els => els.map(e => e.href)")
        folder = str(tiny_dirs["gpt2"])
        assert hrefs and all(folder not in h and "%2F" not in h for h in hrefs), hrefs
        assert any("model=custom" in h for h in hrefs), hrefs
        assert "%2F" not in page.url and folder not in page.url, page.url
    finally:
        context.close()

"""A class in the browser tests, the steps they share: a page settles, a lecturer starts a class
from the sidebar and reads the join link, a phone-sized browser context."""

from __future__ import annotations

import re
from typing import Callable

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def settle(page) -> None:
    """Wait until Streamlit's "running" widget has gone: the page is drawn."""
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)


def start_class(teacher, url: str, t: Callable[..., str]):
    """The lecturer opens `url` (a page that draws a chart), starts a class from the sidebar and
    waits for the join screen; returns (the sidebar, the join link it shows)."""
    teacher.goto(url)
    teacher.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
    settle(teacher)
    sidebar = teacher.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text(t("class.sidebar"), exact=True).click()
    sidebar.get_by_role("button", name=t("class.start")).click()
    teacher.get_by_text(t("class.join_title")).wait_for(timeout=60_000)
    settle(teacher)
    link = re.search(r"https?://\S+/Class\?class=\w+", sidebar.inner_text()).group(0)
    return sidebar, link

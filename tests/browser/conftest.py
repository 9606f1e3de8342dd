"""The browser tests' shared fixture: one Chromium per session (defined beside the page tests)."""

from tests.browser.test_pages_in_chromium import browser  # noqa: F401 — a fixture, found by pytest here

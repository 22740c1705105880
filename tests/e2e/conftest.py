"""Real-browser tests: one headless Chromium for all of them against pytest-django's live server.

On a developer machine without Chromium the tests are skipped with the command that installs it;
under CI (the variable ``CI`` is set) a missing browser is a failure. Helpers are in ``helpers.py``.
"""

import os

import pytest

# Playwright's sync API runs an asyncio event loop in this thread; Django would then refuse the
# test's own database queries as "async unsafe". They are not: the loop never runs Django code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from .helpers import CHROMIUM, CHROMIUM_ARGS, DESKTOP, missing  # noqa: E402


def pytest_itemcollected(item):
    """Under pytest-xdist (`make test` runs `-n auto --dist loadgroup`) the browser tests form one group that a
    single worker runs: one Chromium and one live server, while the other workers share the rest. Marked as
    each is collected, so the mark is there before xdist's collection_modifyitems hook reads it."""
    item.add_marker(pytest.mark.xdist_group("browser"))



# Package scope: Playwright stops after the last browser test, before the worker (or the serial run) goes on
# with other tests, which then see no trace of its event loop on their thread (pyHanko's signing calls
# asyncio.run(), which refuses to start inside a running loop; this failed once under xdist).
@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        missing(f"Chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("The Python package playwright")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Opens pages in fresh browser contexts (one per person); every page fails the test on a server error."""
    contexts = []
    server_errors = []

    def open_page(*, viewport=DESKTOP, locale="de-DE", mobile=False):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale=locale,
            timezone_id="Europe/Berlin",
            is_mobile=mobile,
            has_touch=mobile,
            accept_downloads=True,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "response",
            lambda response: (
                server_errors.append(f"{response.status} {response.url}") if response.status >= 500 else None
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not server_errors, f"server errors: {server_errors}"


@pytest.fixture
def page(new_page):
    return new_page()

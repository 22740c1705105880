"""The browser tests share one worker under `make test` (pytest-xdist, `--dist loadgroup`): xdist groups them
by a suffix it writes into each test's id, which pytest 9.2 silently ignores (pytest-dev/pytest-xdist#1386),
so a dependency update could spread them over every worker, each starting its own Chromium."""

import pytest


def test_the_browser_tests_are_grouped_into_one_worker(request):
    if not getattr(request.config.option, "loadgroup", False):  # set in each worker under --dist loadgroup
        pytest.skip("only under pytest-xdist with --dist loadgroup")
    grouped = [item.nodeid for item in request.session.items if item.get_closest_marker("xdist_group")]
    assert any("/e2e/" in nodeid for nodeid in grouped)
    assert all(nodeid.endswith("@browser") for nodeid in grouped)

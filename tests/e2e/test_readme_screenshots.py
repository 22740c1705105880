"""Every screenshot the README (and docs/e2e.md) shows is taken by the browser tests, so none can go stale
unnoticed: a name referenced there but never passed to screenshot()/save_screenshot_file() fails here. Runs
without a browser (not marked e2e)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TAKEN = re.compile(r"""(?:screenshot|save_screenshot_file)\([^()]*?,\s*["']([\w-]+)["']""")


def taken_by_the_tests() -> set[str]:
    names = set()
    for path in (ROOT / "tests" / "e2e").glob("test_*.py"):
        names |= set(TAKEN.findall(path.read_text(encoding="utf-8")))
    return names


def referenced_in(doc: str) -> set[str]:
    names = set(re.findall(r"docs/screenshots/([\w-]+)\.png", (ROOT / doc).read_text(encoding="utf-8")))
    return names - {"name"}  # docs/e2e.md's example of how screenshot() names its file


def test_readme_shows_only_screenshots_the_tests_take():
    taken = taken_by_the_tests()
    for doc in ("README.md", "docs/e2e.md"):
        missing = referenced_in(doc) - taken
        assert not missing, f"{doc} shows {sorted(missing)}, which no browser test takes"


def test_readme_screenshots_come_from_the_demo_journey():
    demo = set(TAKEN.findall((ROOT / "tests/e2e/test_journey_demo.py").read_text(encoding="utf-8")))
    assert referenced_in("README.md") <= demo


def test_the_check_would_notice_a_missing_one():
    assert "certificate" in taken_by_the_tests()
    assert "not-a-screenshot" not in taken_by_the_tests()

"""Helpers for the real-browser tests: translations, login, axe-core, screenshots and PDF tools."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = "sudo apt-get install chromium poppler-utils zbar-tools && pip install -e '.[test]'"
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
PASSWORD = "pass-word-123"  # tests.factories.UserFactory's password


def missing(what: str):
    """Skip on a developer machine, fail under CI: there a missing tool must never hide a test."""
    message = f"{what} is missing; install it with: {INSTALL_HINT}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        missing(f"The program {name!r}")
    return path


def t(message: str, **kwargs) -> str:
    """The German text the browser sees for an English message id, so tests survive wording changes."""
    with translation.override("de"):
        text = translation.gettext(message)
    return text % kwargs if kwargs else text


def login(page, username: str, password: str = PASSWORD):
    page.goto("/konto/anmelden/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name=t("Log in")).click()
    page.wait_for_url(lambda url: "/konto/anmelden/" not in url)


# axe-core rules are run as shipped (WCAG 2.0/2.1 A and AA plus best practices); these impacts fail.
FAILING_IMPACTS = {"serious", "critical"}


def axe_check(page, *, context=None):
    """Run axe-core on the page as it is now and fail on every serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    problems = [v for v in results.response["violations"] if v["impact"] in FAILING_IMPACTS]
    if problems:
        lines = [f"axe-core found {len(problems)} serious/critical violation(s) on {page.url}:"]
        for violation in problems:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
            for node in violation["nodes"][:5]:
                lines.append(f"    at {', '.join(map(str, node['target']))}: {node['failureSummary']}")
                lines.append(f"       {node['html'][:200]}")
        pytest.fail("\n".join(lines), pytrace=False)
    return results


def screenshot(page, name: str, *, full_page: bool = True):
    """Save a screenshot for the README, only when SCREENSHOTS=1 (normal runs leave the files alone)."""
    if os.environ.get("SCREENSHOTS") != "1":
        return
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=full_page, animations="disabled")


def save_screenshot_file(source: Path, name: str):
    if os.environ.get("SCREENSHOTS") != "1":
        return
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, SCREENSHOT_DIR / f"{name}.png")


def pdf_pages_as_png(pdf: Path, out_dir: Path, *, dpi: int = 80) -> list[Path]:
    need_tool("pdftoppm")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "page")], check=True)
    return sorted(out_dir.glob("page*.png"))


def pdf_text(pdf: Path) -> str:
    need_tool("pdftotext")
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return result.stdout

"""Helpers for the real-browser tests: translations, login, axe-core, screenshots and PDF tools."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips (or under CI fails) with the install hint
    expect = None

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


def pdf_pages_as_png(pdf: Path, out_dir: Path, *, dpi: int = 100) -> list[Path]:
    """Every page of the PDF as a PNG (pdftoppm), each checked for a plausible size and visible content."""
    need_tool("pdftoppm")
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "page")], check=True)
    pages = sorted(out_dir.glob("page*.png"))
    assert pages, f"pdftoppm made no page of {pdf}"
    for number, png in enumerate(pages, start=1):
        # The last page of a longer document may hold a few closing lines: it must not be blank, but it need
        # not be as full as a page that the text runs over.
        least_ink = 0.0005 if number == len(pages) > 1 else 0.003
        with Image.open(png) as image:
            width, height = image.size
            # At least A5 at this resolution, at most A3: a page, not a sliver or a poster.
            assert 5.5 * dpi <= min(width, height) and max(width, height) <= 17 * dpi, f"{png.name}: {image.size}"
            grey = image.convert("L")
            histogram = grey.histogram()
            ink = sum(histogram[:160]) / (width * height)
            assert least_ink < ink < 0.5, f"{png.name} looks blank or solid: {ink:.2%} dark pixels"
    return pages


def pdf_text(pdf: Path) -> str:
    """The PDF's text (pdftotext), with runs of whitespace made single spaces for comparing."""
    need_tool("pdftotext")
    result = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return " ".join(result.stdout.split())


def read_qr_codes(png: Path) -> list[str]:
    """The contents of every QR code on the image (zbarimg from zbar-tools)."""
    need_tool("zbarimg")
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True)
    assert result.returncode == 0, f"no QR code found on {png.name}: {result.stderr}"
    return result.stdout.split()


def download(page, click, target_dir: Path) -> Path:
    """Click what starts a download; returns the file, saved in ``target_dir`` under its suggested name."""
    with page.expect_download() as info:
        click()
    download = info.value
    assert download.failure() is None, download.failure()
    path = target_dir / download.suggested_filename
    download.save_as(path)
    return path

"""Requests per second, errors and p99 of the app under gunicorn with several workers, on localhost.

    DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python bench/gunicorn_load.py [--workers 4]
        [--concurrency 8] [--seconds 20] [--max-requests 5000]

Starts gunicorn on 127.0.0.1 (a free port) against the generated data set, logs the bench users in
(sessions written straight into the database), then drives a mix of main pages from a bounded pool of
threads using http.client: it stops after --seconds or --max-requests, whichever comes first, then stops
gunicorn. Loopback only. DEBUG is off as in production; static files are collected first
(into the git-ignored staticfiles/) but not requested.
"""

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
ENV = {
    "DEBUG": "0",
    # Long enough for the production start-up checks (config/checks.py); still only for the benchmark.
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret-" + "0123456789abcdef" * 3),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "CERTIFICATE_TRUSTED_PROXIES": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
}
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from demo.scale import BENCH_PARTICIPANT, BENCH_STAFF, BENCH_SUPERVISOR  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_cookie(user) -> str:
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        client = Client()
        client.force_login(user)
        return client.cookies[settings.SESSION_COOKIE_NAME].value


def targets() -> list[tuple[str, str, str | None]]:
    """(label, path, session cookie) of the pages in the mix."""
    from certificates.models import Certificate
    from courses.models import Cohort

    User = get_user_model()
    staff = User.objects.get(username=BENCH_STAFF)
    supervisor = User.objects.get(username=BENCH_SUPERVISOR)
    participant = User.objects.get(username=BENCH_PARTICIPANT)
    cookies = {u: session_cookie(u) for u in (staff, supervisor, participant)}
    typical = (
        Cohort.objects.filter(site__organisation__staff_members=staff, status="finished", capacity__lte=30)
        .filter(enrolments__certificates__isnull=False)
        .order_by("-end_date")
        .first()
    )
    certificate = Certificate.objects.filter(enrolment__participant__user=participant, status="valid").first()
    return [
        ("cohort list", reverse("courses:cohort_list"), cookies[staff]),
        ("cohort detail", reverse("courses:cohort_detail", args=[typical.pk]), cookies[staff]),
        ("eligibility overview", reverse("certificates:cohort_overview", args=[typical.pk]), cookies[staff]),
        ("participant home", reverse("home"), cookies[participant]),
        ("pending hours", reverse("placements:pending_entries"), cookies[supervisor]),
        ("verification", reverse("certificates:verify_code", args=[certificate.verification_code]), None),
        ("certificate PDF", reverse("certificates:download", args=[certificate.pk]), cookies[participant]),
    ]


def wait_for(port: int, process, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start in time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=8, help="client threads (at most 32)")
    parser.add_argument("--seconds", type=float, default=20, help="at most 120")
    parser.add_argument("--max-requests", type=int, default=5000, help="at most 50,000")
    args = parser.parse_args()
    concurrency, seconds = min(args.concurrency, 32), min(args.seconds, 120)
    max_requests = min(args.max_requests, 50_000)

    if not get_user_model().objects.filter(username=BENCH_STAFF).exists():
        print("No generated data in this database: run `manage.py generate_scale_data` first (docs/benchmarks.md).")
        return 0
    mix = targets()
    port = free_port()
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi",
        f"--workers={args.workers}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    env = {**os.environ, **ENV}
    # As in production: static files collected with their manifest (into the git-ignored staticfiles/).
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    lock = threading.Lock()
    results: list[tuple[str, float, int]] = []  # (label, ms, status; 0 = connection error)
    counter = iter(range(max_requests))
    try:
        wait_for(port, server)
        # One request per page first, so the workers have loaded everything before the clock runs.
        for _label, path, cookie in mix:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"} if cookie else {})
            conn.getresponse().read()
            conn.close()
        stop_at = time.monotonic() + seconds

        def worker() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.monotonic() < stop_at:
                try:
                    n = next(counter)
                except StopIteration:
                    break
                label, path, cookie = mix[n % len(mix)]
                headers = {"Cookie": f"sessionid={cookie}", "Accept-Language": "de"} if cookie else {}
                start = time.perf_counter()
                try:
                    conn.request("GET", path, headers=headers)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    status = 0
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    results.append((label, (time.perf_counter() - start) * 1000, status))
            conn.close()

        started = time.monotonic()
        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)

    def p(values, fraction):
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    errors = sum(1 for _, _, status in results if status != 200)
    times = [ms for _, ms, _ in results]
    from django.db import connection

    print(
        f"# gunicorn {args.workers} workers on 127.0.0.1, {concurrency} client threads, {elapsed:.1f} s, "
        f"database {connection.vendor}, {os.cpu_count()} CPUs (client and server share them)"
    )
    print(
        f"total: {len(results)} requests, {len(results) / elapsed:.1f} requests/s, {errors} errors, "
        f"median {statistics.median(times):.0f} ms, p99 {p(times, 0.99):.0f} ms"
    )
    for label, _, _ in mix:
        mine = [ms for name, ms, _ in results if name == label]
        bad = sum(1 for name, _, status in results if name == label and status != 200)
        if mine:
            print(
                f"  {label:22} {len(mine):6d} requests, {bad} errors, median {statistics.median(mine):6.0f} ms, "
                f"p99 {p(mine, 0.99):6.0f} ms"
            )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

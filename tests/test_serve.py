"""A real `mkdocs serve` on 127.0.0.1 rebuilds when a YAML file changes, and survives bad data."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Server:
    def __init__(self, project: Path, *options: str, log: str = "serve.log") -> None:
        self.port = free_port()
        self.log = project / log
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--livereload",
            *options,
            "--dev-addr",
            f"127.0.0.1:{self.port}",
        ]
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(command, cwd=project, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)

    def page(self, path: str) -> str | None:
        return fetch(self.url + path)

    def output(self) -> str:
        return self.log.read_text()

    def builds(self) -> int:
        """How many builds the server has finished: the first, then one per "Reloading browsers" (MkDocs drops
        a "Documentation built in N seconds" line that says what an earlier one said)."""
        output = self.output()
        return ("Serving on" in output) + output.count("Reloading browsers")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_file.close()


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = Server(project)
    try:
        wait_for(lambda: (running.page("/elements/neodymium/") or "").count("Neodymium") > 0, "the first build")
        yield running
    finally:
        running.stop()


def test_yaml_edit_rebuilds_and_bad_yaml_keeps_the_server_up(project: Path, server: Server) -> None:
    element = project / "data" / "elements" / "neodymium.yml"
    original = element.read_text()
    assert "used in magnets" in (server.page("/elements/neodymium/") or "")

    # An edit to the YAML (not to docs_dir) is picked up without a restart.
    element.write_text(original.replace("used in magnets", "prized for strong magnets"))
    wait_for(lambda: "prized for strong magnets" in (server.page("/elements/neodymium/") or ""), "the edited page")

    # Broken data: the error is printed with its place, and the last good page is still served.
    element.write_text(original.replace("atomic_number: 60", "atomic_number: [60"))
    wait_for(lambda: "data/elements/neodymium.yml:" in server.output(), "the error report")
    assert "YAML syntax error" in server.output()
    assert "Traceback" not in server.output()
    assert "prized for strong magnets" in (server.page("/elements/neodymium/") or "")
    assert server.process.poll() is None

    # Fixed again: rebuilt, no restart needed.
    element.write_text(original.replace("used in magnets", "back in good shape"))
    wait_for(lambda: "back in good shape" in (server.page("/elements/neodymium/") or ""), "the fixed page")

    # A new record file is picked up too.
    source = project / "data" / "sources" / "extra-source.yml"
    source.write_text(
        (project / "data" / "sources" / "usgs-test.yml").read_text().replace("Test Summaries", "Extra Summaries")
    )
    wait_for(lambda: "Extra Summaries" in (server.page("/sources/") or ""), "the new record in the sources index")


def test_bad_directive_keeps_the_preview_answering_with_the_error_in_the_page(project: Path, server: Server) -> None:
    page = project / "content" / "index.md"
    original = page.read_text()
    assert "ree-build-errors" not in (server.page("/") or "")

    # A directive naming a record that does not exist, in a hand-written page.
    page.write_text(original + "\nProduction: [[figure atlantis mine-production latest]].\n")
    wait_for(lambda: "ree-build-errors" in (server.page("/") or ""), "the error banner")
    home = server.page("/") or ""
    line = len(original.split("\n")) + 1
    assert f"content/index.md:{line}:" in home and "unknown producer" in home
    # Every page carries the banner, and every request is answered (no "server will appear stuck").
    assert "ree-build-errors" in (server.page("/elements/neodymium/") or "")
    assert "Traceback" not in server.output() and "appear stuck" not in server.output()
    assert f"content/index.md:{line}:" in server.output()

    # Data edits still reach the preview while the page is broken.
    element = project / "data" / "elements" / "neodymium.yml"
    element.write_text(element.read_text().replace("used in magnets", "edited while broken"))
    wait_for(lambda: "edited while broken" in (server.page("/elements/neodymium/") or ""), "the data edit")

    # Fixed: the banner goes, and the terminal says so in one line.
    page.write_text(original)
    wait_for(lambda: "ree-build-errors" not in (server.page("/") or ""), "the banner to go")
    assert "Fixed: the pages are built from the current files again." in server.output()
    assert server.process.poll() is None


def test_preview_starts_even_when_the_data_is_broken(project: Path) -> None:
    element = project / "data" / "elements" / "neodymium.yml"
    original = element.read_text()
    element.write_text(original.replace("atomic_number: 60", "atomic_number: 4:30"))
    running = Server(project)
    try:
        wait_for(lambda: "ree-build-errors" in (running.page("/") or ""), "the first page, with the error banner")
        assert "data/elements/neodymium.yml:3:1: atomic_number:" in (running.page("/") or "")
        element.write_text(original)
        wait_for(lambda: "Neodymium" in (running.page("/elements/neodymium/") or ""), "the page once fixed")
        assert "ree-build-errors" not in (running.page("/elements/neodymium/") or "")
    finally:
        running.stop()


def test_build_output_never_carries_the_banner(project: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    pages = list((project / "site").rglob("*.html"))
    assert pages and not [p for p in pages if "ree-build-errors" in p.read_text()]


def test_make_serve_serves_the_home_page_at_the_root() -> None:
    """`make serve`, as the README says, answers at http://127.0.0.1:PORT/ (not under a path from site_url)."""
    from .conftest import ROOT

    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    process = subprocess.Popen(
        # -o: never remake .venv from here (a test must not reinstall the environment it runs in).
        ["make", "--no-print-directory", "-o", ".venv/.installed", "serve", f"HOST=127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(lambda: "Rare Earths Reference" in (fetch(f"http://127.0.0.1:{port}/") or ""), "the home page", 180)
        assert "Neodymium" in (fetch(f"http://127.0.0.1:{port}/elements/neodymium/") or "")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


BLOG = """
  - blog:
      blog_dir: blog
      categories_allowed: [Basics]
"""
POST = "---\ndate: 2026-11-16\nauthors: [editors]\ncategories: [Basics]\n---\n\n# A post\n\nText.\n"


def test_a_rebuild_that_fails_anywhere_keeps_the_preview_answering(project: Path) -> None:
    """An article dated 30 February stops Material's blog plugin, and a mkdocs.yml that no longer loads stops
    MkDocs itself, before the ree plugin can do anything about it. The preview keeps serving the last good pages
    and answering every request, with the reason at the top of each page, and a fix removes it."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n", "  - search\n" + BLOG.lstrip("\n")))
    (project / "content" / "blog" / "posts").mkdir(parents=True)
    (project / "content" / "blog" / "index.md").write_text("# Blog\n")
    (project / "content" / "blog" / ".authors.yml").write_text(
        "authors:\n  editors:\n    name: The editors\n    description: Test\n    avatar: https://example.org/a.svg\n"
    )
    post = project / "content" / "blog" / "posts" / "a-post.md"
    post.write_text(POST)
    running = Server(project, "--dirty")
    try:
        wait_for(lambda: "A post" in (running.page("/blog/") or ""), "the first build with the blog")
        for broken, fix, why in (
            (post, POST.replace("2026-11-16", "2026-02-30"), "content/blog/posts/a-post.md:2:7: date: 2026-02-30"),
            (config, config.read_text().replace("site_name: Test site", "site_name: [Test site"), "mkdocs.yml"),
        ):
            good = broken.read_text()
            broken.write_text(fix)
            wait_for(lambda: "ree-build-errors" in (running.page("/") or ""), f"the banner ({why})")
            started = time.monotonic()
            for path in ("/", "/elements/neodymium/", "/blog/"):
                assert "ree-build-errors" in (running.page(path) or ""), path
            assert time.monotonic() - started < 5, "every request is answered at once"
            assert why in (running.page("/") or "")
            assert "Aborted with a BuildError" not in (running.page("/") or "")
            broken.write_text(good)
            wait_for(lambda: "ree-build-errors" not in (running.page("/") or ""), f"the banner to go ({why})")
        assert "appear stuck" not in running.output() and "Traceback" not in running.output()
    finally:
        running.stop()


def test_warnings_show_in_the_banner_with_their_place(project: Path, server: Server) -> None:
    """A source nothing cites is a warning: the preview shows the pages, and the banner says what `make build`
    will refuse, with the file; once the source is cited (or removed) the banner goes."""
    extra = project / "data" / "sources" / "lonely.yml"
    extra.write_text((project / "data" / "sources" / "usgs-test.yml").read_text().replace("Test Summaries", "Lonely"))
    wait_for(lambda: "ree-build-errors" in (server.page("/") or ""), "the warning banner")
    home = server.page("/elements/neodymium/") or ""
    assert "Warnings" in home and "data/sources/lonely.yml:1:1:" in home and "cited by no record" in home
    assert "out of date" not in home  # a warning, not an error
    extra.unlink()
    wait_for(lambda: "ree-build-errors" not in (server.page("/") or ""), "the banner to go")

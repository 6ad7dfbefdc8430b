"""Lighthouse (12.2.3, pinned; `make lighthouse` installs it) on the home page and an element page, served as a
static host serves them: gzip-compressed, with cache headers. Prints the four scores of each page, mobile and
desktop. A benchmark, not a test: BENCHMARKS.md records a run.

    python bench/lighthouse.py [SITE_DIR]      (default: builds the real site into a temporary folder)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".venv" / "node-lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"home": "/", "element": "/elements/neodymium/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"}


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, with a day's caching, and 404.html for a miss."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=86400")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        else:
            status = 200
        body = path.read_bytes()
        encode = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if encode:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encode:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def run(url: str, preset: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
        ]  # fmt: skip
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        subprocess.run(command, check=True, env=env, capture_output=True, timeout=300)
        data = json.loads(report.read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(site: Path) -> None:
    handler = functools.partial(StaticHost, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        print(f"| page | form factor | {' | '.join(CATEGORIES)} |")
        print(f"|---|---|{'---:|' * len(CATEGORIES)}")
        for name, path in PAGES.items():
            for preset in ("mobile", "desktop"):
                scores = run(base + path, preset)
                print(f"| {name} (`{path}`) | {preset} | {' | '.join(str(scores[c]) for c in CATEGORIES)} |")
    finally:
        server.shutdown()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        sys.path.insert(0, str(ROOT))
        from tests.conftest import build_real_site

        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "site"
            build_real_site(out)
            main(out)

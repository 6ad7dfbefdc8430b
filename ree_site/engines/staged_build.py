"""``ree-site build`` (what ``make build`` runs): the site built outside MkDocs' own process, into a staging folder
that replaces the site folder only when the whole strict build succeeded, so that the last site survives whatever
fails, a missing ``ree`` plugin included. It runs MkDocs as a command, and imports nothing of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..build.settings import read_settings
from ..build.staging import Staging
from ..data.discovery import display_path
from ..errors import DataError, ReeError


def build_site(config: Path, site_dir: Path | None = None) -> int:
    """``mkdocs build --strict`` of ``config`` into a staging folder beside the site folder (``site_dir``, else the
    configured one), swapped in only on success. Returns the exit status."""
    if not config.is_file():
        print(f"ree-site build: error: no such file: {config}", file=sys.stderr)
        return 2
    try:
        settings = read_settings(config)
    except ReeError as exc:
        print(exc)
        return 1
    site_dir = site_dir or settings.root / settings.site_dir
    shown = display_path(site_dir, None)
    if settings.problems:
        # A configuration that cannot make the site (no ree plugin, a folder that is not there): not even tried.
        print(DataError(settings.problems).report())
        print(f"ree-site build: nothing was built; {shown}/ is as it was", file=sys.stderr)
        return 1
    staging = Staging(site_dir.absolute())
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", os.fspath(config), "--site-dir", os.fspath(staging.folder),
    ]  # fmt: skip
    try:
        status = subprocess.run(command, check=False).returncode
    except BaseException:  # interrupted: nothing half-built stays behind
        staging.abandon()
        raise
    if status != 0 or not staging.folder.is_dir():
        staging.abandon()
        print(f"ree-site build: the build failed; {shown}/ is as it was", file=sys.stderr)
        return status or 1
    staging.finish()
    print(f"ree-site build: the new site is in {shown}/")
    return 0


__all__ = ["build_site"]

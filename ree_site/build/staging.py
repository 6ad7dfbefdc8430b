"""A build writes into a staging folder beside the site folder, swapped in only when the whole build succeeded,
so that a failed build (a broken link under ``--strict``, a plugin that fails, a configuration without the ``ree``
plugin) never costs the last good site. ``ree-site build`` (``make build``) runs the engine into the folder; the
rule is here, outside any engine, so that it holds whichever plugin fails, this project's own included."""

from __future__ import annotations

import shutil
from pathlib import Path


class Staging:
    """The staging folder of one build of ``site_dir``: ``.<name>.building`` beside it."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.folder = site_dir.with_name(f".{site_dir.name}.building")
        self._old = site_dir.with_name(f".{site_dir.name}.old")
        for left in (self.folder, self._old):
            if left.exists():
                shutil.rmtree(left)  # left by a build that was killed

    def finish(self) -> None:
        """The build succeeded: swap the staged site in (the last site is removed once the new one is there)."""
        if self.site_dir.exists():
            self.site_dir.rename(self._old)
        self.folder.rename(self.site_dir)
        shutil.rmtree(self._old, ignore_errors=True)

    def abandon(self) -> None:
        """The build failed: remove what it staged; the last site stays as it was."""
        shutil.rmtree(self.folder, ignore_errors=True)


__all__ = ["Staging"]

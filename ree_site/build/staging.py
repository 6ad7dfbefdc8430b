"""A build writes into a staging folder beside the site folder, swapped in only when the whole build succeeded,
so that a failed build (a broken link under ``--strict``, say) never costs the last good site."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path


class WarningCount(logging.Handler):
    """Counts the warnings logged while it is attached: under ``--strict`` any one of them fails the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Staging:
    """The staging folder of one build of ``site_dir``, and the warnings logged under ``logger`` meanwhile."""

    def __init__(self, site_dir: Path, logger: str) -> None:
        self.site_dir = site_dir
        self.folder = site_dir.with_name(f".{site_dir.name}.building")
        self.warnings = WarningCount()
        self._logger = logging.getLogger(logger)
        if self.folder.exists():
            shutil.rmtree(self.folder)  # left by a build that was killed
        self._logger.addHandler(self.warnings)

    def finish(self, *, strict: bool) -> bool:
        """Swap the staged site in, unless ``strict`` and a warning was logged (then the last site stays as it
        was, and the engine fails the build next). Returns whether the site was replaced."""
        self._logger.removeHandler(self.warnings)
        if strict and self.warnings.count:
            shutil.rmtree(self.folder, ignore_errors=True)
            return False
        old = self.site_dir.with_name(f".{self.site_dir.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if self.site_dir.exists():
            self.site_dir.rename(old)
        self.folder.rename(self.site_dir)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def abandon(self) -> None:
        """The build failed: remove what it staged; the last site stays."""
        self._logger.removeHandler(self.warnings)
        shutil.rmtree(self.folder, ignore_errors=True)


__all__ = ["Staging", "WarningCount"]

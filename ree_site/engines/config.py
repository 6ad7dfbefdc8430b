"""The ``ree`` plugin's options, as written under ``plugins: - ree:`` in mkdocs.yml.

The options and their defaults are :class:`ree_site.build.project.Options`'s: this class only declares them to MkDocs,
which validates them. ``ree-site check``, ``generate`` and ``export`` read the same options from mkdocs.yml.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..build.settings import Options

_DEFAULTS = Options()


class ReeConfig(base.Config):
    data_dir = c.Type(str, default=_DEFAULTS.data_dir)
    templates_dir = c.Type(str, default=_DEFAULTS.templates_dir)
    nav_max_records = c.Type(int, default=_DEFAULTS.nav_max_records)
    abbreviations = c.Optional(c.Type(str))

    def options(self) -> Options:
        """The options as the pipeline takes them."""
        return Options(
            data_dir=self.data_dir,
            templates_dir=self.templates_dir,
            nav_max_records=self.nav_max_records,
            abbreviations=self.abbreviations,
        )

"""The ``ree`` plugin's options, as written under ``plugins: - ree:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ReeConfig(base.Config):
    #: Folder of YAML records, relative to mkdocs.yml.
    data_dir = c.Type(str, default="data")
    #: Folder whose ``<name>.md.j2`` files replace the packaged templates one by one, relative to mkdocs.yml.
    templates_dir = c.Type(str, default="overrides/ree")
    #: A collection with at most this many records lists each record in the sidebar; larger ones
    #: are reached through their index page only, which keeps build time linear in the number of pages.
    nav_max_records = c.Type(int, default=30)
    #: A file of Markdown abbreviations (``*[REO]: Rare-earth oxide``), relative to mkdocs.yml. Each page gets the
    #: definitions of the terms it uses, so that they show their meaning on hover (needs the ``abbr`` extension).
    abbreviations = c.Optional(c.Type(str))

"""Read and validate: the data files found, read as strict YAML, and validated into typed records.

``yamlfile`` reads one file (YAML 1.2, with the place of every value); ``discovery`` says which files are records;
``fields``, ``vocabulary``, ``parts``, ``models``, ``schema_rules`` and ``plausible`` are the record kinds, their
field types, vocabularies and labels, the rules between fields and the plausible range of values; ``messages`` puts
validation errors in the project's words; ``loading`` turns files into :class:`Entry` records (with a cache for the
preview); ``tracking`` records which records a page read. ``schema`` writes the JSON Schemas; ``frontmatter`` reads
a page's front matter as strictly as the records, ``articles`` the blog's posts as Material's blog reads them,
``pages`` every page of the docs folder; ``abbreviations`` reads the glossary's abbreviations; ``text`` writes
values in the site's one style. Imports only :mod:`ree_site.errors`.
"""

from __future__ import annotations

from .loading import Entry, load_records
from .models import KINDS, Element, Issue, Producer, Record, Source

__all__ = ["KINDS", "Element", "Entry", "Issue", "Producer", "Record", "Source", "load_records"]

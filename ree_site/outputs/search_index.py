"""The site's search index: Pagefind run over the finished HTML, and the settings file its script reads.

Pagefind (its binary, which the ``pagefind-bin`` package ships) splits the index into chunks that the browser
fetches per query, so a reader's first page downloads none of it. It indexes the HTML any engine writes, which is
why the same index (and ranking) serves MkDocs, ProperDocs and Zensical builds: the ``ree`` plugin runs
:func:`index_site` after every MkDocs build (``mkdocs serve`` included), and ``ree-site index SITE_DIR`` runs it
after Zensical's.

The sections of a page marked ``search: {sections: separate}`` (the glossary's terms) are indexed as records of
their own (:mod:`ree_site.outputs.search_entries`): each is written as a small page into a folder of the site that
Pagefind reads and that is removed again (:data:`ENTRIES`), whose ``url`` metadata points at the section. Beside
Pagefind's files it writes ``pagefind/ree-search.json``: the ranking policy of :mod:`ree_site.render.search`, and
the site's vocabulary for correcting misspellings (the words of every indexed page's title, other names and
headings, with the number of pages that use each so), read back from Pagefind's own fragments, so that it holds
exactly what was indexed.
"""

from __future__ import annotations

import bisect
import gzip
import html
import json
import re
import shutil
import subprocess
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReeError
from ..render.search import COMMON_SHARE, GENERAL_ZIPF, KINDS, client_settings
from .search_entries import Entry, entries, separate_pages

#: The folder of the index under the site, the settings file in it, and the folder of the sections indexed as
#: records of their own while Pagefind runs.
FOLDER = "pagefind"
SETTINGS = "ree-search.json"
ENTRIES = "pagefind-entries"
#: Material's heading permalinks ("¶") are not words of the heading.
EXCLUDED = ".headerlink"
_WORD = re.compile(r"[^\W\d_]{3,}")
#: Headings whose text joins the vocabulary (Pagefind lists every element with an id).
_HEADINGS = {"h1", "h2", "h3"}


@dataclass
class Indexed:
    pages: int
    words: int
    seconds: float

    def __str__(self) -> str:
        return f"Search index: {self.pages} pages, {self.words} words in the vocabulary ({self.seconds:.1f} s)"


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable  # noqa: PLC0415 - only the indexing step needs it
    except ImportError:
        raise ReeError("the search index needs Pagefind's binary: pip install pagefind-bin") from None
    return Path(get_executable())


def index_site(site_dir: Path) -> Indexed:
    """Index the built site ``site_dir`` with Pagefind (replacing its last index) and write the settings file."""
    start = time.perf_counter()
    out, staged = site_dir / FOLDER, site_dir / ENTRIES
    shutil.rmtree(out, ignore_errors=True)
    separate = [entry for url, page in separate_pages(site_dir) for entry in entries(url, page)]
    command = [
        str(pagefind_binary()), "--site", str(site_dir), "--output-subdir", FOLDER, "--force-language", "en",
        "--exclude-selectors", EXCLUDED, "--silent",
    ]  # fmt: skip
    try:
        write_entries(staged, separate)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    if done.returncode != 0 or not (out / "pagefind.js").exists():
        said = (done.stderr or done.stdout or "it wrote no index").strip().splitlines()[-5:]
        raise ReeError("Pagefind could not index the site:\n" + "\n".join(said))
    pages, vocabulary, common, general = read_vocabulary(out)
    settings = {**client_settings(), "pages": pages, "vocabulary": vocabulary, "common": common, "general": general}
    (out / SETTINGS).write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return Indexed(pages, len(vocabulary), time.perf_counter() - start)


def write_entries(folder: Path, separate: list[Entry]) -> None:
    """Each section as a page of its own for Pagefind: its heading as the title, its other names, its kind, and
    the address of the section as its ``url``."""
    if not separate:
        return
    folder.mkdir(parents=True, exist_ok=True)
    kind = html.escape(KINDS["term"])
    for number, entry in enumerate(separate):
        names = f'<span data-pagefind-meta="aliases">{html.escape(", ".join(entry.aliases))}</span>'
        page = (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(entry.title)}</title>'
            f"</head><body><main data-pagefind-body><h1>{html.escape(entry.title)}</h1><p>{html.escape(entry.text)}"
            f'</p><div data-pagefind-ignore><span data-pagefind-meta="url:{html.escape(entry.url)}"></span>'
            f'<span data-pagefind-meta="kind:{kind}"></span><span data-pagefind-filter="kind:{kind}"></span>'
            f"{names if entry.aliases else ''}</div></main></body></html>\n"
        )
        (folder / f"{number:05d}.html").write_text(page, encoding="utf-8")


def words(text: str) -> list[str]:
    """The words of ``text`` as the search compares them: lower case, without accents, letters only."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return _WORD.findall(plain)


def read_vocabulary(folder: Path) -> tuple[int, dict[str, int], dict[str, float], list[str]]:
    """From Pagefind's fragments in ``folder``: the number of pages indexed; each word of their names (title,
    aliases, other spellings, headings) with the number of pages that name it; the site's common words, those
    in the text of more than :data:`COMMON_SHARE` of the pages, with the share of pages that hold each; and the
    words of everyday English in the text (:func:`everyday`) that start no word of any name."""
    names: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    pages = 0
    for path in sorted((folder / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages += 1
        meta = fragment.get("meta", {})
        named = [meta.get(key, "") for key in ("title", "aliases", "terms")]
        named += [a.get("text", "") for a in fragment.get("anchors", []) if a.get("element") in _HEADINGS]
        names.update({word for name in named for word in words(name)})
        texts.update(set(words(fragment.get("content", ""))))
    common = {word: round(count / pages, 3) for word, count in sorted(texts.items()) if count > COMMON_SHARE * pages}
    named = sorted(names)
    unnamed = [word for word in sorted(texts) if not _starts_a_name(word, named)]
    return pages, dict(sorted(names.items())), common, everyday(unnamed)


def _starts_a_name(word: str, named: list[str]) -> bool:
    """Whether ``word`` is a word of ``named`` (sorted) or the start of one ("environment" of "environmental"), as
    the search's prefix matching finds it."""
    at = bisect.bisect_left(named, word)
    return at < len(named) and named[at].startswith(word)


def everyday(candidates: list[str]) -> list[str]:
    """Those of ``candidates`` that are words of everyday English: at least :data:`GENERAL_ZIPF` on the Zipf scale
    of the ``wordfreq`` package's English list (4.5 is about 30 uses in a million words: "called", "goes",
    "biggest", but not "turbine" or "quota")."""
    from wordfreq import zipf_frequency  # noqa: PLC0415 - its word list loads in a third of a second

    return [word for word in candidates if zipf_frequency(word, "en") >= GENERAL_ZIPF]


__all__ = ["FOLDER", "SETTINGS", "Indexed", "everyday", "index_site", "read_vocabulary", "words"]

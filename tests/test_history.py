"""The history of the values: read from a temporary git repository with known edits (added, changed, removed, a
value revised between releases, a file today's models refuse), from a shallow clone and from a copy without git;
the feeds read back with feedparser; and a real build of the small project with its "What changed" page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import feedparser
import pytest

from ree_site.build.project import Project
from ree_site.data.history import read_history
from ree_site.link.changes import History
from ree_site.outputs.feeds import FEEDS, articles_feed, changes_feed

from .conftest import ROOT, SMALL_DATA, mkdocs_build, write_files, write_project

CHINA = SMALL_DATA["producers/china.yml"]
CITATION = """
cff-version: 1.2.0
message: Cite it.
type: dataset
title: Test site
version: "{version}"
date-released: "{date}"
license: CC-BY-4.0
authors:
  - name: Test editors
"""
POST = """
---
date: 2026-11-18
description: What rare earths are.
---

# What are rare earths?

Seventeen metals.
"""


def figures(*items: str) -> str:
    """China's record with these figures (YAML list items, each a mapping on one line)."""
    head = textwrap.dedent(CHINA).split("figures:")[0]
    body = "".join(f"  - {item}\n" for item in items)
    return f"{head}figures:\n{body}elements: [neodymium]\nreviewed: 2026-11-27\n"


FIG_2024 = "{measure: mine-production, year: 2024, value: %s, unit: t REO, source: usgs-test%s}"
FIG_2023 = "{measure: mine-production, year: 2023, value: 240000, unit: t REO, source: usgs-test}"
AUSTRALIA = """
name: Australia
kind: country
country: Australia
summary: A producer.
figures:
  - {measure: mine-production, year: 2024, value: 13000, unit: t REO, source: usgs-test}
reviewed: 2026-11-27
"""


def git(repo: Path, *args: str, date: str = "2026-11-20T12:00:00+00:00") -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    done = subprocess.run([*command, *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, day: int, files: dict[str, str]) -> None:
    write_files(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"edit of {day} November", date=f"2026-11-{day:02d}T12:00:00+00:00")


def make_repo(repo: Path) -> Path:
    """The small project, edited commit by commit (the days are the commit dates):

    20: the records first recorded; 21: China's 2024 figure 270,000 -> 280,000, a 2023 figure added, Australia
    added; 22: release 2026.11.22; 23: the 2023 figure removed, 2024 revised to 260,000 by a new edition (the old
    value kept as an alternative of the earlier edition); 24: China's file broken (a unit today's models refuse);
    25: fixed, 2024 now 265,000; 26: release 2026.11.26; 27: Australia removed (not released yet).
    """
    write_project(repo)
    write_files(repo, {"content/blog/posts/what-are-rare-earths.md": POST})
    git(repo, "init", "-q", "-b", "main")
    commit(repo, 20, {})
    commit(repo, 21, {"data/producers/china.yml": figures(FIG_2024 % (280000, ""), FIG_2023),
                      "data/producers/australia.yml": AUSTRALIA})  # fmt: skip
    commit(repo, 22, {"CITATION.cff": CITATION.format(version="2026.11.22", date="2026-11-22")})
    revised = FIG_2024 % (280000, ", edition: MCS 2026, alternative: true, note: The earlier edition.")
    commit(repo, 23, {"data/producers/china.yml": figures(FIG_2024 % (260000, ", edition: MCS 2027"), revised)})
    broken = figures(FIG_2024 % (260000, ", edition: MCS 2027"), revised).replace("unit: t REO", "unit: kg", 1)
    commit(repo, 24, {"data/producers/china.yml": broken})
    commit(repo, 25, {"data/producers/china.yml": figures(FIG_2024 % (265000, ", edition: MCS 2027"), revised)})
    commit(repo, 26, {"CITATION.cff": CITATION.format(version="2026.11.26", date="2026-11-26")})
    (repo / "data/producers/australia.yml").unlink()
    commit(repo, 27, {})
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("history") / "repo")


def history_of(project: Path) -> History:
    return History.build(read_history(project, project / "data"))


def lines(history: History, kind: str = "producer", record_id: str = "china") -> list[str]:
    """Each value change of a record as "day status label: old -> new [sources]", oldest first."""
    found = []
    for step in reversed(history.of(kind, record_id)):
        if step.record:
            found.append(f"{step.day} record {step.record} ({step.count})")
        for change in step.changes:
            old, new = change.old, change.new
            values = " -> ".join(v.shown for v in (old, new) if v is not None)
            sources = sorted({v.source for v in (old, new) if v is not None and v.source})
            found.append(f"{step.day} {change.status} {change.value.label}: {values} {sources}")
    return found


def test_every_value_added_changed_and_removed_with_old_and_new_value_and_source(repo: Path) -> None:
    assert lines(history_of(repo)) == [
        "20 November 2026 record added (1)",
        "21 November 2026 changed Mine production, 2024: 270,000 t REO (estimated) -> 280,000 t REO ['usgs-test']",
        "21 November 2026 added Mine production, 2023: 240,000 t REO ['usgs-test']",
        # A new edition's value is a change of the figure, not a removal and an addition; the earlier edition's
        # value kept as an alternative is added.
        "23 November 2026 changed Mine production, 2024 (MCS 2027): 280,000 t REO -> 260,000 t REO ['usgs-test']",
        "23 November 2026 added Mine production, 2024 (MCS 2026, alternative value): 280,000 t REO ['usgs-test']",
        "23 November 2026 removed Mine production, 2023: 240,000 t REO ['usgs-test']",
        # 24 November's version does not validate: 25 November's is compared with 23 November's.
        "25 November 2026 changed Mine production, 2024 (MCS 2027): 260,000 t REO -> 265,000 t REO ['usgs-test']",
    ]
    assert lines(history_of(repo), "producer", "australia") == [
        "21 November 2026 record added (1)",
        "27 November 2026 record removed (1)",
    ]


def test_changes_are_grouped_by_release_and_by_day_before_the_first(repo: Path) -> None:
    history = history_of(repo)
    assert [(p.title, p.values) for p in history.periods] == [
        ("Since release 2026.11.26 (not yet released)", 1),
        ("Release 2026.11.26, 26 November 2026", 4),
        ("21 November 2026", 3),
        ("20 November 2026", 7),
    ]
    assert history.note == ""


def test_a_historical_file_todays_models_refuse_is_passed_over_with_a_note(repo: Path) -> None:
    data = read_history(repo, repo / "data")
    assert len(data.notes) == 1
    note = str(data.notes[0])
    assert note.startswith("data/producers/china.yml (commit ")
    assert re.search(r":\d+:\d+: figures\[0\]\.unit: left out of the history of changes", note), note
    assert note in [str(n) for n in Project(repo).run().notes]  # logged by the plugin, printed by check


def test_the_history_is_read_once_per_commit(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy)
    first = read_history(copy, copy / "data")
    assert read_history(copy, copy / "data") is first
    commit(copy, 28, {"data/producers/china.yml": figures(FIG_2024 % (266000, ", edition: MCS 2027"))})
    again = read_history(copy, copy / "data")
    assert again is not first
    assert again.head != first.head
    assert lines(History.build(again))[-2:] == [
        "28 November 2026 changed Mine production, 2024 (MCS 2027): 265,000 t REO -> 266,000 t REO ['usgs-test']",
        "28 November 2026 removed Mine production, 2024 (MCS 2026, alternative value): 280,000 t REO ['usgs-test']",
    ]


def test_a_shallow_clone_says_where_its_history_starts(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    history = history_of(shallow)
    assert history.periods == []
    assert history.note.startswith("History not available before 27 November 2026: this copy")
    deeper = tmp_path / "deeper"
    git(tmp_path, "clone", "-q", "--depth", "3", repo.as_uri(), str(deeper))
    history = history_of(deeper)
    assert "before 25 November 2026" in history.note
    # What the oldest commit of the clone changed is unknown; what came after is listed.
    assert lines(history) == []
    assert lines(history, "producer", "australia") == ["27 November 2026 record removed (1)"]
    # The release of 26 November named nothing the clone knows to have changed: only the unreleased change.
    assert [p.title for p in history.periods] == ["Since release 2026.11.26 (not yet released)"]


def test_a_copy_without_git_builds_with_a_note(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tarball"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
    history = history_of(copy)
    assert history.periods == []
    assert history.note == (
        "History not available: this copy of the site's repository has no history (this copy is not a git repository)."
    )
    outcome = Project(copy).run()
    assert not outcome.broken, outcome.report()
    assert "History not available" in outcome.exports[FEEDS["changes"]]
    page = next(p for p in outcome.pages if p.uri == "changes.md")
    assert "History not available: this copy" in page.markdown


def test_the_feeds_parse_and_carry_the_changes_and_articles(repo: Path) -> None:
    outcome = Project(repo).run()
    assert not outcome.broken, outcome.report()
    changes = feedparser.parse(
        changes_feed(
            outcome.history,
            outcome.catalog,
            site_name="Test site",
            site_url="https://example.org/x/",
            release=outcome.release,
        )
    )
    assert not changes.bozo, changes.bozo_exception
    assert changes.version == "atom10"
    assert [e.title for e in changes.entries] == [
        "Australia: removed, with 1 value",
        "China: 1 value changed",
        "China: 3 values changed",
        "Australia: first recorded, with 1 value",
        "China: 2 values changed",
        "Neodymium: first recorded, with 3 values",
        "Diversification: first recorded, with 1 value",
        "Export controls: first recorded, with 2 values",
        "Bayan Obo: first recorded, with 0 values",
        "China: first recorded, with 1 value",
    ]
    assert changes.entries[1].link == "https://example.org/x/producers/china/"
    assert changes.entries[0].link == "https://example.org/x/changes/"  # a removed record has no page
    assert "260,000 t REO → 265,000 t REO" in changes.entries[1].content[0].value
    assert changes.feed.links[0].href == "https://example.org/x/feed-changes.xml"
    assert changes.feed.rights.startswith("Creative Commons Attribution 4.0")
    articles = feedparser.parse(
        articles_feed(outcome.articles, site_name="Test site", site_url=None, release=outcome.release, blog_dir="blog"),
        response_headers={
            "content-location": "https://example.net/site/feed-articles.xml",
            "content-type": "application/atom+xml",
        },
    )
    assert not articles.bozo, articles.bozo_exception
    assert [(e.title, e.link) for e in articles.entries] == [
        ("What are rare earths?", "https://example.net/site/blog/2026/11/18/what-are-rare-earths/")
    ]
    assert articles.entries[0].summary == "What rare earths are."
    assert all(link.rel != "self" for link in articles.feed.links)  # a self link must be absolute


def test_the_built_site_shows_what_changed_and_each_records_history(repo: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(repo, project)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - ree\n", "  - blog\n  - ree\n").replace(
        "markdown_extensions: [", "markdown_extensions: [toc, "
    )
    write_files(project, {"mkdocs.yml": config, "content/blog/index.md": "# Blog\n",
                          "content/blog/.authors.yml": "authors: {}\n"})  # fmt: skip
    shutil.copytree(ROOT / "overrides", project / "overrides", dirs_exist_ok=True)  # the head with the feeds
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "blog", date="2026-11-28T12:00:00+00:00")
    site = tmp_path / "site"
    result = mkdocs_build(project, "--strict", "-d", str(site))
    assert result.returncode == 0, result.stderr
    changes = (site / "changes/index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", changes[changes.index("<h1") :]))
    assert "Release 2026.11.26, 26 November 2026" in text
    assert "Mine production, 2024 (MCS 2027): 260,000 t REO → 265,000 t REO" in text
    assert "Australia, 27 November 2026: removed, with its one value." in text
    assert 'href="../producers/china/"' in changes
    china = (site / "producers/china/index.html").read_text(encoding="utf-8")
    section = china[china.index('id="history-of-the-values"') : china.index('id="references"')]
    assert '<details class="ree-history">' in section  # folded: no "open"
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", section))
    assert "7 changes to its values, newest first" in plain
    assert "25 November 2026: Mine production, 2024 (MCS 2027): 260,000 t REO → 265,000 t REO" in plain
    assert "20 November 2026: first recorded, with one value." in plain
    for page in (site / "index.html", site / "producers/china/index.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        feeds = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)"', head)
        assert len(feeds) == 2, page
        for href in feeds:
            assert (page.parent / href).resolve().is_file(), href
    parsed = feedparser.parse((site / FEEDS["articles"]).read_text(encoding="utf-8"))
    assert not parsed.bozo
    for entry in parsed.entries:  # each article's link is the page the blog made (site_url is example.org)
        assert (site / entry.link.removeprefix("https://example.org/") / "index.html").is_file(), entry.link

"""What the build reads outside data/: the front matter of the pages and posts (ree_site/data/frontmatter.py,
articles.py, pages.py) and mkdocs.yml itself (read_settings), each problem at its place, never a traceback.
tests/errors/ holds the exact output of `check` for each kind of mistake; these tests cover the rules around it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ree_site.build.project import Project
from ree_site.build.settings import read_settings
from ree_site.data.articles import Blog, find_articles
from ree_site.data.frontmatter import read_front_matter, split_front_matter
from ree_site.data.pages import read_pages
from ree_site.errors import DataError

from .conftest import write_files, write_project

GOOD_POST = "---\ndate: 2026-11-16\nauthors: [editors]\ndescription: Good.\n---\n\n# Good\n\nText.\n"


def test_find_articles_never_raises_and_leaves_out_the_bad_posts(tmp_path: Path) -> None:
    posts = tmp_path / "content" / "blog" / "posts"
    posts.mkdir(parents=True)
    (posts / "good.md").write_text(GOOD_POST)
    bad = {
        "february.md": "---\ndate: 2026-02-30\n---\n\n# Feb\n",
        "colon.md": "---\ndate: 2026-11-16\ndescription: Rare earths: a primer\n---\n\n# Colon\n",
        "list.md": "---\n- date\n---\n\n# List\n",
        "unclosed.md": "---\ndate: 2026-11-16\n\n# Unclosed\n",
        "tagged.md": "---\ndate: !!python/object:os.system 2026-11-16\n---\n\n# Tag\n",
        "directive.md": "---\ndate: 2026-11-16\ndescription: '[[year]]'\n---\n\n# Directive\n",
        "nothing.md": "# No front matter\n",
    }
    write_files(posts, bad)
    (posts / "latin-1.md").write_bytes(b"---\ndate: 2026-11-16\n---\n\n# Caf\xe9\n")
    found = find_articles(tmp_path / "content")
    assert [article.uri for article in found] == ["blog/posts/good.md"]
    pages = read_pages(tmp_path / "content", tmp_path, Blog(authors_file=None))
    assert [article.title for article in pages.articles] == ["Good"]
    shown = sorted({problem.path.rsplit("/", 1)[1] for problem in pages.problems})
    assert shown == sorted(set(bad) | {"latin-1.md"})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_front_matter_gives_a_value_or_a_data_error(text: str) -> None:
    for page in (f"---\n{text}\n---\n\n# Page\n", f"---\n{text}", text):
        try:
            front = read_front_matter(page, "page.md")
        except DataError as exc:
            assert all(problem.line >= 1 for problem in exc.problems)
        else:
            assert isinstance(front.data, dict)


def test_split_follows_mkdocs_rule() -> None:
    assert split_front_matter("---\ntitle: x\n...\n# X\n") == ("---\ntitle: x\n...\n", "# X\n")
    assert split_front_matter("---\ntitle: x\n---") == ("", "---\ntitle: x\n---")  # MkDocs wants a line break
    assert split_front_matter("# X\n---\na: b\n---\n") == ("", "# X\n---\na: b\n---\n")


def test_a_directive_in_front_matter_is_one_problem_and_the_body_keeps_its_line_numbers(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    (project / "content" / "about.md").write_text(
        "---\ntitle: About [[nothing here]]\n---\n\n# About\n\n[[figure china reserves 2024]]\n"
    )
    outcome = Project.from_settings(read_settings(project / "mkdocs.yml")).run()
    assert [str(problem) for problem in outcome.problems] == [
        "content/about.md:2:1: title: directives are expanded in the page body only: write the text itself here",
        "content/about.md:7:1: [[figure]]: producer 'china' has no 'reserves' figure for 2024",
    ]


def test_the_blog_options_of_mkdocs_yml_say_where_posts_and_authors_are(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent("""
        plugins:
          - ree
          - material/blog:
              blog_dir: news
              post_dir: "{blog}/articles"
              authors_file: "{blog}/people.yml"
              categories_allowed: [Basics]
        """)
    )
    blog = read_settings(config).blog
    assert blog == Blog(posts="news/articles", authors_file="news/people.yml", categories_allowed=("Basics",))
    config.write_text("plugins:\n  - ree\n  - blog:\n      authors: false\n      categories: false\n")
    assert read_settings(config).blog == Blog(authors_file=None)
    config.write_text("plugins: [ree]\n")
    assert read_settings(config).blog is None


def test_authors_are_read_from_the_configured_file(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - ree\n", '  - ree\n  - blog:\n      authors_file: "{blog}/people.yml"\n')
    )
    write_files(project / "content" / "blog", {"people.yml": "authors:\n  guest:\n    name: A guest\n"})
    post = project / "content" / "blog" / "posts" / "post.md"
    post.parent.mkdir(parents=True)
    post.write_text(GOOD_POST.replace("[editors]", "[guest]"))
    run = lambda: [str(p) for p in Project.from_settings(read_settings(config)).run().problems]  # noqa: E731
    assert run() == []
    post.write_text(GOOD_POST)
    assert run() == [
        "content/blog/posts/post.md:3:11: authors[0]: unknown author 'editors': the authors in "
        "content/blog/people.yml are guest"
    ]
    (project / "content" / "blog" / "people.yml").write_text("authors: [guest]\n")
    assert run()[0] == ("content/blog/people.yml:1:1: authors: must map each author's id to their name and description")


def test_a_post_needs_front_matter_and_a_date_when_the_blog_is_on(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - ree\n", "  - ree\n  - blog\n"))
    write_files(project / "content" / "blog" / "posts", {
        "bare.md": "# Bare\n",
        "undated.md": "---\ndescription: No date.\n---\n\n# Undated\n",
        "created.md": "---\ndate:\n  updated: 2026-11-16\n---\n\n# Created\n",
        "datetime.md": "---\ndate: 2026-11-16 10:30:00\n---\n\n# A time\n",
    })  # fmt: skip
    outcome = Project.from_settings(read_settings(config)).run()
    assert [str(problem) for problem in outcome.problems] == [
        "content/blog/posts/bare.md:1:1: a post needs front matter with its date (---, date: YYYY-MM-DD, ---): "
        "Material's blog refuses it",
        "content/blog/posts/created.md:2:1: date: needs a created date: {created: YYYY-MM-DD}",
        "content/blog/posts/undated.md:1:1: date: a post needs a date: add date: YYYY-MM-DD to its front matter",
    ]
    assert [article.title for article in outcome.articles] == ["A time"]


@pytest.mark.parametrize(
    ("written", "replacement", "expected"),
    [
        ("docs_dir: content\n", "docs_dir: pages\n", "mkdocs.yml:5:1: docs_dir: no folder 'pages' (relative to "
         "mkdocs.yml): MkDocs would find no pages"),
        ("  - ree\n", "  - ree:\n      templates_dir: mine\n", "mkdocs.yml:14:7: plugins[1].ree.templates_dir: no "
         "folder 'mine' (relative to mkdocs.yml): no template would be replaced"),
        ("  - ree\n", "  - ree:\n      abbreviations: abbr.md\n", "mkdocs.yml:14:7: plugins[1].ree.abbreviations: no "
         "file 'abbr.md' (relative to mkdocs.yml): no abbreviation would be defined"),
        ("  - ree\n", "  - ree:\n      enabled: false\n", "mkdocs.yml:11:1: plugins: the ree plugin is not in "
         "mkdocs.yml's plugins: the site would have no record pages"),
    ],
    ids=["docs_dir", "templates_dir", "abbreviations", "disabled"],
)  # fmt: skip
def test_settings_that_point_nowhere_are_problems_at_their_line(
    tmp_path: Path, written: str, replacement: str, expected: str
) -> None:
    project = write_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(written, replacement))
    assert [str(p) for p in read_settings(config).problems] == [expected]
    # The pipeline reports it with the other problems; nothing raises.
    outcome = Project.from_settings(read_settings(config)).run()
    assert expected in [str(p) for p in outcome.problems]


def test_settings_of_a_project_without_mkdocs_yml_or_inheriting_one(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "mkdocs.yml").problems == ()
    assert read_settings(tmp_path / "mkdocs.yml").docs_dir == "content"
    config = tmp_path / "mkdocs.yml"
    config.write_text("INHERIT: base.yml\n")
    assert read_settings(config).problems == ()
    # An mkdocs.yml that names no docs folder: MkDocs reads docs/, and so does the pipeline.
    assert read_settings(config).docs_dir == "docs"

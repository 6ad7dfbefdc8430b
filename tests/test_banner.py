"""The preview's error banner: the packaged template, a project's override of it, and where it goes."""

from __future__ import annotations

from pathlib import Path

from ree_site.render.banner import BANNER_CLASS, banner, with_banner


def test_the_banner_lists_each_problem_escaped() -> None:
    html = banner(["data/x.yml:1:1: name: <b>bad</b>", "  ", "1 problem found in the data."])
    assert f'class="{BANNER_CLASS}"' in html and 'role="alert"' in html
    assert "<li><code>data/x.yml:1:1: name: &lt;b&gt;bad&lt;/b&gt;</code></li>" in html
    assert html.count("<li>") == 2  # the blank line is left out


def test_a_project_overrides_the_banner_with_its_own_template(tmp_path: Path) -> None:
    (tmp_path / "build_errors.html.j2").write_text('<p class="{{ banner_class }}">{{ errors | length }} to fix</p>')
    assert banner(["a", "b"], tmp_path) == f'<p class="{BANNER_CLASS}">2 to fix</p>'
    assert "The preview is out of date" in banner(["a"], tmp_path / "elsewhere")


def test_the_banner_goes_first_in_the_body() -> None:
    assert with_banner('<html><body class="x"><p>page</p></body>', "<div>!</div>") == (
        '<html><body class="x"><div>!</div><p>page</p></body>'
    )
    assert with_banner("<p>fragment</p>", "<div>!</div>") == "<div>!</div><p>fragment</p>"


def test_a_stopped_rebuild_is_told_in_one_line_with_its_place() -> None:
    from mkdocs.exceptions import ConfigurationError

    from ree_site.engines.mkdocs_adapter import describe_failure

    error = ConfigurationError(
        "MkDocs encountered an error parsing the configuration file: while parsing a flow sequence\n"
        '  in "/tmp/project/mkdocs.yml", line 1, column 12\n'
        "expected ',' or ']', but got ':'\n"
        '  in "/tmp/project/mkdocs.yml", line 2, column 9'
    )
    assert describe_failure(error) == "mkdocs.yml:2:9: expected ',' or ']', but got ':'"
    assert describe_failure(ValueError("day is out of range for month")) == "ValueError: day is out of range for month"


def test_warnings_alone_make_a_quieter_banner() -> None:
    html = banner([], warnings=["data/sources/x.yml:1:1: source 'x' is cited by no record"])
    assert "Warnings" in html and "out of date" not in html and "#eef4ff" in html
    assert banner([]) == ""
    stopped = banner([], failure="mkdocs.yml:2:9: expected ','")
    assert "The last rebuild stopped" in stopped and "mkdocs.yml:2:9" in stopped

"""The `ree-site check` command: the checker that needs no build."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ree_site.engines.cli import main


def test_clean_data_exits_0(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(data_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"7 records checked in {data_dir}: no problems found.",
        "Not checked here: Markdown links and anchors in the hand-written pages, and the nav (mkdocs build --strict "
        "does).",
    ]


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("ree-site 0.")


@pytest.mark.parametrize("command", [["-m", "ree_site"], None])
def test_installed_command_and_module(data_dir: Path, command: list[str] | None) -> None:
    if command is None:
        script = Path(sys.executable).with_name("ree-site")
        assert script.is_file(), "the console script is installed with the package"
        argv = [str(script), "check", str(data_dir)]
    else:
        argv = [sys.executable, *command, "check", str(data_dir)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems found" in result.stdout
    broken = data_dir / "producers" / "china.yml"
    broken.write_text(broken.read_text().replace("kind: country", "kind: planet"))
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "china.yml:2:1: kind: must be one of country, company" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("kind", ["element", "producer", "issue", "source"])
def test_new_writes_a_commented_template_and_never_overwrites(
    data_dir: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = {"element": "elements", "producer": "producers", "issue": "issues", "source": "sources"}[kind]
    assert main(["new", kind, "fresh-record", "--data-dir", str(data_dir)]) == 0
    path = data_dir / folder / "fresh-record.yml"
    text = path.read_text()
    assert text.startswith(f"# yaml-language-server: $schema=../schema/{kind}.json\n")
    assert "reviewed: 20" in text and "{today}" not in text
    # The template names every field of the model, set or commented.
    from ree_site.data.models import KINDS

    for field in KINDS[kind].model_fields:
        if field != "id":
            assert f"{field}:" in text, f"{kind} template lacks {field}"
    # Unfilled, it does not pass the check: the editor is told, in one line, what to fill in.
    capsys.readouterr()
    assert main(["check", str(data_dir)]) == 1
    said = [line for line in capsys.readouterr().out.splitlines() if f"{folder}/fresh-record.yml:" in line]
    assert len(said) == 1 and f":2:1: a new {kind} record, not filled in yet: fill in " in said[0], said
    # A second run refuses and leaves the file as it was.
    path.write_text(text + "# edited\n")
    assert main(["new", kind, "fresh-record", "--data-dir", str(data_dir)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text().endswith("# edited\n")


def test_no_scaffold_hides_a_live_optional_value_in_a_commented_block() -> None:
    """Uncommenting a whole commented block (a figure, an event) must give only the fields a record needs: an
    optional one (a qualifier "more-than", say) stays commented inside it, so it cannot slip in unseen."""
    from importlib.resources import files

    live = []
    for scaffold in sorted(files("ree_site").joinpath("scaffolds").iterdir(), key=lambda p: p.name):
        for number, line in enumerate(scaffold.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^#\s{3,}(?:- )?\w+: .*#\s*optional", line):
                live.append(f"{scaffold.name}:{number}: {line}")
    assert live == []


def test_new_refuses_an_id_that_is_not_a_slug(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "source", "../escape", "--data-dir", str(data_dir)]) == 2
    assert not (data_dir.parent / "escape.yml").exists()
    assert "not an id" in capsys.readouterr().err


def test_export_writes_the_downloads(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", str(out), "--data-dir", str(data_dir)]) == 0
    assert (out / "downloads" / "elements.json").is_file()
    assert (
        (out / "downloads" / "figures.csv")
        .read_text()
        .partition("\n")[2]
        .startswith("producer,measure,element,elements,product,partner,from_year,year,month,value,")
    )
    assert (out / "downloads" / "schema" / "issue.json").is_file()
    # Running again into its own folder is fine; a folder with other files is refused.
    assert main(["export", str(out), "--data-dir", str(data_dir)]) == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    assert main(["export", str(other), "--data-dir", str(data_dir)]) == 1
    assert sorted(p.name for p in other.iterdir()) == ["keep.txt"]


def test_generate_writes_plain_markdown_pages(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    docs = tmp_path / "docs"
    docs.mkdir()
    assert (
        main(
            [
                "generate",
                str(out),
                "--data-dir",
                str(data_dir),
                "--docs-dir",
                str(docs),
                "--templates-dir",
                str(tmp_path / "none"),
            ]
        )
        == 0
    )
    page = (out / "elements" / "neodymium.md").read_text()
    assert page.startswith(
        '---\n{"description": "A light rare earth used in magnets.", "search": {"aliases": ["Nd"], "kind": "element"'
    )
    assert "# Neodymium (Nd)" in page
    # What the search files the page under, at its end, as the plugin appends it in a MkDocs build.
    assert '<span data-pagefind-filter="kind">Element</span>' in page.rsplit('<div class="ree-search-data"', 1)[1]
    for name in ("elements/index.md", "concentration.md", "timeline.md", "downloads.md", "downloads/sources.json"):
        assert (out / name).is_file(), name


def test_export_reports_bad_data(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = data_dir / "elements" / "neodymium.yml"
    broken.write_text(broken.read_text().replace("symbol: Nd", "symbol: nd"))
    assert main(["export", str(tmp_path / "out"), "--data-dir", str(data_dir)]) == 1
    assert "neodymium.yml:2:1: symbol: must be a chemical symbol such as 'Nd' (got 'nd')" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


def _generate(project: Path, out: Path) -> int:
    """Generate the tree of ``project``, whose options and folders come from its mkdocs.yml as the plugin reads it."""
    return main(["generate", str(out), "--config-file", str(project / "mkdocs.yml")])


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_generate_writes_the_complete_tree_deterministically(project: Path, tmp_path: Path) -> None:
    (project / "content" / "index.md").write_text(
        "---\ntitle: Home\n---\n\n# Home\n\nChina mined [[figure china mine-production 2024]] t.\n\n`[[kept]]` in code.\n"
    )
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "site.css").write_text("body {}\n")
    out = tmp_path / "tree"
    assert _generate(project, out) == 0
    home = (out / "index.md").read_text()
    assert home.startswith("---\ntitle: Home\n---\n") and "270,000" in home and "[[figure" not in home
    assert (out / "assets" / "site.css").read_text() == "body {}\n"
    assert (out / "elements" / "neodymium.md").is_file() and (out / "downloads" / "elements.json").is_file()
    # A second run writes nothing: same bytes, same modification times.
    first = _snapshot(out)
    assert _generate(project, out) == 0
    assert _snapshot(out) == first
    # An edit rewrites only what it changes; a removed record's page goes, and nothing else.
    issue = project / "data" / "issues" / "diversification.yml"
    issue.write_text(issue.read_text().replace("New mines", "Newer mines"))
    (project / "content" / "assets" / "site.css").unlink()
    assert _generate(project, out) == 0
    after = _snapshot(out)
    changed = {name for name in after if name in first and after[name] != first[name]}
    assert "issues/diversification.md" in changed and "elements/neodymium.md" not in changed
    assert "assets/site.css" not in after
    (out / "notes.txt").write_text("mine")  # a file the tool did not write is left alone
    assert _generate(project, out) == 0 and (out / "notes.txt").exists()


def test_generate_refuses_to_write_into_content_or_data(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(project / "content")
    assert _generate(project, project / "content" / "generated") == 1
    assert "would overlap" in capsys.readouterr().err
    assert _snapshot(project / "content") == before


def test_generate_reports_a_bad_directive_at_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / "index.md").write_text(
        "---\ntitle: Home\n---\n\n# Home\n\n[[figure atlantis mine-production 2024]]\n"
    )
    assert _generate(project, project.parent / "tree") == 1
    assert "content/index.md:7:1: [[figure]]: unknown producer 'atlantis'" in capsys.readouterr().out


def test_generate_refuses_a_page_where_a_generated_one_goes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content" / "elements").mkdir()
    (project / "content" / "elements" / "neodymium.md").write_text("# Mine\n")
    assert _generate(project, project.parent / "tree") == 1
    assert "content/elements/neodymium.md:1:1: would replace the page the ree plugin generates there" in (
        capsys.readouterr().out
    )


def test_every_command_reads_the_plugin_options_of_mkdocs_yml(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """check, export and generate take the ree plugin's options from mkdocs.yml, as the build does: a project that
    keeps its records in records/ and its template overrides in tpl/ needs no option on the command line."""
    (project / "data").rename(project / "records")
    (project / "tpl").mkdir()
    (project / "tpl" / "issue.md.j2").write_text("# {{ record.title }}\n\nOverridden: {{ record.no_such_field }}\n")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - ree\n", "  - ree:\n      data_dir: records\n      templates_dir: tpl\n")
    )
    monkeypatch.chdir(project)
    assert main(["check"]) == 1  # the override is rendered, and fails as the build would
    assert "issue.md.j2" in capsys.readouterr().out
    (project / "tpl" / "issue.md.j2").write_text("# {{ record.title }}\n\nOverridden issue page.\n")
    assert main(["check"]) == 0
    assert "checked in records" in capsys.readouterr().out
    assert main(["export", "out"]) == 0 and (project / "out" / "downloads" / "issues.json").is_file()
    assert main(["generate", "tree"]) == 0
    assert "Overridden issue page." in (project / "tree" / "issues" / "export-controls.md").read_text()
    # A folder named on the command line replaces the configured one.
    assert main(["check", "missing"]) == 2

"""An editor's own YAML tooling (yaml-language-server, pinned, with the committed JSON Schemas) agrees with
`ree-site check`: the real data is clean for both, and on the golden error cases (tests/errors/) the editor refuses
what `check` refuses, except the rules no JSON Schema can express, which the README lists."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ree_site.data.yamlfile import load_yaml
from ree_site.errors import DataError

from .conftest import ROOT
from .editor_client import SERVER, YamlLanguageServer, errors
from .error_cases import CASES, Case

# Skipped only outside CI, for someone running pytest by hand without it; `make test` installs it.
pytestmark = pytest.mark.skipif(
    not SERVER.exists() and not os.environ.get("CI"), reason="yaml-language-server is not installed (make node-deps)"
)

RECORD_FILES = sorted(
    p for folder in ("elements", "producers", "issues", "sources") for p in (ROOT / "data" / folder).glob("*.yml")
)
YAML_CASES = [case for case in CASES if case.path.suffix == ".yml" and not case.editor.startswith("none")]


def _cannot_express() -> list[str]:
    """The README's list of the rules a JSON Schema cannot express."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What the JSON Schemas cannot express", 1)[1].split("\n#", 1)[0]
    return [line[2:].split(":")[0].strip("*") for line in section.splitlines() if line.startswith("- ")]


def test_the_real_data_is_clean_for_the_editor() -> None:
    assert len(RECORD_FILES) > 400
    with YamlLanguageServer(ROOT) as server:
        found = server.diagnostics(RECORD_FILES)
    said = {path.relative_to(ROOT).as_posix(): errors(diagnostics) for path, diagnostics in found.items()}
    assert {name: problems for name, problems in said.items() if problems} == {}


def test_the_editor_agrees_with_check_on_the_error_cases(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    listed = _cannot_express()
    disagreements = []
    paths = {}
    for case in YAML_CASES:
        # Each case at its own path (its modeline names the schema relative to the file).
        path = data / case.put.split("/")[1] / f"{case.name}.yml"
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(case.path, path)
        paths[case.name] = path
    with YamlLanguageServer(tmp_path) as server:
        found = server.diagnostics(list(paths.values()))
    for case in YAML_CASES:
        said = errors(found[paths[case.name]])
        disagreements += _disagreement(case, said, listed)
    assert len(YAML_CASES) >= 40
    assert not disagreements, "\n".join(disagreements)


def _disagreement(case: Case, said: list[str], listed: list[str]) -> list[str]:
    if case.editor == "refuses":
        lines = {line for problem in case.problems for line in _lines_for(case, problem)}
        if not said:
            return [f"{case.name}: check refuses it, the editor does not"]
        if not lines & {int(error.split(":")[0]) for error in said}:
            return [f"{case.name}: the editor refuses it on another line: {said}"]
        return []
    if case.editor == "accepts":
        return [f"{case.name}: the editor refuses what check accepts: {said}"] if said else []
    rule = case.editor.removeprefix("cannot: ")
    found = [] if rule in listed else [f"{case.name}: {rule!r} is not in the README's list {listed}"]
    if said:
        found.append(f"{case.name}: the editor refuses it, so say 'refuses': {said}")
    return found


def _lines_for(case: Case, expected: str) -> set[int]:
    """The line of a problem, and the lines of the mappings that hold its field: an editor reports a missing
    property (a note a null value needs, say) at the mapping that lacks it, and a problem with the whole file
    (`check` says 1:1) at its first line of content."""
    _path, line, column, rest = expected.split(":", 3)
    lines = {int(line)}
    if (line, column) == ("1", "1"):
        text = case.path.read_text(encoding="utf-8", errors="replace").splitlines()
        lines.add(next((n for n, content in enumerate(text, 1) if not content.startswith("#")), 1))
    field = rest.strip().split(": ", 1)[0]
    loc: list[str | int] = []
    for name, index in re.findall(r"([a-z_<]+)|\[(\d+)\]", field):
        loc.append(name if name else int(index))
    try:
        document = load_yaml(case.path, case.path.name)
    except DataError:
        return lines
    return lines | {document.position(tuple(loc[:end]))[0] for end in range(1, len(loc))}


def test_the_list_of_what_schemas_cannot_express_is_used() -> None:
    used = {case.editor.removeprefix("cannot: ") for case in CASES if case.editor.startswith("cannot: ")}
    listed = _cannot_express()
    assert set(listed) >= used
    assert len(listed) == len(set(listed)) >= 9

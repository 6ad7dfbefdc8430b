"""The golden error cases in tests/errors/: one input file per case, with where it goes in its header, and beside
it ``NAME.out``, the exact output of ``ree-site check`` on the small project with the file in place.

Header lines (``# key: value`` in YAML, ``<!-- key: value -->`` in Markdown), at the top of the input file (in a
page whose front matter is the case, as YAML comments just after its opening ``---``):

- ``case``: what the edit is;
- ``put``: where the file goes in the small project, as a JSON string (so a name may hold a line break);
- ``link: outside``: the file is written outside the project, and ``put`` is a symbolic link to it;
  ``link: nothing``: ``put`` is a symbolic link to a file that does not exist (the case's text is not used);
- ``editor``: what an editor's YAML tooling (yaml-language-server with the JSON Schemas) makes of it:
  ``refuses``, ``accepts``, ``cannot: RULE`` (a rule no JSON Schema can express, listed in the README) or
  ``none: WHY`` (not a record file's content); tests/test_editor.py checks it;
- ``shows``: for an accepted edit, text the built page must show (repeatable);
- ``with``: a record the small project holds for this case only, by name (``world``: the world totals of
  mine production, :data:`EXTRAS`);
- ``check: leaves-out``: a problem only MkDocs finds (a broken Markdown link), which ``check`` says it does not
  look for; ``expect`` then gives what the build must report (repeatable);
- ``project: blog``: the small project has Material's blog: the blog plugin in mkdocs.yml (with
  ``categories_allowed``), its authors file and its index page (:data:`BLOG`).

The last three are for the cases tests/test_hostile.py also builds with ``mkdocs build --strict``.

The expected file is a transcript: ``$ ree-site check data``, every line ``check`` printed, then ``$ echo $?`` and
its exit status.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .conftest import SMALL_DATA, write_files, write_project

ERRORS = Path(__file__).resolve().parent / "errors"
_HEADER = re.compile(r"^(?:# |<!-- )(case|put|editor|expect|shows|link|check|project|with): (.*?)(?: -->)?$")
#: A line of `check` that points at a place: ``path:line:column: ...``.
PLACED = re.compile(r"^.+:\d+:\d+: ")
COMMAND = "$ ree-site check data"
STATUS = "$ echo $?"

#: One more country in the small project, so that a case can push the shares of world mining in 2024 past 100 %.
MYANMAR = """
    name: Myanmar
    kind: country
    country: Myanmar
    stages: [mining]
    summary: A large producer of heavy rare earths.
    figures:
      - measure: share-mining
        year: 2024
        value: 40
        unit: '%'
        source: usgs-test
    reviewed: 2026-11-27
"""

#: Records a case may ask for (``# with: NAME``): the world totals of mine production, against which the shares
#: of the countries are computed (China's 270,000 t in 2024 is 71.1 %).
EXTRAS: dict[str, dict[str, str]] = {
    "world": {
        "producers/world.yml": """
            name: World total
            kind: country
            aggregate: world
            country: World
            stages: [mining]
            summary: World mine production.
            figures:
              - {measure: mine-production, year: 2022, value: 300000, unit: t REO, source: usgs-test}
              - {measure: mine-production, year: 2023, value: 350000, unit: t REO, source: usgs-test}
              - {measure: mine-production, year: 2024, value: 380000, unit: t REO, source: usgs-test}
              - {measure: mine-production, year: 2025, value: 390000, unit: t REO, estimated: true, source: usgs-test}
            reviewed: 2026-11-27
        """
    },
}


#: The blog of a ``project: blog`` case: Material's blog plugin, its authors file and its index page.
BLOG_PLUGIN = """  - blog:
      categories_allowed: [Basics, Security]
"""
BLOG = {
    "content/blog/.authors.yml": """
        authors:
          editors:
            name: The editors
            description: Test site
            avatar: https://example.org/avatar.svg
    """,
    "content/blog/index.md": "# Articles\n",
}


@dataclass
class Case:
    path: Path
    put: str = ""
    editor: str = ""
    expect: list[str] = field(default_factory=list)
    shows: list[str] = field(default_factory=list)
    link: str = ""
    what: str = ""
    check: str = ""
    project: str = ""
    extras: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def expected_path(self) -> Path:
        return self.path.with_suffix(".out")

    def expected(self) -> tuple[list[str], int]:
        """The lines `check` must print and its exit status, from the expected file."""
        lines = self.expected_path.read_text(encoding="utf-8", errors="replace").splitlines()
        assert lines[0] == COMMAND and lines[-2] == STATUS, f"{self.expected_path.name}: not a transcript"
        return lines[1:-2], int(lines[-1])

    @property
    def problems(self) -> list[str]:
        """The problems (and notes) `check` reports at a place, from the expected file."""
        return [line for line in self.expected()[0] if PLACED.match(line)]

    def place(self, project: Path) -> Path:
        """Write the small project into ``project`` with this case's file put in place; return ``project``."""
        extras = {name: text for extra in self.extras for name, text in EXTRAS[extra].items()}
        write_project(project, {**SMALL_DATA, "producers/myanmar.yml": MYANMAR, **extras})
        if self.project == "blog":
            config = project / "mkdocs.yml"
            config.write_text(config.read_text().replace("  - ree\n", "  - ree\n" + BLOG_PLUGIN))
            write_files(project, BLOG)
        target = project / self.put
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        text = self.path.read_bytes()
        if self.link == "outside":
            outside = project.parent / f"{project.name}-outside" / target.name
            outside.parent.mkdir(parents=True, exist_ok=True)
            outside.write_bytes(text)
            target.symlink_to(outside)
        elif self.link == "nothing":
            target.symlink_to(project / "no-such-file.yml")
        else:
            target.write_bytes(text)
        return project


def transcript(printed: str, status: int) -> str:
    """What the expected file holds for `check` printing ``printed`` and exiting with ``status``."""
    return f"{COMMAND}\n{printed}{STATUS}\n{status}\n"


def read_case(path: Path) -> Case:
    case = Case(path)
    for index, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        found = _HEADER.match(line)
        if found is None:
            if line.startswith("# yaml-language-server:") or (index == 0 and line == "---"):
                continue  # a schema line; or the front matter that holds the header
            break
        key, value = found.groups()
        if key == "put":
            case.put = json.loads(value)
        elif key == "expect":
            case.expect.append(value)
        elif key == "shows":
            case.shows.append(value)
        elif key == "case":
            case.what = value
        elif key == "with":
            case.extras.append(value)
        else:
            setattr(case, key, value)
    return case


CASES = [read_case(path) for path in sorted(ERRORS.iterdir()) if path.suffix in {".yml", ".md"}]

"""The corpus of hostile edits in tests/hostile/: one file per case, with what it must give in its header.

Header lines (``# key: value`` in YAML, ``<!-- key: value -->`` in Markdown), at the top of the file:

- ``case``: what the edit is;
- ``put``: where the file goes in a small project, as a JSON string (so a name may hold a line break);
- ``expect``: a problem ``check`` and the build must report, as ``path:line:column: field: message`` (the
  message may be cut short); ``ok`` for an edit that is accepted and neutralised; repeatable;
- ``shows``: for an accepted edit, text the built page must show;
- ``note``: a note ``check`` and the build print (a file passed over);
- ``check: leaves-out``: a problem only MkDocs finds (a broken Markdown link), which ``check`` says it does
  not look for; the build must still fail without costing the last site;
- ``link: outside``: the file is written outside the project, and ``put`` is a symbolic link to it;
- ``editor``: what an editor's YAML tooling (yaml-language-server with the JSON Schemas) makes of it:
  ``refuses``, ``accepts``, ``cannot: RULE`` (a rule no JSON Schema can express, listed in the README) or
  ``none: WHY`` (not a record file's content).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent / "hostile"
_HEADER = re.compile(r"^(?:# |<!-- )(case|put|editor|expect|shows|link|note|check): (.*?)(?: -->)?$")


@dataclass
class Case:
    path: Path
    put: str = ""
    editor: str = ""
    expect: list[str] = field(default_factory=list)
    shows: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    link: str = ""
    what: str = ""
    check: str = ""

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def accepted(self) -> bool:
        return self.expect == ["ok"] or (not self.expect and bool(self.notes))


def read_case(path: Path) -> Case:
    case = Case(path)
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _HEADER.match(line)
        if found is None:
            if line.startswith("# yaml-language-server:"):
                continue
            break
        key, value = found.groups()
        if key == "put":
            case.put = json.loads(value)
        elif key == "expect":
            case.expect.append(value)
        elif key == "shows":
            case.shows.append(value)
        elif key == "note":
            case.notes.append(value)
        elif key == "case":
            case.what = value
        else:
            setattr(case, key, value)
    return case


CASES = [read_case(path) for path in sorted(HOSTILE.iterdir()) if path.suffix in {".yml", ".md"}]

"""Every command the README shows works as written in a fresh shell: each `make` target it names exists, each
shell block runs only `make` or what `.venv/bin/` holds, and each `ree-site` subcommand it names exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ree_site.engines.cli import build_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: Commands a fresh shell has without this project (the README may show them in a block).
SHELL = {"git", "cd", "python3", "apt-get", "npm", "pre-commit"}


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


def test_every_make_target_the_readme_names_exists() -> None:
    named = set(re.findall(r"`make ([a-z][\w-]*)", README))
    assert {"serve", "test", "build", "check", "new"} <= named
    assert sorted(named - make_targets()) == []


def test_every_shell_block_runs_what_a_fresh_shell_has() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", README, re.DOTALL)
    assert blocks
    bin_dir = Path(sys.executable).parent
    wrong = []
    for block in blocks:
        for line in block.splitlines():
            command = line.split("#", 1)[0].strip()
            if not command:
                continue
            first = command.split()[0]
            if first == "make":
                ok = command.split()[1] in make_targets()
            elif first.startswith(".venv/bin/"):
                ok = (bin_dir / first.removeprefix(".venv/bin/")).exists()
            else:
                ok = first in SHELL
            if not ok:
                wrong.append(line)
    assert wrong == []


def test_every_ree_site_subcommand_the_readme_names_exists() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    named = set(re.findall(r"ree-site (?!check`)([a-z]+)\b", README)) - {"is", "the", "command"}
    assert named <= set(commands or {}), sorted(named - set(commands or {}))


def test_make_new_writes_a_record_and_refuses_without_its_arguments(tmp_path: Path) -> None:
    """`make new` is what the README tells an editor to run; without KIND and ID it says how to call it."""
    # -o: never remake .venv from here (a test must not reinstall the environment it runs in).
    command = ["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", "new"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "usage: make new KIND=" in result.stderr

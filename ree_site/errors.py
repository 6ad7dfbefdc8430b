"""One error format for every problem in the data: ``path:line:column: field: message``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, order=True)
class Problem:
    """A single problem found in a data file, pointing at the place to fix."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # A file name may hold a line break or other control character: shown escaped, the report keeps one
        # problem per line.
        path = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), self.path)
        where = f"{path}:{self.line}:{self.column}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class ReeError(Exception):
    """The base of every error the pipeline raises for the user to fix: the MkDocs plugin turns it into a
    ``PluginError`` and the ``ree-site`` command prints it, neither with a traceback."""


class DataError(ReeError):
    """Raised when the data has problems; carries every problem found, sorted by place."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: Sequence[Problem] = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, followed by a count."""
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the data.")
        return "\n".join(lines)


def format_field(loc: Sequence[str | int]) -> str:
    """Turn a location tuple such as ``("figures", 0, "value")`` into ``figures[0].value``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


__all__ = ["DataError", "Problem", "ReeError", "format_field"]

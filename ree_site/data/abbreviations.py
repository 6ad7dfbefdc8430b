"""Glossary abbreviations for each page: only the definitions of the terms the page uses.

Python-Markdown's ``abbr`` extension matches every defined term on every page; appending the whole glossary to
hundreds of generated pages made it a large share of the build. Each page now gets only the lines it needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")


@dataclass(frozen=True)
class Abbreviations:
    """Definitions in Markdown's ``*[TERM]: meaning`` form, and one pattern that finds any of the terms."""

    lines: dict[str, str]
    pattern: re.Pattern[str] | None

    @classmethod
    def parse(cls, text: str) -> Abbreviations:
        lines = {}
        for line in text.splitlines():
            match = _DEFINITION.match(line.strip())
            if match:
                lines[match.group(1)] = line.strip()
        terms = sorted(lines, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, terms)) + r")(?!\w)") if terms else None
        return cls(lines, pattern)

    def for_text(self, markdown: str) -> str:
        """The definitions of the terms that occur in ``markdown``, as lines to append (or "")."""
        if self.pattern is None:
            return ""
        used = {match.group(1) for match in self.pattern.finditer(markdown)}
        if not used:
            return ""
        return "\n\n" + "\n".join(self.lines[term] for term in sorted(used)) + "\n"

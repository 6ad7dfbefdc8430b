"""Which records a piece of work read: while :func:`recording` is on, every record read is noted by its key, so
that an incremental rebuild knows what a page was made from (see :mod:`ree_site.build.incremental`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

Key = tuple[str, str]
"""A record's (kind, id); ``("*", kind)`` stands for the whole collection of a kind."""

#: The sets that record reads of records, innermost last (see :func:`recording`); empty when nothing records.
#: Reading :attr:`ree_site.data.loading.Entry.record` adds the entry's key to the innermost.
RECORDERS: list[set[Key]] = []


@contextmanager
def recording() -> Iterator[set[Key]]:
    """Collect the keys of the records read inside the block (nested blocks each get their own reads)."""
    reads: set[Key] = set()
    RECORDERS.append(reads)
    try:
        yield reads
    finally:
        RECORDERS.pop()


def note_reads(keys: Iterable[Key]) -> None:
    """Count ``keys`` as read by whatever is recording now (a cached result replays what making it read)."""
    if RECORDERS:
        RECORDERS[-1].update(keys)

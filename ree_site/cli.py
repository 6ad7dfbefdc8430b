"""The ``ree-site`` command: work with the data without running MkDocs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .catalog import Catalog
from .errors import DataError
from .loading import load_records


def _check(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    if not data_dir.is_dir():
        print(f"ree-site check: error: no such folder: {data_dir}", file=sys.stderr)
        return 2
    try:
        catalog = Catalog.build(load_records(data_dir))
    except DataError as exc:
        print(exc.report())
        return 1
    count = len(catalog.entries)
    print(f"{count} record{'s' if count != 1 else ''} checked in {data_dir}: no problems found.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ree-site",
        description="Check and work with the YAML records of the rare earths reference site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate every record and print each problem as path:line:column: field: message",
        description=(
            "Validate and link every record without building the site. Prints each problem on its own line, "
            "then a count. Exit status: 0 when the data is clean, 1 when it has problems, 2 for a usage error."
        ),
    )
    check.add_argument("data_dir", nargs="?", default="data", metavar="DATA_DIR", help="folder of records (default: data)")
    check.set_defaults(run=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

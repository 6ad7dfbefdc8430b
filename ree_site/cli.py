"""The ``ree-site`` command: work with the data without running MkDocs."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from . import __version__
from .catalog import Catalog
from .errors import DataError
from .loading import load_records
from .models import FOLDERS, SLUG_PATTERN
from .schema import schema_files


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


def _new(args: argparse.Namespace) -> int:
    if not re.match(SLUG_PATTERN, args.id):
        print(
            f"ree-site new: error: {args.id!r} is not an id: use a lowercase slug such as 'mount-weld'", file=sys.stderr
        )
        return 2
    path = Path(args.data_dir) / FOLDERS[args.kind] / f"{args.id}.yml"
    if path.exists() or path.with_suffix(".yaml").exists():
        print(f"ree-site new: error: {path} already exists; nothing was written", file=sys.stderr)
        return 1
    today = dt.date.today()
    scaffold = files("ree_site").joinpath("scaffolds", f"{args.kind}.yml").read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never replaces a file that appeared meanwhile
        out.write(scaffold.replace("{today}", today.isoformat()).replace("{year}", str(today.year)))
    print(f"{path} written: fill in its fields, then run `ree-site check`.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    out = Path(args.directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
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
    check.add_argument(
        "data_dir", nargs="?", default="data", metavar="DATA_DIR", help="folder of records (default: data)"
    )
    check.set_defaults(run=_check)

    new = commands.add_parser(
        "new",
        help="write a new record file with every field present and commented",
        description="Write data/<kind>s/<ID>.yml from a template. Never overwrites an existing file.",
    )
    new.add_argument("kind", choices=sorted(FOLDERS), help="the kind of record")
    new.add_argument("id", metavar="ID", help="the new record's id: a lowercase slug, which becomes its file name")
    new.add_argument("--data-dir", default="data", help="folder of records (default: data)")
    new.set_defaults(run=_new)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of each record kind",
        description="Write element.json, producer.json, issue.json and source.json, generated from the models.",
    )
    schema.add_argument("directory", nargs="?", default="data/schema", help="output folder (default: data/schema)")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

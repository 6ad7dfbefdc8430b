"""The ``ree-site`` command: work with the data without running MkDocs."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Sequence
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from ..build.incremental import folder_signature
from ..build.project import Project
from ..build.settings import CONFIG_FILE, read_settings
from ..data.discovery import display_path, valid_id
from ..data.schema import schema_files
from ..data.vocabulary import FOLDERS
from ..errors import DataError, ReeError
from ..link.catalog import Catalog
from ..link.review import due_for_review
from ..outputs.export import export_files
from ..outputs.tree import docs_tree, engine_config, write_tree
from .index_command import run_index
from .staged_build import build_site


def _project(args: argparse.Namespace, *, remember: bool = False, **paths: str | None) -> Project:
    """The project configured by ``--config-file``: by default mkdocs.yml beside the data folder when one is named,
    else in the current folder. Folders named on the command line (from the current folder) replace the
    configured ones; the other options are mkdocs.yml's, as the plugin reads them."""
    data_dir = paths.get("data_dir")
    if args.config_file:
        config = Path(args.config_file)
    elif data_dir:
        config = Path(data_dir).absolute().parent / CONFIG_FILE
    else:
        config = Path(CONFIG_FILE)
    settings = read_settings(config)
    given = {
        name: os.path.relpath(Path(path).absolute(), settings.root.absolute()) for name, path in paths.items() if path
    }
    return Project.from_settings(settings, remember=remember, **given)


def _check(args: argparse.Namespace) -> int:
    if args.data_dir is not None and not Path(args.data_dir).is_dir():
        print(f"ree-site check: error: no such folder: {args.data_dir}", file=sys.stderr)
        return 2
    try:
        project = _project(args, data_dir=args.data_dir, docs_dir=args.content_dir, templates_dir=args.templates_dir)
        configured = project.settings.problems if project.settings is not None else ()
        if not project.data_dir.is_dir() and not any(p.field.endswith(".data_dir") for p in configured):
            print(f"ree-site check: error: no such folder: {display_path(project.data_dir, None)}", file=sys.stderr)
            return 2
        outcome = project.run()
    except ReeError as exc:
        print(exc)
        return 1
    for note in outcome.notes:
        print(note)
    # Everything the strict build refuses before it writes a page: mkdocs.yml, the data, the templates, the front
    # matter and directives of the hand-written pages, and sources that nothing cites.
    if outcome.problems or outcome.uncited:
        print(DataError([*outcome.problems, *outcome.uncited]).report())
    if outcome.failure:
        print(outcome.failure)
    if outcome.broken or outcome.uncited:
        return 1
    count = len(outcome.catalog.entries)
    content = project.docs_dir
    pages = f" and the pages in {display_path(content, None)}" if content.is_dir() else ""
    where = args.data_dir or display_path(project.data_dir, None)
    print(f"{count} record{'s' if count != 1 else ''} checked in {where}{pages}: no problems found.")
    print(f"Not checked here: {LEFT_TO_MKDOCS}.")
    return 0


#: What only a build can check, because MkDocs does it: said after every clean `check`, and in the README.
LEFT_TO_MKDOCS = "Markdown links and anchors in the hand-written pages, and the nav (mkdocs build --strict does)"


def _new(args: argparse.Namespace) -> int:
    if not valid_id(args.id):
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


def _loaded(args: argparse.Namespace) -> tuple[Project, Catalog] | None:
    """The project and its records loaded and linked, or None once their problems are printed."""
    try:
        project = _project(args, data_dir=args.data_dir)
        return project, project.catalog()
    except ReeError as exc:
        print(exc)
        return None


def _export(args: argparse.Namespace) -> int:
    if (loaded := _loaded(args)) is None:
        return 1
    project, catalog = loaded
    try:
        release = project.release()
    except ReeError as exc:
        print(exc)
        return 1
    files = {uri: text.encode("utf-8") for uri, text in export_files(catalog, release).items()}
    return _write(Path(args.directory), files, (project.data_dir,), "download files")


def _generate(args: argparse.Namespace) -> int:
    try:
        project = _project(
            args, remember=args.watch, data_dir=args.data_dir, docs_dir=args.docs_dir,
            templates_dir=args.templates_dir, abbreviations=args.abbreviations,
        )  # fmt: skip
    except ReeError as exc:
        print(exc)
        return 1
    status = _generate_once(args, project)
    if not args.watch:
        return status
    # Polled rather than watched with events: a few thousand stat calls a second cost little, and polling needs
    # no thread, no debouncing of an editor's burst of writes, and works the same on every system.
    folders = [project.data_dir, project.docs_dir, project.templates_dir]
    files = [*([project.abbreviations_file] if project.abbreviations_file else []), _config_file(args, project)]
    seen = _inputs(folders, files)
    print(f"Watching {', '.join(map(str, folders))} for changes (Ctrl-C stops)", flush=True)
    try:
        while True:
            time.sleep(WATCH_INTERVAL)
            now = _inputs(folders, files)
            if now != seen:
                seen = now
                _generate_once(args, project)
    except KeyboardInterrupt:
        return 0


#: Seconds between two looks at the inputs of ``ree-site generate --watch``.
WATCH_INTERVAL = 0.2


def _inputs(folders: list[Path], files: list[Path]) -> tuple[object, ...]:
    """What ``generate --watch`` compares: every file's modification time and size."""
    stats = []
    for file in files:
        stat = file.stat() if file.is_file() else None
        stats.append((stat.st_mtime_ns, stat.st_size) if stat is not None else None)
    return (*(folder_signature(folder) for folder in folders), tuple(stats))


def _config_file(args: argparse.Namespace, project: Project) -> Path:
    return Path(args.config_file) if args.config_file else project.root / CONFIG_FILE


def _generate_once(args: argparse.Namespace, project: Project) -> int:
    start = time.perf_counter()
    try:
        outcome = project.run()
        if outcome.broken:
            raise ReeError(outcome.report())
        files = docs_tree(
            outcome.catalog, project.docs_dir, project.templates_dir, outcome.abbreviations, pages=outcome.pages,
            root=project.root, articles=outcome.articles, exports=outcome.exports,
            citing=outcome.citing((project.settings.site_url if project.settings else None) or ""),
        )  # fmt: skip
    except ReeError as exc:
        print(exc, flush=True)
        return 1
    protected = (project.docs_dir, project.data_dir)
    status = _write(Path(args.directory), files, protected, "files: hand-written pages with their directives "
                    "expanded, generated pages, downloads", time.perf_counter() - start)  # fmt: skip
    if status == 0 and args.config:
        config = Path(args.config)
        settings = read_settings(_config_file(args, project))
        nav = project.nav(settings.nav, outcome.catalog)
        extra = {"release": outcome.release.as_dict()} if outcome.release is not None else None
        text = engine_config(settings.text, args.directory, args.site_dir, nav, extra)
        if not config.exists() or config.read_text(encoding="utf-8") != text:
            config.write_text(text, encoding="utf-8")
    return status


def _write(
    out: Path, files: dict[str, bytes], protected: tuple[Path, ...], what: str, seconds: float | None = None
) -> int:
    """Write a tree with :func:`tree.write_tree` (only what changed; its own stale files removed) and say so."""
    try:
        written, unchanged, removed = write_tree(out, files, protected=protected)
    except ValueError as exc:
        print(f"ree-site: error: {exc}", file=sys.stderr)
        return 1
    took = f" ({seconds:.2f} s)" if seconds is not None else ""
    print(
        f"{len(files)} {what} in {out}: {written} written, {unchanged} unchanged, {removed} removed{took}", flush=True
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    return build_site(Path(args.config_file or CONFIG_FILE), Path(args.site_dir) if args.site_dir else None)


def _review(args: argparse.Namespace) -> int:
    if (loaded := _loaded(args)) is None:
        return 1
    due = due_for_review(loaded[1])
    for item in due:
        print(item)
    count = len(due)
    print(f"{count} record{'s' if count != 1 else ''} due for review." if count else "No record is due for review.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    out = Path(args.directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


#: The help of an option whose default is mkdocs.yml's.
CONFIGURED = "{} (default: the ree plugin's {} in mkdocs.yml, else its default)"


def _config_option(parser: argparse.ArgumentParser, *aliases: str) -> None:
    parser.add_argument(
        "--config-file", "-f", *aliases, dest="config_file",
        help="the project's mkdocs.yml, whose ree plugin options are the defaults (default: mkdocs.yml beside the "
        "data folder when one is named, else in the current folder)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ree-site",
        description="Check and work with the YAML records of the rare earths reference site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('ree_site')}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate every record and print each problem as path:line:column: field: message",
        description=(
            "Validate and link every record, render every generated page and expand the directives of the "
            "hand-written pages, without building the site: everything `mkdocs build --strict` refuses before "
            "it writes a page. Prints each problem on its own line, then a count. Exit status: 0 when the data "
            "is clean, 1 when it has problems, 2 for a usage error."
        ),
    )
    check.add_argument(
        "data_dir", nargs="?", metavar="DATA_DIR", help=CONFIGURED.format("folder of records", "data_dir")
    )
    check.add_argument(
        "--content-dir",
        help="hand-written pages whose [[...]] directives are checked too (default: docs_dir of mkdocs.yml)",
    )
    check.add_argument("--templates-dir", help=CONFIGURED.format("template overrides to render with", "templates_dir"))
    _config_option(check)
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

    review = commands.add_parser(
        "review",
        help="list the records due for review: not reviewed for a year, or citing a source with a newer edition",
        description=(
            "List, at each record's reviewed: field, the records not reviewed for over a year and those that cite "
            "a source of which a newer edition is in the data (an id that differs only by a later year). A "
            "report for editors: the exit status is 0 unless the data itself has problems."
        ),
    )
    review.add_argument("--data-dir", help=CONFIGURED.format("folder of records", "data_dir"))
    _config_option(review)
    review.set_defaults(run=_review)

    export = commands.add_parser(
        "export",
        help="write the downloads (JSON, CSV, JSON Schema) without building the site",
        description="Write the site's downloads into DIRECTORY: downloads/*.json, *.csv and schema/*.json, each "
        "record's JSON, the data package and llms.txt.",
    )
    export.add_argument("directory", metavar="DIRECTORY")
    export.add_argument("--data-dir", help=CONFIGURED.format("folder of records", "data_dir"))
    _config_option(export)
    export.set_defaults(run=_export)

    generate = commands.add_parser(
        "generate",
        help="write the complete docs tree as plain Markdown, for engines that do not run MkDocs plugins",
        description=(
            "Write the complete docs tree into DIRECTORY: the hand-written pages of DOCS_DIR with their [[...]] "
            "directives expanded and their abbreviations appended, every generated page (records, indexes, views) "
            "with front matter, the downloads and the other files of DOCS_DIR. The same input gives byte-identical "
            "files; a file is rewritten only when it changes, and files written by an earlier run that are no "
            "longer part of the tree are removed (a manifest lists them). Never writes into DOCS_DIR or DATA_DIR."
        ),
    )
    generate.add_argument("directory", metavar="DIRECTORY")
    generate.add_argument("--data-dir", help=CONFIGURED.format("folder of records", "data_dir"))
    generate.add_argument("--docs-dir", help=CONFIGURED.format("hand-written pages and assets", "docs_dir"))
    generate.add_argument("--templates-dir", help=CONFIGURED.format("template overrides", "templates_dir"))
    generate.add_argument(
        "--abbreviations",
        help=CONFIGURED.format("glossary abbreviations appended where used", "abbreviations"),
    )
    generate.add_argument(
        "--config", help="also write an engine's configuration here: mkdocs.yml with docs_dir set to DIRECTORY"
    )
    generate.add_argument("--site-dir", default="site-zensical", help="site_dir of the --config file")
    _config_option(generate, "--mkdocs-config")
    generate.add_argument(
        "--watch",
        action="store_true",
        help="keep running, and write the tree again (only what changed) whenever an input changes",
    )
    generate.set_defaults(run=_generate)

    build = commands.add_parser(
        "build",
        help="build the site with mkdocs build --strict, replacing the site folder only when the build succeeds",
        description=(
            "Refuse a mkdocs.yml that cannot make the site (no ree plugin, a folder or file it names that is not "
            "there), then run `mkdocs build --strict` into a staging folder beside the site folder "
            "(.site.building) and swap it in only when the build succeeded. Whatever fails (the data, a page, a "
            "plugin, a link under --strict), the last site stays as it was."
        ),
    )
    build.add_argument("--site-dir", help="the site folder (default: site_dir of mkdocs.yml, else site)")
    build.add_argument(
        "--config-file", "-f", dest="config_file", help="the project's mkdocs.yml (default: mkdocs.yml here)"
    )
    build.set_defaults(run=_build)

    index = commands.add_parser(
        "index",
        help="build the search index of a built site (what the plugin does after each MkDocs build)",
        description="Index SITE_DIR with Pagefind and write the search's settings beside the index (pagefind/), as "
        "the ree plugin does after each MkDocs build: for a site another engine built, such as Zensical.",
    )
    index.add_argument("site_dir", metavar="SITE_DIR", help="the built site")
    index.add_argument("--watch", action="store_true", help="keep running, and index again when the pages change")
    index.set_defaults(run=lambda args: run_index(Path(args.site_dir), watch=args.watch))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

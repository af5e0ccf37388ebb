"""The ``sitegen`` command: argument parsing, printing and exit codes.

This is the only module that prints or exits. Exit codes: 0 success, 1 the
site has errors (or warnings with ``--strict``), 2 wrong usage.

May import: build, serve, config, errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .build import BuildOptions, build, check
from .errors import Problem, SiteError, problems_to_json


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitegen",
        description="Build static progress-report sites from interviews (Markdown) and figures (YAML).")
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser("build", help="check the site and write it into the output folder")
    _site_arg(build_cmd)
    build_cmd.add_argument("--output", metavar="DIR", help="output folder (default: output_dir in site.yaml, 'output')")
    build_cmd.add_argument("--base-url", metavar="URL",
                           help="address the site is published at, e.g. https://example.org/qingpu/diaoyan/")
    build_cmd.add_argument("--quiet", action="store_true", help="print nothing but errors")

    check_cmd = commands.add_parser("check", help="check the site without writing anything")
    _site_arg(check_cmd)
    check_cmd.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check_cmd.add_argument("--format", choices=("text", "json"), default="text",
                           help="text for people (default), json for tools and editor plug-ins")
    return parser


def _site_arg(command: argparse.ArgumentParser) -> None:
    command.add_argument("--site", metavar="DIR", type=Path, default=Path("."),
                         help="the site folder, holding site.yaml (default: the current folder)")


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def run_build(args: argparse.Namespace) -> int:
    """Run ``sitegen build``; returns the exit code."""
    options = BuildOptions(root=args.site, base_url=args.base_url, output=args.output)
    try:
        result = build(options)
    except SiteError as failure:
        _print_problems(failure.problems)
        print(f"build stopped: {_summary(failure.problems)}; the output folder was not changed",
              file=sys.stderr)
        return 1
    if not args.quiet:
        _print_problems(result.warnings)
        for document in result.scheduled:
            print(f"{document.path}: scheduled for {document.meta.date:%Y-%m-%d %H:%M}, not published yet")
        output = result.config.output_path
        try:
            shown = output.relative_to(Path.cwd())
        except ValueError:
            shown = output
        print(f"built {result.pages} pages ({result.files} files, {result.changed} changed, "
              f"{result.removed} removed) into {shown}/ in {result.seconds:.2f} s"
              + (f"; {len(result.warnings)} warning(s)" if result.warnings else ""))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Run ``sitegen check``; returns the exit code."""
    result = check(BuildOptions(root=args.site))
    failed = any(p.severity == "error" for p in result.problems) or (args.strict and result.problems)
    if args.format == "json":
        print(problems_to_json(result.problems))
        return 1 if failed else 0
    _print_problems(result.problems)
    for document in result.scheduled:
        print(f"{document.path}: scheduled for {document.meta.date:%Y-%m-%d %H:%M}, not published yet")
    print(f"checked: {_summary(result.problems)}", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sitegen`` command; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    args = _parser().parse_args(argv)
    handlers = {"build": run_build, "check": run_check}
    return handlers[args.command](args)

"""The ``sitegen`` command: argument parsing, printing and exit codes.

This is the only module that prints or exits. Exit codes: 0 success, 1 the
site has errors (or warnings with ``--strict``), 2 wrong usage.

Commands: ``build`` and ``check`` (the pipeline), ``serve`` (live preview,
`sitegen.serve`), ``new`` and ``init`` (files to start from, `sitegen.scaffold`).

May import: lazyre, build, serve, scaffold, config, errors, fresh, models, slugs.

The pipeline, the dev server (tornado, livereload) and the scaffold
(pypinyin's phrase dictionary) are imported by the commands that use them,
so ``sitegen --version``, ``--help`` and usage errors answer at once.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, NoReturn, Sequence

from . import __version__
from .errors import Problem, SiteError, command_word, problems_to_json
from .lazyre import compile_later

if TYPE_CHECKING:
    from .build import BuildResult
    from .serve import BuildOutcome


class _UnitLevels:
    """The choices of ``new unit --level`` (`sitegen.scaffold.LEVELS`), imported when argparse asks."""

    def __iter__(self) -> Iterator[str]:
        from .scaffold import LEVELS
        return iter(LEVELS)

    def __contains__(self, value: object) -> bool:
        from .scaffold import level_refusal
        return isinstance(value, str) and level_refusal(value) is None


def _level(text: str) -> str:
    """``--level``: as typed, when ``level:`` in a unit's file takes it (town, 镇) or it names no level at all
    (argparse then lists the choices, with the one meant for a slip); another word for a level (乡, 居委会,
    ``Town``) is refused with the value to write, as `sitegen check` refuses it in the file
    (`sitegen.scaffold.level_refusal`)."""
    from .scaffold import level_meant, level_refusal

    refusal = level_refusal(text)
    if refusal is not None and level_meant(unicodedata.normalize("NFKC", text)) is not None:
        raise argparse.ArgumentTypeError(f"{refusal[0].removesuffix(' for --level')}: {refusal[1]}")
    return text


class _Parser(argparse.ArgumentParser):
    """The top-level parser: a word it does not know is blamed on the command it was typed for.

    argparse reports ``sitegen serve --prot 8000`` with the usage of
    ``sitegen`` itself and no suggestion; here the command's own usage is
    shown, with the option meant (``--port``), or ``--site`` before a folder
    typed alone (``sitegen build mysite``).
    """

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]  # argparse's signature
        """Parse like argparse; unknown words exit 2 with the command's usage and what was probably meant."""
        typed = list(sys.argv[1:] if args is None else args)
        if (dashed := _dashed_text(typed)) is not None:
            self._refuse_dashed_title(typed, dashed, namespace)
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = _command_parser(self, parsed)
            command.error(f"unrecognized arguments: {' '.join(extras)}{_meant(command, extras)}")
        return parsed

    def _refuse_dashed_title(self, typed: list[str], dashed: int, namespace: argparse.Namespace | None) -> None:
        """Exit 2 when the word ``typed[dashed]`` (`_dashed_text`) is part of the title or name of ``sitegen new``:
        argparse reads it as an option it does not know, and said the title was missing.

        The message gives the command with ``--`` before the title, the
        options first (`_new_again`). Returns for any other command, where
        argparse's own message follows.
        """
        probe = [*typed[:dashed], "-", *typed[dashed + 1:]]  # a lone "-" is a word argparse never reads as an option
        parsed, _extras = self.parse_known_args(probe, namespace)
        field = "name" if getattr(parsed, "kind", None) == "unit" else "title"
        words = getattr(parsed, field, None) if parsed.command == "new" else None
        if not isinstance(words, list) or "-" not in words:
            return
        words[words.index("-")] = typed[dashed]
        again = _new_again(parsed, None)
        _command_parser(self, parsed).error(
            f'"{typed[dashed]}" starts with "-", so it is read as an option, not as the {field}: type -- before the '
            f"{field}, after the options" + (f": {again}" if again else ""))

    def error(self, message: str) -> NoReturn:
        """Exit 2 with argparse's message; a command or kind typed wrong (``bulid``) gets the one meant."""
        import difflib

        wrong = _INVALID_CHOICE_RE.search(message)
        if wrong:
            close = difflib.get_close_matches(wrong.group("typed"), re.findall(r"'([^']*)'", wrong.group("choices")),
                                              n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {close[0]}?)"
        super().error(message)


def _dashed_text(typed: Sequence[str]) -> int | None:
    """The index of the first word of ``typed`` (before any ``--``) that starts with "-" and reads as an option to
    argparse but can be none: a digit or a character beyond ASCII after it (``-3号楼整改``, ``-第三期``); None.

    Every option of sitegen is ``-`` and an ASCII letter, or ``--`` and a
    name. argparse reads a word with a space (``"-第三期 访谈"``) or a
    negative number (``-1``) as a value by itself.
    """
    for at, word in enumerate(typed):
        if word == "--":
            return None
        if (word[:1] == "-" and (word[1:2].isdigit() or not word[1:2].isascii()) and " " not in word
                and not _NEGATIVE_NUMBER_RE.match(word)):
            return at
    return None


_NEGATIVE_NUMBER_RE = compile_later(r"^-\d+$|^-\d*\.\d+$")
"""What argparse reads as a negative number, a value and not an option (its ``_negative_number_matcher``)."""
_INVALID_CHOICE_RE = compile_later(r"invalid choice: '(?P<typed>[^']*)' \(choose from (?P<choices>[^)]*)\)")


def _command_parser(parser: argparse.ArgumentParser, parsed: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the (sub)command that was typed: ``sitegen new unit``'s for ``new unit …``."""
    for name in ("command", "kind"):
        action = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
        chosen = getattr(parsed, name, None)
        if action is None or chosen not in action.choices:
            break
        parser = action.choices[chosen]
    return parser


def _meant(command: argparse.ArgumentParser, extras: Sequence[str]) -> str:
    """``" (did you mean --port?)"`` for the first unknown word that resembles something; else ""."""
    import difflib

    options = [option for action in command._actions for option in action.option_strings if option.startswith("--")]
    for word in extras:
        if word.split("=", 1)[0] in options:  # the command's own option, typed before the command
            return f" (write it after the command: {command.prog} {word})"
        if word.startswith("-"):
            close = difflib.get_close_matches(word.split("=", 1)[0], options, n=1, cutoff=0.6)
            if close:
                return f" (did you mean {close[0]}?)"
        elif "--site" in options and Path(word).is_dir():
            return f" (to name the site folder, write --site {command_word(word)})"
    return ""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sitegen",
        description="Build static progress-report sites from interviews (Markdown) and figures (YAML).")
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build", help="check the site and write it into the output folder",
        description="Check the site and write it into the output folder. Rebuilds redo only what changed "
                    "(the cache is .sitegen-cache/): unchanged pages are kept as published, and when no "
                    "input or output file changed since the last build, its report is printed again at once.")
    _site_arg(build_cmd)
    build_cmd.add_argument("--output", metavar="DIR",
                           help="output folder; a relative one is inside the site folder, as output_dir in "
                                "site.yaml is (default: output_dir, 'output')")
    build_cmd.add_argument("--base-url", metavar="URL",
                           help="address the site is published at, e.g. https://example.org/qingpu/diaoyan/")
    chatter = build_cmd.add_mutually_exclusive_group()
    chatter.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors (no warnings, no summary)")
    chatter.add_argument("-v", "--verbose", action="store_true", help="also list every file written or removed")
    build_cmd.add_argument("--jobs", type=int, metavar="N",
                           help="processes reading pages, converting Markdown and rendering "
                                "(default: one per core; output is the same)")
    build_cmd.add_argument("--clean", action="store_true",
                           help="start from nothing: empty the build cache (.sitegen-cache; a running sitegen serve's "
                                "preview and the record of the addresses published are kept) and build the new site "
                                "in an empty folder, not in the previous one kept beside the output")
    build_cmd.add_argument("--replace-other-site", action="store_true",
                           help="replace another site's output when the output folder holds one (refused "
                                "otherwise: the output folder names the site that built it, so that one site is "
                                "never published over another by a slip)")
    build_cmd.add_argument("--no-search", dest="search", action="store_false",
                           help="leave out the search index (faster; the search page then offers links only)")

    check_cmd = commands.add_parser(
        "check", help="check the whole site without writing the output (the build cache is filled as by build)",
        description="Load and check every file of the site as a build does, and print every problem at once "
                    "(file:line:column, what is wrong, how to fix it), sorted by file and line. Compiles the "
                    "templates but renders no page. Writes no "
                    "output; fills the build cache, so the next build or check starts from it. Exits 1 when "
                    "there is an error (with --strict, a warning too).")
    _site_arg(check_cmd)
    check_cmd.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check_cmd.add_argument("--format", choices=("text", "json"), default="text",
                           help="text for people (default), json for tools and editor plug-ins")
    _serve_parser(commands)
    _new_parser(commands)
    init_cmd = commands.add_parser(
        "init", help="create a new site folder with one example of each record",
        description="Create a new site folder: site.yaml, one series, one unit (with a tally, a target "
                    "and a milestone), one interview, one case study and a .gitignore. The default "
                    "theme is used; the folder must be new or empty.")
    init_cmd.add_argument("dir", metavar="DIR", type=Path, help="the folder to create (new or empty)")
    init_cmd.add_argument("--title", help="the site's title (default: 进度公开)")
    return parser


def _serve_parser(commands: argparse._SubParsersAction) -> None:
    serve_cmd = commands.add_parser(
        "serve", help="preview the site, drafts included; rebuild and reload on every save",
        description="Build the site with drafts and scheduled pages (shown with a banner) into a preview "
                    "folder of the build cache (never the published output), serve it, and rebuild and reload the open pages on every change to "
                    "site.yaml, content/, templates/ or data/. A broken edit shows its errors in the "
                    "terminal and in the browser. Opens no browser; Ctrl-C stops.")
    _site_arg(serve_cmd)
    serve_cmd.add_argument("--host", default="127.0.0.1", type=_host,
                           help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0 lets other "
                                "devices on the network, such as a phone, see the preview, drafts included)")
    serve_cmd.add_argument("--port", type=_port, default=8000, help="port (default 8000; 0 picks a free one)")
    serve_cmd.add_argument("--output", metavar="DIR",
                           help="folder for the preview's pages; a relative one is inside the site folder "
                                "(default: .sitegen-cache/preview, so the published output folder is never "
                                "touched; it may not be that folder, nor any other that sitegen build "
                                "published into)")
    serve_cmd.add_argument("--search", action="store_true",
                           help="make the search index at every rebuild, as sitegen build does (default: the "
                                "preview's search page says it has no index: a rebuild then takes a fraction of "
                                "the time on a large site)")


def _new_parser(commands: argparse._SubParsersAction) -> None:
    new_cmd = commands.add_parser(
        "new", help="write a new interview, case study, unit or series file to fill in, or print a tally",
        description="Write a new record with every field and a comment on each, today's date and a "
                    "pinyin slug. Never overwrites a file. 'new tally' prints a tally to paste into "
                    "the unit's file (sitegen never rewrites a file you edit).")
    kinds = new_cmd.add_subparsers(dest="kind", required=True, metavar="KIND")
    interview = kinds.add_parser("interview", help="content/interviews/<slug>.md (a draft)")
    interview.add_argument("title", nargs="+", metavar="TITLE",
                           help='the title, e.g. "白鹤镇：补好短板发挥优势" (words apart are one title)')
    interview.add_argument("--unit", metavar="ID", help="id of the unit interviewed (default: the only one there is, "
                                                        "else the one the title names)")
    interview.add_argument("--series", metavar="ID", help="id of the series (default: the only one there is)")
    interview.add_argument("--slug", help="the URL part (default: the pinyin of the title)")
    case = kinds.add_parser("case", help="content/cases/<slug>.md (a draft)")
    case.add_argument("title", nargs="+", metavar="TITLE", help='the title, e.g. "做大做强白鹤草莓"')
    case.add_argument("--unit", metavar="ID", help="id of the unit (default: the only one there is, else the one the "
                                                   "title names)")
    case.add_argument("--slug", help="the URL part (default: the pinyin of the title)")
    unit = kinds.add_parser("unit", help="content/units/<id>.yaml")
    unit.add_argument("name", nargs="+", metavar="NAME", help='the unit\'s name, e.g. "白鹤镇"')
    unit.add_argument("--id", help="the id and file name (default: the pinyin of the name); given after new unit "
                                   "wrote the unit under another id, it replaces that file, while nothing has "
                                   "changed it or names its id")
    unit.add_argument("--level", type=_level, choices=_UnitLevels(), metavar="LEVEL",
                      help="kind of unit: %(choices)s, or its Chinese word (镇, 街道 …) (default: guessed "
                           "from the name, e.g. 镇 → town)")
    series = kinds.add_parser("series", help="content/series/<id>.yaml")
    series.add_argument("title", nargs="+", metavar="TITLE", help='the series title, e.g. "大调研微访谈"')
    series.add_argument("--id", help="the id and file name (default: the pinyin of the title)")
    tally = kinds.add_parser("tally", help="print a tally (dated figures) to paste into a unit's file")
    tally.add_argument("--unit", metavar="ID", help="id of the unit (default: the only one there is)")
    for command in (interview, case, unit, series, tally):
        _site_arg(command)


def _host(text: str) -> str:
    """``--host``: an address, never empty (an empty one would listen on every network, drafts and all)."""
    host = text.strip()
    if not host:
        raise argparse.ArgumentTypeError("give an address, e.g. 127.0.0.1 (this computer only)")
    if host.count(":") == 1 and host.rsplit(":", 1)[1].isdigit():
        raise argparse.ArgumentTypeError(f"give the port on its own: --host {host.rsplit(':', 1)[0]} "
                                         f"--port {host.rsplit(':', 1)[1]}")
    return host


def _port(text: str) -> int:
    """``--port``: a whole number from 0 to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 1 to 65535, e.g. 8000 "
                                         "(0 picks a free one)")
    return port


def _site_arg(command: argparse.ArgumentParser) -> None:
    command.add_argument("--site", metavar="DIR", type=Path, default=Path("."),
                         help="the site folder, holding site.yaml (default: the current folder)")


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)


def _print_unpublished(drafts: Sequence[str], scheduled: Sequence[tuple[str, str]]) -> None:
    """Print the pages a build leaves out: each draft, and each other page scheduled (path, publish time)."""
    for path in drafts:
        print(f"{path}: a draft, not published; write draft: false to publish it")
    for path, when in scheduled:
        if path not in drafts:  # a draft dated later is told once, as a draft: it waits for that first
            # A static site publishes nothing by itself: "scheduled" read as if the page would appear then.
            print(f"{path}: scheduled for {when}, not published yet: the first build from then on publishes it "
                  "(build and upload the site again then)")


def _publish_times(documents: Sequence[Any]) -> list[tuple[str, str]]:
    """``(path, publish time as typed: YYYY-MM-DD HH:MM, or the date alone)`` of each scheduled page
    (`sitegen.load.Document`)."""
    from .models import publish_time_text

    return [(document.path, publish_time_text(document.meta.date)) for document in documents]


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def _build_summary(result: BuildResult) -> str:
    """The one line a build prints: pages, files, changes, where, how long, warnings."""
    return _summary_line(result.pages, result.files, result.changed, result.removed, result.converted,
                         result.config.output_path, result.seconds, len(result.warnings))


def _summary_line(pages: int, files: int, changed: int, removed: int, converted: int, output: Path,
                  seconds: float, warnings: int, note: str = "") -> str:
    return (f"built {pages} pages ({files} files, {changed} changed, {removed} removed; "
            f"{converted} Markdown converted) into {_shown(output)}/ in {seconds:.2f} s{note}"
            + (f"; {warnings} warning(s)" if warnings else ""))


def _example_address_note(base_url: str, given: bool = False) -> str | None:
    """What to say of a site built for an example address (``https://example.org/``, as ``sitegen init`` writes
    it, or as ``given`` with --base-url, copied from the README), or None for any other: its sitemap, feeds and
    canonical links would lead there once published."""
    from .config import is_example_host

    if not is_example_host(base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()):
        return None
    fix = ("build with --base-url and the site's own address" if given else
           "write the site's own address in site.yaml (base_url:) or build with --base-url")
    return (f"the site was built for {base_url}, an example address: its sitemap, feeds and the links search "
            f"engines keep lead there; before publishing, {fix}")


def _print_example_address_note(base_url: str, given: bool) -> None:
    """Print `_example_address_note` on standard error, when there is one: after every build's summary, a build
    with nothing to do included (a publisher builds again just before copying the output to the host)."""
    if (note := _example_address_note(base_url, given=given)) is not None:
        print(f"  note: {note}", file=sys.stderr)


def _shown(output: Path) -> Path:
    try:
        return output.relative_to(Path.cwd())
    except ValueError:
        return output


def _report_unchanged(args: argparse.Namespace) -> bool:
    """When nothing the last build read or wrote changed (`sitegen.fresh`), print its report again, but the
    warnings it told once (`sitegen.errors.Problem.once`); True then.

    Runs before the pipeline is even imported, so an up-to-date site
    answers in a fraction of a second. ``--clean`` always builds.
    """
    if args.clean:
        return False
    from .fresh import last_build

    started = time.perf_counter()
    last = last_build(Path(args.site), base_url=args.base_url, output=args.output, search=args.search)
    if last is None:
        return False
    if not args.quiet:
        _print_problems(last.warnings)
        _print_unpublished(last.drafts, last.scheduled)
        print(_summary_line(last.pages, last.files, 0, 0, 0, Path(last.output), time.perf_counter() - started,
                            len(last.warnings), note=": nothing changed since the last build"))
        _print_example_address_note(last.base_url, given=args.base_url is not None)
    return True


def run_build(args: argparse.Namespace) -> int:
    """Run ``sitegen build``; returns the exit code."""
    if args.jobs is not None and args.jobs < 1:
        print("sitegen build: --jobs needs a whole number of 1 or more", file=sys.stderr)
        return 2
    if _report_unchanged(args):
        return 0
    from .build import BuildOptions, build

    options = BuildOptions(root=args.site, base_url=args.base_url, output=args.output, jobs=args.jobs,
                           clean=args.clean, search=args.search, process_ends=args.process_ends,
                           replace_other_site=args.replace_other_site)
    try:
        with _progress(enabled=not args.quiet and sys.stderr.isatty()) as stage:
            result = build(options, progress=stage)
    except SiteError as failure:
        if args.quiet:
            _print_problems([problem for problem in failure.problems if problem.severity == "error"])
            return 1
        _print_problems(failure.problems)
        print(f"build stopped: {_summary(failure.problems)}; the output folder was not changed",
              file=sys.stderr)
        return 1
    if not args.quiet:
        _print_problems(result.warnings)
        _print_unpublished([d.path for d in result.drafts], _publish_times(result.scheduled))
        if args.verbose:
            for path in result.changed_paths:
                print(f"wrote   {path}")
            for path in result.removed_paths:
                print(f"removed {path}")
        print(_build_summary(result))
        _print_example_address_note(result.config.base_url, given=args.base_url is not None)
    return 0


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str], None]]:
    """Show the build's stage with a spinner and elapsed time on a terminal (rich); else nothing.

    Yields the callback `sitegen.build.build` calls with each stage's name.
    The display is transient: only the summary line stays.
    """
    if not enabled:
        yield lambda name: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    labels = {"reading": "reading and checking the sources", "rendering": "rendering pages",
              "writing": "writing the output folder"}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("starting", total=None)
        yield lambda name: bar.update(task, description=labels.get(name, name))


def run_check(args: argparse.Namespace) -> int:
    """Run ``sitegen check``; returns the exit code."""
    from .build import BuildOptions, check
    from .config import CONFIG_FILE

    result = check(BuildOptions(root=args.site, process_ends=args.process_ends))
    failed = any(p.severity == "error" for p in result.problems) or (args.strict and result.problems)
    # Links are checked on the site graph, which an error stops: without this, "0 warning(s)" after an error
    # reads as "no broken link", and the warnings come one run later. A folder with no site.yaml is no site at all.
    later = ("" if result.whole or not (args.site / CONFIG_FILE).is_file()
             else "links are checked once the errors are mended (改正错误后再检查链接)")
    if args.format == "json":
        print(problems_to_json(result.problems))
        if later:  # the array holds problems only; a script's reader sees this beside it, as the text summary says it
            print(f"note: {later}: the links were not checked", file=sys.stderr)
        return 1 if failed else 0
    _print_problems(result.problems)
    _print_unpublished([d.path for d in result.drafts], _publish_times(result.scheduled))
    print(f"checked: {_summary(result.problems)}{'; ' + later if later else ''}",
          file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _print_outcome(outcome: BuildOutcome) -> None:
    """Print one build of ``sitegen serve``: what changed, then the problems and summary as ``build`` does."""
    if outcome.changes:
        shown = ", ".join(outcome.changes[:5])
        more = len(outcome.changes) - 5
        print(f"changed: {shown}" + (f" and {more} more" if more > 0 else ""), flush=True)
    if outcome.result is None:
        _print_problems(outcome.problems)
        if outcome.trace:
            print(outcome.trace, file=sys.stderr, end="")
        print(f"build stopped: {_summary(outcome.problems)}; the output folder was not changed",
              file=sys.stderr)
        print("  the browser shows these problems until they are fixed; save the file to try again",
              file=sys.stderr, flush=True)
        return
    _print_problems(outcome.result.warnings)
    if outcome.previews:
        print(f"showing {len(outcome.previews)} draft or scheduled page(s) with a banner "
              "(sitegen build leaves them out): " + ", ".join(outcome.previews))
    print(_build_summary(outcome.result), flush=True)


def _listen_hint(failure: OSError, host: str = "127.0.0.1", port: int = 8000) -> str:
    """What to do when the preview server cannot listen at ``host``:``port``: the address, the port, or the
    permission. A port in use gets the next one free now (`sitegen.serve.free_port_after`)."""
    import socket  # only here: every command starts faster without it

    from .serve import free_port_after

    if isinstance(failure, socket.gaierror) or failure.errno in (errno.EADDRNOTAVAIL, errno.EINVAL):
        return ("--host must be an address of this computer: 127.0.0.1 (this computer only) "
                "or 0.0.0.0 (every network it is on)")
    if failure.errno == errno.EACCES:
        return "ports below 1024 need an administrator; choose another, e.g. --port 8000"
    free = free_port_after(host, port)
    choose = f"--port {free} is free now" if free is not None else "--port 0 picks a free one"
    return f"another program uses port {port} (a preview of another site, perhaps); choose another: {choose}"


def _print_shared(host: str, port: int) -> None:
    """When ``--host`` lets other devices in, say at which address, and that they see the drafts too."""
    from .serve import LOOPBACK_HOSTS, WILDCARD_HOSTS, network_address

    if host in LOOPBACK_HOSTS or host.startswith("127."):
        return
    address = network_address(host, port)
    if address is not None:
        print(f"  other devices on this network (a phone on the same Wi-Fi) open {address}", flush=True)
    elif host in WILDCARD_HOSTS:
        print("  other devices open this computer's network address (ipconfig / ip addr shows it) "
              f"with :{port}/", flush=True)
    print("  warning: anyone on this network can see the preview, drafts included; "
          "leave --host out to keep it to this computer", flush=True)


def run_serve(args: argparse.Namespace) -> int:
    """Run ``sitegen serve`` until Ctrl-C; returns the exit code (0 after a clean stop)."""
    from .serve import DevServer, OutputClaimedError, ServeOptions, check_serve_folders, free_port_after

    try:
        check_serve_folders(args.site, args.output)
    except SiteError as failure:  # a watcher on the wrong folder would serve an error page, forever
        _print_problems(failure.problems)
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(line_buffering=True)
    server = DevServer(ServeOptions(root=args.site, host=args.host, port=args.port, output=args.output,
                                    search=args.search),
                       on_build=_print_outcome,
                       on_stopping=lambda: print("stopping: the build in progress ends first, so the preview is "
                                                 "left whole", flush=True))
    try:
        try:
            url = server.start()
        except OSError as failure:
            print(f"error: cannot listen on {args.host}:{args.port}: {failure.strerror or failure}",
                  file=sys.stderr)
            print(f"  hint: {_listen_hint(failure, args.host, args.port)}", file=sys.stderr)
            return 1
        except OutputClaimedError as taken:
            where = f" at {taken.address}" if taken.address else ""
            print(f"error: another sitegen serve is already previewing this site{where}", file=sys.stderr)
            # With its port asked for again, that server holds the port too: a second one needs another. The
            # folder offered is in the build cache, which .gitignore leaves out: a preview holds drafts.
            same_port = bool(args.port) and taken.address.endswith(f":{args.port}/")
            free = free_port_after(args.host, args.port) if same_port else None
            port = (f" --port {free}" if free is not None else " --port 0") if same_port else ""
            own = "a preview folder and a port of its own" if port else "a preview folder of its own"
            print(f"  hint: open {taken.address or 'its address'} in the browser, or stop that server (Ctrl-C in "
                  f"its window) before starting this one; to run two at once, give this one {own}: "
                  f"--output .sitegen-cache/preview2{port}", file=sys.stderr)
            return 1
        index = "with the search index" if args.search else "no search index: --search adds it"
        print(f"serving {url} (drafts and scheduled pages included; {index}); watching site.yaml, content/, "
              "templates/ and data/; press Ctrl-C to stop", flush=True)
        _print_shared(args.host, server.port)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    print("stopped", flush=True)
    return 0


def run_new(args: argparse.Namespace) -> int:
    """Run ``sitegen new KIND …``: write a new record file, or print a tally to paste; returns the exit code."""
    from . import scaffold

    try:
        if args.kind == "tally":
            block = scaffold.new_tally(args.site, args.unit)
            _print_problems(block.problems)
            # Dated today, a tally pasted with new figures counted days before said "as of" today on every page.
            print(f"paste these lines under tallies: in {block.unit_file}, after the last tally "
                  "(oldest first), then write in as_of the day the figures were counted (截至日期; it says today) "
                  "and change the figures that changed; sitegen does not change your file.",
                  file=sys.stderr)
            for advice in block.advice:
                print(f"  hint: {advice}", file=sys.stderr)
            print(block.text, end="")
            return 0
        written, removed = _write_new(args)
    except scaffold.ScaffoldError as refusal:
        print(f"error: {refusal.message}", file=sys.stderr)
        if refusal.hint:
            again = _new_again(args, refusal.retype) if refusal.retype is not None else None
            print(f"  hint: {refusal.hint_with(again)}", file=sys.stderr)
        return 1
    except SiteError as failure:
        _print_problems(failure.problems)
        return 1
    print(f"wrote {written.as_posix()}", flush=True)
    if removed is not None:  # the unit's file new unit wrote under the id it had before (`scaffold.new_unit`)
        print(f'removed {removed.as_posix()} (it was as "sitegen new unit" wrote it)', flush=True)
    if (note := _title_unit_note(args)) is not None:  # said first: a page filed under the wrong unit is published so
        print(f"  note: {note}", file=sys.stderr)
    if args.kind in ("interview", "case"):  # written as drafts: built, they would be left out unsaid
        print("  note: it is a draft (draft: true): sitegen serve shows it; write draft: false to publish it",
              file=sys.stderr)
    if args.kind == "unit":  # a level read wrong from the name changes the published totals: said first
        print(f"  note: {scaffold.unit_level_note(args.name, args.level)}", file=sys.stderr)
    if (note := _reading_note(args, written)) is not None:
        print(f"  note: {note}", file=sys.stderr)
    if args.kind == "unit" and (note := scaffold.unit_id_note(written.stem, args.name, args.level)) is not None:
        print(f"  note: {note}", file=sys.stderr)
    return 0


def _title_unit_note(args: argparse.Namespace) -> str | None:
    """What to know of a new page given no ``--unit`` on a site of several units: it was filed under the unit its
    title names (`sitegen.scaffold.unit_taken_from_title`), and how to file it under another; None for any other
    ``sitegen new`` command (a page given ``--unit``, or on a site of one unit)."""
    from . import scaffold

    if args.kind not in ("interview", "case") or args.unit is not None:
        return None
    taken = scaffold.unit_taken_from_title(args.site, args.title)
    if taken is None:
        return None
    rid, name = taken
    return (f"unit: {rid} ({name}), taken from the title; if the page is another unit's, write its id after unit: "
            "in the file (or, for a new page, give --unit and the id)")


def _new_again(args: argparse.Namespace, retype: tuple[str, str] | None) -> str | None:
    """The ``sitegen new`` command ``args`` were parsed from, with the option of ``retype`` (``("--unit",
    "baihe")``) set to its value (None: as given), as typed at a prompt (`sitegen.errors.command_word`); None
    when a word holds a sign that no quoting types alike in cmd, PowerShell and a Unix shell (``"``, ``$``,
    a backquote, ``!``, a control character; a backslash but in the folder): a command that, pasted, wrote
    another title would be worse than none.

    The options come first, then ``--site``, then the title or name (after ``--`` when it starts with "-",
    which would otherwise be read as an option).
    """
    given = {option: getattr(args, option[2:], None) for option in ("--unit", "--series", "--slug", "--id",
                                                                      "--level")}
    if retype is not None:
        given[retype[0]] = retype[1]
    options = [word for option, value in given.items() if value is not None for word in (option, value)]
    text = getattr(args, "title", getattr(args, "name", None))
    if text is not None:
        text = text if isinstance(text, str) else " ".join(text)
    named = [] if text is None else (["--"] if text.startswith("-") else []) + [text]
    site = [] if args.site == Path(".") else ["--site", str(args.site)]
    # A Unix shell drops a backslash outside quotes (a\b); a folder keeps one (C:\站点), in cmd and PowerShell.
    unsafe = [char for word in options + named for char in word
              if char in '"$`!\\' or unicodedata.category(char) == "Cc"]
    if unsafe or any(char in '"$`' for word in site for char in word):
        return None
    return " ".join(["sitegen", "new", args.kind, *(command_word(word) for word in options + site + named)])


def _reading_note(args: argparse.Namespace, written: Path) -> str | None:
    """What to check of an id or slug that ``sitegen new`` made from a Chinese name or title: the reading of its
    characters that have more than one (多音字), named with their readings (`sitegen.slugs.reading_check`).

    pypinyin reads a 多音字 as it is most often read, which a place name may not follow (重固 is chóng gù, not
    zhòng gù), and the id or slug is part of a published address, which must not change later. A new unit is
    told to give the command again with ``--id``, which replaces the file (`sitegen.scaffold.new_unit`), with the
    command for the other reading when its name has one such character (`sitegen.scaffold.other_reading`). None
    when the command was given the id or slug, or no character of the name or title has more than one reading.
    """
    from . import scaffold
    from .slugs import reading_check

    given = getattr(args, "slug", None) if args.kind in ("interview", "case") else args.id
    named = args.name if args.kind == "unit" else args.title
    check = reading_check(named) if given is None else None
    if check is None:
        return None
    made = written.stem
    if args.kind in ("interview", "case"):
        return (f'the slug {made} is the pinyin of "{named}" and goes into the page\'s address; {check}, change the '
                "slug: line now, before the page is published")
    said = f'the id {made} is the pinyin of "{named}" and goes into the address of its page; {check}'
    if args.kind == "series":  # the file's first line names the id: renamed, it would give a wrong one
        return (f"{said}, rename the file now, before any page names it, and write the new id for {made} in its first "
                "line")
    said += ", give the id as it reads now, before any page names it (the file is then replaced)"
    other = scaffold.other_reading(named, made)
    if other is None:
        return f"{said}: the same command with --id and that id"
    reading, other_id = other
    return f"{said}, e.g. for {reading}: {_new_again(args, ('--id', other_id)) or f'the same command with --id {other_id}'}"


def _write_new(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """Write the file ``sitegen new`` was asked for; returns it, and the file it replaced (`scaffold.NewUnit`), if
    any. Raises as the ``scaffold.new_…`` function it calls."""
    from . import scaffold

    # A title typed with a space and no quotes (重固镇：守护古文化 建设美丽新重固) comes as words: one title, as meant.
    for name in ("title", "name"):
        if isinstance(getattr(args, name, None), list):
            setattr(args, name, " ".join(getattr(args, name)))

    if args.kind == "interview":
        return scaffold.new_interview(args.site, args.title, unit=args.unit, series=args.series,
                                      slug=args.slug), None
    if args.kind == "case":
        return scaffold.new_case(args.site, args.title, unit=args.unit, slug=args.slug), None
    if args.kind == "unit":
        unit = scaffold.new_unit(args.site, args.name, unit_id=args.id, level=args.level)
        return unit.path, unit.removed
    return scaffold.new_series(args.site, args.title, series_id=args.id), None


def run_init(args: argparse.Namespace) -> int:
    """Run ``sitegen init DIR``: create a new site folder; returns the exit code."""
    from . import scaffold

    try:
        written = scaffold.init_site(args.dir, title=args.title)
    except scaffold.ScaffoldError as refusal:
        print(f"error: {refusal.message}", file=sys.stderr)
        if refusal.hint:
            print(f"  hint: {refusal.hint}", file=sys.stderr)
        return 1
    print(f"created a new site in {args.dir}/:")
    for path in written:
        print(f"  {path}")
    # Said now, not met one at a time at later checks: the publisher typed twice, the examples refused beside
    # the editor's own units and pages.
    series = next((path for path in written if path.startswith("content/series/")), "the series' file")
    print(f'then: write who publishes the site (发布机构) after "publisher:" in site.yaml and {series}, and the '
          'site\'s address after "base_url:" in site.yaml')
    print('      add your own units and pages (sitegen new unit 名称, sitegen new interview "标题"), then delete the '
          "examples (示例镇, its interview and case study): beside yours, a build refuses them")
    print(f"next: sitegen serve --site {_typed_path(args.dir)}   (preview at http://127.0.0.1:8000/)")
    return 0


def _typed_path(path: Path) -> str:
    """A folder as it is typed at a prompt (`sitegen.errors.command_word`)."""
    return command_word(str(path))


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """Run the ``sitegen`` command line (``argv``: the arguments, default ``sys.argv[1:]``); returns the exit code.

    ``process_ends`` True when the process ends with the command (`command`:
    the installed ``sitegen`` and ``python -m sitegen``); see `BuildOptions`.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    args = _parser().parse_args(argv)
    args.process_ends = process_ends
    handlers = {"build": run_build, "check": run_check, "serve": run_serve, "new": run_new,
                "init": run_init}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        # The output folder is swapped in one step at the very end, so an
        # interrupted build leaves the previous site exactly as it was.
        print(f"\nsitegen {args.command}: interrupted; the output folder was not changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (sitegen check --format json | head): nothing more to say.
        sys.stderr.close()
        return 1


_UTF8_RESTART = "SITEGEN_UTF8_RESTART"
"""Set in the environment of the process `command` starts again in UTF-8 mode, so it never restarts twice."""


def _file_names_undecodable() -> bool:
    """Whether this Python reads file names in ASCII: on a POSIX machine under the C locale with UTF-8 mode and
    locale coercion turned off (``PYTHONUTF8=0 PYTHONCOERCECLOCALE=0 LC_ALL=C``). Python then spells 访谈.md with
    lone surrogates, which no UTF-8 text (the page cache, the output's records, JSON) can hold."""
    import codecs

    return (os.name == "posix" and not sys.flags.utf8_mode and bool(sys.executable)
            and codecs.lookup(sys.getfilesystemencoding()).name != "utf-8" and not os.environ.get(_UTF8_RESTART))


def command() -> None:
    """The ``sitegen`` program: run `main` on the process's arguments, then exit with its code.

    Where file names would be read in ASCII (`_file_names_undecodable`), the
    same command is started again at once in Python's UTF-8 mode (``-X utf8``,
    PEP 540), which reads and writes every name and text as UTF-8 whatever
    the locale; nothing has been read or written yet. Raises `OSError` when
    the interpreter cannot be started again.
    """
    if _file_names_undecodable():
        os.environ[_UTF8_RESTART] = "1"
        os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
    sys.exit(main(process_ends=True))

"""Problems found in a site's input, and how they are shown to editors.

Every mistake sitegen finds becomes one `Problem`: a position in a file
(relative to the site root), a severity, what is wrong and how to fix it.
Problems are gathered in a `Report` so that one run shows every mistake at
once, as MkDocs and Zola do for their configuration. `SiteError` carries a
report's errors out of the pipeline when the build has to stop.

May import: the standard library only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping, Sequence

Severity = Literal["error", "warning"]


PASTE_LIMIT = 300
"""The longest line (or value) a hint gives to type or paste, in characters.

A hint that offers a line gives all of it: a line cut with "…" loses its
end (and the closing quote or bracket with it), and pasted as shown it
breaks the file again. A longer line is not shown at all: the hint says
what to do in words instead (`paste_hint`).
"""


# Spaces that look like a space but are not one to YAML: the full-width space an input method
# types (全角空格), and the no-break and other special spaces of text copied from Word, web pages
# and WeChat articles (&nbsp; is U+00A0).
WIDE_SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"


def space_name(char: str) -> str:
    """How a message names the odd space ``char`` (one of `WIDE_SPACES`), in YAML, Markdown and records alike."""
    if char == "\u3000":
        return "a full-width space (全角空格)"
    if char == "\u00a0":
        return "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)"
    return f"a special space (U+{ord(char):04X}, from text copied from a web page or Word)"


SHOW_FILE_ENDINGS = "turn on 查看 → 文件扩展名 in Windows to see"
"""The start of the words a rename hint adds where Windows hides a file's ending (``a.md.txt``, ``site.yml``),
followed by what it shows: "the .txt", "the whole name"."""

LOST_CHARACTERS_HINT = ("retype the text, or paste it again from where it came from, and save the file as UTF-8 "
                        "(另存为 → 编码 UTF-8); if the question marks are meant, type them in full width (全角): ？？？")
"""The hint for question marks that stand for characters lost when the file was saved in an encoding that cannot
hold Chinese (`lost_characters_message`)."""


def lost_characters_message(run: str) -> str:
    """The words for ``run``, question marks in a row that most likely stand for lost characters.

    A file saved as "ANSI" on a Windows set to a Western language, or by an
    editor that cannot write Chinese, turns every character it cannot encode
    into an ASCII "?" (Windows' and iconv's replacement), full-width
    punctuation included, so the text is published as rows of "?".
    """
    shown = run if len(run) <= 12 else run[:12] + "…"
    return (f'{len(run)} question marks in a row ("{shown}") are most likely characters lost when the file was '
            'saved in an encoding that cannot hold Chinese, which turns each Chinese character into "?"')


def and_joined(words: Sequence[str]) -> str:
    """Words as a message lists them: "a", "a and b", "a, b and c". Takes at least one; raises IndexError on none."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def paste_hint(how: str, line: str, instead: str = "") -> str:
    """A hint offering ``line`` to type or paste: ``how: line``, the line whole.

    Takes what to do (``wrap the whole value in quotes``), the line or
    value that does it, and the words that follow ``how`` instead of the
    line when it is longer than `PASTE_LIMIT` (``: type " before …``; by
    default none, for a ``how`` that says all that is needed at the place
    the message points to).
    """
    return f"{how}: {line}" if len(line) <= PASTE_LIMIT else how + instead


def command_word(text: str) -> str:
    """``text`` as it is typed in a command at a prompt: in double quotes when it holds a space or a shell sign.

    Double quotes work alike in cmd, PowerShell and a Unix shell for such
    words (``"我的 站点"``), so a command a message gives can be copied as printed.
    """
    return f'"{text}"' if any(char.isspace() or char in "&|;<>()$`'^%!" for char in text) else text


def new_record_command(kind: str, *, name: str = "", record_id: str = "", options: str = "") -> str:
    """The ``sitegen new`` command that makes a unit or series, as a hint prints it.

    ``kind`` is "unit" or "series"; ``name`` the unit's name or the series
    title when it is known (typed as `command_word` gives it), else its
    placeholder (名称, 栏目名称) with what to type in its place; ``record_id``
    the id to give with ``--id`` (none: the pinyin ``sitegen new`` makes);
    ``options`` more options as typed, with their leading space
    (``" --site 站点"``). E.g. ``sitegen new unit 名称 --id huaxin (with the
    unit's name in place of 名称)``, ``sitegen new unit 华新镇``.
    """
    placeholder, what = ("名称", "the unit's name") if kind == "unit" else ("栏目名称", "the series title")
    given = f" --id {record_id}" if record_id else ""
    if name:
        return f"sitegen new {kind} {command_word(name)}{given}{options}"
    return f"sitegen new {kind} {placeholder}{given}{options} (with {what} in place of {placeholder})"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place.

    Fields:
        path: file path relative to the site root, with forward slashes
            (``content/interviews/baihe.md``); "" when no file is involved.
        line: 1-based line in that file, or None when the whole file is meant.
        column: 1-based column counted in characters (not bytes), or None.
        severity: ``"error"`` stops the build; ``"warning"`` does not
            (unless ``--strict``).
        message: what is wrong, one sentence in English, quoting the
            editor's own text where it helps.
        hint: how to fix it, with the Chinese term where it helps
            (e.g. 全角冒号); may be "".
        span: the first and last line the problem is about, when it is
            about more than its own line (a tally that does not add up is
            about its four figures), so that the lines quoted with it show
            them all; None otherwise. Not compared: two problems that differ
            only in it are the same problem.
        once: True for a warning told once, by the build that publishes what
            it tells of: it compares with what the last build published (a
            tally's figures, a page's address, a page taken off), and the
            next build compares with this one, so it is not told again. A
            build with nothing changed since, which says the last build's
            warnings again (`sitegen.fresh`), leaves it out. Not compared,
            as ``span``.
    """

    path: str
    line: int | None
    column: int | None
    severity: Severity
    message: str
    hint: str = ""
    span: tuple[int, int] | None = field(default=None, compare=False)
    once: bool = field(default=False, compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Return the key that orders problems by file, then line, then column."""
        return (self.path, self.line or 0, self.column or 0, self.message)

    def location(self) -> str:
        """Return ``path:line:column`` (parts that are unknown are left out); ``sitegen`` for a problem of no
        file (a command's option, the output folder), as command-line tools name themselves."""
        parts = [self.path or "sitegen"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """Return the message as printed in a terminal.

        Shape (GCC-style, so editors' "jump to error" features understand it)::

            content/units/baihe.yaml:12:5: error: tally of 2018-04-26 does not add up ...
              hint: check the four figures against the source document
        """
        text = f"{self.location()}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        """Return the problem as a JSON-ready dict: the dataclass fields but ``span`` (the quoted lines' concern only)
        and ``once`` (the no-change build's)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class Report:
    """A collector of problems, passed down the pipeline (never global).

    Stages add problems with `error()` and `warning()` and carry on, so one
    run reports every mistake; the build then decides whether to stop.
    """

    problems: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)
    """The problems added, to find a duplicate without walking the list: a site with thousands of warnings
    took seconds to minutes comparing each new one with all before it. The list is still asked for one seen
    before, in case it was changed directly."""

    def __post_init__(self) -> None:
        self._seen.update(self.problems)

    def add(self, problem: Problem) -> None:
        """Record one problem (duplicates, same place and message, are kept once)."""
        if problem in self._seen and problem in self.problems:
            return
        self._seen.add(problem)
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record several problems."""
        for problem in problems:
            self.add(problem)

    def withdraw(self, problem: Problem) -> None:
        """Take back ``problem`` when recorded: a later stage told its mistake better, in one message."""
        if problem in self._seen:
            self._seen.discard(problem)
            self.problems[:] = [kept for kept in self.problems if kept != problem]

    def retell(self, told: Mapping[Problem, Problem]) -> None:
        """Put each problem recorded that is a key of ``told`` in its value's place: a later stage that tells the
        same mistake better (a hint with what the site has). One pass, however many are retold."""
        self.problems[:] = [told.get(problem, problem) for problem in self.problems]
        self._seen = set(self.problems)

    def since(self, before: Sequence[Problem]) -> tuple[list[Problem], list[Problem]]:
        """What this report holds against ``before``, the problems it held earlier: ``(withdrawn since, added
        since)``, each in its order. What a stage run on a copy of the report, in a child process, did to it
        (`sitegen.build`)."""
        now, then = set(self.problems), set(before)
        return [problem for problem in before if problem not in now], [p for p in self.problems if p not in then]

    def error(self, path: str, line: int | None, column: int | None,
              message: str, hint: str = "", span: tuple[int, int] | None = None) -> None:
        """Record an error at ``path:line:column``, about lines ``span`` (first, last) when given."""
        self.add(Problem(path, line, column, "error", message, hint, span))

    def warning(self, path: str, line: int | None, column: int | None,
                message: str, hint: str = "", span: tuple[int, int] | None = None, *, once: bool = False) -> None:
        """Record a warning at ``path:line:column``, about lines ``span`` (first, last) when given; ``once`` True
        for one told once, by the build that publishes what it tells of (`Problem`)."""
        self.add(Problem(path, line, column, "warning", message, hint, span, once))

    @property
    def errors(self) -> list[Problem]:
        """The errors, sorted by file, line and column."""
        return sorted((p for p in self.problems if p.severity == "error"), key=Problem.sort_key)

    @property
    def warnings(self) -> list[Problem]:
        """The warnings, sorted by file, line and column."""
        return sorted((p for p in self.problems if p.severity == "warning"), key=Problem.sort_key)

    @property
    def standing_warnings(self) -> list[Problem]:
        """The warnings but those told once (`Problem.once`), sorted: what a build with nothing changed says
        again."""
        return [p for p in self.warnings if not p.once]

    def sorted(self) -> list[Problem]:
        """Every problem, sorted by file, line and column."""
        return sorted(self.problems, key=Problem.sort_key)

    def has_errors(self) -> bool:
        """True when at least one error was recorded."""
        return any(p.severity == "error" for p in self.problems)


class SiteError(Exception):
    """The build stopped because the input has errors.

    Carries the problems (errors and any warnings found on the way) so that
    the command line can print them all; the output folder is untouched.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        count = sum(1 for p in self.problems if p.severity == "error")
        super().__init__(f"{count} error(s) in the site")

    def format(self) -> str:
        """Return every problem formatted for a terminal, one after another."""
        return "\n".join(p.format() for p in self.problems)


def problems_to_json(problems: Iterable[Problem]) -> str:
    """Return problems as a JSON array of objects (see `Problem.as_dict`), UTF-8 safe text."""
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)

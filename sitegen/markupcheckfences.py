"""Source-level checks of code fences.

Job: warn a code fence (代码块) that no fence closes, and pairs of ``~~~``
lines that made Chinese text a code block.

May import: errors, lazyre, plaintext (and Python-Markdown and the standard library).
"""

from __future__ import annotations

from markdown.extensions.fenced_code import FencedBlockPreprocessor

from .errors import Problem
from .lazyre import compile_later
from .plaintext import is_han

_OPENING_FENCE_RE = compile_later(r"^(`{3,})[ ]*(?:\{[^}\n]*\}|\.?[\w#.+-]*)[ ]*$")
"""A line Python-Markdown's fenced_code reads as a code block's opening fence (backticks and a language at most),
closed only by a line of the same fence. Tildes are left out: "~~~~~~" is a separator line in Chinese text,
"~~~好消息~~~" decoration."""


def open_fence_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """A warning at a code fence (```, 代码块) that no fence closes.

    Python-Markdown makes a code block only of a fence and its closing one: a
    fence left open is shown as typed (a line "```" in the page) and the lines
    after it read as text, while the checks that skip code (`outside_fences`)
    took them for code and told nothing of them. Only when the page shows the
    fence's signs (a closed block holds none of them as text). The hint
    closes it, or deletes it when no code was meant.
    """
    if "```" not in clean_html:
        return []
    fence, opened = "", None
    for index, line in enumerate(lines):
        found = _OPENING_FENCE_RE.match(line)
        if fence and line.strip() == fence:
            fence, opened = "", None
        elif not fence and found:
            fence, opened = found.group(1), index
    if opened is None:
        return []
    line = lines[opened]
    sign = fence
    return [Problem(path, first_line + opened, line.index(sign) + 1, "warning",
                    f'the code block (代码块) begun by "{sign}" on this line is never closed, so the page shows '
                    f'"{sign}" as typed and the lines after it as text',
                    f"type {sign} on a line of its own below the code's last line; if no code was meant, delete "
                    f"this line")]


def tilde_block_problems(source: str, lines: list[str], clean_html: str, path: str,
                         first_line: int) -> list[Problem]:
    """A warning at each pair of "~~~" lines that made Chinese text a code block (代码块).

    A line of tildes is a separator in Chinese articles (``~~~~~~~~``), and
    Markdown draws no line for it: two such lines of the same length, with
    no language after the first, are a fenced code block to Python-Markdown,
    and the text between them is shown as code (fixed-width type, line by
    line as typed, its bold and links not read) and skipped by the checks of
    text. Paired with Python-Markdown's own pattern (fenced_code's
    ``FENCED_BLOCK_RE``), so the warning names exactly the blocks the page
    shows; a block with no Han character in it is taken for code meant.
    """
    if "~~~" not in source or "<pre" not in clean_html:
        return []
    problems = []
    for found in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(source):
        fence = found.group("fence")
        code = found.group("code")
        if not fence.startswith("~") or found.group("lang") or found.group("attrs") or not any(map(is_han, code)):
            continue
        opened = source.count("\n", 0, found.start())
        closed = opened + code.count("\n") + 1
        between = closed - opened - 1
        problems.append(Problem(
            path, first_line + opened, 1, "warning",
            f'the lines "{fence}" here and at line {first_line + closed} make a code block (代码块) of the '
            f"{between} line{'s' * (between != 1)} between them: the page shows them as code, in fixed-width type "
            "and as typed, their bold, lists and links not read; Markdown draws no line for a line of ~",
            "if the ~ lines were meant to set the text apart, delete both; to draw a separating line (分隔线), type "
            "*** in place of each, with a blank line above and below it"))
    return problems

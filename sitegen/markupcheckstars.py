"""Source-level checks of stars: those that hid part of a name, and bold never closed.

Job: warn stars typed to hide part of a name (``王**``, ``张*明``) that
Markdown paired into bold or italics (`masking_star_problems`), and an
opening ``**`` that nothing closes, which the page shows (`unclosed_bold_problems`).

May import: errors, lazyre, markupbits, markupcheckbits, plaintext (and the standard library).
"""

from __future__ import annotations

import html
import re

from .errors import Problem
from .lazyre import compile_later
from .markupbits import clipped
from .markupcheckbits import outside_fences, without_code_spans
from .plaintext import AFTER_NAME, MASK_OPENING, SURNAMES, is_han, masks_two_names

# Stars typed to hide part of a name (王**、李**): right after a word, right before punctuation; and the
# bold they make, starting with that punctuation.
_MASKING_STARS_RE = compile_later(r"(?<=\w)(\*{2,}|_{2,})(?=[" + re.escape(AFTER_NAME) + "])")
_BOLD_FROM_PUNCTUATION_RE = compile_later("<strong>[" + re.escape(AFTER_NAME) + "]")
# Stars typed for hidden characters that Markdown pairs into italics (one a character: 张*明、李*华; 陈*（化名）) or
# bold (张**反映，李**也说). A pair is taken for masking stars when it follows a surname, its text starts with a
# Chinese character and it ends before another surname with what stands between two names in it (张*明和李*华,
# 张**反映，李**也说: `masks_two_names`, which the plain-text fields use too), or, for italics, holds a sentence's
# end or a quote (张*明说。李*华也说; 王*红说：“*很好*”); italics too when their text starts with punctuation
# (张*、李*) or holds a list's separator with a word right after the second star (张*明、李*华反映). Bold is mostly
# meant, after any word (实施**“乡村振兴”**, 关于**资金**, 对**红白事场所、日托中心**的需求), and so are italics
# of words (这是*重点和难点*内容); bold starting with punctuation is `_MASKING_STARS_RE`'s.
_MASKING_STAR_PAIR_RE = compile_later(
    r"(?<=\w)(?<![\\*])(?P<run>\*\*?)(?!\*)(?P<text>[^*\n]+?)(?<![\\*])(?P=run)(?!\*)(?=(?P<after>.?))")
_SENTENCE_SIGNS = "。！？：“”‘’"
_FORMULA_REACH = 30
"""How far before a star `_FORMULA_LEFT_RE` looks: a formula's word is short, and a paragraph's line is long."""
_FORMULA_LEFT_RE = compile_later(r"(?P<equals>[=＝]\s*)?(?P<word>\w+)$")
"""The word before a star (searched up to it), and an "=" right before that word: a formula's start."""
_FORMULA_RIGHT_RE = compile_later(r"(?P<word>\w+)(?P<equals>\s*[=＝])?")
"""The word after a closing star, and an "=" right after it: a formula's end (长*宽*高=面积)."""
_FIGURE_STAR_PAIR_RE = compile_later(r"(?<=[0-9０-９%％‰])(?<![\\*])\*(?!\*)(?P<text>[^*\n]+?[0-9０-９%％‰])\*(?!\*)")
"""Two single stars each typed right after a figure (``95%*，整改率达90%*``): marks of a note, as reports put after
the figures a note explains, which Markdown reads as the start and end of italics."""


def masking_star_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for stars that hid part of a name.

    ``王**、李**两位`` (stars typed for hidden characters) is bold to
    Markdown: the page shows "王、李两位" with "、李" in bold and no star;
    ``张*明、李*华反映`` is italics: "张明、李华反映", the names changed.
    Each is warned at its line and column, when the page shows it so.
    Fenced code is left alone; found while converting (cached).
    """
    masked = bool(_BOLD_FROM_PUNCTUATION_RE.search(clean_html))
    masked_one_by_one = "<em>" in clean_html or "<strong>" in clean_html
    if not masked and not masked_one_by_one:
        return []
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "*" not in line and "_" not in line:
            continue  # every pattern below holds a star, or a run of "_" (most lines: skipped at once)
        if masked_one_by_one:
            plain = without_code_spans(line)
            for pair in _MASKING_STAR_PAIR_RE.finditer(plain):
                text, run = pair["text"], pair["run"]
                if len(run) == 2 and text[0] in MASK_OPENING:
                    continue  # 王**、李**: told below
                if len(run) == 1 and _FIGURE_STAR_PAIR_RE.match(plain, pair.start()):
                    continue  # 296*份，已解决103*: marks of a note after figures, told below
                tag = "em" if len(run) == 1 else "strong"
                if f"<{tag}>{html.escape(text, quote=False)}</{tag}>" not in clean_html:
                    continue  # not a pair Markdown made (the end of one bold and the start of the next)
                # 张*明和李*华: a surname before each run, the text starting with a name's character and holding
                # what stands between two names (or, for italics, a sentence's end or a quote: 张*明说。李*华).
                before = plain[pair.start() - 1]
                surnamed = masks_two_names(before, text) or (
                    len(run) == 1 and before in SURNAMES and is_han(text[0])
                    and any(sign in text for sign in _SENTENCE_SIGNS))
                # 面积=长*宽*高, 长*宽*高=面积, A*B*C型: stars between the words of a formula (an "=" right before its
                # first word or right after its last) or between letters are multiplication signs (乘号);
                # 这是*重点*内容, and 设x=1，则*重点*在于, are italics meant.
                between_words = len(run) == 1 and re.fullmatch(r"\w", pair["after"]) and re.fullmatch(r"\w+", text)
                # The formula's words either side, looked for only then, and within _FORMULA_REACH characters.
                left = _FORMULA_LEFT_RE.search(plain, max(0, pair.start() - _FORMULA_REACH), pair.start()) \
                    if between_words else None
                right = _FORMULA_RIGHT_RE.match(plain, pair.end()) if between_words else None
                multiplied = between_words and ((before + text + pair["after"]).isascii()
                                                or bool(left and left["equals"]) or bool(right and right["equals"]))
                if surnamed or multiplied or (len(run) == 1 and (text[0] in MASK_OPENING or (
                        re.search(r"[、，；]", text) and re.fullmatch(r"\w", pair["after"])))):
                    escaped = "\\*" * len(run)
                    shown = line[pair.start() - 1] + escaped + text + escaped + pair["after"]
                    stars, kind = ('two "*"', "italics (斜体)") if len(run) == 1 else ('two "**"', "bold (加粗)")
                    formula = (left["word"] if left else before) + f"×{text}×" + (right["word"] if right else "")
                    times = (f"if they are multiplication signs (乘号), write × in their place: {formula}; "
                             if multiplied and not surnamed else "")
                    shown = formula.replace("×", escaped) if times else shown
                    problems.append(Problem(
                        path, first_line + index, pair.start() + 1, "warning",
                        f'the {stars} here are read as {kind}, so the page shows no stars and "{text}" '
                        f"{'slanted' if len(run) == 1 else 'in bold'}: {clipped(line.strip())}",
                        f"{times}to show the stars, write a backslash before each: {shown}"))
            for pair in _FIGURE_STAR_PAIR_RE.finditer(plain):
                text = pair["text"]
                if f"<em>{html.escape(text, quote=False)}</em>" not in clean_html:
                    continue
                problems.append(Problem(
                    path, first_line + index, pair.start() + 1, "warning",
                    f'the two "*" after figures here are read as italics (斜体), so the page shows no stars and '
                    f'"{clipped(text, 30)}" slanted: {clipped(line.strip())}',
                    f"to show the stars (marks of a note), write a backslash before each: "
                    f"{re.search(r'[0-9０-９.%％‰]*$', plain[:pair.start()]).group()}\\*{text}\\*"))  # type: ignore[union-attr]
        if masked:
            for found in _MASKING_STARS_RE.finditer(line):
                if line.count(found.group(1)[:2], 0, found.start()) % 2:
                    continue  # it closes bold opened before it (**重点**，)
                problems.append(Problem(
                    path, first_line + index, found.start() + 1, "warning",
                    f'the "{found.group(1)}" here is read as bold (加粗), so the page shows no stars: '
                    f"{clipped(line.strip())}",
                    "to show the stars, write a backslash before each: " + "".join("\\" + c for c in found.group(1))))
    return problems


_BOLD_RUN_RE = compile_later(r"(?<![\\*])\*\*(?!\*)")
"""Two stars, no more, not typed after a backslash: where bold (加粗) opens or closes."""
_SHOWN_AFTER_RE = compile_later(r"[^\s*_`\[\]<>&\\!()（）]{1,4}")
"""The characters after a run that the page shows as typed, at most four: what to find the run by in the page."""
_ONLY_STARS_RE = compile_later(r"[\s*>+-]*")
"""A line of stars alone (``***``, ``* * *``: a rule) or list and quote markers: no bold there to close."""


def unclosed_bold_problems(lines: list[str], clean_html: str, path: str, first_line: int) -> list[Problem]:
    """Warnings for an opening ``**`` that nothing closes (``- **131份已提交…``, ``共开展调研**325批次``).

    Markdown makes no bold of it and the page shows the two stars where the
    editor meant a figure in bold. Found only where the page does show
    ``**`` with the characters typed after it (`_SHOWN_AFTER_RE`), at the
    line and column typed. Left alone: a run with a space or nothing after it, or
    punctuation (``王**、``, ``重点**。``: the end of a name's hidden characters or
    of a bold begun elsewhere), one right after a surname before a Chinese
    character (``王**反映``: characters hidden, told by `masking_star_problems`
    when Markdown pairs them), one between ASCII letters or digits
    (``2**10``, ``a**b``: a formula), a line of stars alone, fenced code and
    code spans. Found while converting (cached). Takes the body's lines and
    the page's HTML; returns the warnings in the order typed.
    """
    if "**" not in clean_html:
        return []  # most pages: every bold closed
    problems: list[Problem] = []
    for index, line in outside_fences(lines):
        if "**" not in line or _ONLY_STARS_RE.fullmatch(line):
            continue
        plain = without_code_spans(line)
        for run in _BOLD_RUN_RE.finditer(plain):
            before, after = plain[run.start() - 1:run.start()], plain[run.end():run.end() + 1]
            if not after or after.isspace() or after in AFTER_NAME or (before in SURNAMES and is_han(after)) \
                    or (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
                continue
            shown = _SHOWN_AFTER_RE.match(plain, run.end())
            if shown is None or "**" + html.escape(shown.group(), quote=False) not in clean_html:
                continue  # closed on this line or the next, as Markdown pairs it: bold, as meant
            problems.append(Problem(
                path, first_line + index, run.start() + 1, "warning",
                f'this "**" opens bold (加粗) that is never closed, so the page shows the two stars: '
                f"{_around(line, run.start())}",
                'write "**" again right after the last word to be bold (**重点**内容); if the stars are meant to '
                "show, type a backslash before each: \\*\\*"))
    return problems


def _around(line: str, column: int, before: int = 12, after: int = 24) -> str:
    """The part of ``line`` around the index ``column`` (``before`` characters before it, ``after`` from it), marked
    "…" where cut: where a long paragraph's slip is, which its first characters (`clipped`) may not show."""
    start, end = max(0, column - before), column + after
    return ("…" if start else "") + line[start:end].strip() + ("…" if end < len(line.rstrip()) else "")

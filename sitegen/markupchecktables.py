"""Source-level checks of tables that Markdown shows as text or reads otherwise.

Job: warn pipe rows with no separator row or one typed with a slip
(`table_problems`, `table_scan_problems`), tables typed with an indent,
cells separated by TABs, and rows whose number of cells differs from the
first row's (`table_cell_problems`).

May import: errors, lazyre, markupbits, markupblocks, markupcheckbits, markupcheckwide (and Python-Markdown and the
standard library).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

import markdown

from .errors import Problem, paste_hint
from .lazyre import compile_later
from .markupbits import clipped
from .markupblocks import item_above
from .markupcheckbits import HANZI_NUMBER, PIPE_ROW_RE, QUOTE_SIGNS_RE, SEPARATOR_ROW_RE, TAB_CELLS_RE, outside_fences
from .markupcheckwide import is_wide_separator, separator_to_type

# What opens a line of such cells and is no cell: a quote's signs, kept in the rows offered, an indent (under a list
# item, say) and a bullet (- 照明<TAB>18).
_CELLS_LEAD_RE = compile_later(r"(?P<signs>(?: {0,3}> ?)*+)(?P<indent>[ \t\u3000]*)(?:[-*+][ \t]+)?")
# A cell that opens with a figure (18, 85%, 5.5万元, 18户): a lone line of TAB-separated cells with one is a pasted row.
_FIGURE_CELL_RE = compile_later(r"[-+－]?[0-9０-９]")
# A list item as Word or WPS pastes it: its bullet or number, a TAB, then the item's text with no TAB in it
# (•<TAB>第一项, 1.<TAB>…, 一、<TAB>…, （1）<TAB>…). Word's plain text puts "o" and "§" (or U+F0A7) for its second
# and third levels of bullets, letters and Roman numerals (a. i. ii.) for its second and third levels of numbers.
_PASTED_ITEM_RE = compile_later(r"^ {0,3}(?:[-*+•●○◦▪▫■□◆◇❖➢➤►▶★☆✓✔√·・o§\uf0a7]|(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})[.)）]"
                             r"|[0-9０-９]{1,3}[.．、)）]"
                             rf"|[(（](?:[0-9０-９]{{1,3}}|{HANZI_NUMBER})[)）]|{HANZI_NUMBER}[、.．]"
                             r"|[A-Za-z][.)）]|[①-⑳⑴-⒇⒈-⒛㈠-㈩])\t+[^\t]*\S[ \t]*$")


def table_problems(source: str, lines: list[str], path: str, first_line: int, clean_html: str = "") -> list[Problem]:
    """Warnings for tables Markdown shows as text: pipe rows with no separator row, or with one typed with
    full-width or long dashes (`_wide_dash_separator`), and cells pasted from Excel.

    A pipe table needs the line ``| --- | --- |`` under its first row;
    without it, the rows are shown as lines of text with their pipes. Rows
    copied from Excel or WPS are cells separated by TABs, which Markdown
    shows as text, the cells run together with a space between. Each is
    warned once, at the first row of two or more, with the lines to type; a
    row pasted alone is warned too when it holds three cells or more, one of
    them opening with a figure (``照明<TAB>18<TAB>10``): a line with one TAB,
    or of words only (``时间：5月3日<TAB>地点：镇政府<TAB>主持：张三``), is
    taken as text spaced with TABs. In a quote the rows offered keep its
    signs (``> | 照明 | 18 |``); a bullet before the cells is no cell. Rows
    typed with an indent, under a list item say, are text as well (indented
    code blocks are off) and told alike, the table offered at the line's
    start, out of the list (`_tab_cells_problem`). Lines that each hold one TAB, right
    after a list's bullet or number (``1.<TAB>编号第一项``, ``•<TAB>第一项``,
    ``一、<TAB>全面启动``: Word and WPS paste their lists so), are a list,
    not cells, and the page shows them as it shows the same lines with a
    space after the marker. Fenced code is left alone; found while
    converting (cached).
    """
    if "|" not in source and "\t" not in source:
        return []
    if "\t" not in source and pipe_blocks_formed(lines):
        return []  # most pages with a table: each block of | lines has its --- line second
    return table_scan_problems(lines, path, first_line, clean_html)


def pipe_blocks_formed(lines: list[str]) -> bool:
    """True when no line can start a table Markdown shows as text, so `table_scan_problems` finds none.

    Looks at each block of consecutive lines holding "|": it is well formed
    when each of its lines is a pipe row and it is one line, or its second
    line is the ``| --- |`` line (what follows that line never warns). Any
    other block, fences included, is left to the full scan. On a benchmark
    page with a table: 6 µs, against the scan's 58 µs.
    """
    count = len(lines)
    index = 0
    while index < count:
        if "|" not in lines[index]:
            index += 1
            continue
        end = index + 1
        while end < count and "|" in lines[end]:
            end += 1
        block = lines[index:end]
        if not all(PIPE_ROW_RE.match(line) for line in block):
            return False
        if len(block) > 1 and (SEPARATOR_ROW_RE.match(block[0]) or not SEPARATOR_ROW_RE.match(block[1])):
            return False
        index = end
    return True


def table_cell_problems(source: str, lines: list[str], md: markdown.Markdown, path: str,
                        first_line: int) -> list[Problem]:
    """Warnings for pipe tables whose rows do not have the first row's number of cells, each at its row.

    Python-Markdown's tables extension (its processor, from ``md``, splits
    the rows as it does when converting: ``\\|`` and pipes in code spans stay
    in their cell) drops the cells of a row beyond the first row's count:
    ``| 是否满意 | 是|否 |`` under two columns published "是" and lost "否",
    unwarned. A ``---`` line with another count than the first row makes
    the table text, pipes and all. A row with fewer cells gets empty ones
    at its end: nothing is lost, but in a table of figures a figure left
    out reads as none, so it is told too, with the row that keeps the
    empty cells on purpose (``| 招工 | 8 | |``, which is not told). Fenced
    code is left alone.
    """
    processor = md.parser.blockprocessors["table"] if "table" in md.parser.blockprocessors else None
    if "|" not in source or processor is None:
        return []
    problems: list[Problem] = []
    # A table in a quote is read as one without its "> " (Markdown reads the quote's lines so).
    rows = [(index, QUOTE_SIGNS_RE.sub("", line) if line.lstrip(" ").startswith(">") else line)
            for index, line in outside_fences(lines) if "|" in line]  # a table's lines, each holding a "|"
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end][0] == rows[start][0] + end - start \
                and not rows[end][1].startswith(("    ", "\t")):
            end += 1
        block = rows[start:end]
        start = max(end, start + 1)
        if len(block) < 2 or not SEPARATOR_ROW_RE.match(block[1][1]):
            continue
        text = "\n".join(line for _, line in block)
        if "`" not in text and "\\" not in text and len({_inner_pipes(line) for _, line in block}) == 1:
            continue  # every row as many cells as the first (most tables): no pipe is escaped or in code
        if not processor.test(None, text):  # type: ignore[arg-type]
            # An invisible character before the first "|" (a BOM, U+200B) is told by `invisible_problems`.
            split = processor._split_row  # type: ignore[attr-defined]
            header, under = ([cell.strip() for cell in split(_visible(line).strip(" "))] for _, line in block[:2])
            if len(header) > 1 and len(under) != len(header):
                signs = (under + ["---"] * len(header))[:len(header)]  # the alignments typed (:-:, --:) kept
                problems.append(Problem(
                    path, first_line + block[1][0], 1, "warning",
                    f"the line under the table's first row has {len(under)} cells and the first row "
                    f"{len(header)}, so Markdown shows the table as text, pipes and all",
                    f"write one --- for each column: {'| ' + ' | '.join(signs) + ' |'}"))
            continue
        count = len(processor.separator)  # type: ignore[attr-defined]
        for index, line in block[2:]:
            cells = processor._split_row(line.strip(" "))  # type: ignore[attr-defined]
            lost = "、".join(clipped(cell.strip(), 20) for cell in cells[count:] if cell.strip())
            if len(cells) > count and lost:  # empty cells after the last (| 1 | 2 | |) lose nothing
                problems.append(Problem(
                    path, first_line + index, 1, "warning",
                    f"this row has {len(cells)} cells and the table's first row {count}, so the page shows only its "
                    f"first {count} and leaves out: {lost}",
                    'if a "|" belongs inside a cell, type it as \\|; for another column, add it to the first row '
                    "and a --- for it to the line under it"))
            elif len(cells) < count and "｜" not in line:  # a full-width bar is told on its own, with its row
                short = count - len(cells)
                typed = line.strip(" ")
                kept = (typed if typed.endswith("|") else typed + " |") + " |" * short
                problems.append(Problem(
                    path, first_line + index, 1, "warning",
                    f"this row has {len(cells)} cell{'s' * (len(cells) > 1)} and the table's first row {count}, so "
                    f"the page shows {'its last cell' if short == 1 else f'its last {short} cells'} empty (空白)",
                    f"if a figure or word was left out, add it; if the cells are empty on purpose, write them: {kept}"))
    return problems


def _visible(text: str) -> str:
    """``text`` without its invisible format characters (Unicode category Cf: BOM, zero-width spaces)."""
    return "".join(char for char in text if unicodedata.category(char) != "Cf") if not text.isascii() else text


def _inner_pipes(row: str) -> int:
    """The pipes of a table row between its cells (those at its ends left out): its cells less one."""
    inner = row.strip(" \t")
    return inner[inner.startswith("|"):len(inner) - inner.endswith("|")].count("|")


def table_scan_problems(lines: list[str], path: str, first_line: int, clean_html: str = "") -> list[Problem]:
    """The warnings of `table_problems`, found by reading every line outside fences; an indented table only when
    the page (``clean_html``) shows its first row as typed, since a list item Markdown reads loosely (its text
    after a blank line) takes an indented table in as a table."""
    problems: list[Problem] = []
    rows = list(outside_fences(lines))
    index = 0
    while index < len(rows):
        number, line = rows[index]
        run = 1
        if (under := _wide_dash_separator(rows, index)) is not None:
            problems.append(Problem(path, first_line + number + 1, *under))
            while index + run < len(rows) and rows[index + run][0] == number + run and "|" in rows[index + run][1]:
                run += 1
            index += run
            continue
        if (indented := _indented_table_run(rows, index)) > 1:
            if html.escape(line.strip(" \t\u3000"), quote=False) in clean_html:
                problems.append(_indented_table_problem(lines, number, indented, path, first_line))
            index += indented
            continue
        pasted = _tab_cells(line)
        if not pasted and not PIPE_ROW_RE.match(line):
            index += 1
            continue
        same = _tab_cells if pasted else PIPE_ROW_RE.match
        while (index + run < len(rows) and rows[index + run][0] == number + run and same(rows[index + run][1])
               and (pasted or not SEPARATOR_ROW_RE.match(rows[index + run][1]))):
            run += 1
        # A list pasted from Word (1.<TAB>…, •<TAB>…), in a quote or not, is no table: a cell typed beside a
        # number in a row (序号<TAB>措施 above 1.<TAB>摸排) makes the lines one.
        listed = pasted and all(_PASTED_ITEM_RE.match(QUOTE_SIGNS_RE.sub("", text).lstrip(" \t"))
                                for _, text in rows[index:index + run])
        if pasted and not listed and (run >= 2 or _pasted_row_alone(line)):
            problems.append(_tab_cells_problem(line, run, _in_list_item(lines, number), path, first_line + number,
                                               rows[index + 1][1] if run >= 2 else ""))
        elif not pasted and run >= 2 and not SEPARATOR_ROW_RE.match(line):
            cells = line.strip().strip("|").count("|") + 1
            problems.append(Problem(
                path, first_line + number, 1, "warning",
                f"these {run} lines look like a table (表格), but no line of --- is under the first row, so "
                "Markdown shows them as text, pipes and all",
                f"add this line under the first row: |{' --- |' * cells}"))
        index += run
    return problems


_INDENTED_PIPE_ROW_RE = compile_later(r"^(?: {4,}| {0,3}[\t\u3000])[ \t\u3000]*\|.*\|")
"""A row of a pipe table typed 4 spaces or more in, or after a TAB or a full-width space (缩进)."""


def _indented_table_run(rows: list[tuple[int, str]], index: int) -> int:
    """How many lines from ``rows[index]`` on (line number, text) are an indented pipe table: a row, a line of
    --- under it, and the rows after, each indented as `_INDENTED_PIPE_ROW_RE` says; 0 when none starts there."""
    number, line = rows[index]
    if not _INDENTED_PIPE_ROW_RE.match(line) or index + 1 >= len(rows) or rows[index + 1][0] != number + 1 \
            or not _INDENTED_PIPE_ROW_RE.match(rows[index + 1][1]) \
            or not SEPARATOR_ROW_RE.match(rows[index + 1][1].lstrip(" \t\u3000")):
        return 0
    run = 2
    while index + run < len(rows) and rows[index + run][0] == number + run \
            and _INDENTED_PIPE_ROW_RE.match(rows[index + run][1]):
        run += 1
    return run


def _indented_table_problem(lines: list[str], number: int, run: int, path: str, first_line: int) -> Problem:
    """The warning of `table_problems` for ``run`` lines of a pipe table typed with an indent from ``lines[number]``.

    Indented code blocks are off and the tables extension reads no indented
    row, so each row is published as a paragraph of its own, pipes and all.
    A table is read at a line's start (up to 3 spaces in) and never inside
    a list item, so the hint gives the lines at their start, and under an
    item says that the table then goes under it, out of the list.
    """
    line = lines[number]
    indent = line[:len(line) - len(line.lstrip(" \t\u3000"))]
    wide = "a TAB (制表符)" if "\t" in indent else "a full-width space (全角空格)" if "\u3000" in indent \
        else f"{len(indent)} spaces"
    rows = [text.strip(" \t\u3000") for text in lines[number:number + run]]
    shown = ", then ".join(rows[:3]) + (", then the other rows" if run > 3 else "")
    place, where = "", ""
    if _in_list_item(lines, number):
        place = "Markdown reads no table among the lines of a list item (列表); "
        where = ", so that it goes under the item, out of the list"
    return Problem(
        path, first_line + number, len(indent) + 1, "warning",
        f"these {run} lines are a table (表格) typed with an indent (缩进) of {wide}, so Markdown shows each row as "
        "text, pipes and all, not as a table",
        f"{place}type each line at its start, not indented{where}: {shown}")


def _tab_cells(line: str) -> bool:
    """True when ``line`` holds cells separated by TABs (``照明<TAB>18``), however far in it is typed: indented
    code blocks are off, so an indented line is text too (under a list item, say), its cells run together."""
    return TAB_CELLS_RE.match(line.lstrip(" \t")) is not None


def _in_list_item(lines: list[str], index: int) -> bool:
    """True when the line at ``index`` of ``lines``, indented (a quote's signs before it or not), goes on a list
    item above it (`item_above`), where a table typed in its place would not be read as one."""
    bare = [QUOTE_SIGNS_RE.sub("", line) for line in lines[:index + 1]]
    return bare[index][:1] in (" ", "\t", "\u3000") and item_above(bare, index, 3) != ""


def _row_cells(line: str) -> tuple[str, list[str]]:
    """The quote signs a line of TAB-separated cells opens with, and its cells (a bullet before them left out)."""
    lead = _CELLS_LEAD_RE.match(line)
    return lead.group("signs"), [cell.strip() for cell in line[lead.end():].split("\t") if cell.strip()]


def _pasted_row_alone(line: str) -> bool:
    """True when ``line``, TAB-separated cells with no such line above or below it, is a row pasted from a
    spreadsheet: three cells or more, one opening with a figure (``照明<TAB>18<TAB>10``)."""
    cells = _row_cells(line)[1]
    return len(cells) >= 3 and any(_FIGURE_CELL_RE.match(cell) for cell in cells)


def _data_first(first: str, second: str) -> bool:
    """True when ``first``, the first of two rows of TAB-separated cells, is a row of data, not the table's heading:
    its first cell opens with a figure or a date (2018年1月12日, 18户), as the second row's does. A timeline or a
    list of figures pasted without its heading row: offered as the heading, its first event was what a screen
    reader announced as the name of the column."""
    one, two = _row_cells(first)[1], _row_cells(second)[1]
    return bool(one and two and _FIGURE_CELL_RE.match(one[0]) and _FIGURE_CELL_RE.match(two[0]))


def _tab_cells_problem(line: str, run: int, in_item: bool, path: str, line_number: int,
                       second: str = "") -> Problem:
    """The warning of `table_problems` for ``run`` lines of TAB-separated cells from ``line`` (the first, at
    ``line_number`` of the file; ``second``, the line under it, "" for a row alone): the table to type, a quote's
    signs before each of its rows. Rows of data from the first (`_data_first`) get a heading row to type above
    them, as a row alone does.

    Rows typed with an indent are offered at the line's start: a table is
    read only there, and never inside a list item (the tables extension
    reads no indented row, and `open_blocks` takes a table right under an
    item out of it), so rows under an item (``in_item``) are told that it
    goes under the item, out of the list; the items below it go on as a
    list of their own, a numbered one from its number.
    """
    lead = _CELLS_LEAD_RE.match(line)
    signs, cells = _row_cells(line)
    row, rule = f"{signs}| {' | '.join(cells)} |", f"{signs}|{' --- |' * len(cells)}"
    place, where = "", ""
    if in_item:
        place = "Markdown reads no table among the lines of a list item (列表); "
        where = ", each line at its start, not indented (缩进), so that it goes under the item, out of the list"
    elif lead.group("indent"):
        where = ", each line at its start, not indented (缩进)"
    heading = f"{signs}| {' | '.join(f'列{column}' for column in range(1, len(cells) + 1))} |"
    if run > 1 and _data_first(line, second):
        return Problem(
            path, line_number, 1, "warning",
            f"these {run} lines are cells separated by TABs, as pasted from Excel or WPS (表格), so Markdown "
            "shows them as text, not as a table",
            f"{place}type the table with | between cells, a heading row (表头) above its first row and a line of --- "
            f"under that{where}: {heading}, then {rule}, then {row}, then one row per line"
            + (f', each after "{signs}"' if signs else "") + ", with the columns' names in place of 列1 …")
    if run > 1:
        return Problem(
            path, line_number, 1, "warning",
            f"these {run} lines are cells separated by TABs, as pasted from Excel or WPS (表格), so Markdown "
            "shows them as text, not as a table",
            f"{place}type the table with | between cells and a line of --- under the first row{where}: {row}, then "
            f"{rule}, then one row per line" + (f', each after "{signs}"' if signs else ""))
    return Problem(
        path, line_number, 1, "warning",
        "this line holds cells separated by TABs, as pasted from a row of Excel or WPS (表格), so Markdown shows it as "
        "text, the cells run together with a space between, not as a table",
        f"{place}to show it as a table, type a heading row (表头) above it, a line of --- under that and | between "
        f"cells{where}: {heading}, then {rule}, then {row}, with the columns' names in place of 列1 …")


_WIDE_DASH_NAMES = {"－": "full-width dashes (全角 －)", "—": "long dashes (—, 破折号)", "―": "long dashes (―)",
                    "–": "en dashes (–)", "─": "box-drawing lines (─)", "：": "full-width colons (全角冒号 ：)"}
"""The signs of `_WIDE_DASHES` → how a message names them."""


def _wide_dash_separator(rows: Sequence[tuple[int, str]], index: int) -> tuple[int, str, str, str] | None:
    """``(column, "warning", message, hint)`` for the line under the table row ``rows[index]`` (``(number,
    line)`` pairs, as `outside_fences` gives them) when its dashes are typed with an input method (``| －－ |
    ：－－ |``, ``—— | ——``), placed on that line; None for any other.

    Markdown reads the line under a table's first row only with half-width
    "-" and ":", so the table was shown as text, pipes and all; told as a
    missing line, the hint added a line and the typed one became a row of
    "－－". The line offered replaces it, the alignments typed kept
    (`separator_to_type`). Bars typed full-width are `_full_width_tables`'.
    """
    number, line = rows[index]
    if index + 1 >= len(rows) or rows[index + 1][0] != number + 1 or "|" not in line or "｜" in line:
        return None
    under = rows[index + 1][1]
    if "｜" in under or SEPARATOR_ROW_RE.match(line) or SEPARATOR_ROW_RE.match(under) \
            or not is_wide_separator(under):
        return None
    typed = [sign for sign in _WIDE_DASH_NAMES if sign in under]
    column = min(under.index(sign) for sign in typed) + 1
    names = " and ".join(_WIDE_DASH_NAMES[sign] for sign in typed)
    return (column, "warning",
            f"the line under the table's first row is typed with {names}, so Markdown does not read it as that "
            "line and shows the table as text, pipes and all",
            paste_hint("type it in half width (半角), in place of this line", separator_to_type(under)))

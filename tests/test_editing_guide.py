"""docs/editing.md, the editors' guide, kept true to what sitegen does.

Every file the guide gives to copy (a fenced block under "File `…`:") and
every record to paste (under "Paste under `tallies:` in `…`, after the last
…:") is written into a copy of the example site, which must then check with
no error and no warning once the words marking it an example (示例…：) are
taken out and its figures are the unit's own; pasted as shown, each such text
is warned of, and with those words deleted, the figures. Every ``sitegen …`` command it shows must parse,
and those that change nothing published run cleanly there; every link into
README.md must lead to a heading there; the message it shows as an example
is the one printed; and each slip it lists (``sitegen says `…` ``) is
typed into the example site and must give a message holding those words.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path
from typing import Callable

import pytest
import yaml

from sitegen.cli import main

from .sitekit import REPO, copy_example

GUIDE = REPO / "docs" / "editing.md"
README = REPO / "README.md"
INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
CASE = "content/cases/baihe-caomei.md"
UNIT = "content/units/baihe.yaml"

FILE_MARK = re.compile(r"^File `(content/[^`]+)`:$")
PASTE_MARK = re.compile(r"^Paste under `(\w+):` in `(content/[^`]+)`, after the last \w+:$")


def guide_text() -> str:
    """The guide as saved."""
    return GUIDE.read_text(encoding="utf-8")


def fenced_blocks(text: str) -> list[tuple[str, str, str]]:
    """Each fenced block of a Markdown text as (info string, body, the last non-empty line above it)."""
    blocks = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if lines[index].startswith("```"):
            above = next((line for line in reversed(lines[:index]) if line.strip()), "")
            info = lines[index][3:].strip()
            end = lines.index("```", index + 1)
            blocks.append((info, "\n".join(lines[index + 1:end]) + "\n", above))
            index = end
        index += 1
    return blocks


def check(root: Path) -> tuple[int, str]:
    """Run ``sitegen check`` on the site ``root``: its exit code, and what it printed (stderr, then stdout)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--site", str(root)])
    return code, err.getvalue() + out.getvalue()


def paste(root: Path, rel: str, key: str, lines: str) -> None:
    """Add ``lines`` at the end of the list ``key:`` of the record ``rel``, as the guide says to paste them."""
    path = root / rel
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = rows.index(f"{key}:\n")
    last = start
    for number in range(start + 1, len(rows)):
        if rows[number].startswith((" ", "-")):
            last = number
        elif rows[number].strip():
            break
    rows[last + 1:last + 1] = [lines]
    path.write_text("".join(rows), encoding="utf-8")


def apply(root: Path, above: str, body: str) -> None:
    """Write one example of the guide into the site ``root`` as the line above it says."""
    if match := FILE_MARK.match(above):
        (root / match[1]).write_text(body, encoding="utf-8")
        return
    match = PASTE_MARK.match(above)
    assert match, f"a file example without a line saying where it goes: {above!r}"
    key, rel = match[1], match[2]
    before = yaml.safe_load((root / rel).read_text(encoding="utf-8"))[key]
    paste(root, rel, key, body)
    after = yaml.safe_load((root / rel).read_text(encoding="utf-8"))[key]
    # The pasted lines must land in the list as one more item, not beside it.
    assert after == before + yaml.safe_load(body)


EXAMPLES = [(above, body) for info, body, above in fenced_blocks(guide_text()) if info in ("yaml", "markdown")]


def test_the_guide_has_examples_for_an_interview_a_case_and_each_list_of_a_unit() -> None:
    marks = [above for above, _ in EXAMPLES]
    assert marks == [f"File `{INTERVIEW}`:", f"File `{CASE}`:",
                     f"Paste under `tallies:` in `{UNIT}`, after the last tally:",
                     f"Paste under `targets:` in `{UNIT}`, after the last target:",
                     f"Paste under `milestones:` in `{UNIT}`, after the last milestone:"]


EXAMPLE_WORDS = re.compile(r"示例[^：\n]{0,2}：")
"""The words a text of the guide's examples starts with to say it is one: 示例：, 示例数字：, 示例目标：."""


OWN_FIGURES = {"batches: 340": "batches: 352", "collected: 310": "collected: 320", "escalated: 150": "escalated: 160",
               "resolved: 120": "resolved: 118", "in_progress: 40": "in_progress: 42", "measured: 45.5": "measured: 47"}
"""The figures of the guide's example tally and target, and the unit's own counted in their place (160 + 118 + 42 = 320)."""


def own_words(body: str) -> str:
    """An example of the guide as an editor rewrites it: the words marking its texts an example taken out, and the
    unit's own figures in place of the example's."""
    for example, own in OWN_FIGURES.items():
        body = re.sub(rf"^(\s*){re.escape(example)}$", rf"\g<1>{own}", body, flags=re.M)
    return EXAMPLE_WORDS.sub("", body)


@pytest.mark.parametrize("above,body", EXAMPLES, ids=[above for above, _ in EXAMPLES])
def test_each_example_checks_clean_in_the_example_site(tmp_path: Path, above: str, body: str) -> None:
    root = copy_example(tmp_path / "site")
    apply(root, above, own_words(body))
    assert check(root) == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_all_examples_together_check_clean(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    for above, body in EXAMPLES:
        apply(root, above, own_words(body))
    assert check(root) == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_the_unit_examples_mark_their_texts_and_only_theirs() -> None:
    marked = [(above, line.strip()) for above, body in EXAMPLES for line in body.splitlines()
              if EXAMPLE_WORDS.search(line)]
    assert marked == [(f"Paste under `tallies:` in `{UNIT}`, after the last tally:",
                       "note: 示例数字：截至2018年6月30日的累计数，据镇大调研办公室统计。"),
                      (f"Paste under `targets:` in `{UNIT}`, after the last target:", "note: 示例目标：农户调研率达到90%。"),
                      (f"Paste under `milestones:` in `{UNIT}`, after the last milestone:", "title: 示例：召开大调研推进会"),
                      (f"Paste under `milestones:` in `{UNIT}`, after the last milestone:",
                       "description: 示例：通报各调研组进展。")]


def _told_at(root: Path, typed: str) -> tuple[int, int]:
    """The line and column (from 1) of the value of the unit file's line ``typed`` (``key: value``)."""
    lines = (root / UNIT).read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.strip() == typed)
    return number, lines[number - 1].index(typed.split(": ", 1)[1]) + 1


def test_examples_pasted_as_shown_are_told_with_where_and_what_to_write(tmp_path: Path) -> None:
    # Pasted as the guide shows them, the unit's page published 示例数字：… and the guide's figures as the unit's.
    root = copy_example(tmp_path / "site")
    for above, body in EXAMPLES:
        apply(root, above, body)
    said = "(example), the mark of the examples of the editors' guide: the unit's page would publish it as the " \
           "unit's own"
    tally, target, title, description = (_told_at(root, typed) for typed in (
        "note: 示例数字：截至2018年6月30日的累计数，据镇大调研办公室统计。", "note: 示例目标：农户调研率达到90%。",
        "title: 示例：召开大调研推进会", "description: 示例：通报各调研组进展。"))
    # Errors: pasted with its figures changed and its note kept, the guide's words were published, warned only.
    assert check(root) == (1, (
        f'{UNIT}:{tally[0]}:{tally[1]}: error: tallies → item 2 → note: "示例数字：截至2018年6月30日的累计数，据镇大调研办公室统计。" '
        f"starts with 示例数字： {said}\n  hint: write where the unit's figures come from (数据来源); if the figures "
        "were copied with the note, write the unit's own as counted that day first\n"
        f'{UNIT}:{target[0]}:{target[1]}: error: targets → item 4 → note: "示例目标：农户调研率达到90%。" starts with '
        f"示例目标： {said}\n"
        "  hint: write what the unit's target rests on (依据); if the target and share were copied with the note, "
        "write the unit's own first\n"
        f'{UNIT}:{title[0]}:{title[1]}: error: milestones → item 3 → title: "示例：召开大调研推进会" starts with 示例： '
        f"{said}\n  hint: write what happened (事件), with the day it happened in date:\n"
        f'{UNIT}:{description[0]}:{description[1]}: error: milestones → item 3 → description: "示例：通报各调研组进展。" '
        f"starts with 示例： {said}\n  hint: write what happened, in one or two sentences, or delete the line\n"
        "checked: 4 error(s), 0 warning(s); links are checked once the errors are mended (改正错误后再检查链接)\n"))
    # A text of the unit's own that only starts with the word is told, not refused.
    (root / UNIT).write_text((root / UNIT).read_text(encoding="utf-8").replace(
        "示例：召开大调研推进会", "示例农户大会"), encoding="utf-8")
    assert 'title: "示例农户大会" starts with 示例 (example), as the examples of the editors\' guide do' in check(root)[1]


def test_the_guide_shows_the_example_figures_sitegen_knows() -> None:
    # sitegen tells the guide's figures kept (check_guide_figures): they are the ones the guide shows.
    from sitegen.placeholders import GUIDE_TALLY_FIGURES, GUIDE_TARGET_FIGURES
    tally, target = (yaml.safe_load(body)[0] for above, body in EXAMPLES
                     if above.startswith(("Paste under `tallies:`", "Paste under `targets:`")))
    assert tuple(tally[key] for key in ("batches", "collected", "escalated", "resolved", "in_progress")) == \
        GUIDE_TALLY_FIGURES
    assert (target["group"], target["target"], target["measured"], target["deadline"].isoformat(),
            target["measured_as_of"].isoformat()) == GUIDE_TARGET_FIGURES
    assert {line.strip() for _, body in EXAMPLES for line in body.splitlines()} >= set(OWN_FIGURES)


def test_examples_pasted_with_their_notes_deleted_are_told_by_their_figures(tmp_path: Path) -> None:
    # With the 示例 note deleted (or written over), nothing marked the guide's figures: the unit's page, the
    # totals and the open data published 340/310/150/120/40 and farmers' 90% and 45.5% as 白鹤镇's.
    noted = "note: 数据来源：镇大调研办公室。"
    for kept_note in ("", noted):
        root = copy_example(tmp_path / f"site{len(kept_note)}")
        for above, body in EXAMPLES:
            if above.startswith(("Paste under `tallies:`", "Paste under `targets:`")):
                body = re.sub(r"^(\s*)note: 示例.*$", rf"\g<1>{kept_note}" if kept_note else "", body, flags=re.M)
                apply(root, above, body.replace("\n\n", "\n"))
        lines = (root / UNIT).read_text(encoding="utf-8").splitlines()
        # Told at the item: the line of its "- ", the column of its first field.
        tally, target = ((lines.index(typed) + 1, typed.index("- ") + 3)
                         for typed in ("  - as_of: 2018-06-30", "  - group: farmers"))
        assert check(root) == (0, (
            f"{UNIT}:{tally[0]}:{tally[1]}: warning: this tally of 2018-06-30 has the figures of the example tally "
            "in the editors' guide (310 = 150 + 120 + 40): 白鹤镇's page, the totals and the open data would publish "
            "them as 白鹤镇's\n  hint: write the figures 白鹤镇 counted on 2018-06-30 (as_of, 截至日期), from its own "
            "records, with where they come from in note:\n"
            f"{UNIT}:{target[0]}:{target[1]}: warning: this target (group: farmers, target: 90, measured: 45.5 on "
            "2018-06-30) has the figures of the example target in the editors' guide: 白鹤镇's page and the open data "
            "would publish them as 白鹤镇's target (覆盖目标) and progress\n  hint: write 白鹤镇's own target and the "
            "share reached, with a note: saying where they come from\n"
            "checked: 0 error(s), 2 warning(s)\n")), kept_note


@pytest.mark.parametrize("pasted,edit,told", [
    # Optional lines deleted or changed alone, the note deleted: the guide's figures are still the ones that count.
    ("tallies", {"    batches: 340\n": ""}, "tally of 2018-06-30"),
    ("tallies", {"    batches: 340\n": "    batches: 350\n"}, "tally of 2018-06-30"),
    ("targets", {"    measured: 45.5\n": "", "    measured_as_of: 2018-06-30\n": ""},
     "target (group: farmers, target: 90, deadline: 2018-12-31)"),
    ("targets", {"  - group: farmers\n": "  - group: villages\n"},
     "target (group: villages, target: 90, measured: 45.5 on 2018-06-30)"),
    # The unit's own figures in their place: nothing told.
    ("tallies", {"    collected: 310\n": "    collected: 320\n", "    in_progress: 40\n": "    in_progress: 50\n"}, None),
    ("targets", {"    measured: 45.5\n": "    measured: 52\n"}, None),
    # Not measured yet, with a note of the unit's own: the target is meant.
    ("targets", {"    measured: 45.5\n": "", "    measured_as_of: 2018-06-30\n": "",
                 "\n": "\n    note: 据镇大调研实施方案。\n"}, None),
])
def test_the_guides_figures_are_told_whatever_optional_line_is_changed(
        tmp_path: Path, pasted: str, edit: dict[str, str], told: str | None) -> None:
    # Only the tally's batches changed, or the target's measured lines deleted: the figures passed unwarned.
    root = copy_example(tmp_path / "site")
    above, body = next((above, body) for above, body in EXAMPLES if above.startswith(f"Paste under `{pasted}:`"))
    body = re.sub(r"^\s*note: 示例.*\n", "", body, flags=re.M)
    for old, new in edit.items():
        body = body.replace(old, new, 1) if old != "\n" else body.rstrip("\n") + new
    apply(root, above, body)
    code, said = check(root)
    warned = [line.split(" has the figures")[0].split("warning: this ")[1] for line in said.splitlines()
              if " has the figures of the example " in line]
    assert (code, warned) == (0, [told] if told else []), said
    assert said.endswith(f"checked: 0 error(s), {1 if told else 0} warning(s)\n"), said


def guide_commands() -> list[str]:
    """Every ``sitegen …`` command of the guide: in inline code, and on the lines of its shell blocks."""
    text = guide_text()
    commands = re.findall(r"`(sitegen [^`]+)`", text)
    for info, body, _ in fenced_blocks(text):
        if info == "sh":
            commands += [line for line in body.splitlines() if line.startswith("sitegen ")]
    return commands


def test_the_guide_shows_the_commands_an_editor_needs() -> None:
    assert sorted({shlex.split(command)[1] for command in guide_commands()}) == ["build", "check", "new", "serve"]


@pytest.mark.parametrize("command", guide_commands())
def test_every_command_of_the_guide_is_one_sitegen_takes(tmp_path: Path, command: str) -> None:
    argv = shlex.split(command)[1:]
    shown, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stop:
        main(argv + ["--help"])
    assert stop.value.code == 0, err.getvalue()
    # --help stops before a mistyped option would be refused: each option typed must be one the help lists.
    assert [word for word in argv if word.startswith("-") and word not in shown.getvalue()] == []
    if argv[0] in ("new", "check"):  # these write no published output: run them as an editor would
        root = copy_example(tmp_path / "site")
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            assert main(argv + ["--site", str(root)]) == 0, err.getvalue()


def readme_anchors() -> set[str]:
    """The anchors GitHub gives README.md's headings (fenced blocks left out)."""
    anchors: set[str] = set()
    fenced = False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"#{1,6} (.+)", line)):
            slug = re.sub(r"[^\w\- ]", "", heading[1].strip().lower()).replace(" ", "-")
            anchor, number = slug, 0
            while anchor in anchors:
                number += 1
                anchor = f"{slug}-{number}"
            anchors.add(anchor)
    return anchors


def test_every_link_into_the_readme_leads_to_a_heading() -> None:
    links = re.findall(r"\]\(\.\./README\.md#([^)]+)\)", guide_text())
    assert len(links) >= 10
    assert sorted(set(links) - readme_anchors()) == []


def test_every_link_of_the_readme_to_its_own_headings_leads_to_one() -> None:
    # Its contents: a link to a heading renamed since would lead nowhere.
    text, fenced, links = README.read_text(encoding="utf-8"), False, []
    for line in text.splitlines():
        fenced = fenced != line.startswith("```")
        if not fenced:
            links += re.findall(r"\]\(#([^)]+)\)", re.sub(r"`[^`]*`", "", line))  # not the examples in code
    assert {"common-mistakes", "quick-start", "publish", "a-site-folder", "development"} <= set(links)
    assert sorted(set(links) - readme_anchors()) == []


def test_the_readme_sends_editors_to_the_guide() -> None:
    assert "Editors: start with [docs/editing.md](docs/editing.md)" in README.read_text(encoding="utf-8")


def replace_once(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` in the file ``rel`` of ``root`` with ``new``, as one slip typed."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_example_message_is_the_one_printed(tmp_path: Path) -> None:
    shown = [body for info, body, _ in fenced_blocks(guide_text()) if info == "text"]
    assert len(shown) == 1
    root = copy_example(tmp_path / "site")
    replace_once(root, INTERVIEW, "title: ", "title：")
    assert check(root) == (1, shown[0])


def _save_as(encoding: str) -> Callable[[Path], None]:
    def slip(root: Path) -> None:
        path = root / INTERVIEW
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return slip


def _edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: replace_once(root, rel, old, new)


# Each message the guide quotes, and the slip it is quoted for, typed into the example site.
SLIPS: dict[str, Callable[[Path], None]] = {
    "uses a full-width colon": _edit(INTERVIEW, "title: ", "title："),
    'no space after ":"': _edit(INTERVIEW, "title: ", "title:"),
    "a TAB is used for indentation": _edit(INTERVIEW, "\n  name:", "\n\tname:"),
    "a full-width space (全角空格) is used for indentation": _edit(INTERVIEW, "\n  name:", "\n　　name:"),
    'a list item needs a space after "-"': _edit(CASE, "  - 走访", "  -走访"),
    "without square brackets": _edit(INTERVIEW, "tags: [大调研, 补短板, 草莓产业, 民生]", "tags: 大调研, 补短板, 草莓产业, 民生"),
    "typed with full-width or long dashes": _edit(INTERVIEW, "---\n\n大调研开展以来", "———\n\n大调研开展以来"),
    "does not exist": _edit(UNIT, "as_of: 2018-04-26", "as_of: 2018-4-31"),
    "was the day typed to its end?": _edit(UNIT, "as_of: 2018-04-26", "as_of: 2018-04-2"),
    "does not add up": _edit(UNIT, "in_progress: 50", "in_progress: 51"),
    "write the id, not the name": _edit(INTERVIEW, "unit: baihe", "unit: 白鹤镇"),
    'has no "##" before it': _edit(INTERVIEW, "## 调研中发现了哪些典型问题？", "一、调研中发现了哪些典型问题？"),
    "does not read this line as a list item": _edit(INTERVIEW, "- **坚持需求导向**", "●坚持需求导向"),
    "leads to no page or file of this site": _edit(CASE, "白鹤种草莓已有30多年", "见[白鹤镇](units/baihee/)。白鹤种草莓已有30多年"),
    "as the unit name 白鹤镇 does (同音)": _edit(CASE, "白鹤种草莓已有30多年", "柏合镇种草莓已有30多年"),
    "not found": _edit(CASE, "白鹤种草莓已有30多年", "![草莓基地](images/caomei-jidi.jpg)\n\n白鹤种草莓已有30多年"),
    "is marked planned (计划), but its date": _edit(UNIT, "    title: 召开大调研动员部署会\n",
                                                  "    title: 召开大调研动员部署会\n    status: planned\n"),
    "saved as GBK/GB18030, not UTF-8": _save_as("gbk"),
    'saved as UTF-16 ("Unicode"), not UTF-8': _save_as("utf-16"),
    'Notepad added ".txt"': lambda root: (root / INTERVIEW).rename(root / (INTERVIEW + ".txt")),
    "this list is nested too deep (嵌套过深)": _edit(
        INTERVIEW, "- **50份**正在办理。", "".join("    " * level + "- **50份**正在办理。\n" for level in range(101))),
}


def quoted_messages() -> dict[str, str]:
    """Each short message the guide says sitegen prints, with the guide's line that quotes it."""
    return {quote: line for line in guide_text().splitlines() for quote in re.findall(r"sitegen says `([^`]+)`", line)}


def test_the_guide_quotes_ten_slips_and_each_is_tried() -> None:
    section = guide_text().split("## 6. ")[1].split("\n## ")[0]
    assert len(re.findall(r"^\d+\. \*\*", section, re.M)) == 10
    assert sorted(quoted_messages()) == sorted(SLIPS)


@pytest.mark.parametrize("quote", sorted(SLIPS))
def test_each_slip_gives_the_message_the_guide_quotes(tmp_path: Path, quote: str) -> None:
    root = copy_example(tmp_path / "site")
    SLIPS[quote](root)
    _, printed = check(root)
    lines = printed.splitlines()
    # A quote from a hint is told with the message line above it, which says error or warning.
    told = [lines[number - 1] if line.startswith("  hint: ") else line
            for number, line in enumerate(lines) if quote in line]
    assert told, printed
    said = quoted_messages()[quote]
    marks = {"error": f"`{quote}` (an error)", "warning": f"`{quote}` (a warning)"}
    severities = [severity for severity, mark in marks.items() if mark in said]
    assert len(severities) == 1, f"the guide says neither (an error) nor (a warning) after `{quote}`"
    assert any(f": {severities[0]}: " in line for line in told), printed

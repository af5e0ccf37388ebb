"""Hostile input: an alias bomb, a 50 MB file, 10,000-deep nesting and a 1 MB line end in a clear error.

Issue 7 ("Hostile YAML"): each ends in a clear error (the 1 MB line may
also give data) within seconds and bounded memory. The whole-site tests run
``sitegen check --format json`` in a child process that reports its own
peak memory (``ru_maxrss``); the test compares it with the same child on a
clean site and allows at most `MEMORY_BUDGET_MB` more. Time is never
asserted (the project's rule): the child's ``timeout`` only guards against
a hang, and is many times what the work takes.

The limits under test: `sitegen.sources.MAX_SOURCE_BYTES` (8 MB, checked
before a file is read), `sitegen.yamltext.MAX_LINES`, `MAX_NODES` and
`MAX_DEPTH`, anchors and aliases refused, control characters refused even
when written as escapes.

A Markdown body too complex for Python-Markdown (one 1 MB line of ``[``,
200,000 short paragraphs: quadratic there, upstream issue
Python-Markdown/markdown#798) is a clear error instead of a build that never
ends; a control character in a body is replaced, with a warning.

Imports: pytest; sitegen.sources, sitegen.yamltext, sitegen.build; tests.sitekit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build
from sitegen.errors import Report, SiteError
from sitegen.sources import MAX_SOURCE_BYTES, read_source
from sitegen.yamltext import MAX_DEPTH, MAX_LINES, MAX_NODES, load_yaml

from .sitekit import interview, write_site

MEMORY_BUDGET_MB = 200
"""Most memory a hostile site may cost above a clean one (peak resident size of ``sitegen check``)."""

HANG_GUARD = 120
"""Seconds before a child is killed as hung; the work takes a few seconds, so this only catches a hang."""

CHILD = """
import re, resource, sys
from pathlib import Path
from sitegen.cli import main
code = main(["check", "--site", sys.argv[1], "--format", "json"])
status = Path("/proc/self/status")
peak = re.search(r"VmHWM:\\s*(\\d+)", status.read_text()) if status.exists() else None
kb = int(peak.group(1)) if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sys.stderr.write("\\nmaxrss-kb %d\\n" % kb)
sys.exit(code)
"""
"""A child that runs ``sitegen check --format json`` on a site and writes its own peak memory (KB) to stderr.

Linux's ``VmHWM`` is used where there is one: ``ru_maxrss`` survives ``exec``, so
it would count the memory of the test process the child was forked from."""

BILLION_LAUGHS = "\n".join(
    ['lol0: &lol0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"lol{n}: &lol{n} [" + ",".join([f"*lol{n - 1}"] * 10) + "]" for n in range(1, 10)]
    + ["boom: *lol9"]) + "\n"
"""The "billion laughs" alias bomb in YAML: ten levels of ten aliases, 10^10 strings if expanded."""


def check_in_child(site: Path) -> tuple[list[dict[str, object]], int]:
    """Run `CHILD` on ``site``; return its problems (the JSON list) and its peak memory in MB.

    Raises AssertionError when the child hangs past `HANG_GUARD`, or prints a
    traceback or anything but the JSON list.
    """
    done = subprocess.run([sys.executable, "-c", CHILD, str(site)], capture_output=True, text=True,
                          encoding="utf-8", timeout=HANG_GUARD, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert "Traceback" not in done.stderr, done.stderr
    peak_kb = int(done.stderr.rsplit("maxrss-kb ", 1)[1].split()[0])
    return json.loads(done.stdout), peak_kb // 1024


def errors_by_file(problems: list[dict[str, object]]) -> dict[str, list[str]]:
    """The error messages of a ``check --format json`` list, grouped by file path."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        if problem["severity"] == "error":
            found.setdefault(str(problem["path"]), []).append(str(problem["message"]))
    return found


@pytest.fixture(scope="module")
def baseline_mb(tmp_path_factory: pytest.TempPathFactory) -> int:
    """Peak memory of `CHILD` on a small clean site, in MB."""
    site = write_site(tmp_path_factory.mktemp("clean"), {"content/interviews/a.md": interview()})
    problems, peak = check_in_child(site)
    assert errors_by_file(problems) == {}
    return peak


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(text)


# -- whole sites ------------------------------------------------------------------------------

def test_hostile_yaml_files_each_end_in_one_clear_error_in_bounded_memory(tmp_path: Path, baseline_mb: int) -> None:
    """Issue 7: alias bomb, 50 MB, 10,000-deep flow and block nesting, too many lines or values."""
    site = write_site(tmp_path / "site", {"content/interviews/a.md": interview()})
    files = {
        "data/bomb.yaml": BILLION_LAUGHS,
        "data/big.yaml": "- item\n" * 7_500_000,                                   # 52.5 MB
        "data/deep-flow.yaml": "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "data/deep-flow-map.yaml": "{a: " * 10_000 + "}" * 10_000 + "\n",
        "data/deep-block.yaml": "- " * 10_000 + "x\n",                            # compact block lists
        "data/deep-block-map.yaml": "".join(" " * n + "k:\n" for n in range(10_000)),  # 50 MB
        "data/deep-under-limit.yaml": "".join(" " * n + "k:\n" for n in range(3_000)),  # 4.5 MB
        "data/many-lines.yaml": "- item\n" * 1_100_000,                            # 7.7 MB
        "data/many-values.yaml": "[" + "a," * 3_000_000 + "a]\n",                  # 6 MB, one line
    }
    for rel, text in files.items():
        _write(site / rel, text)
    problems, peak = check_in_child(site)
    found = errors_by_file(problems)
    assert sorted(found) == sorted(files)
    assert found["data/bomb.yaml"] == ["anchors and aliases are not supported in content files"] * 11
    assert found["data/big.yaml"] == ["the file is 50.1 MB; sitegen reads source files of at most 8 MB"]
    assert found["data/deep-block-map.yaml"] == ["the file is 47.7 MB; sitegen reads source files of at most 8 MB"]
    for rel in ("data/deep-flow.yaml", "data/deep-flow-map.yaml", "data/deep-block.yaml",
                "data/deep-under-limit.yaml"):
        assert [m.split(" (YAML parser")[0] for m in found[rel]] == [
            f"the data is nested more than {MAX_DEPTH} levels deep"], rel
    assert found["data/many-lines.yaml"] == ["the YAML is longer than 100,000 lines; sitegen reads no more"]
    assert found["data/many-values.yaml"] == ["the data holds more than 100,000 values; sitegen reads no more"]
    assert peak - baseline_mb < MEMORY_BUDGET_MB, f"peak {peak} MB, clean site {baseline_mb} MB"


def test_a_one_megabyte_line_gives_data_or_a_clear_error_in_bounded_memory(tmp_path: Path,
                                                                           baseline_mb: int) -> None:
    """Issue 7: a 1 MB line in front matter, a record and a data file."""
    long_title = "长" * 1_000_000
    site = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(long_title),
        "content/series/long.yaml": "title: 栏目\nblurb: " + "介绍" * 500_000 + "\npublisher: 某\n",
        "data/line.yaml": "text: '" + "x: y " * 200_000 + "'\n",
        "data/flow-line.yaml": "a: [" + "'x', " * 200_000 + "\n",
        "data/tabs.yaml": "\t" * 1_000_000 + "\n",
    })
    problems, peak = check_in_child(site)
    found = errors_by_file(problems)
    assert set(found) == {"data/flow-line.yaml", "data/tabs.yaml"}, found
    assert found["data/flow-line.yaml"] == ["the data holds more than 100,000 values; sitegen reads no more"]
    assert len(found["data/tabs.yaml"]) == 1
    assert peak - baseline_mb < MEMORY_BUDGET_MB, f"peak {peak} MB, clean site {baseline_mb} MB"


# -- the limits, one by one ----------------------------------------------------------------------

def test_read_source_refuses_a_file_over_the_limit_before_reading_it(tmp_path: Path) -> None:
    """`MAX_SOURCE_BYTES`: a sparse 50 MB file is refused from its size alone; the limit itself is read."""
    (tmp_path / "data").mkdir()
    with (tmp_path / "data" / "huge.yaml").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    report = Report()
    assert read_source(tmp_path, "data/huge.yaml", report) is None
    assert [(p.path, p.line, p.message, p.hint) for p in report.problems] == [(
        "data/huge.yaml", None, "the file is 50.0 MB; sitegen reads source files of at most 8 MB",
        "split it into smaller files: one interview or case per page, one unit per file, "
        "or several files under data/")]
    (tmp_path / "data" / "edge.yaml").write_bytes(b"a" * MAX_SOURCE_BYTES)
    assert read_source(tmp_path, "data/edge.yaml", Report()) is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_read_source_refuses_a_pipe_instead_of_waiting_for_it(tmp_path: Path) -> None:
    """A named pipe in content/ would block a read forever; it is refused from its type."""
    (tmp_path / "content").mkdir()
    os.mkfifo(tmp_path / "content" / "page.md")
    report = Report()
    assert read_source(tmp_path, "content/page.md", report) is None
    assert report.problems[0].message == ("the file is not a regular file (a pipe, a device or a socket); "
                                          "it was not read")


def test_load_yaml_stops_at_the_line_and_value_limits() -> None:
    """`MAX_LINES` and `MAX_NODES`: one error at the line where reading stopped; the limits themselves load."""
    report = Report()
    assert load_yaml("- a\n" * MAX_LINES, "data/x.yaml", report) is None
    assert [(p.line, p.message) for p in report.problems] == [
        (MAX_LINES + 1, "the YAML is longer than 100,000 lines; sitegen reads no more")]
    assert load_yaml("- a\n" * (MAX_LINES - 1), "data/x.yaml", Report()) is not None
    report = Report()
    assert load_yaml("[" + "a," * MAX_NODES + "a]", "data/x.yaml", report) is None
    assert [(p.line, p.message) for p in report.problems] == [
        (1, "the data holds more than 100,000 values; sitegen reads no more")]
    assert load_yaml("[" + "a," * (MAX_NODES - 2) + "a]", "data/x.yaml", Report()) is not None


@pytest.mark.parametrize("escape, code", [("\\0", "U+0000"), ("\\x01", "U+0001"), ("\\e", "U+001B"),
                                          ("\\u000c", "U+000C"), ("\\x7f", "U+007F"), ("\\uFFFE", "U+FFFE")])
def test_a_control_character_written_as_an_escape_is_refused(escape: str, code: str) -> None:
    """XML 1.0 §2.2 allows no C0 control but TAB and line ends: such a value would crash the feeds."""
    report = Report()
    assert load_yaml(f'title: "标题{escape}"\n', "content/interviews/a.md", report, first_line=2) is None
    errors = [(p.line, p.column, p.message, p.hint) for p in report.problems if p.severity == "error"]
    assert errors == [(2, 8, f"an escape in this value makes an invisible control character ({code})",
                       'delete the backslash code (such as "\\0", "\\x01" or "\\u0001") from the value')]
    assert load_yaml('title: "a\\tb\\nc"\n', "x.yaml", Report()).value == {"title": "a\tb\nc"}


_NEW_LINE = 'write "\\n" in its place for a new line, as inside double quotes only it makes one'
_BLOCK = ' (or type the text as a block: "|" after the colon, then its lines below it, further in)'


@pytest.mark.parametrize("escape, what", [
    ("\\r", "control character (U+000D)"), ("\\x0d", "control character (U+000D)"),
    ("\\N", "line separator (U+0085)"), ("\\u0085", "line separator (U+0085)"),
    ("\\L", "line separator (U+2028)"), ("\\P", "line separator (U+2029)"), ("\\U00002029", "line separator (U+2029)")])
def test_a_line_break_written_as_an_escape_is_refused_with_the_line_to_write(escape: str, what: str) -> None:
    # "\r" and "\N" were only told "read as an escape" (a warning): the raw CR or NEL went into the CSV and JSON.
    report = Report()
    assert load_yaml(f'note: "X{escape}=1+1"   # 说明\n', "content/units/a.yaml", report) is None
    errors = [(p.line, p.column, p.message, p.hint) for p in report.problems if p.severity == "error"]
    assert errors == [(1, 7, f"an escape in this value makes an invisible {what}",
                       f'{_NEW_LINE}: note: "X\\n=1+1"   # 说明{_BLOCK}')]
    assert load_yaml('note: "X\\n=1+1"   # 说明\n', "x.yaml", Report()).value == {"note": "X\n=1+1"}


def test_an_escaped_windows_line_end_is_told_to_lose_its_r() -> None:
    report = Report()
    assert load_yaml('summary: "第一段\\r\\n第二段\\L第三段"\n', "content/interviews/a.md", report, first_line=2) is None
    assert [(p.line, p.column, p.hint) for p in report.problems if p.severity == "error"] == [
        (2, 10, f'{_NEW_LINE}, and delete a "\\r" before "\\n": summary: "第一段\\n第二段\\n第三段"{_BLOCK}')]
    report = Report()
    assert load_yaml('summary: "第一段\\r\\n\n  第二段"\n', "content/interviews/a.md", report, first_line=2) is None
    assert [p.hint for p in report.problems if p.severity == "error"] == [  # over two lines: told in words
        'delete the "\\r" before "\\n", which alone makes a new line inside double quotes' + _BLOCK]


def test_a_title_with_an_escaped_control_character_stops_the_build_with_a_message(tmp_path: Path) -> None:
    """Before the escape check, this title crashed the Atom feed writer with a ValueError traceback."""
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview('"标题\\x0c"')})
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, jobs=1, search=False))
    assert [(p.path, p.line) for p in failure.value.problems if p.severity == "error"] == [
        ("content/interviews/a.md", 2)]


# -- known defects in Markdown rendering (markup.py) -------------------------------------------------

def test_a_hostile_markdown_body_ends_in_a_clear_error(tmp_path: Path) -> None:
    """A 1 MB line of ``[`` and 200,000 one-letter paragraphs (600 KB): each a clear error, not a hang.

    Measured before the guard: 10,000 ``[`` took 15 s, 20,000 took 71 s; 100,000 paragraphs
    13 s, 200,000 43 s. markup.body_complexity refuses such bodies (load.py reports it at the
    body's first line); the timeout below only guards against a hang.
    """
    bodies = {"brackets": "[" * 1_000_000 + "\n", "paragraphs": "a\n\n" * 200_000}
    children = {}
    for name, body in bodies.items():
        site = write_site(tmp_path / name, {"content/interviews/a.md": interview(body=body)})
        children[name] = subprocess.Popen([sys.executable, "-c", CHILD, str(site)], stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        hints = {"brackets": 'remove the repeated "[" characters, or split the page into several',
                 "paragraphs": "split the page into several of at most 20000 lines each"}
        for name, child in children.items():
            out, _ = child.communicate(timeout=15)
            problems = json.loads(out)
            assert [(p["line"], p["message"].split(":")[0], p["hint"]) for p in problems] == [
                (10, "the text is too complex to convert safely", hints[name])], name
    finally:
        for child in children.values():
            child.kill()
            child.wait()


@pytest.mark.parametrize("body", ["## 问题\n\n回答\x0c结束。\n", "## 问题\n\n回答&#1;结束。\n"])
def test_a_control_character_in_a_body_never_crashes_the_build(tmp_path: Path, body: str) -> None:
    """A control character in a body (typed, or as ``&#1;``) is replaced with a warning (a page break by a
    line break, ``&#1;`` by U+FFFD); the feeds never see it."""
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(body=body)})
    try:
        build(BuildOptions(root=root, jobs=1, search=False))
    except SiteError as failure:
        assert all(p.path == "content/interviews/a.md" for p in failure.value.problems)

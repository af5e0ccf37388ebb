"""Random front matter and YAML records never end in a traceback.

Hypothesis writes real sites into a temporary folder — front matter and
unit records that are valid, slightly wrong or badly broken (random keys
and values, indentation, TABs, full-width punctuation typed by a Chinese
input method, unicode, truncation, other encodings and line ends) — and
runs `sitegen.build.check`, `sitegen.build.build` and the command line on
them. Each run ends in a result or a `SiteError`; every problem has a path
relative to the site root, a message, and none of pydantic's or Python's
own words.

The whole module runs in well under 20 s (``max_examples`` below).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.build import BuildOptions, build, check
from sitegen.cli import main
from sitegen.errors import Problem, SiteError

from .sitekit import MINIMAL_CONFIG, SERIES, UNIT, write_site

NOW = datetime(2025, 1, 1)
JARGON = ("Input should be", "Value error", "[type=", "pydantic", "Traceback", "validation error for",
          "object has no attribute", "KeyError", "TypeError", "NoneType")

KEYS = ["title", "date", "slug", "series", "unit", "interviewee", "name", "role", "summary", "tags", "images",
        "src", "alt", "draft", "source", "publisher", "url", "status", "problem", "actions", "related_tally",
        "interveiwee", "标题", "日期", "yes", "no", "on", "1", "", "a b", "Title", "as_of", "collected"]
VALUES = ["白鹤镇访谈", "2018-05-03 10:00", "2018-4-31", "2018年4月26日", "2018/4/26", "no", "yes", "on", "~",
          "null", "1:30", "010", "1.10", "14:30:00", "-3", "１２", "296份", "80%", "120", "dadiaoyan", "baihe",
          "../../x", "..\\x", "/tmp/x", "[a, b", "[大调研, 补短板]", "{name: a, role: b}", '"unclosed', "'half",
          "&anchor v", "*alias", "!!python/object:os.system", "|", ">", "- item", "专访: 一天", "专访：一天",
          "#comment", "a # b", "\u3000", "\t", "😀", "\x7f", "\\q", "@x", "`x`", "%x", "https://example.org/"]
SEPARATORS = [": "] * 6 + ["：", ":", ":\t", " : ", "： ", ":\u3000", " "]
INDENTS = [""] * 6 + ["  ", "    ", "\t", "\u3000", " ", "- ", "  - "]


def _rarely(draw: st.DrawFn, one_in: int) -> bool:
    """True once in ``one_in`` draws (so that most sites get far enough to be validated and checked)."""
    return draw(st.sampled_from([False] * (one_in - 1) + [True]))


line_strategy = st.builds(
    lambda indent, key, sep, value: f"{indent}{key}{sep}{value}",
    st.sampled_from(INDENTS),
    st.one_of(st.sampled_from(KEYS), st.sampled_from(KEYS), st.sampled_from(KEYS), st.text(max_size=8)),
    st.sampled_from(SEPARATORS),
    st.one_of(st.sampled_from(VALUES), st.sampled_from(VALUES), st.text(max_size=20)),
)


def _valid_front_matter() -> list[str]:
    return ["title: 白鹤镇访谈", "series: dadiaoyan", "unit: baihe", "interviewee:", "  name: 受访人",
            "  role: 党委书记", "date: 2018-05-03 10:00", "tags: [大调研]"]


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """A front matter: mostly the valid one with 0-3 lines replaced, removed or added; else random lines."""
    if _rarely(draw, 5):
        return "\n".join(draw(st.lists(line_strategy, max_size=8)))
    lines = _valid_front_matter()
    for _ in range(draw(st.integers(0, 3))):
        index = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["replace", "replace", "insert", "delete"]))
        if action == "insert" or index == len(lines):
            lines.insert(index, draw(line_strategy))
        elif action == "replace":
            lines[index] = draw(line_strategy)
        else:
            del lines[index]
    return "\n".join(lines)


@st.composite
def page_bytes(draw: st.DrawFn) -> bytes:
    """A whole page as saved by some editor: delimiters, body, encoding, line ends, maybe truncated.

    Most pages are UTF-8 with proper delimiters, so that the YAML, the fields
    and the checks are reached; the other ways of saving come now and then.
    """
    body = draw(st.sampled_from(["", "## 问题\n\n回答。\n", "正文\n#### 跳级\n", "<script>x</script>\n",
                                 "[链接](javascript:x)\n![](a.png)\n", "白河镇和百合镇\n", "[首页](/)\n"]))
    opening = "---\n" if not _rarely(draw, 4) else draw(st.sampled_from(["---  \n", "\n---\n", "", "\ufeff---\n"]))
    closing = "\n---\n" if not _rarely(draw, 4) else draw(st.sampled_from(["\n---\t\n", "\n", "\n--- x\n"]))
    text = opening + draw(front_matter()) + closing + body
    if _rarely(draw, 6):
        text = text[:draw(st.integers(0, len(text)))]
    if _rarely(draw, 4):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r"])))
    encoding = "utf-8" if not _rarely(draw, 5) else draw(st.sampled_from(["gb18030", "utf-16", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    if _rarely(draw, 8):
        data += draw(st.binary(max_size=6))
    return data


@st.composite
def unit_yaml(draw: st.DrawFn) -> str:
    """A unit record: the test unit with tally lines changed, or random lines under it."""
    lines = UNIT.rstrip("\n").split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        key = lines[index].split(":", 1)[0]
        value = draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=12)))
        lines[index] = draw(st.sampled_from([f"{key}: {value}", f"{key}{draw(st.sampled_from(SEPARATORS))}{value}",
                                             draw(line_strategy)]))
    extra = draw(st.sampled_from(["", "targets:\n  - group: residents\n    target: 120\n",
                                  "milestones:\n  - date: 2018-02-01\n    title: b\n  - date: 2018-01-01\n    title: a\n",
                                  "tallies:\n  - as_of: 2018-01-01\n"]))
    return "\n".join(lines) + "\n" + extra


def _assert_clean(found: list[Problem]) -> None:
    """Every problem has a relative path, a message and no programmer's words."""
    for problem in found:
        assert isinstance(problem.path, str) and problem.message, problem
        assert not problem.path.startswith("/") and ":\\" not in problem.path, problem
        assert "/tmp/" not in problem.path, problem
        text = problem.format()
        assert not any(word in text for word in JARGON), text
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1


def _site(folder: Path, page: bytes, unit: str = UNIT, data: bytes | None = None) -> Path:
    files: dict[str, str | bytes] = {"content/interviews/page.md": page, "content/units/baihe.yaml": unit}
    if data is not None:
        files["data/fuzz.yaml"] = data
    return write_site(folder, files)


FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(page=page_bytes())
def test_check_never_raises_on_random_pages(page: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = _site(Path(folder), page)
        result = check(BuildOptions(root=root, now=NOW))
        _assert_clean(result.problems)
        assert result.problems == sorted(result.problems, key=Problem.sort_key)


@FAST
@given(unit=unit_yaml(), data=front_matter())
def test_check_never_raises_on_random_records_and_data(unit: str, data: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = ("---\n" + "\n".join(_valid_front_matter()) + "\n---\n正文。\n").encode()
        root = _site(Path(folder), page, unit, data.encode("utf-8"))
        _assert_clean(check(BuildOptions(root=root, now=NOW)).problems)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=page_bytes(), unit=st.one_of(st.just(UNIT), unit_yaml()))
def test_build_ends_in_a_site_or_a_clear_error(page: bytes, unit: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = _site(Path(folder), page, unit)
        try:
            result = build(BuildOptions(root=root, now=NOW))
        except SiteError as failure:
            assert any(p.severity == "error" for p in failure.problems)
            _assert_clean(failure.problems)
            assert not (root / "output").exists()
        else:
            _assert_clean(result.warnings)
            assert (root / "output/index.html").is_file()


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(page=page_bytes(), command=st.sampled_from([["check"], ["check", "--format", "json"],
                                                   ["check", "--strict"], ["build", "--quiet"]]))
def test_the_command_line_prints_messages_never_a_traceback(page: bytes, command: list[str],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = _site(Path(folder), page)
        code = main([*command, "--site", str(root)])
        out, err = capsys.readouterr()
        assert code in (0, 1)
        assert "Traceback" not in out + err and "Input should be" not in out + err
        assert folder not in out + err  # paths are relative to the site root


@settings(max_examples=40, deadline=None)
@given(config=st.lists(line_strategy, max_size=5))
def test_random_site_settings_give_messages(config: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_site(Path(folder), {}, config=MINIMAL_CONFIG + "\n".join(config) + "\n")
        _assert_clean(check(BuildOptions(root=root, now=NOW)).problems)


def test_series_record_fuzz_seed_is_valid() -> None:
    """The records the fuzzers start from are themselves clean (so problems come from the mutations)."""
    with tempfile.TemporaryDirectory() as folder:
        page = ("---\n" + "\n".join(_valid_front_matter()) + "\n---\n正文。\n").encode()
        root = _site(Path(folder), page)
        assert SERIES and check(BuildOptions(root=root, now=NOW)).problems == []

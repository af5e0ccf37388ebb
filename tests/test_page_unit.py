"""A page filed under another unit than its own words name (`sitegen.checkpageunit`): 白鹤村's interview with
``unit: baihe`` (白鹤镇), an easy slip between two names of one stem, showed 白鹤镇's figures beside a text
quoting 白鹤村's, with no message."""

from __future__ import annotations

from pathlib import Path

from sitegen.build import BuildOptions, build
from sitegen.errors import Problem

from .sitekit import build_at, copy_example, parse_html, text_of, write_site
from .test_checks import found

VILLAGE = """name: 白鹤村
level: village
tallies:
  - as_of: 2018-06-30
    collected: 27
    escalated: 5
    resolved: 17
    in_progress: 5
"""
QUOTED = "截至6月30日，收集问题清单27份，其中5份已提交区相关部门，17份已经解决，5份正在办理。"
PAGE = "content/interviews/2018-bai-he-cun.md"
CASE = "content/cases/bai-he-cun-caiyuan.md"


def page(title: str = "白鹤村：家门口的大调研", role: str = "白鹤村党委书记", summary: str = f"白鹤村党委书记谈大调研：{QUOTED}",
         unit: str = "baihe", body: str = f"大调研开展以来，白鹤村走村入户。{QUOTED}") -> str:
    """An interview of 2018-07-05 with these fields and body."""
    return (f"---\ntitle: {title}\nseries: dadiaoyan\nunit: {unit}\ninterviewee:\n  name: （姓名略）\n  role: {role}\n"
            f"date: 2018-07-05 10:00\nsummary: {summary}\n---\n\n{body}\n")


def case(title: str = "白鹤村：小菜园里的大调研", unit: str = "baihe") -> str:
    """A case study of 2018-07-05 naming the tally of 2018-06-30 (白鹤村's)."""
    return (f"---\ntitle: {title}\nunit: {unit}\nstatus: in_progress\nproblem: 村民反映屋前屋后环境脏乱。\nactions:\n"
            f"  - 发动村民建设小菜园\nrelated_tally: 2018-06-30\ndate: 2018-07-05 10:00\nsummary: 村里发动村民建设小菜园。\n"
            "---\n\n发动村民建设小菜园。\n")


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    """A site of 白鹤镇 (``baihe``, with its tally of 2018-04-26) and 白鹤村 (``bai-he-cun``) with ``files``."""
    return write_site(tmp_path / "site", {"content/units/bai-he-cun.yaml": VILLAGE, **files})


def follow_unit_hint(root: Path, problem: Problem) -> None:
    """Do what the hint says: "write unit: <id>, …'s id, in place of unit: <id>", at the problem's line."""
    written = problem.hint.split("write ", 1)[1].split(",", 1)[0]
    typed = problem.hint.split("in place of ", 1)[1].split(",", 1)[0].split(";", 1)[0]
    path = root / problem.path
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[problem.line - 1] == typed
    assert lines[problem.line - 1][problem.column - 1:] == typed.split(": ", 1)[1]
    lines[problem.line - 1] = written
    path.write_text("\n".join(lines), encoding="utf-8")


def test_an_interview_naming_another_unit_is_warned_at_its_unit_value_and_the_hint_followed_lists_it_there(
        tmp_path: Path) -> None:
    root = site(tmp_path, {PAGE: page()})
    [problem] = found(root)
    assert (problem.path, problem.line, problem.column, problem.severity) == (PAGE, 4, 7, "warning")
    assert problem.message == (
        "the page is filed under unit baihe (白鹤镇), but its title, interviewee's role and summary name 白鹤村 "
        "(unit bai-he-cun) and nowhere 白鹤镇: it shows 白鹤镇's figures and case studies, and is listed on 白鹤镇's "
        "page, not 白鹤村's; its text quotes 白鹤村's tally of 2018-06-30 figure for figure (收集 27, 提交区级 5, "
        "已解决 17, 办理中 5)")
    assert problem.hint == (
        "if the page is 白鹤村's, write unit: bai-he-cun, 白鹤村's id, in place of unit: baihe; if it really is "
        "白鹤镇's, name 白鹤镇 in its title or the interviewee's role, and this warning goes")
    follow_unit_hint(root, problem)
    assert found(root) == []
    output = build_at(root)
    listed = text_of(parse_html(output / "units" / "bai-he-cun" / "index.html"))
    assert "白鹤村：家门口的大调研" in listed and "暂无访谈" not in listed
    assert "白鹤村：家门口的大调研" not in text_of(parse_html(output / "units" / "baihe" / "index.html"))


def test_a_case_study_of_another_unit_has_the_warning_and_the_related_tally_error_pointing_at_one_fix(
        tmp_path: Path) -> None:
    root = site(tmp_path, {CASE: case()})
    warning, error = found(root)
    assert (warning.path, warning.line, warning.column, warning.severity) == (CASE, 3, 7, "warning")
    assert warning.message == (
        "the page is filed under unit baihe (白鹤镇), but its title names 白鹤村 (unit bai-he-cun) and nowhere 白鹤镇: "
        "it shows 白鹤镇's figures and case studies, and is listed on 白鹤镇's page, not 白鹤村's; its related_tally "
        "2018-06-30 is the date of a tally of 白鹤村, and of none of 白鹤镇's")
    assert warning.hint == (
        "if the page is 白鹤村's, write unit: bai-he-cun, 白鹤村's id, in place of unit: baihe, and the error at "
        "related_tally (line 8) goes with it; if it really is 白鹤镇's, name 白鹤镇 in its title or summary, and this "
        "warning goes")
    assert (error.line, error.severity, error.message) == (8, "error", "unit baihe has no tally of 2018-06-30")
    assert error.hint.startswith(
        "the page names 白鹤村 (unit bai-he-cun), whose tally of 2018-06-30 this is, and nowhere 白鹤镇 (the warning at "
        "line 3): if the page is 白鹤村's, write unit: bai-he-cun there, and this line may stay as it is; else add the "
        "tally of 2018-06-30 to content/units/baihe.yaml")
    follow_unit_hint(root, warning)
    assert found(root) == []


def test_the_example_site_is_not_warned(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "example")
    assert not [problem for problem in found(root) if "is filed under unit" in problem.message]


def test_a_town_page_naming_a_village_in_its_body_is_not_warned(tmp_path: Path) -> None:
    body = "白鹤镇各村都开展了大调研。白鹤村截至6月30日收集问题清单27份，其中5份已提交区相关部门，17份已经解决，5份正在办理。"
    root = site(tmp_path, {PAGE: page(title="白鹤镇：补好短板", role="中共白鹤镇党委书记", summary="白鹤镇党委书记谈大调研。",
                                      body=body)})
    assert found(root) == []


def test_a_page_whose_title_names_both_units_is_not_warned(tmp_path: Path) -> None:
    root = site(tmp_path, {PAGE: page(title="白鹤镇白鹤村：家门口的大调研", summary="白鹤村谈大调研。", body="回答。")})
    assert found(root) == []


def test_the_stem_a_town_shares_with_a_village_names_the_town_on_its_page(tmp_path: Path) -> None:
    # 白鹤 is 白鹤镇 in short, and the start of 白鹤村: on 白鹤镇's page it names 白鹤镇.
    root = site(tmp_path, {PAGE: page(title="白鹤：草莓之乡的大调研", role="党委书记", summary="", body="回答。")})
    assert found(root) == []


def test_a_village_page_naming_the_town_only_by_its_stem_is_not_warned(tmp_path: Path) -> None:
    # 白鹤 is no full name: on 白鹤村's page it may well mean the village.
    root = site(tmp_path, {PAGE: page(title="白鹤草莓", role="党委书记", summary="", unit="bai-he-cun", body="回答。")})
    assert found(root) == []


def test_a_town_page_whose_title_names_a_village_only_is_warned_without_figures(tmp_path: Path) -> None:
    root = site(tmp_path, {PAGE: page(role="党委书记", summary="", body="回答。")})
    [problem] = found(root)
    assert problem.message.endswith("and is listed on 白鹤镇's page, not 白鹤村's")
    assert problem.message.startswith("the page is filed under unit baihe (白鹤镇), but its title names 白鹤村")


def test_the_build_tells_the_warning_too(tmp_path: Path) -> None:
    root = site(tmp_path, {PAGE: page()})
    result = build(BuildOptions(root=root))
    assert [(problem.path, problem.line) for problem in result.warnings] == [(PAGE, 4)]


def test_the_names_of_each_unit_are_read_once_and_a_text_is_read_longest_name_first(tmp_path: Path) -> None:
    # Made per page, the names cost every unit compared with every other for each page: minutes at 10,000 pages.
    from sitegen.checkpageunit import SiteUnitNames, _names_in
    from sitegen.config import load_config
    from sitegen.errors import Report
    from sitegen.load import load_content
    root = site(tmp_path, {"content/units/jinze.yaml": "name: 金泽镇\nlevel: town\n"})
    report = Report()
    content = load_content(load_config(root, report), report)
    names = SiteUnitNames(content)
    town, village = content.units["baihe"], content.units["bai-he-cun"]
    assert names.of(town) is names.of(town)
    # On 白鹤镇's page its stem names it; 白鹤村 is read whole, not as 白鹤 and 村; text between names is passed over.
    assert _names_in("白鹤村与白鹤、金泽镇及白 鹤镇", names.of(town)) == ["bai-he-cun", "baihe", "jinze", "baihe"]
    # On 白鹤村's page the stem names 白鹤村, and 白鹤镇 in full still names the town.
    assert _names_in("白鹤的白鹤镇", names.of(village)) == ["bai-he-cun", "baihe"]
    assert _names_in("青浦区", names.of(town)) == []


NEUTRAL = dict(title="访谈：党支部书记谈大调研", role="党支部书记", summary="")


def test_a_page_naming_no_unit_whose_text_quotes_another_units_tally_is_warned_and_the_hint_followed_lists_it(
        tmp_path: Path) -> None:
    root = site(tmp_path, {PAGE: page(**NEUTRAL, body=f"大调研开展以来，走村入户。{QUOTED}")})
    [problem] = found(root)
    assert (problem.path, problem.line, problem.column, problem.severity) == (PAGE, 4, 7, "warning")
    assert problem.message == (
        "the page is filed under unit baihe (白鹤镇), but its text quotes 白鹤村's tally of 2018-06-30 figure for "
        "figure (收集 27, 提交区级 5, 已解决 17, 办理中 5) without naming 白鹤村, and its title, interviewee and summary "
        "name no unit: it shows 白鹤镇's figures and case studies beside them, and is listed on 白鹤镇's page, not "
        "白鹤村's")
    assert problem.hint == (
        "if the page is 白鹤村's, write unit: bai-he-cun, 白鹤村's id, in place of unit: baihe; if it is 白鹤镇's, "
        "name 白鹤镇 in its title or the interviewee's role, or 白鹤村 beside these figures in the text, and this "
        "warning goes")
    follow_unit_hint(root, problem)
    assert found(root) == []
    listed = text_of(parse_html(build_at(root) / "units" / "bai-he-cun" / "index.html"))
    assert "访谈：党支部书记谈大调研" in listed and "暂无访谈" not in listed


def test_a_page_naming_no_unit_is_not_warned_once_its_text_or_title_says_whose_it_is(tmp_path: Path) -> None:
    # The hint's other two ways: the village named beside its figures (a town's page giving them), or the town
    # named in the title.
    named_in_text = page(**NEUTRAL, body=f"白鹤村的情况是：{QUOTED}")
    named_in_title = page(**{**NEUTRAL, "title": "白鹤镇访谈：党支部书记谈大调研"}, body=QUOTED)
    for number, text in enumerate((named_in_text, named_in_title)):
        assert found(site(tmp_path / str(number), {PAGE: text})) == []


def test_a_case_study_naming_no_unit_whose_problem_quotes_another_units_tally_is_warned(tmp_path: Path) -> None:
    text = case(title="小菜园里的大调研").replace("problem: 村民反映屋前屋后环境脏乱。", f"problem: {QUOTED}").replace(
        "related_tally: 2018-06-30\n", "")
    [problem] = found(site(tmp_path, {CASE: text}))
    assert (problem.line, problem.column) == (3, 7)
    assert "without naming 白鹤村, and its title and summary name no unit" in problem.message
    assert "name 白鹤镇 in its title or summary, or 白鹤村 beside these figures" in problem.hint


def test_a_text_quoting_its_own_units_tally_too_or_too_few_figures_of_another_is_not_warned(tmp_path: Path) -> None:
    own = "截至4月26日，收集问题清单296份，其中143份已提交区相关部门，103份已解决，50份正在办理。"
    both = page(**NEUTRAL, body=f"{own}\n\n{QUOTED}")
    two_figures = page(**NEUTRAL, body="截至6月30日，收集问题清单27份，其中17份已经解决。")
    for number, text in enumerate((both, two_figures)):
        assert found(site(tmp_path / str(number), {PAGE: text})) == []

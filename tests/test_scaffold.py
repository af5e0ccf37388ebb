"""``sitegen new`` and ``sitegen init``: files with every field, that pass ``sitegen check``, never overwriting."""

from __future__ import annotations

import re
import shlex
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.build import BuildOptions, build
from sitegen.cli import main
from sitegen.errors import Report
from sitegen.models import CaseStudyMeta, InterviewMeta, Milestone, Series, Tally, Unit
from sitegen.scaffold import ScaffoldError, new_unit, yaml_text
from sitegen.yamltext import load_yaml

from .sitekit import LINKS_LATER, copy_example, write_site


def _run_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`_run` for a command argparse refuses: its exit code (2), out and err."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out, captured.err


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _check(capsys: pytest.CaptureFixture[str], site: Path, *extra: str) -> tuple[int, str]:
    code, out, err = _run(capsys, "check", "--site", str(site), *extra)
    return code, out + err


def _today() -> str:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def _files(site: Path) -> dict[Path, bytes]:
    """Every file under the site folder with its bytes: what a refused command must leave as it was."""
    return {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    data = load_yaml(front, path.name, Report())
    assert data is not None
    return data.value


def _uncomment(path: Path, *starts: str) -> None:
    """Remove the leading "# " of the commented block that starts with each of ``starts``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for start in starts:
        at = next(i for i, line in enumerate(lines) if line.startswith(f"# {start}"))
        lines[at] = lines[at][2:]
        at += 1
        while at < len(lines) and lines[at].startswith("#   "):
            lines[at] = lines[at][2:]
            at += 1
    path.write_text("".join(lines), encoding="utf-8")


def _fields_written(path: Path, model: type) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {name for name in model.model_fields
            if re.search(rf"^(#\s*)*(- )?{name}:", text, re.MULTILINE)}


# --- sitegen init ------------------------------------------------------------------------------


def test_init_makes_a_site_that_checks_clean_and_builds_at_once(tmp_path: Path, capsys) -> None:
    site = tmp_path / "新站点"
    code, out, _ = _run(capsys, "init", str(site), "--title", "镇村进度公开")
    assert code == 0
    assert "created a new site" in out and "sitegen serve --site" in out
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        ".gitignore", "content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
        "content/series/fangtan.yaml", "content/units/shi-li-zhen.yaml", "site.yaml"]
    assert "/output/" in (site / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert not (site / "templates").exists()  # the default theme is used
    assert "title: 镇村进度公开" in (site / "site.yaml").read_text(encoding="utf-8")

    # The publisher is the one thing init cannot know: its placeholder builds, and is told where it is.
    code, report = _check(capsys, site, "--strict")
    assert code == 1 and report.splitlines() == [
        'content/series/fangtan.yaml:5:12: warning: publisher: "发布机构名称" is the placeholder that sitegen init '
        "writes for the publisher, so the series' page would publish it",
        "  hint: write the name of the office that publishes it (发布机构)",
        'site.yaml:11:12: warning: publisher: "发布机构名称" is the placeholder that sitegen init writes for the '
        "publisher, so every page's footer would publish it",
        "  hint: write the name of the office that publishes it (发布机构)",
        "checked: 0 error(s), 2 warning(s)"]
    code, out, err = _run(capsys, "build", "--site", str(site))
    assert code == 0, err
    assert "<p>镇村进度公开&nbsp;· 发布机构名称</p>" in (site / "output" / "index.html").read_text(encoding="utf-8")
    for rel in ("site.yaml", "content/series/fangtan.yaml"):
        typed = (site / rel).read_text(encoding="utf-8")
        (site / rel).write_text(typed.replace("publisher: 发布机构名称", "publisher: 镇村进度公开办公室"), encoding="utf-8")
    code, report = _check(capsys, site, "--strict")
    assert code == 0 and "checked: 0 error(s), 0 warning(s)" in report, report
    code, out, err = _run(capsys, "build", "--site", str(site))
    assert code == 0, err
    assert (site / "output" / "index.html").is_file()
    assert (site / "output" / "interviews" / "shi-li-fang-tan" / "index.html").is_file()
    assert (site / "output" / "cases" / "shi-li-an-li" / "index.html").is_file()
    unit = (site / "output" / "units" / "shi-li-zhen" / "index.html").read_text(encoding="utf-8")
    assert "启动调研" in unit  # the milestone
    assert f"as_of: {_today()}" in (site / "content/units/shi-li-zhen.yaml").read_text(encoding="utf-8")


def test_inits_examples_are_errors_once_the_site_has_units_or_pages_of_its_own(tmp_path: Path, capsys) -> None:
    # Left beside the editor's own unit and interview, 示例镇's invented tally was added into the home page's total
    # (248 lists: 238 + its 10), and the example interview and case study were listed with the real ones.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site))[0] == 0
    assert _check(capsys, site)[0] == 0  # alone, the examples build (the publisher's warnings aside)
    assert _run(capsys, "build", "--site", str(site), "--no-search")[0] == 0  # and are published
    # The editor's own pages alone count: a draft of their own is not published, and changes nothing.
    assert _run(capsys, "new", "interview", "华新镇访谈", "--unit", "shi-li-zhen", "--site", str(site))[0] == 0
    draft = next((site / "content/interviews").glob("hua*.md"))
    assert _check(capsys, site)[0] == 0
    assert _run(capsys, "new", "unit", "华新镇", "--id", "hua-xin-zhen", "--site", str(site))[0] == 0
    code, report = _check(capsys, site)
    told = [line for at, line in enumerate(report.splitlines()) if "sitegen init wrote" in line
            or (line.startswith("  hint:") and "sitegen init wrote" in report.splitlines()[at - 1])]
    assert code == 1 and told == [
        "content/cases/shi-li-an-li.md:4:8: error: this is the example case study that sitegen init wrote, and the "
        "site has units of its own now: it would be published with them",
        "  hint: delete content/cases/shi-li-an-li.md",
        "content/interviews/shi-li-fang-tan.md:4:8: error: this is the example interview that sitegen init wrote, "
        "and the site has units of its own now: it would be published with them",
        "  hint: delete content/interviews/shi-li-fang-tan.md",
        'content/series/fangtan.yaml:4:8: error: blurb: "示例栏目：各单位负责人谈调研工作的进展。" is the example blurb '
        "that sitegen init wrote, and the site has units of its own now: the home page and the series' page would "
        "publish it",
        "  hint: write one or two sentences on what the series is about (栏目介绍)",
        "content/units/shi-li-zhen.yaml:3:7: error: this is the example unit that sitegen init wrote, and the site "
        "has units of its own now: its invented figures would be published beside them, and added into the totals "
        "of the home page and the dashboard",
        "  hint: delete content/units/shi-li-zhen.yaml (and the example interview and case study, which are about "
        "it); or, if your own pages name it, rewrite it as your own unit: its name, summary, tallies and milestones, "
        "and give the file your unit's id as its name (the pinyin of its name, e.g. ma-lu-zhen.yaml: its page's "
        "address), with unit: and that id in your pages"]
    # Done as told (the draft moved to the editor's unit), only the publisher is left to write.
    for rel in ("content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
                "content/units/shi-li-zhen.yaml"):
        (site / rel).unlink()
    series = site / "content/series/fangtan.yaml"
    series.write_text(series.read_text(encoding="utf-8").replace("示例栏目：各单位负责人谈调研工作的进展。",
                                                                 "各镇负责人谈调研工作的进展。"), encoding="utf-8")
    draft.write_text(draft.read_text(encoding="utf-8").replace("unit: shi-li-zhen", "unit: hua-xin-zhen"),
                     encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 0 and "sitegen init wrote" not in report, report
    # Deleted as told, they were each "gone since the last build … put it back" at the next build.
    code, _, err = _run(capsys, "build", "--site", str(site), "--no-search")
    assert code == 0 and "gone since the last build" not in err, err

    # The example unit rewritten into the editor's own (renamed) is theirs: never told to be deleted. The
    # example's texts it kept are told at their lines: renamed alone, it published the example's invented tally.
    other = tmp_path / "other"
    assert _run(capsys, "init", str(other))[0] == 0
    unit = other / "content/units/shi-li-zhen.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("name: 示例镇", "name: 赵巷镇"), encoding="utf-8")
    report = _check(capsys, other)[1]
    lines = unit.read_text(encoding="utf-8").splitlines()
    at = {text: next(n for n, line in enumerate(lines, 1) if text in line)
          for text in ("这是一个示例单位。", "示例数据，请换成真实数字。", "示例大事记，请换成真实事件。")}
    kept = "is a text of the example unit that sitegen init wrote, and the site has units of its own now: the unit's " \
           "page would publish it"
    told = [line for line in report.splitlines() if line.startswith("content/units/")]
    id_kept = ("content/units/shi-li-zhen.yaml:3:7: warning: the unit is named 赵巷镇, but its file keeps the id of the "
               "example unit that sitegen init wrote, shi-li-zhen (示例镇 in pinyin): its page would be published at "
               "that address, and the open data would name it so; a published address must not change")
    assert told == [
        id_kept,
        f'content/units/shi-li-zhen.yaml:{at["这是一个示例单位。"]}:10: error: summary: "这是一个示例单位。" {kept}',
        f'content/units/shi-li-zhen.yaml:{at["示例数据，请换成真实数字。"]}:11: error: tallies → item 1 → note: '
        f'"示例数据，请换成真实数字。" {kept}, with the example\'s invented figures',
        f'content/units/shi-li-zhen.yaml:{at["示例大事记，请换成真实事件。"]}:18: error: milestones → item 1 → '
        f'description: "示例大事记，请换成真实事件。" {kept}']
    assert "example interview that sitegen init" in report
    # Its texts written as told, the example's invented figures were still published as 赵巷镇's without a word.
    unit.write_text(unit.read_text(encoding="utf-8").replace("这是一个示例单位。", "赵巷镇位于青浦区东部。")
                    .replace("示例数据，请换成真实数字。", "镇大调研办统计").replace("示例大事记，请换成真实事件。", "镇党委召开动员会。"),
                    encoding="utf-8")
    code, report = _check(capsys, other)
    lines = unit.read_text(encoding="utf-8").splitlines()
    tally_line = next(n for n, line in enumerate(lines, 1) if line.startswith("  - as_of:"))
    assert code == 1 and [line for line in report.splitlines() if line.startswith("content/units/")] == [
        id_kept,
        f"content/units/shi-li-zhen.yaml:{tally_line}:5: warning: this tally of {_today()} (batches 12, collected 10, "
        "escalated 2, resolved 5, in progress 3) has the invented figures of the example unit that sitegen init "
        "wrote: 赵巷镇's page, the totals and the open data would publish them as 赵巷镇's"]
    assert report.splitlines()[report.splitlines().index(id_kept) + 1] == (
        "  hint: rename content/units/shi-li-zhen.yaml to content/units/zhao-xiang-zhen.yaml, and write unit: "
        "zhao-xiang-zhen in its pages")
    assert report.splitlines()[report.splitlines().index(next(
        line for line in report.splitlines() if "invented figures" in line)) + 1] == (
        '  hint: write the figures as counted, with where they come from in note:; if there are none yet, delete the '
        'tally (write "tallies: []" if it is the only one); its target (group: residents, target: 80) and its '
        f"milestone 启动调研 of {_today()} are the example's too, to be rewritten or deleted")
    # The figures as counted and the file renamed as told (its pages naming it so), the unit is clean.
    unit.write_text(re.sub(r"collected: 10 .*\n(.*)escalated: 2 ", r"collected: 11   #\n\1escalated: 3 ",
                           unit.read_text(encoding="utf-8")), encoding="utf-8")
    unit.rename(other / "content/units/zhao-xiang-zhen.yaml")
    for page in (other / "content").glob("*/shi-li-*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("unit: shi-li-zhen", "unit: zhao-xiang-zhen"),
                        encoding="utf-8")
    assert not [line for line in _check(capsys, other)[1].splitlines() if line.startswith("content/units/")]


def test_inits_examples_are_told_in_the_same_run_as_the_errors_of_the_editors_own_first_page_or_unit(
        tmp_path: Path, capsys) -> None:
    # The editor's first page, typed with full-width colons, was told alone; mended, its missing fields; mended
    # again, the four examples, about files the editor never touched: three runs for what one could tell.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site))[0] == 0
    page = site / "content/interviews/wang-ge-yuan.md"
    examples = ["content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
                "content/series/fangtan.yaml", "content/units/shi-li-zhen.yaml"]

    def told() -> tuple[list[str], list[str]]:
        code, report = _check(capsys, site)
        assert code == 1, report
        errors = [line for line in report.splitlines() if ": error: " in line]
        return ([line.split(":")[0] for line in errors if "sitegen init wrote" in line],
                [line.split(": error: ")[0] for line in errors if "sitegen init wrote" not in line])

    page.write_text("---\ntitle：社区网格员访谈\ndate：2024-06-18\n---\n\n网格员负责三百二十户居民的日常联络。\n",
                    encoding="utf-8")
    assert told() == (examples, ["content/interviews/wang-ge-yuan.md:2:6", "content/interviews/wang-ge-yuan.md:3:5"])
    page.write_text(page.read_text(encoding="utf-8").replace("：", ": "), encoding="utf-8")  # as the hints say
    assert told() == (examples, ["content/interviews/wang-ge-yuan.md:2:1"] * 3)  # interviewee, series, unit missing
    page.write_text("网格员负责三百二十户居民的日常联络。\n", encoding="utf-8")  # its front matter lost
    assert told() == (examples, ["content/interviews/wang-ge-yuan.md:1:1"])
    # A draft of the editor's, even with errors, is not published, and changes nothing; nor does a page with none.
    page.write_text("---\ntitle: 社区网格员访谈\ndate: 2024-06-18\ndraft: true\n---\n\n网格员负责联络。\n",
                    encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 1 and "sitegen init wrote" not in report and ": error: " in report, report
    page.unlink()
    # So is the editor's first unit file, with an error of its own.
    unit = site / "content/units/hua-xin-zhen.yaml"
    unit.write_text("name: 华新镇\nlevel: 镇\ntallies:\n  - as_of: 2024-06-18\n    collected: 十\n", encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 1 and "the site has units of its own now" in report, report
    assert [line.split(":")[0] for line in report.splitlines() if "sitegen init wrote" in line] == examples


def test_inits_examples_alone_are_errors_when_the_site_is_built_for_a_public_address(tmp_path: Path, capsys) -> None:
    # Built for its district's address with only the examples, the site published 这是一篇示例访谈，请换成真实的访谈内容。
    # on its home page and 示例镇's invented figures in the totals and the open data, without a word.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site), "--title", "嘉定区大调研")[0] == 0
    for rel in ("site.yaml", "content/series/fangtan.yaml"):
        (site / rel).write_text((site / rel).read_text(encoding="utf-8").replace("发布机构名称", "嘉定区大调研办"),
                                encoding="utf-8")
    assert _check(capsys, site, "--strict")[0] == 0  # for example.org, as init writes it: a site to look at
    code, _, err = _run(capsys, "build", "--site", str(site), "--no-search", "--base-url",
                        "https://jiading.example.gov.cn/diaoyan/")
    public = "the site is built for https://jiading.example.gov.cn/diaoyan/, a public address"
    assert code == 1 and [line for line in err.splitlines() if ": error: " in line] == [
        f"content/cases/shi-li-an-li.md:4:8: error: this is the example case study that sitegen init wrote, and "
        f"{public}: it would be published",
        f"content/interviews/shi-li-fang-tan.md:4:8: error: this is the example interview that sitegen init wrote, "
        f"and {public}: it would be published",
        'content/series/fangtan.yaml:4:8: error: blurb: "示例栏目：各单位负责人谈调研工作的进展。" is the example blurb '
        f"that sitegen init wrote, and {public}: the home page and the series' page would publish it",
        f"content/units/shi-li-zhen.yaml:3:7: error: this is the example unit that sitegen init wrote, and {public}: "
        "its invented figures would be published, and added into the totals of the home page and the dashboard"]
    assert not (site / "output").exists()
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://example.org/",
                                                                 "https://jiading.example.gov.cn/diaoyan/"),
                      encoding="utf-8")
    assert _check(capsys, site)[0] == 1  # check says what the build would
    # The preview (its own address, drafts shown) is no publishing: it shows the examples as they are.
    preview = build(BuildOptions(root=site, include_drafts=True, base_url="http://127.0.0.1:8000/", search=False,
                                 output=str(tmp_path / "preview")))
    assert (tmp_path / "preview/interviews/shi-li-fang-tan/index.html").is_file() and preview.warnings == []


def test_inits_example_contact_uncommented_is_warned_once_the_site_has_a_real_address(tmp_path: Path,
                                                                                      capsys) -> None:
    # Its example phone, 021-1234 5678, was published on /accessibility/ and /about-data/ without a word.
    site = tmp_path / "站点"
    assert _run(capsys, "init", str(site))[0] == 0
    config = site / "site.yaml"
    config.write_text(re.sub(r"(?m)^# (contact:|  email:|  phone:|  url:)", r"\1", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    code, out, err = _run(capsys, "build", "--site", str(site), "--base-url", "https://www.jinze.gov.cn/", "--no-search")
    assert code == 1 and "this is the example unit that sitegen init wrote" in err  # told with the examples
    assert [line.split(": warning: ")[1].split(" is an example")[0] for line in err.splitlines()
            if "is an example" in line] == ["contact: email: name@example.org", "contact: phone: 021-0000 0000",
                                            "contact: url: https://example.org/lianxi/"]


def test_inits_contact_lines_left_commented_out_are_warned_when_built_for_a_public_address(tmp_path: Path,
                                                                                           capsys) -> None:
    # init writes contact: commented out: built for the district's address, /accessibility/ said "请联系嘉定区大调研办"
    # with no way to do it, and nothing told the editor.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site), "--title", "嘉定区大调研")[0] == 0
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("发布机构名称", "嘉定区大调研办"), encoding="utf-8")
    for rel in ("content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
                "content/units/shi-li-zhen.yaml"):
        (site / rel).unlink()
    series = site / "content/series/fangtan.yaml"
    series.write_text(series.read_text(encoding="utf-8").replace("示例栏目：各单位负责人谈调研工作的进展。", "各镇负责人谈调研。")
                      .replace("发布机构名称", "嘉定区大调研办"), encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("# contact:"))
    public = ("build", "--site", str(site), "--base-url", "https://www.jiading.gov.cn/diaoyan/", "--no-search")
    code, _, err = _run(capsys, *public)
    assert code == 0 and [told for told in err.splitlines() if "contact" in told] == [
        f"site.yaml:{line}:1: warning: the contact: lines that sitegen init writes are still commented out (# "
        "contact:), and the site is built for https://www.jiading.gov.cn/diaoyan/: the accessibility page (无障碍说明) "
        "asks readers who meet difficulties to contact 嘉定区大调研办, with no e-mail address, phone number or page to "
        "do it",
        '  hint: delete the "# " at the start of the contact: line and of the lines under it that you keep, and write '
        "the publisher's own e-mail address, phone number or contact page there (联系方式)"]
    # Done as told (one line kept, the publisher's own number): no warning, and the page gives the way.
    text = "\n".join(lines)
    config.write_text(text.replace("# contact:", "contact:").replace("#   phone: 021-0000 0000", "  phone: 021-5990 1234")
                      + "\n", encoding="utf-8")
    code, _, err = _run(capsys, *public)
    assert code == 0 and "contact" not in err, err
    assert "021-5990 1234" in (site / "output/accessibility/index.html").read_text(encoding="utf-8")
    # For init's example address, as written, nothing is said: the site is not being published.
    config.write_text(text + "\n", encoding="utf-8")
    assert "contact" not in _check(capsys, site)[1]


def test_inits_publisher_placeholder_is_an_error_when_built_for_a_public_address(tmp_path: Path, capsys) -> None:
    # Built for www.huaxin.gov.cn with publisher: 发布机构名称 left in site.yaml, every footer and the open data
    # published the placeholder, with a warning only, while init's example unit left there was an error.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site), "--title", "华新镇大调研进展公开")[0] == 0
    for rel in ("content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
                "content/units/shi-li-zhen.yaml"):
        (site / rel).unlink()
    series = site / "content/series/fangtan.yaml"
    series.write_text(series.read_text(encoding="utf-8").replace("示例栏目：各单位负责人谈调研工作的进展。", "各镇负责人谈调研。"),
                      encoding="utf-8")
    public = "the site is built for https://www.huaxin.gov.cn/, a public address"
    code, _, err = _run(capsys, "build", "--site", str(site), "--base-url", "https://www.huaxin.gov.cn/", "--no-search")
    assert code == 1 and [line for line in err.splitlines() if "发布机构名称" in line and ": error: " in line] == [
        'content/series/fangtan.yaml:5:12: error: publisher: "发布机构名称" is the placeholder that sitegen init '
        f"writes for the publisher, so the series' page would publish it, and {public}",
        'site.yaml:11:12: error: publisher: "发布机构名称" is the placeholder that sitegen init writes for the '
        f"publisher, so every page's footer would publish it, and {public}"]
    assert "hint: write the name of the office that publishes it (发布机构)" in err
    assert not (site / "output").exists()
    # For init's example address the site builds, the placeholder warned: a new site to look at.
    code, _, err = _run(capsys, "build", "--site", str(site), "--no-search")
    assert code == 0 and err.count('warning: publisher: "发布机构名称"') == 2, err
    # Mended in both files, the public build goes through.
    for rel in ("site.yaml", "content/series/fangtan.yaml"):
        (site / rel).write_text((site / rel).read_text(encoding="utf-8").replace("发布机构名称", "华新镇人民政府"),
                                encoding="utf-8")
    code, _, err = _run(capsys, "build", "--site", str(site), "--base-url", "https://www.huaxin.gov.cn/", "--no-search")
    assert code == 0 and "发布机构名称" not in err, err


_INIT_EXAMPLES = ("content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
                  "content/units/shi-li-zhen.yaml", "content/series/fangtan.yaml")
"""The files of sitegen init's example content: a case study, an interview, a unit and a series."""


def test_inits_example_series_deleted_with_the_other_examples_is_not_warned_as_gone(tmp_path: Path,
                                                                                     capsys) -> None:
    # Deleted with the example pages, the example series was "gone since the last build … put it back": the one
    # example told to come back, though it held init's words alone.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site))[0] == 0
    assert _run(capsys, "build", "--site", str(site), "--no-search")[0] == 0  # published, and recorded
    assert (site / "output/series/fangtan/index.html").is_file()
    for rel in _INIT_EXAMPLES:
        (site / rel).unlink()
    code, _, err = _run(capsys, "build", "--site", str(site), "--no-search")
    assert code == 0 and "gone since the last build" not in err, err
    assert not (site / "output/series/fangtan").exists()


def test_inits_series_made_the_editors_own_is_warned_as_gone_and_put_back_is_not(tmp_path: Path, capsys) -> None:
    # Its blurb rewritten, init's series (its title, 进度访谈, and its id kept) is the editor's: its page is theirs.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site))[0] == 0
    series = site / "content/series/fangtan.yaml"
    own = series.read_text(encoding="utf-8").replace("示例栏目：各单位负责人谈调研工作的进展。", "各镇负责人谈调研。")
    series.write_text(own, encoding="utf-8")
    assert _run(capsys, "build", "--site", str(site), "--no-search")[0] == 0
    for rel in _INIT_EXAMPLES:
        (site / rel).unlink()
    code, _, err = _run(capsys, "build", "--site", str(site), "--no-search")
    at = err.splitlines().index(next(line for line in err.splitlines() if "gone since the last build" in line))
    assert code == 0 and err.splitlines()[at:at + 2] == [
        'content/series/fangtan.yaml: warning: this file is gone since the last build, so its page "进度访谈" at '
        "/series/fangtan/ is no longer published: links to it will get 404 (page not found)",
        "  hint: if it was deleted or moved out of the folder by mistake, put it back: a series's page is at its "
        "file's name, so no other file can keep /series/fangtan/"]
    # Put back as told: its page is published again, and nothing is said of it.
    series.write_text(own, encoding="utf-8")
    code, _, err = _run(capsys, "build", "--site", str(site), "--no-search")
    assert code == 0 and "gone since the last build" not in err and "/series/fangtan/" not in err, err
    assert (site / "output/series/fangtan/index.html").is_file()


def test_inits_default_title_is_warned_when_built_for_a_public_address_and_the_hint_followed_builds(
        tmp_path: Path, capsys) -> None:
    # init without --title writes 进度公开: built for the town's address, every page, tab and feed of the site was
    # named 进度公开, a name of no site in particular, and nothing told the editor.
    site = tmp_path / "site"
    assert _run(capsys, "init", str(site))[0] == 0
    for rel in ("content/cases/shi-li-an-li.md", "content/interviews/shi-li-fang-tan.md",
                "content/units/shi-li-zhen.yaml"):
        (site / rel).unlink()
    series = site / "content/series/fangtan.yaml"
    series.write_text(series.read_text(encoding="utf-8").replace("示例栏目：各单位负责人谈调研工作的进展。", "各镇负责人谈调研。")
                      .replace("发布机构名称", "金泽镇人民政府"), encoding="utf-8")
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("发布机构名称", "金泽镇人民政府"), encoding="utf-8")
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("title:"))
    public = ("build", "--site", str(site), "--base-url", "https://www.jinze.gov.cn/", "--no-search")
    code, _, err = _run(capsys, *public)
    told = err.splitlines()
    at = next(n for n, text in enumerate(told) if text.startswith(f"site.yaml:{line}:"))
    assert code == 0 and told[at:at + 2] == [
        f'site.yaml:{line}:8: warning: title: "进度公开" is the title that sitegen init writes when given no --title, '
        "and the site is built for https://www.jinze.gov.cn/: every page's heading and browser tab, the search "
        "results and the feeds would name the site so",
        f'  hint: write the site\'s own name (网站名称) after "title:" on line {line} of site.yaml, e.g. title: '
        "青浦大调研进度公开"]
    # Not for init's example address, as written, nor for the preview (its own local address): not published.
    assert "sitegen init writes when given no --title" not in _check(capsys, site)[1]
    preview = build(BuildOptions(root=site, include_drafts=True, base_url="http://127.0.0.1:8000/", search=False,
                                 output=str(tmp_path / "preview")))
    assert not any("--title" in warning.message for warning in preview.warnings)
    # Done as told: no warning, and the site is named so.
    config.write_text(config.read_text(encoding="utf-8").replace("title: 进度公开", "title: 金泽镇大调研进度公开"),
                      encoding="utf-8")
    code, _, err = _run(capsys, *public)
    assert code == 0 and "--title" not in err, err
    assert "<h1>金泽镇大调研进度公开</h1>" in (site / "output/index.html").read_text(encoding="utf-8")
    # A title given to init is the site's own: not told.
    named = tmp_path / "named"
    assert _run(capsys, "init", str(named), "--title", "金泽镇大调研")[0] == 0
    code, _, err = _run(capsys, "build", "--site", str(named), "--base-url", "https://www.jinze.gov.cn/", "--no-search")
    assert "--title" not in err and 'publisher: "发布机构名称"' in err, err  # its publisher still to write: an error


def test_the_next_step_init_prints_can_be_copied_when_the_folder_name_has_a_space(tmp_path: Path, capsys,
                                                                                  monkeypatch) -> None:
    # It printed "sitegen serve --site 我的 站点", which a prompt reads as two words.
    monkeypatch.chdir(tmp_path)
    out = _run(capsys, "init", "我的 站点")[1]
    assert out.splitlines()[-1] == 'next: sitegen serve --site "我的 站点"   (preview at http://127.0.0.1:8000/)'
    out = _run(capsys, "init", "进度站点")[1]
    assert out.splitlines()[-1] == "next: sitegen serve --site 进度站点   (preview at http://127.0.0.1:8000/)"
    # What a new site needs before it is published was met one thing at a time, at later checks: the publisher
    # in two files, then the examples refused once a unit of one's own was added. Said at once now, each file
    # named as init wrote it.
    assert out.splitlines()[-3:-1] == [
        'then: write who publishes the site (发布机构) after "publisher:" in site.yaml and '
        'content/series/fangtan.yaml, and the site\'s address after "base_url:" in site.yaml',
        '      add your own units and pages (sitegen new unit 名称, sitegen new interview "标题"), then delete the '
        "examples (示例镇, its interview and case study): beside yours, a build refuses them"]
    site = tmp_path / "进度站点"
    assert (site / "content/series/fangtan.yaml").read_text(encoding="utf-8").count("publisher: 发布机构名称") == 1
    assert (site / "site.yaml").read_text(encoding="utf-8").count("publisher: 发布机构名称") == 1
    assert "base_url:" in (site / "site.yaml").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = _run(capsys, "init", str(tmp_path / "site"))
    assert code == 1 and "is not empty" in err and "hint:" in err
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["notes.txt"]
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert _run(capsys, "init", str(tmp_path / "repo"))[0] == 0
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert _run(capsys, "init", str(tmp_path / "file"))[0] == 1


# --- sitegen new ---------------------------------------------------------------------------------


def test_new_interview_has_every_field_today_and_a_pinyin_slug_and_checks_clean(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    before = _check(capsys, site)[1]
    code, out, _ = _run(capsys, "new", "interview", "白鹤镇：新的访谈", "--unit", "baihe", "--site", str(site))
    assert code == 0
    path = site / "content" / "interviews" / "bai-he-zhen-xin-de-fang-tan.md"
    assert out.strip() == f"wrote {path.as_posix()}"
    text = path.read_text(encoding="utf-8")
    # All but updated: (更新时间), the time a published page was corrected: a new page has none to give.
    assert _fields_written(path, InterviewMeta) == set(InterviewMeta.model_fields) - {"updated"}
    meta = _front_matter(path)
    assert meta["title"] == "白鹤镇：新的访谈" and meta["slug"] == "bai-he-zhen-xin-de-fang-tan"
    assert meta["series"] == "dadiaoyan-weifangtan" and meta["unit"] == "baihe"  # the only series
    assert meta["date"].startswith(_today()) and meta["draft"] == "true"
    for line in text.split("---\n")[1].splitlines():
        assert "#" in line, f"no comment on: {line}"
    code, report = _check(capsys, site)
    assert code == 0 and report.count("warning:") == before.count("warning:"), report

    _uncomment(path, "summary:", "source:")
    assert _check(capsys, site)[0] == 0

    # Never overwritten.
    edited = path.read_text(encoding="utf-8") + "\n编辑写的内容。\n"
    path.write_text(edited, encoding="utf-8")
    code, _, err = _run(capsys, "new", "interview", "白鹤镇：新的访谈", "--unit", "baihe", "--site", str(site))
    assert code == 1
    assert ("error: an interview titled 白鹤镇：新的访谈 exists already: content/interviews/bai-he-zhen-xin-de-fang-tan.md\n"
            in err)
    assert path.read_text(encoding="utf-8") == edited
    # Another title whose slug is taken: the file is named, with a free slug.
    code, _, err = _run(capsys, "new", "interview", "白鹤镇新的访谈", "--unit", "baihe", "--site", str(site))
    assert code == 1 and "error: content/interviews/bai-he-zhen-xin-de-fang-tan.md exists already" in err, err
    assert "--slug bai-he-zhen-xin-de-fang-tan-2" in err
    assert path.read_text(encoding="utf-8") == edited


def _at(path: Path, typed: str) -> str:
    """``line:column`` of the first line of ``path`` whose value (after "key: " or "- ") or whole text is ``typed``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for start in (f": {typed}", f"- {typed}"):
            if start in line:
                return f"{number}:{line.index(start) + 3}"
        if line.strip() == typed:
            return f"{number}:{len(line) - len(line.lstrip()) + 1}"
    raise AssertionError(f"{typed} is not in {path}")


_DRAFT = ', or keep "draft: true" until the page is written (草稿)'
_PUT_BACK = 'or put the "# " back before the example\'s lines'
_ZEROS_HINT = ("  hint: write the figures as counted, with a note: saying where they come from (a note also says that "
               "zeros are meant); if there are none yet and these are the zeros sitegen new writes, leave the tally "
               'out until there are: delete its lines, or put "# " back at their start, and write "tallies: []" if it '
               "was the only one")


def test_new_case_unit_and_series_check_clean_once_their_placeholders_are_written(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "series", "民生访谈", "--site", str(site))[0] == 0
    assert _run(capsys, "new", "unit", "夏阳街道", "--site", str(site))[0] == 0
    assert _run(capsys, "new", "case", "建设日托中心", "--unit", "xia-yang-jie-dao", "--site", str(site))[0] == 0
    series = site / "content" / "series" / "min-sheng-fang-tan.yaml"
    unit = site / "content" / "units" / "xia-yang-jie-dao.yaml"
    case = site / "content" / "cases" / "jian-she-ri-tuo-zhong-xin.md"
    assert _fields_written(series, Series) == set(Series.model_fields) - {"id"}
    assert _fields_written(unit, Unit) == set(Unit.model_fields) - {"id"}
    assert _fields_written(unit, Tally) == set(Tally.model_fields)
    assert _fields_written(unit, Milestone) == set(Milestone.model_fields)  # its status too, commented out
    assert _fields_written(case, CaseStudyMeta) == set(CaseStudyMeta.model_fields) - {"updated"}
    assert "level: subdistrict" in unit.read_text(encoding="utf-8")
    # A series is always published: its blurb is to be written at once. The case is a draft, the unit's
    # examples are commented out: nothing of theirs is told.
    assert _check(capsys, site) == (1, (
        "content/cases/jian-she-ri-tuo-zhong-xin.md: a draft, not published; write draft: false to publish it\n"
        'content/series/min-sheng-fang-tan.yaml:4:8: error: blurb: "一两句话介绍本栏目。" is the placeholder that '
        "sitegen new writes for the series' blurb, so the home page and the series' page would publish it\n"
        "  hint: write one or two sentences on what the series is about (栏目介绍)\n"
        f"checked: 1 error(s), 0 warning(s){LINKS_LATER}\n"))
    series.write_text(series.read_text(encoding="utf-8").replace("一两句话介绍本栏目。", "各街道负责人谈民生实事。"),
                      encoding="utf-8")
    assert _check(capsys, site, "--strict") == (0, "content/cases/jian-she-ri-tuo-zhong-xin.md: a draft, not "
                                                   "published; write draft: false to publish it\n"
                                                   "checked: 0 error(s), 0 warning(s)\n")

    # The examples uncommented as they are (the file's note suggests it): invented figures, each told.
    _uncomment(unit, "summary:", "tallies:", "targets:", "milestones:")
    _uncomment(case, "aliases:", "outcome:", "related_tally:", "summary:", "source:")
    u = "content/units/xia-yang-jie-dao.yaml"
    unit_errors = [
        f'{u}:{_at(unit, "一段简介")}: error: summary: "一段简介" is the placeholder that sitegen new writes for the '
        "unit's description, so the unit's page would publish it",
        "  hint: write a short description of the unit (简介), or delete the line",
        f'{u}:{_at(unit, "示例数字，不是真实数据：请换成本单位的数字，并在此写明数据来源")}: error: tallies → item 1 → note: '
        '"示例数字，不是真实数据：请换成本单位的数字，并在此写明数据来源" is the note of the example tally that sitegen new writes, '
        "so the unit's page would publish the example's figures as the unit's",
        f"  hint: write the unit's real figures as of this date, and in note: where they come from; {_PUT_BACK}",
        f'{u}:{_at(unit, "示例目标，不是真实数据：请换成本单位的目标和进度，并在此写明依据")}: error: targets → item 1 → note: '
        '"示例目标，不是真实数据：请换成本单位的目标和进度，并在此写明依据" is the note of the example target that sitegen new writes, '
        "so the unit's page would publish the example's target and share reached as the unit's",
        "  hint: write the unit's real target (and the share reached, with its date), and in note: where it comes "
        f"from; {_PUT_BACK}",
        f'{u}:{_at(unit, "示例：成立调研领导小组")}: error: milestones → item 1 → title: "示例：成立调研领导小组" is the title '
        "of the example milestone that sitegen new writes, so the unit's page would publish the example as one of "
        "the unit's milestones",
        "  hint: write what happened (事件), with the real date, and in description: one or two sentences on it or "
        f"nothing; {_PUT_BACK}"]
    code, report = _check(capsys, site)
    drafted = "content/cases/jian-she-ri-tuo-zhong-xin.md: a draft, not published; write draft: false to publish it"
    assert (code, report.splitlines()) == (
        1, [drafted] + unit_errors + [f"checked: 4 error(s), 0 warning(s){LINKS_LATER}"])
    # The example milestone with its description's line deleted is still told: it was published with its
    # invented title (成立调研领导小组).
    uncommented = unit.read_text(encoding="utf-8")
    unit.write_text(uncommented.replace(next(line for line in uncommented.splitlines(keepends=True)
                                             if "description: 一两句说明" in line), ""), encoding="utf-8")
    assert [line for line in _check(capsys, site)[1].splitlines() if "milestones" in line] == [unit_errors[-2]]
    unit.write_text(uncommented, encoding="utf-8")

    # The case set to be published with its placeholders: each is told, with the offer to keep it a draft.
    case.write_text(case.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    c = "content/cases/jian-she-ri-tuo-zhong-xin.md"
    told = "is the placeholder that sitegen new writes for"
    case_errors = [
        # Its example of an old address would publish a redirect from an address the site never had.
        f'{c}:6:11: error: aliases → item 1: "/cases/old-name/" is the example of an old '
        "address that sitegen new writes, so the page would publish a redirect (跳转页) at that made-up address",
        "  hint: write the address this page had before, its path from the site's root (旧网址, e.g. "
        f'/news/2018/0521.html), or delete it from aliases (and the line of aliases, when it is the only one){_DRAFT}',
        f'{c}:{_at(case, "调研中发现的问题（一两句话）")}: error: problem: "调研中发现的问题（一两句话）" {told} the problem found, '
        "so the page would publish it",
        f"  hint: write the problem the survey found, in one or two sentences (问题){_DRAFT}",
        f'{c}:{_at(case, "第一项做法")}: error: actions → item 1: "第一项做法" {told} an action taken, so the page would '
        "publish it",
        f"  hint: write what was done, one action a line (做法){_DRAFT}",
        f'{c}:{_at(case, "取得的成效")}: error: outcome: "取得的成效" {told} the outcome, so the page would publish it',
        f"  hint: write what has come of it so far (成效), or delete the line{_DRAFT}",
        f'{c}:{_at(case, "一两句话的摘要")}: error: summary: "一两句话的摘要" {told} the summary, so the page would '
        "publish it",
        f"  hint: write a summary of one or two sentences (摘要), or delete the line to use the start of the text{_DRAFT}",
        f'{c}:{_at(case, "发布机构")}: error: source → publisher: "发布机构" {told} who first published the text, so '
        "the page would publish it",
        f"  hint: write who first published it (发布机构), or delete source: and its lines if it is first published "
        f"here{_DRAFT}",
        f'{c}:{_at(case, "原文标题")}: error: source → title: "原文标题" {told} the title it was first published '
        "under, so the page would publish it",
        f"  hint: write the original's title (原文标题), or delete the line{_DRAFT}",
        f'{c}:{_at(case, "https://example.org/")}: error: source → url: "https://example.org/" {told} the address '
        "where it was first published, so the page would publish it",
        f"  hint: write the original's web address (原文网址), or delete the line{_DRAFT}",
        f'{c}:{_at(case, "正文……")}: error: "正文……" {told} the case\'s text, so the page would publish it',
        f"  hint: write how the problem was found and dealt with, in its place{_DRAFT}"]
    code, report = _check(capsys, site)
    assert (code, report.splitlines()) == (
        1, case_errors + unit_errors + [f"checked: 13 error(s), 0 warning(s){LINKS_LATER}"])
    assert _check(capsys, site) == (code, report)  # the second run, from the page cache, tells the same

    # Written for real, the same files check clean and build.
    # The example's note line deleted, its zeros kept: the page would say no list was collected, which is told.
    text = unit.read_text(encoding="utf-8")

    def told_without(note: str, marker: str) -> list[str]:
        """The problem (message and hint) holding ``marker`` that the unit without its line holding ``note`` gives."""
        unit.write_text("".join(line for line in text.splitlines(keepends=True) if note not in line), encoding="utf-8")
        told = _check(capsys, site)[1].splitlines()
        return [line for at, line in enumerate(told) if marker in line or marker in told[at - 1]]

    collected = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("    collected: 0 "))
    assert told_without("示例数字，不是真实数据：请换成本单位的数字，并在此写明数据来源", "(collected: 0)") == [
        f"{u}:{collected}:16: warning: tally of {_today()} counts no issue list "
        "(collected: 0), and the unit's page would publish it: 共收集问题清单0份",
        _ZEROS_HINT]
    # The example target's note deleted, its figures kept: an invented target and progress would be published.
    group = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("  - group: residents "))
    assert told_without("示例目标，不是真实数据：请换成本单位的目标和进度，并在此写明依据", "example figures") == [
        f"{u}:{group}:5: warning: this target (group: residents, target: 80, deadline: {_today()[:4]}-12-31, "
        "measured: 50) has the example figures that sitegen new writes and no note, so the unit's page would publish "
        "them as the unit's target (覆盖目标) and progress",
        "  hint: write the unit's real target and the share reached, with a note: saying where they come from (a note "
        "also says that these figures are meant); if the unit has no target yet, delete the example's lines, or put "
        '"# " back at their start, and write "targets: []" if it was the only one']
    unit.write_text(text, encoding="utf-8")
    text = unit.read_text(encoding="utf-8")
    for figure, value in (("batches", 12), ("collected", 30), ("escalated", 10), ("resolved", 15), ("in_progress", 5)):
        text = text.replace(f"    {figure}: 0 ", f"    {figure}: {value} ", 1)
    unit.write_text(text, encoding="utf-8")
    for path, written in ((unit, {"一段简介": "夏阳街道位于青浦新城。", "示例数字，不是真实数据：请换成本单位的数字，并在此写明数据来源":
                                  "街道大调研办公室统计", "示例目标，不是真实数据：请换成本单位的目标和进度，并在此写明依据": "区“两个全覆盖”要求之一",
                                  "示例：成立调研领导小组": "成立调研领导小组", "一两句说明": "街道党工委召开专题会议。"}),
                          (case, {"调研中发现的问题（一两句话）": "老人白天无人照料。", "第一项做法": "改建闲置厂房",
                                  "取得的成效": "日托中心已开放。", "一两句话的摘要": "夏阳街道建成日托中心。",
                                  "publisher: 发布机构": "publisher: 青浦区融媒体中心", "原文标题": "夏阳街道建成日托中心",
                                  "https://example.org/": "https://www.shqp.gov.cn/", "正文……": "走访中，老人们反映……",
                                  "/cases/old-name/": "/news/2018/0521.html"})):
        text = path.read_text(encoding="utf-8")
        for placeholder, real in written.items():
            text = text.replace(placeholder, real)
        path.write_text(text, encoding="utf-8")
    assert _check(capsys, site, "--strict") == (0, "checked: 0 error(s), 0 warning(s)\n")
    assert _run(capsys, "build", "--site", str(site), "--quiet")[0] == 0


def test_a_new_case_offers_the_related_tally_of_its_units_latest_tally(tmp_path: Path, capsys) -> None:
    # It offered today's date: uncommented as its note says, it was "unit baihe has no tally of 2026-12-03".
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "case", "建设日托中心", "--unit", "baihe", "--site", str(site))[0] == 0
    case = site / "content" / "cases" / "jian-she-ri-tuo-zhong-xin.md"
    assert "# related_tally: 2018-04-26 " in case.read_text(encoding="utf-8")
    _uncomment(case, "related_tally:")
    assert [line for line in _check(capsys, site)[1].splitlines() if "related_tally" in line] == []


def test_new_tally_prints_lines_to_paste_and_never_changes_the_unit_file(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    before = unit.read_text(encoding="utf-8")
    code, out, err = _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site))
    assert code == 0
    assert unit.read_text(encoding="utf-8") == before
    assert "paste these lines under tallies: in content/units/baihe.yaml" in err
    assert out.startswith(f"  - as_of: {_today()}   # ")
    assert _fields_written_text(out) == set(Tally.model_fields)

    # It starts from the latest tally's figures (318 batches, 296 collected, 143 + 103 + 50): zeros
    # read as counts that fell, five warnings the editor never caused.
    assert [int(n) for n in re.findall(r"^    \w+: (\d+)", out, re.MULTILINE)] == [318, 296, 143, 103, 50]
    # Pasted after the last tally, it reads as a tally: no error; left as printed, its figures are those of the
    # tally before, published as counted today: a warning at its as_of.
    last = before.index("\ntargets:")
    unit.write_text(before[:last] + "\n" + out + before[last:], encoding="utf-8")
    code, report = _check(capsys, site)
    line = (before[:last] + "\n").count("\n") + 1
    assert code == 0 and report.startswith("checked: 0 error(s), 1 warning(s)\n"
                                           f"content/units/baihe.yaml:{line}:12: warning: tally of {_today()} repeats "
                                           "every figure of the tally of 2018-04-26 unchanged"), report
    # Its figures changed to those counted today: no error and no warning.
    counted = out.replace("collected: 296 ", "collected: 300 ").replace("escalated: 143 ", "escalated: 147 ")
    unit.write_text(before[:last] + "\n" + counted + before[last:], encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 0 and report.endswith("checked: 0 error(s), 0 warning(s)\n"), report
    # A second one on the same day would clash with it: it is refused, saying what to do instead.
    code, _, err = _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site))
    assert code == 1 and err == (f"error: content/units/baihe.yaml has a tally of {_today()} (today) already\n"
                                 "  hint: change its figures in place: a unit has one tally per date\n")

    # A unit written by `new unit` holds tallies: commented out: the hint names its line.
    assert _run(capsys, "new", "unit", "测试镇", "--id", "ceshi", "--site", str(site))[0] == 0
    new_unit = site / "content" / "units" / "ceshi.yaml"
    commented_line = new_unit.read_text(encoding="utf-8").splitlines().index(
        next(line for line in new_unit.read_text(encoding="utf-8").splitlines() if line.startswith("# tallies:"))) + 1
    code, out, err = _run(capsys, "new", "tally", "--unit", "ceshi", "--site", str(site))
    assert code == 0 and (f'  hint: "tallies:" is commented out on line {commented_line}: delete the "# " before '
                          'it, then paste the lines below it (the commented example under it may stay or go)\n') in err
    # Done as the hint says, the unit reads its tally; its zeros, pasted as they are, would be published as
    # figures: that is warned.
    text = new_unit.read_text(encoding="utf-8").replace("\n# tallies:", "\ntallies:", 1)
    at = text.index("\ntallies:")
    at = text.index("\n", at + 1) + 1
    new_unit.write_text(text[:at] + out + text[at:], encoding="utf-8")
    code, report = _check(capsys, site)
    collected = next(n for n, line in enumerate(new_unit.read_text(encoding="utf-8").splitlines(), 1)
                     if line.startswith("    collected: 0 "))
    assert (code, report.splitlines()) == (0, [
        "checked: 0 error(s), 1 warning(s)",
        f"content/units/ceshi.yaml:{collected}:16: warning: tally of {_today()} counts no issue list (collected: 0), "
        "and the unit's page would publish it: 共收集问题清单0份", _ZEROS_HINT])
    counted = out.replace("collected: 0 ", "collected: 8 ").replace("resolved: 0 ", "resolved: 8 ")
    new_unit.write_text(text[:at] + counted + text[at:], encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 0 and report.endswith("checked: 0 error(s), 0 warning(s)\n"), report

    # A file with no tallies: line at all is told to add one.
    new_unit.write_text('name: 测试镇\nlevel: town\n', encoding="utf-8")
    code, _, err = _run(capsys, "new", "tally", "--unit", "ceshi", "--site", str(site))
    assert code == 0 and 'the file has no "tallies:" line yet: add one at the end' in err


def test_a_tally_pasted_after_milestones_is_told_to_move_under_tallies(tmp_path: Path, capsys) -> None:
    # Pasted at the end of the example unit, below milestones:, each figure was "unknown field "collected" in
    # milestones → item 3 / hint: remove it, or use one of: date, title, description", and date and title missing.
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    before = unit.read_text(encoding="utf-8")
    code, out, _ = _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site))
    assert code == 0 and out.endswith("\n")
    unit.write_text(before + out, encoding="utf-8")
    first, last = before.count("\n") + 1, before.count("\n") + out.count("\n")
    tallies_end = before.splitlines().index("targets:") - 1  # the line before the blank line above targets:
    code, report = _check(capsys, site)
    assert code == 1 and report == (
        f"content/units/baihe.yaml:{first}:5: error: milestones → item 3 looks like a tally (统计), not a milestone "
        "(大事记): it has the fields of a tally (as_of, batches, collected, escalated, resolved, in_progress)\n"
        f'  hint: it belongs under "tallies:": move lines {first}–{last} there, below its last item (which ends on '
        f'line {tallies_end}), with the "-" lined up with the "-" of the items above; its values stay as typed\n'
        f"checked: 1 error(s), 0 warning(s){LINKS_LATER}\n")
    # Done as the hint says (the commented note line goes with it), the unit reads its tally as printed: no
    # error, and only the warning that its figures are still those of the tally before.
    lines = unit.read_text(encoding="utf-8").splitlines(keepends=True)
    moved = lines[first - 1:last]
    assert "".join(moved) == out
    unit.write_text("".join(lines[:tallies_end] + moved + lines[tallies_end:first - 1]), encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 0 and report.startswith(
        f"checked: 0 error(s), 1 warning(s)\ncontent/units/baihe.yaml:{tallies_end + 1}:12: warning: tally of "
        f"{_today()} repeats every figure of the tally of 2018-04-26 unchanged"), report


def _fields_written_text(text: str) -> set[str]:
    return {name for name in Tally.model_fields if re.search(rf"^\s*(#\s*)*(- )?{name}:", text, re.MULTILINE)}


@pytest.mark.parametrize("argv, message, hint", [
    (["interview", "标题", "--unit", "baihee"], 'there is no unit "baihee"', "did you mean baihe?"),
    (["interview", "标题", "--unit", "baihe", "--series", "nope"], 'there is no series "nope"',
     "give its id: --series and one of: dadiaoyan-weifangtan (大调研微访谈)"),
    (["interview", "！！！", "--unit", "baihe"], 'no URL part can be made from "！！！"', "--slug"),
    (["interview", "标题", "--unit", "baihe", "--slug", "Bad Slug"], '"Bad Slug" is not a valid slug', "--slug"),
    (["interview", "别的标题", "--unit", "baihe", "--slug", "baihe-dadiaoyan-weifangtan"],
     'the slug "baihe-dadiaoyan-weifangtan" is already used by content/interviews/2018-05-baihe-dadiaoyan.md',
     "--slug baihe-dadiaoyan-weifangtan-2"),
    (["case", "标题", "--unit", "nope"], 'there is no unit "nope"', "give its id: --unit and one of: baihe (白鹤镇)"),
    # A title another page has: the page was written, and the hint to choose another slug (the same title
    # makes the same slug) wrote a second page that readers could not tell apart from the first.
    (["interview", "白鹤镇：补好短板发挥优势　建设丝路名镇新白鹤", "--unit", "baihe"],
     "an interview titled 白鹤镇：补好短板发挥优势 建设丝路名镇新白鹤 exists already: "
     "content/interviews/2018-05-baihe-dadiaoyan.md\n", "hint: to go on with that page, edit its file; if this is "
     "another interview, give it a title of its own (标题), so that readers can tell the two apart, e.g. "
     "白鹤镇：补好短板发挥优势　建设丝路名镇新白鹤（二）\n"),
    (["case", "做大做强白鹤草莓", "--unit", "baihe", "--slug", "caomei-2"],
     "a case study titled 做大做强白鹤草莓 exists already: content/cases/baihe-caomei.md\n", "e.g. 做大做强白鹤草莓（二）"),
    # new unit has no --slug: the hint named "--slug / --id".
    (["unit", "新民村", "--id", "baihe"], "content/units/baihe.yaml exists already",
     "hint: edit that file, or choose another id: --id baihe-2\n"),
    # A unit's file given for its id was offered "sitegen new unit 名称 --id content/units/baihe.yaml"-like
    # commands, and told of content/units/content/units/baihe.yaml.yaml.
    (["tally", "--unit", "content/units/baihe.yaml"], '"content/units/baihe.yaml" is the file of the unit 白鹤镇, '
     "not its id", "hint: the id is the file name without .yaml: write --unit baihe, as in: sitegen new tally "
     "--unit baihe --site "),
    (["interview", "标题", "--unit", "baihe.yaml"], '"baihe.yaml" is the file of the unit 白鹤镇 '
     "(content/units/baihe.yaml), not its id", "hint: the id is the file name without .yaml: write --unit baihe, "),
    (["case", "标题", "--unit", "nope.yaml"], 'there is no unit "nope" (no content/units/nope.yaml)\n',
     "create it first: sitegen new unit 名称 --id nope "),
    # Names Windows keeps for a device were written (aux.md, con.yaml, nul.yaml), and check then refused slug: aux.
    (["interview", "测试", "--slug", "aux", "--unit", "baihe"], '"aux" is a name Windows keeps for a device (AUX: '
     "Windows 保留名), so Windows cannot hold a folder of that name, and the site could not be copied or published "
     "there\n", "hint: add a word or a number to it, e.g. --slug aux-1\n"),
    (["series", "X", "--id", "con"], '"con" is a name Windows keeps for a device (CON: Windows 保留名), so Windows '
     "cannot hold a file of that name, and the site could not be copied or published there\n",
     "hint: add a word or a number to it, e.g. --id con-1\n"),
    (["unit", "某镇", "--id", "NUL"], '"NUL" is not a valid id', "--id nul"),
    (["unit", "某镇", "--id", "nul"], '"nul" is a name Windows keeps for a device (NUL: Windows 保留名)',
     "hint: add a word or a number to it, e.g. --id nul-1\n"),
    # The hint offered --id dadiaoyan-yaml.
    (["series", "X", "--id", "dadiaoyan.yaml"], '"dadiaoyan.yaml" is not a valid id',
     'hint: choose one with --id, using a-z, 0-9 and "-" (without .yaml: sitegen adds it): --id dadiaoyan\n'),
    # 华新 镇 (typed without quotes) was written as name: 华新 镇, a space no check told.
    (["unit", "华新", "镇"], 'the name "华新 镇" has a space between "华新" and "镇": Chinese is written without spaces, '
     "and the unit's page would publish it\n", "hint: give the name without it: 华新镇\n"),
    (["unit", "白鹤镇 新民 村"], 'the name "白鹤镇 新民 村" has a space between "白鹤镇" and "新民": Chinese is written '
     "without spaces, and the unit's page would publish it\n", "hint: give the name without it: 白鹤镇新民村\n"),
    # A second file for a unit or series there is, under the pinyin id: the next check blamed the file
    # the editor had not touched (two units named 白鹤镇), and a second series passed in silence.
    (["unit", "白鹤镇"], "a unit named 白鹤镇 exists already: content/units/baihe.yaml (id baihe)",
     "new pages name it by its id (--unit baihe); for its new figures: sitegen new tally --unit baihe"),
    (["unit", "白鹤　镇", "--id", "baihezhen"], "a unit named 白鹤　镇 exists already: content/units/baihe.yaml",
     "(--unit baihe)"),
    (["unit", "白鹤"], "a unit named 白鹤 exists already: content/units/baihe.yaml (id baihe)", "(--unit baihe)"),
    # A name reading as another unit's name or alias (同音) was written as a second file for one place.
    (["unit", "白鶴镇"], "白鶴镇 reads the same as the unit 白鹤镇 (bai-he-zhen, 同音), which exists already: "
     "content/units/baihe.yaml (id baihe)\n", "hint: if it is that place, new pages name it by its id (--unit baihe); "
     "for its new figures: sitegen new tally --unit baihe; if 白鶴镇 is another place, first add the line "
     "distinct_from: [bai-he-zhen] to content/units/baihe.yaml, then give the command again with --id bai-he-zhen, "
     "as in: sitegen new unit --id bai-he-zhen --site "),
    (["unit", "百鹤"], "百鹤 reads the same as 白鹤, another name of the unit 白鹤镇 (bai-he, 同音), which exists "
     "already: content/units/baihe.yaml (id baihe)\n", "first add the line distinct_from: [bai-he] to "
     "content/units/baihe.yaml, then give the command again with --id bai-he, as in: "),
    # An id typed by hand wrote the second unit the name without one was refused.
    (["unit", "白鶴鎮", "--id", "baihe2"], "白鶴鎮 reads the same as the unit 白鹤镇 (bai-he-zhen, 同音), which exists "
     "already: content/units/baihe.yaml (id baihe)\n", "hint: if it is that place, new pages name it by its id "
     "(--unit baihe); for its new figures: sitegen new tally --unit baihe; if 白鶴鎮 is another place, first add the "
     "line distinct_from: [baihe2] to content/units/baihe.yaml, then give the command again with --id baihe2, as in: "
     "sitegen new unit --id baihe2 --site "),
    (["unit", "百鹤", "--id", "baihe"], "百鹤 reads the same as 白鹤, another name of the unit 白鹤镇 (bai-he, 同音), "
     "which exists already: content/units/baihe.yaml (id baihe)\n", "with --id baihe-2, as in: "),
    # A unit named as another's misspelling: it was written, and every correct 白河镇 then warned of.
    (["unit", "白河镇"], "白河镇 is listed as a misspelling of the unit 白鹤镇 in content/units/baihe.yaml (id baihe)",
     "new pages name that unit by its id (--unit baihe); if 白河镇 is another place, first remove it from "
     "misspellings in content/units/baihe.yaml"),
    (["unit", "百合　镇", "--id", "baihezhen"], "百合　镇 is listed as a misspelling of the unit 白鹤镇 in "
     "content/units/baihe.yaml (id baihe)", "(--unit baihe)"),
    (["series", "大调研微访谈"],
     "a series titled 大调研微访谈 exists already: content/series/dadiaoyan-weifangtan.yaml (id dadiaoyan-weifangtan)",
     "new pages name it by its id (--series dadiaoyan-weifangtan)"),
    (["unit", "？", "--level", "town"], 'no id can be made from "？"', "--id"),
    # The hint offered baihe and baihe-fangtan whatever was typed: it gives the id or slug meant.
    (["unit", "重固镇", "--id", "Chonggu"], '"Chonggu" is not a valid id', 'using a-z, 0-9 and "-": --id chonggu'),
    (["case", "草莓基地", "--unit", "baihe", "--slug", "Caomei_JiDi"], '"Caomei_JiDi" is not a valid slug',
     "e.g. --slug caomei-jidi"),
    (["tally", "--unit", "nope"], 'there is no unit "nope"', "give its id: --unit and one of: baihe (白鹤镇)"),
    # ｂａｉｈｅ was offered "sitegen new unit ｂａｉｈｅ" (a second 白鹤镇); Baihe was told "full width" it is not.
    # (The command to type again that follows is test_an_id_typed_in_full_width_or_capitals_is_told_the_command's.)
    (["interview", "标题", "--unit", "ｂａｉｈｅ"], 'there is no unit "ｂａｉｈｅ"',
     "hint: the id is typed in full width (全角): write it in half width (半角): --unit baihe, as in: "),
    (["case", "标题", "--unit", "Baihe"], 'there is no unit "Baihe"',
     "hint: the id is typed with capitals: write it in lower case (小写), as its file name is: --unit baihe, as in: "),
])
def test_new_refuses_with_a_clear_message(tmp_path: Path, capsys, argv: list[str], message: str,
                                          hint: str) -> None:
    site = copy_example(tmp_path / "site")
    before = _files(site)
    code, _, err = _run(capsys, "new", *argv, "--site", str(site))
    assert code == 1
    assert f"error: {message}" in err and hint in err, err
    assert _files(site) == before


def test_new_refuses_a_slug_windows_keeps_for_a_device_with_the_message_check_gives_it(tmp_path: Path,
                                                                                        capsys) -> None:
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "case", "草莓", "--slug", "aux", "--site", str(site))
    assert code == 1
    written = site / "content/cases/caomei.md"
    assert _run(capsys, "new", "case", "草莓", "--slug", "caomei", "--site", str(site))[0] == 0
    written.write_text(written.read_text(encoding="utf-8").replace("slug: caomei", "slug: aux"), encoding="utf-8")
    told = next(line for line in _check(capsys, site)[1].splitlines() if "保留名" in line)
    assert told.split(": error: slug: ")[1] == err.splitlines()[0].removeprefix("error: ")
    # A title whose pinyin is one is given the slug the build would give it.
    code, out, _ = _run(capsys, "new", "case", "Con", "--site", str(site))
    assert code == 0 and out.split()[-1].endswith("content/cases/con-1.md")


def test_new_names_the_file_to_rename_to_the_id_given_for_a_unit_whose_file_name_is_no_id(tmp_path: Path,
                                                                                          capsys) -> None:
    # --unit chonggu beside 重固镇.yaml was offered "sitegen new unit 名称 --id chonggu", and that in turn "rename
    # it to zhong-gu-zhen.yaml": the pages naming chonggu were left without their unit.
    site = copy_example(tmp_path / "site")
    (site / "content/units/重固镇.yaml").write_text("name: 重固镇\nlevel: town\n", encoding="utf-8")
    code, _, err = _run(capsys, "new", "interview", "标题", "--unit", "chonggu", "--site", str(site))
    assert (code, err) == (1, 'error: there is no unit "chonggu" (no content/units/chonggu.yaml)\n'
                              "  hint: content/units/重固镇.yaml is most likely its file, but its file name is not a "
                              'valid id, so it is not read: rename it to chonggu.yaml (a-z, 0-9 and "-" only), then '
                              "give --unit chonggu\n")
    code, _, err = _run(capsys, "new", "unit", "重固镇", "--id", "chonggu", "--site", str(site))
    assert (code, err) == (1, "error: a unit named 重固镇 exists already: content/units/重固镇.yaml, but its file name "
                              "is not a valid id\n"
                              '  hint: rename it to chonggu.yaml (a-z, 0-9 and "-" only); new pages then name it with '
                              "--unit chonggu\n")
    (site / "content/units/重固镇.yaml").rename(site / "content/units/chonggu.yaml")
    code, _, _ = _run(capsys, "new", "interview", "标题", "--unit", "chonggu", "--site", str(site))
    written = (site / "content/interviews/biao-ti.md").read_text(encoding="utf-8")
    assert code == 0 and re.search(r"^unit: chonggu\b", written, re.M)


def test_new_names_the_file_to_rename_for_a_unit_whose_file_name_is_no_id(tmp_path: Path, capsys) -> None:
    # content/units/白鹤镇.yaml: "new unit 白鹤镇 --id baihe" said to name it "--unit 白鹤镇", an id check refuses,
    # and "new interview --unit 白鹤镇" wrote a page that check refused in turn.
    site = copy_example(tmp_path / "site")
    (site / "content/units/baihe.yaml").rename(site / "content/units/白鹤镇.yaml")
    before = _files(site)
    code, _, err = _run(capsys, "new", "unit", "白鹤镇", "--id", "baihe", "--site", str(site))
    assert (code, err) == (1, "error: a unit named 白鹤镇 exists already: content/units/白鹤镇.yaml, but its file name "
                              "is not a valid id\n"
                              '  hint: rename it to baihe.yaml (a-z, 0-9 and "-" only); new pages then name '
                              "it with --unit baihe\n")  # the id given, which the site's pages name it by too
    # It was told the pinyin, bai-he-zhen: renamed so, the file left the three pages naming baihe without their
    # unit. It is told the rename `sitegen check` tells the file: the id the pages name it by.
    rename = ('rename it to baihe.yaml (a-z, 0-9 and "-" only): the id content/cases/baihe-caomei.md and 2 more name '
              "this unit by (unit: baihe); then give --unit baihe, as in: sitegen new interview --unit baihe --site "
              f"{site} 标题")
    code, _, err = _run(capsys, "new", "interview", "标题", "--unit", "白鹤镇", "--site", str(site))
    assert (code, err) == (1, 'error: the file name of content/units/白鹤镇.yaml is not a valid id, so "白鹤镇" '
                              f"names no unit\n  hint: {rename}\n")
    # Its alias, or its name typed with a space, is told the same rename.
    for given in ("白鹤", "白鹤 镇"):
        code, _, err = _run(capsys, "new", "interview", "标题", "--unit", given, "--site", str(site))
        assert (code, err) == (1, f'error: there is no unit "{given}" (no content/units/{given}.yaml)\n'
                                  "  hint: the unit 白鹤镇 is content/units/白鹤镇.yaml, but its file name is not a "
                                  f"valid id: {rename}\n")
    assert _files(site) == before
    # Followed, the site checks clean, the new page with it.
    (site / "content/units/白鹤镇.yaml").rename(site / "content/units/baihe.yaml")
    assert _run(capsys, *_retyped(err))[0] == 0
    assert _front_matter(site / "content/interviews/biao-ti.md")["unit"] == "baihe"
    assert _check(capsys, site)[0] == 0


def test_a_unit_name_beside_its_file_named_in_chinese_no_page_names_is_told_its_pinyin(tmp_path: Path,
                                                                                      capsys) -> None:
    # "--unit 重固" (its alias) was told "write --unit 重固镇", and that "the file name … is not a valid id".
    site = copy_example(tmp_path / "site")
    (site / "content/units/重固镇.yaml").write_text("name: 重固镇\nlevel: town\naliases: [重固]\n", encoding="utf-8")
    code, _, err = _run(capsys, "new", "case", "标题", "--unit", "重固", "--site", str(site))
    assert (code, err) == (1, 'error: there is no unit "重固" (no content/units/重固.yaml)\n'
                              "  hint: the unit 重固镇 is content/units/重固镇.yaml, but its file name is not a valid id: "
                              'rename it to zhong-gu-zhen.yaml (a-z, 0-9 and "-" only); the id zhong-gu-zhen is the '
                              'pinyin of "重固镇" and goes into the address of its page; check the 多音字 重 (zhong, '
                              "chong): if it reads otherwise here, name the file with that reading instead; then give --unit zhong-gu-zhen, as "
                              f"in: sitegen new case --unit zhong-gu-zhen --site {site} 标题\n")
    (site / "content/units/重固镇.yaml").rename(site / "content/units/zhong-gu-zhen.yaml")
    assert _run(capsys, *_retyped(err))[0] == 0
    assert _front_matter(site / "content/cases/biao-ti.md")["unit"] == "zhong-gu-zhen"


@pytest.mark.parametrize("dash", ["  - ", "    - ", "-   ", "    -   "])
def test_new_tally_lines_up_with_the_tallies_as_typed(tmp_path: Path, capsys, dash: str) -> None:
    # "    -   as_of:" was printed "  - as_of:", and pasted below the others it was "this list item lost its indent".
    site = copy_example(tmp_path / "site")
    unit = site / "content/units/baihe.yaml"
    text = unit.read_text(encoding="utf-8")
    start, end = text.index("tallies:\n") + len("tallies:\n"), text.index("\ntargets:")
    fields = " " * len(dash)
    typed = "".join(dash + line[4:] if line.startswith("  - ") else fields + line[4:] if line.startswith("    ") else line
                    for line in text[start:end].splitlines(keepends=True))
    text = text[:start] + typed + text[end:]
    unit.write_text(text, encoding="utf-8")
    assert _check(capsys, site)[0] == 0
    code, out, _ = _run(capsys, "new", "tally", "--site", str(site))
    assert code == 0 and out.startswith(f"{dash}as_of: {_today()}   # ")
    assert all(line.startswith(fields) for line in out.splitlines()[1:])
    end = text.index("\ntargets:")
    counted = out.replace("collected: 296 ", "collected: 300 ").replace("escalated: 143 ", "escalated: 147 ")
    unit.write_text(text[:end] + "\n" + counted.rstrip("\n") + text[end:], encoding="utf-8")
    code, report = _check(capsys, site)
    assert code == 0 and report.endswith("checked: 0 error(s), 0 warning(s)\n"), report


def test_new_tally_refuses_a_unit_file_it_cannot_read_rather_than_print_zeros(tmp_path: Path, capsys) -> None:
    # With a YAML slip anywhere in the file, or the latest tally's "colected:" misspelt, it printed zeros (exit 0):
    # pasted with the other figures changed, batches 0 was published.
    site = copy_example(tmp_path / "site")
    unit = site / "content/units/baihe.yaml"
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good + "  - group: villages\n    target: 100\n   note: 全覆盖\n", encoding="utf-8")
    code, out, err = _run(capsys, "new", "tally", "--site", str(site))
    assert (code, out) == (1, "")
    assert err.startswith('content/units/baihe.yaml:39:4: error: "note:" stands 3 spaces in, not lined up with the '
                          "fields of the item above (4 spaces in)")
    unit.write_text(good.replace("    collected: 296", "    colected: 296"), encoding="utf-8")
    code, out, err = _run(capsys, "new", "tally", "--site", str(site))
    assert (code, out, err) == (1, "", "error: the latest tally in content/units/baihe.yaml (as_of 2018-04-26) has "
                                       "no collected that can be read, so a new tally cannot start from its figures\n"
                                       "  hint: correct that tally first (sitegen check says what is wrong), then "
                                       "run this again\n")
    unit.write_text(good, encoding="utf-8")
    code, out, _ = _run(capsys, "new", "tally", "--site", str(site))
    assert code == 0 and [int(n) for n in re.findall(r"^    \w+: (\d+)", out, re.MULTILINE)] == [318, 296, 143, 103, 50]


def test_new_pages_and_tallies_take_the_only_unit_when_none_is_given(tmp_path: Path, capsys) -> None:
    # "--unit" was required even for a site of one unit, where "new interview" took its only series itself.
    site = copy_example(tmp_path / "site")
    code, out, _ = _run(capsys, "new", "case", "居家养老", "--site", str(site))
    assert code == 0 and _front_matter(site / "content/cases/ju-jia-yang-lao.md")["unit"] == "baihe"
    code, out, _ = _run(capsys, "new", "interview", "网格员的一天", "--site", str(site))
    assert code == 0 and _front_matter(site / "content/interviews/wang-ge-yuan-de-yi-tian.md")["unit"] == "baihe"
    code, out, err = _run(capsys, "new", "tally", "--site", str(site))
    assert code == 0 and "paste these lines under tallies: in content/units/baihe.yaml" in err
    (site / "content/units/jinze.yaml").write_text("name: 金泽镇\nlevel: town\n", encoding="utf-8")
    before = _files(site)
    # A title naming no unit is offered no command to paste: with the first unit's id it filed pages under it.
    for argv in (["case", "另一个案例"], ["interview", "另一篇"]):
        code, _, err = _run(capsys, "new", *argv, "--site", str(site))
        assert (code, err) == (1, "error: the site has several units, and the title names none of them\n"
                                  "  hint: choose one with --unit: baihe (白鹤镇), jinze (金泽镇), and give the command "
                                  "again with it\n"), argv
    code, _, err = _run(capsys, "new", "tally", "--site", str(site))
    assert (code, err) == (1, "error: the site has several units\n"
                              "  hint: choose one with --unit: baihe (白鹤镇), jinze (金泽镇), and give the command "
                              "again with it\n")
    code, _, err = _run(capsys, "new", "case", "白鹤镇与金泽镇", "--site", str(site))  # both named: neither chosen
    assert (code, err) == (1, "error: the site has several units, and the title names 2 of them (白鹤镇 and 金泽镇)\n"
                              "  hint: choose one with --unit: baihe (白鹤镇), jinze (金泽镇); e.g. --unit baihe, as in: "
                              f"sitegen new case --unit baihe --site {site} 白鹤镇与金泽镇\n")
    # The units the title names are offered first: the site's first unit (baihe) was the example, named or not.
    (site / "content/units/zhujiajiao.yaml").write_text("name: 朱家角镇\nlevel: town\n", encoding="utf-8")
    before = _files(site)
    code, _, err = _run(capsys, "new", "interview", "金泽镇、朱家角镇联合调研", "--site", str(site))
    assert (code, err) == (1, "error: the site has several units, and the title names 2 of them (金泽镇 and 朱家角镇)\n"
                              "  hint: choose one with --unit: jinze (金泽镇), zhujiajiao (朱家角镇), baihe (白鹤镇); "
                              "e.g. --unit jinze, as in: sitegen new interview --unit jinze --site "
                              f"{site} 金泽镇、朱家角镇联合调研\n")
    assert _files(site) == before


def test_a_new_page_whose_title_names_a_unit_in_short_is_filed_under_it(tmp_path: Path, capsys) -> None:
    # "new case 重固老街路灯修复" was refused, offering the command with the site's first unit, 白鹤镇.
    site = copy_example(tmp_path / "site")
    (site / "content/units/chonggu.yaml").write_text("name: 重固镇\nlevel: town\n", encoding="utf-8")
    code, out, err = _run(capsys, "new", "case", "重固老街路灯修复", "--site", str(site))
    written = site / "content/cases/chong-gu-lao-jie-lu-deng-xiu-fu.md"
    assert (code, out) == (0, f"wrote {written.as_posix()}\n")
    assert _front_matter(written)["unit"] == "chonggu"
    assert err.startswith("  note: unit: chonggu (重固镇), taken from the title")
    # A unit named in full goes before one named in short: 白鹤镇, not a 白鹤村 the short name 白鹤 would name too.
    (site / "content/units/baihecun.yaml").write_text("name: 白鹤村\nlevel: village\n", encoding="utf-8")
    code, out, err = _run(capsys, "new", "interview", "白鹤镇：草莓之乡", "--site", str(site))
    assert code == 0 and _front_matter(site / "content/interviews/bai-he-zhen-cao-mei-zhi-xiang.md")["unit"] == "baihe"
    code, out, err = _run(capsys, "new", "interview", "白鹤两地联合调研", "--site", str(site))  # 白鹤: baihe's alias
    assert code == 0 and _front_matter(site / "content/interviews/bai-he-liang-di-lian-he-diao-yan.md")["unit"] == "baihe"
    # Two units named in short alone are both offered, neither chosen.
    (site / "content/units/jinze.yaml").write_text("name: 金泽镇\nlevel: town\n", encoding="utf-8")
    code, _, err = _run(capsys, "new", "case", "重固金泽联合调研", "--site", str(site))
    assert code == 1 and err.startswith("error: the site has several units, and the title names 2 of them "
                                        "(重固镇 and 金泽镇)\n")


_TAKEN_NOTE = ("  note: unit: jinze (金泽镇), taken from the title; if the page is another unit's, write its id after "
               "unit: in the file (or, for a new page, give --unit and the id)\n")


def test_a_new_page_on_a_site_of_several_units_takes_the_one_its_title_names(tmp_path: Path, capsys) -> None:
    # "new interview 金泽镇：下一步" was refused ("the site has several units"), its hint naming jinze all the same.
    site = copy_example(tmp_path / "site")
    (site / "content/units/jinze.yaml").write_text("name: 金泽镇\nlevel: town\naliases: [金泽]\n", encoding="utf-8")
    code, out, err = _run(capsys, "new", "interview", "金泽镇：下一步", "--site", str(site))
    written = site / "content/interviews/jin-ze-zhen-xia-yi-bu.md"
    assert (code, out) == (0, f"wrote {written.as_posix()}\n")
    assert err.startswith(_TAKEN_NOTE + _DRAFT_NOTE)
    assert "\nunit: jinze   # " in written.read_text(encoding="utf-8")
    assert _front_matter(written)["unit"] == "jinze"
    # A case study alike; by an alias, or the name typed in full width with spaces (as check compares names).
    for title, slug in (("金泽的养老服务", "jin-ze-de-yang-lao-fu-wu"), ("金　泽　镇：路口", "jin-ze-zhen-lu-kou")):
        code, out, err = _run(capsys, "new", "case", title, "--site", str(site))
        assert (code, err.startswith(_TAKEN_NOTE + _DRAFT_NOTE)) == (0, True), title
        assert _front_matter(site / f"content/cases/{slug}.md")["unit"] == "jinze"
    # --unit given wins over the title, and says nothing of it.
    code, out, err = _run(capsys, "new", "case", "金泽镇的另一个案例", "--unit", "baihe", "--site", str(site))
    assert code == 0 and "taken from the title" not in err
    assert _front_matter(site / "content/cases/jin-ze-zhen-de-ling-yi-ge-an-li.md")["unit"] == "baihe"
    # Those taken from the title check clean; the one given --unit baihe is warned of, as check tells such a page.
    code, report = _check(capsys, site)
    assert code == 0 and "checked: 0 error(s), 1 warning(s)" in report, report
    assert "content/cases/jin-ze-zhen-de-ling-yi-ge-an-li.md:7:7: warning: the page is filed under unit baihe" in report


@pytest.mark.parametrize(("argv", "name", "hint"), [
    (["interview", "标题", "--unit", "xinzhuang"], "新庄镇",
     "if xinzhuang is a new unit, create it first: sitegen new unit 名称 --id xinzhuang --site {site} (with the "
     "unit's name in place of 名称); or, if it is a unit the site has, give its id: --unit and one of: baihe (白鹤镇)"),
    (["case", "标题", "--unit", "新庄镇"], "",
     "if 新庄镇 is a new unit, create it first: sitegen new unit 新庄镇 --site {site}, then give --unit "
     "xin-zhuang-zhen; or, if it is a unit the site has, give its id: --unit and one of: baihe (白鹤镇)"),
    (["interview", "标题", "--unit", "baihe", "--series", "renwu"], "人物访谈",
     "if renwu is a new series, create it first: sitegen new series 栏目名称 --id renwu --site {site} (with the "
     "series title in place of 栏目名称); or, if it is a series the site has, give its id: --series and one of: "
     "dadiaoyan-weifangtan (大调研微访谈)"),
])
def test_a_unit_or_series_with_no_file_yet_is_offered_the_command_that_creates_it(
        tmp_path: Path, capsys, argv: list[str], name: str, hint: str) -> None:
    # The hint gave the known ids alone ("known units: baihe"): no word on how to add the one named. Then it gave
    # them first, and a new town's page was filed under 白鹤镇: the command that creates the one named comes first.
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", *argv, "--site", str(site))
    assert code == 1 and err.splitlines()[1] == "  hint: " + hint.format(site=site)
    # Done as the hint says, the command that was refused writes its file.
    command, _, then = hint.format(site=site).split("create it first: ")[1].split("; or, ")[0].partition(", then give ")
    assert _run(capsys, *shlex.split(command.split(" (with")[0].replace("名称", name))[1:])[0] == 0
    again = [then.split()[1] if word == argv[3] and then else word for word in argv]
    assert _run(capsys, "new", *again, "--site", str(site))[0] == 0


def test_new_unit_takes_its_level_in_chinese_too(tmp_path: Path, capsys) -> None:
    # --level 镇 was refused by argparse ("invalid choice"), though the level's word on every page is 镇.
    site = copy_example(tmp_path / "site")
    for name, typed, level in (("练塘镇", "镇", "town"), ("夏阳街道", "街道", "subdistrict"), ("香花桥社区", "社区", "community"),
                               ("金泽镇", "town", "town")):
        code, out, err = _run(capsys, "new", "unit", name, "--level", typed, "--site", str(site))
        written = site / out.split()[-1]
        assert code == 0 and re.search(r"^level: (\w+)", written.read_text(encoding="utf-8"), re.M)[1] == level
        assert err.startswith(f"  note: level: {level} ({typed if typed != level else '镇'}), from --level {typed}; "
                              "if that is wrong, change level: in the file\n")


@pytest.mark.parametrize("typed, hint", [
    # 乡 wrote level: town (镇 on the pages) and exited 0, while level: 乡 in the file is refused, as the README says.
    ("乡", "write --level town, or --level 镇 as the pages show it"),
    ("居委会", "write --level community, or --level 社区 as the pages show it"),
    ("Town", "write --level town, or --level 镇 as the pages show it"),
    ("ｔｏｗｎ", "the value is typed in full width (全角): write it in half width (半角): --level town"),
])
def test_new_unit_refuses_a_level_the_unit_file_would_refuse(tmp_path: Path, capsys, typed: str, hint: str) -> None:
    site = copy_example(tmp_path / "site")
    before = _files(site)
    code, out, err = _run_exit(capsys, "new", "unit", "金泽", "--level", typed, "--site", str(site))
    assert (code, out, err.splitlines()[-1]) == (
        2, "", f'sitegen new unit: error: argument --level: "{typed}" is not one of the allowed values: {hint}')
    assert _files(site) == before
    # The file's own check says the same of level: 乡, with the value to write.
    (site / "content/units/baihe.yaml").write_text(
        (site / "content/units/baihe.yaml").read_text(encoding="utf-8").replace("level: town", f"level: {typed}"),
        encoding="utf-8")
    assert f"hint: {hint.replace('--level ', 'level: ')}" in _check(capsys, site)[1]
    # Followed, the hint writes the file; the library refuses it alike.
    assert _run(capsys, "new", "unit", "金泽", "--level", hint.split("--level ")[1].split(",")[0],
                "--site", str(site))[0] == 0
    with pytest.raises(ScaffoldError) as refused:
        new_unit(site, "练塘", level=typed)
    assert (refused.value.message, refused.value.hint) == (f'"{typed}" is not one of the allowed values for --level',
                                                           hint)


@pytest.mark.parametrize("name, note", [
    # Each was written as level: town without a word: 青浦区人民政府, the district, then had its figures added to its
    # towns' in the home page's totals.
    ("青浦区人民政府", "level: district (区), from 区 in the name: a district-level unit is the district as a whole, so "
                "beside other units' its figures are left out of the totals; if that is wrong, change level: in the "
                "file"),
    ("盈浦街道办事处", "level: subdistrict (街道), from 街道办事处 in the name; if that is wrong, change level: in the file"),
    ("蟠龙村村委会", "level: village (村), from 村委会 in the name; if that is wrong, change level: in the file"),
    ("青浦工业园区管委会", "level: park (园区), from 工业园区 in the name; if that is wrong, change level: in the file"),
    ("蟠龙村民委员会", "level: village (村), from 村民委员会 in the name; if that is wrong, change level: in the file"),
    ("香花桥社区居民委员会", "level: community (社区), from 居民委员会 in the name; if that is wrong, change level: in the "
                   "file"),
    ("赵巷镇党委", "level: town (镇), from 镇 in the name; if that is wrong, change level: in the file"),
    ("金泽乡人民政府", "level: town (镇), from 乡 in the name; if that is wrong, change level: in the file"),
    ("青浦区农委", "level: committee (委办局), from 委 in the name; if that is wrong, change level: in the file"),
    # In traditional characters (繁體字): 青浦區人民政府 was written as a town, "as the name does not say its level".
    ("青浦區人民政府", "level: district (区), from 區 in the name: a district-level unit is the district as a whole, so "
                "beside other units' its figures are left out of the totals; if that is wrong, change level: in the "
                "file"),
    ("盈浦街道辦事處", "level: subdistrict (街道), from 街道辦事處 in the name; if that is wrong, change level: in the file"),
    ("蟠龍村村委會", "level: village (村), from 村委會 in the name; if that is wrong, change level: in the file"),
    ("青浦工業園區管委會", "level: park (园区), from 工業園區 in the name; if that is wrong, change level: in the file"),
    ("香花橋社區居民委員會", "level: community (社区), from 居民委員會 in the name; if that is wrong, change level: in the "
                   "file"),
    ("白鶴鎮黨委", "level: town (镇), from 鎮 in the name; if that is wrong, change level: in the file"),
    ("金澤鄉人民政府", "level: town (镇), from 鄉 in the name; if that is wrong, change level: in the file"),
    ("金泽", "level: town (镇), as the name 金泽 does not say its level (it ends in no word such as 区, 镇, 街道, 村): if "
           "it is not a town, change level: in the file to one of: district (区), subdistrict (街道), committee (委办局), "
           "village (村), community (社区), park (园区)"),
    ("淀山湖管委会", "level: town (镇), as the name 淀山湖管委会 does not say its level (it ends in no word such as 区, 镇, "
               "街道, 村): if it is not a town, change level: in the file to one of: district (区), subdistrict (街道), "
               "committee (委办局), village (村), community (社区), park (园区)"),
])
def test_new_unit_says_the_level_it_wrote_and_why(tmp_path: Path, capsys, name: str, note: str) -> None:
    site = copy_example(tmp_path / "site")
    code, out, err = _run(capsys, "new", "unit", name, "--id", "xin", "--site", str(site))
    written = re.search(r"^level: (\w+)", (site / "content/units/xin.yaml").read_text(encoding="utf-8"), re.M)[1]
    assert (code, err, written) == (0, f"  note: {note}\n", note.split()[1])
    # What it wrote agrees with the name: the check that compares them says nothing of it.
    assert "ends in" not in _check(capsys, site)[1]


def test_new_series_says_which_lines_name_its_id(tmp_path: Path, capsys) -> None:
    # The note told a new series' id to be written in its "sitegen new tally" line, which only a unit's file has.
    site = copy_example(tmp_path / "site")
    code, out, err = _run(capsys, "new", "series", "长林街道访谈", "--site", str(site))
    written = Path(out.split()[-1])
    assert code == 0 and written.name == "zhang-lin-jie-dao-fang-tan.yaml"
    assert err == ('  note: the id zhang-lin-jie-dao-fang-tan is the pinyin of "长林街道访谈" and goes into the address '
                   "of its page; check the 多音字 长 (zhang, chang): if it reads otherwise here, rename the file now, "
                   "before any page names it, and write the new id for zhang-lin-jie-dao-fang-tan in its first line\n")
    assert "zhang-lin-jie-dao-fang-tan" in written.read_text(encoding="utf-8").splitlines()[0]
    assert "sitegen new tally" not in written.read_text(encoding="utf-8")
    # A title with no character of more than one reading is told nothing of its reading.
    code, out, err = _run(capsys, "new", "series", "乡村振兴调研", "--site", str(site))
    assert (code, out.split()[-1].endswith("xiang-cun-zhen-xing-diao-yan.yaml"), err) == (0, True, "")


_TOWN_NOTE = "  note: level: town (镇), from 镇 in the name; if that is wrong, change level: in the file\n"
_DRAFT_NOTE = "  note: it is a draft (draft: true): sitegen serve shows it; write draft: false to publish it\n"


def test_new_says_an_id_or_slug_made_from_chinese_is_to_be_checked_for_its_reading(tmp_path: Path, capsys) -> None:
    # 重固镇 (chóng gù) became zhong-gu-zhen without a word, in an address that must not change once published.
    site = copy_example(tmp_path / "site")
    code, out, err = _run(capsys, "new", "unit", "重固镇", "--site", str(site))
    assert code == 0 and out.split()[-1].endswith("content/units/zhong-gu-zhen.yaml")
    command = f"sitegen new unit --id chong-gu-zhen --site {site} 重固镇"
    assert err == (_TOWN_NOTE + '  note: the id zhong-gu-zhen is the pinyin of "重固镇" and goes into the address of '
                   "its page; check the 多音字 重 (zhong, chong): if it reads otherwise here, give the id as it "
                   "reads now, before any page names it (the file is then replaced), e.g. for chong: "
                   f"{command}\n")
    # Followed (重固 is chóng gù): the file is replaced by one of the new id, whose lines name it, and the command
    # they give works.
    written = Path(out.split()[-1])
    code, out, err = _run(capsys, *shlex.split(command)[1:])
    renamed = written.with_name("chong-gu-zhen.yaml")
    assert (code, out, err) == (0, f"wrote {renamed.as_posix()}\nremoved {written.as_posix()} (it was as \"sitegen new "
                                   'unit" wrote it)\n', _TOWN_NOTE)
    assert not written.exists()
    lines = renamed.read_text(encoding="utf-8").splitlines()
    assert "id：chong-gu-zhen" in lines[0] and "sitegen new tally --unit chong-gu-zhen " in "\n".join(lines)
    assert "zhong-gu-zhen" not in renamed.read_text(encoding="utf-8")
    code, out, err = _run(capsys, "new", "tally", "--unit", "chong-gu-zhen", "--site", str(site))
    assert code == 0 and "as_of:" in out
    # A page's slug reads 重固 as the unit's id now does; its 多音字 are named all the same (the particle 的 not:
    # it is read de wherever it stands alone, and "check 的 (de, di)" was noise in every title).
    code, out, err = _run(capsys, "new", "interview", "重固镇：新的访谈", "--unit", "chong-gu-zhen", "--site", str(site))
    assert code == 0 and err == _DRAFT_NOTE + (
        '  note: the slug chong-gu-zhen-xin-de-fang-tan is the pinyin of "重固镇：新的访谈" and goes into the page\'s '
        "address; check the 多音字 重 (zhong, chong): if it reads otherwise here, change the slug: "
        "line now, before the page is published\n")
    code, out, err = _run(capsys, "new", "case", "家门口的日间照料中心", "--unit", "chong-gu-zhen", "--site", str(site))
    assert (code, out.split()[-1].endswith("content/cases/jia-men-kou-de-ri-jian-zhao-liao-zhong-xin.md"), err) == (
        0, True, _DRAFT_NOTE)
    for given in (["unit", "华新镇", "--id", "huaxin"], ["unit", "Xujing Town"],
                  ["case", "重固镇：路口", "--unit", "chong-gu-zhen", "--slug", "chonggu-lukou"]):
        code, out, err = _run(capsys, "new", *given, "--site", str(site))
        # No note of a reading: the id was given. (A unit's level is always told: test_new_unit_says_the_level_….)
        assert (code, re.sub(r"  note: level: .*\n", "", err.replace(_DRAFT_NOTE, ""))) == (0, ""), given


def test_the_reading_note_names_the_characters_of_more_than_one_reading(tmp_path: Path, capsys) -> None:
    # The note was the same for every name ("if a character reads otherwise here (多音字) …"): 重固镇 (chóng gù)
    # did not say that 重 was the character to check, and 华新镇, with none, was told to check all the same.
    from pypinyin import Style, pinyin

    # pypinyin's own data, tones aside: 重 has three readings, each character of 华新镇 one, in the name and alone.
    assert pinyin("重固镇", style=Style.NORMAL, heteronym=True) == [["zhong", "chong", "tong"], ["gu"], ["zhen"]]
    assert pinyin("华新镇", style=Style.NORMAL, heteronym=True) == [["hua"], ["xin"], ["zhen"]]
    assert [pinyin(char, style=Style.NORMAL, heteronym=True) for char in "华新镇"] == [[["hua"]], [["xin"]], [["zhen"]]]
    site = copy_example(tmp_path / "site")
    code, out, err = _run(capsys, "new", "unit", "重固镇", "--site", str(site))
    assert code == 0 and "check the 多音字 重 (zhong, chong): if it reads otherwise here, " in err
    code, out, err = _run(capsys, "new", "unit", "华新镇", "--site", str(site))
    assert (code, out.split()[-1].endswith("content/units/hua-xin-zhen.yaml"), err) == (0, True, _TOWN_NOTE)
    # Several are named, each once, in the order of the name; a phrase pypinyin knows reads one way (重庆: chong).
    code, out, err = _run(capsys, "new", "unit", "单巷村", "--site", str(site))
    assert code == 0 and "check the 多音字 单 (dan, chan, shan), 巷 (xiang, hang): if one reads otherwise here, " in err
    code, out, err = _run(capsys, "new", "interview", "重庆", "--unit", "baihe", "--site", str(site))
    assert (code, out.split()[-1].endswith("content/interviews/chong-qing.md"), err) == (0, True, _DRAFT_NOTE)
    code, out, err = _run(capsys, "new", "interview", "重庆与重固", "--unit", "baihe", "--site", str(site))
    assert code == 0 and err == _DRAFT_NOTE + (
        '  note: the slug chong-qing-yu-zhong-gu is the pinyin of "重庆与重固" and goes into the page\'s address; '
        "check the 多音字 重 (zhong, chong): if it reads otherwise here, change the slug: line now, before the "
        "page is published\n")


def test_the_reading_note_leaves_out_readings_no_word_gives_the_character(tmp_path: Path, capsys) -> None:
    # Nearly every name was told to check some character: 白鹤镇 for 白 (bai, bo), 青浦区 for 青 (qing, jing) and
    # 区 (qu, ou), 朱家角镇 for 朱 (zhu, shu), 家 (jia, jie, gu) and 角 (jiao, jue, lu, gu): readings of old texts
    # and surnames that no place name here takes, so the note that matters (重固镇) read as noise.
    from pypinyin import Style, pinyin
    from pypinyin.phrases_dict import phrases_dict

    # pypinyin gives these readings alone, but none of its words reads 白 bo, 青 jing or 朱 shu; 角 is jue in 角色.
    assert [pinyin(char, style=Style.NORMAL, heteronym=True)[0] for char in "白青朱角"] == [
        ["bai", "bo"], ["qing", "jing"], ["zhu", "shu"], ["jiao", "jue", "lu", "gu"]]
    assert [reading[0] for reading in phrases_dict["角色"]] == ["jué", "sè"]
    site = copy_example(tmp_path / "site")
    for name, made in (("白沙镇", "bai-sha-zhen"), ("青浦区", "qing-pu-qu")):  # 沙 (sha, suo) and 区 (qu, ou) too
        code, out, err = _run(capsys, "new", "unit", name, "--site", str(site))
        assert (code, out.split()[-1].endswith(f"content/units/{made}.yaml"), "多音字" in err) == (0, True, False), name
    code, out, err = _run(capsys, "new", "unit", "朱家角镇", "--site", str(site))
    assert code == 0 and "check the 多音字 角 (jiao, jue): if it reads otherwise here, " in err
    # 巷 keeps hang (巷道), though 赵巷 is xiang: the note names what may be, the editor knows the place.
    code, out, err = _run(capsys, "new", "unit", "赵巷镇", "--site", str(site))
    assert code == 0 and "check the 多音字 巷 (xiang, hang): if it reads otherwise here, " in err


_KEPT_HINT = ('  hint: it is kept, as {why}: to give it the id chong-gu-zhen, rename it to chong-gu-zhen.yaml and write '
              'chong-gu-zhen for zhong-gu-zhen in its first line{lines}; else new pages name it by its id '
              '(--unit zhong-gu-zhen)\n')
_EXISTS = "error: a unit named 重固镇 exists already: content/units/zhong-gu-zhen.yaml (id zhong-gu-zhen)\n"


def test_new_unit_given_another_id_replaces_the_file_it_wrote_that_nothing_changed_or_names(tmp_path: Path,
                                                                                         capsys) -> None:
    # "sitegen new unit 重固镇 --id chong-gu-zhen", after "sitegen new unit 重固镇" wrote zhong-gu-zhen.yaml, was
    # refused (a unit of that name exists), its hint keeping the id the note had said to check.
    site = copy_example(tmp_path / "site")
    units = site / "content/units"
    old, new = units / "zhong-gu-zhen.yaml", units / "chong-gu-zhen.yaml"
    again = ("new", "unit", "重固镇", "--id", "chong-gu-zhen", "--site", str(site))
    replaced = (f"wrote {new.as_posix()}\n"
                f'removed {old.as_posix()} (it was as "sitegen new unit" wrote it)\n')
    # Written on another day, as new unit wrote it then: replaced, the new file as new unit writes it today.
    new_unit(site, "重固镇", now=datetime(2020, 3, 4, 9, 30))
    assert "#   - as_of: 2020-03-04   # " in old.read_text(encoding="utf-8")
    assert _run(capsys, *again) == (0, replaced, _TOWN_NOTE)
    assert not old.exists()
    assert new.read_text(encoding="utf-8") == new_unit(tmp_path / "other", "重固镇", unit_id="chong-gu-zhen",
                                                       now=datetime(2020, 3, 4)).path.read_text(encoding="utf-8")\
        .replace("2020-03-04", _today()).replace("2020-12-31", f"{_today()[:4]}-12-31")
    assert _check(capsys, site)[0] == 0
    new.unlink()

    # Changed by the editor (a summary written): kept as it is, and refused, saying why.
    assert _run(capsys, "new", "unit", "重固镇", "--site", str(site))[0] == 0
    old.write_text(old.read_text(encoding="utf-8").replace("# summary: ", "summary: 重固镇位于青浦区。 # "),
                   encoding="utf-8")
    before = _files(site)
    code, out, err = _run(capsys, *again)
    assert (code, out, err) == (1, "", _EXISTS + _KEPT_HINT.format(
        why="it is no longer as sitegen new unit wrote it (it may hold what you wrote)",
        lines=' and its "sitegen new tally" line'))
    assert _files(site) == before and not new.exists()
    old.unlink()

    # Named by a page: kept, naming the page; once no file names it, replaced.
    assert _run(capsys, "new", "unit", "重固镇", "--site", str(site))[0] == 0
    assert _run(capsys, "new", "interview", "重固镇：第一篇", "--unit", "zhong-gu-zhen", "--site", str(site))[0] == 0
    page = "content/interviews/zhong-gu-zhen-di-yi-pian.md"
    before = _files(site)
    code, out, err = _run(capsys, *again)
    assert (code, out, err) == (1, "", _EXISTS + _KEPT_HINT.format(
        why=f"{page} names its id zhong-gu-zhen", lines=f', its "sitegen new tally" line and {page}'))
    assert _files(site) == before
    (site / page).unlink()
    # … or by any other file, in any case or width, and in its name: the one refusal names them all.
    case = site / "content/cases/baihe-caomei.md"
    case.write_text(case.read_text(encoding="utf-8") + "\n另见[重固镇](/units/ZHONG-GU-ZHEN/)。\n", encoding="utf-8")
    (units / "baihe.yaml").write_text((units / "baihe.yaml").read_text(encoding="utf-8")
                                      + "distinct_from: [ｚｈｏｎｇ-ｇｕ-ｚｈｅｎ]\n", encoding="utf-8")
    (site / "content/images/zhong-gu-zhen").mkdir()
    (site / "content/images/zhong-gu-zhen/lao-jie.svg").write_text("<svg/>", encoding="utf-8")
    code, out, err = _run(capsys, *again)
    assert (code, out, err) == (1, "", _EXISTS + _KEPT_HINT.format(
        why="content/cases/baihe-caomei.md, content/images/zhong-gu-zhen/lao-jie.svg and content/units/baihe.yaml "
            "name its id zhong-gu-zhen", lines=', its "sitegen new tally" line and those files'))
    # A longer id that holds it, a backup the build skips: neither names it.
    for path in (case, units / "baihe.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("ZHONG-GU-ZHEN", "zhong-gu-zhen-xin-lian-cun")
                        .replace("ｚｈｏｎｇ-ｇｕ-ｚｈｅｎ", "zhong-gu-zhen-2"), encoding="utf-8")
    (site / "content/images/zhong-gu-zhen/lao-jie.svg").rename(site / "content/images/lao-jie.svg")
    (site / "content/images/zhong-gu-zhen").rmdir()
    (site / "content/cases/old.md~").write_text("unit: zhong-gu-zhen\n", encoding="utf-8")
    assert _run(capsys, *again) == (0, replaced, _TOWN_NOTE)
    assert not old.exists() and new.is_file()
    new.unlink()

    # Written with --level: replaced only with that level (or another given), never with the guessed one unsaid.
    assert _run(capsys, "new", "unit", "重固镇", "--level", "park", "--site", str(site))[0] == 0
    before = _files(site)
    code, out, err = _run(capsys, *again)
    assert (code, out, err) == (1, "", _EXISTS + (
        "  hint: it was written with level: park, and this command would write level: town: to replace it, give the "
        "level it was written with (or the one meant): --level park, as in: sitegen new unit --id chong-gu-zhen "
        f"--level park --site {site} 重固镇\n"))
    assert _files(site) == before
    code, out, err = _run(capsys, *_retyped(err))
    assert (code, out) == (0, replaced) and "\nlevel: park   # " in new.read_text(encoding="utf-8")
    # The same id again is refused as before: the file is there.
    code, out, err = _run(capsys, "new", "unit", "重固镇", "--id", "chong-gu-zhen", "--site", str(site))
    assert (code, err.splitlines()[0]) == (1, "error: a unit named 重固镇 exists already: "
                                              "content/units/chong-gu-zhen.yaml (id chong-gu-zhen)")
    # A unit file new unit did not begin (the example's baihe.yaml) is refused as ever, another id or not.
    before = _files(site)
    assert _run(capsys, "new", "unit", "白鹤镇", "--id", "bai-he-zhen", "--site", str(site)) == (
        1, "", "error: a unit named 白鹤镇 exists already: content/units/baihe.yaml (id baihe)\n"
               "  hint: new pages name it by its id (--unit baihe); for its new figures: sitegen new tally --unit baihe\n")
    assert _files(site) == before


def test_a_new_pages_slug_reads_a_unit_name_as_the_units_id_does(tmp_path: Path, capsys) -> None:
    # The unit's file is chonggu.yaml, so 重 reads chóng in 重固 here; the new case was still given
    # zhong-gu-lao-jie-…, pypinyin's reading out of context, in an address that must not change once published.
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", "重固镇", "--id", "chonggu", "--site", str(site))[0] == 0
    code, out, _ = _run(capsys, "new", "case", "重固老街路灯修复", "--unit", "chonggu", "--site", str(site))
    assert code == 0 and out.split()[-1].endswith("content/cases/chong-gu-lao-jie-lu-deng-xiu-fu.md")
    code, out, _ = _run(capsys, "new", "interview", "重固镇：把问题解决在家门口", "--unit", "chonggu", "--site", str(site))
    assert out.split()[-1].endswith("content/interviews/chong-gu-zhen-ba-wen-ti-jie-jue-zai-jia-men-kou.md")
    text = (site / "content/interviews/chong-gu-zhen-ba-wen-ti-jie-jue-zai-jia-men-kou.md").read_text(encoding="utf-8")
    assert "\nslug: chong-gu-zhen-ba-wen-ti-jie-jue-zai-jia-men-kou " in text
    # A name whose id is pypinyin's reading (白鹤镇, baihe) and a title naming no unit are read as before.
    code, out, _ = _run(capsys, "new", "case", "白鹤镇重点工作", "--unit", "baihe", "--site", str(site))
    assert out.split()[-1].endswith("content/cases/bai-he-zhen-zhong-dian-gong-zuo.md")
    # A new unit or series named after the unit reads it so too (it was zhong-gu-zhen-xin-lian-cun).
    code, out, _ = _run(capsys, "new", "unit", "重固镇新联村", "--site", str(site))
    assert code == 0 and out.split()[-1].endswith("content/units/chong-gu-zhen-xin-lian-cun.yaml")
    code, out, _ = _run(capsys, "new", "series", "重固镇访谈", "--site", str(site))
    assert code == 0 and out.split()[-1].endswith("content/series/chong-gu-zhen-fang-tan.yaml")


def test_new_unit_says_an_id_a_spreadsheet_reads_as_a_number_or_a_date_is_to_be_renamed(tmp_path: Path,
                                                                                        capsys) -> None:
    # --id 310118101000 (an administrative code) and --id 1-12 were written without a word: Excel shows the
    # first as 3.10118E+11 and the second as 12-Jan in the open data's unit_id and id columns.
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "unit", "华新镇", "--id", "310118101000", "--site", str(site))
    assert code == 0 and err == _TOWN_NOTE + (
        "  note: a spreadsheet (Excel) reads the id 310118101000 as the number 3.10118E+11, so the open data's "
        "unit_id and id columns would not show it: rename the file now, before any page names it, to "
        "hua-xin-zhen.yaml (the pinyin of the name) or zhen-310118101000.yaml\n")
    code, _, err = _run(capsys, "new", "unit", "赵巷", "--id", "1-12", "--level", "街道", "--site", str(site))
    assert code == 0 and err.endswith("reads the id 1-12 as a date, so the open data's unit_id and id columns would "
                                      "not show it: rename the file now, before any page names it, to zhao-xiang.yaml "
                                      "(the pinyin of the name) or jie-dao-1-12.yaml\n")
    # Followed: the file renamed as offered checks clean of it.
    (site / "content/units/310118101000.yaml").rename(site / "content/units/zhen-310118101000.yaml")
    (site / "content/units/1-12.yaml").rename(site / "content/units/zhao-xiang.yaml")
    code, report = _check(capsys, site)
    assert "spreadsheet" not in report


def test_new_needs_a_site_and_a_series(tmp_path: Path, capsys) -> None:
    code, _, err = _run(capsys, "new", "unit", "白鹤镇", "--site", str(tmp_path / "nowhere"))
    assert code == 1 and "does not exist" in err and "sitegen init" in err
    (tmp_path / "empty").mkdir()
    code, _, err = _run(capsys, "new", "unit", "白鹤镇", "--site", str(tmp_path / "empty"))
    assert code == 1 and "no site.yaml" in err and "sitegen init" in err
    site = write_site(tmp_path / "site", {}, records=False)
    assert _run(capsys, "new", "unit", "白鹤镇", "--id", "baihe", "--site", str(site))[0] == 0
    code, _, err = _run(capsys, "new", "interview", "标题", "--unit", "baihe", "--site", str(site))
    assert code == 1 and "no series yet" in err and "sitegen new series" in err
    assert _run(capsys, "new", "series", "甲栏目", "--id", "jia", "--site", str(site))[0] == 0
    assert _run(capsys, "new", "series", "乙栏目", "--id", "yi", "--site", str(site))[0] == 0
    code, _, err = _run(capsys, "new", "interview", "标题", "--unit", "baihe", "--site", str(site))
    assert code == 1 and "choose one with --series: jia, yi" in err


def test_a_file_the_system_will_not_write_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    # Both ended in a Python traceback (NotADirectoryError, FileExistsError from mkdir).
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    hint = ("  hint: check that every folder on the way is a folder, not a file, and that you may write there "
            "(a folder shared read-only, or synced by another program, may refuse)\n")
    assert _run(capsys, "init", str(tmp_path / "afile" / "site")) == (
        1, "", f"error: cannot write {(tmp_path / 'afile/site/site.yaml').as_posix()}: Not a directory\n" + hint)
    site = write_site(tmp_path / "site", {"content/cases": "x"})
    assert _run(capsys, "new", "case", "标题", "--unit", "baihe", "--site", str(site)) == (
        1, "", f"error: cannot write {(site / 'content/cases/biao-ti.md').as_posix()}: "
               "a file of that name is where a folder should be\n" + hint)


def test_init_that_fails_half_way_leaves_the_folder_empty_to_try_again(tmp_path: Path, capsys,
                                                                        monkeypatch) -> None:
    from sitegen import scaffold
    write = scaffold._write_new

    def refuse_units(root: Path, rel: str, text: str) -> Path:
        if rel.startswith("content/units/"):
            raise scaffold.ScaffoldError("cannot write it: Permission denied")
        return write(root, rel, text)
    monkeypatch.setattr(scaffold, "_write_new", refuse_units)
    assert _run(capsys, "init", str(tmp_path / "site"))[0] == 1
    assert not (tmp_path / "site").exists()
    monkeypatch.setattr(scaffold, "_write_new", write)
    assert _run(capsys, "init", str(tmp_path / "site"))[0] == 0


def test_a_word_or_wps_lock_file_is_not_a_second_series(tmp_path: Path, capsys) -> None:
    # WPS leaves "~$dadiaoyan.yaml" (hidden on Windows) while the series file is open there.
    site = write_site(tmp_path / "site", {"content/series/~$dadiaoyan.yaml": b"\x00owner"})
    code, out, err = _run(capsys, "new", "interview", "标题", "--unit", "baihe", "--site", str(site))
    assert (code, out) == (0, "wrote " + (site / "content/interviews/biao-ti.md").as_posix() + "\n")
    assert err == _DRAFT_NOTE  # no error, and no 多音字 to check in 标题
    assert _front_matter(site / "content/interviews/biao-ti.md")["series"] == "dadiaoyan"


@pytest.mark.parametrize("title", ["白鹤镇：补好短板", "做大: 草莓 #1", "[草稿] 访谈", '“引号”和"quotes"',
                                   "- 列表", "yes", "null", "a\\b", "  前后空格  "])
def test_titles_are_written_so_they_read_back_exactly(tmp_path: Path, capsys, title: str) -> None:
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "interview", title, "--unit", "baihe", "--slug", "t", "--site", str(site))
    assert code == 0, err
    assert _front_matter(site / "content" / "interviews" / "t.md")["title"] == title.strip()
    assert _check(capsys, site)[0] == 0
    assert yaml_text(title.strip()) in (site / "content" / "interviews" / "t.md").read_text(encoding="utf-8")


def test_a_unit_given_by_its_name_gets_its_id_as_the_hint(tmp_path: Path, capsys) -> None:
    # "new interview --unit 示例镇" listed the known ids; `sitegen check` says "write the id, not the name".
    root = tmp_path / "site"
    assert main(["init", str(root)]) == 0
    capsys.readouterr()
    assert main(["new", "interview", "测试", "--site", str(root), "--unit", "示例镇"]) == 1
    assert capsys.readouterr().err == ('error: there is no unit "示例镇" (no content/units/示例镇.yaml)\n'
                                       "  hint: the unit 示例镇 has the id shi-li-zhen: write --unit shi-li-zhen, as in: "
                                       f"sitegen new interview --unit shi-li-zhen --site {root} 测试\n")


@pytest.mark.parametrize(("given", "hint"), [
    ("青浦区白鹤镇", "did you mean the unit 白鹤镇? write --unit baihe, as in: sitegen new interview --unit baihe --site "
                "SITE 测试; or, if 青浦区白鹤镇 is a new unit, create it first: sitegen new unit 青浦区白鹤镇, then give "
                "--unit qing-pu-qu-bai-he-zhen"),
    ("白鹤镇镇", "did you mean the unit 白鹤镇? write --unit baihe, as in: sitegen new interview --unit baihe --site SITE "
              "测试; or, if 白鹤镇镇 is a new unit, create it first: sitegen new unit 白鹤镇镇, then give --unit "
              "bai-he-zhen-zhen"),
    ("待定", '"待定" stands for a unit not known yet: known units: baihe'),
])
def test_a_unit_given_by_a_name_holding_its_name_or_as_not_known_yet_gets_the_id(tmp_path: Path, capsys, given: str,
                                                                               hint: str) -> None:
    # Each was offered "sitegen new unit …": followed, a second 白鹤镇 or a town named 待定 was published.
    site = copy_example(tmp_path / "site")
    assert main(["new", "interview", "测试", "--site", str(site), "--unit", given]) == 1
    assert capsys.readouterr().err == (f'error: there is no unit "{given}" (no content/units/{given}.yaml)\n'
                                       f"  hint: {hint}\n").replace(f"new unit {given},",
                                                                    f"new unit {given} --site {site},").replace(
                                                                        "SITE", str(site))


def test_a_series_given_by_a_part_of_its_title_gets_its_id(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    assert main(["new", "interview", "测试", "--site", str(site), "--unit", "baihe", "--series", "大调研"]) == 1
    assert capsys.readouterr().err == ('error: there is no series "大调研" (no content/series/大调研.yaml)\n'
                                       "  hint: did you mean the series 大调研微访谈? write --series "
                                       "dadiaoyan-weifangtan, as in: sitegen new interview --unit baihe --series "
                                       f"dadiaoyan-weifangtan --site {site} 测试\n")


_HAS_ID = "the unit 白鹤镇 has the id baihe: write --unit baihe"
_MISSPELT = "{given} is a misspelling of the unit name 白鹤镇, which has the id baihe: write --unit baihe"
_HEARD = ("{given} reads the same as the unit 白鹤镇 (bai-he-zhen), which has the id baihe: write --unit baihe{as_in}; "
          "or, if {given} is another place, create it first: sitegen new unit {given} --site {site}, then give "
          "--unit bai-he-zhen")


def _retyped(err: str) -> list[str]:
    """The command a hint gives after "as in: ", as the words a Unix shell passes (without "sitegen")."""
    command = err.split(", as in: ", 1)[1].split("; or, ", 1)[0].strip()
    words = shlex.split(command)
    assert words[0] == "sitegen"
    return words[1:]


@pytest.mark.parametrize(("given", "hint"), [
    ("白鹤镇", _HAS_ID),  # the name, where the id is asked
    ("白鹤", _HAS_ID),  # an alias (aliases: [白鹤])
    ("白鹤 镇", _HAS_ID), ("白鹤镇　", _HAS_ID), (" 白 鹤 镇 ", _HAS_ID),  # spaces, a full-width space
    ("白河镇", _MISSPELT), ("百合镇", _MISSPELT), ("白 河 镇", _MISSPELT),  # misspellings: [白河镇, 百合镇]
    ("白鶴镇", _HEARD),  # read as 白鹤镇 is: bai-he-zhen
])
@pytest.mark.parametrize("kind", ["interview", "case", "tally"])
def test_a_unit_given_by_its_name_is_told_its_id_in_the_command_to_type_again(tmp_path: Path, capsys, given: str,
                                                                              hint: str, kind: str) -> None:
    # "new interview --unit 白鹤镇" beside baihe.yaml (name: 白鹤镇) was offered "sitegen new unit 白鹤镇 … --unit
    # bai-he-zhen": followed, a second 白鹤镇 was published, with the page under it.
    site = copy_example(tmp_path / "我的 站点")
    title = [] if kind == "tally" else ["白鹤镇：守护古文化 建设美丽新白鹤"]
    slug = [] if kind == "tally" else ["--slug", "shou-hu"]
    code, out, err = _run(capsys, "new", kind, *title, "--unit", given, *slug, "--site", str(site))
    again = (f"sitegen new {kind} --unit baihe" + (" --slug shou-hu" if slug else "") + f' --site "{site}"'
             + (' "白鹤镇：守护古文化 建设美丽新白鹤"' if title else ""))
    told = hint.format(given=given, as_in=f", as in: {again}", site=f'"{site}"')
    if hint != _HEARD:
        told += f", as in: {again}"
    assert (code, out, err) == (1, "", f'error: there is no unit "{given}" (no content/units/{given}.yaml)\n'
                                       f"  hint: {told}\n")
    assert sorted(p.name for p in (site / "content" / "units").iterdir()) == ["baihe.yaml"]

    # Typed as given, the command writes the page (or prints the tally) of 白鹤镇, and the site checks clean.
    code, out, err = _run(capsys, *_retyped(err))
    assert code == 0, err
    if kind == "tally":
        assert out.startswith(f"  - as_of: {_today()}") and "content/units/baihe.yaml" in err
    else:
        page = site / "content" / f"{kind}s" / "shou-hu.md"
        assert _front_matter(page)["unit"] == "baihe"
        assert _front_matter(page)["title"] == "白鹤镇：守护古文化 建设美丽新白鹤"
        assert _check(capsys, site)[0] == 0
    assert sorted(p.name for p in (site / "content" / "units").iterdir()) == ["baihe.yaml"]


@pytest.mark.parametrize(("kind", "given", "reason"), [
    ("interview", "ｂａｉｈｅ", "the id is typed in full width (全角): write it in half width (半角)"),
    ("case", "Baihe", "the id is typed with capitals: write it in lower case (小写), as its file name is"),
    ("tally", "ＢＡＩＨＥ", "the id is typed in full width (全角) and with capitals: write it in half width (半角) and in "
                        "lower case (小写)"),
    # It was told "typed in full width" (the spaces are taken off before the forms are compared).
    ("interview", "baihe ", "the id is typed with a space before or after it: write it without"),
    ("case", " baihe", "the id is typed with a space before or after it: write it without"),
])
def test_an_id_typed_in_full_width_or_capitals_is_told_the_command(tmp_path: Path, capsys, kind: str, given: str,
                                                                    reason: str) -> None:
    site = copy_example(tmp_path / "site")
    title = [] if kind == "tally" else ["标题"]
    code, _, err = _run(capsys, "new", kind, *title, "--unit", given, "--site", str(site))
    again = f"sitegen new {kind} --unit baihe --site {site}" + (" 标题" if title else "")
    assert (code, err) == (1, f'error: there is no unit "{given}" (no content/units/{given}.yaml)\n'
                              f"  hint: {reason}: --unit baihe, as in: {again}\n")
    assert _run(capsys, *_retyped(err))[0] == 0
    if title:
        assert _front_matter(site / "content" / f"{kind}s" / "biao-ti.md")["unit"] == "baihe"


def test_a_series_given_by_its_title_is_told_its_id_in_the_command_to_type_again(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "interview", "测试", "--series", "大调研 微访谈", "--site", str(site))
    assert (code, err) == (1, 'error: there is no series "大调研 微访谈" (no content/series/大调研 微访谈.yaml)\n'
                              "  hint: the series 大调研微访谈 has the id dadiaoyan-weifangtan: write --series "
                              "dadiaoyan-weifangtan, as in: sitegen new interview --series dadiaoyan-weifangtan "
                              f"--site {site} 测试\n")
    assert _run(capsys, *_retyped(err))[0] == 0
    page = site / "content" / "interviews" / "ce-shi.md"
    assert (_front_matter(page)["series"], _front_matter(page)["unit"]) == ("dadiaoyan-weifangtan", "baihe")


def test_with_several_series_the_series_is_asked_first_and_the_units_command_then_holds_it(
        tmp_path: Path, capsys) -> None:
    # The hint for --unit 白鹤镇 gave "sitegen new interview --unit baihe 标题", which, pasted, was refused:
    # "the site has several series".
    site = copy_example(tmp_path / "site")
    (site / "content/series/renwu.yaml").write_text("title: 人物专访\nblurb: 各单位负责人谈工作。\n", encoding="utf-8")
    code, _, err = _run(capsys, "new", "interview", "标题", "--unit", "白鹤镇", "--site", str(site))
    assert (code, err) == (1, "error: the site has several series\n"
                              "  hint: choose one with --series: dadiaoyan-weifangtan, renwu\n")
    code, _, err = _run(capsys, "new", "interview", "标题", "--unit", "白鹤镇", "--series", "renwu", "--site", str(site))
    assert (code, err) == (1, 'error: there is no unit "白鹤镇" (no content/units/白鹤镇.yaml)\n'
                              f"  hint: {_HAS_ID}, as in: sitegen new interview --unit baihe --series renwu "
                              f"--site {site} 标题\n")
    assert _run(capsys, *_retyped(err))[0] == 0
    page = site / "content" / "interviews" / "biao-ti.md"
    assert (_front_matter(page)["series"], _front_matter(page)["unit"]) == ("renwu", "baihe")


def test_a_unit_name_given_to_the_library_is_told_its_id_without_a_command(tmp_path: Path) -> None:
    from sitegen.scaffold import ScaffoldError, new_case
    site = copy_example(tmp_path / "site")
    with pytest.raises(ScaffoldError) as refused:
        new_case(site, "标题", unit="白鹤镇")
    assert (refused.value.hint, refused.value.retype) == (_HAS_ID, ("--unit", "baihe"))
    assert refused.value.hint_with(None) == _HAS_ID


@pytest.mark.parametrize("title", ['他说"补短板"', "省下$100", "`代码`", "加油!干", "a\\b"])
def test_a_title_no_shell_types_alike_gets_the_hint_without_a_command(tmp_path: Path, capsys, title: str) -> None:
    # Pasted, "sitegen new case --unit baihe 他说"补短板"" would write the title 他说补短板 in a Unix shell.
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "case", title, "--unit", "白鹤镇", "--slug", "x", "--site", str(site))
    assert (code, err) == (1, f'error: there is no unit "白鹤镇" (no content/units/白鹤镇.yaml)\n  hint: {_HAS_ID}\n')


def test_a_title_starting_with_a_dash_is_given_again_after_two_dashes(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "case", "--unit", "白鹤", "--slug", "x", "--site", str(site), "--", "-标题")
    assert err.endswith(f", as in: sitegen new case --unit baihe --slug x --site {site} -- -标题\n")
    assert _run(capsys, *_retyped(err))[0] == 0
    assert _front_matter(site / "content" / "cases" / "x.md")["title"] == "-标题"


@pytest.mark.parametrize(("kind", "typed", "field", "options"), [
    ("interview", "-3号楼整改", "title", ["--unit", "baihe"]),
    ("case", "-第三期", "title", ["--slug", "x"]),
    ("unit", "-１号片区", "name", ["--level", "village"]),
])
def test_a_title_starting_with_a_dash_typed_without_two_dashes_is_told_the_command(
        tmp_path: Path, capsys, kind: str, typed: str, field: str, options: list[str]) -> None:
    # argparse read "-3号楼整改" as an option it did not know and said "the following arguments are required: TITLE".
    site = copy_example(tmp_path / "site")
    with pytest.raises(SystemExit) as exited:
        main(["new", kind, typed, *options, "--site", str(site)])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err.endswith(f'sitegen new {kind}: error: "{typed}" starts with "-", so it is read as an option, not as the '
                        f"{field}: type -- before the {field}, after the options: sitegen new {kind} "
                        f"{' '.join(options)} --site {site} -- {typed}\n")
    words = shlex.split(err.rsplit("after the options: ", 1)[1])
    assert _run(capsys, *words[1:])[0] == 0
    written = max((site / "content").glob("*/*.*"), key=lambda path: path.stat().st_mtime_ns)
    if kind == "unit":
        assert load_yaml(written.read_text(encoding="utf-8"), written.name, Report()).value["name"] == typed
    else:
        assert _front_matter(written)["title"] == typed


@pytest.mark.parametrize(("given", "hint"), [
    # 白鹤 is in two units' names: one of them is meant, not a third unit named 白鹤.
    ("白鹤", "did you mean one of: baihe (白鹤镇), baihecun (白鹤村)? write --unit and the id of the one meant"),
    ("白 鹤", "did you mean one of: baihe (白鹤镇), baihecun (白鹤村)? write --unit and the id of the one meant"),
    ("白鹤村", "the unit 白鹤村 has the id baihecun: write --unit baihecun, as in: sitegen new interview --unit "
            "baihecun --site SITE 测试"),
    # No unit has that name, or a part of it, or its sound: a new unit is offered, as before.
    ("新庄镇", "if 新庄镇 is a new unit, create it first: sitegen new unit 新庄镇 --site SITE, then give --unit "
            "xin-zhuang-zhen; or, if it is a unit the site has, give its id: --unit and one of: baihe (白鹤镇), "
            "baihecun (白鹤村)"),
])
def test_a_unit_name_beside_units_of_like_names(tmp_path: Path, capsys, given: str, hint: str) -> None:
    site = write_site(tmp_path / "site", {"content/units/baihecun.yaml": "name: 白鹤村\nlevel: village\n"})
    code, _, err = _run(capsys, "new", "interview", "测试", "--unit", given, "--site", str(site))
    assert (code, err) == (1, f'error: there is no unit "{given}" (no content/units/{given}.yaml)\n'
                              f"  hint: {hint.replace('SITE', str(site))}\n")


@pytest.mark.parametrize(("given", "hint"), [
    ("白鹤镇", _HAS_ID), ("白河镇", _MISSPELT.format(given="白河镇")),
    ("青浦区白鹤镇", "did you mean the unit 白鹤镇? write --unit baihe"),
])
def test_a_copy_of_a_unit_file_is_no_second_unit_to_choose(tmp_path: Path, capsys, given: str, hint: str) -> None:
    # "baihe - 副本.yaml" (a copy Windows made, which the build does not read) was listed beside baihe as a unit.
    site = copy_example(tmp_path / "site")
    unit = site / "content/units/baihe.yaml"
    (site / "content/units/baihe - 副本.yaml").write_bytes(unit.read_bytes())
    code, _, err = _run(capsys, "new", "case", "测试", "--unit", given, "--site", str(site))
    assert code == 1 and err.startswith(f'error: there is no unit "{given}" (no content/units/{given}.yaml)\n'
                                        f"  hint: {hint}, as in: sitegen new case --unit baihe --site {site} 测试")
    assert _run(capsys, *_retyped(err))[0] == 0
    assert _front_matter(site / "content/cases/ce-shi.md")["unit"] == "baihe"


def test_a_unit_name_missing_its_ending_is_told_the_unit_with_it(tmp_path: Path, capsys) -> None:
    # No alias 白鹤 here: 白鹤 is a part of the name 白鹤镇, and no unit of its own is offered.
    site = write_site(tmp_path / "site", {})
    code, _, err = _run(capsys, "new", "case", "测试", "--unit", "白 鹤", "--site", str(site))
    assert (code, err) == (1, 'error: there is no unit "白 鹤" (no content/units/白 鹤.yaml)\n'
                              "  hint: did you mean the unit 白鹤镇? write --unit baihe, as in: sitegen new case "
                              f"--unit baihe --site {site} 测试\n")
    assert _run(capsys, *_retyped(err))[0] == 0
    assert _front_matter(site / "content" / "cases" / "ce-shi.md")["unit"] == "baihe"


@pytest.mark.parametrize(("title", "holds"), [("标题\t带TAB", "a TAB"), ("标题\n两行", "a line break"),
                                              ("标题\x07", "U+0007"), ("标题\u2028分行", "a line break (U+2028)")])
def test_a_title_with_a_tab_or_line_break_is_refused(tmp_path: Path, capsys, title: str, holds: str) -> None:
    # "new case" wrote title: "标题\t带TAB", which check then warned of; the hint's quotes would publish \t.
    site = copy_example(tmp_path / "site")
    code, _, err = _run(capsys, "new", "case", title, "--unit", "baihe", "--site", str(site))
    assert code == 1 and err == f"error: the title holds {holds}\n  hint: write the title on one line, with spaces only\n"
    assert not list((site / "content" / "cases").glob("*标题*"))


def test_new_tally_leaves_batches_out_when_the_latest_tally_has_none(tmp_path: Path, capsys) -> None:
    # It printed "batches: 0", which pasted as 调研批次 0 批.
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    text = unit.read_text(encoding="utf-8")
    last = text.index("\ntargets:")
    unit.write_text(text[:last] + "\n  - as_of: 2018-05-26\n    collected: 300\n    escalated: 143\n"
                    "    resolved: 105\n    in_progress: 52\n" + text[last:], encoding="utf-8")
    code, out, _ = _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site))
    assert code == 0 and "\n    # batches: 0   # " in out
    assert [int(n) for n in re.findall(r"^    \w+: (\d+)", out, re.MULTILINE)] == [300, 143, 105, 52]


def test_new_tally_says_when_the_latest_tally_it_starts_from_does_not_add_up(tmp_path: Path, capsys) -> None:
    # It printed in_progress: 51 from a latest tally that did not add up, without a word: pasted, the sum's error
    # came back in the new tally.
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("in_progress: 50", "in_progress: 51"), encoding="utf-8")
    code, out, err = _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site))
    assert code == 0 and "    in_progress: 51 " in out
    assert err.endswith(
        "  hint: the latest tally (2018-04-26), whose figures these lines start from, does not add up (escalated 143 + "
        "resolved 103 + in progress 51 = 297, but collected is 296): mend it first, then write the new figures as "
        "counted, so that they add up\n")
    unit.write_text(unit.read_text(encoding="utf-8").replace("in_progress: 51", "in_progress: 50"), encoding="utf-8")
    assert "does not add up" not in _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site))[2]


_PASTE = ("paste these lines under tallies: in content/units/baihe.yaml, after the last tally (oldest first), then "
          "write in as_of the day the figures were counted (截至日期; it says today) and change the figures that "
          "changed; sitegen does not change your file.\n")
_GBK_WARNING = ("content/units/baihe.yaml: warning: the file is saved as GBK/GB18030, not UTF-8; it was read as GB18030\n"
                "  hint: open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again\n")


def _latest_tally_lines(day: str) -> str:
    return (f"  - as_of: {day}   # 截至日期：以下都是到这一天的数字 figures as of this day\n"
            "    batches: 318   # 调研批次（可删去）survey batches (optional)\n"
            "    collected: 296   # 收集问题清单 issue lists collected\n"
            "    escalated: 143   # 提交区级 escalated to the district\n"
            "    resolved: 103   # 已解决 resolved\n"
            "    in_progress: 50   # 办理中 in progress; 提交区级 + 已解决 + 办理中 = 收集\n"
            "    # note: 数据来源   # 说明，如数据来源 note, e.g. where the figures come from\n")


@pytest.mark.parametrize(("encode", "warned"), [
    (lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), ""),  # Notepad's "UTF-8" (with a BOM)
    (lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"), ""),  # … on Windows line ends
    (lambda text: text.replace("\n", "\r\n").encode("gb18030"), _GBK_WARNING),  # Notepad's "ANSI"
], ids=["bom", "bom-crlf", "gb18030"])
def test_new_tally_reads_the_unit_file_as_the_build_does(tmp_path: Path, capsys, encode, warned: str) -> None:
    # Read as UTF-8 with errors replaced, a BOM file gave a tally of zeros, and a second one for today.
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    saved = encode(unit.read_text(encoding="utf-8"))
    unit.write_bytes(saved)
    assert _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site)) == (
        0, _latest_tally_lines(_today()), warned + _PASTE)
    assert unit.read_bytes() == saved  # new writes nothing into an editor's file, whatever its encoding

    # With today's tally in it (typed on the file's own line ends), the file is refused as a UTF-8 one is.
    line_end = b"\r\n" if b"\r\n" in saved else b"\n"
    codec = "gb18030" if warned else "utf-8"
    today = (f"  - as_of: {_today()}{line_end.decode()}    collected: 300{line_end.decode()}    escalated: 143"
             f"{line_end.decode()}    resolved: 105{line_end.decode()}    in_progress: 52{line_end.decode()}")
    at = saved.index(line_end + b"targets:")
    unit.write_bytes(saved[:at + len(line_end)] + today.encode(codec) + saved[at + len(line_end):])
    assert _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site)) == (
        1, "", f"error: content/units/baihe.yaml has a tally of {_today()} (today) already\n"
               "  hint: change its figures in place: a unit has one tally per date\n")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_new_tally_refuses_a_utf16_unit_file_as_the_build_does(tmp_path: Path, capsys, codec: str) -> None:
    # It said 'the file has no "tallies:" line yet', of a file with four tallies saved as "Unicode".
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    saved = unit.read_text(encoding="utf-8").encode(codec)
    unit.write_bytes(saved)
    assert _run(capsys, "new", "tally", "--unit", "baihe", "--site", str(site)) == (
        1, "", 'content/units/baihe.yaml:1:1: error: the file is saved as UTF-16 ("Unicode"), not UTF-8\n'
               "  hint: open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again\n")
    assert unit.read_bytes() == saved


def test_new_unit_refuses_a_name_in_traditional_characters_of_a_unit_there_is(tmp_path: Path, capsys) -> None:
    # 華新鎮 beside 华新镇 (hua-xin-zhen.yaml) was told "choose another id: --id hua-xin-zhen-2", which wrote a
    # second unit for the same town.
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", "华新镇", "--site", str(site))[0] == 0
    before = _files(site)
    assert _run(capsys, "new", "unit", "華新鎮", "--site", str(site)) == (
        1, "", "error: 華新鎮 reads the same as the unit 华新镇 (hua-xin-zhen, 同音), which exists already: "
               "content/units/hua-xin-zhen.yaml (id hua-xin-zhen)\n"
               "  hint: if it is that place, new pages name it by its id (--unit hua-xin-zhen); for its new figures: "
               "sitegen new tally --unit hua-xin-zhen; if 華新鎮 is another place, first add the line "
               "distinct_from: [hua-xin-zhen-2] to content/units/hua-xin-zhen.yaml, then give the command again "
               f"with --id hua-xin-zhen-2, as in: sitegen new unit --id hua-xin-zhen-2 --site {site} 華新鎮\n")
    assert _files(site) == before
    # An id of its own was the way round the refusal: 華新鎮 --id hxz wrote a second 华新镇.
    assert _run(capsys, "new", "unit", "華新鎮", "--id", "hxz", "--site", str(site))[0] == 1
    assert _files(site) == before
    # The hint followed for another place gives a unit check takes without a warning.
    first = site / "content/units/hua-xin-zhen.yaml"
    first.write_text(first.read_text(encoding="utf-8") + "distinct_from: [hua-xin-zhen-2]\n", encoding="utf-8")
    assert _run(capsys, "new", "unit", "--id", "hua-xin-zhen-2", "--site", str(site), "華新鎮")[0] == 0
    assert (site / "content/units/hua-xin-zhen-2.yaml").is_file()
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")
    # A unit that lists the new id in distinct_from is told apart from it, as check tells them apart.
    baihe = site / "content/units/baihe.yaml"
    baihe.write_text(baihe.read_text(encoding="utf-8") + "distinct_from: [bai-he-zhen]\n", encoding="utf-8")
    assert _run(capsys, "new", "unit", "白鶴镇", "--site", str(site))[0] == 0
    assert (site / "content/units/bai-he-zhen.yaml").is_file()


def test_new_unit_reading_as_units_with_distinct_from_is_told_to_add_its_id_to_their_lists(tmp_path: Path,
                                                                                          capsys) -> None:
    # A file with distinct_from: already, told to add the line, would hold the key twice, which YAML refuses.
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", "华新镇", "--site", str(site))[0] == 0
    first = site / "content/units/hua-xin-zhen.yaml"
    first.write_text(first.read_text(encoding="utf-8") + "distinct_from: [hua-xin-zhen-2]\n", encoding="utf-8")
    assert _run(capsys, "new", "unit", "華新鎮", "--id", "hua-xin-zhen-2", "--site", str(site))[0] == 0
    before = _files(site)
    assert _run(capsys, "new", "unit", "华新真", "--id", "hx3", "--site", str(site)) == (
        1, "", "error: 华新真 reads the same as 2 units (hua-xin-zhen, 同音): hua-xin-zhen (华新镇), "
               "hua-xin-zhen-2 (華新鎮)\n"
               "  hint: if it is one of them, new pages name it by its id (--unit and the id); if 华新真 is another "
               "place, first add the line distinct_from: [hx3] to content/units/hua-xin-zhen-2.yaml and add hx3 to "
               "the distinct_from list of content/units/hua-xin-zhen.yaml, then give the command again with --id "
               f"hx3, as in: sitegen new unit --id hx3 --site {site} 华新真\n")
    assert _files(site) == before
    second = site / "content/units/hua-xin-zhen-2.yaml"
    second.write_text(second.read_text(encoding="utf-8") + "distinct_from: [hx3]\n", encoding="utf-8")
    first.write_text(first.read_text(encoding="utf-8").replace("[hua-xin-zhen-2]", "[hua-xin-zhen-2, hx3]"),
                     encoding="utf-8")
    assert _run(capsys, "new", "unit", "--id", "hx3", "--site", str(site), "华新真")[0] == 0
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_new_unit_with_a_word_of_level_of_its_own_is_written_beside_a_unit_with_that_short_name(
        tmp_path: Path, capsys) -> None:
    # With the example's aliases: [白鹤], `new unit 白鹤村` was refused: "白鹤村 is the name of the unit 白鹤镇, also
    # called 白鹤 with 村, the word of its level", though 村 is not 白鹤镇's and check took the village as it was.
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", "白鹤村", "--site", str(site))[0] == 0
    assert (site / "content/units/bai-he-cun.yaml").is_file()
    # A unit named without a word of level is still the place: 金泽镇 beside 金泽.
    (site / "content/units/jinze.yaml").write_text("name: 金泽\nlevel: town\n", encoding="utf-8")
    assert _run(capsys, "new", "unit", "金泽镇", "--site", str(site))[2].startswith(
        "error: 金泽镇 is the name of the unit 金泽 with 镇, the word of its level: content/units/jinze.yaml (id jinze)")


def test_new_unit_refuses_the_short_name_of_a_unit_there_is(tmp_path: Path, capsys) -> None:
    # Without aliases: [白鹤] in baihe.yaml, `new unit 白鹤` wrote bai-he.yaml, a second unit for the town whose
    # figures the district totals would count twice; check said nothing of it.
    site = copy_example(tmp_path / "site")
    baihe = site / "content/units/baihe.yaml"
    baihe.write_text(baihe.read_text(encoding="utf-8").replace("aliases: [白鹤]\n", ""), encoding="utf-8")
    before = _files(site)
    assert _run(capsys, "new", "unit", "白鹤", "--site", str(site)) == (
        1, "", "error: 白鹤 is the name of the unit 白鹤镇 without 镇, the word of its level: content/units/baihe.yaml "
               "(id baihe)\n"
               "  hint: if it is that place, new pages name it by its id (--unit baihe), and add the line aliases: "
               "[白鹤] to content/units/baihe.yaml so that pages may call it 白鹤; for its new figures: sitegen new "
               "tally --unit baihe; if 白鹤 is another place, give its full name, with the word of its level (白鹤村, "
               "白鹤社区 …), or first add the line distinct_from: [bai-he] to content/units/baihe.yaml, then give the "
               f"command again with --id bai-he, as in: sitegen new unit --id bai-he --site {site} 白鹤\n")
    assert _run(capsys, "new", "unit", "白鹤", "--id", "bh", "--site", str(site))[0] == 1  # no way round by --id
    assert _files(site) == before
    # A full name with a level word of its own is another place.
    assert _run(capsys, "new", "unit", "白鹤村", "--site", str(site))[0] == 0
    code, _, err = _run(capsys, "new", "unit", "白鹤", "--site", str(site))
    assert code == 1 and err.startswith(
        "error: 白鹤 is the name of 2 units without the word of their level: bai-he-cun (白鹤村), baihe (白鹤镇)\n"
        "  hint: if it is one of them, new pages name it by its id (--unit and the id); if 白鹤 is another place, "
        "give its full name, with the word of its level (白鹤社区, 白鹤街道 …), or first add the line distinct_from: "
        "[bai-he] to content/units/bai-he-cun.yaml and content/units/baihe.yaml, then give the command again with "
        "--id bai-he")
    (site / "content/units/bai-he-cun.yaml").unlink()
    # The hint followed for another place gives a unit check takes without a warning.
    with_list = baihe.read_text(encoding="utf-8") + "distinct_from: [bai-he]\n"
    baihe.write_text(with_list, encoding="utf-8")
    assert _run(capsys, "new", "unit", "--id", "bai-he", "--site", str(site), "白鹤")[0] == 0
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")
    # The hint followed for the same place: the alias makes it a name of baihe, which new names so.
    (site / "content/units/bai-he.yaml").unlink()
    baihe.write_text(with_list.replace("distinct_from: [bai-he]\n", "aliases: [白鹤]\n"), encoding="utf-8")
    assert _run(capsys, "new", "unit", "白鹤", "--site", str(site))[2].startswith(
        "error: a unit named 白鹤 exists already: content/units/baihe.yaml (id baihe)\n")
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_new_unit_refuses_the_name_of_a_unit_there_is_with_the_word_of_its_level(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", "金泽", "--level", "town", "--site", str(site))[0] == 0
    before = _files(site)
    assert _run(capsys, "new", "unit", "金泽镇", "--site", str(site)) == (
        1, "", "error: 金泽镇 is the name of the unit 金泽 with 镇, the word of its level: content/units/jin-ze.yaml "
               "(id jin-ze)\n"
               "  hint: if it is that place, new pages name it by its id (--unit jin-ze); for its new figures: sitegen "
               "new tally --unit jin-ze; if 金泽镇 is another place, first add the line distinct_from: [jin-ze-zhen] "
               "to content/units/jin-ze.yaml, then give the command again with --id jin-ze-zhen, as in: sitegen new "
               f"unit --id jin-ze-zhen --site {site} 金泽镇\n")
    assert _files(site) == before


@pytest.mark.parametrize(("place", "office", "word", "rid"), [
    ("白鹤镇", "白鹤镇人民政府", "人民政府", "baihe"), ("白鹤镇", "白鹤镇党委", "党委", "baihe"),
    ("长寿村", "长寿村委会", "村委会", "chang-shou-cun"), ("长寿村", "长寿村村民委员会", "村民委员会", "chang-shou-cun")])
def test_new_unit_refuses_the_place_of_a_unit_there_is_named_by_its_office(
        tmp_path: Path, capsys, place: str, office: str, word: str, rid: str) -> None:
    # `new unit 重固镇人民政府` beside 重固镇 wrote chong-gu-zhen-ren-min-zheng-fu.yaml, a second unit for one town:
    # the home page added both latest tallies, and check said nothing. 重固 alone was refused.
    site = copy_example(tmp_path / "site")
    if rid != "baihe":
        assert _run(capsys, "new", "unit", place, "--site", str(site))[0] == 0
    before = _files(site)
    code, out, err = _run(capsys, "new", "unit", office, "--site", str(site))
    assert (code, out, err.split("\n")[0]) == (
        1, "", f"error: {office} is {place} with the words of its office ({word}), the place of the unit {place}: "
               f"content/units/{rid}.yaml (id {rid})")
    assert err.split("\n")[1].startswith(
        f"  hint: a unit is the place, not its office: if it is that place, new pages name it by its id (--unit "
        f"{rid}); for its new figures: sitegen new tally --unit {rid}; if {office} is another unit, first add the "
        f"line distinct_from: [")
    assert _files(site) == before
    # The other way round: the place beside a unit named by its office.
    (site / f"content/units/{rid}.yaml").rename(site / "content/units/office.yaml")
    text = (site / "content/units/office.yaml").read_text(encoding="utf-8")
    (site / "content/units/office.yaml").write_text(
        text.replace(f"name: {place}", f"name: {office}").replace("aliases: [白鹤]", "aliases: []"), encoding="utf-8")
    assert _run(capsys, "new", "unit", place, "--site", str(site))[2].split("\n")[0] == (
        f"error: {place} is the place of the unit {office}, named with the words of its office ({word}): "
        "content/units/office.yaml (id office)")


def test_a_unit_named_by_the_office_of_another_units_place_is_warned_until_told_apart(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    unit = (site / "content/units/baihe.yaml").read_text(encoding="utf-8")
    (site / "content/units/baihe-zf.yaml").write_text(
        unit.replace("name: 白鹤镇", "name: 白鹤镇人民政府").replace("aliases: [白鹤]", "aliases: []"), encoding="utf-8")
    code, report = _check(capsys, site)
    lines = report.splitlines()
    told = [line for at, line in enumerate(lines) if "office" in line or (at and "office" in lines[at - 1])]
    assert told == [
        "content/units/baihe-zf.yaml:4:7: warning: the unit name 白鹤镇人民政府 is 白鹤镇 with the words of its office "
        "(人民政府), the place of the unit 白鹤镇 (content/units/baihe.yaml): a unit is the place, and a second file for "
        "one place is counted twice in the district totals",
        "  hint: a unit has one file: move its tallies under tallies: in content/units/baihe.yaml (sitegen new tally "
        "--unit baihe prints one to paste), write unit: baihe in the pages that name baihe-zf, and delete "
        "content/units/baihe-zf.yaml; if it is another unit, add the line distinct_from: [baihe] to "
        "content/units/baihe-zf.yaml"]
    with_list = (site / "content/units/baihe-zf.yaml").read_text(encoding="utf-8") + "distinct_from: [baihe]\n"
    (site / "content/units/baihe-zf.yaml").write_text(with_list, encoding="utf-8")
    assert "office" not in _check(capsys, site)[1]


def test_new_unit_refuses_a_name_that_is_a_units_with_another_word_of_its_level(tmp_path: Path, capsys) -> None:
    # `new unit 练塘乡` beside 练塘镇 wrote lian-tang-xiang.yaml: both are towns (乡 and 镇, 撤乡建镇), and the home page
    # and the dashboard added 练塘 twice; check said nothing.
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", "练塘镇", "--site", str(site))[0] == 0
    before = _files(site)
    assert _run(capsys, "new", "unit", "练塘乡", "--site", str(site)) == (
        1, "", "error: 练塘乡 is the name of the unit 练塘镇 with 乡 for 镇, two words of one level (town, 镇): "
               "content/units/lian-tang-zhen.yaml (id lian-tang-zhen)\n"
               "  hint: most likely one place, renamed or called two ways (撤乡建镇: a 乡 made a 镇 keeps its name): if "
               "it is that place, new pages name it by its id (--unit lian-tang-zhen), and add 练塘乡 to the aliases "
               "list of content/units/lian-tang-zhen.yaml so that pages may call it 练塘乡; for its new figures: sitegen new "
               "tally --unit lian-tang-zhen; if 练塘乡 is another place, first add the line distinct_from: "
               "[lian-tang-xiang] to content/units/lian-tang-zhen.yaml, then give the command again with --id "
               f"lian-tang-xiang, as in: sitegen new unit --id lian-tang-xiang --site {site} 练塘乡\n")
    assert _run(capsys, "new", "unit", "练塘乡", "--id", "lt", "--site", str(site))[0] == 1  # no way round by --id
    assert _files(site) == before
    # Two levels are two places: 练塘村 beside 练塘镇 is written.
    assert _run(capsys, "new", "unit", "练塘村", "--site", str(site))[0] == 0
    (site / "content/units/lian-tang-cun.yaml").unlink()
    # The hint followed for one place: the name is the unit's, which new names so, and check is clean.
    zhen = site / "content/units/lian-tang-zhen.yaml"
    written = zhen.read_text(encoding="utf-8")
    zhen.write_text(written.replace("aliases: []", "aliases: [练塘乡]"), encoding="utf-8")
    assert _run(capsys, "new", "unit", "练塘乡", "--site", str(site))[2].startswith(
        "error: a unit named 练塘乡 exists already: content/units/lian-tang-zhen.yaml (id lian-tang-zhen)\n")
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")
    # The hint followed for another place: written, and check is clean.
    zhen.write_text(written + "distinct_from: [lian-tang-xiang]\n", encoding="utf-8")
    assert _run(capsys, "new", "unit", "--id", "lian-tang-xiang", "--site", str(site), "练塘乡")[0] == 0
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")


@pytest.mark.parametrize(("known", "typed", "words"), [
    ("盈中社区", "盈中居委会", "居委会 for 社区, two words of one level (community, 社区)"),
    ("盈浦街道", "盈浦街道办", "街道办 for 街道, two words of one level (subdistrict, 街道)")])
def test_new_unit_refuses_other_words_of_one_level_of_a_place(tmp_path: Path, capsys, known: str, typed: str,
                                                              words: str) -> None:
    site = copy_example(tmp_path / "site")
    assert _run(capsys, "new", "unit", known, "--site", str(site))[0] == 0
    code, _, err = _run(capsys, "new", "unit", typed, "--site", str(site))
    assert (code, err.split(": content/")[0]) == (1, f"error: {typed} is the name of the unit {known} with {words}")


_LIANTANG = ("name: 练塘镇\nlevel: town\ntallies:\n  - as_of: 2018-04-26\n    collected: 220\n    escalated: 40\n"
             "    resolved: 150\n    in_progress: 30\n")


def test_two_units_named_with_two_words_of_one_level_are_warned_until_told_apart(tmp_path: Path, capsys) -> None:
    site = copy_example(tmp_path / "site")
    units = site / "content/units"
    (units / "lian-tang-zhen.yaml").write_text(_LIANTANG, encoding="utf-8")
    xiang = _LIANTANG.replace("练塘镇", "练塘乡").replace("04-26", "03-31").replace("220", "120").replace("150", "50")
    (units / "lian-tang-xiang.yaml").write_text(xiang, encoding="utf-8")
    # 白鹤村 beside 白鹤镇 is a village of its own: two levels, two places, no warning.
    (units / "bai-he-cun.yaml").write_text("name: 白鹤村\nlevel: village\n", encoding="utf-8")
    assert _check(capsys, site) == (0, (
        "checked: 0 error(s), 1 warning(s)\n"
        "content/units/lian-tang-xiang.yaml:1:7: warning: the unit names 练塘乡 (content/units/lian-tang-xiang.yaml) "
        "and 练塘镇 (content/units/lian-tang-zhen.yaml) differ only in 乡 and 镇, two words of one level (town, 镇): "
        "most likely one place, renamed or called two ways (撤乡建镇: a 乡 made a 镇 keeps its name), and a second "
        "file for one place is counted twice in the district totals\n"
        "  hint: if they are one place, keep one file: e.g. keep content/units/lian-tang-zhen.yaml, whose id is the "
        "shorter, move the tallies of content/units/lian-tang-xiang.yaml into content/units/lian-tang-zhen.yaml, add "
        "the line aliases: [练塘乡] to content/units/lian-tang-zhen.yaml, and delete "
        "content/units/lian-tang-xiang.yaml; if they are two different places, add the line distinct_from: "
        "[lian-tang-zhen] to content/units/lian-tang-xiang.yaml (the warning then stops)\n"))
    # The hint followed for two places.
    (units / "lian-tang-xiang.yaml").write_text(xiang + "distinct_from: [lian-tang-zhen]\n", encoding="utf-8")
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")
    # The hint followed for one place: the tally moved, the name an alias, the file deleted.
    (units / "lian-tang-xiang.yaml").unlink()
    (units / "lian-tang-zhen.yaml").write_text(
        _LIANTANG.replace("tallies:\n", "tallies:\n" + xiang.split("tallies:\n")[1]) + "aliases: [练塘乡]\n",
        encoding="utf-8")
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")


_JINZE = ("name: 金泽镇\nlevel: town\naliases: []\ntallies:\n  - as_of: 2018-04-26\n    collected: 240\n"
          "    escalated: 100\n    resolved: 100\n    in_progress: 40\n")
_MEND = ("content/units/jin-ze-zhen.yaml has errors, which sitegen check tells at their lines: mend them there rather "
         "than make another file for the unit; ")


@pytest.mark.parametrize("slip", [("    collected: 240", "    collected：240"), ("level: town", "level town")],
                         ids=["read-in-part", "yaml-unreadable"])
def test_new_unit_refuses_a_name_a_unit_file_with_a_yaml_slip_gives_and_says_to_mend_it(
        tmp_path: Path, capsys, slip: tuple[str, str]) -> None:
    # With "collected：240" in jin-ze-zhen.yaml, `new unit 金泽镇 --id jinze` (as check's hint offered), `new unit
    # 金泽镇` (offered --id jin-ze-zhen-2) and `new unit 金泽 --id jz` each wrote a second file for the town.
    site = copy_example(tmp_path / "site")
    (site / "content/units/jin-ze-zhen.yaml").write_text(_JINZE.replace(*slip), encoding="utf-8")
    before = _files(site)
    named = ("error: a unit named 金泽镇 exists already: content/units/jin-ze-zhen.yaml (id jin-ze-zhen)\n"
             f"  hint: {_MEND}new pages name it by its id (--unit jin-ze-zhen); for its new figures: sitegen new "
             "tally --unit jin-ze-zhen\n")
    assert _run(capsys, "new", "unit", "金泽镇", "--id", "jinze", "--site", str(site)) == (1, "", named)
    assert _run(capsys, "new", "unit", "金泽镇", "--site", str(site)) == (1, "", named)
    assert _run(capsys, "new", "unit", "金泽", "--id", "jz", "--site", str(site)) == (
        1, "", "error: 金泽 is the name of the unit 金泽镇 without 镇, the word of its level: "
               "content/units/jin-ze-zhen.yaml (id jin-ze-zhen)\n"
               f"  hint: {_MEND}if it is that place, new pages name it by its id (--unit jin-ze-zhen), and add 金泽 to "
               "the aliases list of content/units/jin-ze-zhen.yaml so that pages may call it 金泽; for its new figures: "
               "sitegen new tally --unit jin-ze-zhen; if 金泽 is another place, give its full name, with the word of "
               "its level (金泽村, 金泽社区 …), or first add the line distinct_from: [jz] to "
               "content/units/jin-ze-zhen.yaml, then give the command again with --id jz, as in: sitegen new unit "
               f"--id jz --site {site} 金泽\n")
    assert _run(capsys, "new", "unit", "金則鎮", "--site", str(site)) == (
        1, "", "error: 金則鎮 reads the same as the unit 金泽镇 (jin-ze-zhen, 同音), which exists already: "
               "content/units/jin-ze-zhen.yaml (id jin-ze-zhen)\n"
               f"  hint: {_MEND}if it is that place, new pages name it by its id (--unit jin-ze-zhen); for its new "
               "figures: sitegen new tally --unit jin-ze-zhen; if 金則鎮 is another place, first add the line "
               "distinct_from: [jin-ze-zhen-2] to content/units/jin-ze-zhen.yaml, then give the command again with "
               f"--id jin-ze-zhen-2, as in: sitegen new unit --id jin-ze-zhen-2 --site {site} 金則鎮\n")
    assert _files(site) == before
    # Mended, the unit is refused alike, without the word on mending.
    (site / "content/units/jin-ze-zhen.yaml").write_text(_JINZE, encoding="utf-8")
    assert _run(capsys, "new", "unit", "金泽镇", "--site", str(site)) == (1, "", named.replace(_MEND, ""))


def test_new_unit_refuses_a_name_listed_as_a_units_misspelling(tmp_path: Path, capsys) -> None:
    # baihe.yaml lists 白河镇 under misspellings: `new unit 白河镇` wrote bai-he-zhen.yaml, and check then
    # warned that every correct 白河镇 would be taken for a misspelling.
    site = copy_example(tmp_path / "site")
    before = _files(site)
    assert _run(capsys, "new", "unit", "白河镇", "--site", str(site)) == (
        1, "", "error: 白河镇 is listed as a misspelling of the unit 白鹤镇 in content/units/baihe.yaml (id baihe)\n"
               "  hint: new pages name that unit by its id (--unit baihe); if 白河镇 is another place, first remove "
               "it from misspellings in content/units/baihe.yaml\n")
    assert _files(site) == before
    # A name that only holds a misspelling is another unit's name: it is written.
    code, out, err = _run(capsys, "new", "unit", "白河镇新村", "--id", "baihe-xincun", "--site", str(site))
    assert (code, out, err) == (0, f"wrote {(site / 'content/units/baihe-xincun.yaml').as_posix()}\n",
                                "  note: level: village (村), from 村 in the name; if that is wrong, change level: in "
                                "the file\n")


def test_an_interview_published_with_the_placeholders_of_new_is_told_each(tmp_path: Path, capsys) -> None:
    # With only "draft: false" set, it published 受访人：受访人姓名，职务, a heading 第一个问题？ and 回答…….
    site = copy_example(tmp_path / "site")
    _run(capsys, "new", "interview", "重固镇：调研促发展", "--unit", "baihe", "--site", str(site))
    page = site / "content" / "interviews" / "zhong-gu-zhen-diao-yan-cu-fa-zhan.md"
    drafted = page.read_text(encoding="utf-8")
    page.write_text(drafted.replace("draft: true", "draft: false"), encoding="utf-8")
    p = "content/interviews/zhong-gu-zhen-diao-yan-cu-fa-zhan.md"
    told = "is the placeholder that sitegen new writes for"
    code, report = _check(capsys, site)
    assert (code, report.splitlines()) == (1, [
        f'{p}:10:9: error: interviewee → name: "受访人姓名" {told} the interviewee\'s name, so the page would publish it',
        f"  hint: write the name of the person interviewed (受访人姓名){_DRAFT}",
        f'{p}:11:9: error: interviewee → role: "职务" {told} the interviewee\'s role, so the page would publish it',
        f"  hint: write the role in full (职务, e.g. 中共白鹤镇党委书记){_DRAFT}",
        f'{p}:26:1: error: "## 第一个问题？" {told} the first question, so the page would publish it',
        f'  hint: write the first question as the heading, after "## "{_DRAFT}',
        f'{p}:28:1: error: "回答……" {told} the answer, so the page would publish it',
        f"  hint: write the answer in its place{_DRAFT}",
        f"checked: 4 error(s), 0 warning(s){LINKS_LATER}"])
    assert _check(capsys, site) == (code, report)  # the second run, from the page cache, tells the same
    assert _run(capsys, "build", "--site", str(site), "--quiet")[0] == 1  # the output is left as it was

    # Left a draft (in any of its spellings), only that is told: drafts are never published.
    page.write_text(drafted.replace("draft: true", "draft: 是"), encoding="utf-8")
    assert _check(capsys, site, "--strict") == (0, f"{p}: a draft, not published; write draft: false to publish it\n"
                                                   "checked: 0 error(s), 0 warning(s)\n")

    # Another mistake in the front matter does not hide them, in its fields or in its text (the text's
    # were told only once that mistake was mended).
    page.write_text(drafted.replace("draft: true", "draft: false\ninterveiwee: 张三"), encoding="utf-8")
    errors = [line for line in _check(capsys, site)[1].splitlines() if ": error: " in line]
    assert [line.split(": error: ")[1].split(":")[0] for line in errors] == [
        "interviewee → name", "interviewee → role",
        'unknown field "interveiwee" ("interviewee" is typed already, on line 9)',
        '"## 第一个问题？" is the placeholder that sitegen new writes for the first question, so the page would '
        "publish it", '"回答……" is the placeholder that sitegen new writes for the answer, so the page would publish it']
    assert [line.split(": error: ")[0] for line in errors] == [f"{p}:10:9", f"{p}:11:9", f"{p}:24:1", f"{p}:27:1",
                                                               f"{p}:29:1"]
    # A draft as typed, with that mistake, is told that mistake only.
    page.write_text(drafted.replace("draft: true", "draft: true\ninterveiwee: 张三"), encoding="utf-8")
    assert [line.split(": error: ")[1] for line in _check(capsys, site)[1].splitlines() if ": error: " in line] == [
        'unknown field "interveiwee" ("interviewee" is typed already, on line 9)']

    # Real text holding a placeholder's words is no placeholder: a longer role, a real question and
    # answer, the template shown in fenced code.
    real = (drafted.replace("draft: true", "draft: false").replace("name: 受访人姓名", "name: 王建国")
            .replace("role: 职务", "role: 重固镇党委副书记（主持党委职务工作）")
            .replace("## 第一个问题？\n\n回答……\n", "## 第一个问题？大调研从哪里入手\n\n回答……之前，先说说背景。\n\n"
                     "新建访谈的模板是：\n\n```\n## 第一个问题？\n\n回答……\n```\n"))
    page.write_text(real, encoding="utf-8")
    assert _check(capsys, site, "--strict") == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_the_example_old_address_of_new_uncommented_is_told_not_published(tmp_path: Path, capsys) -> None:
    # "aliases: [/interviews/old-name/]" uncommented as written published a redirect page at /interviews/old-name/.
    site = copy_example(tmp_path / "site")
    _run(capsys, "new", "interview", "重固镇：调研促发展", "--unit", "baihe", "--site", str(site))
    page = site / "content" / "interviews" / "zhong-gu-zhen-diao-yan-cu-fa-zhan.md"
    real = (page.read_text(encoding="utf-8").replace("draft: true", "draft: false")
            .replace("name: 受访人姓名", "name: 王建国").replace("role: 职务", "role: 重固镇党委书记")
            .replace("## 第一个问题？\n\n回答……", "## 大调研从哪里入手\n\n从走访开始。"))
    page.write_text(real.replace("# aliases:", "aliases:"), encoding="utf-8")
    p = "content/interviews/zhong-gu-zhen-diao-yan-cu-fa-zhan.md"
    assert _check(capsys, site) == (1, (
        f'{p}:6:11: error: aliases → item 1: "/interviews/old-name/" is the example of an old address that sitegen '
        "new writes, so the page would publish a redirect (跳转页) at that made-up address\n"
        "  hint: write the address this page had before, its path from the site's root (旧网址, e.g. "
        f'/news/2018/0521.html), or delete it from aliases (and the line of aliases, when it is the only one){_DRAFT}\n'
        f"checked: 1 error(s), 0 warning(s){LINKS_LATER}\n"))
    assert _run(capsys, "build", "--site", str(site), "--quiet")[0] == 1
    assert not (site / "output" / "interviews" / "old-name").exists()
    # Either way the hint offers checks clean: the example commented again, or a real old address in its place,
    # also among other old addresses (the example beside them is still told).
    for text, code in ((real, 0),
                       (real.replace("# aliases: [/interviews/old-name/]", "aliases: [/news/2018/0521.html]"), 0),
                       (real.replace("# aliases: [/interviews/old-name/]",
                                     "aliases:\n  - /news/2018/0521.html\n  - /interviews/old-name/"), 1)):
        page.write_text(text, encoding="utf-8")
        assert _check(capsys, site, "--strict")[0] == code
    assert "aliases → item 2: \"/interviews/old-name/\"" in _check(capsys, site)[1]
    # Spelled as another form of the same path, or as a case's example, it is still the example (each of these
    # was published as a redirect); an address that only begins like it is an old address of its own.
    for typed, told in (("[/interviews/old-name]", "/interviews/old-name/"), ("/interviews/old-name/", None),
                        ("[/interviews/old-name/index.html]", None), ("[/cases/old-name/]", "/cases/old-name/"),
                        ("[/cases/old-name]", "/cases/old-name/"), ("[/interviews/old-name-baihe/]", ""),
                        ("[/interviews/old-name.html]", None), ("[/Interviews/Old-Name/]", None),
                        ("[/interviews/old_name/]", None), ("[/interviews/oldname/index.htm]", None),
                        ("[/interviews/old－name/]", None), ("[/news/old-name/]", ""), ("[/old-name/]", "")):
        page.write_text(real.replace("# aliases: [/interviews/old-name/]", f"aliases: {typed}"), encoding="utf-8")
        code, report = _check(capsys, site)
        assert code == (0 if told == "" else 1), typed
        if told is not None:
            assert report.count("error: aliases → item 1:") == (0 if told == "" else 1)
            assert told == "" or f'item 1: "{told}" is the example of an old address' in report


def test_a_placeholder_folded_over_two_lines_or_quoted_is_still_told(tmp_path: Path, capsys) -> None:
    # The check reads a page's fields only when its front matter, as typed, holds a placeholder's text;
    # a value folded over two lines (joined without a space between Chinese characters) or quoted holds it too.
    site = copy_example(tmp_path / "site")
    case = site / "content" / "cases" / "baihe-caomei.md"
    text = case.read_text(encoding="utf-8")
    problem = next(line for line in text.splitlines() if line.startswith("problem:"))
    p = "content/cases/baihe-caomei.md"
    line = text.splitlines().index(problem) + 1
    told = (f'{p}:{line}:10: error: problem: "调研中发现的问题（一两句话）" is the placeholder that sitegen new writes '
            "for the problem found, so the page would publish it")
    for typed in ("problem: 调研中发现的问题\n  （一两句话）", 'problem: "调研中发现的问题（一两句话）"'):
        case.write_text(text.replace(problem, typed), encoding="utf-8")
        code, report = _check(capsys, site)
        assert (code, report.splitlines()[0]) == (1, told), typed


def test_a_placeholder_with_spaces_around_it_is_still_told(tmp_path: Path, capsys) -> None:
    # role: 职务 with the full-width space a Chinese input method types after it, and a placeholder in quotes
    # with a space inside them, were published: only the exact text was told.
    site = copy_example(tmp_path / "site")
    _run(capsys, "new", "interview", "重固镇：调研促发展", "--unit", "baihe", "--site", str(site))
    page = site / "content" / "interviews" / "zhong-gu-zhen-diao-yan-cu-fa-zhan.md"
    drafted = page.read_text(encoding="utf-8").replace("draft: true", "draft: false")
    drafted = drafted.replace("## 第一个问题？\n\n回答……\n", "## 大调研从哪里入手\n\n从走访开始。\n")
    p = "content/interviews/zhong-gu-zhen-diao-yan-cu-fa-zhan.md"
    told = "is the placeholder that sitegen new writes for"
    page.write_text(drafted.replace("name: 受访人姓名", 'name: " 受访人姓名 "').replace("role: 职务", "role: 职务\u3000"),
                    encoding="utf-8")
    assert _check(capsys, site)[1].splitlines() == [
        f'{p}:10:9: error: interviewee → name: "受访人姓名" {told} the interviewee\'s name, so the page would publish it',
        f"  hint: write the name of the person interviewed (受访人姓名){_DRAFT}",
        f'{p}:11:9: error: interviewee → role: "职务" {told} the interviewee\'s role, so the page would publish it',
        f"  hint: write the role in full (职务, e.g. 中共白鹤镇党委书记){_DRAFT}",
        f"checked: 2 error(s), 0 warning(s){LINKS_LATER}"]  # the space is not told apart: deleting it would not mend the role
    # Longer text is still no placeholder, spaces or not.
    page.write_text(drafted.replace("name: 受访人姓名", 'name: "受访人 王建国"').replace("role: 职务", "role: 职务\u3000秘书"),
                    encoding="utf-8")
    assert _check(capsys, site, "--strict") == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_the_cheap_test_for_placeholders_finds_them_as_values_only() -> None:
    from sitegen.placeholders import may_hold_placeholders
    assert may_hold_placeholders("interviews", "interviewee: {name: 受访人姓名, role: 党委书记}\n")
    assert may_hold_placeholders("interviews", "interviewee:\r\n  role: 职务   # 职务 role\r\n")
    assert may_hold_placeholders("cases", "problem: 调研中发现的问题\r\n    （一两句话）\r\nstatus: planned\r\n")
    assert may_hold_placeholders("interviews", "interviewee:\n  role: 职务\u3000\n")  # a full-width space after it
    # A real address beginning as the placeholder's, a longer role, a placeholder's words in a comment's
    # middle: no field to walk.
    assert not may_hold_placeholders("interviews", "source:\n  url: https://example.org/news/1.html\n"
                                                   "interviewee:\n  role: 主持党委职务工作  # 写明职务全称\n")
    assert not may_hold_placeholders("series", "blurb: 一两句话介绍本栏目的由来和内容。\n")


def test_init_writes_examples_of_its_own_not_the_placeholders_of_new(tmp_path: Path, capsys) -> None:
    # init's site is published at once (draft: false): had it used new's texts, it would not build.
    # Only the publisher, which init cannot know, is a placeholder there, and told as a warning.
    from sitegen.placeholders import BODY_LINES, FIELDS
    assert _run(capsys, "init", str(tmp_path / "site"))[0] == 0
    texts = {p.text for fields in FIELDS.values() for found in fields.values() for p in found
             if not p.warning} | {p.text for p in BODY_LINES}
    assert {p.text for fields in FIELDS.values() for found in fields.values() for p in found if p.warning} == {
        "发布机构名称"}
    for path in (tmp_path / "site" / "content").rglob("*.*"):
        values = [line.split(": ", 1)[-1].split("   #")[0].strip() for line in
                  path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")]
        assert set(values) & texts == set(), path


def test_every_text_of_inits_examples_holds_the_word_the_check_looks_for_first() -> None:
    # The check of init's texts kept in the editor's own pages looks only at pages holding 示例 (0.15 s a build
    # at 10,000 pages to walk them all): a text without it would never be told.
    from sitegen.checktexts import _INIT_MARK
    from sitegen.placeholders import INIT_CASE_LINE, INIT_INTERVIEW_LINE, INIT_TEXTS
    texts = [text for fields in INIT_TEXTS.values() for text in fields.values()] + [INIT_INTERVIEW_LINE, INIT_CASE_LINE]
    assert len(texts) == 9 and all(_INIT_MARK in text for text in texts)


def test_a_units_text_starting_with_the_word_for_example_is_warned_wherever_it_starts_so(tmp_path: Path,
                                                                                         capsys) -> None:
    # The guide's examples (note: 示例数字：…) pasted as shown checked clean and were published as the unit's.
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    text = unit.read_text(encoding="utf-8")
    summary = "青浦区白鹤镇是“中国草莓之乡”，草莓种植已有30多年历史；2018年按区委部署全面开展大调研。"
    unit.write_text(text.replace(f"summary: {summary}", f"summary: 示例：{summary}"), encoding="utf-8")
    assert _check(capsys, site) == (1, (
        f'content/units/baihe.yaml:8:10: error: summary: "示例：{summary}" starts with 示例： (example), the mark of '
        "the examples of the editors' guide: the unit's page would publish it as the unit's own\n"
        "  hint: write a short description of the unit (简介), or delete the line\n"
        "checked: 1 error(s), 0 warning(s); links are checked once the errors are mended (改正错误后再检查链接)\n"))
    # Without the guide's mark, the word at the start is told, not refused: a real text may start with it.
    unit.write_text(text.replace(f"summary: {summary}", f"summary: 示例镇村建设，{summary}"), encoding="utf-8")
    assert _check(capsys, site) == (0, (
        "checked: 0 error(s), 1 warning(s)\n"
        f'content/units/baihe.yaml:8:10: warning: summary: "示例镇村建设，{summary}" starts with 示例 (example), as '
        "the examples of the editors' guide do: the unit's page would publish it as the unit's own\n"
        "  hint: write a short description of the unit (简介), or delete the line\n"))
    # The word elsewhere in a text is the unit's own words.
    unit.write_text(text.replace(f"summary: {summary}", "summary: 白鹤镇是全区大调研的示例镇之一。"), encoding="utf-8")
    assert _check(capsys, site) == (0, "checked: 0 error(s), 0 warning(s)\n")


def test_a_units_text_starting_with_the_word_for_example_is_told_in_quotes_over_lines_and_beside_errors(
        tmp_path: Path, capsys) -> None:
    # In a unit file with another mistake it was told only once that was mended; a note of several lines broke
    # the message over them; in Chinese quotes it was not told.
    site = copy_example(tmp_path / "site")
    unit = site / "content" / "units" / "baihe.yaml"
    text = unit.read_text(encoding="utf-8")
    last = text.index("\ntargets:")
    unit.write_text(text[:last] + "\n  - as_of: 2018-06-30\n    batches: 340份\n    collected: 310\n    escalated: 150\n"
                    "    resolved: 120\n    in_progress: 40\n    note: |\n      示例数字：截至2018年6月30日。\n      据统计。\n"
                    + text[last:].replace("description: 全镇动员部署，全面推进大调研工作。",
                                                       "description: “示例：全镇动员部署。”"), encoding="utf-8")
    code, said = _check(capsys, site)
    warned = [line for line in said.splitlines() if "starts with 示例" in line]
    assert code == 1 and "batches → item 2" not in said and "340份" in said
    marked = "(example), the mark of the examples of the editors' guide: the unit's page would publish it as the " \
             "unit's own"
    assert warned == [
        'content/units/baihe.yaml:25:11: error: tallies → item 2 → note: "示例数字：截至2018年6月30日。…" starts with '
        f"示例数字： {marked}",
        'content/units/baihe.yaml:46:18: error: milestones → item 2 → description: "示例：全镇动员部署。" starts with '
        f"示例： {marked}"]


def test_a_title_typed_with_a_space_and_no_quotes_is_one_title(tmp_path: Path, capsys) -> None:
    # "sitegen new interview 白鹤镇：守护古文化 建设美丽新白鹤" stopped at "unrecognized arguments: 建设美丽新白鹤".
    site = copy_example(tmp_path / "site")
    code, out, _ = _run(capsys, "new", "interview", "白鹤镇：守护古文化", "建设美丽新白鹤", "--site", str(site))
    written = Path(out.split()[-1])
    assert code == 0 and "title: 白鹤镇：守护古文化 建设美丽新白鹤   #" in written.read_text(encoding="utf-8")
    # A unit's name is no title: a space between its Chinese characters would be published (test_new_refuses_…).
    code, out, err = _run(capsys, "new", "unit", "白鹤镇", "新村", "--site", str(site))
    assert (code, out, err.splitlines()[-1]) == (1, "", "  hint: give the name without it: 白鹤镇新村")
    code, out, _ = _run(capsys, "new", "unit", "Xujing", "Town", "--site", str(site))
    assert code == 0 and (site / out.split()[-1]).read_text(encoding="utf-8").count("name: Xujing Town ") == 1


def _scaffold_yaml_texts() -> dict[str, str]:
    """The YAML ``sitegen new`` and ``sitegen init`` write, by what wrote it (a page's front matter alone), with
    every optional field they comment out typed in (its leading "# " removed)."""
    from datetime import date

    from sitegen.scaffold import case_text, interview_text, series_text, site_yaml_text, tally_lines, unit_text
    moment = datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    texts = {"case": case_text("老街路灯修复二", "laojie-ludeng", "baihe", moment).split("---\n")[1],
             "interview": interview_text("白鹤镇访谈", "baihe", "baihe", "dadiaoyan", moment).split("---\n")[1],
             "unit": unit_text("老街村", "laojie", "village", date(2026, 12, 3)),
             "tally": "tallies:\n" + tally_lines(date(2026, 12, 3)),
             "series": series_text("大调研", "dadiaoyan", "区大调研办公室"),
             "site": site_yaml_text("大调研")}
    return {kind: re.sub(r"^( *)# (?=[a-z_]+:|  +- |  +[a-z_]+:)", r"\1", text, flags=re.MULTILINE)
            for kind, text in texts.items()}


_NOTED_VALUE = re.compile(r"^(?P<lead> *(?:- )?)(?P<key>[a-z_]+): (?P<value>[^\s\[{#\"'][^\n]*?)(?P<note>   # [^\n]*)$",
                          re.MULTILINE)


@pytest.mark.parametrize("sign", ["|-", ">-"])
@pytest.mark.parametrize("kind", ["case", "interview", "unit", "tally", "series", "site"])
def test_every_value_sitegen_new_writes_turned_into_a_block_text_has_its_note_told_and_moved(kind: str,
                                                                                            sign: str) -> None:
    # "problem: |" above the line "调研中发现的问题   # 问题 the problem found in the survey" that sitegen new
    # wrote published the note with the text: each note sitegen writes after a value is told, and the hint,
    # followed, gives back the value as it was with the note after the "|" or ">".
    text = _scaffold_yaml_texts()[kind]
    expected = load_yaml(text, "x.yaml", Report())
    assert expected is not None
    noted = list(_NOTED_VALUE.finditer(text))
    assert len(noted) >= 3
    for found in noted:
        lead, note = found["lead"], found["note"].strip()
        named = f"{lead.strip()} {found['key']}:".strip()
        inner = " " * (len(lead) + 2)
        typed = text[:found.start()] + f"{lead}{found['key']}: {sign}\n{inner}{found['value']}{found['note']}" + text[found.end():]
        head = text.count("\n", 0, found.start())
        report = Report()
        load_yaml(typed, "x.yaml", report)
        assert [(p.line, p.column, p.severity, p.message) for p in report.problems] == [
            (head + 2, len(inner) + len(found["value"]) + 4, "warning",
             f'"{note if len(note) <= 40 else note[:39] + "…"}" at the end of this line is part of the text of '
             f'"{named}" (typed after "{sign[0]}" on line {head + 1}), not a note (说明): inside a text YAML does not '
             'read "#" as a note, so it is published with the text')], found.group()
        offered = f"{named} {sign}   {note}"
        assert report.problems[0].hint == ('cut it from this line, with the spaces before it; to keep it a note, put '
                                           f'it after the "{sign[0]}" on line {head + 1}: {offered}')
        lines = typed.split("\n")
        lines[head] = lead[:len(lead) - len(lead.lstrip(" "))] + offered
        lines[head + 1] = f"{inner}{found['value']}"
        followed = Report()
        data = load_yaml("\n".join(lines), "x.yaml", followed)
        assert followed.problems == [] and data is not None and data.value == expected.value, found.group()

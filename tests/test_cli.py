"""The command line: ``sitegen check`` and ``sitegen build`` as an editor sees them.

Exit codes (issue 3): 0 when clean, 1 on errors, warnings alone 0 unless
``--strict``; 2 for wrong usage. Problems are printed sorted by file and
line as ``path:line:column: error|warning: message`` and ``  hint: …``, with
paths relative to the site root; ``--format json`` prints an array of
``{path, line, column, severity, message, hint}``.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shlex
import socket
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sitegen import __version__
from sitegen.cli import main
from sitegen.render import default_theme_dir
from sitegen.write import folder_digest

from .sitekit import LINKS_LATER, REPO, SERIES, UNIT, copy_example, edit_file, interview, tree_hashes, write_site

Capture = pytest.CaptureFixture[str]


def clean_site(root: Path) -> Path:
    """A site with one valid interview (published 2018)."""
    return write_site(root, {"content/interviews/baihe.md": interview()})


def test_check_on_a_clean_site_exits_0(tmp_path: Path, capsys: Capture) -> None:
    root = clean_site(tmp_path)
    assert main(["check", "--site", str(root)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("checked: 0 error(s), 0 warning(s)\n", "")
    assert not (root / "output").exists()  # check never writes


def test_warnings_alone_exit_0_unless_strict(tmp_path: Path, capsys: Capture) -> None:
    root = write_site(tmp_path, {"content/interviews/baihe.md": interview("白河镇访谈")})
    assert main(["check", "--site", str(root)]) == 0
    out, err = capsys.readouterr()
    assert err == ('content/interviews/baihe.md:2:8: warning: "白河镇" is a misspelling of the unit name 白鹤镇\n'
                   "  hint: write 白鹤镇\n")
    assert out == "checked: 0 error(s), 1 warning(s)\n"
    assert main(["check", "--strict", "--site", str(root)]) == 1
    assert capsys.readouterr().err.endswith("checked: 0 error(s), 1 warning(s)\n")


def test_errors_exit_1_and_every_problem_is_printed_sorted(tmp_path: Path, capsys: Capture) -> None:
    root = write_site(tmp_path, {
        "content/interviews/b.md": interview(date="2018-4-31"),
        "content/interviews/a.md": interview(extra="interveiwee: x\n"),
        "content/interviews/c.md": interview("百合镇"),
    })
    assert main(["check", "--site", str(root)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        'content/interviews/a.md:9:1: error: unknown field "interveiwee" ("interviewee" is typed already, on line 5)',
        "  hint: remove it (sitegen publishes no field it does not know; to keep its words, write them in the page's "
        "text); the fields that can be here and are not typed yet: slug, updated, summary, tags, images, draft, "
        "aliases, source",
        'content/interviews/b.md:8:7: error: date: "2018-4-31" does not exist (there is no day 31 in month 4 of 2018)',
        "  hint: April has 30 days: check the day against the source document and write 2018-04-DD, with that day in place of DD (年-月-日)",
        'content/interviews/c.md:2:8: warning: "百合镇" is a misspelling of the unit name 白鹤镇',
        "  hint: write 白鹤镇",
        f"checked: 2 error(s), 1 warning(s){LINKS_LATER}"]
    assert str(tmp_path) not in err


def test_json_format_for_tools(tmp_path: Path, capsys: Capture) -> None:
    root = write_site(tmp_path, {"content/interviews/b.md": interview(date="2018-4-31")})
    assert main(["check", "--format", "json", "--site", str(root)]) == 1
    out, err = capsys.readouterr()
    # The text summary says the links wait for the errors to be mended; the JSON said nothing of it, so a tool's
    # "no broken link" after an error was never true. Told beside the array, which holds problems only.
    assert err == "note: links are checked once the errors are mended (改正错误后再检查链接): the links were not checked\n"
    assert json.loads(out) == [{
        "path": "content/interviews/b.md", "line": 8, "column": 7, "severity": "error",
        "message": 'date: "2018-4-31" does not exist (there is no day 31 in month 4 of 2018)',
        "hint": "April has 30 days: check the day against the source document and write 2018-04-DD, with that day in place of DD (年-月-日)"}]
    assert main(["check", "--format", "json", "--site", str(clean_site(tmp_path / "clean"))]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err == ""


def test_a_quiet_build_that_fails_prints_its_errors_only(tmp_path: Path, capsys: Capture) -> None:
    # --quiet promises errors only: a failing build printed its warnings and the summary line too.
    root = clean_site(tmp_path)
    (root / "content/interviews/bad.md").write_text(interview().replace("date:", "date："), encoding="utf-8")
    (root / "content/interviews/warned.md").write_text(
        interview(title="另一篇访谈", extra="tags: [调研, 调研]\n"), encoding="utf-8")
    assert main(["build", "--site", str(root)]) == 1
    _, err = capsys.readouterr()
    assert "warning: " in err and "build stopped: 1 error(s), 1 warning(s)" in err
    assert main(["build", "--site", str(root), "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        'content/interviews/bad.md:8:5: error: "date：" uses a full-width colon (全角冒号 ：)',
        "  hint: type an English colon followed by a space: date: 2018-05-03 10:00"]
    assert main(["build", "--site", str(root), "-q"]) == 1  # "-q" was refused as an unknown option
    assert capsys.readouterr() == (out, err)


# An error anywhere stops check before the site graph, where links between pages are checked: a broken link
# was silent then ("checked: 1 error(s), 0 warning(s)"), and an editor took the summary for "no broken link".
def test_check_says_links_wait_for_the_errors_to_be_mended(tmp_path: Path, capsys: Capture) -> None:
    site = copy_example(tmp_path / "site")
    page = "content/interviews/2018-05-baihe-dadiaoyan.md"
    with (site / page).open("a", encoding="utf-8") as text:
        text.write("\n详见[白鹤镇的调研数据](units/白鹤镇/)。\n")
    edit_file(site, "content/units/baihe.yaml", "    collected: 296\n", "    collected: 296份\n")
    assert main(["check", "--site", str(site)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        'content/units/baihe.yaml:13:16: error: tallies → item 1 → collected: "296份" is not a whole number',
        "  hint: write the digits alone: 296 (a count has no unit such as 份 or 批, and no other words)",
        f"checked: 1 error(s), 0 warning(s){LINKS_LATER}"]
    edit_file(site, "content/units/baihe.yaml", "    collected: 296份\n", "    collected: 296\n")  # mended
    assert main(["check", "--site", str(site)]) == 0
    out, err = capsys.readouterr()
    assert out == "checked: 0 error(s), 1 warning(s)\n"
    assert 'warning: the link "units/白鹤镇/" leads to no page or file of this site' in err.splitlines()[0]


def test_check_lists_scheduled_pages(tmp_path: Path, capsys: Capture) -> None:
    # Two years ahead of the day the test runs: a date decades ahead would be warned as a slip of the year.
    later = (datetime.now() + timedelta(days=730)).strftime("%Y-%m-%d 08:00")
    root = write_site(tmp_path, {"content/interviews/later.md": interview(date=later)})
    assert main(["check", "--site", str(root)]) == 0
    out, _ = capsys.readouterr()
    # "scheduled" was read as if the page would appear by itself then: a static site changes when it is built.
    assert out.splitlines() == [f"content/interviews/later.md: scheduled for {later}, not published yet: the first "
                                "build from then on publishes it (build and upload the site again then)",
                                "checked: 0 error(s), 0 warning(s)"]


def test_build_and_check_list_the_drafts_they_leave_out(tmp_path: Path, capsys: Capture) -> None:
    # A page left "draft: true" was dropped from the published site without a word ("4 removed"), while a
    # scheduled page was listed; the preview, which shows drafts, hid the difference.
    root = write_site(tmp_path, {"content/interviews/a.md": interview("初稿", extra="draft: true\n"),
                                 "content/interviews/b.md": interview("定稿")})
    said = "content/interviews/a.md: a draft, not published; write draft: false to publish it"
    # A draft dated later is told once, as a draft.
    later = root / "content/interviews/c.md"
    later.write_text(interview("预告", date="2099-01-05 10:00", extra="draft: true\n"), encoding="utf-8")
    assert main(["check", "--site", str(root)]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "c.md" in line] == [
        "content/interviews/c.md: a draft, not published; write draft: false to publish it"]
    later.unlink()
    assert main(["build", "--site", str(root)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == said
    assert main(["build", "--site", str(root)]) == 0  # nothing changed: the last build's report, the draft in it
    out = capsys.readouterr().out.splitlines()
    assert out[0] == said and out[1].endswith("nothing changed since the last build")
    assert main(["check", "--site", str(root)]) == 0
    assert capsys.readouterr().out.splitlines() == [said, "checked: 0 error(s), 0 warning(s)"]
    (root / "content/interviews/a.md").write_text(interview("初稿", extra="draft: false\n"), encoding="utf-8")  # as told
    assert main(["build", "--site", str(root)]) == 0
    assert not any("draft" in line for line in capsys.readouterr().out.splitlines())
    assert (root / "output/interviews/a/index.html").is_file()


def test_check_and_build_tell_a_drafts_broken_link_as_a_published_pages(tmp_path: Path, capsys: Capture) -> None:
    # An interview started with sitegen new stays a draft until it is done: its link to no page was told by the
    # preview only; check said "0 warning(s)", and the warning came once draft: false had published the link.
    root = copy_example(tmp_path)
    assert main(["new", "interview", "白鹤镇：建设草莓种植基地", "--unit", "baihe", "--slug", "caomei-jidi",
                 "--site", str(root)]) == 0
    page = "content/interviews/caomei-jidi.md"
    edit_file(root, page, "\n回答……\n", "\n回答……见[建设草莓种植基地](cases/jianshe-caomei/)。\n")
    drafted = f"{page}: a draft, not published; write draft: false to publish it"
    warned = [f'{page}:28:17: warning: the link "cases/jianshe-caomei/" leads to no page or file of this site',
              "  hint: did you mean /cases/baihe-caomei/?"]
    capsys.readouterr()
    assert main(["check", "--site", str(root)]) == 0
    out, err = capsys.readouterr()
    assert (out.splitlines(), err.splitlines()) == ([drafted, "checked: 0 error(s), 1 warning(s)"], warned)
    assert main(["check", "--strict", "--site", str(root)]) == 1  # as the same warning of a published page does
    capsys.readouterr()
    assert main(["build", "--site", str(root)]) == 0
    assert capsys.readouterr().err.splitlines()[:2] == warned
    # Written in full and published, the page is told the same at the same place.
    for placeholder, written in (("受访人姓名", "王明"), ("职务", "白鹤镇副镇长"), ("第一个问题？", "基地建得怎样？"),
                                 ("draft: true", "draft: false")):
        edit_file(root, page, placeholder, written)
    assert main(["check", "--site", str(root)]) == 0
    out, err = capsys.readouterr()
    assert (out.splitlines(), err.splitlines()) == (["checked: 0 error(s), 1 warning(s)"], warned)
    # The hint followed, still a draft: a clean check.
    edit_file(root, page, "draft: false", "draft: true")
    edit_file(root, page, "(cases/jianshe-caomei/)", "(/cases/baihe-caomei/)")
    assert main(["check", "--strict", "--site", str(root)]) == 0
    assert capsys.readouterr() == (f"{drafted}\nchecked: 0 error(s), 0 warning(s)\n", "")


def test_a_build_for_the_example_address_says_so_until_the_sites_own_is_given(tmp_path: Path, capsys: Capture) -> None:
    # base_url: https://example.org/, as sitegen init writes it, was published without a word: the sitemap, the feeds
    # and every canonical link led to example.org.
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    note = ("  note: the site was built for https://example.org/, an example address: its sitemap, feeds and the "
            "links search engines keep lead there; before publishing, write the site's own address in site.yaml "
            "(base_url:) or build with --base-url")
    assert main(["build", "--site", str(root)]) == 0
    assert capsys.readouterr().err.splitlines() == [note]
    # Built again with nothing changed (as a publisher does right before copying the output), it said nothing.
    assert main(["build", "--site", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.endswith(": nothing changed since the last build\n") and err.splitlines() == [note]
    # The README's own publishing command, copied as it is, built for example.org without a word.
    assert main(["build", "--site", str(root), "--base-url", "https://example.org/qingpu/diaoyan/"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "  note: the site was built for https://example.org/qingpu/diaoyan/, an example address: its sitemap, feeds "
        "and the links search engines keep lead there; before publishing, build with --base-url and the site's own "
        "address"]
    assert main(["build", "--site", str(root), "--base-url", "https://www.qingpu.gov.cn/diaoyan/"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["build", "--site", str(root), "--base-url", "https://www.qingpu.gov.cn/diaoyan/"]) == 0
    out, err = capsys.readouterr()
    assert out.endswith(": nothing changed since the last build\n") and err == ""
    (root / "site.yaml").write_text("title: 测试站点\nbase_url: https://www.qingpu.gov.cn/diaoyan/\n", encoding="utf-8")
    assert main(["build", "--site", str(root)]) == 0
    assert capsys.readouterr().err == ""


def test_the_example_contact_is_warned_once_the_site_is_built_for_a_real_address(tmp_path: Path,
                                                                                  capsys: Capture) -> None:
    # The bundled site built with --base-url https://www.qingpu.gov.cn/diaoyan/ published diaoyan@example.org,
    # 021-0000 0000 and "（示例）" as the accessibility statement's only ways to reach the office, without a word.
    root = copy_example(tmp_path / "site")
    real = "https://www.qingpu.gov.cn/diaoyan/"
    assert main(["build", "--site", str(root), "--base-url", real, "--no-search"]) == 0
    built = f"and the site is built for {real}"
    assert [line for line in capsys.readouterr().err.splitlines() if line.strip()] == [
        f"site.yaml:10:12: warning: publisher: 青浦区大调研工作办公室（示例） says it is an example (示例), {built}: "
        "every page's footer and the open data name it",
        "  hint: write the name of the office that publishes the site",
        f"site.yaml:12:10: warning: contact: email: diaoyan@example.org is an example address, {built}: readers "
        "who write to it reach no one",
        "  hint: write the publisher's own e-mail address (电子邮箱), or delete the email: line",
        f"site.yaml:13:10: warning: contact: phone: 021-0000 0000 is an example number, {built}: readers who call "
        "it reach no one",
        "  hint: write the publisher's own telephone number (联系电话), or delete the phone: line"]
    # Built for the example address, or for this computer or its network (a preview), nothing is said of them.
    for address in ("https://example.org/", "http://127.0.0.1:8000/qingpu/", "http://192.168.1.20/", "http://[::1]/"):
        assert main(["build", "--site", str(root), "--base-url", address, "--no-search", "--quiet"]) == 0
        assert "example" not in capsys.readouterr().err
    settings = (root / "site.yaml").read_text(encoding="utf-8")
    (root / "site.yaml").write_text(settings.replace("大调研工作办公室（示例）", "大调研工作办公室").replace(
        "diaoyan@example.org", "diaoyan@qingpu.gov.cn").replace("021-0000 0000", "021-6972 0000"), encoding="utf-8")
    assert main(["build", "--site", str(root), "--base-url", real, "--no-search"]) == 0
    assert capsys.readouterr().err == ""
    # The example of an older sitegen init, and the placeholder typed in full width, are examples too.
    mended = (root / "site.yaml").read_text(encoding="utf-8")
    for example in ("021-1234 5678", "０２１-００００ ００００"):
        (root / "site.yaml").write_text(mended.replace("021-6972 0000", example), encoding="utf-8")
        assert main(["build", "--site", str(root), "--base-url", real, "--no-search"]) == 0
        assert f"contact: phone: {example} is an example number" in capsys.readouterr().err
    (root / "site.yaml").write_text(mended, encoding="utf-8")
    assert main(["build", "--site", str(root), "--base-url", real, "--no-search"]) == 0
    capsys.readouterr()
    statement = (root / "output/accessibility/index.html").read_text(encoding="utf-8")
    assert "mailto:diaoyan@qingpu.gov.cn" in statement and "tel:021-69720000" in statement


def test_build_with_errors_exits_1_and_keeps_the_output(tmp_path: Path, capsys: Capture) -> None:
    root = clean_site(tmp_path)
    assert main(["build", "--site", str(root), "--quiet"]) == 0
    before = tree_hashes(root / "output")
    (root / "content/interviews/bad.md").write_text(interview().replace("date:", "date："), encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--site", str(root)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        'content/interviews/bad.md:8:5: error: "date：" uses a full-width colon (全角冒号 ：)',
        "  hint: type an English colon followed by a space: date: 2018-05-03 10:00",
        "build stopped: 1 error(s), 0 warning(s); the output folder was not changed"]
    assert tree_hashes(root / "output") == before


def test_a_site_whose_content_folder_is_gone_is_an_error_and_keeps_the_output(tmp_path: Path,
                                                                               capsys: Capture) -> None:
    # content/ renamed (or not synced yet): the build published an empty site, exit 0, every page removed.
    root = clean_site(tmp_path)
    assert main(["build", "--site", str(root), "--quiet"]) == 0
    before = tree_hashes(root / "output")
    (root / "content").rename(root / "content.old")
    capsys.readouterr()
    assert main(["build", "--site", str(root)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "content/: error: the site has no content folder (内容文件夹): content/ is missing beside site.yaml, so the "
        "site would be published without a page",
        f"  hint: if the folder was renamed or moved, put it back as content/ in {root}; if that is not the site's "
        "folder, name the folder that holds site.yaml and content/ (--site)",
        "build stopped: 1 error(s), 0 warning(s); the output folder was not changed"]
    assert tree_hashes(root / "output") == before
    (root / "content.old").rename(root / "content")  # put back, as the hint says
    assert main(["build", "--site", str(root), "--quiet"]) == 0 and tree_hashes(root / "output") == before


def test_a_folder_without_site_yaml(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["check", "--site", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("site.yaml: error: no site.yaml in ")
    assert "hint: run sitegen in a site folder, pass --site DIR" in err
    # Run in the folder itself it said "no site.yaml in .", and that links would be checked once the errors were
    # mended, where there was no site to check.
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"site.yaml: error: no site.yaml in {tmp_path}",
        "  hint: run sitegen in a site folder, pass --site DIR, or create one with: sitegen init DIR",
        "checked: 1 error(s), 0 warning(s)"]


_NOT_READ = "this file is not read as the site's settings: sitegen reads them from site.yaml only"


@pytest.mark.parametrize(("name", "message", "hint"), [
    ("site.yaml.txt", 'the file name ends in ".yaml.txt" (Notepad added ".txt"), so it is not read as the site\'s '
     "settings", "rename the file to site.yaml (turn on 查看 → 文件扩展名 in Windows to see the .txt)"),
    ("site.yml", _NOT_READ, "rename the file to site.yaml"),
    ("site.yaml.yaml", _NOT_READ, "rename the file to site.yaml (turn on 查看 → 文件扩展名 in Windows to see the "
     "whole name)"),
    ("site.yml.txt", _NOT_READ, "rename the file to site.yaml (turn on 查看 → 文件扩展名 in Windows to see the "
     "whole name)"),
    ("Site.yaml", _NOT_READ, "rename the file to site.yaml, in small letters (this computer tells them from capital "
     "ones)"),
    ("site .yaml", _NOT_READ, "rename the file to site.yaml, without the space"),
    ("ｓｉｔｅ.yaml", _NOT_READ, "rename the file to site.yaml, typed in half width (半角)"),
])
def test_settings_saved_under_another_name_are_told_to_be_renamed(tmp_path: Path, capsys: Capture, name: str,
                                                                  message: str, hint: str) -> None:
    # It said "no site.yaml in ." with the hint to create a new site (sitegen init DIR).
    root = clean_site(tmp_path)
    if (root / name).exists():  # Site.yaml on a system that does not tell capital letters from small ones
        pytest.skip("site.yaml is read under this name here")
    (root / "site.yaml").rename(root / name)
    for command in ("check", "build"):
        assert main([command, "--site", str(root)]) == 1
        assert capsys.readouterr().err.splitlines()[:2] == [f"{name}: error: {message}", f"  hint: {hint}"]
    assert not (root / "output").exists()
    (root / name).rename(root / "site.yaml")  # the hint, followed
    assert main(["check", "--site", str(root)]) == 0


@pytest.mark.parametrize(("folder", "typed"), [("site", "{root}"), ("我的 站点", '"{root}"')])
def test_a_folder_inside_a_site_names_the_site_folder(tmp_path: Path, capsys: Capture, folder: str,
                                                      typed: str) -> None:
    # Run from content/interviews/ (where the editor was working), it said "run sitegen in a site folder".
    # A folder with a space was given bare: pasted, "--site /…/我的 站点" was two words.
    root = clean_site(tmp_path / folder)
    assert main(["check", "--site", str(root / "content/interviews")]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"site.yaml: error: no site.yaml in {root / 'content/interviews'}\n"
        f"  hint: this folder is inside the site folder {root}: run sitegen there, or pass --site "
        f"{typed.format(root=root)}\n"
        "checked: 1 error(s), 0 warning(s)\n")  # no site there: no "links are checked once the errors are mended"
    assert main(["check", *shlex.split(err.split(", or pass ", 1)[1].split("\n", 1)[0])]) == 0


def test_wrong_usage_exits_2(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["check", "--format", "xml"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "usage", "error"), [
    (["serve", "--prot", "8000"], "usage: sitegen serve ",
     "sitegen serve: error: unrecognized arguments: --prot 8000 (did you mean --port?)"),
    (["new", "unit", "白鹤镇", "--levle", "town"], "usage: sitegen new unit ",
     "sitegen new unit: error: unrecognized arguments: --levle town (did you mean --level?)"),
    (["build", "--jobs", "2", "x", "y"], "usage: sitegen build ", "sitegen build: error: unrecognized arguments: x y"),
    # The command's own option typed before the command: it said "did you mean --quiet?" of --quiet itself.
    (["--quiet", "build"], "usage: sitegen build ",
     "sitegen build: error: unrecognized arguments: --quiet (write it after the command: sitegen build --quiet)"),
    (["--site=x", "check"], "usage: sitegen check ",
     "sitegen check: error: unrecognized arguments: --site=x (write it after the command: sitegen check --site=x)"),
    # A command or a kind typed wrong: argparse lists the choices; the one meant is named.
    (["bulid"], "usage: sitegen ", "sitegen: error: argument COMMAND: invalid choice: 'bulid' (choose from 'build', "
     "'check', 'serve', 'new', 'init') (did you mean build?)"),
    (["new", "interveiw"], "usage: sitegen new ", "sitegen new: error: argument KIND: invalid choice: 'interveiw' "
     "(choose from 'interview', 'case', 'unit', 'series', 'tally') (did you mean interview?)"),
    (["check", "--format", "jsno"], "usage: sitegen check ", "sitegen check: error: argument --format: invalid "
     "choice: 'jsno' (choose from 'text', 'json') (did you mean json?)"),
])
def test_a_misspelt_option_is_blamed_on_its_command_with_the_option_meant(
        capsys: Capture, argv: list[str], usage: str, error: str) -> None:
    # It showed "usage: sitegen [-h] [--version] COMMAND ..." and no hint of the option meant.
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith(usage) and err.endswith(f"\n{error}\n")


@pytest.mark.parametrize(("folder", "typed"), [("site", "{path}"), ("我的 站点", '"{path}"')])
def test_a_site_folder_typed_without_site_is_pointed_out(tmp_path: Path, capsys: Capture, folder: str,
                                                         typed: str) -> None:
    path = tmp_path / folder
    path.mkdir()
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(path)])
    assert exit_.value.code == 2 and capsys.readouterr().err.endswith(
        f"sitegen build: error: unrecognized arguments: {path} (to name the site folder, write --site "
        f"{typed.format(path=path)})\n")


def test_a_fault_in_a_partial_names_it_and_is_told_once_for_all_the_pages_it_fails(tmp_path: Path,
                                                                                  capsys: Capture) -> None:
    # A mistake in a partial fails every page using it: one message, with the partial's real path
    # (templates/partials/…, not templates/…) and a count, rather than a line per page.
    lists = (default_theme_dir() / "partials/lists.html").read_text(encoding="utf-8")
    broken = lists.replace("{{ term.name }}", "{{ term.name.nosuch.deeper }}", 1)
    assert broken != lists
    pages = {f"content/interviews/p{n}.md": interview(f"访谈{n}", extra="tags: [民生]\n") for n in range(5)}
    root = write_site(tmp_path, {**pages, "templates/partials/lists.html": broken})
    assert main(["build", "--site", str(root), "--no-search"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    line = broken.splitlines().index(next(l for l in broken.splitlines() if "nosuch" in l)) + 1
    assert errors == [f"templates/partials/lists.html:{line}: error: while rendering /interviews/p4/ and 4 more "
                      "pages: UndefinedError: 'str object' has no attribute 'nosuch'"]


@pytest.mark.parametrize(("template", "told"), [
    # Found before rendering, as check finds it (the build compiles the templates first).
    ("{% include 'nope.html' %}", "templates/404.html:1: error: the template nope.html does not exist\n"
                                  "  hint: check the file name in the include, import or extends tag; or, if the "
                                  "name is meant, create templates/nope.html\n"),
    ("{{ 1 / 0 }}", "templates/404.html:1: error: while rendering /404.html: ")])
def test_a_broken_site_template_is_a_message_not_a_traceback(tmp_path: Path, capsys: Capture,
                                                             template: str, told: str) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview(), "templates/404.html": template})
    assert main(["build", "--site", str(root)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(told)
    assert "Traceback" not in err


# -- README "Common mistakes": every message shown there is what sitegen prints ----------

_P = "content/interviews/baihe.md"
_U = "content/units/baihe.yaml"
_SVG = "<svg xmlns='http://www.w3.org/2000/svg'/>"
_CASE = ("---\ntitle: 做大做强白鹤草莓\nunit: baihe\nstatus: in_progress\nproblem: 草莓\nactions: [走访]\n"
         "related_tally: 2018-05-01\ndate: 2018-05-03\n---\n")
_GOOD_CASE = _CASE.replace("related_tally: 2018-05-01", "related_tally: 2018-04-26")


def _tallies(*rows: str) -> str:
    return "name: 白鹤镇\nlevel: town\nmisspellings: [白河镇, 百合镇]\ntallies:\n" + "".join(rows)


def _t(as_of: str, collected: object, escalated: object, resolved: object, in_progress: object) -> str:
    return (f"  - as_of: {as_of}\n    collected: {collected}\n    escalated: {escalated}\n"
            f"    resolved: {resolved}\n    in_progress: {in_progress}\n")


_LONG_BODY = ("## 问题一\n\n白鹤镇各调研组深入村居、企业和群众家中，面对面听取意见建议，收集问题清单，逐条梳理、分类办理，"
              "并及时向群众反馈办理结果。\n")


def _page(old: str, new: str) -> str:
    return interview().replace(old, new)


Mistake = tuple[str, str, dict[str, str | bytes]]
"""(what the editor did, a tiny example as typed, the files of a site that shows it)."""

LINK = "a link"
"""Marks the example whose site gets ``content/interviews/x.md`` as a link to a file outside it."""

MISTAKES: dict[str, list[Mistake]] = {
    "Files and encodings": [
        ('A file saved as GBK (Chinese Windows "ANSI"): it is read, with a warning',
         "Notepad → 另存为 → 编码 ANSI", {_P: interview("白鹤镇访谈").encode("gbk")}),
        ("A file saved by an editor that could not write Chinese: every Chinese character became ? (warning)",
         "name: ??, ## ????????",
         {_P: interview(body="## ????????\n\n??????????????296????\n").replace("name: 受访人", "name: ??")}),
        ("Bytes that are neither UTF-8 nor GBK", "a file damaged or saved in another encoding",
         {_P: interview().encode().replace("回答。".encode(), b"\xff\xfe")}),
        ('A file saved as UTF-16 ("Unicode")', "Notepad → 另存为 → 编码 Unicode", {_P: interview().encode("utf-16")}),
        ("UTF-16 without its byte-order mark", "saved by a tool as UTF-16LE", {_P: interview().encode("utf-16-le")}),
        ("Notepad added .txt to the name", "content/interviews/访谈.md.txt",
         {"content/interviews/访谈.md.txt": interview()}),
        ("A page saved without .md, or with it typed in full width", "content/interviews/访谈．ｍｄ",
         {"content/interviews/访谈．ｍｄ": interview()}),
        ("A Word draft beside the interview", "content/interviews/访谈稿.docx",
         {"content/interviews/访谈稿.docx": b"PK\x03\x04"}),
        ("A unit's record written as JSON", "content/units/huaxin.json",
         {"content/units/huaxin.json": '{"name": "华新镇", "level": "town"}\n'}),
        ("A page written in Word and renamed .md (or saved as RTF by WordPad)", "content/interviews/baihe.md, a .docx",
         {_P: b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml PK\x03\x04word/document.xml"}),
        ("A copy of the open data under content/, where sitegen writes its own", "content/data/tallies.csv",
         {"content/data/tallies.csv": "unit_id,as_of,collected\r\nbaihe,2018-04-26,296\r\n"}),
        ("A page outside the folders sitegen knows", "content/bulletins/2024-06-30.md",
         {"content/bulletins/2024-06-30.md": interview()}),
        ("A link to a file outside the site", "ln -s /etc/hostname content/interviews/x.md", {LINK: b""}),
        ("No front matter", "the page does not start with ---", {_P: "白鹤镇访谈\n\n回答。\n"}),
        ("Front matter never closed", "---, then fields, but no closing ---",
         {_P: "---\ntitle: 白鹤镇访谈\ndate: 2018-05-03\n"}),
        ("The closing --- left out, with a --- further down the text", "---, fields, text, then --- between parts",
         {_P: interview(body="大调研开展以来，成立领导小组。\n\n---\n\n## 问题\n\n回答。\n").replace("\n---\n\n", "\n\n", 1)}),
        ("Empty lines before the first ---", "an empty line 1, then ---", {_P: "\n" + interview()}),
        ("A space copied before the first --- (a no-break space, from Word, a web page or WeChat)", "U+00A0 (unseen), then ---",
         {_P: "\u00a0" + interview()}),
        ("A title pasted above the first ---", "白鹤镇访谈, then ---", {_P: "白鹤镇访谈\n" + interview()}),
        ('A new tally pasted below the unit file after a "---"', "---, then tallies: and the new tally",
         {_U: UNIT + "---\ntallies:\n" + _t("2018-06-30", 300, 143, 105, 52)}),
        ("A case study saved in the folder of interviews", "content/interviews/caomei.md with status:, problem:",
         {"content/interviews/caomei.md": _GOOD_CASE + "\n## 做法\n\n走访。\n"}),
        ("The closing --- typed with an input method", "———", {_P: interview().replace("\n---\n\n", "\n———\n\n")}),
        ('The closing --- typed as the ellipsis (省略号) an input method gives for "..."', "…",
         {_P: interview().replace("\n---\n\n", "\n…\n\n")}),
        ('Front matter closed with YAML\'s "..."', "---, fields, then ...", {_P: interview().replace("\n---\n\n", "\n...\n\n")}),
        ('A "---" typed above some of the fields, closing the front matter before them', "title:, ---, series:, …",
         {_P: interview().replace("title: 白鹤镇访谈\n", "title: 白鹤镇访谈\n---\n").replace("\n---\n\n", "\n\n", 1)}),
        ("The front matter pasted again into the text", "---, fields, --- above ## 问题一",
         {_P: interview(body="引言。\n\n" + interview().split("\n\n")[0] + "\n\n## 问题一\n\n回答。\n")}),
        ("Front matter in TOML, as Hugo allows", '+++\\ntitle = "白鹤镇访谈"\\n+++',
         {_P: '+++\ntitle = "白鹤镇访谈"\ndate = 2018-05-03\n+++\n\n回答。\n'}),
    ],
    "Typing YAML with a Chinese input method": [
        ("A list's first item typed without its \"- \"", "tallies:, then     as_of: 2018-03-01 …, then   - as_of: …",
         {_U: _tallies(_t("2018-03-01", 120, 60, 40, 20).replace("  - as_of", "    as_of"),
                       _t("2018-04-26", 296, 143, 103, 50))}),
        ("A full-width colon", "title：白鹤镇访谈", {_P: _page("title: 白鹤镇访谈", "title：白鹤镇访谈")}),
        ("A Chinese field name and a full-width colon, on a line of tags typed with Chinese commas",
         "标签：大调研，补短板", {_P: interview(extra="标签：大调研，补短板\n")}),
        ("No space after the colon", "title:白鹤镇访谈", {_P: _page("title: 白鹤镇访谈", "title:白鹤镇访谈")}),
        ("A field's colon typed as another mark", "collected; 296 (also collected= 296, collected. 296)",
         {_U: UNIT.replace("collected: 296", "collected; 296")}),
        ("A field's colon typed twice", "collected: : 296", {_U: UNIT.replace("collected: 296", "collected: : 296")}),
        ("A full-width space after the colon", "title:\u3000白鹤镇访谈",
         {_P: _page("title: 白鹤镇访谈", "title:\u3000白鹤镇访谈")}),
        ("A field typed with the input method in full-width mode (全角)", "ｓｅｒｉｅｓ：　ｄａｄｉａｏｙａｎ",
         {_P: _page("series: dadiaoyan", "ｓｅｒｉｅｓ：　ｄａｄｉａｏｙａｎ")}),
        ('": " inside a value', "title: 专访: 网格员的一天", {_P: _page("title: 白鹤镇访谈", "title: 专访: 网格员的一天")}),
        ('A value starting with ">" (or "|"), which YAML reads as the sign of a block of text', "title: >90%居民满意的白鹤镇",
         {_P: _page("title: 白鹤镇访谈", "title: >90%居民满意的白鹤镇")}),
        ('A list item without a space after "-"', "actions:\\n  -走访草莓种业研发中心",
         {"content/cases/caomei.md": _GOOD_CASE.replace("actions: [走访]", "actions:\n  -走访草莓种业研发中心")}),
        ("A list item typed with a full-width dash", "actions:\\n  －走访草莓种业研发中心",
         {"content/cases/caomei.md": _GOOD_CASE.replace("actions: [走访]", "actions:\n  －走访草莓种业研发中心")}),
        ("A list item typed with a bullet \"*\", as in Word or Markdown", "actions:\\n  * 走访沿线各村，摸清出行需求",
         {"content/cases/caomei.md": _GOOD_CASE.replace("actions: [走访]", "actions:\n  * 走访沿线各村，摸清出行需求")}),
        ("Actions pasted one a line without \"- \"", "actions:\\n走访草莓种业研发中心\\n计划打造一家草莓龙头企业",
         {"content/cases/caomei.md": _GOOD_CASE.replace("actions: [走访]",
                                                        "actions:\n走访草莓种业研发中心\n计划打造一家草莓龙头企业")}),
        ("Tags without square brackets", "tags: 大调研, 补短板", {_P: interview(extra="tags: 大调研, 补短板\n")}),
        ("Tags separated by spaces (to keep a space or 、 in one tag, put it in quotes)", "tags: [大调研 补短板]",
         {_P: interview(extra="tags: [大调研 补短板]\n")}),
        ("Tags separated by slashes (/ or ／)", "tags: [大调研/补短板/民生]",
         {_P: interview(extra="tags: [大调研/补短板/民生]\n")}),
        ("A tag typed as a hashtag", "tags: [#大调研, 民生]", {_P: interview(extra="tags: [#大调研, 民生]\n")}),
        ("Tags in quotes joined by a full-width comma", 'tags: ["大调研"，"补短板"]',
         {_P: interview(extra='tags: ["大调研"，"补短板"]\n')}),
        ('A list item with ": " in it', "actions:\\n  - 走访企业: 5家",
         {"content/cases/caomei.md": _GOOD_CASE.replace("actions: [走访]", "actions:\n  - 走访企业: 5家")}),
        ('A note (说明) at the end of a line of a text typed after "|"', "summary: |\\n  …居民满意。   # 摘要",
         {_P: interview(extra="summary: |\n  老街路灯修复，\n  居民满意。   # 摘要\n")}),
        ('A list item ending in ":"', "actions:\\n  - 计划打造:",
         {"content/cases/caomei.md": _GOOD_CASE.replace("actions: [走访]", "actions:\n  - 计划打造:")}),
        ("Tags in full-width brackets", "tags: 【大调研，补短板】", {_P: interview(extra="tags: 【大调研，补短板】\n")}),
        ("A tag with quotes of its own inside its quotes", 'tags: ["大调研", ""补短板""]',
         {_P: interview(extra='tags: ["大调研", ""补短板""]\n')}),
        ("A # after a space inside a list (a comment in YAML: the rest of the line is lost)",
         "tags: [大调研, 第三期 #3, 民生]", {_P: interview(extra="tags: [大调研, 第三期 #3, 民生]\n")}),
        ("A list of tags closed with a full-width bracket", "tags: [大调研, 路灯, 老街改造］",
         {_P: interview(extra="tags: [大调研, 路灯, 老街改造］\n")}),
        ("A unit's misspellings (or aliases) without square brackets", "misspellings: 白河镇, 百合镇",
         {"content/units/baihe.yaml": UNIT.replace("[白河镇, 百合镇]", "白河镇, 百合镇")}),
        ("Quotes around part of a value", 'title: "大调研"微访谈', {_P: interview('"大调研"微访谈')}),
        ("Quotes of the title's own inside the quotes around it", 'title: "重固镇："把问题解决在家门口""',
         {_P: interview('"重固镇："把问题解决在家门口""')}),
        ("A value to quote on a line with a comment, as sitegen new writes every line (the comment stays outside the "
         "quotes)", 'title: "华新镇"：把问题清单变成幸福清单   # 标题 title',
         {_P: interview('"华新镇"：把问题清单变成幸福清单   # 标题 title')}),
        ("A space before the first field", " title: 白鹤镇访谈", {_P: _page("title:", " title:")}),
        ('A line of text between the fields (a blurb, or a note whose "# " was taken off)', "白鹤镇大调研微访谈系列",
         {_P: _page("unit: baihe\n", "白鹤镇大调研微访谈系列\nunit: baihe\n")}),
        ("A TAB used for indentation", "tags:⇥- 大调研 (the TAB shown as ⇥)", {_P: interview(extra="tags:\n\t- 大调研\n")}),
        ("Full-width spaces used for indentation", "interviewee:\\n\u3000\u3000name: 受访人",
         {_P: _page("  name:", "\u3000\u3000name:")}),
        ("No-break spaces pasted from Word, a web page or WeChat", "interviewee:\\n&nbsp;&nbsp;name: 受访人",
         {_P: _page("  name:", "\u00a0\u00a0name:")}),
        ("One line of a block that lost its indent", "interviewee:\\nname: 受访人\\n  role: 党委书记",
         {_P: _page("  name:", "name:")}),
        ("A group's first field typed on the group's own line", "interviewee: 王建国\\n  role: 党委书记",
         {_P: _page("interviewee:\n  name: 受访人\n", "interviewee: 王建国\n")}),
        ("A picture's path typed without src:, its alt: under it", "images:\\n  - images/laojie.svg\\n    alt: 老街",
         {_P: _page("date:", "images:\n  - images/laojie.svg\n    alt: 西江老街的青石板路\ndate:")}),
        ("A line of a list item that lost its indent, with another item below it",
         "  - group: institutions\\n    target: 100\\nnote: 机构\\n  - group: residents",
         {_U: UNIT + "targets:\n  - group: institutions\n    target: 100\nnote: 机构\n  - group: residents\n"
                     "    target: 80\n"}),
        ("The note of a tally and the note of a target, both without their indent", "note: … below a tally and below "
         "a target", {_U: UNIT + "note: 累计数\ntargets:\n  - group: residents\n    target: 80\nnote: 居民\n"}),
        ('A list item that lost its indent (a tally pasted from its "-")',
         "  - as_of: 2018-04-26\\n    …\\n- as_of: 2018-06-30\\n    collected: 310",
         {_U: UNIT + "- as_of: 2018-06-30\n    collected: 310\n    escalated: 150\n    resolved: 110\n"
                     "    in_progress: 50\n"}),
        ("A figure typed under a tally's note, as far in as the note's text (read as a line of the note)",
         "    note: |\\n      累计数\\n      in_progress: 50",
         {_U: UNIT.replace("    in_progress: 50\n", "    note: |\n      累计数\n      in_progress: 50\n")}),
        ("A target typed with 1 space where the others have 2", "  - group: institutions\\n    target: 100\\n"
         " - group: residents", {_U: UNIT + "targets:\n  - group: institutions\n    target: 100\n - group: residents\n"
                                          "    target: 80\n"}),
        ("The first target typed with 3 spaces, the targets after it with 2",
         "   - group: institutions\\n     target: 100\\n  - group: residents\\n    target: 80\\n  - …",
         {_U: UNIT + "targets:\n   - group: institutions\n     target: 100\n  - group: residents\n    target: 80\n"
                     "  - group: registered_enterprises\n    target: 80\n"}),
        ("The first item of a list at the left edge, the others indented (read as one item)",
         "tags:\\n- 大调研\\n  - 补短板", {_P: interview(extra="tags:\n- 大调研\n  - 补短板\n")}),
        ("A quote or bracket never closed", "tags: [市政, 民生", {_P: interview(extra="tags: [市政, 民生\n")}),
        ("A field given twice", "title: … twice", {_P: _page("series:", "title: 又一个标题\nseries:")}),
        ("An anchor or alias", "tags: &t [大调研]", {_P: interview(extra="tags: &t [大调研]\n")}),
        ("A # that starts a comment", "title: 第三期 #3", {_P: interview("第三期 #3")}),
        ("A value that starts with #", "title: #1 白鹤镇", {_P: interview("#1 白鹤镇")}),
        ("A # in a value with the line's comment after it", "title: 第三期 #3   # 标题 title",
         {_P: interview("第三期 #3   # 标题 title")}),
        ("An invisible control character pasted from the web", "title: 白鹤\\x08镇", {_P: interview("白鹤\x08镇")}),
        ("A character that shows nothing, pasted from the web", "unit: baihe\\u200b",
         {_P: _page("unit: baihe", "unit: baihe\u200b")}),
        ("A half-width colon in a line of a text going on from the line above", "其中: 环境类600份",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    note: 据镇大调研办统计，\n"
                     "      其中: 环境类600份\n"}),
        ("A line of a text that starts with # (read as a comment, so dropped)", "  #3号楼、#5号楼 below note:",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    note: 主要问题集中在加装电梯，涉及\n"
                     "      #3号楼、#5号楼\n"}),
        ("A text typed below its key as a line starting with # alone", "note:, and #3号楼、#5号楼已整改 on the line below",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    note:\n      #3号楼、#5号楼已整改\n"}),
        ("A line starting with # above a text in quotes (the line is dropped)",
         'note:, then #3号楼已整改, then "5号楼正在整改"',
         {_U: UNIT + 'targets:\n  - group: residents\n    target: 80\n    note:\n      #3号楼已整改\n'
                     '      "5号楼正在整改"\n'}),
        ("A comment line between the lines of a text", "  # 编者：待核实 between two lines of a note",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    note: 第一行的说明\n      # 编者：待核实\n"
                     "      第二行的说明\n"}),
        ("A summary going on at the start of the next line, after a colon", "summary: 书记谈大调研：, then 截至…",
         {_P: interview(extra="summary: 书记谈大调研：\n截至4月26日收集问题清单296份。\n")}),
    ],
    "Fields and values": [
        ("A misspelt field name", "interveiwee:", {_P: _page("interviewee:", "interveiwee:")}),
        ("A field name from another tool", "description: …",
         {_P: interview(extra="description: 白鹤镇党委书记谈大调研。\n")}),
        ("A required field left out", "no date: line", {_P: _page("date: 2018-05-03 10:00\n", "")}),
        ('A title typed over two lines after "|"', "title: |\\n  白鹤镇：补好短板\\n  建设丝路名镇",
         {_P: _page("title: 白鹤镇访谈\n", "title: |\n  白鹤镇：补好短板\n  建设丝路名镇\n")}),
        ('A role typed over two lines after "|" (a name, publisher or milestone\'s title alike)',
         "role: |\\n    党委书记\\n    镇长", {_P: _page("  role: 党委书记\n", "  role: |\n    党委书记\n    镇长\n")}),
        ("The interviewee left out", "no interviewee: lines",
         {_P: _page("interviewee:\n  name: 受访人\n  role: 党委书记\n", "")}),
        ("A value outside a closed list", "level: 乡", {_U: UNIT.replace("level: town", "level: 乡")}),
        ("A milestone's status typed in other words", "status: 延期",
         {_U: UNIT + "milestones:\n  - date: 2018-01-15\n    title: 召开动员部署会\n    status: 延期\n"}),
        ("A value of a closed list typed in full width (全角)", "level: ｔｏｗｎ",
         {_U: UNIT.replace("level: town", "level: ｔｏｗｎ")}),
        ("A count with a unit after it", "batches: 318批", {_U: UNIT.replace("batches: 318", "batches: 318批")}),
        ("A count with words that say something about it (约, 余, （含重复）): offered to the tally's note",
         "collected: 296（含重复，不含退回）", {_U: UNIT.replace("collected: 296", "collected: 296（含重复，不含退回）")}),
        ("A target typed with words that say it is a floor (不低于, ≥, 以上)", "target: 不低于80%",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 不低于80%\n"}),
        ("A count copied from Excel with its thousands separator", "collected: 1,296",
         {_U: UNIT.replace("collected: 296", "collected: 1,296")}),
        ("A count typed with a point between its thousands, as in Europe", "collected: 1.296",
         {_U: UNIT.replace("collected: 296", "collected: 1.296")}),
        ("A negative count", "collected: -3", {_U: _tallies(_t("2018-04-26", "-3", 0, 0, 0))}),
        ("A percentage outside 0 to 100", "target: 120",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 120\n"}),
        ("A percentage with more decimals than kept (pages show every decimal typed; cut, it never reaches a "
         "target it was short of)", "measured: 79.99999999999999999",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    measured: 79.99999999999999999\n"
                     "    measured_as_of: 2018-06-30\n"}),
        ("A percentage with the % sign first", "target: %80",
         {_U: UNIT + "targets:\n  - group: residents\n    target: %80\n"}),
        ("A date that does not exist", "as_of: 2018-4-31", {_U: UNIT.replace("as_of: 2018-04-26", "as_of: 2018-4-31")}),
        ("A date sitegen cannot read", "deadline: 2018.12",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    deadline: 2018.12\n"}),
        ("A publish time sitegen cannot read", "date: 2018-05-03 25:00", {_P: interview(date="2018-05-03 25:00")}),
        ("A date typed as month and day alone", "date: 12/1", {_P: interview(date="12/1")}),
        ("A date typed with the year last", "as_of: 4/26/2018",
         {_U: UNIT.replace("as_of: 2018-04-26", "as_of: 4/26/2018")}),
        ("A date typed as its digits run together, with a day its month has not", "as_of: 20180230",
         {_U: UNIT.replace("as_of: 2018-04-26", "as_of: 20180230")}),
        ("A date typed with a letter for a digit (O or 〇 for 0, l or I for 1)", "date: 2018-05-1O 10:00",
         {_P: interview(date="2018-05-1O 10:00")}),
        ("A yes/no field with another word", "draft: 不是", {_P: interview(extra="draft: 不是\n")}),
        ("Text where a group of fields goes", "interviewee: 张三 & 李四",
         {_P: _page("interviewee:\n  name: 受访人\n  role: 党委书记", "interviewee: 张三 & 李四")}),
        ("A group of fields where a list is expected", "tags: {大调研: 1}", {_P: interview(extra="tags: {大调研: 1}\n")}),
        ("A unit's list with nothing in it", "milestones: 无 (also tallies: with nothing under it)",
         {_U: UNIT + "milestones: 无\n"}),
        ('A unit\'s tallies typed without "- "', "tallies: then     as_of: 2018-04-26,     collected: 296 …",
         {_U: UNIT.replace("  - as_of:", "    as_of:")}),
        ("The lines of a list typed in a text field (warning)", "note: …其中：\\n  - 本地居民\\n  - 外来人口",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    note: 区统一要求。其中：\n      - 本地居民\n"
                     "      - 外来人口\n"}),
        ("Milestones (or targets) typed as \"key: value\" pairs", "milestones:\\n  2018-01-10: 成立大调研工作领导小组",
         {_U: UNIT + "milestones:\n  2018-01-10: 成立大调研工作领导小组\n"}),
        ("A slug that is not a-z, 0-9 and -", "slug: 白鹤", {_P: interview(extra="slug: 白鹤\n")}),
        ("A slug that would leave the output folder", "slug: ../../outside", {_P: interview(extra="slug: ../../outside\n")}),
        ("A slug Windows keeps for a device (Windows 保留名)", "slug: con", {_P: interview(extra="slug: con\n")}),
        ("A file to download named as a Windows device", "content/files/con.pdf",
         {_P: interview(), "content/files/con.pdf": "%PDF-1.4\n"}),
        ("A title of signs alone", "title: ！！！", {"content/interviews/访谈.md": interview("！！！")}),
        ("A record file name that is not an id", "content/units/白鹤镇.yaml", {"content/units/白鹤镇.yaml": UNIT}),
        ("A unit file left empty", "content/units/huaxin.yaml with nothing in it", {"content/units/huaxin.yaml": ""}),
        ("A copy of a unit's file, made by Windows Explorer", "content/units/baihe - 副本.yaml",
         {_U: UNIT, "content/units/baihe - 副本.yaml": UNIT}),
        ("A unit's file copied for another town, with the first town's id: left in it", "id: baihe in huaxin.yaml",
         {_U: UNIT, "content/units/huaxin.yaml": "id: baihe\nname: 华新镇\nlevel: town\n"}),
        ("A unit's id typed with capitals", "unit: Baihe", {_U: UNIT, _P: _page("unit: baihe", "unit: Baihe")}),
        ("A case study's field typed in an interview", "status: resolved in content/interviews/",
         {_P: interview(extra="status: resolved\n")}),
        ("A deadline typed as a quarter", "deadline: 2018年第三季度",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    deadline: 2018年第三季度\n"}),
        ("A list typed under a folded block, whose lines it joins (warning)", "description: >, then - 成立领导小组",
         {_U: UNIT + "milestones:\n  - date: 2018-01-15\n    title: 动员部署会\n    description: >\n      分三步：\n"
                     "      - 成立领导小组\n      - 印发方案\n"}),
        ("A name with a no-break space pasted from a web page (warning)", "name: 白鹤\u00a0镇",
         {_U: UNIT.replace("name: 白鹤镇", "name: 白鹤\u00a0镇")}),
    ],
    "Text left as sitegen new wrote it (drafts are never told)": [
        ("The interviewee left as sitegen new wrote it, and draft: false", "name: 受访人姓名, role: 职务",
         {_P: _page("  name: 受访人\n  role: 党委书记", "  name: 受访人姓名\n  role: 职务")}),
        ("The first question and its answer left as sitegen new wrote them", "## 第一个问题？, 回答……",
         {_P: interview(body="## 第一个问题？\n\n回答……\n")}),
        ("A placeholder with a full-width space after it (全角空格, as a Chinese input method types it)",
         "role: 职务\u3000", {_P: _page("  role: 党委书记", "  role: 职务\u3000")}),
        ("The first question and its answer left in a page whose front matter has another mistake",
         "foo: 1, then ## 第一个问题？, 回答……", {_P: interview(extra="foo: 1\n", body="## 第一个问题？\n\n回答……\n")}),
        ("A value typed for \"not known yet\" (warning)", "role: 待定, summary: 暂无",
         {_P: _page("  role: 党委书记", "  role: 待定").replace("date:", "summary: 暂无\ndate:")}),
        ("A unit typed as \"not known yet\"", "unit: 待定", {_P: _page("unit: baihe", "unit: 待定")}),
        ("A series' blurb left as sitegen new wrote it", "blurb: 一两句话介绍本栏目。",
         {"content/series/dadiaoyan.yaml": SERIES.replace("各镇负责人谈大调研。", "一两句话介绍本栏目。")}),
        ("The examples of a new unit uncommented as they are (invented figures)", "# tallies:, # targets:, "
         "# milestones: with the # removed",
         {_U: UNIT + "    note: 示例数字，不是真实数据：请换成本单位的数字，并在此写明数据来源\n"
                     "targets:\n  - group: residents\n    target: 80\n    measured: 50\n    measured_as_of: 2018-04-26\n"
                     "    note: 示例目标，不是真实数据：请换成本单位的目标和进度，并在此写明依据\n"
                     "milestones:\n  - date: 2018-04-26\n    title: 示例：成立调研领导小组\n    description: 一两句说明\n"}),
        ("An example of the editors' guide pasted as shown", "note: 示例数字：截至2018年6月30日的累计数…",
         {_U: UNIT + "    note: 示例数字：截至2018年4月26日的累计数，据镇大调研办公室统计。\n"}),
        ("The editors' guide's example tally pasted with its note deleted (warning)",
         "collected: 310, escalated: 150, resolved: 120, in_progress: 40",
         {_U: _tallies(_t("2018-06-30", 310, 150, 120, 40))}),
    ],
    "Figures and dates that do not agree": [
        ("Two days typed for a tally's one day", "as_of: 2018年5月1日至5月20日",
         {_U: _tallies(_t("2018年5月1日至5月20日", 296, 143, 103, 50))}),
        ("Two days typed in Chinese numerals for a tally's one day", "as_of: 二〇一八年五月一日至二十日",
         {_U: _tallies(_t("二〇一八年五月一日至二十日", 296, 143, 103, 50))}),
        ("A tally that does not add up", "143 + 103 + 51 ≠ 296", {_U: _tallies(_t("2018-04-26", 296, 143, 103, 51))}),
        ("A whole tally typed with a 0 too many, told once (warning)",
         "2960, 1430, 1030, 500 for the 296, 143, 103, 50 its note gives",
         {_U: _tallies(_t("2018-04-26", 2960, 1430, 1030, 500)
                       + "    note: 截至4月26日，收集问题清单296份，其中143份已提交区相关部门，103份已解决，50份正在办理。\n")}),
        ("A figure of a page's text one slip of the keys from its unit's tally of that day (warning)",
         "截至4月26日，…收集问题清单269份, with collected: 296",
         {_P: interview(body="截至4月26日，全镇共收集问题清单269份，其中143份已提交区级，103份已解决，50份正在办理。\n")}),
        ("Two tallies on one date", "as_of: 2018-04-26 twice",
         {_U: _tallies(_t("2018-04-26", 10, 1, 1, 8), _t("2018-04-26", 12, 2, 2, 8))}),
        ("Tallies out of date order", "2018-04-26, then 2018-03-01",
         {_U: _tallies(_t("2018-04-26", 10, 1, 1, 8), _t("2018-03-01", 5, 1, 1, 3))}),
        ("A new tally pasted above the others", "2018-06-30 pasted first, above 2018-04-26 and 2018-05-31",
         {_U: _tallies(_t("2018-06-30", 350, 160, 140, 50), _t("2018-04-26", 296, 143, 103, 50),
                       _t("2018-05-31", 320, 150, 120, 50))}),
        ("A tally dated in the future (a typing slip in the year)", "as_of: 2081-05-26",
         {_U: _tallies(_t("2018-04-26", 296, 143, 103, 50), _t("2081-05-26", 400, 200, 150, 50))}),
        ("A tally of zeros, pasted or uncommented as sitegen new wrote it (warning)", "collected: 0",
         {_U: _tallies(_t("2018-04-26", 0, 0, 0, 0))}),
        ("A tally pasted from sitegen new tally and never changed (warning)",
         "as_of: 2018-05-10 with the figures of 2018-04-26",
         {_U: _tallies(_t("2018-04-26", 296, 143, 103, 50), _t("2018-05-10", 296, 143, 103, 50))}),
        ("The example target of a new unit, uncommented with its note deleted (warning)",
         "target: 80, measured: 50, deadline at the end of the year measured",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    deadline: 2018-12-31\n    measured: 50\n"
                     "    measured_as_of: 2018-04-26\n"}),
        ("A publish date decades ahead (a typing slip in the year; warning)", "date: 2081-05-03 10:00",
         {_P: interview(date="2081-05-03 10:00")}),
        ("Two unit files for one town", "content/units/baihe2.yaml, a copy of baihe.yaml",
         {_U: UNIT, "content/units/baihe2.yaml": UNIT}),
        ("A second file made for one town's next figures (warning)", "name: 白鹤镇（6月） in content/units/baihe2.yaml",
         {_U: UNIT, "content/units/baihe2.yaml": UNIT.replace("name: 白鹤镇", "name: 白鹤镇（6月）").replace(
             "misspellings: [白河镇, 百合镇]\n", "").replace("as_of: 2018-04-26", "as_of: 2018-06-30").replace(
             "collected: 296", "collected: 310").replace("in_progress: 50", "in_progress: 64")}),
        ("A unit's name saying another level than its `level:` (warning)", "name: 华新镇, level: 区",
         {_U: UNIT, "content/units/huaxin.yaml": "name: 华新镇\nlevel: 区\n"}),
        ("A unit file copied to start another, its tallies kept (warning)",
         "content/units/huaxin.yaml, a copy of baihe.yaml named 华新镇",
         {_U: UNIT, "content/units/huaxin.yaml": UNIT.replace("白鹤镇", "华新镇").replace("[白河镇, 百合镇]", "[]")}),
        ("A page copied to start another, its title changed but its text kept (warning)",
         "content/interviews/baihe - 副本.md, titled 另一篇访谈",
         {_P: interview(body=_LONG_BODY), "content/interviews/baihe - 副本.md": interview("另一篇访谈", body=_LONG_BODY)}),
        ("A unit file copied to start another, its other name (alias) kept", "aliases: [白鹤] in xujing.yaml",
         {_U: UNIT.replace("level: town\n", "level: town\naliases: [白鹤]\n"),
          "content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\naliases: [白鹤]\nsummary: 白鹤镇的邻镇。\n"}),
        ("A unit file copied to start another, its summary kept (warning)", "summary: 青浦区白鹤镇是… in huaxin.yaml",
         {_U: UNIT + "summary: 青浦区白鹤镇是“中国草莓之乡”。\n",
          "content/units/huaxin.yaml": "name: 华新镇\nlevel: town\nsummary: 青浦区白鹤镇是“中国草莓之乡”。\n"}),
        ("A second file for one town, its name typed with other characters of the same sound (warning)",
         "name: 白河镇 in content/units/baihezhen.yaml",
         {_U: UNIT.replace("misspellings: [白河镇, 百合镇]\n", ""),
          "content/units/baihezhen.yaml": UNIT.replace("name: 白鹤镇", "name: 白河镇").replace(
              "misspellings: [白河镇, 百合镇]\n", "")}),
        ("A cumulative count that falls (warning)", "collected 300, then 296",
         {_U: _tallies(_t("2018-03-01", 300, 140, 100, 60), _t("2018-04-26", 296, 143, 103, 50))}),
        ("Milestones out of date order", "2018-01-15, then 2018-01-12",
         {_U: UNIT + "milestones:\n  - date: 2018-01-15\n    title: 动员部署会\n  - date: 2018-01-12\n"
                     "    title: 成立领导小组\n"}),
        ("A milestone pasted twice (warning)", "召开动员部署会 of 2018-01-15 twice",
         {_U: UNIT + "milestones:\n  - date: 2018-01-15\n    title: 召开动员部署会\n    description: 全镇动员部署。\n"
                     "  - date: 2018-01-15\n    title: 召开动员部署会\n    description: 全镇动员部署。\n"}),
        ("A milestone still marked planned after its day (warning)", "status: planned, date: 2018-01-15",
         {_U: UNIT + "milestones:\n  - date: 2018-01-15\n    title: 召开动员部署会\n    status: planned\n"}),
        ("A milestone marked done on a day still to come (warning)", "status: done, date: 2081-01-15",
         {_U: UNIT + "milestones:\n  - date: 2081-01-15\n    title: 召开动员部署会\n    status: done\n"}),
        ("A measured value without its date", "measured: 62.5",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    measured: 62.5\n"}),
        ("A measured value dated ahead", "measured_as_of: 2081-06-30",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    measured: 62.5\n"
                     "    measured_as_of: 2081-06-30\n"}),
        ("Two targets for one group", "group: residents twice",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n  - group: residents\n    target: 90\n"}),
        ("A misspelling that is part of another unit's name", "misspellings: [白河] beside 白河村",
         {_U: UNIT.replace("misspellings: [白河镇, 百合镇]", "misspellings: [白河, 百合镇]"),
          "content/units/baihecun.yaml": "name: 白河村\nlevel: village\n"}),
        ("A count with digits typed twice (warning)", "collected: 2962296",
         {_U: _tallies(_t("2018-03-01", 280, 140, 100, 40), _t("2018-04-26", 2962296, 143, 103, 2962050))}),
        ("A unit file named by a code a spreadsheet shows as a number (warning)", "content/units/310118101000.yaml",
         {"content/units/310118101000.yaml": "name: 华新镇\nlevel: town\n"}),
    ],
    "References, links and pictures": [
        ("A photo straight from a phone, too heavy for readers' phones (warning)", "![合影](images/photo.jpg), 4.3 MB",
         {_P: interview(body="![合影](images/photo.jpg)\n"),
          "content/images/photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                                      b"\xff\xc0\x00\x11\x08\x0b\xd0\x0f\xc0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
                                      + b"\x00" * (4400 << 10) + b"\xff\xd9"}),
        ("A picture copied with a WeChat article's text", "![草莓基地](https://mmbiz.qpic.cn/mmbiz_jpg/…)",
         {_P: interview(body="![草莓基地](https://mmbiz.qpic.cn/mmbiz_jpg/Q3auHgzwzM4fGxZbic0aXdx/640?wx_fmt=jpeg)\n")}),
        ("Words typed after a link's path of this site, without quotes", "详见[白鹤镇](/units/baihe/ 白鹤镇的进展)。",
         {_P: interview(body="详见[白鹤镇](/units/baihe/ 白鹤镇的进展)。\n")}),
        ("A link missing its closing parenthesis (warning)", "详见[白鹤镇](/units/baihe/。",
         {_P: interview(body="详见[白鹤镇](/units/baihe/。\n")}),
        ("A link to a unit typed with its name instead of its address (warning)", "详见[白鹤镇](units/白鹤镇/)。",
         {_P: interview(body="详见[白鹤镇](units/白鹤镇/)。\n")}),
        ("A link typed with a full-width bracket and missing its closing parenthesis (warning)",
         "详见[白鹤镇】(/units/baihe/。", {_P: interview(body="详见[白鹤镇】(/units/baihe/。\n")}),
        ("A web address typed in the text with a full-width colon", "详见 http：//www.shcafe.org/shzxxw/120946.html 。",
         {_P: interview(body="详见 http：//www.shcafe.org/shzxxw/120946.html 。\n")}),
        ("A WeChat picture pasted as HTML, its address in data-src", '<img data-src="https://mmbiz.qpic.cn/…">',
         {_P: interview(body='草莓基地：\n\n<img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/Q3auHgzwzM4fGxZbic0aXdx/640?wx_fmt=jpeg">\n')}),
        ("A WeChat picture pasted as HTML, a stand-in in src", '<img src="data:image/svg+xml,…" data-src="https://mmbiz.qpic.cn/…">',
         {_P: interview(body='<img src="data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3C%2Fsvg%3E" '
                             'data-src="https://mmbiz.qpic.cn/mmbiz_jpg/Q3auHgzwzM4fGxZbic0aXdx/640?wx_fmt=jpeg" alt="会议现场">\n')}),
        ("A picture pasted as HTML, its address in data-src", '<img src="data:image/gif;base64,…" data-src="https://…">',
         {_P: interview(body='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://www.shcafe.org/uploads/baihe-1.jpg" '
                             'alt="会议现场">\n')}),
        ("A unit named by its name instead of its id", "unit: 白鹤镇", {_P: _page("unit: baihe", "unit: 白鹤镇")}),
        ("A unit named by one of its misspellings", "unit: 白河镇", {_P: _page("unit: baihe", "unit: 白河镇")}),
        ("A page filed under a unit of a like name (warning)", "unit: baihe (白鹤镇) under title: 白鹤村：家门口的大调研",
         {_P: interview("白鹤村：家门口的大调研").replace("role: 党委书记", "role: 白鹤村党委书记"),
          "content/units/bai-he-cun.yaml": "name: 白鹤村\nlevel: village\n"}),
        ("A unit id mistyped", "unit: baihee", {_P: _page("unit: baihe", "unit: baihee")}),
        ("A unit id typed without its hyphens, or shorter", "unit: huaxin for hua-xin-zhen (华新镇)",
         {_P: _page("unit: baihe", "unit: huaxin"),
          "content/units/hua-xin-zhen.yaml": UNIT.replace("白鹤镇", "华新镇").replace("[白河镇, 百合镇]", "[]").replace(
              "collected: 296", "collected: 300").replace("in_progress: 50", "in_progress: 54")}),
        ("A unit file renamed, its pages naming the old id", "content/units/hua-xin-zhen.yaml renamed huaxin.yaml",
         {_P: _page("unit: baihe", "unit: hua-xin-zhen"),
          "content/units/huaxin.yaml": UNIT.replace("白鹤镇", "华新镇").replace("[白河镇, 百合镇]", "[]").replace(
              "collected: 296", "collected: 300").replace("in_progress: 50", "in_progress: 54")}),
        ("A series that does not exist", "series: weifangtan",
         {_P: _page("series: dadiaoyan", "series: weifangtan")}),
        ("A related tally that does not exist", "related_tally: 2018-05-01", {"content/cases/caomei.md": _CASE}),
        ("A related tally on a day that does not exist", "related_tally: 2018-04-62",
         {"content/cases/caomei.md": _CASE.replace("2018-05-01", "2018-04-62")}),
        ("A tally's date mistyped, the case studies citing the date meant",
         "as_of: 2008-04-26 in the unit, related_tally: 2018-04-26 in its case study",
         {_U: UNIT.replace("as_of: 2018-04-26", "as_of: 2008-04-26"), "content/cases/caomei.md": _GOOD_CASE}),
        ("A date typed with the wrong century (warning)",
         "measured_as_of: 1918-06-30, the site's other dates in the 2000s",
         {_U: UNIT + "targets:\n  - group: residents\n    target: 80\n    measured: 82\n"
                     "    measured_as_of: 1918-06-30\nmilestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n"}),
        ("A case study citing figures dated after it (warning)", "date: 2018-04-01 09:00, related_tally: 2018-04-26",
         {_U: _tallies(_t("2018-03-01", 100, 50, 30, 20), _t("2018-04-26", 296, 143, 103, 50)),
          "content/cases/caomei.md": _GOOD_CASE.replace("date: 2018-05-03", "date: 2018-04-01 09:00")}),
        ("A picture that is not there", "src: images/none.svg",
         {_P: interview(extra="images:\n  - src: images/none.svg\n    alt: 草莓\n")}),
        ("A photo from an iPhone (HEIC) or a scan (TIFF)", "src: images/caomei.heic",
         {_P: interview(extra="images:\n  - src: images/caomei.heic\n    alt: 草莓\n"),
          "content/images/caomei.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)}),
        ("A picture typed with an input method's full-width signs", "！[草莓]（images/baihe-caomei.svg）",
         {_P: interview(body="## 问题\n\n！[草莓]（images/baihe-caomei.svg）\n")}),
        ("Items typed with a bullet sign, or numbered in Chinese style", "●坚持需求导向…, 主要做法：①成立领导小组",
         {_P: interview(body="## 问题\n\n●坚持需求导向。\n\n●坚持问题导向。\n\n主要做法：\n①成立领导小组\n")}),
        ("A question numbered as a heading but typed without ##", "一、大调研开展以来，有哪些进展？",
         {_P: interview(body="一、大调研开展以来，有哪些进展？\n\n回答。\n")}),
        ("A link to a page the site does not have", "[白鹤镇](/units/baihee/)",
         {_P: interview(body="## 问题\n\n详见[白鹤镇](/units/baihee/)。\n")}),
        ("A link to a unit the site does not have yet", "[华新镇](/units/huaxin/)",
         {_P: interview(body="## 问题\n\n详见[华新镇](/units/huaxin/)。\n")}),
        ("A link to another interview by its file name", "[另一篇](2018-05-other.md)",
         {_P: interview(body="## 问题\n\n另见[另一篇](2018-05-other.md)。\n"),
          "content/interviews/2018-05-other.md": interview("另一篇访谈", extra="slug: other\n")}),
        ("A link to another interview by its slug alone", "[另一篇](baihe-other)",
         {_P: interview(body="## 问题\n\n另见[另一篇](baihe-other)。\n"),
          "content/interviews/2018-05-other.md": interview("另一篇访谈", extra="slug: baihe-other\n")}),
        ('A link to a file whose name holds "#" (content/files/Data#1.txt)', "[数据](files/Data#1.txt)",
         {_P: interview(body="## 问题\n\n详见[数据](files/Data#1.txt)。\n"), "content/files/Data#1.txt": "1\n"}),
        ("A link to a heading of another interview, with the heading's words changed", "[另一篇](/interviews/other/#下一步打算)",
         {_P: interview(body="## 问题\n\n详见[另一篇](/interviews/other/#下一步打算)。\n"),
          "content/interviews/2018-05-other.md": interview("另一篇访谈", extra="slug: other\n",
                                                            body="## 下一步有什么打算？\n\n回答。\n")}),
        ("A link to a heading of the same page typed with ./ in front", "[上文](./#问题)",
         {_P: interview(body="## 问题\n\n详见[上文](./#问题)。\n")}),
        ("A link copied from the preview's address bar", "[白鹤镇](http://127.0.0.1:8000/units/baihe/)",
         {_P: interview(body="## 问题\n\n详见[白鹤镇](http://127.0.0.1:8000/units/baihe/)。\n")}),
        ("Words typed after a link's web address, without quotes", "[原文](http://www.shcafe.org/shzxxw/120946.html 上海热线)",
         {_P: interview(body="## 问题\n\n详见[原文](http://www.shcafe.org/shzxxw/120946.html 上海热线)。\n")}),
        ("A picture on your own computer", "src: C:\\Users\\editor\\Desktop\\caomei.png",
         {_P: interview(extra="images:\n  - src: C:\\Users\\editor\\Desktop\\caomei.png\n    alt: 草莓\n")}),
        ("Two pages with one URL", "slug: baihe in two pages",
         {_P: interview(extra="slug: baihe\n"), "content/interviews/other.md": interview("另一篇", extra="slug: baihe\n")}),
        ("A copy of a page, made by Windows Explorer", "content/interviews/baihe - 副本.md",
         {_P: interview(extra="slug: baihe\n"), "content/interviews/baihe - 副本.md": interview(extra="slug: baihe\n")}),
        ("An old address (aliases) typed as a web address", "aliases: [https://example.org/interviews/baihe/]",
         {_P: interview(extra="aliases: [https://example.org/interviews/baihe/]\n")}),
        ("An old address that is another page's address", "aliases: [/interviews/other/]",
         {_P: interview(extra="aliases: [/interviews/other/]\n"), "content/interviews/other.md": interview("另一篇")}),
        ("An old address that a page sitegen makes has", "aliases: [/interviews/]",
         {_P: interview(extra="aliases: [/interviews/]\n")}),
        ("The page's own address as an old address (warning)", "aliases: [/interviews/baihe/] in baihe.md",
         {_P: interview(extra="aliases: [/interviews/baihe/]\n")}),
        ("Two interviews with one title (a copy, or a title not changed)", "content/interviews/2018-06-huaxin.md",
         {_P: interview(), "content/interviews/2018-06-huaxin.md": interview()}),
        ("A source typed as its name and its address on one line", "source: 上海热线新闻网 http://www.shcafe.org/…",
         {_P: interview(extra="source: 上海热线新闻网 http://www.shcafe.org/shzxxw/120946.html\n")}),
        ("A source address broken over two lines where it was copied", "url: http://www.shcafe.org/shzxxw/ 120946.html",
         {_P: interview(extra="source:\n  publisher: 上海热线\n  url: http://www.shcafe.org/shzxxw/ 120946.html\n")}),
        ("A theme's file linked by a template but never added (warning)",
         "{{ '/assets/print.css'|url }} in templates/interview.html",
         {_P: interview(), "templates/interview.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                       '<link rel="stylesheet" href="{{ \'/assets/print.css\'|url }}" '
                                                       'media="print">{% endblock %}\n'}),
    ],
    "Words and accessibility (warnings)": [
        ("The source article's length and reading time, pasted with its text", "本篇文章1688字,读完约4分钟",
         {_P: interview(body="本篇文章1688字,读完约4分钟\n\n## 问题一\n\n回答。\n")}),
        ("A known misspelling of a unit name", "百合镇", {_P: interview(body="## 问题\n\n百合镇的草莓。\n")}),
        ("A unit name typed with other characters of its sound, not listed among its misspellings (warning)", "柏合镇",
         {_P: interview(body="## 问题\n\n柏合镇的草莓。\n")}),
        ("A misspelling hidden in an escape", 'summary: "白\\u6cb3镇的草莓"',
         {_P: interview(extra='summary: "白\\u6cb3镇的草莓"\n')}),
        ("A picture without alt text", "images: - src: … (no alt)",
         {_P: interview(extra="images:\n  - src: images/a.svg\n"), "content/images/a.svg": _SVG}),
        ("A picture in the text without a description", "![](images/a.svg)",
         {_P: interview(body="![](images/a.svg)\n"), "content/images/a.svg": _SVG}),
        ("A heading level skipped", "## then ####", {_P: interview(body="## 问题\n\n#### 细节\n")}),
        ("A list pasted from WeChat or WPS, a space after each dot", "● 60份已提交",
         {_P: interview(body="## 问题\n\n● 60份已提交；\n● 90份已解决。\n")}),
        ("A list of two levels pasted from Word, a TAB after each sign", "●⇥摸排需求, then o⇥走访老人",
         {_P: interview(body="## 问题\n\n●\t摸排需求；\no\t走访老人；\n●\t建立台账。\n")}),
        ("A table row typed with a full-width ｜", "| 照明 ｜ 18 |",
         {_P: interview(body="## 问题\n\n| 类别 | 收集 |\n| --- | --- |\n| 照明 ｜ 18 |\n")}),
        ("A table typed with full-width ｜ throughout", "｜类别｜收集｜",
         {_P: interview(body="## 问题\n\n｜类别｜收集｜\n｜－－｜－－｜\n｜照明｜18｜\n")}),
        ("The line of --- under a table's first row typed with full-width dashes", "| －－ | －－ |",
         {_P: interview(body="## 问题\n\n| 类别 | 收集 |\n| －－ | －－ |\n| 照明 | 18 |\n")}),
        ("A heading closed with full-width ＃", "## 问题 ＃＃", {_P: interview(body="## 问题 ＃＃\n\n回答。\n")}),
        ("A heading's place typed in full-width braces", "## 下一步打算 ｛#xia｝",
         {_P: interview(body="## 下一步打算 ｛#xia｝\n\n回答。\n")}),
        ("A heading given a class", "## 下一步打算 {.red}", {_P: interview(body="## 下一步打算 {.red}\n\n回答。\n")}),
        ("The place of one heading given to another", "## 下一步 {#xia}`, then `## 下一阶段 {#xia}",
         {_P: interview(body="## 下一步 {#xia}\n\n回答。\n\n## 下一阶段 {#xia}\n\n回答。\n")}),
        ("A heading given the place of an element of the page's layout", "## 主要做法 {#main}",
         {_P: interview(body="## 主要做法 {#main}\n\n回答。\n")}),
        ("A place named at the end of a paragraph, which only a heading takes", "这一段的编号 {#duan}",
         {_P: interview(body="## 问题\n\n回答。\n\n这一段的编号 {#duan}\n")}),
        ("A picture in the text on your own computer", "![照片](C:\\Users\\…\\草莓.jpg)",
         {_P: interview(body="## 问题\n\n![照片](C:\\Users\\张三\\Desktop\\草莓.jpg)\n")}),
        ("A year at the start of a line, which Markdown takes for a list's number", "2018. 全年目标完成。",
         {_P: interview(body="## 问题\n\n2018. 全年目标完成。\n2020. 巩固提升。\n")}),
        ("A year typed as a list number under a list item", "- 时间线：\\n    2018. 启动大调研。",
         {_P: interview(body="## 问题\n\n- 时间线：\n    2018. 启动大调研。\n")}),
        ("A numbered list shown with other numbers than typed", "1. 第一\\n3. 第三",
         {_P: interview(body="## 问题\n\n1. 第一\n3. 第三\n")}),
        ("A list of sources typed as link definitions", "[2]: http://www.shcafe.org/…",
         {_P: interview(body="## 问题\n\n共收集问题296份[2]。\n\n[2]: http://www.shcafe.org/shzxxw/120946.html\n")}),
        ("A footnote without its note", "见附件[^1]", {_P: interview(body="## 问题\n\n见附件[^1]。\n")}),
        ("A footnote's note typed with a full-width colon", "[^1]：附件为调研报告全文",
         {_P: interview(body="## 问题\n\n见附件[^1]。\n\n[^1]：附件为调研报告全文。\n")}),
        ("A note that no footnote in the text refers to", "[^2]: … and no [^2] in the text",
         {_P: interview(body="## 问题\n\n见附件[^1]。\n\n[^1]: 附件为调研报告全文。\n[^2]: 早先的注释。\n")}),
        ("A heading pasted with Word's first-line indent (全角空格)", "　　## 细节",
         {_P: interview(body="## 问题\n\n\u3000\u3000## 细节\n")}),
        ("A table pasted from Excel (cells between TABs)", "类别⇥收集⇥已解决 (the TABs shown as ⇥)",
         {_P: interview(body="## 问题\n\n类别\t收集\t已解决\n照明\t18\t10\n")}),
        ("Rows pasted from Excel under a list item", "- 照明问题：\\n    照明⇥18⇥10\\n    道路⇥5⇥3",
         {_P: interview(body="## 问题\n\n- 照明问题：\n    照明\t18\t10\n    道路\t5\t3\n")}),
        ("A table typed with an indent under a list item", "- 照明问题：\\n    | 类别 | 收集 |\\n    | --- | --- |",
         {_P: interview(body="## 问题\n\n- 照明问题：\n    | 类别 | 收集 |\n    | --- | --- |\n    | 照明 | 18 |\n")}),
        ("A table without the line of --- under its first row", "| 类别 | 收集 |\\n| 照明 | 18 |",
         {_P: interview(body="## 问题\n\n| 类别 | 收集 |\n| 照明 | 18 |\n")}),
        ("A list item typed with a full-width space after the dash", "-　征求意见",
         {_P: interview(body="## 问题\n\n推进步骤：\n\n-\u3000征求意见\n")}),
        ("A no-break space pasted from Word between Chinese words", "调研组走访&nbsp;居民时",
         {_P: interview(body="## 问题\n\n调研组走访\u00a0居民时，发现路灯不亮。\n")}),
        ("A sub-item indented by fewer than four spaces (下一级)", "1. 第一项\\n   - 子项甲",
         {_P: interview(body="## 问题\n\n1. 第一项\n   - 子项甲\n2. 第二项\n")}),
        ("One star for each hidden character of a name", "张*明、李*华",
         {_P: interview(body="## 问题\n\n村民张*明、李*华反映，路灯不亮。\n")}),
        ("Bold typed with a space inside its stars", "** 重点 **",
         {_P: interview(body="## 问题\n\n这是** 重点 **内容。\n")}),
        ("Bold never closed", "- **131份已提交区相关部门；",
         {_P: interview(body="## 问题\n\n- **131份已提交区相关部门；\n- 103份已解决。\n")}),
        ("A level-1 heading in the text", "# 标题", {_P: interview(body="# 标题\n\n正文。\n")}),
        ('A ">" typed at the start of a line for "more than"', ">90%的居民表示满意。",
         {_P: interview(body="调研结果：\n\n>90%的居民表示满意。\n")}),
        ("An interview whose text is all inside a comment", "<!-- 访谈稿待补充 … -->",
         {_P: interview(body="<!-- 访谈稿待补充：\n问：……\n-->\n")}),
        ("A colour or centring typed in HTML (颜色/居中)", '<span style="color:red">紧急</span>',
         {_P: interview(body='<p align="center">关于开展大调研的通知</p>\n\n请各村<span style="color:red">今天下班前</span>'
                             "上报。\n")}),
        ("Markdown typed inside an HTML block (shown as typed)", "<div>, then ### 补齐“四个最”短板",
         {_P: interview(body="## 调研\n\n<div>\n### 补齐“四个最”短板\n</div>\n")}),
        ("A colour typed inside HTML (bold is offered in HTML there)", '<p><font color="red">红色文字</font>结束</p>',
         {_P: interview(body='正文。\n\n<p><font color="red">红色文字</font>结束</p>\n')}),
        ("Word's own markup pasted with the text", "段落<o:p></o:p>",
         {_P: interview(body="段落<o:p></o:p>\n")}),
        ("A script pasted into the text", "<script>…</script>",
         {_P: interview(body="正文。\n\n<script>alert(1)</script>\n")}),
        ("An event handler or javascript: link", "<a onclick=…>",
         {_P: interview(body='<a href="https://www.qingpu.gov.cn/" onclick="x()">报告</a>\n\n[点我](javascript:x)\n')}),
        ("Stars typed after figures as marks of a note", "95%*，整改率达90%*",
         {_P: interview(body="群众满意度达95%*，整改率达90%*。\n")}),
        ("A title in angle brackets typed with the input method off", "<WPS表格>",
         {_P: interview(body="使用<WPS表格>统计问题清单。\n")}),
        ("A line break made in Word with Shift+Enter", "第一行⇣第二行 (U+000B shown as ⇣)",
         {_P: interview(body="第一行\v第二行。\n")}),
    ],
    "Settings (site.yaml)": [
        ("A setting name from another tool", "site_title: …", {"site.yaml": "title: 测试站点\nsite_title: 测试\n"}),
        ("A full-width space typed after the site's title", "title: 青浦大调研进度公开　",
         {"site.yaml": "title: 青浦大调研进度公开\u3000\nbase_url: https://example.org/\n"}),
        ("An address that is not a full web address", "base_url: example.org",
         {"site.yaml": "title: 测试站点\nbase_url: example.org\n"}),
        ("The address of the home page instead of the site's folder", "base_url: https://example.org/qingpu/index.html",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org/qingpu/index.html\n"}),
        ("The address of the sitemap instead of the site's folder", "base_url: https://example.org/qingpu/sitemap.xml",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org/qingpu/sitemap.xml\n"}),
        ("An address typed with two slashes", "base_url: https://example.org//qingpu/",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org//qingpu/\n"}),
        ("A space in the address's host", "base_url: https://example.org /",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org /\n"}),
        ("An address typed with Windows' \\ between its parts", "base_url: https://example.org\\qingpu\\",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org\\qingpu\\\n"}),
        ("A space in the address's path", "base_url: https://example.org/qing pu/",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org/qing pu/\n"}),
        ('A government-site meta tag typed over two lines after "|" (any of gov:)',
         "gov:\\n  site_name: |\\n    青浦区\\n    人民政府",
         {"site.yaml": "title: 测试站点\ngov:\n  site_name: |\n    青浦区\n    人民政府\n"}),
        ("A number setting with text", "per_page: 十", {"site.yaml": "title: 测试站点\nper_page: 十\n"}),
        ("A language written as its name", "language: 中文", {"site.yaml": "title: 测试站点\nlanguage: 中文\n"}),
        ("A time zone written with the sign of the clock (Etc/ names turn it round)", "time_zone: Etc/GMT+8",
         {"site.yaml": "title: 测试站点\ntime_zone: Etc/GMT+8\n"}),
        ("A base URL with dots written as %2e", "base_url: https://example.org/q/%2e%2e/",
         {"site.yaml": "title: 测试站点\nbase_url: https://example.org/q/%2e%2e/\n"}),
        ("An output folder typed with a Windows drive, on Linux or macOS", "output_dir: C:\\site\\output",
         {"site.yaml": "title: 测试站点\noutput_dir: C:\\site\\output\n"}),
    ],
}

MISTAKES_INTRO = """\
## Common mistakes

Every message below is what `sitegen check` (and `sitegen build`) prints for the mistake shown,
copied from a real run. Each names the file, and the line and column (counted in characters) where
the mistake has one place, says what is wrong, and gives a hint; errors stop the build, warnings do not (unless `check --strict`).
"""


def _printed(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """What ``sitegen check`` prints for a site made of ``files`` (the summary line left out)."""
    site = {"site.yaml": "title: 测试站点\nbase_url: https://example.org/\n", **files}
    site.pop(LINK, None)
    root = write_site(folder, site)
    if LINK in files:
        outside = folder.parent / f"{folder.name}-outside.txt"
        outside.write_text("outside", encoding="utf-8")
        (root / "content/interviews").mkdir(parents=True, exist_ok=True)
        (root / "content/interviews/x.md").symlink_to(outside)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["check", "--site", str(root)])
    return [line for line in (err.getvalue() + out.getvalue()).splitlines() if not line.startswith("checked:")]


def common_mistakes(folder: Path) -> str:
    """The README's "Common mistakes" section, made from real runs of `MISTAKES` in sites under ``folder``."""
    lines = MISTAKES_INTRO.splitlines()
    number = 0
    for group, mistakes in MISTAKES.items():
        lines += ["", f"### {group}", ""]
        for title, example, files in mistakes:
            number += 1
            printed = _printed(folder / f"site-{number}", files)
            lines += [f"- **{title}** — `{example}`", "  ```", *("  " + line for line in printed), "  ```"]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(sys.platform == "win32", reason="one example is a symbolic link")
def test_readme_common_mistakes_show_what_sitegen_prints(tmp_path: Path) -> None:
    """The README section is exactly the output of these mistakes (regenerate: ``python -m tests.test_cli``)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Common mistakes\n")
    end = readme.index("\n## ", start + 1) + 1
    expected = common_mistakes(tmp_path)
    assert readme[start:end].rstrip("\n") == expected.rstrip("\n")
    assert "  ```\n  ```" not in expected  # every example prints something


if __name__ == "__main__":  # print the section, to paste into README.md when a message changes
    with tempfile.TemporaryDirectory() as scratch:
        print(common_mistakes(Path(scratch)), end="")


def test_a_bad_base_url_on_the_command_line_is_blamed_on_the_option(tmp_path: Path, capsys: Capture) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})
    assert main(["build", "--site", str(root), "--base-url", "example.org/x/"]) == 1
    err = capsys.readouterr().err
    assert err.startswith('sitegen: error: --base-url: "example.org/x/" is not a full web address: "https://" is '
                          "missing before it\n  hint: write https://example.org/x/ (or http:// if the server has no "
                          "https)\n")
    assert "site.yaml" not in err.splitlines()[0]


def test_ctrl_c_during_a_build_is_a_message_and_exit_130(tmp_path: Path, capsys: Capture,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview()})

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("sitegen.build.build", interrupted)  # the command imports it when it runs
    assert main(["build", "--site", str(root)]) == 130
    assert capsys.readouterr().err == "\nsitegen build: interrupted; the output folder was not changed\n"


_HEAVY = ["sitegen.build", "sitegen.serve", "sitegen.scaffold", "sitegen.config", "pypinyin", "tornado",
          "livereload", "pydantic", "markdown", "jinja2", "rich"]


def test_version_help_and_usage_errors_load_no_pipeline_server_or_dictionary() -> None:
    """``--version``, ``--help`` and a wrong command answer without importing the heavy modules."""
    script = ("import contextlib, io, sys\nfrom sitegen.cli import main\n"
              "for argv in (['--version'], ['--help'], ['build', '--help'], ['bild']):\n"
              "    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()), "
              "contextlib.redirect_stderr(io.StringIO()):\n"
              "        main(argv)\n"
              f"print(sorted(name for name in {_HEAVY!r} if name in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout == "[]\n", done.stderr
    version = subprocess.run([sys.executable, "-m", "sitegen", "--version"], capture_output=True, text=True,
                             check=True, cwd=REPO)
    assert version.stdout == f"sitegen {__version__}\n"


def test_a_site_folder_that_does_not_exist_is_named_so(tmp_path: Path, capsys: Capture) -> None:
    # It said "no site.yaml in …", as if the folder were there.
    hint = "  hint: give --site the folder that holds site.yaml (run sitegen init DIR to start a new site)\n"
    assert main(["build", "--site", str(tmp_path / "nope")]) == 1
    assert capsys.readouterr().err.startswith(f"sitegen: error: the site folder {tmp_path / 'nope'} does not exist\n"
                                              + hint)
    (tmp_path / "site.yaml").write_text("title: 站\n", encoding="utf-8")
    assert main(["build", "--site", str(tmp_path / "site.yaml")]) == 1
    assert capsys.readouterr().err.startswith(f"sitegen: error: {tmp_path / 'site.yaml'} is a file, not a site folder\n"
                                              + hint)
    # serve watched the missing folder forever, serving nothing.
    assert main(["serve", "--site", str(tmp_path / "nope"), "--port", "0"]) == 1
    assert capsys.readouterr().err.startswith(f"sitegen: error: the site folder {tmp_path / 'nope'} does not exist\n")


def _serve_refused(*argv: str) -> str:
    """Run ``sitegen serve --port 0 ARGV`` in a process (so a server that starts instead fails, not hangs);
    returns what it printed on stderr after checking it exited 1 and printed nothing else."""
    done = subprocess.run([sys.executable, "-m", "sitegen", "serve", "--port", "0", *argv], capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert (done.returncode, done.stdout) == (1, "")
    return done.stderr


def test_serve_refuses_a_folder_without_site_yaml(tmp_path: Path) -> None:
    # It served an error page ("no site.yaml") forever: the editor was simply in the wrong folder.
    assert _serve_refused("--site", str(tmp_path)) == (
        f"site.yaml: error: no site.yaml in {tmp_path}\n"
        "  hint: run sitegen in a site folder, pass --site DIR, or create one with: sitegen init DIR\n")


@pytest.mark.parametrize(("output_dir", "argv", "message"), [
    ("output", ["--output", "output"], "--output output: this is the folder sitegen build publishes; the preview "
                                       "holds drafts and links to 127.0.0.1, and must never be published"),
    ("public", ["--output", "public/"], "--output public/: this is the folder sitegen build publishes; the "
                                        "preview holds drafts and links to 127.0.0.1, and must never be published"),
    ("output", ["--output", "content"], "--output content: refusing to write the site into content/: "
                                        "it is content/, which holds the sources"),
    # The preview went into output/preview, and the next build published it, drafts and all.
    ("public", ["--output", "public/preview"], "--output public/preview: this is inside public/, the folder sitegen "
                                               "build publishes; the preview holds drafts and links to 127.0.0.1, "
                                               "and must never be published"),
])
def test_serve_refuses_an_output_folder_that_is_published_or_holds_sources(
        tmp_path: Path, output_dir: str, argv: list[str], message: str) -> None:
    # The preview (drafts, links to 127.0.0.1) went into the published output/ when asked;
    # into content/ it served an error page no save could fix.
    site = write_site(tmp_path / "site", {}, config=f"title: 站\noutput_dir: {output_dir}\n")
    assert _serve_refused("--site", str(site), *argv) == (
        "sitegen: error: " + message.format(site=site.resolve()) + "\n"
        "  hint: leave --output out (the preview then goes to .sitegen-cache/preview/), or name a folder of its "
        "own, e.g. --output preview\n")
    assert not (site / output_dir).exists() and not (site / ".sitegen-cache").exists()



@pytest.mark.parametrize("folder", ["pub", " ", "发布"])
def test_serve_refuses_any_folder_sitegen_build_published_into_and_changes_nothing_in_it(
        tmp_path: Path, capsys: Capture, folder: str) -> None:
    # Only output_dir itself was refused: after `sitegen build --output pub`, `sitegen serve --output pub`
    # replaced the published site with the preview (drafts, links to 127.0.0.1, no search index), which the
    # next rsync of pub/ published.
    site = write_site(tmp_path / "site", {"content/interviews/a.md": interview("访谈")}, config="title: 站\n")
    assert main(["build", "-q", "--site", str(site), "--output", folder]) == 0
    capsys.readouterr()
    before = tree_hashes(site / folder)
    assert ".sitegen-manifest" in before and any(path.startswith("pagefind/") for path in before)
    assert _serve_refused("--site", str(site), "--output", folder) == (
        f'sitegen: error: --output: "{folder}" holds the site sitegen build published; the preview (drafts, links to '
        "127.0.0.1) would replace it, and the next copy of that folder to the web server would publish the "
        "preview\n"
        "  hint: leave --output out (the preview then goes to .sitegen-cache/preview/), or name a folder of its "
        "own, e.g. --output preview\n")
    assert tree_hashes(site / folder) == before
    # Typed another way (a path from elsewhere, the same folder), it is the same folder.
    assert "holds the site sitegen build published" in _serve_refused(
        "--site", str(site), "--output", str((site / folder).resolve()))
    assert tree_hashes(site / folder) == before


def test_serve_refuses_a_preview_folder_holding_the_editors_own_files_before_serving(tmp_path: Path) -> None:
    # It started, and every build then failed on the folder: the error page blamed the site's files, said
    # sitegen build would stop too (it would not), and a lock file was left among the editor's documents.
    site = write_site(tmp_path / "site", {})
    documents = tmp_path / "文档"
    documents.mkdir()
    (documents / "重要文件.docx").write_bytes(b"PK")
    refused = _serve_refused("--site", str(site), "--output", str(documents))
    assert refused.startswith(f"sitegen: error: --output {documents}: ") and "sitegen did not write" in refused
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "文档"]
    assert [path.name for path in documents.iterdir()] == ["重要文件.docx"]

@pytest.mark.parametrize(("argv", "config", "where", "message", "hint"), [
    (["--output", "data"], "", "sitegen", "--output data: refusing to write the site into data/: it is data/, which "
     "holds the sources", "choose a folder of its own, e.g. --output output"),
    ([], "output_dir: content/out\n", "site.yaml:2:1", "refusing to write the site into content/out/: it is inside "
     "content/, which holds the sources", "choose an output folder of its own, e.g. output_dir: output"),
])
def test_an_output_folder_over_the_sources_is_blamed_on_where_it_was_typed(
        tmp_path: Path, capsys: Capture, argv: list[str], config: str, where: str, message: str, hint: str) -> None:
    # --output data was reported as a slip in site.yaml, whose hint named output_dir:, with absolute paths.
    site = write_site(tmp_path / "site", {}, config="title: 站\n" + config)
    assert main(["build", "--site", str(site), *argv]) == 1
    assert capsys.readouterr().err.startswith(f"{where}: error: {message}\n  hint: {hint}\n")
    assert sorted(path.name for path in site.iterdir()) == ["content", "site.yaml"]


@pytest.mark.parametrize(("output_dir", "typed", "sub_path"), [
    (None, "output/reports/baihe", "reports/baihe"), ("public", "public/baihe/", "baihe"),
    (None, "output/./x/../reports", "reports")])
def test_an_output_folder_inside_the_published_one_is_refused_with_a_folder_of_its_own(
        tmp_path: Path, capsys: Capture, output_dir: str | None, typed: str, sub_path: str) -> None:
    # --output output/reports/baihe (to try the site under a sub-path) wrote a second whole site and its lock files
    # inside output/, which the next plain build carried along as files of its own and published.
    config = "title: 站\n" + (f"output_dir: {output_dir}\n" if output_dir else "")
    site = write_site(tmp_path / "site", {"content/interviews/a.md": interview()}, config=config)
    published = output_dir or "output"
    assert main(["build", "-q", "--no-search", "--site", str(site)]) == 0
    before = tree_hashes(site / published)
    assert main(["build", "-q", "--no-search", "--site", str(site), "--output", typed]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"sitegen: error: --output {typed}: refusing to write the site into {published}/{sub_path}/: it is inside "
        f"{published}/, the folder sitegen build publishes, and the next build would publish it with the site",
        f"  hint: choose a folder outside {published}/, e.g. --output preview (to try the site under a sub-path, "
        f"give the path to --base-url: --output preview --base-url http://127.0.0.1:8000/{sub_path}/)"]
    assert tree_hashes(site / published) == before
    assert {path.name for path in site.iterdir()} == {"content", "site.yaml", published, ".sitegen-cache",
                                                      f".{published}.lock"}
    assert not [path for path in (site / published).rglob(".*.lock")]
    # The hint, followed: the site under the sub-path, beside the published one.
    address = f"http://127.0.0.1:8000/{sub_path}/"
    assert main(["build", "-q", "--no-search", "--site", str(site), "--output", "preview", "--base-url", address]) == 0
    assert f'href="/{sub_path}/interviews/a/"' in (site / "preview/index.html").read_text(encoding="utf-8")
    assert tree_hashes(site / published) == before


@pytest.mark.parametrize("typed_in", ["--output", "site.yaml"])
def test_a_build_into_another_sites_output_is_refused_and_says_whose_it_is(tmp_path: Path, capsys: Capture,
                                                                           typed_in: str) -> None:
    # sitegen build --site /srv/sites/huaxin --output /var/www/baihe (Baihe's published folder) replaced Baihe's
    # site by Huaxin's, unwarned: the manifest did not say which site wrote it.
    www = tmp_path / "www" / "baihe"
    baihe = write_site(tmp_path / "sites/baihe", {"content/interviews/a.md": interview("白鹤访谈")},
                       config="title: 白鹤镇进度公开\n")
    huaxin = write_site(tmp_path / "sites/huaxin", {"content/interviews/b.md": interview("华新访谈")},
                        config="title: 华新镇进度公开\n" + (f"output_dir: {www}\n" if typed_in == "site.yaml" else ""))
    assert main(["build", "-q", "--no-search", "--site", str(baihe), "--output", str(www),
                 "--base-url", "https://example.gov.cn/baihe/"]) == 0
    before, beside = tree_hashes(www), sorted(path.name for path in www.parent.iterdir())
    argv = ["build", "--no-search", "--site", str(huaxin), *(["--output", str(www)] if typed_in == "--output" else [])]
    assert main(argv) == 1
    where = f"sitegen: error: --output {www}: " if typed_in == "--output" else "site.yaml:2:1: error: "
    assert capsys.readouterr().err.splitlines() == [
        f'{where}refusing to write the site into {www}: it holds another site\'s output, "白鹤镇进度公开" built for '
        'https://example.gov.cn/baihe/ from another site folder, which this build of "华新镇进度公开" would replace',
        "  hint: choose another folder for this site (--output, or output_dir: in site.yaml); to replace that site "
        "with this one on purpose, build again with --replace-other-site",
        "build stopped: 1 error(s), 0 warning(s); the output folder was not changed"]
    assert tree_hashes(www) == before and sorted(path.name for path in www.parent.iterdir()) == beside
    assert sorted(path.name for path in huaxin.iterdir()) == ["content", "site.yaml"]  # refused before the cache
    if typed_in == "site.yaml":  # check tells it as a build would
        assert main(["check", "--site", str(huaxin)]) == 1
        assert "site.yaml:2:1: error: refusing to write the site into" in capsys.readouterr().err
    # The hint, followed: another folder, or this one replaced on purpose, Huaxin's from then on.
    assert main(["build", "-q", "--no-search", "--site", str(huaxin), "--output", str(tmp_path / "www/huaxin")]) == 0
    assert main([*argv, "-q", "--replace-other-site"]) == 0
    assert "华新访谈" in (www / "index.html").read_text(encoding="utf-8")
    assert main([*argv, "-q"]) == 0
    assert main(["build", "-q", "--no-search", "--site", str(baihe), "--output", str(www)]) == 1
    assert '"华新镇进度公开" built for https://example.org/ from another site folder' in capsys.readouterr().err
    # The manifest names the site folder by a digest: a host publishing every file shows no path (a user's name).
    manifest = (www / ".sitegen-manifest").read_text(encoding="utf-8")
    assert str(huaxin) not in manifest and str(tmp_path) not in manifest
    assert manifest.startswith('#site {"base_url": "https://example.org/", "folder": "'
                               + folder_digest(huaxin) + '", "title": "华新镇进度公开"}\n')


@pytest.mark.parametrize("typed", ["site.yaml", "content/units/baihe.yaml"])
def test_an_output_folder_that_is_a_file_is_refused_at_its_line_and_leaves_nothing(
        tmp_path: Path, capsys: Capture, typed: str) -> None:
    # output_dir: site.yaml was refused, but only once the build held its lock: ".site.yaml.lock" was left in the
    # site folder (".baihe.yaml.lock" among the units), and the error named no line.
    site = write_site(tmp_path / "site", {}, config="title: 站\noutput_dir: " + typed + "\n")
    before = sorted(str(path.relative_to(site)) for path in site.rglob("*"))
    assert main(["build", "--site", str(site), "--no-search"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"site.yaml:2:1: error: {site / typed} is not a folder sitegen can publish into",
        "  hint: choose an output folder of its own, e.g. output_dir: output",
        "build stopped: 1 error(s), 0 warning(s); the output folder was not changed"]
    assert sorted(str(path.relative_to(site)) for path in site.rglob("*") if ".sitegen-cache" not in path.parts) \
        == before


@pytest.mark.parametrize(("typed", "refused"), [
    (".", "refusing to write the site into {site}: it is the site folder ({site})"),
    ("..", "refusing to write the site into {parent}: it contains the site folder ({site})"),
])
def test_an_output_folder_from_the_command_line_is_never_told_at_a_line_of_site_yaml(
        tmp_path: Path, capsys: Capture, typed: str, refused: str) -> None:
    # Besides the refusal, "site.yaml:1:1: warning: output_dir: "." stands for a value not known yet, so every
    # page would publish it": site.yaml had no output_dir, and a folder is no value a page shows.
    site = write_site(tmp_path / "site", {}, config="title: 站\n")
    assert main(["build", "--site", str(site), "--output", typed]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"sitegen: error: --output {typed}: " + refused.format(site=site.resolve(), parent=tmp_path.resolve()),
        "  hint: choose a folder of its own, e.g. --output output",
        "build stopped: 1 error(s), 0 warning(s); the output folder was not changed"]


_LEAVE_OUTPUT_OUT = "leave --output out (the site then goes into output_dir: of site.yaml, or output/)"


@pytest.mark.parametrize(("typed", "message", "hint", "followed"), [
    # It built the site into a folder named "-" (meant: to the screen), warned as a value not known yet.
    ("-", '"-" names no folder: sitegen writes the site into a folder, never to the screen (stdout), and would '
          "make a folder named - in the site folder",
     f"write the folder to write the site into, e.g. --output public, or {_LEAVE_OUTPUT_OUT}", "public"),
    # These two were told at site.yaml:1:1 as output_dir:, and the hint offered a line of site.yaml.
    ("out\\2018", '"out\\2018" holds \\, which parts no folders here: it would make one folder named so in the '
                 "site folder", "write / between folders: --output out/2018", "out/2018"),
    # The hint gave an example path only, though this computer says where ~ is (as it did for $HOME).
    ("~/out", '"~/out" starts with ~, which sitegen does not read as your home folder: it would make a folder '
              "named ~ in the site folder", f"write the whole path: --output {os.path.expanduser('~/out')}", None),
    ("~nobody-here-x/out", '"~nobody-here-x/out" starts with ~, which sitegen does not read as your home folder: it '
                           "would make a folder named ~ in the site folder",
     "write the whole path (e.g. /home/editor/out) or a path from the site folder (e.g. ../out)", None),
    # The hint for \ gave --output C:/site/output, which built into ./C:/site/output inside the site folder.
    ("C:\\site\\output", '"C:\\site\\output" starts with the drive C:, which only Windows has: here it would be a '
                         "folder inside the site folder",
     "write the whole path (e.g. /home/editor/out) or a path from the site folder (e.g. ../out)", None),
])
def test_an_output_folder_typed_as_no_one_means_it_is_refused_as_the_command_lines(
        tmp_path: Path, capsys: Capture, typed: str, message: str, hint: str, followed: str | None) -> None:
    if "\\" in typed and sys.platform == "win32":
        pytest.skip("where \\ parts folders (Windows), out\\2018 is the folder meant")
    site = write_site(tmp_path / "site", {"content/interviews/a.md": interview()},
                      config="title: 站\nbase_url: https://example.gov.cn/\n")
    assert main(["build", "--site", str(site), "--output", typed]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"sitegen: error: --output: {message}", f"  hint: {hint}",
        "build stopped: 1 error(s), 0 warning(s); the output folder was not changed"]
    assert sorted(path.name for path in site.iterdir()) == ["content", "site.yaml"]
    if followed is not None:  # the hint, followed
        assert main(["build", "--site", str(site), "--output", followed]) == 0
        assert capsys.readouterr().err == ""
        assert (site / followed / "interviews/a/index.html").is_file()


def test_serve_refuses_a_dash_for_its_preview_folder(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {})
    assert _serve_refused("--site", str(site), "--output", "-") == (
        'sitegen: error: --output: "-" names no folder: sitegen writes the site into a folder, never to the screen '
        "(stdout), and would make a folder named - in the site folder\n"
        "  hint: write the folder to write the site into, e.g. --output preview, or leave --output out (the preview "
        "then goes to .sitegen-cache/preview/)\n")
    assert sorted(path.name for path in site.iterdir()) == ["content", "site.yaml"]


def test_check_refuses_the_output_folder_a_build_would_refuse(tmp_path: Path, capsys: Capture) -> None:
    # check said "0 error(s)" of output_dir: content; only the build then refused it.
    site = write_site(tmp_path / "site", {"content/interviews/a.md": interview()},
                      config="title: 站\nbase_url: https://example.org/\noutput_dir: content\n")
    assert main(["check", "--site", str(site)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "site.yaml:3:1: error: refusing to write the site into content/: it is content/, which holds the sources",
        "  hint: choose an output folder of its own, e.g. output_dir: output",
        f"checked: 1 error(s), 0 warning(s){LINKS_LATER}"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--host", ""], "argument --host: give an address, e.g. 127.0.0.1 (this computer only)"),
    (["--host", "localhost:8000"], "argument --host: give the port on its own: --host localhost --port 8000"),
    (["--port", "70000"], "argument --port: '70000' is not a port: give a number from 1 to 65535, e.g. 8000 "
                          "(0 picks a free one)"),
])
def test_serve_refuses_an_empty_host_a_host_with_its_port_and_a_port_out_of_range(
        capsys: Capture, argv: list[str], message: str) -> None:
    # --host "" listened on every network (drafts included) while saying 127.0.0.1; --port 70000 served on 4464.
    with pytest.raises(SystemExit) as usage:
        main(["serve", *argv])
    assert usage.value.code == 2 and capsys.readouterr().err.endswith(f"sitegen serve: error: {message}\n")


def test_quiet_and_verbose_together_are_refused(capsys: Capture) -> None:
    # Both were accepted and --quiet silently won.
    with pytest.raises(SystemExit) as usage:
        main(["build", "--quiet", "--verbose"])
    assert usage.value.code == 2
    assert capsys.readouterr().err.endswith("sitegen build: error: argument -v/--verbose: not allowed with argument "
                                            "-q/--quiet\n")


def test_a_host_that_is_not_this_computers_gets_its_own_hint() -> None:
    # "--host 999.1.1.1" got "another program may be using the port".
    from sitegen.cli import _listen_hint
    address = "--host must be an address of this computer: 127.0.0.1 (this computer only) or 0.0.0.0 (every network it is on)"
    assert _listen_hint(socket.gaierror(-2, "Name or service not known")) == address
    assert _listen_hint(OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")) == address
    assert _listen_hint(OSError(errno.EACCES, "Permission denied")).startswith("ports below 1024 need an administrator")


def _listening_run(length: int) -> list[socket.socket]:
    """Sockets listening on ``length`` ports in a row on 127.0.0.1, with the port after them free."""
    for start in range(20000, 60000, 97):
        held: list[socket.socket] = []
        try:
            for port in range(start, start + length):
                sock = socket.socket()
                held.append(sock)
                sock.bind(("127.0.0.1", port))
                sock.listen()
            with socket.socket() as after:
                after.bind(("127.0.0.1", start + length))
            return held
        except OSError:
            for sock in held:
                sock.close()
    raise AssertionError("no free ports in a row")


def test_a_port_in_use_gets_the_next_free_one_as_its_hint() -> None:
    # It always offered --port 8001, in use itself when two previews of other sites were running.
    from sitegen.cli import _listen_hint
    held = _listening_run(2)
    try:
        taken = held[0].getsockname()[1]
        assert _listen_hint(OSError(errno.EADDRINUSE, "Address already in use"), "127.0.0.1", taken) == (
            f"another program uses port {taken} (a preview of another site, perhaps); choose another: "
            f"--port {taken + 2} is free now")
    finally:
        for sock in held:
            sock.close()


def test_serve_help_names_the_folder_the_preview_really_uses(capsys: Capture) -> None:
    # It said "default: output_dir, 'output'": an editor could believe the preview overwrites output/.
    from sitegen.serve import PREVIEW_OUTPUT
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert (f"(default: {PREVIEW_OUTPUT}, so the published output folder is never touched; it may not be "
            "that folder, nor any other that sitegen build published into)") in shown


def test_unit_levels_are_offered_and_checked_when_asked(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["new", "unit", "白鹤镇", "--level", "市"])
    assert usage.value.code == 2
    assert capsys.readouterr().err.endswith(
        "sitegen new unit: error: argument --level: invalid choice: '市' (choose from 'district', 'town', "
        "'subdistrict', 'committee', 'village', 'community', 'park')\n")
    with pytest.raises(SystemExit):
        main(["new", "unit", "--help"])
    assert "kind of unit: district, town, subdistrict, committee, village, community, park" in " ".join(
        capsys.readouterr().out.split())

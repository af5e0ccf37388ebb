"""The no-change check: the last build is reported again only while nothing it read or wrote changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import sitegen
from sitegen.build import BuildOptions, build
from sitegen.errors import SiteError
from sitegen.fresh import last_build
from sitegen.write import read_manifest

from .sitekit import MINIMAL_CONFIG, UNIT, edit_file, interview, write_site

BODY = "## 问题\n\n回答。<script>alert(1)</script>\n"


def _built(root: Path, **files: str) -> Path:
    pages = {"content/interviews/a.md": interview("访谈甲", body=BODY),
             "content/interviews/later.md": interview("定时发布", date="2031-01-01 08:00")}
    write_site(root, {**pages, **files})
    build(BuildOptions(root=root, search=False))
    return root


def _last(root: Path, **options):
    return last_build(root, base_url=options.get("base_url"), output=None, search=False)


def test_the_last_build_is_reported_with_its_warnings_and_scheduled_pages(tmp_path: Path) -> None:
    root = _built(tmp_path / "site")
    last = _last(root)
    assert last is not None
    assert (last.pages, last.files) == (build(BuildOptions(root=root, search=False)).pages,
                                        len(read_manifest(root / "output") or ()))
    assert [w.path for w in last.warnings] == ["content/interviews/a.md"]
    assert "script" in last.warnings[0].message
    assert last.scheduled == [("content/interviews/later.md", "2031-01-01 08:00")]


def test_any_change_to_an_input_or_the_output_ends_it(tmp_path: Path) -> None:
    root = _built(tmp_path / "site")
    edits = [
        lambda: (root / "content/interviews/a.md").write_text(interview("访谈乙"), encoding="utf-8"),
        lambda: (root / "content/interviews/new.md").write_text(interview("新的"), encoding="utf-8"),
        lambda: (root / "content/interviews/new.md").unlink(),
        lambda: (root / "site.yaml").write_text("title: 改名\nbase_url: https://example.org/\n", encoding="utf-8"),
        lambda: (root / "templates").mkdir(),
        lambda: (root / "output/index.html").write_text("改过", encoding="utf-8"),
        lambda: (root / "output/404.html").unlink(),
        # Same bytes and modification time put back: the change time still tells.
        lambda: _rewrite_keeping_mtime(root / "content/units/baihe.yaml"),
    ]
    for number, edit in enumerate(edits):
        assert _last(root) is not None, number
        edit()
        assert _last(root) is None, number
        build(BuildOptions(root=root, search=False))


def _rewrite_keeping_mtime(path: Path) -> None:
    info = path.stat()
    path.write_bytes(path.read_bytes())
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_other_options_have_their_own_record(tmp_path: Path) -> None:
    root = _built(tmp_path / "site")
    assert _last(root) is not None
    assert _last(root, base_url="https://example.org/sub/") is None


def test_it_ends_when_a_scheduled_page_is_due(tmp_path: Path) -> None:
    from sitegen.fresh import CACHE_DIR, options_key, record_path, unchanged
    root = _built(tmp_path / "site")
    path = record_path(root.absolute() / CACHE_DIR, options_key(None, None, False, False))
    due = 1924992000  # 2031-01-01 08:00 in Asia/Shanghai (UTC+8) = 2031-01-01 00:00 UTC
    assert unchanged(path, now=due - 1) is not None
    assert unchanged(path, now=due) is None


def test_a_tally_dated_tomorrow_stops_todays_build_and_is_published_tomorrow(tmp_path: Path) -> None:
    root = _built(tmp_path / "site")
    tomorrow = "  - as_of: 2031-01-02\n    collected: 400\n    escalated: 200\n    resolved: 150\n    in_progress: 50\n"
    (root / "content/units/baihe.yaml").write_text(UNIT + tomorrow, encoding="utf-8")
    with pytest.raises(SiteError) as stopped:
        build(BuildOptions(root=root, search=False, now=datetime(2031, 1, 1, 23, 59)))
    errors = [p for p in stopped.value.problems if p.severity == "error"]
    assert [(p.path, p.line, p.column) for p in errors] == [("content/units/baihe.yaml", 11, 12)]
    assert errors[0].message.startswith("tally of 2031-01-02 is dated in the future")
    assert _last(root) is None  # the stopped build is never reported as "nothing changed"
    build(BuildOptions(root=root, search=False, now=datetime(2031, 1, 2, 0, 0)))
    home = (root / "output/index.html").read_text(encoding="utf-8")
    assert '<span class="unbroken">2031年</span><span class="unbroken">1月2日</span>' in home and '<span class="num" style="--digits: 3">400</span>' in home


def test_another_copy_of_sitegen_builds_instead_of_trusting_the_record(tmp_path: Path) -> None:
    # Run from another checkout, sitegen found the record of the installed code's build unchanged (it stamps
    # that code's files), so a check the other code adds never ran: "nothing changed since the last build".
    root = _built(tmp_path / "site")
    ours, copy = Path(sitegen.__file__).parent, tmp_path / "other"
    shutil.copytree(ours, copy / "sitegen", ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import sys, pathlib; from sitegen.fresh import last_build; "
             "print(last_build(pathlib.Path(sys.argv[1]), base_url=None, output=None, search=False))")
    for code, expected in ((copy, "None"), (ours.parent, "LastBuild(")):
        out = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True,
                             cwd=code, env={**os.environ, "PYTHONPATH": str(code)})
        assert out.stdout.startswith(expected), (code, out.stdout, out.stderr)


def test_a_layout_reading_the_clock_is_never_reported_again(tmp_path: Path) -> None:
    root = _built(tmp_path / "site", **{
        "templates/404.html": "{% extends 'base.html' %}{% block main %}{{ site.now }}{% endblock %}\n"})
    assert _last(root) is None


def test_the_command_reports_an_unchanged_site_without_loading_the_pipeline(tmp_path: Path) -> None:
    import subprocess
    import sys
    root = _built(tmp_path / "site")
    probe = ("import sys; from sitegen.cli import main; code = main(['build', '--site', sys.argv[1], "
             "'--no-search']); print(code, 'sitegen.build' in sys.modules, 'jinja2' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    lines = first.stdout.splitlines()
    assert lines[-1] == "0 False False"
    assert first.stderr.startswith("content/interviews/a.md:") and "warning" in first.stderr
    assert ("content/interviews/later.md: scheduled for 2031-01-01 08:00, not published yet: the first build from "
            "then on publishes it (build and upload the site again then)") in lines
    assert lines[-2].endswith("nothing changed since the last build; 1 warning(s)")
    assert ", 0 changed, 0 removed; 0 Markdown converted) into " in lines[-2]
    (root / "content/interviews/a.md").write_text(interview("改了"), encoding="utf-8")
    second = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    assert second.stdout.splitlines()[-1] == "0 True True"
    clean = subprocess.run([sys.executable, "-c", probe.replace("'--no-search'", "'--no-search', '--clean'"),
                            str(root)], capture_output=True, text=True, check=True)
    assert clean.stdout.splitlines()[-1] == "0 True True"


def test_an_edit_that_changes_no_feed_and_reads_no_picture_imports_neither_library(tmp_path: Path) -> None:
    # Each feed holds only the newest interview (b), so editing the older one's text changes no feed.
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview("访谈甲", body=BODY),
        "content/interviews/b.md": interview("访谈乙", date="2019-05-03 10:00", body=BODY)},
        config=MINIMAL_CONFIG + "feed_entries: 1\n")
    build(BuildOptions(root=root, search=False))
    probe = ("import sys; from sitegen.cli import main; code = main(['build', '--site', sys.argv[1], "
             "'--no-search', '--quiet']); print(code, 'feedgen' in sys.modules, 'imagesize' in sys.modules)")
    (root / "content/interviews/a.md").write_text(interview("访谈甲", body=BODY + "\n补充一句。\n"), encoding="utf-8")
    edited = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    assert edited.stdout == "0 False False\n", edited.stderr
    assert "补充一句。" in (root / "output/interviews/a/index.html").read_text(encoding="utf-8")
    (root / "content/interviews/b.md").write_text(interview("访谈乙", date="2019-05-03 10:00", body=BODY + "新句。\n"),
                                                  encoding="utf-8")
    in_feeds = subprocess.run([sys.executable, "-c", probe, str(root)], capture_output=True, text=True, check=True)
    assert in_feeds.stdout == "0 True False\n", in_feeds.stderr
    assert "新句。" in (root / "output/feed.xml").read_text(encoding="utf-8")


def test_an_edit_behind_a_link_inside_the_site_ends_it(tmp_path: Path) -> None:
    root = tmp_path / "site"
    write_site(root, {"extra/b.md": interview("链接的访谈"), "extra/more/c.md": interview("文件夹里的访谈")})
    (root / "content/interviews").mkdir(parents=True)
    (root / "content/interviews/b.md").symlink_to(root / "extra/b.md")
    (root / "content/interviews/linked").symlink_to(root / "extra/more")
    (root / "extra/more/loop").symlink_to(root / "extra/more")  # a loop must not hang the walk
    build(BuildOptions(root=root, search=False))
    assert _last(root) is not None
    (root / "extra/b.md").write_text(interview("改了链接的访谈"), encoding="utf-8")
    assert _last(root) is None
    build(BuildOptions(root=root, search=False))
    assert _last(root) is not None
    (root / "extra/more/c.md").write_text(interview("改了文件夹里的访谈"), encoding="utf-8")
    assert _last(root) is None


def test_a_copied_site_folder_builds_its_own_files_not_the_originals(tmp_path: Path) -> None:
    # Copying a built site copies its build cache too, whose record names the original's files: while
    # those stay unchanged, the copy was reported "nothing changed", its edits and errors unseen.
    original = _built(tmp_path / "first")
    copy = tmp_path / "second"
    shutil.copytree(original, copy, symlinks=True)
    assert _last(original) is not None and _last(copy) is None
    page = copy / "content/interviews/a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("访谈甲", "访谈乙"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "sitegen", "build", "--site", str(copy), "--no-search"],
                         capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    assert "nothing changed" not in out.stdout and "second/output" in out.stdout.replace(os.sep, "/")
    assert "访谈乙" in (copy / "output/interviews/a/index.html").read_text(encoding="utf-8")
    assert _last(copy) is not None  # and the copy's own record holds from now on


MILESTONES = ("milestones:\n  - date: 2018-01-12\n    title: 成立领导小组\n"
              "  - date: 2031-03-01\n    title: 完成全部走访\n")


def _timeline(root: Path) -> list[str]:
    from .sitekit import parse_html, text_of
    page = parse_html(root / "output/units/baihe/index.html")
    return [" ".join(text_of(li).split()) for li in page.cssselect("ol.timeline > li")]


def test_a_milestone_ahead_is_marked_planned_until_its_day_comes(tmp_path: Path) -> None:
    # A milestone dated after the build's day was shown like an event that had happened.
    from sitegen.fresh import CACHE_DIR, options_key, record_path, unchanged
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(),
                                          "content/units/baihe.yaml": UNIT + MILESTONES})
    build(BuildOptions(root=root, search=False, now=datetime(2031, 2, 28, 23, 59)))
    assert _timeline(root) == ["2018年1月12日 成立领导小组", "2031年3月1日（计划） 完成全部走访"]
    # The no-change check holds until the milestone's day starts, in the site's time zone (UTC+8).
    path = record_path(root.absolute() / CACHE_DIR, options_key(None, None, False, False))
    day_starts = datetime(2031, 2, 28, 16, 0).timestamp() - datetime(1970, 1, 1).timestamp()
    assert unchanged(path, now=day_starts - 1) is not None
    assert unchanged(path, now=day_starts) is None
    result = build(BuildOptions(root=root, search=False, now=datetime(2031, 3, 1, 0, 0)))
    assert _timeline(root) == ["2018年1月12日 成立领导小组", "2031年3月1日 完成全部走访"]
    assert "units/baihe/index.html" in result.changed_paths


# --- a warning told once is not said again by a build with nothing changed -----------------------------------------

SCRIPT_TOLD = ("content/interviews/a.md:{line}:4: warning: raw HTML <script> was removed (scripts are not allowed in "
               "content)\n  hint: delete the <script> element; to show code as text, put it between backticks (`…`)\n")


def _command_build(root: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[str, str]:
    """Run ``sitegen build --site root --no-search`` with ``options``; return its standard error and its summary
    line."""
    from sitegen.cli import main

    assert main(["build", "--site", str(root), "--no-search", *options]) == 0
    out, err = capsys.readouterr()
    return err, out.splitlines()[-1]


def test_a_build_with_nothing_changed_says_no_warning_again_that_the_last_build_told_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Each of these compares with what the last build published, and the next build compares with the one that
    # told it, so it tells it no more; a build with nothing changed said it again, as if still to be acted on.
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview("访谈甲", body=BODY, extra="tags: [民生]\n"),
        "content/interviews/b.md": interview("访谈乙", extra="tags: [民生]\n"),
        "content/interviews/c.md": interview("访谈丙"),
        "content/interviews/d.md": interview("访谈丁"),
        "content/interviews/e.md": interview("访谈戊")})
    build(BuildOptions(root=root, search=False))
    edit_file(root, "content/units/baihe.yaml", "resolved: 103", "resolved: 104")
    edit_file(root, "content/units/baihe.yaml", "in_progress: 50", "in_progress: 49")
    edit_file(root, "content/interviews/a.md", "tags: [民生]\n", "")
    edit_file(root, "content/interviews/b.md", "date:", "draft: true\ndate:")
    (root / "content/interviews/c.md").unlink()
    edit_file(root, "content/interviews/d.md", "date: 2018-05-03 10:00", "date: 2031-01-01 08:00")
    edit_file(root, "content/interviews/e.md", "date:", "slug: wu\ndate:")
    told, summary = _command_build(root, capsys)
    assert [line for line in told.splitlines() if ": warning: " in line] == [
        'content/interviews/a.md: warning: the tag "民生", which this page and 1 other had in the last build, is on no '
        "page now, so its page /tags/min-sheng/ is no longer published: links to it will get 404 (page not found)",
        SCRIPT_TOLD.format(line=13).splitlines()[0],
        "content/interviews/b.md:8:8: warning: the last build published this page at /interviews/b/, but draft: true "
        "(草稿) takes it off the site: links to it will get 404 (page not found)",
        'content/interviews/c.md: warning: this file is gone since the last build, so its page "访谈丙" at '
        "/interviews/c/ is no longer published: links to it will get 404 (page not found)",
        "content/interviews/d.md:8:7: warning: the last build published this page, but its publish date "
        "2031-01-01 08:00 is still to come, so this build takes it off the site until then, and links to it give 404",
        "content/interviews/e.md:8:1: warning: the page's address changed from /interviews/e/ to /interviews/wu/ "
        "since the last build: links to the old address will no longer work",
        "content/units/baihe.yaml:9:15: warning: the tally of 2018-04-26 changed since the site was last built into "
        "output/: resolved (已解决) 103 → 104, in progress (办理中) 50 → 49; if that site is online, its readers see "
        "the figures change with no word of why"]
    assert summary.endswith("; 7 warning(s)")
    last = _last(root)
    assert last is not None
    assert [(w.path, w.line, w.column) for w in last.warnings] == [("content/interviews/a.md", 13, 4)]
    # Said again: the standing warning alone, exactly as told, with the drafts and scheduled pages.
    again, summary = _command_build(root, capsys)
    assert again.startswith(SCRIPT_TOLD.format(line=13) + "  note: the site was built for https://example.org/")
    assert again.count(": warning: ") == 1
    assert summary.endswith("nothing changed since the last build; 1 warning(s)")
    # A build that builds tells no more either: it compares with what the build that warned published.
    rebuilt, summary = _command_build(root, capsys, "--clean")
    assert rebuilt == again and "nothing changed" not in summary and summary.endswith("; 1 warning(s)")

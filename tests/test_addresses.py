"""A page whose address moved since the last build is warned, from the build cache's record alone."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build, check
from sitegen.errors import SiteError
from sitegen.fresh import options_key
from sitegen.serve import PREVIEW_OUTPUT

from .sitekit import copy_example, edit_file, interview, write_site

FIRST = "content/interviews/访谈一.md"


def _site(root: Path) -> Path:
    return write_site(root, {FIRST: interview("白鹤镇访谈"), "content/interviews/other.md": interview("另一篇")})


def _built(root: Path, **options: object) -> list[str]:
    return [problem.format() for problem in build(BuildOptions(root=root, search=False, **options)).warnings]


def test_a_title_edit_that_moves_the_page_is_warned_at_the_title_once(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    assert _built(root) == []
    edit_file(root, FIRST, "白鹤镇访谈", "白鹤镇的访谈")
    assert _built(root) == [
        f"{FIRST}:2:1: warning: the page's address changed from /interviews/bai-he-zhen-fang-tan/ to "
        "/interviews/bai-he-zhen-de-fang-tan/ since the last build: links to the old address will no longer work\n"
        "  hint: keep the old address with slug: bai-he-zhen-fang-tan, or keep the new one and add "
        "aliases: [/interviews/bai-he-zhen-fang-tan/] so the old address leads here"]
    assert _built(root) == []  # the record now holds the new address


def test_a_renamed_file_is_warned_at_the_file_and_found_by_its_text_when_its_title_changed_too(
        tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    _built(root)
    (root / "content/interviews/other.md").rename(root / "content/interviews/renamed.md")
    assert _built(root) == [
        "content/interviews/renamed.md: warning: the page's address changed from /interviews/other/ to "
        "/interviews/renamed/ since the last build: links to the old address will no longer work\n"
        "  hint: keep the old address with slug: other, or keep the new one and add aliases: [/interviews/other/] "
        "so the old address leads here"]
    (root / "content/interviews/renamed.md").rename(root / "content/interviews/again.md")
    edit_file(root, "content/interviews/again.md", "另一篇", "又一篇")
    assert [line.split(" since")[0] for line in _built(root)] == [
        "content/interviews/again.md: warning: the page's address changed from /interviews/renamed/ to "
        "/interviews/again/"]


def test_a_page_whose_file_is_gone_is_warned_once_unless_another_page_keeps_its_address(tmp_path: Path) -> None:
    # A file deleted or moved away took its page down in silence; a slug changed was warned of.
    root = _site(tmp_path / "site")
    _built(root)
    moved_away = tmp_path / "other.md"
    (root / "content/interviews/other.md").rename(moved_away)
    assert _built(root) == [
        'content/interviews/other.md: warning: this file is gone since the last build, so its page "另一篇" at '
        "/interviews/other/ is no longer published: links to it will get 404 (page not found)\n"
        "  hint: if it was deleted or moved out of the folder by mistake, put it back; if another page takes its "
        "place, add /interviews/other/ to its aliases (aliases: [/interviews/other/], or into the list it has) so the "
        "old address leads there"]
    assert not (root / "output/interviews/other").exists()
    assert _built(root) == []  # told once: the record no longer holds it
    # Put back, then deleted with the hint's other way followed: another page keeps the address.
    moved_away.rename(root / "content/interviews/other.md")
    assert _built(root) == []
    (root / "content/interviews/other.md").unlink()
    edit_file(root, FIRST, "date:", "aliases: [/interviews/other/]\ndate:")
    assert _built(root) == []
    assert "/interviews/bai-he-zhen-fang-tan/" in (root / "output/interviews/other/index.html").read_text(
        encoding="utf-8")


def test_a_file_gone_after_a_rename_the_editor_saw_is_told_at_that_name_with_the_one_it_was_published_as(
        tmp_path: Path) -> None:
    # Renamed in the preview, then deleted: the warning named only the published name, a file the editor no longer
    # had, as if it were another file gone.
    root = _site(tmp_path / "site")
    _built(root)
    (root / "content/interviews/other.md").unlink()
    preview = {"output": PREVIEW_OUTPUT, "include_drafts": True}
    assert _built(root, **preview, shown_as=(("content/interviews/other.md", "content/interviews/ling.md"),)) == [
        "content/interviews/ling.md: warning: this file is gone (the last build published it under its old name "
        'content/interviews/other.md), so its page "另一篇" at /interviews/other/ is no longer published: links to '
        "it will get 404 (page not found)\n"
        "  hint: if it was deleted or moved out of the folder by mistake, put it back; if another page takes its "
        "place, add /interviews/other/ to its aliases (aliases: [/interviews/other/], or into the list it has) so the "
        "old address leads there"]
    # Known by no other name: told at the name it was published as.
    assert [line.split(": warning: ")[0] for line in _built(root, **preview)] == ["content/interviews/other.md"]


def test_a_published_file_saved_again_under_another_ending_is_an_error_at_its_new_name(tmp_path: Path) -> None:
    # Saved by Notepad as other.md.txt, the page was first told twice: as a file not read, and as "this file is
    # gone … links to it will get 404", whose hint was to put back a file that is there. Then once, as a file not
    # read: the build went on and took the page off the site, nothing saying so.
    root = _site(tmp_path / "site")
    _built(root)
    published = (root / "output/interviews/other/index.html").read_bytes()
    for typed in ("other.md.txt", "other.txt"):
        (root / "content/interviews/other.md").rename(root / f"content/interviews/{typed}")
        with pytest.raises(SiteError) as stopped:
            _built(root)
        assert [problem.format() for problem in stopped.value.problems if problem.severity == "error"] == [
            f"content/interviews/{typed}: error: the last build published this file as content/interviews/other.md: "
            'under this name it is not read, so its page "另一篇" at /interviews/other/ would be taken off the site, '
            "and links to it would get 404 (page not found)\n"
            "  hint: rename the file back to other.md (turn on 查看 → 文件扩展名 in Windows to see its whole name); to "
            "take the page off the site on purpose, write draft: true in it, or move it out of content/"]
        assert [problem.path for problem in stopped.value.problems if problem.severity == "warning"] == [
            f"content/interviews/{typed}"]  # why it is not read, as loading says
        assert (root / "output/interviews/other/index.html").read_bytes() == published
        (root / f"content/interviews/{typed}").rename(root / "content/interviews/other.md")
        assert _built(root) == []
    # Taken off as the hint says, each way is told as such, once.
    edit_file(root, "content/interviews/other.md", "title: 另一篇", "title: 另一篇\ndraft: true")
    assert ["draft: true (草稿) takes it off the site" in line for line in _built(root)] == [True]
    assert not (root / "output/interviews/other").exists()
    edit_file(root, "content/interviews/other.md", "title: 另一篇\ndraft: true", "title: 另一篇")
    assert _built(root) == []
    (root / "content/interviews/other.md").unlink()  # deleted: its page gone is told
    assert [line.split(": warning: ")[0] for line in _built(root)] == ["content/interviews/other.md"]


def test_a_published_unit_file_kept_under_another_ending_is_an_error_naming_its_figures(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\n",
                                         FIRST: interview("白鹤镇访谈")})
    _built(root)
    (root / "content/units/xujing.yaml").rename(root / "content/units/xujing.yaml.bak")
    with pytest.raises(SiteError) as stopped:
        _built(root)
    assert [problem.format() for problem in stopped.value.problems if problem.severity == "error"] == [
        "content/units/xujing.yaml.bak: error: the last build published this file as content/units/xujing.yaml: under "
        'this name it is not read, so its page "徐泾镇" at /units/xujing/ would be taken off the site with its figures, '
        "and links to it would get 404 (page not found)\n"
        "  hint: rename the file back to xujing.yaml (turn on 查看 → 文件扩展名 in Windows to see its whole name); to "
        "take the page off the site on purpose, move it out of content/"]


def test_a_unit_whose_file_is_gone_is_not_offered_aliases_which_name_a_unit(tmp_path: Path) -> None:
    # "add aliases: [/units/xujing/]", followed in another unit's file, published the address as a name of that unit.
    root = write_site(tmp_path / "site", {"content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\n",
                                         FIRST: interview("白鹤镇访谈")})
    _built(root)
    (root / "content/units/xujing.yaml").unlink()
    assert _built(root) == [
        "content/units/xujing.yaml: warning: this file is gone since the last build, so its page \"徐泾镇\" at "
        "/units/xujing/ is no longer published, and its figures (tallies, targets, milestones) leave the totals, "
        "the dashboard and the open data (data/): links to it will get 404 (page not found)\n"
        "  hint: if it was deleted or moved out of the folder by mistake, put it back: a unit's page is at its file's "
        "name, so no other file can keep /units/xujing/"]


def test_a_moved_page_is_not_offered_its_own_new_address_among_its_aliases(tmp_path: Path) -> None:
    # The page listed the address its title reads as (an old one); renamed, that became its own address, and the
    # hint's list kept it: written as told, it was warned as "the page's own address".
    root = write_site(tmp_path / "site", {"content/interviews/other.md": interview(
        "另一篇", extra="aliases: [/interviews/ling-yi-pian/]\n")})
    assert _built(root) == []
    (root / "content/interviews/other.md").rename(root / "content/interviews/另一篇.md")
    warning, own = _built(root)
    assert own.startswith("content/interviews/另一篇.md:9:11: warning: the alias /interviews/ling-yi-pian/ is the "
                          "page's own address")
    assert warning.endswith("hint: keep the old address with slug: other, or keep the new one and write "
                            "aliases: [/interviews/other/] (in place of the aliases: line, line 9) so the old address "
                            "leads here"), warning
    edit_file(root, "content/interviews/另一篇.md", "aliases: [/interviews/ling-yi-pian/]", "aliases: [/interviews/other/]")
    assert _built(root) == []
    assert "/interviews/ling-yi-pian/" in (root / "output/interviews/other/index.html").read_text(encoding="utf-8")


def test_no_warning_when_an_alias_keeps_the_old_address_on_a_first_build_or_after_clean(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    _built(root)
    edit_file(root, FIRST, "title: 白鹤镇访谈", "title: 白鹤镇的访谈\naliases: [/interviews/bai-he-zhen-fang-tan/]")
    assert _built(root) == []
    edit_file(root, FIRST, "title: 白鹤镇的访谈\naliases: [/interviews/bai-he-zhen-fang-tan/]", "title: 白鹤镇访谈")
    assert _built(root, clean=True) == []
    fresh = _site(tmp_path / "fresh")
    edit_file(fresh, FIRST, "白鹤镇访谈", "白鹤镇的访谈")
    assert _built(fresh) == []


def test_check_warns_from_the_record_of_a_plain_build_and_keeps_nothing(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    build(BuildOptions(root=root))
    edit_file(root, "content/interviews/other.md", "title: 另一篇", "title: 另一篇\nslug: other-one")
    expected = [("content/interviews/other.md", 3, 1, "the page's address changed from /interviews/other/ to "
                 "/interviews/other-one/ since the last build: links to the old address will no longer work")]
    for _ in range(2):
        assert [(p.path, p.line, p.column, p.message) for p in check(BuildOptions(root=root)).problems] == expected
    assert [(p.path, p.line, p.column, p.message) for p in build(BuildOptions(root=root)).warnings] == expected
    assert check(BuildOptions(root=root)).problems == []


def test_builds_into_one_output_folder_compare_with_one_record_whatever_their_base_url(tmp_path: Path) -> None:
    # Each set of options had a record of its own: a publisher building with --base-url (as README says
    # to) after an editor's plain build was never warned, and check went on warning of a move long built.
    root = _site(tmp_path / "site")
    _built(root)
    (root / "content/interviews/other.md").rename(root / "content/interviews/renamed.md")
    moved = [line.split(" since")[0] for line in _built(root, base_url="https://example.org/qingpu/")]
    assert moved == ["content/interviews/renamed.md: warning: the page's address changed from /interviews/other/ "
                     "to /interviews/renamed/"]
    assert check(BuildOptions(root=root)).problems == []
    # A trial build into another folder has a record of its own: it neither takes the warning away from
    # the published folder's next build nor leaves one behind for it.
    (root / "content/interviews/renamed.md").rename(root / "content/interviews/again.md")
    assert _built(root, output=str(tmp_path / "trial")) == []  # its first build: nothing to compare with
    assert [line.split(" since")[0] for line in _built(root)] == [
        "content/interviews/again.md: warning: the page's address changed from /interviews/renamed/ to "
        "/interviews/again/"]
    edit_file(root, "content/interviews/again.md", "title: 另一篇", "title: 另一篇\nslug: try-new-name")
    assert len(_built(root, output=str(tmp_path / "trial"))) == 1
    edit_file(root, "content/interviews/again.md", "title: 另一篇\nslug: try-new-name", "title: 另一篇")
    assert _built(root) == []


def test_the_record_is_not_written_again_when_no_address_changed(tmp_path: Path) -> None:
    # A template's or a tally's edit moves no page: the 10,000-page record (1.9 MB) need not be written again.
    root = _site(tmp_path / "site")
    _built(root)
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    kept = record.read_text(encoding="utf-8") + "\n"  # a mark the next build would remove if it wrote the file
    record.write_text(kept, encoding="utf-8")
    edit_file(root, "content/units/baihe.yaml", "resolved: 103", "resolved: 104")
    edit_file(root, "content/units/baihe.yaml", "in_progress: 50", "in_progress: 49")
    # The tally's correction is told (`sitegen.checkcorrections`); no page moved.
    assert [told.partition(": warning: ")[0] for told in _built(root)] == ["content/units/baihe.yaml:9:15"]
    assert record.read_text(encoding="utf-8") == kept
    edit_file(root, FIRST, "白鹤镇访谈", "白鹤镇的访谈")
    assert len(_built(root)) == 1 and record.read_text(encoding="utf-8") != kept


def test_a_renamed_unit_or_series_file_is_warned_as_its_page_moved(tmp_path: Path) -> None:
    # The unit's file renamed (and unit: in the pages with it) removed /units/baihe/, its feed and its downloads
    # without a word; an interview's rename was warned.
    root = _site(tmp_path / "site")
    _built(root)
    (root / "content/units/baihe.yaml").rename(root / "content/units/baihezhen.yaml")
    for rel in (FIRST, "content/interviews/other.md"):
        edit_file(root, rel, "unit: baihe\n", "unit: baihezhen\n")
    assert _built(root) == [
        "content/units/baihezhen.yaml: warning: the unit's page moved from /units/baihe/ to /units/baihezhen/ "
        "since the last build, as its file was renamed: links to the old address will no longer work\n"
        "  hint: a unit's address is its file name: rename the file back to baihe.yaml to keep it (and write unit: "
        "baihe in the pages again), or keep the new name if the old address was never shared"]
    # Done as told, even after a build of another edit, the page is back at its address, and nothing is warned.
    edit_file(root, "content/interviews/other.md", "回答。", "回答了。")
    assert _built(root) == []
    (root / "content/units/baihezhen.yaml").rename(root / "content/units/baihe.yaml")
    for rel in (FIRST, "content/interviews/other.md"):
        edit_file(root, rel, "unit: baihezhen\n", "unit: baihe\n")
    assert _built(root) == [] and (root / "output/units/baihe/index.html").is_file()
    (root / "content/series/dadiaoyan.yaml").rename(root / "content/series/weifangtan.yaml")
    for rel in (FIRST, "content/interviews/other.md"):
        edit_file(root, rel, "series: dadiaoyan\n", "series: weifangtan\n")
    assert [line.split(" since")[0] for line in _built(root)] == [
        "content/series/weifangtan.yaml: warning: the series's page moved from /series/dadiaoyan/ to "
        "/series/weifangtan/"]


def test_a_page_moved_back_as_the_warning_offers_is_not_warned_again(tmp_path: Path) -> None:
    # Followed, the hint's "keep the old address with slug: …" was warned as a move from the new address back.
    root = _site(tmp_path / "site")
    _built(root)
    edit_file(root, FIRST, "白鹤镇访谈", "白鹤镇的访谈")
    assert len(_built(root)) == 1
    # Builds of other edits between the move and the move back (every save, in sitegen serve) change nothing.
    edit_file(root, "content/interviews/other.md", "回答。", "回答了。")
    assert _built(root) == []
    edit_file(root, FIRST, "title: 白鹤镇的访谈", "title: 白鹤镇的访谈\nslug: bai-he-zhen-fang-tan")
    assert _built(root) == [] and (root / "output/interviews/bai-he-zhen-fang-tan/index.html").is_file()
    # A move elsewhere is told again.
    edit_file(root, FIRST, "slug: bai-he-zhen-fang-tan", "slug: baihe")
    assert len(_built(root)) == 1


def test_a_link_to_the_address_a_page_had_in_the_last_build_is_given_its_new_one_and_the_alias(
        tmp_path: Path) -> None:
    # The link's warning said only "link to a page by its address (as …)": which page, and where it went, the editor
    # had to find out; the page's own warning, at another file, named the move.
    root = write_site(tmp_path / "site", {FIRST: interview("白鹤镇访谈"), "content/interviews/other.md": interview(
        "另一篇", body="## 问\n\n详见[访谈](/interviews/bai-he-zhen-fang-tan/)。\n")})
    assert _built(root) == []
    edit_file(root, FIRST, "白鹤镇访谈", "白鹤镇的访谈")
    warnings = _built(root)
    assert warnings[0] == (
        'content/interviews/other.md:13:8: warning: the link "/interviews/bai-he-zhen-fang-tan/" leads to no page or '
        "file of this site\n"
        "  hint: /interviews/bai-he-zhen-fang-tan/ was the address of 《白鹤镇的访谈》 in the last build; the page is now "
        "at /interviews/bai-he-zhen-de-fang-tan/: write /interviews/bai-he-zhen-de-fang-tan/, or add aliases: "
        f"[/interviews/bai-he-zhen-fang-tan/] to {FIRST} so the old address leads there too")
    # Builds later, the old address is the one the page had before its last move: still named.
    assert _built(root) == [warnings[0]]
    # Followed (the alias), the link leads to the page again.
    edit_file(root, FIRST, "title: 白鹤镇的访谈", "title: 白鹤镇的访谈\naliases: [/interviews/bai-he-zhen-fang-tan/]")
    assert _built(root) == []


def test_a_link_to_a_page_deleted_since_the_last_build_names_its_file_not_a_look_alike(tmp_path: Path) -> None:
    # The link to the deleted 第11期 (fangtan-11) was offered "did you mean /interviews/fangtan-211/?", another
    # unit's page, though the same build knew the file was gone.
    root = write_site(tmp_path / "site", {
        "content/interviews/fangtan-11.md": interview("第11期"),
        "content/interviews/fangtan-211.md": interview("第211期"),
        "content/interviews/other.md": interview("另一篇", body="## 问\n\n详见[第11期](/interviews/fangtan-11/)。\n")})
    assert _built(root) == []
    (root / "content/interviews/fangtan-11.md").unlink()
    link = [warning for warning in _built(root) if "the link" in warning]
    assert link == [
        'content/interviews/other.md:13:10: warning: the link "/interviews/fangtan-11/" leads to no page or file of '
        "this site\n"
        "  hint: /interviews/fangtan-11/ was the address of the page of content/interviews/fangtan-11.md in the last "
        "build, and that file is gone: if it was deleted or moved by mistake, restore it (回收站, the recycle bin); "
        "else link another page, or take the link out"]
    # Restored, the link leads to its page again.
    (root / "content/interviews/fangtan-11.md").write_text(interview("第11期"), encoding="utf-8")
    assert _built(root) == []


# --- the preview (sitegen serve) records nothing: only what a build published is a former address ----------------

DRAFT = "content/interviews/draft.md"
MOVED_DRAFT = ("the page's address changed from /interviews/chong-gu/ to /interviews/zhong-gu/ since the last build: "
               "links to the old address will no longer work")


def _previewed(root: Path, **options: object) -> list[str]:
    """The warnings of a build with the options `sitegen serve` builds with."""
    return _built(root, include_drafts=True, output=PREVIEW_OUTPUT, **options)


def test_a_draft_s_slug_changed_in_the_preview_is_never_warned_and_its_address_never_recorded(tmp_path: Path) -> None:
    # The preview kept a record of its own, drafts included: a draft's slug changed as `sitegen new` says to
    # ("change the slug: line now, before the page is published") was warned as a move, and the hint's aliases:
    # published a redirect page at an address that never was public.
    root = write_site(tmp_path / "site", {FIRST: interview("白鹤镇访谈"),
                                          DRAFT: interview("重固镇访谈", extra="draft: true\nslug: chong-gu\n")})
    assert _built(root) == []
    assert _previewed(root) == []
    edit_file(root, DRAFT, "slug: chong-gu", "slug: zhong-gu")
    assert _previewed(root) == [] and _previewed(root) == []
    assert check(BuildOptions(root=root)).problems == []
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")  # the build's: the preview keeps none
    assert DRAFT not in record.read_text(encoding="utf-8")
    edit_file(root, DRAFT, "draft: true\n", "")
    assert _previewed(root) == [] and _built(root) == []
    assert (root / "output/interviews/zhong-gu/index.html").is_file()
    assert not (root / "output/interviews/chong-gu").exists()


def test_the_preview_warns_of_a_published_page_moved_until_a_build_publishes_the_move(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    _built(root)
    edit_file(root, FIRST, "白鹤镇访谈", "白鹤镇的访谈")
    moved = [f"{FIRST}:2:1: warning: the page's address changed from /interviews/bai-he-zhen-fang-tan/ to "
             "/interviews/bai-he-zhen-de-fang-tan/ since the last build: links to the old address will no longer work"]
    assert [line.split("\n")[0] for line in _previewed(root)] == moved
    # The preview publishes nothing: the move is still to be published, and warned again, then by the build.
    assert [line.split("\n")[0] for line in _previewed(root)] == moved
    assert [line.split("\n")[0] for line in _built(root)] == moved
    assert _previewed(root) == [] and _built(root) == []


def test_a_scheduled_page_s_slug_change_is_never_warned(tmp_path: Path) -> None:
    before, after = datetime(2024, 1, 1), datetime(2031, 1, 1)
    root = write_site(tmp_path / "site", {FIRST: interview("白鹤镇访谈"), DRAFT: interview(
        "重固镇访谈", date="2030-06-01 10:00", extra="slug: chong-gu\n")})
    assert _built(root, now=before) == [] and _previewed(root, now=before) == []
    edit_file(root, DRAFT, "slug: chong-gu", "slug: zhong-gu")
    assert _previewed(root, now=before) == [] and _built(root, now=before) == []
    assert not (root / "output/interviews/chong-gu").exists()
    assert _built(root, now=after) == [] and (root / "output/interviews/zhong-gu/index.html").is_file()
    assert not (root / "output/interviews/chong-gu").exists()


TAKEN_OFF = (f"{DRAFT}:9:8: warning: the last build published this page at /interviews/chong-gu/, but draft: true "
             "(草稿) takes it off the site: links to it will get 404 (page not found)\n"
             "  hint: to keep it on the site, write draft: false{slug}; if another page takes its place, {away}add "
             "/interviews/chong-gu/ to that page's aliases (aliases: [/interviews/chong-gu/], or into the list it has) "
             "so the old address leads there")
TAKEN_OFF_HERE = TAKEN_OFF.format(slug="", away="delete this file (or move it out of content/) and ")


def _checked(root: Path) -> list[str]:
    return [problem.format() for problem in check(BuildOptions(root=root)).problems]


def _published_draft(root: Path) -> Path:
    """A site whose last build published ``DRAFT`` at /interviews/chong-gu/."""
    root = write_site(root, {FIRST: interview("白鹤镇访谈"),
                             DRAFT: interview("重固镇访谈", extra="slug: chong-gu\n")})
    assert _built(root) == [] and (root / "output/interviews/chong-gu/index.html").is_file()
    return root


def test_a_published_page_made_a_draft_is_warned_once_as_taken_off_and_published_again_is_no_move(
        tmp_path: Path) -> None:
    # Made a draft, a published page was told only as "a draft, not published", and its address gave 404.
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    # check and the preview (which shows the draft) tell what the next build does, until a build does it.
    assert _checked(root) == [TAKEN_OFF_HERE] and _previewed(root) == [TAKEN_OFF_HERE]
    assert _built(root) == [TAKEN_OFF_HERE]
    assert not (root / "output/interviews/chong-gu").exists()
    # Told once, as a file deleted is: the record marks the page held back, at the address it was published at.
    assert _built(root) == [] and _previewed(root) == [] and _checked(root) == []
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    assert json.loads(record.read_text(encoding="utf-8"))["pages"][DRAFT][0::8] == ["/interviews/chong-gu/", True]
    # The hint followed: published again at its address, it is no move, and made a draft again, it is told again.
    edit_file(root, DRAFT, "draft: true\n", "")
    assert _previewed(root) == [] and _built(root) == [] and _checked(root) == []
    assert (root / "output/interviews/chong-gu/index.html").is_file()
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    assert _built(root) == [TAKEN_OFF_HERE]


def test_a_draft_taken_off_whose_place_another_page_takes_is_warned_until_its_address_is_given_to_it(
        tmp_path: Path) -> None:
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    assert _checked(root) == [TAKEN_OFF_HERE]
    # The hint's other way: the draft's address is its own while it is in content/, so it goes, and the address
    # is given to the page that takes its place (an alias of a draft's address is an error).
    (root / DRAFT).unlink()
    edit_file(root, FIRST, "date:", "aliases: [/interviews/chong-gu/]\ndate:")
    assert _checked(root) == [] and _previewed(root) == [] and _built(root) == []
    assert "/interviews/bai-he-zhen-fang-tan/" in (root / "output/interviews/chong-gu/index.html").read_text(
        encoding="utf-8")


def test_a_published_page_made_a_draft_keeps_its_published_address_until_it_is_published_again(
        tmp_path: Path) -> None:
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: zhong-gu")
    # Held back, it is no move to warn of, but a page taken off, with the slug that keeps its address.
    taken_off = TAKEN_OFF.format(slug=" and slug: chong-gu", away="")
    assert _previewed(root) == [taken_off] and _built(root) == [taken_off] and _built(root) == []
    assert not (root / "output/interviews/chong-gu").exists()
    # Published again elsewhere, /interviews/chong-gu/ was public: the move is warned, by the preview too.
    edit_file(root, DRAFT, "draft: true\n", "")
    warning = f"{DRAFT}:9:1: warning: {MOVED_DRAFT}"
    assert [line.split("\n")[0] for line in _previewed(root)] == [warning]
    assert [line.split("\n")[0] for line in _built(root)] == [warning]
    assert _built(root) == []


def test_a_draft_taken_off_with_its_slug_changed_is_published_back_at_its_address_as_the_hint_says(
        tmp_path: Path) -> None:
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: zhong-gu")
    assert _built(root) == [TAKEN_OFF.format(slug=" and slug: chong-gu", away="")]
    edit_file(root, DRAFT, "draft: true\nslug: zhong-gu", "draft: false\nslug: chong-gu")
    assert _checked(root) == [] and _built(root) == []
    assert (root / "output/interviews/chong-gu/index.html").is_file()


def test_a_published_page_scheduled_again_is_told_by_its_date_alone_and_then_made_a_draft_is_not_told_again(
        tmp_path: Path) -> None:
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "date: 2018-05-03 10:00", "date: 2028-05-03 10:00")
    now = datetime(2024, 1, 1)
    assert _built(root, now=now) == [
        f"{DRAFT}:8:7: warning: the last build published this page, but its publish date 2028-05-03 10:00 is still "
        "to come, so this build takes it off the site until then, and links to it give 404\n"
        "  hint: to keep it on the site, write the time it was first published (发布时间) in date:; to take it "
        "off, write draft: true"]
    # Off the site already: made a draft too, it is no news.
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    assert _built(root, now=now) == []


SCHEDULED_AGAIN = (f"{DRAFT}:8:7: warning: the last build published this page, but its publish date {{date}} is "
                   "still to come, so this build takes it off the site until then, and links to it give 404\n"
                   "  hint: to keep it on the site, write the time it was first published (发布时间) in date:; to "
                   "take it off, write draft: true")


def test_a_published_page_scheduled_again_is_told_once_by_the_build_that_takes_it_off(tmp_path: Path) -> None:
    # Told at every build until its date came, the warning asked again and again for what was done on purpose.
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "date: 2018-05-03 10:00", "date: 2028-05-03 10:00")
    now = datetime(2024, 1, 1)
    told = SCHEDULED_AGAIN.format(date="2028-05-03 10:00")
    checked = [problem.format() for problem in check(BuildOptions(root=root, now=now)).problems]
    # check and the preview tell what the next build does, until a build does it.
    assert checked == [told] and _previewed(root, now=now) == [told]
    assert _built(root, now=now) == [told]
    assert not (root / "output/interviews/chong-gu").exists()
    assert _built(root, now=now) == [] and _previewed(root, now=now) == []
    assert check(BuildOptions(root=root, now=now)).problems == []
    edit_file(root, DRAFT, "回答。", "回答了。")  # edited while it waits: still no news
    assert _built(root, now=now) == []
    # Its time come, it is published again; scheduled again, it is told again, once.
    later = datetime(2028, 6, 1)
    assert _built(root, now=later) == [] and (root / "output/interviews/chong-gu/index.html").is_file()
    edit_file(root, DRAFT, "date: 2028-05-03 10:00", "date: 2029-05-03 10:00")
    assert _built(root, now=later) == [SCHEDULED_AGAIN.format(date="2029-05-03 10:00")]
    assert _built(root, now=later) == []


def test_a_draft_never_published_or_already_taken_off_is_not_warned_when_deleted(tmp_path: Path) -> None:
    # A draft the last build held back was warned as "this file is gone since the last build, so its page … is no
    # longer published" when deleted: that page was off the site already, as the build that took it off told.
    never = "content/interviews/never.md"
    root = _published_draft(tmp_path / "site")
    (root / never).write_text(interview("未发布的访谈", extra="draft: true\n"), encoding="utf-8")
    assert _built(root) == []
    (root / never).unlink()
    assert _checked(root) == [] and _previewed(root) == [] and _built(root) == []
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    assert _built(root) == [TAKEN_OFF_HERE]
    (root / DRAFT).unlink()
    assert _checked(root) == [] and _previewed(root) == [] and _built(root) == []
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    assert DRAFT not in json.loads(record.read_text(encoding="utf-8"))["pages"]


def test_a_page_scheduled_again_then_deleted_is_not_warned_but_one_deleted_before_a_build_took_it_off_is(
        tmp_path: Path) -> None:
    now = datetime(2024, 1, 1)
    root = _published_draft(tmp_path / "site")
    edit_file(root, DRAFT, "date: 2018-05-03 10:00", "date: 2028-05-03 10:00")
    assert _built(root, now=now) == [SCHEDULED_AGAIN.format(date="2028-05-03 10:00")]
    (root / DRAFT).unlink()
    assert _built(root, now=now) == []
    # Made a draft and deleted with no build between, it leaves the site with this build: told as gone.
    root = _published_draft(tmp_path / "other")
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    (root / DRAFT).unlink()
    assert _built(root) == [
        f"{DRAFT}: warning: this file is gone since the last build, so its page \"重固镇访谈\" at /interviews/chong-gu/ "
        "is no longer published: links to it will get 404 (page not found)\n"
        "  hint: if it was deleted or moved out of the folder by mistake, put it back; if another page takes its "
        "place, add /interviews/chong-gu/ to its aliases (aliases: [/interviews/chong-gu/], or into the list it "
        "has) so the old address leads there"]


def test_a_record_written_before_held_pages_were_marked_tells_no_draft_as_taken_off(tmp_path: Path) -> None:
    # It cannot tell a page published by the last build from one it held back, already off the site.
    root = _published_draft(tmp_path / "site")
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    data["pages"] = {rel: fields[:6] for rel, fields in data["pages"].items()}
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    assert _built(root) == []
    edit_file(root, DRAFT, "draft: true\n", "")
    assert _built(root) == []
    edit_file(root, DRAFT, "slug: chong-gu", "draft: true\nslug: chong-gu")
    assert _built(root) == [TAKEN_OFF_HERE]


# --- a record belongs to an output folder, wherever the site folder is ----------------------------------------------

CASE = "content/cases/baihe-caomei.md"


def test_a_site_folder_moved_or_copied_whole_keeps_its_record(tmp_path: Path) -> None:
    # Records were named by the output folder's absolute path: the site folder handed over (moved with its
    # .sitegen-cache/ and output/) built "built … pages (… changed, … removed)" and the old page was gone, unsaid.
    root = copy_example(tmp_path / "a")
    assert _built(root) == []
    root = Path(shutil.move(root, tmp_path / "a-handover"))
    edit_file(root, CASE, "slug: baihe-caomei", "slug: baihe-caomei-2018")
    assert _built(root) == [
        f"{CASE}:3:1: warning: the page's address changed from /cases/baihe-caomei/ to /cases/baihe-caomei-2018/ "
        "since the last build: links to the old address will no longer work\n"
        "  hint: keep the old address with slug: baihe-caomei, or keep the new one and add "
        "aliases: [/cases/baihe-caomei/] so the old address leads here"]
    assert not (root / "output/cases/baihe-caomei").exists()
    # A copy of the whole folder has the record too, and each folder goes on with its own.
    copy = Path(shutil.copytree(root, tmp_path / "copy", symlinks=True))
    edit_file(copy, CASE, "slug: baihe-caomei-2018", "slug: caomei")
    assert [line.split(" since")[0] for line in _built(copy)] == [
        f"{CASE}:3:1: warning: the page's address changed from /cases/baihe-caomei-2018/ to /cases/caomei/"]
    assert _built(root) == []


def test_an_output_folder_outside_the_site_is_known_by_its_own_path(tmp_path: Path) -> None:
    root = _site(tmp_path / "a" / "site")
    assert _built(root, output=str(tmp_path / "out")) == []
    # The site folder moved without the output folder: named from the new place, it is the same folder.
    root = Path(shutil.move(root, tmp_path / "site"))
    edit_file(root, FIRST, "title: 白鹤镇访谈", "title: 白鹤镇访谈\nslug: baihe")
    assert [line.split(" since")[0] for line in _built(root, output="../out")] == [
        f"{FIRST}:3:1: warning: the page's address changed from /interviews/bai-he-zhen-fang-tan/ to "
        "/interviews/baihe/"]
    # Moved again, ../out is another folder, with no record: its first build compares with nothing.
    root = Path(shutil.move(root, tmp_path / "a" / "site"))
    edit_file(root, FIRST, "slug: baihe", "slug: baihe-zhen")
    assert _built(root, output="../out") == []
    assert len(_built(root, output=str(tmp_path / "out"))) == 1


def test_two_output_folders_of_one_site_keep_a_record_each_however_they_are_named(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    assert _built(root) == [] and _built(root, output="public") == []
    edit_file(root, FIRST, "title: 白鹤镇访谈", "title: 白鹤镇访谈\nslug: baihe")
    assert len(_built(root, output="public")) == 1 and _built(root, output="public") == []
    assert len(_built(root, output=str(root / "output"))) == 1  # output/, named by its whole path
    assert _built(root) == [] and _built(root, output="./output") == []
    assert len(list((root / ".sitegen-cache").glob("addresses-*.json"))) == 2


def test_a_record_kept_under_the_name_of_its_absolute_path_is_read_and_kept_under_its_own(tmp_path: Path) -> None:
    # The first build after updating sitegen finds the record an earlier one kept, so it still warns.
    root = _site(tmp_path / "site")
    _built(root)
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    older = record.with_name(f"addresses-{options_key(None, str((root / 'output').resolve()), False, False)}.json")
    record.rename(older)
    edit_file(root, FIRST, "title: 白鹤镇访谈", "title: 白鹤镇访谈\nslug: baihe")
    assert len(check(BuildOptions(root=root)).problems) == 1 and older.exists()
    assert len(_built(root)) == 1
    assert list((root / ".sitegen-cache").glob("addresses-*.json")) == [record]
    # Moved even when no page moved, so a later move of the site folder keeps it.
    record.rename(older)
    assert _built(root) == [] and list((root / ".sitegen-cache").glob("addresses-*.json")) == [record]


# --- a page that keeps old addresses (aliases:) is told the whole list, and an old address dropped is warned ------

ALIASED = "slug: baihe-caomei-new\naliases: [/cases/baihe-caomei/]"
MOVED_V3 = (f"{CASE}:3:1: warning: the page's address changed from /cases/baihe-caomei-new/ to /cases/baihe-caomei-v3/ "
            "since the last build: links to the old address will no longer work\n"
            "  hint: keep the old address with slug: baihe-caomei-new, or keep the new one and write aliases: "
            "[/cases/baihe-caomei/, /cases/baihe-caomei-new/] (in place of the aliases: {lines}) so the old address "
            "leads here")


def _follow(root: Path, rel: str, warning: str) -> None:
    """Do what the hint says: write its ``aliases:`` list in place of the lines it names."""
    found = re.search(r"write (aliases: \[.*\]) \(in place of the aliases: lines?, lines? (\d+)(?:–(\d+))?\)", warning)
    assert found is not None, warning
    first, last = int(found[2]), int(found[3] or found[2])
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    lines[first - 1:last] = [found[1]]
    (root / rel).write_text("\n".join(lines), encoding="utf-8")


def _aliased_example(root: Path, aliases: str = ALIASED) -> Path:
    root = copy_example(root)
    edit_file(root, CASE, "slug: baihe-caomei\n", aliases + "\n")
    assert _built(root) == []
    return root


def test_a_moved_page_with_aliases_is_given_its_list_with_the_old_address_in_place_of_its_line(
        tmp_path: Path) -> None:
    # The hint said "add aliases: [/cases/baihe-caomei-new/]": added, the key was given twice (an error); written in
    # place of the line, /cases/baihe-caomei/ was dropped and its redirect page removed, unsaid.
    root = _aliased_example(tmp_path / "site")
    edit_file(root, CASE, "slug: baihe-caomei-new", "slug: baihe-caomei-v3")
    warnings = _built(root)
    assert warnings == [MOVED_V3.format(lines="line, line 4")]
    _follow(root, CASE, warnings[0])
    assert _built(root) == []
    for old in ("baihe-caomei", "baihe-caomei-new"):
        assert "/cases/baihe-caomei-v3/" in (root / f"output/cases/{old}/index.html").read_text(encoding="utf-8")


def test_a_moved_page_with_aliases_listed_one_a_line_is_given_the_lines_to_replace(tmp_path: Path) -> None:
    root = _aliased_example(tmp_path / "site", "slug: baihe-caomei-new\naliases:\n  - /cases/baihe-caomei/")
    edit_file(root, CASE, "slug: baihe-caomei-new", "slug: baihe-caomei-v3")
    warnings = _built(root)
    assert warnings == [MOVED_V3.format(lines="lines, lines 4–5")]
    _follow(root, CASE, warnings[0])
    assert _built(root) == []
    assert (root / "output/cases/baihe-caomei/index.html").is_file()
    assert (root / "output/cases/baihe-caomei-new/index.html").is_file()


def test_an_old_address_dropped_from_aliases_is_warned_at_the_line_until_kept_again(tmp_path: Path) -> None:
    root = _aliased_example(tmp_path / "site", "slug: baihe-caomei-v3\n"
                            "aliases: [/cases/baihe-caomei/, /cases/baihe-caomei-new/]")
    edit_file(root, CASE, "aliases: [/cases/baihe-caomei/, ", "aliases: [")
    warnings = _built(root)
    assert warnings == [
        f"{CASE}:4:1: warning: the old address /cases/baihe-caomei/ led to this page in the last build (aliases:), "
        "and no page is there now: links to it will no longer work\n"
        "  hint: write aliases: [/cases/baihe-caomei-new/, /cases/baihe-caomei/] (in place of the aliases: line, "
        "line 4) so the old address still leads here"]
    assert not (root / "output/cases/baihe-caomei").exists()
    _follow(root, CASE, warnings[0])
    assert _built(root) == []
    assert (root / "output/cases/baihe-caomei/index.html").is_file()


def test_an_old_address_typed_in_chinese_is_told_as_typed_not_percent_encoded(tmp_path: Path) -> None:
    # Dropped, /白鹤访谈/ was told as /%E7%99%BD%E9%B9%A4%E8%AE%BF%E8%B0%88/, in the message and the hint.
    root = _aliased_example(tmp_path / "site", "slug: baihe-caomei\naliases: [/白鹤访谈/]")
    edit_file(root, CASE, "\naliases: [/白鹤访谈/]", "")
    warnings = _built(root)
    assert warnings == [
        f"{CASE}: warning: the old address /白鹤访谈/ led to this page in the last build (aliases:), and no page is "
        "there now: links to it will no longer work\n"
        "  hint: add aliases: [/白鹤访谈/] so the old address still leads here"]
    edit_file(root, CASE, "slug: baihe-caomei\n", "slug: baihe-caomei\naliases: [/白鹤访谈/]\n")
    assert _built(root) == []


def test_an_old_address_dropped_with_the_page_s_move_is_kept_by_either_hint(tmp_path: Path) -> None:
    root = _aliased_example(tmp_path / "site", "slug: baihe-caomei-new\naliases:\n  - /cases/baihe-caomei/\n"
                            "  - /cases/caomei/")
    edit_file(root, CASE, "slug: baihe-caomei-new\naliases:\n  - /cases/baihe-caomei/\n",
          "slug: baihe-caomei-v3\naliases:\n")
    warnings = _built(root)
    whole = ("write aliases: [/cases/caomei/, /cases/baihe-caomei/, /cases/baihe-caomei-new/] (in place of the "
             "aliases: lines, lines 4–5)")
    assert [warning.split("\n")[0].split(": warning")[0] for warning in warnings] == [f"{CASE}:3:1", f"{CASE}:4:1"]
    assert all(whole in warning for warning in warnings)
    _follow(root, CASE, warnings[1])
    assert _built(root) == []
    for old in ("baihe-caomei", "baihe-caomei-new", "caomei"):
        assert (root / f"output/cases/{old}/index.html").is_file()


def test_an_aliases_line_deleted_is_warned_at_the_file_and_an_address_another_page_keeps_is_not(
        tmp_path: Path) -> None:
    root = _aliased_example(tmp_path / "site", "slug: baihe-caomei-v3\naliases: [/cases/baihe-caomei/, /cases/old/]")
    other = "content/cases/baihe-sige-zui.md"
    edit_file(root, other, "\nunit:", "\naliases: [/cases/old/]\nunit:")
    edit_file(root, CASE, "aliases: [/cases/baihe-caomei/, /cases/old/]\n", "")
    assert _built(root) == [
        f"{CASE}: warning: the old address /cases/baihe-caomei/ led to this page in the last build (aliases:), and "
        "no page is there now: links to it will no longer work\n"
        "  hint: add aliases: [/cases/baihe-caomei/] so the old address still leads here"]
    assert _built(root) == []  # told once: the record now holds what this build published


def test_a_record_written_before_old_addresses_were_kept_is_read(tmp_path: Path) -> None:
    root = _aliased_example(tmp_path / "site")
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    data["pages"] = {rel: fields[:5] for rel, fields in data["pages"].items()}
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    edit_file(root, CASE, "slug: baihe-caomei-new", "slug: baihe-caomei-v3")
    assert _built(root) == [MOVED_V3.format(lines="line, line 4")]

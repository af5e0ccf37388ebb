"""Unit and series ids as editors type them and name their files: each slip gets one message whose hint,
followed word for word, leads to a clean check and a site with one page per unit and its pages linked to it.

End to end through `sitegen.build.check` and `build`, with exact messages and places.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.build import BuildOptions, build, check
from sitegen.errors import Problem, SiteError

from .sitekit import SERIES, UNIT, build_at, interview, write_site

CHONGGU = "name: 重固镇\nlevel: town\n"


def chonggu_page(unit: str = "chonggu") -> str:
    """An interview of 重固镇 (its title names it) filed under ``unit`` as typed."""
    return interview("重固镇访谈").replace("unit: baihe", f"unit: {unit}")


def found(root: Path) -> list[str]:
    """Every problem `check` finds, formatted as the command line prints it, sorted."""
    return [problem.format() for problem in check(BuildOptions(root=root)).problems]


def problems(root: Path) -> list[Problem]:
    """Every problem `check` finds, sorted."""
    return check(BuildOptions(root=root)).problems


def units_built(root: Path) -> list[str]:
    """Build the site; return the ids of the unit pages it made, sorted."""
    output = build_at(root)
    return sorted(path.name for path in (output / "units").iterdir() if path.is_dir())


def links_to_unit(root: Path, page: str, unit_id: str) -> bool:
    """True when the built page at ``page`` (a path under output/) links to the page of unit ``unit_id``."""
    return f'href="/units/{unit_id}/"' in (root / "output" / page).read_text(encoding="utf-8")


def rewrite(root: Path, rel: str, old: str, new: str) -> None:
    """Replace ``old`` (present) by ``new`` in the site file ``rel``, as an editor following a hint does."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- ids typed with capitals ---------------------------------------------------

@pytest.mark.parametrize(("key", "typed", "meant", "column"), [("unit", "Baihe", "baihe", 7),
                                                               ("series", "Dadiaoyan", "dadiaoyan", 9)])
def test_an_id_typed_with_capitals_is_told_ids_are_lower_case(tmp_path: Path, key: str, typed: str, meant: str,
                                                              column: int) -> None:
    # Baihe was told "the id is typed in full width (全角)": it is not, and the editor looked for what to change.
    line = 4 if key == "unit" else 3
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace(f"{key}: {meant}", f"{key}: {typed}")})
    assert found(root) == [
        f'content/interviews/a.md:{line}:{column}: error: there is no {key} "{typed}"\n'
        f"  hint: the id is typed with capitals: write it in lower case (小写), as its file name is: {key}: {meant}"]
    rewrite(root, "content/interviews/a.md", f"{key}: {typed}", f"{key}: {meant}")
    assert found(root) == []
    assert units_built(root) == ["baihe"]
    assert links_to_unit(root, "interviews/a/index.html", "baihe")


def test_an_id_typed_in_full_width_and_with_capitals_is_told_both(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/interviews/a.md": interview().replace("unit: baihe", "unit: Ｂａｉｈｅ")})
    assert found(root) == [
        'content/interviews/a.md:4:7: error: there is no unit "Ｂａｉｈｅ"\n'
        "  hint: the id is typed in full width (全角) and with capitals: write it in half width (半角) and in lower "
        "case (小写): unit: baihe"]


def test_a_distinct_from_id_typed_with_capitals_or_in_full_width_is_told_which(tmp_path: Path) -> None:
    unit = UNIT.replace("misspellings:", "distinct_from: [Chonggu, ｃｈｏｎｇｇｕ]\nmisspellings:")
    root = write_site(tmp_path, {"content/units/baihe.yaml": unit, "content/units/chonggu.yaml": CHONGGU})
    assert found(root) == [
        'content/units/baihe.yaml:3:17: warning: distinct_from: there is no unit "Chonggu"\n'
        "  hint: the id is typed with capitals: write it in lower case (小写), as its file name is: chonggu",
        'content/units/baihe.yaml:3:26: warning: distinct_from: there is no unit "ｃｈｏｎｇｇｕ"\n'
        "  hint: the id is typed in full width (全角): write it in half width (半角): chonggu"]
    rewrite(root, "content/units/baihe.yaml", "[Chonggu, ｃｈｏｎｇｇｕ]", "[chonggu]")
    assert found(root) == []


# -- a unit file copied, its id left as it was -----------------------------------

def test_a_copy_whose_id_names_the_file_it_was_copied_from_is_not_told_to_take_that_file_name(tmp_path: Path) -> None:
    # huaxin.yaml copied from chonggu.yaml, "id: chonggu" left in it, was told "rename the file to chonggu.yaml":
    # that is the real town's file, which the rename overwrites.
    chonggu = "id: chonggu\n" + CHONGGU
    root = write_site(tmp_path, {"content/units/chonggu.yaml": chonggu,
                                 "content/units/huaxin.yaml": chonggu.replace("重固镇", "华新镇")})
    assert found(root) == [
        'content/units/huaxin.yaml:1:5: error: id "chonggu" differs from the file name "huaxin"\n'
        "  hint: the id is the file name: write id: huaxin (renaming this file to chonggu.yaml instead would "
        "overwrite content/units/chonggu.yaml, the file of another unit)"]
    rewrite(root, "content/units/huaxin.yaml", "id: chonggu", "id: huaxin")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu", "huaxin"]
    assert "华新镇" in (root / "output/units/huaxin/index.html").read_text(encoding="utf-8")
    assert "重固镇" in (root / "output/units/chonggu/index.html").read_text(encoding="utf-8")


def test_a_copy_still_named_as_the_file_it_was_copied_from_is_told_both_fixes(tmp_path: Path) -> None:
    chonggu = "id: chonggu\n" + CHONGGU
    root = write_site(tmp_path, {"content/units/chonggu.yaml": chonggu, "content/units/huaxin.yaml": chonggu,
                                 "content/interviews/a.md": chonggu_page()})
    assert found(root) == [
        'content/units/huaxin.yaml:1:5: error: id "chonggu" differs from the file name "huaxin"\n'
        "  hint: the id is the file name: if this file is a new unit begun from a copy of content/units/chonggu.yaml, "
        "write id: huaxin and its own name (it still has name: 重固镇 of that file); if it is a copy kept by mistake, "
        "delete it or move it out of content/ (renaming this file to chonggu.yaml instead would overwrite "
        "content/units/chonggu.yaml)"]
    (root / "content/units/huaxin.yaml").unlink()  # a copy kept by mistake
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert links_to_unit(root, "interviews/a/index.html", "chonggu")


def test_an_id_left_in_a_renamed_file_is_still_offered_as_its_name_when_no_file_has_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/units/zhonggu.yaml": "id: chonggu\n" + CHONGGU})
    assert found(root) == [
        'content/units/zhonggu.yaml:1:5: error: id "chonggu" differs from the file name "zhonggu"\n'
        "  hint: the id is the file name: rename the file to chonggu.yaml or write id: zhonggu"]
    (root / "content/units/zhonggu.yaml").rename(root / "content/units/chonggu.yaml")
    assert found(root) == []


def test_a_series_copy_whose_id_names_its_original_is_not_told_to_take_that_file_name(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/series/dadiaoyan.yaml": "id: dadiaoyan\n" + SERIES,
                                 "content/series/weifangtan.yaml": "id: dadiaoyan\n" + SERIES.replace("大调研微访谈",
                                                                                                     "微访谈")})
    assert found(root) == [
        'content/series/weifangtan.yaml:1:5: error: id "dadiaoyan" differs from the file name "weifangtan"\n'
        "  hint: the id is the file name: write id: weifangtan (renaming this file to dadiaoyan.yaml instead would "
        "overwrite content/series/dadiaoyan.yaml, the file of another series)"]
    rewrite(root, "content/series/weifangtan.yaml", "id: dadiaoyan", "id: weifangtan")
    assert found(root) == []


# -- a unit file copied by Windows Explorer ---------------------------------------

COPY = "content/units/chonggu - 副本.yaml"


def test_a_unit_file_copied_by_windows_is_told_to_be_deleted_naming_its_original(tmp_path: Path) -> None:
    # "chonggu - 副本.yaml" was told "rename the file to chonggu-fu-ben.yaml"; done, the town was counted twice.
    root = write_site(tmp_path, {"content/units/chonggu.yaml": CHONGGU, COPY: CHONGGU,
                                 "content/interviews/a.md": chonggu_page()})
    assert found(root) == [
        f'{COPY}: error: the file name "chonggu - 副本" is not a valid id: this file is a copy of '
        'content/units/chonggu.yaml (its name is that file\'s name with " - 副本" added, as copies are named)\n'
        "  hint: delete the copy or move it out of content/ (every unit in content/units/ is listed and counted)"]
    (root / COPY).unlink()
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert links_to_unit(root, "interviews/a/index.html", "chonggu")


def test_a_unit_copy_edited_by_mistake_is_told_to_take_its_edits_to_the_original_first(tmp_path: Path) -> None:
    edited = CHONGGU + "summary: 重固镇位于青浦区北部。\n"
    root = write_site(tmp_path, {"content/units/chonggu.yaml": CHONGGU, COPY: edited})
    assert found(root) == [
        f'{COPY}: error: the file name "chonggu - 副本" is not a valid id: this file is a copy of '
        'content/units/chonggu.yaml (its name is that file\'s name with " - 副本" added, as copies are named)\n'
        "  hint: its text differs from content/units/chonggu.yaml from line 3 on: if edits were made in the copy, "
        "copy them into content/units/chonggu.yaml first; then delete the copy or move it out of content/ (every "
        "unit in content/units/ is listed and counted)"]
    (root / "content/units/chonggu.yaml").write_text(edited, encoding="utf-8")
    (root / COPY).unlink()
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert "重固镇位于青浦区北部。" in (root / "output/units/chonggu/index.html").read_text(encoding="utf-8")


def test_a_unit_copy_begun_as_a_new_unit_is_told_the_id_of_its_own_name(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/units/chonggu.yaml": "id: chonggu\n" + CHONGGU,
                                 COPY: "id: chonggu\n" + CHONGGU.replace("重固镇", "华新镇")})
    assert found(root) == [
        f'{COPY}: error: the file name "chonggu - 副本" is not a valid id: this file is a copy of '
        'content/units/chonggu.yaml (its name is that file\'s name with " - 副本" added, as copies are named)\n'
        "  hint: it names another unit (name: 华新镇): if it is a new unit begun from the copy, rename the file to "
        "hua-xin-zhen.yaml and write id: hua-xin-zhen in it; else copy its edits into content/units/chonggu.yaml, then delete the copy or move it "
        "out of content/ (every unit in content/units/ is listed and counted)"]
    (root / COPY).rename(root / "content/units/hua-xin-zhen.yaml")
    rewrite(root, "content/units/hua-xin-zhen.yaml", "id: chonggu", "id: hua-xin-zhen")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu", "hua-xin-zhen"]


@pytest.mark.parametrize(("copy", "suffix"), [("content/series/dadiaoyan (2).yaml", " (2)"),
                                              ("content/series/dadiaoyan - Copy.yaml", " - Copy"),
                                              # Kept by hand: told to be renamed to dadiaoyan-jiu.yaml, a second
                                              # series of the same title.
                                              ("content/series/dadiaoyan - 旧.yaml", " - 旧"),
                                              ("content/series/dadiaoyan_bak.yaml", "_bak"),
                                              ("content/series/dadiaoyan.old.yaml", ".old")])
def test_a_series_file_copied_by_windows_is_told_to_be_deleted(tmp_path: Path, copy: str, suffix: str) -> None:
    root = write_site(tmp_path, {copy: SERIES, "content/interviews/a.md": interview()})
    stem = copy.rpartition("/")[2].removesuffix(".yaml")
    assert found(root) == [
        f'{copy}: error: the file name "{stem}" is not a valid id: this file is a copy of '
        f'content/series/dadiaoyan.yaml (its name is that file\'s name with "{suffix}" added, as copies are named)\n'
        "  hint: delete the copy or move it out of content/ (every series in content/series/ is listed)"]
    (root / copy).unlink()
    assert found(root) == []


# -- a unit file named in Chinese ---------------------------------------------------

def test_a_unit_file_named_in_chinese_is_told_its_pinyin_with_the_note_on_readings(tmp_path: Path) -> None:
    # 重固 reads chóng gù: "rename the file to zhong-gu-zhen.yaml" gave no word of it, as sitegen new unit does.
    root = write_site(tmp_path, {"content/units/重固镇.yaml": CHONGGU})
    assert found(root) == [
        'content/units/重固镇.yaml: error: the file name "重固镇" is not a valid id\n'
        '  hint: rename the file to zhong-gu-zhen.yaml (a-z, 0-9 and "-" only); the id zhong-gu-zhen is the pinyin '
        'of "重固镇" and goes into the address of its page; check the 多音字 重 (zhong, chong): if it reads '
        "otherwise here, name the file with that reading instead"]
    (root / "content/units/重固镇.yaml").rename(root / "content/units/chong-gu-zhen.yaml")  # the reading meant
    assert found(root) == []
    assert units_built(root) == ["baihe", "chong-gu-zhen"]


def test_pages_and_a_unit_file_named_in_chinese_are_told_one_rename_to_the_id_the_pages_use(tmp_path: Path) -> None:
    # The pages naming chonggu were told "create content/units/chonggu.yaml: sitegen new unit 名称 --id chonggu",
    # and the file "rename it to zhong-gu-zhen.yaml": following both made two files for one town.
    root = write_site(tmp_path, {
        "content/units/重固镇.yaml": CHONGGU,
        "content/interviews/a.md": chonggu_page(),
        "content/interviews/b.md": interview("重固镇访谈二").replace("unit: baihe", "unit: chonggu"),
        "content/interviews/c.md": interview("重固镇访谈三").replace("unit: baihe", "unit: zhong-gu-zhen")})
    assert found(root) == [
        'content/interviews/a.md:4:7: error: there is no unit "chonggu"\n'
        "  hint: content/units/重固镇.yaml is the file of this unit, but its file name is not a valid id, so it is not "
        "read: rename it to chonggu.yaml",
        'content/interviews/b.md:4:7: error: there is no unit "chonggu"\n'
        "  hint: content/units/重固镇.yaml is the file of this unit, but its file name is not a valid id, so it is not "
        "read: rename it to chonggu.yaml",
        'content/interviews/c.md:4:7: error: there is no unit "zhong-gu-zhen"\n'
        "  hint: content/units/重固镇.yaml is the file of this unit, but its file name is not a valid id, so it is not "
        "read: rename it to chonggu.yaml, and write unit: chonggu here",
        'content/units/重固镇.yaml: error: the file name "重固镇" is not a valid id\n'
        '  hint: rename the file to chonggu.yaml (a-z, 0-9 and "-" only): the id content/interviews/a.md and 1 more '
        "name this unit by (unit: chonggu)"]
    (root / "content/units/重固镇.yaml").rename(root / "content/units/chonggu.yaml")
    rewrite(root, "content/interviews/c.md", "unit: zhong-gu-zhen", "unit: chonggu")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    for page in ("a", "b", "c"):
        assert links_to_unit(root, f"interviews/{page}/index.html", "chonggu")


@pytest.mark.parametrize(("typed", "reason"), [
    ("ｃｈｏｎｇｇｕ", "the id is typed in full width (全角): write it in half width (半角)"),
    ("Chonggu", "the id is typed with capitals: write it in lower case (小写), as its file name is")])
def test_an_id_typed_in_full_width_or_capitals_beside_a_unit_file_named_in_chinese_is_told_the_one_rename(
        tmp_path: Path, typed: str, reason: str) -> None:
    # ｃｈｏｎｇｇｕ was told "sitegen new unit ｃｈｏｎｇｇｕ, then write unit: chonggu", and 重固镇.yaml "rename the
    # file to zhong-gu-zhen.yaml": following all three made a unit named ｃｈｏｎｇｇｕ beside the town.
    root = write_site(tmp_path, {"content/units/重固镇.yaml": CHONGGU,
                                 "content/interviews/a.md": chonggu_page(typed)})
    assert found(root) == [
        f'content/interviews/a.md:4:7: error: there is no unit "{typed}"\n'
        "  hint: content/units/重固镇.yaml is the file of this unit, but its file name is not a valid id, so it is not "
        f"read: rename it to chonggu.yaml; and here {reason}: unit: chonggu",
        'content/units/重固镇.yaml: error: the file name "重固镇" is not a valid id\n'
        '  hint: rename the file to chonggu.yaml (a-z, 0-9 and "-" only): the id content/interviews/a.md names this '
        "unit by (unit: chonggu)"]
    (root / "content/units/重固镇.yaml").rename(root / "content/units/chonggu.yaml")
    rewrite(root, "content/interviews/a.md", f"unit: {typed}", "unit: chonggu")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert "重固镇" in (root / "output/units/chonggu/index.html").read_text(encoding="utf-8")
    assert links_to_unit(root, "interviews/a/index.html", "chonggu")


def test_an_id_typed_in_full_width_naming_no_unit_is_offered_sitegen_new_with_its_half_width_id(
        tmp_path: Path) -> None:
    # "sitegen new unit ｃｈｏｎｇｇｕ" made a unit named ｃｈｏｎｇｇｕ.
    root = write_site(tmp_path, {"content/interviews/a.md": chonggu_page("ｃｈｏｎｇｇｕ")})
    assert found(root) == [
        'content/interviews/a.md:4:7: error: there is no unit "ｃｈｏｎｇｇｕ"\n'
        "  hint: if ｃｈｏｎｇｇｕ is a new unit, create content/units/chonggu.yaml by running, in the site folder: "
        "sitegen new unit 名称 --id chonggu (with the unit's name in place of 名称), then write unit: chonggu here; or, "
        "if this page belongs to a unit the site has, write its id (file name in content/units/ without .yaml), one "
        "of: baihe (白鹤镇)"]
    (root / "content/units/chonggu.yaml").write_text(CHONGGU, encoding="utf-8")  # as sitegen new unit 重固镇 --id chonggu
    rewrite(root, "content/interviews/a.md", "unit: ｃｈｏｎｇｇｕ", "unit: chonggu")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert links_to_unit(root, "interviews/a/index.html", "chonggu")


def test_a_copy_whose_name_reads_as_its_file_name_is_told_only_to_write_its_own_id(tmp_path: Path) -> None:
    # huaxin.yaml, name 华新镇, "id: chonggu" left from the file it was copied from, was offered "rename the file to
    # chonggu.yaml": done, 华新镇 took the id and the address of 重固镇.
    root = write_site(tmp_path, {"content/units/huaxin.yaml": "id: chonggu\n" + CHONGGU.replace("重固镇", "华新镇")})
    assert found(root) == [
        'content/units/huaxin.yaml:1:5: error: id "chonggu" differs from the file name "huaxin"\n'
        "  hint: the id is the file name: write id: huaxin (the name 华新镇 reads huaxin: the file is named for this "
        "unit, and the id chonggu is not its own)"]
    rewrite(root, "content/units/huaxin.yaml", "id: chonggu", "id: huaxin")
    assert found(root) == []
    assert units_built(root) == ["baihe", "huaxin"]
    assert "华新镇" in (root / "output/units/huaxin/index.html").read_text(encoding="utf-8")


def test_a_file_whose_name_reads_as_its_id_not_its_file_name_is_still_offered_the_rename(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/units/huaxin.yaml": "id: chonggu\n" + CHONGGU})
    assert found(root) == [
        'content/units/huaxin.yaml:1:5: error: id "chonggu" differs from the file name "huaxin"\n'
        "  hint: the id is the file name: rename the file to chonggu.yaml or write id: huaxin"]
    (root / "content/units/huaxin.yaml").rename(root / "content/units/chonggu.yaml")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]


@pytest.mark.parametrize(("copy", "suffix"), [(COPY, " - 副本"), ("content/units/chonggu - Copy.yaml", " - Copy"),
                                              ("content/units/chonggu (2).yaml", " (2)")])
def test_a_windows_copy_whose_original_is_gone_is_told_to_take_the_original_name(tmp_path: Path, copy: str,
                                                                                 suffix: str) -> None:
    # "chonggu - 副本.yaml" alone was told "rename the file to chonggu-fu-ben.yaml": the town's address took
    # "fu-ben" (副本, copy), and the pages naming chonggu were left without their unit.
    root = write_site(tmp_path, {copy: CHONGGU,
                                 "content/interviews/a.md": chonggu_page()})
    stem = copy.rpartition("/")[2].removesuffix(".yaml")
    assert found(root) == [
        'content/interviews/a.md:4:7: error: there is no unit "chonggu"\n'
        f"  hint: {copy} is the file of this unit, but its file name is not a valid id, so it is not read: rename it "
        "to chonggu.yaml",
        f'{copy}: error: the file name "{stem}" is not a valid id\n'
        f'  hint: rename the file to chonggu.yaml (a-z, 0-9 and "-" only): its name is chonggu with "{suffix}" '
        "added, as copies are named, and no file is named chonggu.yaml"]
    (root / copy).rename(root / "content/units/chonggu.yaml")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert links_to_unit(root, "interviews/a/index.html", "chonggu")


def test_a_lone_windows_copy_no_page_names_is_told_the_original_name(tmp_path: Path) -> None:
    root = write_site(tmp_path, {COPY: CHONGGU})
    assert found(root) == [
        f'{COPY}: error: the file name "chonggu - 副本" is not a valid id\n'
        '  hint: rename the file to chonggu.yaml (a-z, 0-9 and "-" only): its name is chonggu with " - 副本" added, '
        "as copies are named, and no file is named chonggu.yaml"]
    (root / COPY).rename(root / "content/units/chonggu.yaml")
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]


# -- several files that would be told the same name ------------------------------------

SECOND = "content/units/chonggu (2).yaml"
TAKE_CHONGGU = ('rename the file to chonggu.yaml (a-z, 0-9 and "-" only): its name is chonggu with " (2)" added, as '
                f"copies are named, and no file is named chonggu.yaml; {COPY} would take the name chonggu.yaml too, "
                "and renamed together one would overwrite the other: this file, the first in order, is the one to "
                "rename")
DELETE = "delete the copy or move it out of content/ (every unit in content/units/ is listed and counted)"


def copy_of_second(stem: str) -> str:
    """The message for a file ``stem`` that would take chonggu.yaml, as SECOND is told to."""
    return (f'the file name "{stem}" is not a valid id: this file is a copy of {SECOND}, which is to be renamed '
            "chonggu.yaml (both would take that name, and renamed together one would overwrite the other)")


def test_two_identical_copies_whose_original_is_gone_are_told_one_rename_and_one_deletion(tmp_path: Path) -> None:
    # Both were told "rename the file to chonggu.yaml": renamed together, the second overwrote the first.
    root = write_site(tmp_path, {COPY: CHONGGU, SECOND: CHONGGU,
                                 "content/interviews/a.md": chonggu_page()})
    assert found(root) == [
        'content/interviews/a.md:4:7: error: there is no unit "chonggu"\n'
        f"  hint: {SECOND} is the file of this unit, but its file name is not a valid id, so it is not read: rename "
        "it to chonggu.yaml",
        f'{SECOND}: error: the file name "chonggu (2)" is not a valid id\n  hint: {TAKE_CHONGGU}',
        f"{COPY}: error: {copy_of_second('chonggu - 副本')}\n  hint: {DELETE}"]
    (root / SECOND).rename(root / "content/units/chonggu.yaml")
    (root / COPY).unlink()
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert links_to_unit(root, "interviews/a/index.html", "chonggu")


def test_an_edited_copy_beside_another_whose_original_is_gone_is_told_to_take_its_edits_over(tmp_path: Path) -> None:
    edited = CHONGGU + "summary: 重固镇位于青浦区北部。\n"
    root = write_site(tmp_path, {COPY: edited, SECOND: CHONGGU})
    assert found(root) == [
        f'{SECOND}: error: the file name "chonggu (2)" is not a valid id\n  hint: {TAKE_CHONGGU}',
        f"{COPY}: error: {copy_of_second('chonggu - 副本')}\n"
        f"  hint: its text differs from {SECOND} from line 3 on: if edits were made in the copy, copy them into "
        f"{SECOND} (chonggu.yaml once renamed) first; then {DELETE}"]
    # Followed in order: the rename first, then the edits into chonggu.yaml, as the hint allows once renamed.
    (root / SECOND).rename(root / "content/units/chonggu.yaml")
    (root / "content/units/chonggu.yaml").write_text((root / COPY).read_text(encoding="utf-8"), encoding="utf-8")
    (root / COPY).unlink()
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert "重固镇位于青浦区北部。" in (root / "output/units/chonggu/index.html").read_text(encoding="utf-8")


def test_three_copies_whose_original_is_gone_are_told_one_rename(tmp_path: Path) -> None:
    third = "content/units/chonggu - Copy.yaml"
    root = write_site(tmp_path, {COPY: CHONGGU, SECOND: CHONGGU, third: CHONGGU})
    hint = TAKE_CHONGGU.replace(f"{COPY} would", f"{third} and {COPY} would")
    assert found(root) == [
        f'{SECOND}: error: the file name "chonggu (2)" is not a valid id\n  hint: {hint}',
        f"{third}: error: {copy_of_second('chonggu - Copy')}\n  hint: {DELETE}",
        f"{COPY}: error: {copy_of_second('chonggu - 副本')}\n  hint: {DELETE}"]
    (root / SECOND).rename(root / "content/units/chonggu.yaml")
    (root / third).unlink()
    (root / COPY).unlink()
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]


def test_two_misnamed_files_declaring_one_id_are_told_one_rename(tmp_path: Path) -> None:
    first, second = "content/units/重固 1.yaml", "content/units/重固 2.yaml"
    edited = "id: chonggu\n" + CHONGGU + "summary: 重固镇位于青浦区北部。\n"
    root = write_site(tmp_path, {first: "id: chonggu\n" + CHONGGU, second: edited})
    assert found(root) == [
        f'{first}: error: the file name "重固 1" is not a valid id\n'
        '  hint: rename the file to chonggu.yaml (a-z, 0-9 and "-" only) (the id it declares: id: chonggu); '
        f"{second} would take the name chonggu.yaml too, and renamed together one would overwrite the other: this "
        "file, the first in order, is the one to rename",
        f'{second}: error: the file name "重固 2" is not a valid id: this file is a copy of {first}, which is to be '
        "renamed chonggu.yaml (both would take that name, and renamed together one would overwrite the other)\n"
        f"  hint: its text differs from {first} from line 4 on: if edits were made in the copy, copy them into "
        f"{first} (chonggu.yaml once renamed) first; then {DELETE}"]
    # Followed in order, the edits copied before the rename this time.
    (root / first).write_text(edited, encoding="utf-8")
    (root / first).rename(root / "content/units/chonggu.yaml")
    (root / second).unlink()
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert "重固镇位于青浦区北部。" in (root / "output/units/chonggu/index.html").read_text(encoding="utf-8")


def test_two_units_whose_names_have_one_pinyin_are_not_told_one_is_a_copy(tmp_path: Path) -> None:
    # Two towns, 华新镇 and 化新镇: telling the second it is a copy to delete would lose a town.
    first, second = "content/units/化新镇.yaml", "content/units/华新镇.yaml"
    root = write_site(tmp_path, {first: CHONGGU.replace("重固镇", "化新镇"),
                                 second: CHONGGU.replace("重固镇", "华新镇") + "summary: 华新镇。\n"})
    assert found(root) == [
        f'{first}: error: the file name "化新镇" is not a valid id\n'
        '  hint: rename the file to hua-xin-zhen.yaml (a-z, 0-9 and "-" only); '  # 化 is hua in every word
        f"{second} would take the name hua-xin-zhen.yaml too, and renamed together one "
        "would overwrite the other: this file, the first in order, is the one to rename",
        f'{second}: error: the file name "华新镇" is not a valid id\n'
        f"  hint: it names another unit (name: 华新镇) than {first} (name: 化新镇), which is to be renamed "
        'hua-xin-zhen.yaml: rename the file to an id of its own, using a-z, 0-9 and "-" only']
    (root / first).rename(root / "content/units/hua-xin-zhen.yaml")
    (root / second).rename(root / "content/units/huaxin.yaml")
    # Names this alike are warned of as one place spelt twice; these are two towns, as the warning allows.
    [warning] = found(root)
    assert warning.endswith("add the line distinct_from: [hua-xin-zhen] to content/units/huaxin.yaml (the warning "
                            "then stops)")
    rewrite(root, "content/units/huaxin.yaml", "level: town\n", "level: town\ndistinct_from: [hua-xin-zhen]\n")
    assert found(root) == []
    assert units_built(root) == ["baihe", "hua-xin-zhen", "huaxin"]


# -- a unit or series file gone since the last build ---------------------------------------

CHONGGU_PAGE = "content/interviews/chonggu.md"


def built_with_chonggu(tmp_path: Path) -> Path:
    """A site with the units baihe and chonggu (content/units/chonggu.yaml, 重固镇) and an interview of each, built
    once (the build records the files it published)."""
    root = write_site(tmp_path, {"content/units/chonggu.yaml": CHONGGU, "content/interviews/a.md": interview(),
                                 CHONGGU_PAGE: chonggu_page()})
    assert units_built(root) == ["baihe", "chonggu"]
    return root


def test_a_unit_file_deleted_since_the_last_build_is_told_to_be_put_back_not_another_units_id(
        tmp_path: Path) -> None:
    # The hint offered "one of: baihe": followed, 白鹤's figures were published on 重固's interview.
    root = built_with_chonggu(tmp_path)
    (root / "content/units/chonggu.yaml").unlink()
    assert found(root) == [
        f'{CHONGGU_PAGE}:4:7: error: there is no unit "chonggu": its file content/units/chonggu.yaml (重固镇) was '
        "deleted or moved since the last build\n"
        "  hint: put the file back as content/units/chonggu.yaml (from the recycle bin, 回收站, or from where it was "
        "moved); only if 重固镇 is no longer a unit of the site, write here, after unit:, the id of the unit this page "
        "belongs to"]
    (root / "content/units/chonggu.yaml").write_text(CHONGGU, encoding="utf-8")  # put back, as the hint says
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]
    assert links_to_unit(root, "interviews/chonggu/index.html", "chonggu")


def test_a_unit_file_deleted_is_still_told_after_a_clean_build_was_tried(tmp_path: Path) -> None:
    # --clean emptied the address record with the cache: the next check offered "sitegen new unit 名称 --id chonggu",
    # whose file holds no tallies, and the town's figures left its page, the totals and the open data unwarned.
    root = built_with_chonggu(tmp_path)
    (root / "content/units/chonggu.yaml").unlink()
    with pytest.raises(SiteError) as refused:
        build(BuildOptions(root=root, clean=True))
    assert [problem.message for problem in refused.value.problems if problem.severity == "error"] == [
        'there is no unit "chonggu": its file content/units/chonggu.yaml (重固镇) was deleted or moved since the last '
        "build"]
    assert [problem.message for problem in problems(root)] == [
        'there is no unit "chonggu": its file content/units/chonggu.yaml (重固镇) was deleted or moved since the last '
        "build"]
    (root / "content/units/chonggu.yaml").write_text(CHONGGU, encoding="utf-8")  # put back, as the hint says
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]


def test_a_unit_file_no_page_names_deleted_says_its_figures_leave_the_totals_and_the_open_data(
        tmp_path: Path) -> None:
    # "its page … is no longer published" did not say the town's tallies left the dashboard and data/ too.
    root = built_with_chonggu(tmp_path)
    (root / CHONGGU_PAGE).unlink()
    build_at(root)
    (root / "content/units/chonggu.yaml").unlink()
    gone = [problem for problem in problems(root) if problem.path == "content/units/chonggu.yaml"]
    assert [(problem.severity, problem.message) for problem in gone] == [(
        "warning", 'this file is gone since the last build, so its page "重固镇" at /units/chonggu/ is no longer '
        "published, and its figures (tallies, targets, milestones) leave the totals, the dashboard and the open data "
        "(data/): links to it will get 404 (page not found)")]


def test_a_unit_file_of_another_ending_deleted_is_told_by_the_name_it_had(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"content/units/chonggu.yml": CHONGGU,
                                 CHONGGU_PAGE: chonggu_page()})
    assert units_built(root) == ["baihe", "chonggu"]
    (root / "content/units/chonggu.yml").unlink()
    assert [problem.message for problem in problems(root)] == [
        'there is no unit "chonggu": its file content/units/chonggu.yml (重固镇) was deleted or moved since the last '
        "build"]


def test_a_unit_file_renamed_since_the_last_build_is_told_both_fixes(tmp_path: Path) -> None:
    root = built_with_chonggu(tmp_path)
    (root / "content/units/chonggu.yaml").rename(root / "content/units/chong-gu.yaml")
    assert found(root) == [
        f'{CHONGGU_PAGE}:4:7: error: there is no unit "chonggu": its file content/units/chonggu.yaml (重固镇) was '
        "renamed content/units/chong-gu.yaml since the last build, and a unit's id is its file name\n"
        "  hint: rename content/units/chong-gu.yaml back to chonggu.yaml; or, to keep the new name, write "
        "unit: chong-gu here and in every other page that names chonggu"]
    rewrite(root, CHONGGU_PAGE, "unit: chonggu", "unit: chong-gu")  # the second fix: the page's move is warned
    assert [(problem.path, problem.severity) for problem in problems(root)] == [
        ("content/units/chong-gu.yaml", "warning")]
    rewrite(root, CHONGGU_PAGE, "unit: chong-gu", "unit: chonggu")
    (root / "content/units/chong-gu.yaml").rename(root / "content/units/chonggu.yaml")  # the first
    assert found(root) == []
    assert units_built(root) == ["baihe", "chonggu"]


def test_a_series_file_deleted_since_the_last_build_is_told_to_be_put_back(tmp_path: Path) -> None:
    root = built_with_chonggu(tmp_path)
    (root / "content/series/dadiaoyan.yaml").unlink()
    told = (": its file content/series/dadiaoyan.yaml (大调研微访谈) was deleted or moved since the last build\n"
            "  hint: put the file back as content/series/dadiaoyan.yaml (from the recycle bin, 回收站, or from where "
            "it was moved); only if 大调研微访谈 is no longer a series of the site, write here, after series:, the id "
            "of the series this page belongs to")
    assert found(root) == [f'content/interviews/a.md:3:9: error: there is no series "dadiaoyan"{told}',
                           f'{CHONGGU_PAGE}:3:9: error: there is no series "dadiaoyan"{told}']
    (root / "content/series/dadiaoyan.yaml").write_text(SERIES, encoding="utf-8")
    assert found(root) == []


def test_a_unit_file_deleted_from_a_page_with_other_errors_is_told_in_the_same_run(tmp_path: Path) -> None:
    root = built_with_chonggu(tmp_path)
    (root / "content/units/chonggu.yaml").unlink()
    rewrite(root, CHONGGU_PAGE, "  role: 党委书记", "  role:")
    assert [problem.message for problem in problems(root)] == [
        'there is no unit "chonggu": its file content/units/chonggu.yaml (重固镇) was deleted or moved since the last '
        "build", "interviewee → role: the value is empty"]


def test_a_unit_named_without_a_last_build_is_offered_its_creation_before_the_ids_there_are(tmp_path: Path) -> None:
    # No build yet (a fresh clone): nothing tells a deleted file from a new unit, and baihe is no slip of chonggu.
    root = write_site(tmp_path, {CHONGGU_PAGE: chonggu_page()})
    assert found(root) == [
        f'{CHONGGU_PAGE}:4:7: error: there is no unit "chonggu"\n'
        "  hint: if chonggu is a new unit, create content/units/chonggu.yaml by running, in the site folder: sitegen "
        "new unit 名称 --id chonggu (with the unit's name in place of 名称); or, if this page belongs to a unit the site "
        "has, write its id (file name in content/units/ without .yaml), one of: baihe (白鹤镇)"]

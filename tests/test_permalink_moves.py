"""A change of ``permalinks:`` in site.yaml that moves pages is warned once per pattern, at its line, with a hint
that, followed, builds clean; a link to an address a unit's or series' page had is given its new one."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.build import BuildOptions, build

from .sitekit import copy_example

PERMALINKS = ("permalinks:\n  units: /danwei/{slug}/\n  series: /lanmu/{slug}/\n  cases: /anli/{slug}/\n"
              "  tags: /biaoqian/{slug}/\n")
CASE = "content/cases/baihe-caomei.md"
INTERVIEW = "content/interviews/2018-05-baihe-dadiaoyan.md"
BROKEN = "links and bookmarks to the old addresses will no longer work"
UNITS = ("site.yaml:15:3: warning: the address pattern of units changed from /units/{slug}/ to /danwei/{slug}/ since "
         "the last build (permalinks:), so 1 unit page (/units/baihe/ → /danwei/baihe/), 1 unit feed "
         "(/units/baihe/feed.xml → /danwei/baihe/feed.xml) and the list of units (/units/ → /danwei/) moved: "
         f"{BROKEN}\n"
         "  hint: write units: /units/{slug}/ under permalinks: to keep the old addresses, or keep the new pattern if "
         "the old addresses were never shared")
SERIES = ("site.yaml:16:3: warning: the address pattern of series changed from /series/{slug}/ to /lanmu/{slug}/ "
          "since the last build (permalinks:), so 1 series page (/series/dadiaoyan-weifangtan/ → "
          "/lanmu/dadiaoyan-weifangtan/) and 1 series feed (/series/dadiaoyan-weifangtan/feed.xml → "
          f"/lanmu/dadiaoyan-weifangtan/feed.xml) moved: {BROKEN}\n"
          "  hint: write series: /series/{slug}/ under permalinks: to keep the old addresses, or keep the new pattern "
          "if the old addresses were never shared")
CASES = ("site.yaml:17:3: warning: the address pattern of cases changed from /cases/{slug}/ to /anli/{slug}/ since "
         "the last build (permalinks:), so 2 case study pages (e.g. /cases/baihe-caomei/ → /anli/baihe-caomei/) and "
         f"the list of case studies (/cases/ → /anli/) moved: {BROKEN}\n"
         "  hint: write cases: /cases/{slug}/ under permalinks: to keep the old addresses, or keep the new pattern and "
         f"add aliases: [/cases/baihe-caomei/] to {CASE} (and to each page its own old address) so links to a page's "
         "old address lead to it")
TAGS = ("site.yaml:18:3: warning: the address pattern of tags changed from /tags/{slug}/ to /biaoqian/{slug}/ since "
        "the last build (permalinks:), so 6 tag pages (e.g. /tags/bu-duan-ban/ → /biaoqian/bu-duan-ban/) and the "
        f"list of tags (/tags/ → /biaoqian/) moved: {BROKEN}\n"
        "  hint: write tags: /tags/{slug}/ under permalinks: to keep the old addresses, or keep the new pattern if the "
        "old addresses were never shared")


def _built(root: Path) -> list[str]:
    return [problem.format() for problem in build(BuildOptions(root=root, search=False)).warnings]


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(root: Path, rel: str, text: str) -> None:
    with (root / rel).open("a", encoding="utf-8") as file:
        file.write(text)


def _moved_site(root: Path) -> Path:
    """The example site built once, then given other patterns."""
    root = copy_example(root)
    assert "permalinks:" not in (root / "site.yaml").read_text(encoding="utf-8")
    assert _built(root) == []
    _append(root, "site.yaml", PERMALINKS)
    return root


def test_each_pattern_changed_is_warned_once_at_its_line_with_what_it_moved(tmp_path: Path) -> None:
    # Units and series were told "as its file was renamed" and to rename baihe.yaml to baihe.yaml; the case studies
    # one warning each, naming no cause; lists, tag pages and feeds moved without a word.
    root = _moved_site(tmp_path / "site")
    assert _built(root) == [UNITS, SERIES, CASES, TAGS]
    assert _built(root) == []  # told once: the record now holds the new addresses and patterns
    fresh = copy_example(tmp_path / "fresh")
    _append(fresh, "site.yaml", PERMALINKS)
    assert _built(fresh) == []  # a first build warns of nothing


def test_the_old_pattern_written_back_as_told_builds_clean_at_the_old_addresses(tmp_path: Path) -> None:
    root = _moved_site(tmp_path / "site")
    assert len(_built(root)) == 4
    for name, new, old in (("units", "/danwei/", "/units/"), ("series", "/lanmu/", "/series/"),
                           ("cases", "/anli/", "/cases/"), ("tags", "/biaoqian/", "/tags/")):
        _edit(root, "site.yaml", f"{name}: {new}{{slug}}/", f"{name}: {old}{{slug}}/")
    assert _built(root) == []
    output = root / "output"
    for rel in ("units/baihe/index.html", "units/baihe/feed.xml", "units/index.html", "cases/baihe-caomei/index.html",
                "series/dadiaoyan-weifangtan/feed.xml", "tags/bu-duan-ban/index.html", "tags/index.html"):
        assert (output / rel).is_file(), rel
    assert not (output / "danwei").exists()


def test_a_case_study_s_old_address_kept_with_aliases_as_told_leads_to_its_new_one(tmp_path: Path) -> None:
    root = _moved_site(tmp_path / "site")
    assert CASES in _built(root)
    _edit(root, CASE, "slug: baihe-caomei\n", "slug: baihe-caomei\naliases: [/cases/baihe-caomei/]\n")
    assert _built(root) == []
    redirect = (root / "output/cases/baihe-caomei/index.html").read_text(encoding="utf-8")
    assert "/anli/baihe-caomei/" in redirect


def test_permalinks_deleted_is_warned_at_the_file_and_written_back_as_told(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    _append(root, "site.yaml", "permalinks:\n  units: /danwei/{slug}/\n")
    assert _built(root) == []
    _edit(root, "site.yaml", "permalinks:\n  units: /danwei/{slug}/\n", "")
    assert _built(root) == [
        "site.yaml: warning: the address pattern of units changed from /danwei/{slug}/ to /units/{slug}/ since the "
        "last build (permalinks:), so 1 unit page (/danwei/baihe/ → /units/baihe/), 1 unit feed "
        "(/danwei/baihe/feed.xml → /units/baihe/feed.xml) and the list of units (/danwei/ → /units/) moved: "
        f"{BROKEN}\n"
        "  hint: write permalinks: with units: /danwei/{slug}/ under it (indented) to keep the old addresses, or keep "
        "the new pattern if the old addresses were never shared"]
    _append(root, "site.yaml", "permalinks:\n  units: /danwei/{slug}/\n")
    assert _built(root) == [] and (root / "output/danwei/baihe/index.html").is_file()


def test_a_record_written_before_patterns_were_kept_tells_the_units_and_series_pattern_it_shows(
        tmp_path: Path) -> None:
    root = _moved_site(tmp_path / "site")
    [record] = (root / ".sitegen-cache").glob("addresses-*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    del data["permalinks"]
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _edit(root, "site.yaml", PERMALINKS, "permalinks:\n  units: /danwei/{slug}/\n")
    assert _built(root) == [UNITS]


def test_a_link_to_a_unit_s_or_series_old_address_or_feed_is_given_its_new_one(tmp_path: Path) -> None:
    # Only a moved interview's or case study's old address was named; a unit's got "link to a page by its address".
    root = copy_example(tmp_path / "site")
    _append(root, INTERVIEW, "\n见[白鹤镇](/units/baihe/)和[栏目](/series/dadiaoyan-weifangtan/)。\n"
                             "\n订阅[白鹤镇的更新](/units/baihe/feed.xml)。\n")
    assert _built(root) == []
    _append(root, "site.yaml", "permalinks:\n  units: /danwei/{slug}/\n  series: /lanmu/{slug}/\n")
    line = len((root / INTERVIEW).read_text(encoding="utf-8").split("\n")) - 3
    assert _built(root)[:3] == [
        f'{INTERVIEW}:{line}:8: warning: the link "/units/baihe/" leads to no page or file of this site\n'
        "  hint: /units/baihe/ was the address of the page of 白鹤镇 in the last build; the page is now at "
        "/danwei/baihe/: write /danwei/baihe/",
        f'{INTERVIEW}:{line}:28: warning: the link "/series/dadiaoyan-weifangtan/" leads to no page or file of this '
        "site\n"
        "  hint: /series/dadiaoyan-weifangtan/ was the address of the page of 大调研微访谈 in the last build; the page "
        "is now at /lanmu/dadiaoyan-weifangtan/: write /lanmu/dadiaoyan-weifangtan/",
        f'{INTERVIEW}:{line + 2}:12: warning: the link "/units/baihe/feed.xml" leads to no page or file of this site\n'
        "  hint: /units/baihe/feed.xml was the address of the feed of 白鹤镇 in the last build; the feed is now at "
        "/danwei/baihe/feed.xml: write /danwei/baihe/feed.xml"]
    _edit(root, INTERVIEW, "(/units/baihe/feed.xml)", "(/danwei/baihe/feed.xml)")
    _edit(root, INTERVIEW, "(/units/baihe/)", "(/danwei/baihe/)")
    _edit(root, INTERVIEW, "(/series/dadiaoyan-weifangtan/)", "(/lanmu/dadiaoyan-weifangtan/)")
    assert _built(root) == []


def test_a_unit_file_renamed_as_its_pattern_changed_renamed_back_as_told_is_not_warned_again(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    assert _built(root) == []
    _append(root, "site.yaml", "permalinks:\n  units: /danwei/{slug}/\n")
    (root / "content/units/baihe.yaml").rename(root / "content/units/baihezhen.yaml")
    for rel in (INTERVIEW, CASE, "content/cases/baihe-sige-zui.md"):
        _edit(root, rel, "unit: baihe\n", "unit: baihezhen\n")
    assert _built(root) == [
        "content/units/baihezhen.yaml: warning: the unit's page moved from /units/baihe/ to /danwei/baihezhen/ "
        "since the last build, as its file was renamed: links to the old address will no longer work\n"
        "  hint: a unit's address is its file name: rename the file back to baihe.yaml to keep it (and write unit: "
        "baihe in the pages again), or keep the new name if the old address was never shared",
        "site.yaml:15:3: warning: the address pattern of units changed from /units/{slug}/ to /danwei/{slug}/ since "
        "the last build (permalinks:), so the list of units (/units/ → /danwei/) moved: "
        f"{BROKEN}\n"
        "  hint: write units: /units/{slug}/ under permalinks: to keep the old addresses, or keep the new pattern if "
        "the old addresses were never shared"]
    (root / "content/units/baihezhen.yaml").rename(root / "content/units/baihe.yaml")
    for rel in (INTERVIEW, CASE, "content/cases/baihe-sige-zui.md"):
        _edit(root, rel, "unit: baihezhen\n", "unit: baihe\n")
    assert _built(root) == [] and (root / "output/danwei/baihe/index.html").is_file()

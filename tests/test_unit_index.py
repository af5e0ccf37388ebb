"""The units page of a district: one table per level (镇, 街道, 村) and an index of pinyin initials.

With 120 units in one table, a resident looking for 西江村 scrolled 6,500 px on a phone; the home page listed
them all too. From `GROUP_UNITS_FROM` units of two levels or more, each level has its own table and heading, the
home page links those, and a table of `INDEX_UNITS_FROM` units or more gets a row of initials.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.site import GROUP_UNITS_FROM, INDEX_UNITS_FROM, _initial

from .sitekit import build_at, interview, parse_html, shown_text, text_of, write_site
from .test_pages import UNIT_B

VILLAGES = {
    "anwan": "安湾村", "beiqiao": "北桥村", "changlin": "长林村", "caijia": "蔡家村", "dongfang": "东方村",
    "fengjing": "枫泾村", "gaojia": "高家村", "huangdu": "黄渡村", "jinhe": "金和村", "jiangqiao": "江桥村",
    "liantang": "练塘村", "maqiao": "马桥村", "nanxiang": "南翔村", "panlong": "蟠龙村", "qingpu": "青浦村",
    "shenxiang": "沈巷村", "taopu": "桃浦村", "waigang": "外冈村", "xiangping": "香坪村", "xijiang": "西江村",
    "yingpu": "盈浦村", "zhujia": "朱家村", "zhaoxiang": "赵巷村",
}
SUBDISTRICTS = {"yueyang": "岳阳街道", "xinqiao": "新桥街道", "fangsong": "方松街道"}


def _unit(name: str, level: str) -> str:
    return UNIT_B.replace("金泽镇", name).replace("level: town", f"level: {level}")


def _district(tmp_path: Path, villages: dict[str, str] = VILLAGES) -> Path:
    files = {f"content/units/{uid}.yaml": _unit(name, "village") for uid, name in villages.items()}
    files.update({f"content/units/{uid}.yaml": _unit(name, "subdistrict") for uid, name in SUBDISTRICTS.items()})
    return build_at(write_site(tmp_path, {**files, "content/interviews/a.md": interview()}))


def test_a_district_lists_its_units_in_one_table_per_level_in_pinyin_order(tmp_path: Path) -> None:
    output = _district(tmp_path)
    page = parse_html(output / "units/index.html")
    # The district's levels from the top: the town 白鹤镇 (the site's own unit), its subdistricts, its villages.
    assert [text_of(h2) for h2 in page.cssselect("main h2")] == ["镇（1个）", "街道（3个）", "村（23个）"]
    levels = page.cssselect("nav.level-index a")
    assert [(text_of(a), a.get("href")) for a in levels] == [
        ("镇（1个）", "#units-town"), ("街道（3个）", "#units-subdistrict"), ("村（23个）", "#units-village")]
    for link in levels:
        assert page.get_element_by_id(link.get("href")[1:]).tag == "h2"
    tables = page.cssselect("main table")
    assert [text_of(t.cssselect("caption")[0]) for t in tables] == [
        "镇：最新调研数据", "街道：最新调研数据", "村：最新调研数据"]
    names = [[shown_text(tr.cssselect("th")[0]) for tr in t.cssselect("tbody tr")] for t in tables]
    assert names == [["白鹤镇"], ["方松街道", "新桥街道", "岳阳街道"], [
        "安湾村", "北桥村", "蔡家村", "长林村", "东方村", "枫泾村", "高家村", "黄渡村", "江桥村", "金和村", "练塘村",
        "马桥村", "南翔村", "蟠龙村", "青浦村", "沈巷村", "桃浦村", "外冈村", "西江村", "香坪村", "盈浦村", "赵巷村",
        "朱家村"]]
    # Every unit is listed once, with its figures.
    assert sum(map(len, names)) == len(VILLAGES) + len(SUBDISTRICTS) + 1


def test_a_long_table_has_an_index_of_initials_each_leading_to_its_first_unit(tmp_path: Path) -> None:
    output = _district(tmp_path)
    page = parse_html(output / "units/index.html")
    indexes = page.cssselect("nav.letter-index")
    assert [nav.get("aria-label") for nav in indexes] == ["村按拼音首字母"]  # 3 subdistricts need none
    letters = [(text_of(a), a.get("href")) for a in indexes[0].cssselect("a")]
    assert [letter for letter, _ in letters] == list("ABCDFGHJLMNPQSTWXYZ")
    # Each initial leads to the row of the first unit whose name starts with it: 蔡 (cai) before 长 (chang).
    firsts = {letter: shown_text(page.get_element_by_id(href[1:]).cssselect("th")[0]) for letter, href in letters}
    assert firsts == {"A": "安湾村", "B": "北桥村", "C": "蔡家村", "D": "东方村", "F": "枫泾村", "G": "高家村",
                      "H": "黄渡村", "J": "江桥村", "L": "练塘村", "M": "马桥村", "N": "南翔村", "P": "蟠龙村",
                      "Q": "青浦村", "S": "沈巷村", "T": "桃浦村", "W": "外冈村", "X": "西江村", "Y": "盈浦村",
                      "Z": "赵巷村"}
    assert len(page.cssselect("main tr[id]")) == len(letters)


def test_the_home_page_of_a_district_links_each_level_of_the_units_page(tmp_path: Path) -> None:
    output = _district(tmp_path)
    home = parse_html(output / "index.html")
    section = home.cssselect('section[aria-labelledby="units-heading"]')[0]
    assert not section.cssselect("table")
    assert "共27个单位" in text_of(section)
    links = [(text_of(a), a.get("href")) for a in section.cssselect(".level-index a")]
    assert links == [("镇（1个）", "/units/#units-town"), ("街道（3个）", "/units/#units-subdistrict"),
                     ("村（23个）", "/units/#units-village")]
    units_page = parse_html(output / "units/index.html")
    for _, href in links:
        assert units_page.get_element_by_id(href.split("#")[1]) is not None


def test_a_short_list_of_units_is_one_table_without_indexes(tmp_path: Path) -> None:
    # 12 units of two levels: one phone screen of rows, where headings per level would only add length.
    villages = dict(list(VILLAGES.items())[:GROUP_UNITS_FROM - 1 - len(SUBDISTRICTS) - 1])
    output = _district(tmp_path, villages)
    for rel in ("units/index.html", "index.html"):
        page = parse_html(output / rel)
        assert not page.cssselect(".level-index, .letter-index, main tr[id]"), rel
        assert len(page.cssselect("main table")) == 1, rel
        assert len(page.cssselect("main table tbody tr")) == GROUP_UNITS_FROM - 1, rel


def test_units_all_of_one_level_are_one_table_with_an_index_when_long(tmp_path: Path) -> None:
    villages = {**VILLAGES, "baihe": "白鹤村"}  # the site's own unit becomes a village: every unit is one
    assert len(villages) >= INDEX_UNITS_FROM
    files = {f"content/units/{uid}.yaml": _unit(name, "village") for uid, name in villages.items()}
    output = build_at(write_site(tmp_path, {**files, "content/interviews/a.md": interview()}))
    page = parse_html(output / "units/index.html")
    assert not page.cssselect("main h2") and not page.cssselect(".level-index")
    assert [a.get("href") for a in page.cssselect(".letter-index a")][:2] == ["#units-all-a", "#units-all-b"]
    assert shown_text(page.get_element_by_id("units-all-b").cssselect("th")[0]) == "白鹤村"  # bai before bei


def test_an_initial_is_the_capital_of_the_first_syllable_or_a_sign_for_none() -> None:
    assert [_initial(s) for s in [("bai", "he"), ("xi",), ("1", "hao"), (), ("",), ("ü",)]] == [
        "B", "X", "#", "#", "#", "#"]

"""Open data: exact CSV/JSON of the example, encodings, the Data Package, and a round trip.

The round trip reads every exported file back with the standard library
(``csv``, ``json``), turns the text back into records, and compares them
field by field with the records sitegen loaded from the site's YAML.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from sitegen.build import BuildOptions, build
from sitegen.charts import format_share
from sitegen.checks import check_formula_texts
from sitegen.config import load_config
from sitegen.errors import Report
from sitegen.load import load_content
from sitegen.models import Milestone, Tally, Target, Unit

from .sitekit import UNIT, build_at, interview, json_ld_of, parse_html, text_of, write_site

CJK = re.compile(r"[\u4e00-\u9fff]")
JINZE = '''name: 金泽镇
level: town
aliases: [金泽]
summary: 江南水乡古镇。
tallies:
  - as_of: 2018-03-01
    collected: 10
    escalated: 4
    resolved: 3
    in_progress: 3
    note: |-
      含逗号, "引号" 和
      换行
  - as_of: 2018-05-10
    batches: 40
    collected: 20
    escalated: 5
    resolved: 10
    in_progress: 5
targets:
  - group: residents
    target: 90
    deadline: 2018-12-31
    measured: 62.5
    measured_as_of: 2018-05-10
    note: 按户数计
  - group: villages
    target: 100
milestones:
  - date: 2018-02-01
    title: 成立领导小组, 分 "三组"
  - date: 2018-02-01
    title: 同日第二件事
    description: 两件事可以同一天
'''


@pytest.fixture(scope="module")
def output(example_site: Path) -> Path:
    return example_site / "output"


def read_csv(path: Path) -> list[list[str]]:
    """Rows of a published CSV file (RFC 4180: every record ends in CRLF); checks the BOM first."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    assert data.endswith(b"\r\n")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert text.count("\r\n") == len(rows), "each record ends in CRLF"
    return rows


def test_tallies_csv_exact(output: Path) -> None:
    data = (output / "data/tallies.csv").read_bytes()
    assert data.startswith("\ufeffunit_id,unit_name,as_of,batches,collected,escalated,resolved,in_progress,note\r\n"
                           "baihe,白鹤镇,2018-04-26,318,296,143,103,50,".encode("utf-8"))
    assert data.count(b"\r\n") == 2 and data.count(b"\n") == 2
    rows = read_csv(output / "data/tallies.csv")
    assert rows[1][:8] == ["baihe", "白鹤镇", "2018-04-26", "318", "296", "143", "103", "50"]
    assert rows[1][8].startswith("据《大调研微访谈│白鹤镇")


def test_targets_and_milestones_csv_exact(output: Path) -> None:
    assert [row[:8] for row in read_csv(output / "data/targets.csv")] == [
        ["unit_id", "unit_name", "group", "group_name", "target", "deadline", "measured", "measured_as_of"],
        ["baihe", "白鹤镇", "institutions", "机构", "100", "", "", ""],
        ["baihe", "白鹤镇", "residents", "居民", "80", "", "", ""],
        ["baihe", "白鹤镇", "registered_enterprises", "注册企业", "80", "", "", ""]]
    assert [row[:4] for row in read_csv(output / "data/milestones.csv")] == [
        ["unit_id", "unit_name", "date", "title"],
        ["baihe", "白鹤镇", "2018-01-12", "成立大调研领导小组，印发实施方案"],
        ["baihe", "白鹤镇", "2018-01-15", "召开大调研动员部署会"]]
    assert read_csv(output / "data/units.csv")[1][:4] == ["baihe", "白鹤镇", "town", "镇"]


_BAIHE_MILESTONES = [
    ["unit_id", "unit_name", "date", "title", "description", "status"],
    ["baihe", "白鹤镇", "2018-01-12", "成立大调研领导小组，印发实施方案",
     "领导小组下设园区企业、事业单位、居民社区、社会团体和居民五个调研组；同时印发《开展“不忘初心、牢记使命，建设丝路名镇新白鹤”"
     "大调研的实施方案》，各调研组据此细化工作计划。", "done"],
    ["baihe", "白鹤镇", "2018-01-15", "召开大调研动员部署会", "全镇动员部署，全面推进大调研工作。", "done"]]
"""The example's milestones as milestones.csv publishes them: both have happened."""


def test_milestones_csv_and_json_say_each_milestone_is_done_or_planned(output: Path) -> None:
    # Nothing told a program that read the data a planned milestone from one that had happened: the unit's page
    # marked it 计划, the CSV and JSON did not.
    assert read_csv(output / "data/milestones.csv") == _BAIHE_MILESTONES
    assert read_csv(output / "data/units/baihe/milestones.csv") == _BAIHE_MILESTONES
    nested = [dict(zip(_BAIHE_MILESTONES[0][2:], row[2:], strict=True)) for row in _BAIHE_MILESTONES[1:]]
    [unit] = json.loads((output / "data/units.json").read_bytes())
    assert unit["milestones"] == nested
    assert json.loads((output / "data/units/baihe/unit.json").read_bytes())["milestones"] == nested


def test_the_datapackage_describes_a_milestones_four_statuses(output: Path) -> None:
    # Its date was described as "Date of the event" and its title "What happened", wrong for a planned one; its
    # status as done or planned by the date alone, though an editor may write postponed (推迟) or cancelled (取消).
    package = json.loads((output / "datapackage.json").read_bytes())
    milestones = next(r for r in package["resources"] if r["name"] == "milestones")
    assert milestones["description"] == ("各单位的大事记，每行一件事，含计划中、推迟和取消的事项（见 status 列）。 Milestones, "
                                         "one row each, those planned, postponed or cancelled too (see the status "
                                         "column).")
    assert [(f["name"], f["title"], f["description"], f.get("constraints")) for f in milestones["schema"]["fields"]][2:] == [
        ("date", "日期", "事件发生的日期；计划中或推迟的事项为计划日期，取消的事项为原定日期（ISO 8601）。 Date of the event; for "
         "a planned or postponed one, the date it is planned for; for a cancelled one, the date it was planned for "
         "(ISO 8601).", {"required": True}),
        ("title", "事件", "事件名称，或计划、推迟、取消的事项。 What happened, or what is planned, put off or called off.",
         {"required": True}),
        ("description", "详情", "详细说明；可为空。 Details; may be empty.", None),
        ("status", "状态", "事项的状态：done 为已完成；planned 为计划中；postponed 为已推迟；cancelled 为已取消。未写明状态的按日期"
         "判断：日期不晚于数据生成当天为 done，在其后为 planned。单位页面把未完成的事项标为“（计划）”“（推迟）”或“（取消）”。 "
         "Where it stands: done when it took place, planned when it lies ahead, postponed when put off, cancelled "
         "when called off. Where the editors gave none, the date decides: done when dated on or before the day the "
         "data was published, planned when dated after it. The unit's page marks the ones not done 计划, 推迟 or 取消.",
         {"required": True, "enum": ["done", "planned", "postponed", "cancelled"]})]
    text = parse_html(output / "about-data/index.html").text_content()
    assert ("推迟举行的标为“（推迟）”，日期为推迟后的计划日期；取消的标为“（取消）”，日期为原定日期。开放数据中这几类事项的 status 列"
            "分别为 planned、postponed、cancelled，已完成的为 done。") in text


def test_a_milestone_is_planned_until_the_day_of_its_date_as_on_the_units_page(tmp_path: Path) -> None:
    # The build's day decides, as for the page's 计划 mark: the site built "as of" 2018-05-09 publishes the
    # milestone of 2018-05-10 as planned, the same files built on its day as done (the files are made again).
    unit = UNIT + ("milestones:\n  - date: 2018-05-09\n    title: 召开推进会\n"
                   "  - date: 2018-05-10\n    title: 建成草莓种植基地\n    description: 计划中\n")
    root = write_site(tmp_path, {"content/units/baihe.yaml": unit, "content/interviews/a.md": interview()})
    header = ["unit_id", "unit_name", "date", "title", "description", "status"]
    for now, status in ((datetime(2018, 5, 9, 23, 59), "planned"), (datetime(2018, 5, 10, 0, 0), "done")):
        build(BuildOptions(root=root, now=now, search=False))
        output = root / "output"
        rows = [["baihe", "白鹤镇", "2018-05-09", "召开推进会", "", "done"],
                ["baihe", "白鹤镇", "2018-05-10", "建成草莓种植基地", "计划中", status]]
        assert read_csv(output / "data/milestones.csv") == [header, *rows]
        assert read_csv(output / "data/units/baihe/milestones.csv") == [header, *rows]
        nested = [dict(zip(header[2:], row[2:], strict=True)) for row in rows]
        [document] = json.loads((output / "data/units.json").read_bytes())
        assert document["milestones"] == nested
        assert json.loads((output / "data/units/baihe/unit.json").read_bytes())["milestones"] == nested
        page = (output / "units/baihe/index.html").read_text(encoding="utf-8")
        assert page.count("（计划）") == (status == "planned")


def test_the_data_page_says_how_a_program_reads_the_bom_and_which_files_of_a_unit_exist(output: Path) -> None:
    # Read as the data page said before ("UTF-8"), Python's csv module named the first column "\ufeffunit_id";
    # and every unit was promised a milestones.csv, which a unit without milestones does not get (404).
    text = parse_html(output / "about-data/index.html").text_content()
    assert 'encoding="utf-8-sig"' in text and "没有大事记的单位就没有 milestones.csv" in text
    with open(output / "data/tallies.csv", encoding="utf-8-sig", newline="") as opened:
        assert next(csv.DictReader(opened))["unit_id"] == "baihe"
    with open(output / "data/tallies.csv", encoding="utf-8", newline="") as opened:
        assert "unit_id" not in next(csv.DictReader(opened))


def test_the_data_page_says_the_rounding_of_shares_as_the_pages_do_it(output: Path) -> None:
    # It said "保留一位小数，四舍五入" only, and a unit with 1999 of 2000 resolved read 99.95%, not 100.0%.
    text = parse_html(output / "about-data/index.html").text_content()
    assert "保留一位小数，四舍五入；但不足100%的不显示为100.0%，大于0的不显示为0.0%，这时多保留几位小数" \
           "（如2000份中已解决1999份，显示为99.95%）。" in text
    assert (format_share(1999, 2000), format_share(1, 20000), format_share(103, 296)) == ("99.95%", "0.01%", "34.8%")


def test_the_data_page_lists_the_columns_of_every_file_layout_once(output: Path) -> None:
    # units.json has a field units.csv lacks (aliases) and nested lists; the page said the JSON files had the
    # fields of the CSV of the same name, and listed none of them.
    page = parse_html(output / "about-data/index.html")
    tables = {table.cssselect("caption")[0].text_content(): [code.text_content() for code in table.cssselect("th code")]
              for table in page.cssselect("table.fields")}
    [unit] = json.loads((output / "data/units.json").read_bytes())
    assert tables["data/units.json 的列"] == list(unit) == [
        "id", "name", "level", "level_name", "aliases", "summary", "url", "tallies", "targets", "milestones"]
    [tally] = json.loads((output / "data/tallies.json").read_bytes())
    assert tables["data/tallies.csv 的列"] == list(tally) and "data/tallies.json 的列" not in tables
    assert sorted(tables) == sorted(f"data/{name} 的列" for name in (
        "tallies.csv", "targets.csv", "milestones.csv", "units.csv", "units.json"))


def test_tallies_json_exact(output: Path) -> None:
    data = (output / "data/tallies.json").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and "白鹤镇".encode("utf-8") in data
    [row] = json.loads(data)
    note = row.pop("note")
    assert row == {"unit_id": "baihe", "unit_name": "白鹤镇", "as_of": "2018-04-26", "batches": 318,
                   "collected": 296, "escalated": 143, "resolved": 103, "in_progress": 50}
    assert note.startswith("据《大调研微访谈")
    [unit] = json.loads((output / "data/units.json").read_bytes())
    assert [t["target"] for t in unit["targets"]] == [100, 80, 80]
    assert [m["date"] for m in unit["milestones"]] == ["2018-01-12", "2018-01-15"]


def test_every_json_download_holds_chinese_as_utf8_characters(output: Path) -> None:
    # The about-data page labels each JSON file UTF-8: opened in a text editor it must read 白鹤镇, not the
    # escapes \u767d\u9e64\u9547 that JSON also allows. The archive holds the same bytes (asserted above).
    published = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.json")
                       if "pagefind" not in path.parts)
    assert published == ["data/tallies.json", "data/units.json", "data/units/baihe/unit.json", "datapackage.json"]
    for rel in published:
        data = (output / rel).read_bytes()
        text = data.decode("utf-8")  # strict: no BOM is asserted for tallies.json above
        assert "\\u" not in text and CJK.search(text), rel
        assert json.loads(data) is not None, rel


def test_datapackage_describes_every_column_of_every_file(output: Path) -> None:
    package = json.loads((output / "datapackage.json").read_bytes())
    assert package["profile"] == "data-package" and package["homepage"] == "https://example.org/"
    # It named no source, though every figure comes from the units' pages and each tally's note.
    assert package["sources"] == [{
        "title": "青浦区大调研工作办公室（示例）：各单位进展（每条统计的说明写明数字来源）。 The units' progress pages; "
                 "each tally's note says where its figures come from.",
        "path": "https://example.org/units/", "email": "diaoyan@example.org"}]
    assert re.fullmatch(r"[a-z0-9._/-]+", package["name"])
    names = {r["name"] for r in package["resources"]}
    for resource in package["resources"]:
        path = output / resource["path"]
        assert path.is_file(), resource["path"]
        fields = resource["schema"]["fields"]
        for field in fields:
            assert {"name", "type", "title", "description"} <= set(field), field
            assert CJK.search(field["description"]) and re.search(r"[A-Za-z]{3}", field["description"]), field
            assert field["type"] in ("string", "integer", "number", "date", "array")
        columns = [f["name"] for f in fields]
        if resource["format"] == "csv":
            assert resource["mediatype"] == "text/csv" and resource["encoding"] == "utf-8"
            assert read_csv(path)[0] == columns
        else:
            assert resource["mediatype"] == "application/json"
            assert all(list(item) == columns for item in json.loads(path.read_bytes()))
        assert set(resource["schema"].get("primaryKey", [])) <= set(columns)
        for key in resource["schema"].get("foreignKeys", []):
            assert key["fields"] in columns and key["reference"]["resource"] in names
    tallies = next(r for r in package["resources"] if r["name"] == "tallies")
    assert tallies["schema"]["primaryKey"] == ["unit_id", "as_of"]
    assert tallies["schema"]["foreignKeys"] == [
        {"fields": "unit_id", "reference": {"resource": "units", "fields": "id"}}]
    # In progress is a count on the day, which falls as lists are resolved: it was described as cumulative.
    described = {f["name"]: f["description"] for f in tallies["schema"]["fields"]}
    assert "Cumulative" in described["resolved"] and "not cumulative" in described["in_progress"]
    # A count is at most the largest sitegen takes, 15 digits, all of which a spreadsheet keeps: a program
    # reading the data learns it from the schema.
    constraints = {f["name"]: f.get("constraints") for f in tallies["schema"]["fields"]}
    assert constraints["collected"] == {"required": True, "minimum": 0, "maximum": 999999999999999}
    assert constraints["batches"] == {"minimum": 0, "maximum": 999999999999999}
    # A unit's address is a URI: a program validating the data checks it as one (Table Schema format "uri").
    units = next(r for r in package["resources"] if r["name"] == "units")
    assert [(f["name"], f.get("format")) for f in units["schema"]["fields"] if f["name"] == "url"] == [("url", "uri")]


def test_one_archive_holds_the_package_and_its_files_as_published(output: Path, tmp_path: Path) -> None:
    # datapackage.json names its files by relative paths: saved alone, it described files a reader did not have,
    # and a validator failed on every resource. The archive holds it with its files, laid out as on the site.
    package = json.loads((output / "datapackage.json").read_bytes())
    with zipfile.ZipFile(output / "data/opendata.zip") as archive:
        members = archive.infolist()
        assert [m.filename for m in members] == ["datapackage.json"] + [r["path"] for r in package["resources"]]
        for member in members:
            assert archive.read(member) == (output / member.filename).read_bytes(), member.filename
            # Stamped with the day the data is as of, the tally of 2018-04-26, not 1980-01-01 (what unzip showed).
            assert (member.date_time, member.external_attr >> 16, member.compress_type) == (
                (2018, 4, 26, 0, 0, 0), 0o100644, zipfile.ZIP_DEFLATED)
    # Built again elsewhere, later, the same data makes the same bytes: a rebuild does not rewrite it.
    again = write_site(tmp_path, {})
    for name in ("content", "site.yaml"):
        source = output.parent / name
        if source.is_dir():
            shutil.copytree(source, again / name, dirs_exist_ok=True)
        else:
            shutil.copy(source, again / name)
    build(BuildOptions(root=again, search=False))
    assert (again / "output/data/opendata.zip").read_bytes() == (output / "data/opendata.zip").read_bytes()
    for rel in ("units/baihe/index.html", "dashboard/index.html", "about-data/index.html"):
        [link] = parse_html(output / rel).cssselect('#downloads a[href="/data/opendata.zip"]')
        assert (link.get("type"), link.text_content()) == ("application/zip", "全部文件打包（ZIP）"), rel


def test_downloads_are_linked_from_unit_pages_and_the_dashboard(output: Path) -> None:
    package = json.loads((output / "datapackage.json").read_bytes())
    for rel in ("units/baihe/index.html", "dashboard/index.html", "about-data/index.html"):
        links = {a.get("href") for a in parse_html(output / rel).cssselect("#downloads a")}
        assert {"/" + r["path"] for r in package["resources"]} | {"/datapackage.json"} <= links, rel


def test_a_unit_page_offers_the_units_own_rows_first(output: Path) -> None:
    # Before, it offered only the files of every unit, "白鹤镇的数据是 unit_id 列为 baihe 的行": a reader
    # who opened one in a spreadsheet had to filter 200 towns' rows for one.
    section = parse_html(output / "units/baihe/index.html").cssselect("#downloads")[0]
    assert [heading.text_content() for heading in section.cssselect("h2, h3")] == ["下载数据", "白鹤镇的数据", "全部单位的数据"]
    own, every = section.cssselect("ul.download-list")
    assert [(a.get("href"), a.text_content()) for a in own.cssselect("a")] == [
        ("/data/units/baihe/tallies.csv", "白鹤镇调研数据（CSV）"), ("/data/units/baihe/targets.csv", "白鹤镇覆盖目标（CSV）"),
        ("/data/units/baihe/milestones.csv", "白鹤镇大事记（CSV）"), ("/data/units/baihe/unit.json", "白鹤镇完整数据（JSON）")]
    assert len(every.cssselect("a")) == 8  # six files, datapackage.json and their archive
    # Each of the unit's files is shown by the name the browser saves it under (it showed tallies.csv).
    assert [(a.get("download"), text_of(info)) for a, info in zip(own.cssselect("a"), own.cssselect(".file-info"))] == [
        (f"baihe-{name}", f"baihe-{name} · {encoding}") for name, encoding in (
            ("tallies.csv", "UTF-8（带 BOM）"), ("targets.csv", "UTF-8（带 BOM）"), ("milestones.csv", "UTF-8（带 BOM）"),
            ("unit.json", "UTF-8"))]
    for name in ("tallies", "targets", "milestones"):
        assert (output / f"data/units/baihe/{name}.csv").read_bytes() == (output / f"data/{name}.csv").read_bytes()
    assert json.loads((output / "data/units/baihe/unit.json").read_bytes()) == json.loads(
        (output / "data/units.json").read_bytes())[0]


def test_each_unit_has_its_own_rows_and_a_unit_without_milestones_no_milestones_file(
        round_trip_site: tuple[Path, list[Unit]], tmp_path: Path) -> None:
    output, units = round_trip_site
    baihe, jinze = units
    assert _tallies_from_csv(output / "data/units/jinze/tallies.csv") == [(jinze.id, jinze.name, t) for t in jinze.tallies]
    assert _tallies_from_csv(output / "data/units/baihe/tallies.csv") == [(baihe.id, baihe.name, t) for t in baihe.tallies]
    assert _targets_from_csv(output / "data/units/jinze/targets.csv") == [(jinze.id, t) for t in jinze.targets]
    assert _milestones_from_csv(output / "data/units/jinze/milestones.csv") == [(jinze.id, m) for m in jinze.milestones]
    assert json.loads((output / "data/units/jinze/unit.json").read_bytes())["url"] == "https://example.org/units/jinze/"

    bare = JINZE.split("targets:")[0]
    root = write_site(tmp_path, {"content/units/jinze.yaml": bare, "content/interviews/a.md": interview()})
    build_at(root)
    assert sorted(path.name for path in (root / "output/data/units/jinze").iterdir()) == ["tallies.csv", "unit.json"]
    assert [a.get("href") for a in parse_html(root / "output/units/jinze/index.html").cssselect(
        "#downloads ul:first-of-type a")] == ["/data/units/jinze/tallies.csv", "/data/units/jinze/unit.json"]


# -- round trip ------------------------------------------------------------------------


def _optional(text: str, convert: Any) -> Any:
    return convert(text) if text != "" else None


def _tally(row: dict[str, Any]) -> Tally:
    return Tally(as_of=date.fromisoformat(row["as_of"]), batches=row["batches"], collected=row["collected"],
                 escalated=row["escalated"], resolved=row["resolved"], in_progress=row["in_progress"],
                 note=row["note"])


def _tallies_from_csv(path: Path) -> list[tuple[str, str, Tally]]:
    rows = read_csv(path)
    result = []
    for values in rows[1:]:
        row: dict[str, Any] = dict(zip(rows[0], values, strict=True))
        for name in ("collected", "escalated", "resolved", "in_progress"):
            row[name] = int(row[name])
        row["batches"] = _optional(row["batches"], int)
        result.append((row["unit_id"], row["unit_name"], _tally(row)))
    return result


def _targets_from_csv(path: Path) -> list[tuple[str, Target]]:
    rows = read_csv(path)
    result = []
    for values in rows[1:]:
        row = dict(zip(rows[0], values, strict=True))
        result.append((row["unit_id"], Target(
            group=row["group"], target=float(row["target"]),
            deadline=_optional(row["deadline"], date.fromisoformat),
            measured=_optional(row["measured"], float),
            measured_as_of=_optional(row["measured_as_of"], date.fromisoformat), note=row["note"])))
    return result


def _milestones_from_csv(path: Path) -> list[tuple[str, Milestone]]:
    rows = read_csv(path)
    return [(row["unit_id"], Milestone(date=date.fromisoformat(row["date"]), title=row["title"],
                                       description=row["description"]))
            for row in (dict(zip(rows[0], values, strict=True)) for values in rows[1:])]


@pytest.fixture(scope="module")
def round_trip_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Unit]]:
    root = write_site(tmp_path_factory.mktemp("opendata"), {
        "content/units/jinze.yaml": JINZE, "content/interviews/a.md": interview()})
    report = Report()
    units = load_content(load_config(root, report), report).units
    assert not report.has_errors()
    build_at(root)
    return root / "output", [units[uid].record for uid in ("baihe", "jinze")]


def test_round_trip_tallies_csv_and_json(round_trip_site: tuple[Path, list[Unit]]) -> None:
    output, units = round_trip_site
    expected = [(u.id, u.name, t) for u in units for t in u.tallies]
    assert _tallies_from_csv(output / "data/tallies.csv") == expected
    exported = json.loads((output / "data/tallies.json").read_bytes())
    from_json = [(r["unit_id"], r["unit_name"], _tally(r)) for r in exported]
    assert from_json == expected
    assert expected[1][2].note == '含逗号, "引号" 和\n换行'  # the hard cell survives CSV quoting


def test_round_trip_targets_and_milestones(round_trip_site: tuple[Path, list[Unit]]) -> None:
    output, units = round_trip_site
    assert _targets_from_csv(output / "data/targets.csv") == [(u.id, t) for u in units for t in u.targets]
    assert _milestones_from_csv(output / "data/milestones.csv") == [(u.id, m) for u in units for m in u.milestones]


def test_round_trip_units_json_gives_the_records_back(round_trip_site: tuple[Path, list[Unit]]) -> None:
    output, units = round_trip_site
    exported = json.loads((output / "data/units.json").read_bytes())
    assert [u["url"] for u in exported] == ["https://example.org/units/baihe/", "https://example.org/units/jinze/"]
    rebuilt = [Unit(id=u["id"], name=u["name"], level=u["level"], aliases=u["aliases"],
                    summary=u["summary"],
                    tallies=tuple(_tally({**t, "as_of": t["as_of"]}) for t in u["tallies"]),
                    targets=tuple(Target(**{k: v for k, v in t.items() if k != "group_name"}) for t in u["targets"]),
                    milestones=tuple(Milestone(**{k: v for k, v in m.items() if k != "status"})
                                     for m in u["milestones"]))
               for u in exported]
    assert rebuilt == [u.model_copy(update={"misspellings": ()}) for u in units]
    # The status is the build's, not the record's: every milestone of the site lies in the past.
    assert {m["status"] for u in exported for m in u["milestones"]} == {"done"}
    units_csv = read_csv(output / "data/units.csv")
    assert units_csv[1:] == [[u.id, u.name, u.level.value, {"town": "镇"}[u.level.value], u.summary,
                              f"https://example.org/units/{u.id}/"] for u in units]


@pytest.mark.parametrize("site", ["example", "round trip"])
def test_the_data_package_passes_the_frictionless_validator(
        site: str, output: Path, round_trip_site: tuple[Path, list[Unit]]) -> None:
    # The Data Package standard's own validator: every file against its schema (types, required
    # fields, primary and foreign keys, encodings), with commas, quotes and line breaks in the text.
    import frictionless  # a test dependency (pyproject.toml), never skipped
    folder = output if site == "example" else round_trip_site[0]
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert [(task.name, [(error.type, error.note) for error in task.errors]) for task in report.tasks] == [
        (name, []) for name in ("tallies", "tallies-json", "targets", "milestones", "units", "units-json")]
    # The CSV files are read row by row (the JSON files, data resources, as files): every record is there.
    rows = {task.name: task.stats["rows"] for task in report.tasks if "rows" in task.stats}
    assert report.valid and rows == ({"tallies": 1, "targets": 3, "milestones": 2, "units": 1} if site == "example"
                                     else {"tallies": 3, "targets": 2, "milestones": 2, "units": 2})


def test_the_datas_licence_is_published_only_as_site_yaml_states_it(tmp_path: Path, output: Path) -> None:
    # The open data had no licence anywhere, and no way to give one.
    package = json.loads((output / "datapackage.json").read_bytes())
    assert "licenses" not in package  # the example states none, and none is made up
    about = parse_html(output / "about-data/index.html")
    assert "本站没有声明这些数据的使用许可" in about.cssselect("section[aria-labelledby=license-heading]")[0].text_content()
    config = ("title: 测试站点\ndata_license:\n  name: CC-BY-4.0\n  title: 知识共享署名 4.0 国际许可协议\n"
              "  url: https://creativecommons.org/licenses/by/4.0/\n")
    built = build_at(write_site(tmp_path, {"content/interviews/a.md": interview()}, config=config))
    assert json.loads((built / "datapackage.json").read_bytes())["licenses"] == [
        {"name": "CC-BY-4.0", "title": "知识共享署名 4.0 国际许可协议",
         "path": "https://creativecommons.org/licenses/by/4.0/"}]
    link = parse_html(built / "about-data/index.html").cssselect("a[rel=license]")[0]
    assert (link.get("href"), link.text_content()) == ("https://creativecommons.org/licenses/by/4.0/",
                                                       "知识共享署名 4.0 国际许可协议")
    # It travels with the files: beside the downloads of a unit's page and the dashboard, and in their Dataset
    # structured data (a reader who downloaded from a unit's page saw no licence).
    for page in ("units/baihe/index.html", "dashboard/index.html"):
        html = parse_html(built / page)
        [told] = html.cssselect(".downloads .data-license")
        assert told.text_content() == "使用许可：知识共享署名 4.0 国际许可协议"
        assert told.cssselect("a[rel=license]")[0].get("href") == "https://creativecommons.org/licenses/by/4.0/"
        [dataset] = [item for item in json_ld_of(html) if item["@type"] == "Dataset"]
        assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert not parse_html(output / "units/baihe/index.html").cssselect(".data-license")  # the example states none


def test_a_tiny_percentage_is_written_without_an_exponent(tmp_path: Path) -> None:
    # measured: 0.00000001 was written 1e-08 in targets.csv (and shown as 0.000001% on the page, 100 times it).
    unit = ("name: 白鹤镇\nlevel: town\ntargets:\n  - group: residents\n    target: 80\n"
            "    measured: 0.000001\n    measured_as_of: 2018-05-10\n")  # the float 1e-06
    output = build_at(write_site(tmp_path, {"content/units/baihe.yaml": unit, "content/interviews/a.md": interview()}))
    rows = read_csv(output / "data/targets.csv")
    assert rows[1][rows[0].index("measured")] == "0.000001"
    page = parse_html(output / "units/baihe/index.html").text_content()
    assert "已达0.000001%" in page and "1e-" not in page


def test_the_homepage_of_the_data_package_is_written_as_every_other_address(tmp_path: Path) -> None:
    # Under a sub-path in Chinese, homepage was the base URL as typed (https://example.org/报告/白鹤/),
    # while the description, units.json and the sitemap had it percent-encoded.
    output = build_at(write_site(tmp_path, {"content/interviews/a.md": interview()}),
                      base_url="https://example.org/报告/白鹤/")
    package = json.loads((output / "datapackage.json").read_bytes())
    assert package["homepage"] == "https://example.org/%E6%8A%A5%E5%91%8A/%E7%99%BD%E9%B9%A4/"
    assert package["homepage"] + "about-data/" in package["description"]
    # Its name kept the host alone ("example.org"): two towns' sites on one host had one name.
    assert package["name"] == "example.org-e6-8a-a5-e5-91-8a-e7-99-bd-e9-b9-a4"


@pytest.mark.parametrize(("spellings", "name"), [
    (["http://127.0.0.1:18086/青浦/调研/", "http://127.0.0.1:18086/%E9%9D%92%E6%B5%A6/%E8%B0%83%E7%A0%94/",
      "http://127.0.0.1:18086/%e9%9d%92%e6%b5%a6/%e8%b0%83%e7%a0%94/"],
     "127.0.0.1-18086-e9-9d-92-e6-b5-a6-e8-b0-83-e7-a0-94"),
    # A space typed as it is (/q r/) is refused, with %20 offered for a folder whose name holds one.
    (["http://127.0.0.1:18086/q%20r/"], "127.0.0.1-18086-q-20r"),
])
def test_the_data_packages_name_is_the_same_however_the_base_url_is_typed(tmp_path: Path, spellings: list[str],
                                                                          name: str) -> None:
    # The path was encoded again as typed: /%E9%9D%92…/ gave …-25e9-259d-2592-…, /q%20r/ gave …-q-2520r.
    root = write_site(tmp_path, {})
    for base_url in spellings:
        output = build_at(root, base_url)
        assert json.loads((output / "datapackage.json").read_bytes())["name"] == name, base_url


def test_a_note_typed_as_a_block_ends_where_its_text_ends(tmp_path: Path) -> None:
    # note: | and note: > ended every CSV cell and JSON value with the line break YAML keeps after a block.
    unit = ("name: 白鹤镇\nlevel: town\ntallies:\n  - as_of: 2018-04-26\n    collected: 296\n    escalated: 143\n"
            "    resolved: 103\n    in_progress: 50\n    note: |\n      截至4月26日的累计数。\n      据上海热线。\n\n"
            "targets:\n  - group: residents\n    target: 80\n    note: >\n      区“两个全覆盖”要求之一。\n"
            "      未给出期限。\nmilestones:\n  - date: 2018-01-15\n    title: |\n      召开动员部署会\n"
            "    description: |+\n      全镇动员部署。\n\n")
    output = build_at(write_site(tmp_path, {"content/units/baihe.yaml": unit, "content/interviews/a.md": interview()}))
    tallies, targets, milestones = (read_csv(output / f"data/{name}.csv") for name in ("tallies", "targets", "milestones"))
    assert tallies[1][tallies[0].index("note")] == "截至4月26日的累计数。\n据上海热线。"
    assert targets[1][targets[0].index("note")] == "区“两个全覆盖”要求之一。未给出期限。"
    assert milestones[1][milestones[0].index("title")] == "召开动员部署会"
    assert milestones[1][milestones[0].index("description")] == "全镇动员部署。"
    assert json.loads((output / "data/tallies.json").read_bytes())[0]["note"] == "截至4月26日的累计数。\n据上海热线。"


def test_a_unit_text_a_spreadsheet_would_run_as_a_formula_is_warned_and_published_as_typed(tmp_path: Path) -> None:
    # A milestone titled =HYPERLINK("http://evil.example","点击") went into milestones.csv, unwarned: Excel and WPS
    # run such a cell. "-5" alone is a number, and no formula; "-3℃ 寒潮中走访" is.
    milestones = ("milestones:\n  - date: 2018-01-15\n    title: '=HYPERLINK(\"http://evil.example\",\"点击\")'\n"
                  "    description: -5\n  - date: 2018-01-16\n    title: \"@SUM(1)\"\n    description: \"-3℃ 寒潮中走访\"\n")
    root = write_site(tmp_path, {"content/units/baihe.yaml": UNIT + milestones, "content/interviews/a.md": interview()})
    report = Report()
    check_formula_texts(load_content(load_config(root, report), report), report)
    told = 'the text starts with "{sign}", so a spreadsheet program (Excel, WPS) opening the open data\'s CSV files ' \
           "runs it as a formula (公式) instead of showing it"
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (13, 12, "milestones → item 1 → title: " + told.format(sign="="),
         'start the text with something other than "=" (or write it in full width, ＝, 全角)'),
        (16, 12, "milestones → item 2 → title: " + told.format(sign="@"),
         'start the text with something other than "@" (or write it in full width, ＠, 全角)'),
        (17, 18, "milestones → item 2 → description: " + told.format(sign="-"),
         'start the text with something other than "-" (or write it in full width, －, 全角)')]
    rows = read_csv(build_at(root) / "data/milestones.csv")
    assert [row[rows[0].index("title")] for row in rows[1:]] == ['=HYPERLINK("http://evil.example","点击")', "@SUM(1)"]


def test_a_unit_text_of_a_sign_alone_is_no_formula(tmp_path: Path) -> None:
    # note: "-" (for "none") was told twice: as a placeholder, and as a formula.
    unit = UNIT.replace("    in_progress: 50\n", '    in_progress: 50\n    note: "-"\n')
    root = write_site(tmp_path, {"content/units/baihe.yaml": unit, "content/interviews/a.md": interview()})
    report = Report()
    check_formula_texts(load_content(load_config(root, report), report), report)
    assert report.problems == []


def test_the_archive_is_stamped_with_the_newest_dated_figure_or_1980_where_a_zip_holds_no_such_day() -> None:
    # unzip showed every file of the open data dated 1980-01-01. The day the data is as of says something, and
    # depends on the records alone, so a rebuild still makes the same bytes.
    from types import SimpleNamespace

    from sitegen.outputs.opendata import data_day, zip_bytes

    def stamps(day: date | None) -> list[tuple[int, ...]]:
        with zipfile.ZipFile(io.BytesIO(zip_bytes({"a.csv": b"x", "b.json": b"{}"}, day))) as archive:
            return [member.date_time for member in archive.infolist()]

    assert stamps(date(2018, 4, 26)) == [(2018, 4, 26, 0, 0, 0)] * 2
    for outside in (None, date(1979, 12, 31), date(2108, 1, 1)):
        assert stamps(outside) == [(1980, 1, 1, 0, 0, 0)] * 2
    assert zip_bytes({"a.csv": b"x"}, date(2018, 4, 26)) == zip_bytes({"a.csv": b"x"}, date(2018, 4, 26))

    def unit(tallies: list[date], measured: list[date | None]) -> SimpleNamespace:
        return SimpleNamespace(unit=SimpleNamespace(tallies=[SimpleNamespace(as_of=d) for d in tallies],
                                                    targets=[SimpleNamespace(measured_as_of=d) for d in measured]))

    graph = SimpleNamespace(units=[unit([date(2018, 3, 1), date(2018, 4, 26)], [None]), unit([], [date(2018, 5, 2)])])
    assert data_day(graph) == date(2018, 5, 2)  # a target measured after the last tally
    assert data_day(SimpleNamespace(units=[unit([date(2018, 4, 26)], [None])])) == date(2018, 4, 26)
    assert data_day(SimpleNamespace(units=[unit([], [None])])) is None


def test_the_columns_are_described_for_readers_without_sitegens_files() -> None:
    # unit_id was "单位的编号（即单位文件名，不含 .yaml）": a file name and ".yaml" say nothing to a resident who
    # downloads the data.
    from sitegen.outputs import opendata

    fields = [*opendata.TALLY_FIELDS, *opendata.TARGET_FIELDS, *opendata.MILESTONE_FIELDS, *opendata.UNIT_FIELDS,
              *opendata.UNIT_JSON_FIELDS]
    assert [field.name for field in fields if re.search(r"\.ya?ml|文件名|file name", field.description)] == []
    unit_id = next(field for field in fields if field.name == "unit_id")
    assert unit_id.description.startswith("单位的编号：本站给每个单位定的固定代码，对应 units.csv 的 id。")

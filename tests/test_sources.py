"""Tests for sitegen.sources: finding, decoding and splitting source files.

Fixtures from ``shared/cases`` are copied as bytes into a temporary site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.errors import Problem, Report
from sitegen.sources import (
    ENCODING_HINT,
    FENCE_HINT,
    FrontMatterDocument,
    SourceFile,
    SourceReader,
    decode_for_display,
    find_sources,
    read_source,
    split_front_matter,
)
from sitegen.yamltext import load_yaml


def copy_case_file(cases_dir: Path, case: str, rel: str, site: Path, target: str | None = None) -> str:
    """Copy one case file, byte for byte, into ``site``; return its relative path there."""
    target = target or rel
    (site / target).parent.mkdir(parents=True, exist_ok=True)
    (site / target).write_bytes((cases_dir / case / rel).read_bytes())
    return target


def write(site: Path, rel: str, data: bytes) -> str:
    """Write ``data`` to ``site / rel``; return ``rel``."""
    (site / rel).parent.mkdir(parents=True, exist_ok=True)
    (site / rel).write_bytes(data)
    return rel


def page(site: Path, rel: str) -> tuple[FrontMatterDocument, dict[str, object], Report]:
    """Read, split and load the front matter of one page, asserting no errors."""
    report = Report()
    source = read_source(site, rel, report)
    assert source is not None
    document = split_front_matter(source, report)
    assert document.front_matter is not None
    data = load_yaml(document.front_matter, rel, report, first_line=document.front_matter_line)
    assert data is not None and not report.has_errors(), report.sorted()
    assert isinstance(data.value, dict)
    return document, data.value, report


# -- case 06: UTF-8 byte-order mark -------------------------------------------

def test_bom_page_reads_like_one_without_bom(cases_dir: Path, tmp_path: Path) -> None:
    rel = copy_case_file(cases_dir, "06-utf8-bom-front-matter", "content/interviews/bom.md", tmp_path)
    assert (tmp_path / rel).read_bytes().startswith(b"\xef\xbb\xbf---\n")
    document, value, report = page(tmp_path, rel)
    assert document.source.encoding == "utf-8-sig"
    assert value == {"title": "社区食堂运营情况访谈", "date": "2024-05-20"}
    assert "\ufeff" not in document.source.text
    assert document.body == "\n社区食堂开业以来，日均就餐约三百人次。\n"
    assert report.problems == []

    plain = write(tmp_path, "content/interviews/plain.md", (tmp_path / rel).read_bytes()[3:])
    plain_document, plain_value, _ = page(tmp_path, plain)
    assert plain_document.source.encoding == "utf-8"
    assert plain_document.source.text == document.source.text
    assert plain_value == value


def test_bom_data_file_loads(cases_dir: Path, tmp_path: Path) -> None:
    rel = copy_case_file(cases_dir, "06-utf8-bom-front-matter", "data/tallies-bom.yaml", tmp_path)
    report = Report()
    source = read_source(tmp_path, rel, report)
    assert source is not None and source.encoding == "utf-8-sig"
    data = load_yaml(source.text, rel, report)
    assert data is not None
    assert data.value == {"item": "社区食堂", "as_of": "2024-05-20", "collected": "45",
                          "resolved": "40", "in_progress": "5"}
    assert data.locate(("item",)) == (1, 7)  # the BOM is not a column
    assert report.problems == []


# -- case 07: CRLF line ends ----------------------------------------------------

def test_crlf_page(cases_dir: Path, tmp_path: Path) -> None:
    rel = copy_case_file(cases_dir, "07-crlf-front-matter", "content/interviews/crlf.md", tmp_path)
    document, value, _ = page(tmp_path, rel)
    assert value == {"title": "垃圾分类督导员访谈", "date": "2024-04-22", "tags": ["垃圾分类", "志愿服务"]}
    assert "\r" not in document.source.text
    assert document.body_line == 8
    assert document.body == "\n督导员每天早晚各值守两小时。\n\n- 早上七点至九点\n- 晚上六点至八点\n"


def test_crlf_closing_delimiter_with_trailing_spaces(cases_dir: Path, tmp_path: Path) -> None:
    rel = copy_case_file(cases_dir, "07-crlf-front-matter", "content/interviews/crlf-trailing-space.md", tmp_path)
    document, value, _ = page(tmp_path, rel)
    assert value == {"title": "楼道堆物清理访谈", "date": "2024-04-23"}
    assert document.front_matter == "title: 楼道堆物清理访谈\ndate: 2024-04-23\n"
    assert document.body == "\n本月共清理楼道堆物四十余处。\n"
    assert document.body_line == 5


@pytest.mark.parametrize("name", ["crlf.md", "crlf-trailing-space.md"])
def test_crlf_result_identical_to_lf(cases_dir: Path, tmp_path: Path, name: str) -> None:
    rel = copy_case_file(cases_dir, "07-crlf-front-matter", f"content/interviews/{name}", tmp_path)
    lf = write(tmp_path, "content/interviews/lf.md", (tmp_path / rel).read_bytes().replace(b"\r\n", b"\n"))
    crlf_doc, crlf_value, _ = page(tmp_path, rel)
    lf_doc, lf_value, _ = page(tmp_path, lf)
    assert crlf_doc.source.text == lf_doc.source.text
    assert (crlf_doc.front_matter, crlf_doc.body, crlf_doc.body_line) == (lf_doc.front_matter, lf_doc.body, lf_doc.body_line)
    assert crlf_value == lf_value


def test_lone_carriage_returns_are_line_ends(tmp_path: Path) -> None:
    rel = write(tmp_path, "old-mac.md", b"---\rtitle: x\r---\rbody\r")
    report = Report()
    source = read_source(tmp_path, rel, report)
    assert source is not None and source.text == "---\ntitle: x\n---\nbody\n"


# -- case 08: GBK -------------------------------------------------------------

def test_gbk_file_is_read_with_a_warning(cases_dir: Path, tmp_path: Path) -> None:
    rel = copy_case_file(cases_dir, "08-gbk-encoded-file", "content/interviews/gbk.md", tmp_path)
    report = Report()
    source = read_source(tmp_path, rel, report)
    assert source is not None
    assert source.encoding == "gb18030"
    assert report.problems == [Problem(
        "content/interviews/gbk.md", None, None, "warning",
        "the file is saved as GBK/GB18030, not UTF-8; it was read as GB18030", ENCODING_HINT)]
    assert report.problems[0].format() == (
        "content/interviews/gbk.md: warning: the file is saved as GBK/GB18030, not UTF-8; it was read as GB18030\n"
        "  hint: open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again")
    document = split_front_matter(source, report)
    data = load_yaml(document.front_matter or "", rel, report, first_line=2)
    assert data is not None and data.value == {"title": "垃圾分类投放点改造访谈", "date": "2024-04-12"}
    assert document.body == "\n本次改造共涉及投放点十二处，已完成九处。\n"
    assert "\ufffd" not in source.text
    assert (tmp_path / rel).read_bytes() == (cases_dir / "08-gbk-encoded-file" / rel).read_bytes()  # never rewritten


def test_undecodable_bytes_are_an_error_with_line_and_column(tmp_path: Path) -> None:
    rel = write(tmp_path, "content/bad.md", "---\r\ntitle: 访谈\r\n".encode() + b"x\xff\xfe\x80\x00\x81")
    report = Report()
    assert read_source(tmp_path, rel, report) is None
    assert report.problems == [Problem(
        "content/bad.md", 3, 2, "error",
        "the file is not UTF-8 text: byte 0xFF cannot be read (and it is not GBK/GB18030 Chinese text either)",
        ENCODING_HINT)]


def test_lines_pasted_in_gbk_into_a_utf8_file_are_each_an_error_giving_their_text(tmp_path: Path) -> None:
    # "byte 0xD4 cannot be read (and it is not GBK/GB18030 Chinese text either)", with the hint to save the file
    # as UTF-8, which it was: the line had to be typed again, and the message did not say which text it held.
    data = ("---\r\ntitle: 访谈\r\n---\r\n\r\n## 问题\r\n\r\n".encode() + "早上八点，网格员走进村组。".encode("gbk")
            + "\r\n\r\n正文。\r\n> ".encode() + "记者 王芳".encode("gbk") + b"\r\n")
    rel = write(tmp_path, "content/mixed.md", data)
    report = Report()
    assert read_source(tmp_path, rel, report) is None
    assert [(p.line, p.column, p.hint) for p in report.problems] == [
        (7, 1, "delete the line and type it again (or paste it from a page that shows it right); it reads: "
               "早上八点，网格员走进村组。"),
        (10, 3, "delete the line and type it again (or paste it from a page that shows it right); it reads: "
                "> 记者 王芳")]
    assert {p.message for p in report.problems} == {
        "this line is GBK/GB18030 Chinese text, while the rest of the file is UTF-8: it was pasted from a file "
        "saved in another encoding, and cannot be read here"}
    fixed = data.replace("早上八点，网格员走进村组。".encode("gbk"), "早上八点，网格员走进村组。".encode()).replace(
        "记者 王芳".encode("gbk"), "记者 王芳".encode())
    (tmp_path / rel).write_bytes(fixed)
    report = Report()
    assert read_source(tmp_path, rel, report) is not None and report.problems == []


@pytest.mark.parametrize("kept", [1, 2])  # bytes of the cut character that were saved: 鹤 has three in UTF-8
def test_a_utf8_file_cut_partway_through_a_character_is_told_as_unfinished_not_as_gbk(tmp_path: Path,
                                                                                     kept: int) -> None:
    # A save that did not finish, cut after 白 and a byte of 鹤, was told as a line pasted in GBK, "it reads: 鐧介".
    whole = "---\ntitle: 大调研微访谈\ninterviewee:\n  name: 张三\n  role: 中共白鹤镇委员会书记\n---\n".encode()
    cut = whole[:whole.index("鹤".encode()) + kept]
    rel = write(tmp_path, "content/interviews/cut.md", cut)
    report = Report()
    assert read_source(tmp_path, rel, report) is None
    assert [p.format() for p in report.problems] == [
        "content/interviews/cut.md:5:12: error: the file ends partway through a character: its last bytes begin a "
        "character (UTF-8) whose other bytes are missing, as when a save or a copy did not finish; the text after "
        '"role: 中共白" may be missing too\n'
        "  hint: open the file in its editor, check the end of the text against what you wrote, and save it again "
        "(编码 UTF-8)"]
    (tmp_path / rel).write_bytes(whole)  # saved again, whole
    report = Report()
    assert read_source(tmp_path, rel, report) is not None and report.problems == []


def test_bytes_that_decode_as_gb18030_but_are_not_chinese_are_an_error(tmp_path: Path) -> None:
    # Bytes that GB18030 decodes without error, but into Cyrillic letters: not Chinese text.
    text = "title: " + "Ё" * 20  # Cyrillic, encoded in GB18030 as two-byte codes
    rel = write(tmp_path, "x.yaml", text.encode("gb18030"))
    report = Report()
    assert read_source(tmp_path, rel, report) is None
    assert [(p.line, p.column, p.severity) for p in report.problems] == [(1, 8, "error")]


_FRONT = "---\ntitle: 一个访谈\ndate: 2018-05-03\n---\n\n"


@pytest.mark.parametrize(("encoding", "named", "text"), [
    # Without the mark it said "byte 0xBF cannot be read (and it is not GBK/GB18030 Chinese text either)".
    *((encoding, 'UTF-16 ("Unicode")', _FRONT + "正文一。\n") for encoding in ("utf-16", "utf-16-le", "utf-16-be")),
    # It was "saved as UTF-16": UTF-32's little-endian mark starts with UTF-16's (and without a mark, "byte 0x…").
    *((encoding, "UTF-32", _FRONT + "正文一，白鹤镇大调研。𠀀\n" * 200) for encoding in ("utf-32", "utf-32-le", "utf-32-be")),
])
def test_utf16_and_utf32_are_refused_by_their_names_with_or_without_a_byte_order_mark(
        tmp_path: Path, encoding: str, named: str, text: str) -> None:
    rel = write(tmp_path, "x.md", text.encode(encoding))
    report = Report()
    assert read_source(tmp_path, rel, report) is None
    assert [p.format() for p in report.problems] == [
        f"x.md:1:1: error: the file is saved as {named}, not UTF-8\n"
        "  hint: open it in WPS or Notepad (记事本), choose Save As (另存为), set the encoding (编码) to UTF-8, and save again"]
    assert decode_for_display(text.encode(encoding)) == text


def _docx(parts: dict[str, str]) -> bytes:
    """A ZIP archive holding ``parts`` (name → text), as an Office Open XML file is one."""
    import io
    import zipfile
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return data.getvalue()


DOCUMENT_HINT = ("open it in {program} and save it as plain text in UTF-8: 另存为 → 纯文本 (*.txt), 编码 UTF-8 (or copy "
                 "all its text into Notepad 记事本 or WPS, and there 另存为 → 编码 UTF-8); then give the saved file the "
                 "name {name} in place of this one")


@pytest.mark.parametrize(("rel", "data", "kind", "program"), [
    # WordPad's RTF: "the page has no front matter / start the file with ---", though the editor sees --- there.
    ("content/interviews/baihe.md", rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}\pard ---\par title: x\par}",
     "a WordPad or Word document saved as RTF (富文本, Rich Text Format)", "WordPad (写字板), Word or WPS"),
    # A .docx renamed: "the file is not UTF-8 text: byte 0xE2 cannot be read".
    ("content/interviews/baihe.md", _docx({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:t>—</w:t>"}),
     "a Word document (.docx)", "Word or WPS"),
    ("content/units/baihe.yaml", _docx({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
     "an Excel workbook (.xlsx)", "Excel or WPS"),
    ("content/units/baihe.yaml", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000),
     "a Word or WPS document of the older format (.doc, .wps)", "Word or WPS"),
    ("site.yaml", rb"{\rtf1\ansi title: x\par}",
     "a WordPad or Word document saved as RTF (富文本, Rich Text Format)", "WordPad (写字板), Word or WPS"),
])
def test_a_word_processors_document_is_told_what_it_is_and_to_be_saved_as_plain_text(
        tmp_path: Path, rel: str, data: bytes, kind: str, program: str) -> None:
    write(tmp_path, rel, data)
    report = Report()
    assert read_source(tmp_path, rel, report) is None
    assert [p.format() for p in report.problems] == [
        f"{rel}:1:1: error: the file is {kind}, not plain text (纯文本), so sitegen cannot read it\n"
        f"  hint: {DOCUMENT_HINT.format(program=program, name=rel.rsplit('/', 1)[-1])}"]


def test_a_page_saved_as_plain_text_from_word_is_read(tmp_path: Path) -> None:
    # The hint followed: the text saved as UTF-8 (Word's plain text adds a byte-order mark), or as GBK by WordPad.
    text = "---\r\ntitle: 一个访谈\r\n---\r\n\r\n正文。\r\n"
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("gbk")):
        rel = write(tmp_path, "content/interviews/baihe.md", data)
        report = Report()
        source = read_source(tmp_path, rel, report)
        assert source is not None and source.text == text.replace("\r\n", "\n")
        assert not report.has_errors()


def test_a_stray_zero_byte_is_not_taken_for_utf16(tmp_path: Path) -> None:
    rel = write(tmp_path, "x.md", "---\ntitle: 访谈\n---\n\n正文\x00。\n".encode("utf-8"))
    report = Report()
    assert read_source(tmp_path, rel, report) is not None
    assert not any("UTF-16" in p.message for p in report.problems)


def test_utf8_file_reads_under_the_c_locale(cases_dir: Path, tmp_path: Path) -> None:
    copy_case_file(cases_dir, "08-gbk-encoded-file", "data/tallies-utf8.yaml", tmp_path)
    code = (
        "import sys; from pathlib import Path; from sitegen.errors import Report; "
        "from sitegen.sources import read_source; r = Report(); "
        "s = read_source(Path(sys.argv[1]), 'data/tallies-utf8.yaml', r); "
        "assert s is not None and s.text.startswith('item: \\u5783\\u573e'), s; assert not r.problems, r"
    )
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning",
                             "-c", code, str(tmp_path)], env=env, capture_output=True, text=True,
                            encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "EncodingWarning" not in result.stderr


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    report = Report()
    assert read_source(tmp_path, "content/none.md", report) is None
    assert [(p.path, p.line, p.severity) for p in report.problems] == [("content/none.md", None, "error")]
    assert report.problems[0].message.startswith("the file could not be read (")


# -- symbolic links (case 23) -------------------------------------------------

def test_symlink_to_outside_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / "secret.yaml").write_text("secret: do-not-publish\n", encoding="utf-8")
    (site / "data").mkdir(parents=True)
    (site / "data" / "secret.yaml").symlink_to(tmp_path / "secret.yaml")
    report = Report()
    assert read_source(site, "data/secret.yaml", report) is None
    assert report.problems == [Problem(
        "data/secret.yaml", None, None, "error",
        "the file is a symbolic link to a place outside the site folder; it was not read",
        "copy the file into the site folder instead of linking to it")]


def test_symlink_inside_the_site_is_read(tmp_path: Path) -> None:
    write(tmp_path, "data/real.yaml", b"a: 1\n")
    (tmp_path / "data" / "link.yaml").symlink_to("real.yaml")
    report = Report()
    source = read_source(tmp_path, "data/link.yaml", report)
    assert source == SourceFile("data/link.yaml", "a: 1\n", "utf-8")
    assert report.problems == []


def test_one_reader_checks_each_file_and_each_folder_of_a_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(tmp_path, "elsewhere/secret.yaml", b"secret: 1\n")
    write(site, "data/a.yaml", b"a: 1\n")
    write(site, "data/inner/b.yaml", b"b: 2\n")
    (site / "data" / "out").symlink_to(tmp_path / "elsewhere")
    (site / "data" / "link.yaml").symlink_to(tmp_path / "elsewhere" / "secret.yaml")
    (site / "data" / "fine.yaml").symlink_to("inner/b.yaml")
    reader, report = SourceReader(site), Report()
    assert [reader.read(rel, report) for rel in ("data/a.yaml", "data/inner/b.yaml", "data/fine.yaml")] == [
        SourceFile("data/a.yaml", "a: 1\n", "utf-8"), SourceFile("data/inner/b.yaml", "b: 2\n", "utf-8"),
        SourceFile("data/fine.yaml", "b: 2\n", "utf-8")]
    assert reader.read("data/out/secret.yaml", report) is None  # a file in a linked folder outside
    assert reader.read("data/link.yaml", report) is None  # a linked file outside
    assert reader.read("data/missing.yaml", report) is None
    assert [(p.path, p.message) for p in report.problems] == [
        ("data/out/secret.yaml", "the file is a symbolic link to a place outside the site folder; it was not read"),
        ("data/link.yaml", "the file is a symbolic link to a place outside the site folder; it was not read"),
        ("data/missing.yaml", "the file could not be read (No such file or directory)")]


def test_a_new_reader_sees_a_folder_that_became_a_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, "data/inner/b.yaml", b"b: 2\n")
    write(tmp_path, "elsewhere/b.yaml", b"secret: 1\n")
    assert SourceReader(site).read("data/inner/b.yaml", Report()) is not None
    shutil.rmtree(site / "data" / "inner")
    (site / "data" / "inner").symlink_to(tmp_path / "elsewhere")
    report = Report()
    assert SourceReader(site).read("data/inner/b.yaml", report) is None
    assert report.problems[0].message.startswith("the file is a symbolic link to a place outside")


def test_path_escaping_the_site_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "outside.md", b"x")
    (tmp_path / "site").mkdir()
    report = Report()
    assert read_source(tmp_path / "site", "../outside.md", report) is None
    assert report.problems[0].message == "the file is outside the site folder; it was not read"


def test_case_23_links_are_listed_then_refused(cases_dir: Path, tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(cases_dir / "23-output-path-traversal", case)
    subprocess.run(["sh", "make-symlinks.sh"], cwd=case, check=True)
    report = Report()
    pages = find_sources(case, "content", (".md",), report)
    assert "content/interviews/linked-outside.md" in pages
    data = find_sources(case, "data", (".yaml",), report)
    assert data == ["data/secret.yaml"]
    assert report.problems == []
    for rel in ("content/interviews/linked-outside.md", "data/secret.yaml"):
        assert read_source(case, rel, report) is None
    assert [(p.path, p.severity) for p in report.sorted()] == [
        ("content/interviews/linked-outside.md", "error"), ("data/secret.yaml", "error")]
    assert all("symbolic link" in p.message for p in report.problems)


# -- find_sources -------------------------------------------------------------

def test_find_sources_skips_hidden_files_and_backups(tmp_path: Path) -> None:
    for rel in ["content/b.md", "content/a.md", "content/sub/c.MD", "content/sub/deep/d.md",
                "content/.hidden.md", "content/.git/e.md", "content/x.md~", "content/.x.md.swp",
                "content/y.md.swp", "content/z.md.tmp", "content/notes.txt", "content/image.png",
                "content/访谈.md"]:
        write(tmp_path, rel, b"")
    report = Report()
    assert find_sources(tmp_path, "content", (".md",), report) == [
        "content/a.md", "content/b.md", "content/sub/c.MD", "content/sub/deep/d.md", "content/访谈.md"]
    assert report.problems == []


def test_find_sources_skips_the_lock_files_word_and_wps_leave_beside_an_open_file(tmp_path: Path) -> None:
    # Word and WPS write "~$<name>" while <name> is open; Windows hides it, so the
    # editor could neither see nor fix the error it used to give ("no front matter").
    for rel in ["content/访谈.md", "content/~$访谈.md", "content/units/~$baihe.yaml",
                "content/files/~$报告.docx", "content/files/报告.docx", "content/~$sub/x.md"]:
        write(tmp_path, rel, b"\x00\x01owner")
    report = Report()
    assert find_sources(tmp_path, "content", (".md",), report) == ["content/访谈.md"]
    assert find_sources(tmp_path, "content", (".yaml",), report) == []
    assert find_sources(tmp_path, "content", (), report) == ["content/files/报告.docx", "content/访谈.md"]
    assert report.problems == []


def test_find_sources_several_suffixes_and_missing_folder(tmp_path: Path) -> None:
    write(tmp_path, "data/a.yaml", b"")
    write(tmp_path, "data/b.yml", b"")
    write(tmp_path, "data/c.json", b"")
    report = Report()
    assert find_sources(tmp_path, "data", (".yaml", ".yml"), report) == ["data/a.yaml", "data/b.yml"]
    assert find_sources(tmp_path, "nothing-here", (".md",), report) == []
    assert report.problems == []


def test_find_sources_without_suffixes_lists_every_file(tmp_path: Path) -> None:
    for rel in ["content/a.md", "content/img/b.png", "content/.c.md", "content/d.md~"]:
        write(tmp_path, rel, b"")
    report = Report()
    assert find_sources(tmp_path, "content", (), report) == ["content/a.md", "content/img/b.png"]
    assert report.problems == []


def test_find_sources_warns_about_notepad_txt_suffix(tmp_path: Path) -> None:
    write(tmp_path, "content/访谈.md.txt", b"")
    report = Report()
    assert find_sources(tmp_path, "content", (".md",), report) == []
    assert report.problems == [Problem(
        "content/访谈.md.txt", None, None, "warning",
        'the file name ends in ".md.txt" (Notepad added ".txt"); it was skipped', "rename the file to 访谈.md")]


def test_find_sources_does_not_follow_folder_links_outside(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(tmp_path, "elsewhere/secret.md", b"x")
    write(site, "content/a.md", b"")
    write(site, "content/inside/b.md", b"")
    (site / "content" / "out").symlink_to(tmp_path / "elsewhere")
    (site / "content" / "again").symlink_to("inside")
    (site / "content" / "inside" / "loop").symlink_to("..")
    report = Report()
    assert find_sources(site, "content", (".md",), report) == ["content/a.md", "content/inside/b.md"]
    assert [(p.path, p.severity, p.message) for p in report.sorted()] == [
        ("content/again", "warning", "the folder is a symbolic link to a folder that is already read; it was skipped"),
        ("content/inside/loop", "warning",
         "the folder is a symbolic link to a folder that is already read; it was skipped"),
        ("content/out", "error",
         "the folder is a symbolic link to a place outside the site folder; its files were not read"),
    ]


# -- split_front_matter -------------------------------------------------------

def source(text: str, path: str = "content/p.md") -> SourceFile:
    """A SourceFile made from text."""
    return SourceFile(path, text, "utf-8")


def test_split_basic() -> None:
    report = Report()
    document = split_front_matter(source("---\ntitle: x\ndate: y\n---\n\n# 标题\n正文  \n"), report)
    assert document.front_matter == "title: x\ndate: y\n"
    assert (document.front_matter_line, document.body_line) == (2, 5)
    assert document.body == "\n# 标题\n正文  \n"
    assert report.problems == []


def test_split_delimiters_with_trailing_spaces_and_tabs() -> None:
    document = split_front_matter(source("--- \t\ntitle: x\n---\t \nbody"), Report())
    assert (document.front_matter, document.body, document.body_line) == ("title: x\n", "body", 4)


def test_split_empty_front_matter_and_no_body() -> None:
    document = split_front_matter(source("---\n---"), Report())
    assert (document.front_matter, document.body, document.body_line) == ("", "", 3)


def test_split_body_keeps_later_rules() -> None:
    document = split_front_matter(source("---\na: 1\n---\ntext\n---\nmore\n"), Report())
    assert document.front_matter == "a: 1\n"
    assert document.body == "text\n---\nmore\n"


def test_split_without_front_matter() -> None:
    report = Report()
    text = "# 只有正文\n\n---\n"
    document = split_front_matter(source(text), report)
    assert (document.front_matter, document.body, document.body_line, document.front_matter_line) == (None, text, 1, 1)
    assert report.problems == []


def test_split_unclosed_front_matter_is_an_error() -> None:
    report = Report()
    document = split_front_matter(source("---\ntitle: x\ndate: 2018-05-03\n"), report)
    assert document.front_matter is None
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: the front matter opened with "---" on line 1 is never closed\n'
        '  hint: add a line with only "---" after the last front-matter line (title, date, …)']
    report = Report()
    split_front_matter(source("---\ntitle: x\n\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: the front matter opened with "---" on line 1 is never closed\n'
        '  hint: add a line with only "---" above line 4, after the last front-matter line (title, date, …)']


def test_toml_front_matter_and_a_yaml_end_line_get_messages_of_their_own() -> None:
    # Both said the front matter was missing or never closed.
    report = Report()
    document = split_front_matter(source('+++\ntitle = "访谈"\ndate = 2018-05-03\n+++\n\n正文\n'), report)
    assert document.front_matter is None
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: the front matter is between "+++" lines, which is TOML (as Hugo writes it); '
        'sitegen reads front matter written in YAML between "---" lines\n'
        '  hint: replace both "+++" lines with "---", and write each field as "title: 白鹤镇访谈" (a colon and a '
        'space; no "=" and no quotes needed)']
    report = Report()
    document = split_front_matter(source("---\ntitle: 访谈\ndate: 2018-05-03\n...\n\n正文\n\n...\n"), report)
    assert (document.front_matter, document.body_line) == ("title: 访谈\ndate: 2018-05-03\n", 5)
    assert [p.format() for p in report.problems] == [
        'content/p.md:4:1: error: this line looks like the "---" that closes the front matter, but "..." ends '
        'a YAML document; the front matter ends with "---"\n'
        f"  hint: {FENCE_HINT}"]
    report = Report()  # a "..." in the page's text, after the closing line was left out: that is named
    split_front_matter(source("---\ntitle: 访谈\n\n正文\n...\n"), report)
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: the front matter opened with "---" on line 1 is never closed\n'
        '  hint: add a line with only "---" above line 4, after the last front-matter line (title, date, …)']


def test_front_matter_not_closed_before_the_text_is_named_at_the_text() -> None:
    # A "---" further down (a rule between parts of the text) was taken as the end of the front matter, and
    # the message was YAML's "could not find expected ':'" about a line of the text.
    report = Report()
    text = "---\ntitle: x\ntags: [a]\n\n大调研开展以来，白鹤镇成立领导小组。\n\n---\n\n## 问题\n"
    document = split_front_matter(source(text), report)
    assert (document.front_matter, document.body) == (None, text)
    assert [p.format() for p in report.problems] == [
        'content/p.md:5:1: error: the front matter has no closing "---" before the page\'s text starts on this line '
        '(the "---" on line 7 was taken as its end)\n'
        '  hint: add a line with only "---" above line 5, after the last front-matter line (title, date, …)']


def _closed_as_told(text: str, line: int, report: Report) -> FrontMatterDocument:
    """Assert that ``text``, front matter left open, is told to be closed above ``line``; return it split so closed."""
    told = Report()
    split_front_matter(source(text), told)
    assert [p.format() for p in told.problems] == [
        'content/p.md:1:1: error: the front matter opened with "---" on line 1 is never closed\n'
        f'  hint: add a line with only "---" above line {line}, after the last front-matter line (title, date, …)']
    lines = text.split("\n")
    return split_front_matter(source("\n".join([*lines[:line - 1], "---", *lines[line - 1:]])), report)


@pytest.mark.parametrize(("text", "line"), [
    ("---\ntitle: x\ndraft: false\n\n## 网格员每天做些什么？\n\n早上八点，网格员走进村组。\n", 5),
    ("---\ntitle: x\ndraft: false\n## 问一\n### 小问\n\n答。\n", 4),  # no empty line; a sub-heading
    ("---\ntitle: x\n\n##问题\n答。\n", 4),  # no space after ##
])
def test_a_heading_after_the_front_matter_left_open_is_where_the_closing_line_goes(text: str, line: int) -> None:
    # The hint said "above line 7", under the heading: YAML reads "## …" as a comment, so the heading, typed as
    # told, went into the front matter, and the page was published without its first question.
    report = Report()
    document = _closed_as_told(text, line, report)
    assert report.problems == [] and document.body.lstrip("\n").startswith("##")
    report = Report()  # with a "---" further down, taken as the end: the text is named at the heading
    split_front_matter(source(text + "\n---\n\n再一段。\n"), report)
    assert [(p.line, p.hint) for p in report.problems] == [
        (line, f'add a line with only "---" above line {line}, after the last front-matter line (title, date, …)')]


@pytest.mark.parametrize("front", [
    "title: x\n## 以下可选\nsummary: y\n",  # a comment of two hashes among the fields, with its closing line
    "title: x\n\n## 说明\n\n  # 缩进的注释\ndate: 2018-05-03\n",
])
def test_a_comment_of_two_hashes_among_the_fields_is_still_a_comment(front: str) -> None:
    report = Report()
    document = split_front_matter(source(f"---\n{front}---\n正文\n"), report)
    assert (document.front_matter, report.problems) == (front, [])


@pytest.mark.parametrize("front", [
    'title: x\nsummary: "第一段\n\n第二段"\n',  # a quoted value over lines, as YAML reads it
    "title: x\ntags: [a,\n\nb]\n",
    "title: x\n\n# 注释\n\ndate: 2018-05-03\n\n标题：y\n",  # a slip the YAML messages name
])
def test_front_matter_with_empty_lines_is_split_at_its_closing_line(front: str) -> None:
    report = Report()
    document = split_front_matter(source(f"---\n{front}---\n正文\n"), report)
    assert (document.front_matter, document.body, report.problems) == (front, "正文\n", [])


_FENCE_HINT = "  hint: type exactly --- (three half-width hyphens, 半角) and nothing else on the line"


@pytest.mark.parametrize(("fence", "why"), [
    ("———", "it is typed with full-width or long dashes (全角/长破折号), not three half-width hyphens"),
    ("－－－", "it is typed with full-width or long dashes (全角/长破折号), not three half-width hyphens"),
    ("—-—", "it is typed with full-width or long dashes (全角/长破折号), not three half-width hyphens"),
    ("——", "it is typed with full-width or long dashes (全角/长破折号), not three half-width hyphens"),
    ("----", "it has 4 hyphens"),
    ("---\u3000", "a full-width space (全角空格) follows it"),
    ("---\u00a0", "an invisible space follows it"),
])
def test_a_closing_line_typed_wrong_is_an_error_at_that_line_and_still_ends_the_front_matter(
        fence: str, why: str) -> None:
    # It was "the front matter opened with "---" on line 1 is never closed", at line 1.
    report = Report()
    document = split_front_matter(source(f"---\ntitle: x\ntags:\n- a\n{fence}\n正文\n---\n"), report)
    assert [p.format() for p in report.problems] == [
        f'content/p.md:5:1: error: this line looks like the "---" that closes the front matter, but {why}\n'
        + _FENCE_HINT]
    assert (document.front_matter, document.body, document.body_line) == ("title: x\ntags:\n- a\n", "正文\n---\n", 6)


def test_an_opening_line_typed_wrong_is_named_instead_of_no_front_matter() -> None:
    report = Report()
    document = split_front_matter(source("———\ntitle: x\n---\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but it is typed with '
        "full-width or long dashes (全角/长破折号), not three half-width hyphens\n" + _FENCE_HINT]
    assert (document.front_matter, document.body) == ("title: x\n", "正文\n")
    report = Report()  # and never closed: told too, or typing the "---" asked for brought that error next
    assert split_front_matter(source("－－－\ntitle: x\n"), report).front_matter is None
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but it is typed with '
        "full-width or long dashes (全角/长破折号), not three half-width hyphens\n" + _FENCE_HINT,
        "content/p.md:1:1: error: the front matter opened on line 1 is never closed\n"
        '  hint: add a line with only "---" after the last front-matter line (title, date, …)']


_NBSP = "a no-break space (U+00A0, 不间断空格, from text pasted from Word, a web page or WeChat)"


# The editor sees "---" on such a line: "the page has no front matter" (or "never closed") told them nothing.
@pytest.mark.parametrize(("lead", "what", "hint"), [
    (" ", "a space comes before it, in column 1", "delete the space before the dashes, so that the line is exactly ---"),
    ("\u00a0", f"{_NBSP} comes before it, in column 1",
     "delete the no-break space before the dashes, so that the line is exactly ---"),
    ("\u3000", "a full-width space (全角空格) comes before it, in column 1",
     "delete the full-width space before the dashes, so that the line is exactly ---"),
    ("\u200b", "an invisible character (U+200B, zero-width) comes before it, in column 1",
     "delete the invisible character before the dashes, so that the line is exactly ---"),
    ("\t ", "2 characters (a TAB (制表符), a space) come before it, in columns 1 to 2",
     "delete the 2 characters before the dashes, so that the line is exactly ---"),
])
def test_an_opening_or_closing_line_typed_after_an_unseen_space_names_it(lead: str, what: str, hint: str) -> None:
    report = Report()
    document = split_front_matter(source(f"{lead}---\ntitle: x\n---\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        f'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but {what}\n  hint: {hint}']
    assert (document.front_matter, document.body) == ("title: x\n", "正文\n")
    report = Report()
    document = split_front_matter(source(f"---\ntitle: x\ntags:\n- a\n{lead}---\n正文\n---\n"), report)
    assert [p.format() for p in report.problems] == [
        f'content/p.md:5:1: error: this line looks like the "---" that closes the front matter, but {what}\n'
        f"  hint: {hint}"]
    assert (document.front_matter, document.body) == ("title: x\ntags:\n- a\n", "正文\n---\n")


def test_an_opening_line_typed_after_a_space_with_long_dashes_is_told_both() -> None:
    report = Report()
    split_front_matter(source(" ———\ntitle: x\n---\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but a space comes before '
        "it, in column 1, and it is typed with full-width or long dashes (全角/长破折号), not three half-width hyphens\n"
        "  hint: delete the space before the dashes, and type exactly --- (three half-width hyphens, 半角) and nothing "
        "else on the line"]


@pytest.mark.parametrize("text", ["---\ntitle: x\n---\n————\n\n----\n", "——摘自\n正文\n", "- 一\n", "-\n",
                                  "---\nsummary: |\n  ———\n---\n",
                                  "---\nsummary: >-\n  一\n\n  ---\n  二\n---\n"])
def test_dashes_that_are_no_fence_are_left_alone(text: str) -> None:
    report = Report()
    split_front_matter(source(text), report)
    assert report.problems == []


_NOT_HYPHENS = "in place of the three half-width hyphens"


# Each was "the page has no front matter" (opening) or "the front matter opened with "---" on line 1 is never
# closed", with a hint to add a "---" below the page's headings (closing): the line typed was never named.
@pytest.mark.parametrize(("fence", "what", "hint"), [
    ("- - -", 'it is typed "- - -", with spaces between the hyphens', FENCE_HINT),
    ("-- -", 'it is typed "-- -", with spaces between the hyphens', FENCE_HINT),
    ("— — —", 'it is typed "— — —", with full-width or long dashes (全角/长破折号) and spaces between them', FENCE_HINT),
    ("***", f'it is typed "***", with asterisks (星号) {_NOT_HYPHENS}', FENCE_HINT),
    ("* * *", f'it is typed "* * *", with asterisks (星号) {_NOT_HYPHENS}', FENCE_HINT),
    ("＊＊＊", f'it is typed "＊＊＊", with asterisks (星号) {_NOT_HYPHENS}', FENCE_HINT),
    ("___", f'it is typed "___", with underscores (下划线) {_NOT_HYPHENS}', FENCE_HINT),
    ("_ _ _", f'it is typed "_ _ _", with underscores (下划线) {_NOT_HYPHENS}', FENCE_HINT),
    ("—", 'it is typed "—", one full-width or long dash (全角/长破折号), not three half-width hyphens', FENCE_HINT),
    ("–", 'it is typed "–", one full-width or long dash (全角/长破折号), not three half-width hyphens', FENCE_HINT),
    ("--", "it has 2 hyphens", FENCE_HINT),
    ("----", "it has 4 hyphens", FENCE_HINT),
    ("---.", '"." follows the dashes', 'delete "." after the dashes, so that the line is exactly ---'),
    ("---。", '"。" follows the dashes', 'delete "。" after the dashes, so that the line is exactly ---'),
    ("--- # 访谈", '"# 访谈" follows the dashes', 'delete "# 访谈" after the dashes, so that the line is exactly ---'),
    ("--- 访谈", 'text follows the dashes: "访谈"',
     'move "访谈" to a line of its own below this one, so that this line is exactly ---'),
    ("---\u200b", "an invisible character (U+200B, zero-width) follows it",
     "delete everything after the dashes (it cannot be seen), so that the line is exactly ---"),
    (" ***", 'a space comes before it, in column 1, and it is typed "***", with asterisks (星号) '
     f"{_NOT_HYPHENS}", f"delete the space before the dashes, and {FENCE_HINT}"),
])
def test_a_fence_typed_as_a_rule_or_with_more_on_the_line_is_named(fence: str, what: str, hint: str) -> None:
    opening = f'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but {what}\n' \
              f"  hint: {hint}"
    closing = f'content/p.md:5:1: error: this line looks like the "---" that closes the front matter, but {what}\n' \
              f"  hint: {hint}"
    for text, told in ((f"{fence}\ntitle: x\ntags:\n- a\n---\n正文\n***\n", [opening]),
                       (f"---\ntitle: x\ntags:\n- a\n{fence}\n正文\n***\n", [closing]),
                       (f"{fence}\ntitle: x\ntags:\n- a\n{fence}\n正文\n***\n", [opening, closing])):
        report = Report()
        document = split_front_matter(source(text), report)
        assert [p.format() for p in report.problems] == told
        assert (document.front_matter, document.body, document.body_line) == ("title: x\ntags:\n- a\n",
                                                                             "正文\n***\n", 6)


def test_a_field_typed_after_the_opening_dashes_is_moved_below_them() -> None:
    report = Report()
    split_front_matter(source("--- title: 访谈\ndate: 2018-05-03\n---\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but text follows the '
        'dashes: "title: 访谈"\n'
        '  hint: move "title: 访谈" to a line of its own below this one, so that this line is exactly ---']
    report = Report()
    document = split_front_matter(source("---\ntitle: 访谈\ndate: 2018-05-03\n---\n正文\n"), report)
    assert (document.front_matter, report.problems) == ("title: 访谈\ndate: 2018-05-03\n", [])


@pytest.mark.parametrize("text", [
    "---\ntitle: x\n---\n\n正文\n\n***\n\n第二段\n\n- - -\n\n___\n\n---\n\n完\n",  # rules in the body
    "***\n\n正文\n", "—\n正文\n", "--- 以下为正文\n\n正文\n", "* * *\n- 一\n",  # no front matter: the loader says so
    "---\ntitle: x\nsummary: |\n  ***\n  ---.\n---\n正文\n",  # lines of a block of text
])
def test_rules_and_dashes_that_are_no_fence_are_left_alone(text: str) -> None:
    report = Report()
    document = split_front_matter(source(text), report)
    assert report.problems == []
    assert document.front_matter is None or document.body.endswith(text.split("---\n")[-1])


@pytest.mark.parametrize("rule", ["***", "- - -", "___", "—", "---."])
def test_a_rule_in_the_text_of_a_page_whose_closing_line_is_missing_is_not_taken_for_it(rule: str) -> None:
    # The closing line goes above the text; the rule further down is the page's own.
    for opening, said in (("---", 'opened with "---" on line 1'), ("- - -", "opened on line 1")):
        report = Report()
        document = split_front_matter(source(f"{opening}\ntitle: x\n\n正文\n\n{rule}\n\n更多\n"), report)
        assert document.front_matter is None
        assert [p.format() for p in report.problems][-1] == (
            f"content/p.md:1:1: error: the front matter {said} is never closed\n"
            '  hint: add a line with only "---" above line 4, after the last front-matter line (title, date, …)')


def test_a_title_pasted_above_the_front_matter_is_told_to_be_deleted() -> None:
    # "the page has no front matter", and its hint (start the file with "---") followed gave another error.
    report = Report()
    text = "白鹤镇：补好短板发挥优势\n---\ntitle: 白鹤镇访谈\ndate: 2018-05-03\n---\n\n正文\n"
    assert split_front_matter(source(text), report).front_matter is None
    assert [(p.line, p.column, p.message, p.hint) for p in report.problems] == [
        (1, 1, 'the front matter must start on line 1, but its "---" is on line 2, below text: "白鹤镇：补好短板发挥优势"',
         'delete line 1, above the first "---" (the page\'s title is the title: field between the "---" lines)')]
    report = Report()
    assert split_front_matter(source(text.split("\n", 1)[1]), report).front_matter is not None and not report.problems
    # Text whose "---" are rules, with no field between them, is no front matter typed late.
    report = Report()
    split_front_matter(source("第一段\n---\n第二段\n---\n第三段\n"), report)
    assert report.problems == []


def test_split_front_matter_after_blank_lines_is_an_error() -> None:
    report = Report()
    document = split_front_matter(source("\n\n---\ntitle: x\n---\nbody\n"), report)
    assert document.front_matter is None
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (1, 1, 'the front matter must start on line 1, but its "---" is on line 3')]


_ELLIPSIS = "an ellipsis (省略号), not three half-width hyphens"


# Each was "the front matter opened with "---" on line 1 is never closed" with a hint to add a "---" below the
# page's first heading (closing), or "the page has no front matter" (opening): a Chinese input method gives "…"
# or "……" for "...", and "。" for ".".
@pytest.mark.parametrize(("fence", "what"), [
    ("…", f'it is typed "…", {_ELLIPSIS}'),
    ("……", f'it is typed "……", {_ELLIPSIS}'),
    ("⋯", f'it is typed "⋯", {_ELLIPSIS}'),
    ("。。。", 'it is typed "。。。", with full stops (句号) in place of the three half-width hyphens'),
    ("．．．", 'it is typed "．．．", with full stops (句号) in place of the three half-width hyphens'),
    ("・・・", 'it is typed "・・・", with middle dots (间隔号) in place of the three half-width hyphens'),
    ("· · ·", 'it is typed "· · ·", with middle dots (间隔号) in place of the three half-width hyphens'),
    ("....", 'it is typed "....", with dots in place of the three half-width hyphens'),
    ("..", 'it is typed "..", with dots in place of the three half-width hyphens'),
])
def test_a_fence_typed_as_an_ellipsis_or_dots_is_named(fence: str, what: str) -> None:
    closing = f'content/p.md:5:1: error: this line looks like the "---" that closes the front matter, but {what}\n' \
              + _FENCE_HINT
    report = Report()
    document = split_front_matter(source(f"---\ntitle: x\ntags:\n- a\n{fence}\n\n## 请教\n\n正文\n"), report)
    assert [p.format() for p in report.problems] == [closing]
    assert (document.front_matter, document.body, document.body_line) == ("title: x\ntags:\n- a\n",
                                                                         "\n## 请教\n\n正文\n", 6)
    report = Report()
    document = split_front_matter(source(f"{fence}\ntitle: x\n---\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        f'content/p.md:1:1: error: line 1 looks like the "---" that opens the front matter, but {what}\n'
        + _FENCE_HINT]
    assert (document.front_matter, document.body) == ("title: x\n", "正文\n")


def test_an_ellipsis_closing_line_after_a_space_names_both() -> None:
    report = Report()
    split_front_matter(source("---\ntitle: x\n\u3000……\n正文\n"), report)
    assert [p.format() for p in report.problems] == [
        'content/p.md:3:1: error: this line looks like the "---" that closes the front matter, but a full-width '
        f'space (全角空格) comes before it, in column 1, and it is typed "……", {_ELLIPSIS}\n'
        "  hint: delete the full-width space before the dots, and type exactly --- (three half-width hyphens, 半角) "
        "and nothing else on the line"]


@pytest.mark.parametrize("text", [
    "……\n\n正文\n", "。。。\n正文\n", "·\n正文\n",  # no front matter: the loader says so
    "---\ntitle: x\n---\n\n正文\n\n……\n\n。。。\n",  # in the body
    "---\ntitle: x\nsummary: |\n  ……\n---\n正文\n",  # in a block of text
    "---\ntitle: x\n\n正文\n\n……\n",  # below the text of a page left open: not taken for the closing line
])
def test_ellipses_that_are_no_fence_are_left_alone(text: str) -> None:
    report = Report()
    split_front_matter(source(text), report)
    assert [p.message for p in report.problems] in ([], ['the front matter opened with "---" on line 1 is never '
                                                         'closed'])
    assert not any("ellipsis" in p.message for p in report.problems)


@pytest.mark.parametrize(("text", "line"), [
    ("---\ntitle: x\ntags:\n- a\n完\n\n## 请教\n\n正文\n", 5),  # a closing line typed as a word: above it
    ("---\ntitle: x\n完\n# 请教\n正文\n", 3),
    ("---\ntitle: x\nurl: http://a.cn/1\n\n## 请教\n\n正文\n", 5),
])
def test_front_matter_left_open_is_closed_where_its_fields_end_never_below_a_heading(text: str, line: int) -> None:
    # The hint said "above line 9", below the heading "## 请教", which YAML reads as a comment: typed as told,
    # the heading went into the front matter and vanished from the page.
    document = _closed_as_told(text, line, Report())
    assert "# 请教\n" in document.body and document.body.endswith("正文\n")

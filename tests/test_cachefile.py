"""The build cache's files are replaced whole or not at all (`sitegen.cachefile.replace_file`)."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.cachefile import replace_file


def test_text_is_written_as_utf8_and_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "deeper" / "slugs.json"  # folders made as needed
    assert replace_file(target, '{"白鹤镇": "baihe"}') is True
    assert target.read_bytes() == '{"白鹤镇": "baihe"}'.encode("utf-8")
    assert replace_file(target, b"\x00\x01") is True
    assert target.read_bytes() == b"\x00\x01"
    assert sorted(os.listdir(target.parent)) == ["slugs.json"]  # no temporary file left


def test_text_utf8_cannot_hold_is_not_written_and_the_old_file_stays(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    target.write_text("old", encoding="utf-8")
    assert replace_file(target, "bad \udc80 name") is False
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["record.json"]


def test_a_folder_in_the_files_place_is_a_failure_that_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "rendered.bin"
    target.mkdir()  # os.replace cannot put a file over a folder
    (target / "inside").write_text("kept", encoding="utf-8")
    assert replace_file(target, b"data") is False
    assert (target / "inside").read_text(encoding="utf-8") == "kept"
    assert sorted(os.listdir(tmp_path)) == ["rendered.bin"]


def test_a_file_where_the_folder_must_be_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    assert replace_file(tmp_path / "cache" / "pages.json", "{}") is False
    assert (tmp_path / "cache").read_text(encoding="utf-8") == "not a folder"

"""Unit and series ids as editors type them and name their files: each slip gets one message whose hint,
followed word for word, leads to a clean check and a site with one page per unit and its pages linked to it.

End to end through `sitegen.build.check` and `build`, with exact messages and places.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.build import BuildOptions, check
from sitegen.errors import Problem

from .sitekit import UNIT, build_at, interview, write_site

CHONGGU = "name: 重固镇\nlevel: town\n"


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

"""A unit's name typed with other characters of its sound (同音字), found without a ``misspellings:`` entry.

The seed article spells 白鹤镇 as 白河镇 and 百合镇: an editor typing with a
pinyin input method makes such slips with any characters of the sound, and
cannot list in ``misspellings:`` what they have not seen.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.build import BuildOptions, build, check
from sitegen.heardnames import name_shape, name_spans, shaped_spans

from .sitekit import copy_example, edit_file, interview, write_site

PAGE = "content/interviews/2018-05-baihe-dadiaoyan.md"
UNIT_FILE = "content/units/baihe.yaml"
SEED_SENTENCES = "\n\n2018年1月12日，白河镇成立了大调研领导小组。百合镇是“中国草莓之乡”。\n"
"""Two sentences of the seed article (../shared/seed/baihe-article.txt, lines 17 and 41), as its translation
spells the town."""


def _heard(root: Path) -> list[str]:
    """Every warning of `check` about a name heard, formatted as the terminal prints it."""
    return [problem.format() for problem in check(BuildOptions(root=root)).problems if "(同音)" in problem.message]


def _example_unlisted(tmp_path: Path) -> Path:
    """The example site, its unit's misspellings taken out and the seed's two sentences added to the interview."""
    root = copy_example(tmp_path / "site")
    edit_file(root, UNIT_FILE, "misspellings: [白河镇, 百合镇]", "misspellings: []")
    path = root / PAGE
    path.write_text(path.read_text(encoding="utf-8") + SEED_SENTENCES, encoding="utf-8")
    return root


def _last_line(root: Path) -> int:
    return len((root / PAGE).read_text(encoding="utf-8").split("\n")) - 1


def test_the_seeds_two_other_spellings_are_warned_where_typed_with_the_name_meant(tmp_path: Path) -> None:
    root = _example_unlisted(tmp_path)
    line = _last_line(root)
    assert _heard(root) == [
        f'{PAGE}:{line}:12: warning: "白河镇" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): it may be 白鹤镇 '
        "typed with a pinyin input method that picked other characters\n"
        "  hint: if it means 白鹤镇, write 白鹤镇; if 白河镇 is right as typed (another place, or words that read alike), add the line not_misspellings: [白河镇] to "
        f"{UNIT_FILE} (the warning then stops)",
        f'{PAGE}:{line}:26: warning: "百合镇" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): it may be 白鹤镇 '
        "typed with a pinyin input method that picked other characters\n"
        "  hint: if it means 白鹤镇, write 白鹤镇; if 百合镇 is right as typed (another place, or words that read alike), add the line not_misspellings: [百合镇] to "
        f"{UNIT_FILE} (the warning then stops)"]


def test_either_hint_followed_leaves_no_warning(tmp_path: Path) -> None:
    root = _example_unlisted(tmp_path / "written")
    edit_file(root, PAGE, SEED_SENTENCES, SEED_SENTENCES.replace("白河镇", "白鹤镇").replace("百合镇", "白鹤镇"))
    assert _heard(root) == []
    root = _example_unlisted(tmp_path / "listed")
    edit_file(root, UNIT_FILE, "misspellings: []", "misspellings: []\nnot_misspellings: [白河镇]")
    assert [problem.split(":")[1] for problem in _heard(root)] == [str(_last_line(root))]
    edit_file(root, UNIT_FILE, "not_misspellings: [白河镇]", "not_misspellings: [白河镇, 百合镇]")
    assert _heard(root) == []
    assert check(BuildOptions(root=root)).problems == []


def test_a_listed_misspelling_is_warned_once_as_a_misspelling(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    path = root / PAGE
    path.write_text(path.read_text(encoding="utf-8") + SEED_SENTENCES, encoding="utf-8")
    line = _last_line(root)
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == [
        f'{PAGE}:{line}:12: warning: "白河镇" is a misspelling of the unit name 白鹤镇\n  hint: write 白鹤镇',
        f'{PAGE}:{line}:26: warning: "百合镇" is a misspelling of the unit name 白鹤镇\n  hint: write 白鹤镇']


def test_front_matter_unit_records_and_traditional_characters_are_read_but_not_ids_or_web_addresses(
        tmp_path: Path) -> None:
    unit = ("name: 白鹤镇\nlevel: town\nsummary: 柏合镇是草莓之乡。\n"
            "distinct_from: [baihecun]\n")
    page = interview("白鶴鎮访谈", extra="aliases: [/interviews/bai-he-zhen/]\n",
                     body="## 问题\n\n见[白河镇百科](https://baike.example.org/item/白河镇)。\n").replace(
        "role: 党委书记", "role: 中共拜鹤镇党委书记")
    root = write_site(tmp_path, {UNIT_FILE: unit, "content/interviews/a.md": page,
                                 "content/units/baihecun.yaml": "name: 白河村\nlevel: village\n"})
    assert [problem.split("\n")[0] for problem in _heard(root)] == [
        'content/interviews/a.md:2:8: warning: "白鶴鎮" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): '
        "it may be 白鹤镇 typed in traditional characters (繁体字)",
        'content/interviews/a.md:7:11: warning: "拜鹤镇" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): '
        "it may be 白鹤镇 typed with a pinyin input method that picked other characters",
        'content/interviews/a.md:14:3: warning: "白河镇" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): '
        "it may be 白鹤镇 typed with a pinyin input method that picked other characters",
        f'{UNIT_FILE}:3:10: warning: "柏合镇" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): '
        "it may be 白鹤镇 typed with a pinyin input method that picked other characters"]


def test_names_of_other_units_and_names_too_short_to_tell_are_not_warned(tmp_path: Path) -> None:
    # 白河村 is a unit of its own (a village elsewhere); 新镇 has one character before 镇, which hundreds share.
    body = "## 问题\n\n白鹤镇、白河村和心镇的干部都来了，白河镇村民也来了。\n"
    root = write_site(tmp_path, {
        UNIT_FILE: "name: 白鹤镇\nlevel: town\nnot_misspellings: [白河镇]\n",
        "content/units/baihecun.yaml": "name: 白河村\nlevel: village\n",
        "content/units/xinzhen.yaml": "name: 新镇\nlevel: town\n",
        "content/interviews/a.md": interview(body=body)})
    assert _heard(root) == []


def test_a_name_of_three_characters_before_its_level_word_is_heard_too(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "content/units/zhujiajiao.yaml": "name: 朱家角镇\nlevel: town\n",
        "content/interviews/a.md": interview(body="## 问题\n\n在朱家脚镇调研。\n").replace(
            "unit: baihe", "unit: zhujiajiao")})
    assert [problem.split("\n")[0] for problem in _heard(root)] == [
        'content/interviews/a.md:13:2: warning: "朱家脚镇" reads zhu-jia-jiao-zhen, as the unit name 朱家角镇 does '
        "(同音): it may be 朱家角镇 typed with a pinyin input method that picked other characters"]


def test_a_rebuild_from_the_page_cache_warns_the_same_and_follows_an_edit_of_the_unit(tmp_path: Path) -> None:
    root = _example_unlisted(tmp_path)
    options = BuildOptions(root=root)
    first = [problem.format() for problem in build(options).warnings if "(同音)" in problem.message]
    again = build(options)
    assert again.converted == 0
    assert [problem.format() for problem in again.warnings if "(同音)" in problem.message] == first
    assert len(first) == 2
    edit_file(root, UNIT_FILE, "misspellings: []", "misspellings: []\nnot_misspellings: [白河镇, 百合镇]")
    assert [problem for problem in build(options).warnings if "(同音)" in problem.message] == []


def test_spans_of_a_names_shape_are_every_run_of_two_or_three_han_characters_before_a_level_word() -> None:
    text = "在白河镇政府，百合鎮、盈浦街道办事处。Baihe镇"
    assert list(shaped_spans(text)) == [
        (1, "白河镇政府"), (0, "在白河镇政府"), (1, "白河镇"), (0, "在白河镇"), (7, "百合鎮"),
        (11, "盈浦街道办事处"), (11, "盈浦街道办"), (11, "盈浦街道")]
    assert name_spans(text, "新镇") == frozenset(span for _, span in shaped_spans(text))
    assert [name_shape(name) for name in ("白鶴鎮", "朱家角镇", "盈浦街道", "新镇", "白鹤", "青浦区华新镇")] == [
        "镇", "镇", "街道", "", "", ""]



def test_a_name_typed_with_a_space_after_it_is_still_the_name_in_the_texts(tmp_path: Path) -> None:
    # name: "白鹤镇　" (a full-width space after it, warned of its own) made every correct 白鹤镇 in the texts
    # "read as the unit name 白鹤镇　".
    root = write_site(tmp_path, {UNIT_FILE: "name: 白鹤镇　\nlevel: town\nsummary: 白鹤镇是草莓之乡。\n",
                                 "content/interviews/a.md": interview(body="## 问题\n\n白鹤镇和柏合镇。\n")})
    assert [problem.split("\n")[0] for problem in _heard(root)] == [
        'content/interviews/a.md:13:5: warning: "柏合镇" reads bai-he-zhen, as the unit name 白鹤镇 does (同音): '
        "it may be 白鹤镇 typed with a pinyin input method that picked other characters"]


def test_words_that_read_as_a_name_are_listed_once_and_a_level_word_starting_a_word_is_none(tmp_path: Path) -> None:
    # Beside 徐泾镇, "项目需经镇政府审批" reads xu-jing-zhen: words, not a slip, which sound cannot tell apart.
    # 保山区域 and 新疆村民 were warned as 宝山区 and 新江村: 区域 and 村民 are words of their own.
    body = "## 问题\n\n项目需经镇政府审批。云南保山区域，对口支援新疆村民。\n"
    units = {"content/units/xujing.yaml": "name: 徐泾镇\nlevel: town\n",
             "content/units/baoshan.yaml": "name: 宝山区\nlevel: district\n",
             "content/units/xinjiangcun.yaml": "name: 新江村\nlevel: village\n"}
    root = write_site(tmp_path, {**units, "content/interviews/a.md": interview(body=body)})
    assert _heard(root) == [
        'content/interviews/a.md:13:3: warning: "需经镇" reads xu-jing-zhen, as the unit name 徐泾镇 does (同音): it '
        "may be 徐泾镇 typed with a pinyin input method that picked other characters\n"
        "  hint: if it means 徐泾镇, write 徐泾镇; if 需经镇 is right as typed (another place, or words that read "
        "alike), add the line not_misspellings: [需经镇] to content/units/xujing.yaml (the warning then stops)"]
    edit_file(root, "content/units/xujing.yaml", "level: town\n", "level: town\nnot_misspellings: [需经镇]\n")
    assert _heard(root) == []


def test_file_paths_in_front_matter_and_html_are_no_text_to_correct(tmp_path: Path) -> None:
    # images: src: images/百合镇草莓.svg and <img src="images/百合镇草莓.svg"> were warned "write 白鹤镇",
    # which would break the picture; a listed misspelling too.
    extra = "images:\n  - src: images/百合镇草莓.svg\n    alt: 草莓\n"
    body = '## 问题\n\n<img src="images/百合镇草莓.svg" alt="草莓">\n'
    files = {"content/images/百合镇草莓.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
             "content/interviews/a.md": interview(extra=extra, body=body)}
    root = write_site(tmp_path / "heard", {**files, UNIT_FILE: "name: 白鹤镇\nlevel: town\n"})
    assert _heard(root) == []
    root = write_site(tmp_path / "listed", files)  # the test unit lists 百合镇 among its misspellings
    assert [p.format() for p in check(BuildOptions(root=root)).problems if "misspelling" in p.message] == []


def test_a_unit_name_with_a_character_of_two_readings_reads_as_its_id_spells_it(tmp_path: Path) -> None:
    # 重固镇 is Chonggu; pypinyin reads 重 zhong, so 中固镇 was warned and the real slip 崇固镇 was not.
    root = write_site(tmp_path, {"content/units/chonggu.yaml": "name: 重固镇\nlevel: town\n",
                                 "content/interviews/a.md": interview(body="## 问题\n\n崇固镇和中固镇。\n")})
    assert [problem.split("\n")[0] for problem in _heard(root)] == [
        'content/interviews/a.md:13:1: warning: "崇固镇" reads chong-gu-zhen, as the unit name 重固镇 does (同音): '
        "it may be 重固镇 typed with a pinyin input method that picked other characters"]


def test_the_readmes_example_is_what_sitegen_prints(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "site")
    edit_file(root, UNIT_FILE, "misspellings: [白河镇, 百合镇]", "misspellings: []")
    edit_file(root, PAGE, "role: 中共白鹤镇党委书记", "role: 中共白河镇党委书记")
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("**A unit's name typed with other characters of its sound (同音字).**")[1]
    shown = section.split("```\n")[1]
    assert "\n".join(_heard(root)) + "\n" == shown


def test_a_name_at_the_end_of_a_line_is_heard_too(tmp_path: Path) -> None:
    root = write_site(tmp_path, {UNIT_FILE: "name: 白鹤镇\nlevel: town\n",
                                 "content/interviews/a.md": interview(body="## 问题\n\n我们来到了百合镇\n")})
    assert [problem.split(": warning: ")[0] for problem in _heard(root)] == ["content/interviews/a.md:13:6"]


def test_two_units_whose_names_read_alike_are_both_named_and_an_alias_is_told_as_one(tmp_path: Path) -> None:
    # 百合村 beside 白鹤村 and 白河村 (two villages, told apart) was told as 白鹤村 only: the hint could put the
    # wrong village's name on the page.
    root = write_site(tmp_path, {
        UNIT_FILE: "name: 白鹤镇\nlevel: town\naliases: [白鹤乡]\n",
        "content/units/baihecun.yaml": "name: 白鹤村\nlevel: village\ndistinct_from: [baihecun2]\n",
        "content/units/baihecun2.yaml": "name: 白河村\nlevel: village\n",
        "content/interviews/a.md": interview(body="## 问题\n\n百合村在哪里？柏合乡呢？\n")})
    assert _heard(root) == [
        'content/interviews/a.md:13:1: warning: "百合村" reads bai-he-cun, as the unit names 白鹤村 and 白河村 do (同音): '
        "it may be one of them typed with a pinyin input method that picked other characters\n"
        "  hint: if it means one of them, write that name; if 百合村 is right as typed (another place, or words that "
        "read alike), add the line not_misspellings: [百合村] to content/units/baihecun.yaml (the warning then stops)",
        'content/interviews/a.md:13:8: warning: "柏合乡" reads bai-he-xiang, as 白鹤乡, another name of the unit 白鹤镇, '
        "does (同音): it may be 白鹤乡 typed with a pinyin input method that picked other characters\n"
        "  hint: if it means 白鹤乡, write 白鹤乡; if 柏合乡 is right as typed (another place, or words that read "
        f"alike), add the line not_misspellings: [柏合乡] to {UNIT_FILE} (the warning then stops)"]


def test_both_hints_of_one_run_followed_as_written_are_told_as_one_list_to_keep(tmp_path: Path) -> None:
    # Each hint says "add the line not_misspellings: [...]": an editor who follows both types the key twice.
    root = _example_unlisted(tmp_path)
    unit = (root / UNIT_FILE).read_text(encoding="utf-8")
    lines = len(unit.split("\n"))  # the file ends with a line break: the next line typed is this one
    (root / UNIT_FILE).write_text(unit + "not_misspellings: [白河镇]\nnot_misspellings: [百合镇]\n", encoding="utf-8")
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == [
        f'{UNIT_FILE}:{lines + 1}:1: error: the key "not_misspellings" appears twice in the same block; it was '
        f"first given on line {lines}\n"
        "  hint: keep one not_misspellings line, with the items of both: not_misspellings: [白河镇, 百合镇]; delete "
        "the other"]
    edit_file(root, UNIT_FILE, "not_misspellings: [白河镇]\nnot_misspellings: [百合镇]\n",
              "not_misspellings: [白河镇, 百合镇]\n")
    assert check(BuildOptions(root=root)).problems == []


def test_a_text_listed_both_as_misspelling_and_as_right_is_told_at_its_misspelling_entry(tmp_path: Path) -> None:
    root = _example_unlisted(tmp_path)
    edit_file(root, UNIT_FILE, "misspellings: []", "misspellings: [白河镇]\nnot_misspellings: [百合镇, 白河镇]\n#")
    line = next(number for number, text in enumerate((root / UNIT_FILE).read_text(encoding="utf-8").split("\n"), 1)
                if text.startswith("misspellings:"))
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == [
        f'{UNIT_FILE}:{line}:16: warning: misspellings: "白河镇" is listed in not_misspellings: too (line '
        f"{line + 1}), as right as typed, so it is not looked for as a misspelling\n"
        "  hint: if 白河镇 is a slip for 白鹤镇, remove it from not_misspellings:; if it is right as typed (another "
        "place, or words that read alike), remove it from misspellings:"]
    # Either way out leaves one list holding it, and the check clean or told as that list says.
    edit_file(root, UNIT_FILE, "not_misspellings: [百合镇, 白河镇]", "not_misspellings: [百合镇]")
    page_line = _last_line(root)
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == [
        f'{PAGE}:{page_line}:12: warning: "白河镇" is a misspelling of the unit name 白鹤镇\n  hint: write 白鹤镇']


def test_names_in_yaml_comments_are_not_read_but_in_quoted_and_block_texts_they_are(tmp_path: Path) -> None:
    # A comment is never published: a note about the slips, typed in the unit file, is nobody's to mend.
    root = copy_example(tmp_path / "site")
    edit_file(root, UNIT_FILE, "level: town\n", "level: town  # 白河镇、百合镇、柏合镇 are the translation's slips\n"
              "# 白河镇 and 柏合镇: seen in the source\n")
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == []
    edit_file(root, PAGE, "interviewee:\n", '# 柏合镇 in a comment\ninterviewee:  # 白河镇\n')
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == []
    # A "#" inside quotes, or a line starting with "#" inside a text after "|", is text, and is read.
    summary = next(line for line in (root / UNIT_FILE).read_text(encoding="utf-8").split("\n")
                   if line.startswith("summary:"))
    edit_file(root, UNIT_FILE, summary, 'summary: "草莓之乡 # 白河镇"')
    assert [problem.format().split(" warning: ")[0] for problem in check(BuildOptions(root=root)).problems] == [
        f"{UNIT_FILE}:9:18:"]
    edit_file(root, UNIT_FILE, 'summary: "草莓之乡 # 白河镇"', "summary: |\n  草莓之乡\n  # 白河镇")
    assert [problem.format().split(" warning: ")[0] for problem in check(BuildOptions(root=root)).problems] == [
        f"{UNIT_FILE}:11:3:", f"{UNIT_FILE}:11:5:"]  # 11:3: the "#" line kept as text (its own warning)


def test_a_unit_name_typed_on_no_page_while_its_homophone_is_is_told_as_the_likely_slip(tmp_path: Path) -> None:
    # "sitegen new unit 金则镇" for 金泽镇: "write 金则镇" at every correct 金泽镇 would spread the slip.
    unit = "name: 金则镇\nlevel: town\n"
    page = interview("金泽镇：守护水乡古镇", extra="summary: 金泽镇今年收集问题清单240份。\n").replace(
        "unit: baihe", "unit: jin-ze-zhen")
    root = write_site(tmp_path / "site", {"content/units/jin-ze-zhen.yaml": unit,
                                          "content/interviews/jinze.md": page})
    hint = ("  hint: if the unit is 金泽镇, write name: 金泽镇 in content/units/jin-ze-zhen.yaml; if it is 金则镇, write "
            "金则镇 here; if 金泽镇 is right as typed (another place, or words that read alike), add the line "
            "not_misspellings: [金泽镇] to content/units/jin-ze-zhen.yaml")
    said = ('warning: "金泽镇" reads jin-ze-zhen, as the unit name 金则镇 does (同音), which no page types: one of the '
            "two may be a slip\n")
    assert [problem.format() for problem in check(BuildOptions(root=root)).problems] == [
        f"content/interviews/jinze.md:2:8: {said}{hint}",
        f"content/interviews/jinze.md:9:10: {said}{hint}",
        'content/units/jin-ze-zhen.yaml:1:7: warning: the unit\'s name "金则镇" is typed on no page, but "金泽镇", which '
        "reads jin-ze-zhen as it does (同音), is typed 2 times on its pages: the name here may be the slip\n"
        "  hint: if the unit is 金泽镇, write name: 金泽镇 here (the warnings at each 金泽镇 then stop); if 金则镇 is "
        "right, write 金则镇 where the pages mean it"]
    edit_file(root, "content/units/jin-ze-zhen.yaml", "name: 金则镇", "name: 金泽镇")
    assert check(BuildOptions(root=root)).problems == []
    # A name some page types is no suspect: the homophone elsewhere is told as the slip, as before.
    edit_file(root, "content/units/jin-ze-zhen.yaml", "name: 金泽镇", "name: 金则镇")
    edit_file(root, "content/interviews/jinze.md", "title: 金泽镇：", "title: 金则镇：")
    assert [problem.format().split(" warning: ")[1].split("\n")[0] for problem
            in check(BuildOptions(root=root)).problems] == [
        '"金泽镇" reads jin-ze-zhen, as the unit name 金则镇 does (同音): it may be 金则镇 typed with a pinyin input '
        "method that picked other characters"]


def test_pages_keep_their_spans_sorted_and_share_one_string_for_each(tmp_path: Path) -> None:
    # Kept as a frozenset of new strings, the spans held 5.3 KB a page: 53 MB at 10,000 pages, the whole build long.
    from sitegen.config import load_config
    from sitegen.errors import Report
    from sitegen.load import load_content
    body = "## 问题一\n\n在白河镇走访，又到百合镇座谈。\n"
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview("白鹤镇访谈甲", body=body),
                                          "content/interviews/b.md": interview("白鹤镇访谈乙", body=body)})
    report = Report()
    first, second = load_content(load_config(root, report), report).interviews
    assert first.name_spans == tuple(sorted(name_spans(first.front_matter, first.body)))
    assert "白河镇" in first.name_spans and first.name_spans == second.name_spans
    assert all(mine is theirs for mine, theirs in zip(first.name_spans, second.name_spans))

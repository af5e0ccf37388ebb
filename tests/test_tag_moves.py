"""A tag no page has any more is warned, as its page's address gets 404; ``renamed_tags:`` keeps the address."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen.build import BuildOptions, build, check

from .sitekit import MINIMAL_CONFIG, edit_file, interview, parse_html, text_of, write_site

FIRST = "content/interviews/caomei.md"
SECOND = "content/interviews/dapeng.md"
OLD_URL = "/tags/cao-mei-chan-ye/"


def _site(root: Path, config: str = MINIMAL_CONFIG) -> Path:
    return write_site(root, {
        FIRST: interview("草莓访谈", extra="tags: [大调研, 草莓产业]\n"),
        SECOND: interview("大棚访谈", date="2018-05-04 10:00", extra="tags: [草莓产业]\n")}, config=config)


def _built(root: Path, **options: object) -> list[str]:
    return [problem.format() for problem in build(BuildOptions(root=root, search=False, **options)).warnings]


def _checked(root: Path) -> list[str]:
    return [problem.format() for problem in check(BuildOptions(root=root)).problems]


def _rename(root: Path, old: str, new: str) -> None:
    for rel in (FIRST, SECOND):
        edit_file(root, rel, old, new)


RENAMED = (
    f"{FIRST}:9:1: warning: the tag \"草莓产业\", which this page and 1 other had in the last build, is on no page "
    f"now, so its page {OLD_URL} is no longer published: links to it will get 404 (page not found)\n"
    "  hint: if 草莓产业 was renamed to 草莓种植, add the line renamed_tags: {草莓产业: 草莓种植} to site.yaml so its "
    "old address leads to the page of 草莓种植; or write 草莓产业 back in the tags of a page to publish its page again")


def _follow(root: Path, warning: str) -> None:
    """Add to site.yaml the line the warning's hint gives, as typed."""
    line = re.search(r"add the line (.+) to site\.yaml", warning).group(1)
    with (root / "site.yaml").open("a", encoding="utf-8") as file:
        file.write(line + "\n")


def test_a_tag_renamed_on_every_page_is_warned_once_and_the_hint_s_line_keeps_its_address(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    assert _built(root) == []
    assert (root / "output/tags/cao-mei-chan-ye/index.html").is_file()
    _rename(root, "草莓产业", "草莓种植")
    assert _checked(root) == [RENAMED]  # check tells what the build will
    warnings = _built(root)
    assert warnings == [RENAMED]
    assert not (root / "output/tags/cao-mei-chan-ye").exists()
    assert _built(root) == []  # told once: the record no longer holds the tag
    _follow(root, warnings[0])
    assert (root / "site.yaml").read_text(encoding="utf-8").endswith("renamed_tags: {草莓产业: 草莓种植}\n")
    assert _checked(root) == []
    assert _built(root) == []
    page = parse_html(root / "output/tags/cao-mei-chan-ye/index.html")
    metas = {meta.get("http-equiv") or meta.get("name"): meta.get("content") for meta in page.iter("meta")}
    assert metas["refresh"] == "0; url=/tags/cao-mei-zhong-zhi/"
    assert metas["robots"] == "noindex"
    [link] = page.iter("a")
    assert (link.get("href"), text_of(link)) == ("/tags/cao-mei-zhong-zhi/", "标签：草莓种植")
    assert text_of(page.find(".//body")) == "本页已移至新地址：标签：草莓种植"
    assert OLD_URL not in (root / "output/sitemap.xml").read_text(encoding="utf-8")


def test_the_redirect_of_a_renamed_tag_leads_to_its_new_page_under_a_sub_path(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", MINIMAL_CONFIG + "renamed_tags: {旧草莓: 草莓产业}\n")
    assert _built(root, base_url="https://example.org/qingpu/diaoyan/") == []
    page = parse_html(root / "output/tags/jiu-cao-mei/index.html")
    metas = {meta.get("http-equiv") or meta.get("name"): meta.get("content") for meta in page.iter("meta")}
    assert metas["refresh"] == "0; url=/qingpu/diaoyan/tags/cao-mei-chan-ye/"
    [canonical] = [link.get("href") for link in page.iter("link") if link.get("rel") == "canonical"]
    assert canonical == "https://example.org/qingpu/diaoyan/tags/cao-mei-chan-ye/"
    assert [a.get("href") for a in page.iter("a")] == ["/qingpu/diaoyan/tags/cao-mei-chan-ye/"]
    assert "jiu-cao-mei" not in (root / "output/sitemap.xml").read_text(encoding="utf-8")


def test_a_tag_deleted_or_replaced_by_different_tags_is_offered_a_line_to_complete(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", MINIMAL_CONFIG + "renamed_tags:\n  旧草莓: 大调研\n")
    _built(root)
    edit_file(root, FIRST, "草莓产业", "草莓种植")
    edit_file(root, SECOND, "草莓产业", "大棚")
    assert _built(root) == [
        f"{FIRST}:9:1: warning: the tag \"草莓产业\", which this page and 1 other had in the last build, is on no "
        f"page now, so its page {OLD_URL} is no longer published: links to it will get 404 (page not found)\n"
        "  hint: if another tag replaced it, add 草莓产业: 新标签 under renamed_tags: in site.yaml (新标签: that tag) "
        "so its old address leads to that tag's page; or write 草莓产业 back in the tags of a page to publish its page "
        "again"]


def test_a_tag_kept_by_renamed_tags_is_warned_at_site_yaml_once_the_line_is_deleted(tmp_path: Path) -> None:
    root = _site(tmp_path / "site", MINIMAL_CONFIG + "renamed_tags: {旧草莓: 草莓产业}\n")
    _built(root)
    (root / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    assert _built(root) == [
        "site.yaml: warning: the tag \"旧草莓\" is on no page now, so its page /tags/jiu-cao-mei/ is no longer "
        "published: links to it will get 404 (page not found)\n"
        "  hint: if another tag replaced it, add the line renamed_tags: {旧草莓: 新标签} to site.yaml (新标签: that "
        "tag) so its old address leads to that tag's page; or write 旧草莓 back in the tags of a page to publish its "
        "page again"]


def test_a_tag_written_another_way_keeps_its_page_and_is_not_warned(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {FIRST: interview(extra="tags: [R&D]\n")})
    _built(root)
    edit_file(root, FIRST, "R&D", "r&d")
    assert _built(root) == []


def test_a_tag_on_some_pages_still_is_not_warned(tmp_path: Path) -> None:
    root = _site(tmp_path / "site")
    _built(root)
    edit_file(root, FIRST, "草莓产业", "草莓种植")
    assert _built(root) == []


def test_renamed_tags_is_checked_against_the_pages(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG + "renamed_tags:\n  草莓产业: 草莓种植\n  旧标签: 草莓种\n  民声: 大调研\n"
    root = write_site(tmp_path / "site", {
        FIRST: interview("草莓访谈", extra="tags: [大调研, 草莓产业, 草莓种植]\n"),
        SECOND: interview("大棚访谈", date="2018-05-04 10:00", extra="tags: [民生, 草莓产业]\n")}, config=config)
    assert _checked(root) == [
        "site.yaml:4:3: error: renamed_tags: the tag 草莓产业 is still on 2 pages (content/interviews/caomei.md:9), "
        "so its own page is at /tags/cao-mei-chan-ye/, which cannot lead to the page of 草莓种植 too\n"
        "  hint: write 草莓种植 in place of 草莓产业 in the tags: of those pages, or delete the line 草莓产业: 草莓种植 "
        "from renamed_tags: to keep the tag",
        "site.yaml:5:3: error: renamed_tags: no published page has the tag 草莓种, so the old address of 旧标签 would "
        "lead to no page\n  hint: write the tag as the pages have it: 旧标签: 草莓种植",
        "site.yaml:6:3: error: renamed_tags: the old address of the tag 民声, /tags/min-sheng/, is taken by the page "
        "/tags/min-sheng/ (标签：民生)\n  hint: delete the line 民声: 大调研: the address leads to that page now"]


def test_renamed_tags_in_a_chain_or_a_circle_or_typed_as_a_list_are_errors(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG + "renamed_tags:\n  甲: 乙\n  乙: 丙\n  丙: 大调研\n  丁: 戊\n  戊: 丁\n"
    root = write_site(tmp_path / "site", {FIRST: interview(extra="tags: [大调研]\n")}, config=config)
    assert _checked(root) == [
        "site.yaml:4:3: error: renamed_tags: 甲 is renamed to 乙, which is renamed too (to 丙), and on to 大调研: an old "
        "tag's address leads to the page of a tag the pages have, not to another old address\n"
        "  hint: rename 甲 to the last tag: 甲: 大调研",
        "site.yaml:5:3: error: renamed_tags: 乙 is renamed to 丙, which is renamed too (to 大调研): an old tag's "
        "address leads to the page of a tag the pages have, not to another old address\n"
        "  hint: rename 乙 to the last tag: 乙: 大调研",
        "site.yaml:7:3: error: renamed_tags: the tags 丁 → 戊 → 丁 are renamed in a circle, so no tag's page is at the "
        "end of it\n  hint: keep the line of each tag no page has any more, with the tag the pages have now after its "
        "colon, and delete the line of that tag"]
    (root / "site.yaml").write_text(MINIMAL_CONFIG + "renamed_tags: [草莓产业, 草莓种植]\n", encoding="utf-8")
    assert _checked(root)[:1] == [
        "site.yaml:3:15: error: renamed_tags: is typed as a list, but it pairs each old tag with the tag that replaces "
        "it\n  hint: write the old tag, a colon and the new tag: renamed_tags: {草莓产业: 草莓种植}"]


def test_a_tag_gone_with_every_page_that_had_it_is_told_by_the_pages_alone(tmp_path: Path) -> None:
    # Deleting a page, or making it a draft, took its only tag's page off too, and a second warning at
    # site.yaml told that of the same act; each page's own warning tells it, and putting it back brings both.
    root = _site(tmp_path / "site")
    assert _built(root) == []
    (root / SECOND).unlink()
    edit_file(root, FIRST, "date:", "draft: true\ndate:")
    told = _checked(root)
    assert [line.split(": warning: ")[0] for line in told if ": warning: " in line] == [FIRST + ":8:8", SECOND]
    # The deleted page's warning named its own address alone: the tag page gone with it went unsaid.
    assert [line.split("\n")[0] for line in told if "草莓产业" in line or "大调研" in line] == [
        f'{SECOND}: warning: this file is gone since the last build, so its page "大棚访谈" at /interviews/dapeng/ '
        f"is no longer published, nor is the page of its tag 草莓产业 ({OLD_URL}), on no page now: links to them "
        "will get 404 (page not found)"]
    assert _built(root) == [line for line in told if ": warning: " in line]


def test_a_deleted_page_s_warning_names_the_pages_of_its_tags_no_page_has_now(tmp_path: Path) -> None:
    # Deleting the one page tagged 停车 took /tags/ting-che/ down too, and only the page's own 404 was told.
    parking = "content/interviews/tingche.md"
    root = write_site(tmp_path / "site", {
        FIRST: interview("草莓访谈", extra="tags: [大调研, 草莓产业]\n"),
        parking: interview("停车访谈", date="2018-05-04 10:00", extra="tags: [停车, 大调研, 养老]\n")})
    assert _built(root) == []
    assert (root / "output/tags/ting-che/index.html").is_file()
    (root / parking).unlink()
    assert [line.split("\n")[0] for line in _built(root)] == [
        f'{parking}: warning: this file is gone since the last build, so its page "停车访谈" at /interviews/tingche/ '
        "is no longer published, nor are the pages of its tags 停车 (/tags/ting-che/) and 养老 (/tags/yang-lao/), "
        "on no page now: links to them will get 404 (page not found)"]
    assert not (root / "output/tags/ting-che").exists()
    assert (root / "output/tags/da-diao-yan/index.html").is_file()  # still on a page: not named

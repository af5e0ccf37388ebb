"""``renamed_tags:`` in site.yaml keeps the address of a tag no page has any more."""

from __future__ import annotations

from pathlib import Path

from sitegen.build import BuildOptions, build, check

from .sitekit import MINIMAL_CONFIG, interview, parse_html, write_site

FIRST = "content/interviews/caomei.md"
SECOND = "content/interviews/dapeng.md"


def _site(root: Path, config: str = MINIMAL_CONFIG) -> Path:
    return write_site(root, {
        FIRST: interview("草莓访谈", extra="tags: [大调研, 草莓产业]\n"),
        SECOND: interview("大棚访谈", date="2018-05-04 10:00", extra="tags: [草莓产业]\n")}, config=config)


def _built(root: Path, **options: object) -> list[str]:
    return [problem.format() for problem in build(BuildOptions(root=root, search=False, **options)).warnings]


def _checked(root: Path) -> list[str]:
    return [problem.format() for problem in check(BuildOptions(root=root)).problems]



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

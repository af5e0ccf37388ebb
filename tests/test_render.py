"""The rendering environment writes what plain Jinja with autoescaping writes, and its filters remember safely."""

from __future__ import annotations

import enum
import re
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import jinja2
import markupsafe
import pytest

from sitegen.build import BuildOptions, build
from sitegen.config import load_config
from sitegen.errors import Report, SiteError
from sitegen.models import DayOnly
from sitegen.render import NotADate, escape_output, fingerprinted_name, make_environment, theme_asset_copies

from .sitekit import MINIMAL_CONFIG, interview, tree_hashes, write_site


class _Colour(enum.Enum):
    RED = "<红>"


class _Html:
    def __html__(self) -> str:
        return "<b>粗</b>"


@pytest.mark.parametrize("value", [
    "", "白鹤镇", "<a href='x'>\"&\"</a>", markupsafe.Markup("<em>已转义</em>"), 0, 42, -7, True, 1.5,
    None, _Colour.RED, _Html(), date(2018, 4, 26), ["<", 1],
])
def test_escape_output_writes_what_markupsafe_escape_writes(value: object) -> None:
    assert escape_output(value) == str(markupsafe.escape(value))


def test_escape_output_fails_on_an_undefined_value_as_escape_does() -> None:
    with pytest.raises(jinja2.UndefinedError):
        escape_output(jinja2.StrictUndefined(name="missing"))


TEMPLATE = """{% macro item(text) %}<li title="{{ text }}">{{ text }}</li>{% endmacro %}
<p>{{ plain }} {{ safe }} {{ number }} {{ flag }} {{ html_object }}</p>
<ul>{% for text in texts %}{{ item(text) }}{% endfor %}</ul>
{% set block %}<i>{{ plain }}</i>{% endset %}{{ block }}
{% autoescape false %}{{ plain }}{% endautoescape %}
{% autoescape switch %}{{ plain }}{% endautoescape %}
{% filter upper %}{{ plain }}{% endfilter %}
{{ plain ~ safe }} {{ [plain, number]|join(", ") }} {{ safe|e }} {{ plain|safe }}
"""


@pytest.mark.parametrize("switch", [True, False])
def test_templates_render_as_plain_jinja_renders_them(tmp_path: Path, switch: bool) -> None:
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                               lstrip_blocks=True, keep_trailing_newline=True)
    values = dict(plain="<白鹤 & '徐泾'>", safe=markupsafe.Markup("<b>安全</b>"), number=7, flag=False,
                  html_object=_Html(), texts=["a<b", markupsafe.Markup("<i>c</i>")], switch=switch)
    assert env.from_string(TEMPLATE).render(values) == plain.from_string(TEMPLATE).render(values)
    assert "&lt;白鹤 &amp; &#39;徐泾&#39;&gt;" in env.from_string(TEMPLATE).render(values)


def test_date_filters_remember_dates_but_tell_equal_aware_times_apart(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG + "time_zone: Asia/Shanghai\n", encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    template = env.from_string("{{ moment|datetime }} {{ moment|iso }}")
    beijing = datetime(2018, 5, 3, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    utc = beijing.astimezone(timezone.utc)
    assert beijing == utc
    assert template.render(moment=datetime(2018, 5, 3, 10, 0)) == "2018年5月3日 10:00 2018-05-03T10:00+08:00"
    assert template.render(moment=datetime(2018, 5, 3, 10, 0)) == "2018年5月3日 10:00 2018-05-03T10:00+08:00"
    assert template.render(moment=beijing) == "2018年5月3日 10:00 2018-05-03T10:00+08:00"
    assert template.render(moment=utc) == "2018年5月3日 02:00 2018-05-03T02:00+08:00"
    assert env.from_string("{{ day|iso }} {{ day|cn_date }}").render(day=date(2018, 4, 26)) == "2018-04-26 2018年4月26日"


def test_publish_times_read_as_the_dates_of_the_page_text(tmp_path: Path) -> None:
    # Pages showed "2018-05-03 10:00" under a title and "截至2018年4月26日" in the text below it.
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    shown = env.from_string("{{ moment|datetime }}|{{ moment|datetime_html }}")
    assert shown.render(moment=datetime(2018, 5, 3, 10, 0)) == (
        '2018年5月3日 10:00|<span class="unbroken">2018年</span><span class="unbroken">5月3日</span> 10:00')
    # Typed as a date alone: no "00:00" nobody typed.
    assert shown.render(moment=DayOnly(2018, 5, 3)) == (
        '2018年5月3日|<span class="unbroken">2018年</span><span class="unbroken">5月3日</span>')
    assert shown.render(moment="2024-06-18 14:30").startswith("2024年6月18日 14:30|")
    assert shown.render(moment=date(2024, 4, 1)).startswith("2024年4月1日|")


def test_a_chart_table_shows_its_dates_as_the_text_does(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    cell = env.from_string('{% from "partials/chart.html" import date_or_text %}{{ date_or_text(text) }}')
    assert cell.render(text="2018-04-26") == (
        '<time datetime="2018-04-26"><span class="unbroken">2018年</span><span class="unbroken">4月26日</span></time>')
    assert cell.render(text="296") == "296"

def test_cn_date_html_lets_a_date_break_after_its_year_alone(tmp_path: Path) -> None:
    # A line may break between a digit and a Chinese character: on a phone with the text enlarged the theme's
    # "截至 2018年4月26日" read "2018年4月26" / "日". Each part is kept whole; a date typed as text is read too.
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    template = env.from_string("<p>截至{{ day|cn_date_html }}</p>")
    shown = '<p>截至<span class="unbroken">2018年</span><span class="unbroken">4月26日</span></p>'
    assert template.render(day=date(2018, 4, 26)) == shown
    assert template.render(day="2018/4/26") == shown


@pytest.mark.parametrize(("text", "shown"), [
    ("2024-03-01", "2024-03-01 2024年3月1日"), ("2024年4月1日", "2024-04-01 2024年4月1日"),
    ("２０２４／４／８", "2024-04-08 2024年4月8日"), ("2024-06-18 14:30", "2024-06-18T14:30+08:00 2024年6月18日"),
    ("2024年6月18日 8:05", "2024-06-18T08:05+08:00 2024年6月18日"),
])
def test_iso_and_cn_date_read_a_date_typed_as_text_as_a_date_field_does(tmp_path: Path, text: str,
                                                                      shown: str) -> None:
    # Values of data/ files stay text: iso failed on them ("no attribute 'isoformat'") where cn_date read them.
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG + "time_zone: Asia/Shanghai\n", encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    assert env.from_string("{{ day|iso }} {{ day|cn_date }}").render(day=text) == shown


@pytest.mark.parametrize(("text", "message"), [
    ("2024-4-31", '"2024-4-31" does not exist (there is no day 31 in month 4 of 2024)'),
    ("下周三", '"下周三" is not a date sitegen understands'),
])
def test_iso_and_cn_date_refuse_text_that_is_no_date_with_the_date_fields_words(tmp_path: Path, text: str,
                                                                               message: str) -> None:
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    for template in ("{{ day|iso }}", "{{ day|cn_date }}"):
        with pytest.raises(NotADate) as refused:
            env.from_string(template).render(day=text)
        assert (str(refused.value), refused.value.text) == (message, text)


def test_a_templates_own_globals_stay_its_own(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    env = make_environment(load_config(tmp_path, Report()))
    first = env.from_string("{{ status_labels is mapping }} {{ extra }}", globals={"extra": "仅此模板"})
    second = env.from_string("{{ extra is defined }}")
    assert first.render() == "True 仅此模板"
    assert second.render() == "False"
    assert "extra" not in env.globals


def test_a_template_parsed_for_its_analysis_is_compiled_from_that_tree_to_the_same_code(tmp_path: Path,
                                                                                         monkeypatch) -> None:
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    parsed: list[str | None] = []
    parse = jinja2.parser.Parser.parse
    monkeypatch.setattr(jinja2.parser.Parser, "parse", lambda self: parsed.append(self.name) or parse(self))
    env = make_environment(load_config(tmp_path, Report()))
    source, _, _ = env.loader.get_source(env, "interview.html")
    assert env.compile(env.parse(source), "interview.html", raw=True) == \
        make_environment(load_config(tmp_path, Report())).compile(source, "interview.html", raw=True)
    env.parse(source, "interview.html")
    parsed.clear()
    env.get_template("interview.html")
    assert parsed == []  # compiled from the tree its analysis parsed
    env.get_template("case.html")
    assert parsed == ["case.html"]  # a template not analysed is parsed to be compiled


def test_compiled_templates_removed_while_rendering_are_compiled_again_not_an_error(tmp_path: Path) -> None:
    # sitegen build --clean beside a running sitegen serve removed the cache folder mid-build: every page
    # of the preview was "templates/home.html:1: error: … FileNotFoundError … .sitegen-cache/jinja/…tmp".
    (tmp_path / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    cache = tmp_path / ".sitegen-cache"
    env = make_environment(load_config(tmp_path, Report()), cache, "code")
    assert (cache / "jinja" / "code").is_dir()
    shutil.rmtree(cache)
    assert env.get_template("redirect.html") is not None
    again = make_environment(load_config(tmp_path, Report()), cache, "code")
    assert again.get_template("redirect.html") is not None
    assert len(list((cache / "jinja" / "code").iterdir())) == 1  # written for the next build once it can be


@pytest.mark.parametrize(("path", "content", "copy"), [
    # The digests are b2sum's: printf 'body{}' | b2sum -l 40 gives 5b2112fbc5.
    ("assets/site.css", b"body{}", "assets/site.5b2112fbc5.css"),
    ("assets/vendor/chart.min.js", b"body{}", "assets/vendor/chart.min.5b2112fbc5.js"),
    ("assets/LICENSE", b"", "assets/LICENSE.7d64c5272e"),
    ("favicon.svg", b"", "favicon.7d64c5272e.svg"),
])
def test_a_fingerprinted_name_holds_the_digest_of_the_content_before_the_ending(path: str, content: bytes,
                                                                                 copy: str) -> None:
    assert fingerprinted_name(path, content) == copy


def test_a_fingerprint_of_decimal_digits_alone_gets_a_letter_so_the_server_settings_keep_it_a_year() -> None:
    # site.css's digest came out 1986405691: the README's nginx settings tell a fingerprint from a date in a file's
    # name (tongzhi.2018050301.pdf) by a letter in it, so browsers were told to ask for the stylesheet every time.
    # printf 'body{103}' | b2sum -l 40 gives 8235426661; its first digit, 8, becomes "abcdef"[8 % 6].
    assert fingerprinted_name("assets/site.css", b"body{103}") == "assets/site.c235426661.css"
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    kept = re.search(r'location ~ "(/assets/[^"|]+)\|', readme).group(1)
    for content in (b"body{103}", b"body{}", *(b"a%d" % n for n in range(400))):
        name = fingerprinted_name("assets/site.css", content)
        assert re.search(kept, "/" + name), name
    assert not re.search(kept, "/assets/tongzhi.2018050301.pdf")


def test_pages_link_the_copies_of_the_sites_own_theme_files_and_follow_an_edit_as_a_clean_build(
        tmp_path: Path) -> None:
    # Named by its content, a stylesheet may be kept a year by browsers: an edit must give every page
    # the new name, at once, in an incremental build as in a clean one.
    css = b"body { color: #222; }\n"
    layout = ('{% extends "base.html" %}{% block main %}<link rel="stylesheet" '
              'href="{{ \'/assets/extra/print.css\'|url }}"><a href="{{ \'/assets/notes.txt\'|url }}">注</a>'
              '{% endblock %}')
    root = write_site(tmp_path / "site", {
        "content/interviews/a.md": interview(), "templates/assets/site.css": css,
        "templates/assets/extra/print.css": b"@media print { nav { display: none; } }\n",
        "templates/assets/notes.txt": "说明\n", "templates/interview.html": layout})
    build(BuildOptions(root=root, search=False, base_url="https://example.org/sub/"))
    output = root / "output"
    copies = theme_asset_copies(load_config(root, Report()))
    assert copies == {
        "assets/site.css": fingerprinted_name("assets/site.css", css),
        "assets/extra/print.css": "assets/extra/print.0c66294284.css",
        "assets/notes.txt": "assets/notes.c667063571.txt",
        "assets/favicon.svg": fingerprinted_name("assets/favicon.svg", (output / "assets/favicon.svg").read_bytes()),
        "assets/reading-mode.js": fingerprinted_name("assets/reading-mode.js",
                                                     (output / "assets/reading-mode.js").read_bytes())}
    for path, copy in copies.items():
        assert (output / copy).read_bytes() == (output / path).read_bytes(), copy
    page = (output / "interviews/a/index.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="(/sub/assets/[^"]+)"', page)
    assert links == ["/sub/" + copies[path] for path in (
        "assets/site.css", "assets/favicon.svg", "assets/reading-mode.js", "assets/extra/print.css",
        "assets/notes.txt")]
    (root / "templates/assets/extra/print.css").write_bytes(b"@media print { header { display: none; } }\n")
    again = build(BuildOptions(root=root, search=False, base_url="https://example.org/sub/"))
    moved = "assets/extra/print.1c20511ddc.css"
    assert (output / moved).is_file() and not (output / copies["assets/extra/print.css"]).exists()
    assert f'href="/sub/{moved}"' in (output / "interviews/a/index.html").read_text(encoding="utf-8")
    assert again.removed_paths == (copies["assets/extra/print.css"],)
    incremental = tree_hashes(output)
    build(BuildOptions(root=root, search=False, base_url="https://example.org/sub/", clean=True))
    assert tree_hashes(output) == incremental


@pytest.mark.parametrize(("typed", "owner", "meant"), [
    ("config.titel", "config (the settings of site.yaml)", "title"),
    ("page.titel", "this Page", "title"),
    ("site.links.unit", "this SiteLinks", "units"),
])
def test_a_name_an_object_lacks_is_told_with_the_names_it_has(tmp_path: Path, typed: str, owner: str,
                                                               meant: str) -> None:
    # Jinja's words were Python's: "'sitegen.config.Config object' has no attribute 'titel'".
    layout = '{% extends "base.html" %}{% block main %}\n<p>{{ ' + typed + ' }}</p>{% endblock %}\n'
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), "templates/interview.html": layout})
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    [problem] = failure.value.problems
    wrong = typed.rsplit(".", 1)[1]
    assert (problem.path, problem.line) == ("templates/interview.html", 2)
    assert problem.message.startswith(f'while rendering /interviews/a/: {owner} has no "{wrong}"; it has ')
    names = problem.message.split("; it has ", 1)[1].split(", ")
    assert meant in names and names == sorted(names) and not any(n.startswith(("_", "model_")) for n in names)
    assert problem.hint == f'did you mean "{meant}"? Correct the name in the template at that line'


@pytest.mark.parametrize(("typed", "meant"), [
    ("{{ pag.title }}", "page"),  # a name sitegen gives every layout
    ("{% set shown = page.title %}{{ shwn }}", "shown"),  # one the template set
    ("{% for entry in site.interviews %}{{ entri.url }}{% endfor %}", "entry"),  # one it loops over
    ("{{ level_label }}", "level_labels"),  # a global of the theme
])
def test_a_name_nothing_defined_is_told_with_the_names_there_are(tmp_path: Path, typed: str, meant: str) -> None:
    # Jinja's words were "'pag' is undefined", with the general hint to check the names.
    layout = '{% extends "base.html" %}{% block main %}\n<p>' + typed + '</p>{% endblock %}\n'
    root = write_site(tmp_path / "site", {"content/interviews/a.md": interview(), "templates/interview.html": layout})
    with pytest.raises(SiteError) as failure:
        build(BuildOptions(root=root, search=False))
    [problem] = failure.value.problems
    wrong = re.search(r"(\w+)(?:\.\w+)? \}\}", typed).group(1)
    assert (problem.path, problem.line) == ("templates/interview.html", 2)
    lead = f'while rendering /interviews/a/: the name "{wrong}" is not defined here; the names a template can use here are '
    assert problem.message.startswith(lead)
    names = problem.message.removeprefix(lead).removesuffix(" …").split(", ")
    assert names == sorted(names) and {"config", "page", "site"} <= set(names)
    assert not {"range", "dict", "lipsum", "self", wrong} & set(names)  # Jinja's own, and the name itself
    assert problem.hint == f'did you mean "{meant}"? Correct the name in the template at that line'

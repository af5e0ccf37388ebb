"""What a theme's templates must keep for readers who listen or use a keyboard: checked in their text.

The default theme meets WCAG 2.2 AA, and a site's own template can undo it
without a sign: ``<html>`` without its ``lang`` (a screen reader then reads
Chinese with the voice of the reader's own setting, 3.1.1), a picture
without ``alt`` (it reads out the file's name, 1.1.1), the link that skips
the menu deleted, or pointing at an id no template writes (2.4.1). These
are found in the templates' text, with their line and column, so `sitegen
check` says them as a build does; a warning each, since a template may
write them in ways text alone cannot show (an attribute from a variable).

May import: lazyre, errors, markup, themefiles.
"""

from __future__ import annotations

import re
from typing import Mapping

from .errors import Report
from .lazyre import compile_later
from .markup import place_in_block
from .themefiles import blanked

# What a page does not show as markup: template comments, and the text of scripts and style sheets.
_HIDDEN_RE = compile_later(r"\{#.*?#\}|(?<=<script)[^>]*>.*?(?=</script)|(?<=<style)[^>]*>.*?(?=</style)",
                           re.DOTALL | re.IGNORECASE)
_HTML_TAG_RE = compile_later(r"<html\b[^>]*>", re.IGNORECASE)
_IMG_TAG_RE = compile_later(r"<img\b(?:[^>{]|\{\{.*?\}\}|\{%.*?%\})*>", re.IGNORECASE | re.DOTALL)
_LANG_RE = compile_later(r"""\blang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_ALT_RE = compile_later(r"\balt\s*=|\baria-hidden\s*=\s*[\"']?true|\brole\s*=\s*[\"']?(?:presentation|none)\b",
                        re.IGNORECASE)
_FRAGMENT_LINK_RE = compile_later(r"""\bhref\s*=\s*(["'])#([^"'{}\s]+)\1""", re.IGNORECASE)
_TEMPLATE_CODE_RE = compile_later(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_ID_RE = compile_later(r"""(?<![\w.-])id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def check_template_access(templates: Mapping[str, str], language: str, report: Report) -> None:
    """Warn where the used templates lose a page's language, a picture's text or the way past the menu.

    Takes ``{template name: text}`` (`sitegen.themefiles.read_templates`)
    and the site's language (``zh-CN``). Warns, at ``templates/<name>`` with
    line and column: an ``<html>`` without ``lang``, or with a typed one
    other than the site's; an ``<img>`` without ``alt`` (nor
    ``aria-hidden="true"`` or ``role="presentation"``), unless template code
    writes part of its attributes; a ``href="#x"`` when no template writes
    ``id="x"`` (ids made of template values count as any); and, once, a
    template with the page's ``<body>`` and a ``<nav>`` menu but no link to
    a place in the page (the skip link, 跳到正文). Raises nothing.
    """
    visible = {name: blanked(_HIDDEN_RE, text) for name, text in templates.items()}
    ids = {next(value for value in found.groups() if value is not None)
           for text in visible.values() for found in _ID_RE.finditer(text)}
    # An id made of template values ("chart-{{ n }}") may be anything where its values stand.
    made = [re.compile(".*".join(re.escape(part) for part in _TEMPLATE_CODE_RE.split(value)), re.DOTALL)
            for value in ids if "{" in value]
    for name, text in sorted(visible.items()):
        where = f"templates/{name}"
        for tag in _HTML_TAG_RE.finditer(text):
            lang = _LANG_RE.search(tag.group())
            typed = next((value for value in lang.groups() if value is not None), "") if lang else None
            if typed is None or not typed.strip():
                report.warning(where, *place_in_block(1, text, tag.start()),
                               "the page's <html> has no lang (页面语言): screen readers read its Chinese with the "
                               "voice of the reader's own setting, often an English one",
                               'write <html lang="{{ config.language }}">, the language site.yaml gives')
            elif "{" not in typed and typed.casefold() != language.casefold():
                report.warning(where, *place_in_block(1, text, tag.start() + lang.start()),
                               f'the page says its language is "{typed}", while site.yaml says {language} '
                               "(页面语言): screen readers read it with that language's voice",
                               'write lang="{{ config.language }}"')
        for tag in _IMG_TAG_RE.finditer(text):
            if not _ALT_RE.search(tag.group()) and "{%" not in tag.group():
                report.warning(where, *place_in_block(1, text, tag.start()),
                               "this picture has no alt (替代文字): a screen reader reads out its file's name",
                               'write what it shows in alt="…", or alt="" when it only decorates')
        for link in _FRAGMENT_LINK_RE.finditer(text):
            target = link.group(2)
            if target not in ids and not any(pattern.fullmatch(target) for pattern in made):
                report.warning(where, *place_in_block(1, text, link.start()),
                               f'this link leads to "#{target}", but no template writes id="{target}": it goes '
                               "nowhere", f'give the element it should reach id="{target}", or correct the link')
        if "<body" in text.lower() and "<nav" in text.lower() and not _FRAGMENT_LINK_RE.search(text):
            report.warning(where, *place_in_block(1, text, text.lower().index("<body")),
                           "the page has a menu (<nav>) but no link to skip it (跳到正文): keyboard users go "
                           "through the whole menu on every page (WCAG 2.4.1)",
                           'write <a class="skip-link" href="#main">跳到正文</a> first in <body>, and give '
                           '<main> id="main"')

"""Integrity rules over a page's own fields: tags given twice, an interview whose page shows no text, a
source's web address typed in its publisher, and two pages with one title.

Job: `check_repeated_tags`, `check_text_shows`, `check_source_publisher` and
`check_page_titles`, run by `sitegen.checks.check_content`.

May import: errors, load (record types only), models, validation (and the standard library).
"""

from __future__ import annotations

from .errors import Report
from .load import Content, Document
from .models import clip, named_address, plain_name, tag_spelling
from .validation import field_name


def check_repeated_tags(document: Document, report: Report) -> None:
    """Warn at a tag a page gives twice (大调研 and 大调研, or R&D and ｒ＆ｄ): the page would list it twice.

    Takes a loaded interview or case study (drafts too: the warning should come before they are
    published) and the report. Tags are compared as one term of the site's taxonomy
    (`sitegen.models.tag_spelling`). Raises nothing.
    """
    seen: dict[str, int] = {}
    for index, name in enumerate(document.meta.tags):
        first = seen.setdefault(tag_spelling(name), index)
        if first != index:
            earlier = document.meta.tags[first]
            line, column = document.yaml.locate(("tags", index))
            again = "again" if earlier == name else f'again (as "{earlier}" before)'
            report.warning(document.path, line, column, f'the tag "{name}" is given {again}, so the page would '
                           "list it twice", f'delete the second "{name}" from tags')


def check_text_shows(document: Document, report: Report) -> None:
    """Warn when an interview's page would show no text: its body shows no word and no picture.

    Takes a loaded interview (its converted body's count and pictures) and
    the report. The body is blank, or written but all hidden, most often
    inside an HTML comment (``<!-- … -->``, never published; the warning is
    then at the comment). Drafts are not warned about. Raises nothing.
    """
    if document.meta.draft or document.rendered.word_count or document.rendered.images:
        return  # most pages: an int and a tuple looked at, the body text never copied
    body = document.body
    comment = body.find("<!--")
    if not body.strip():
        report.warning(document.path, document.body_line, None, "the interview has no text below its front matter, "
                       "so its page shows only the title and facts", _NO_TEXT_HINT)
        return
    if comment < 0:
        report.warning(document.path, document.body_line, None, "the interview's text shows no words on its page, "
                       "so its page shows only the title and facts", _NO_TEXT_HINT)
        return
    line = document.body_line + body.count("\n", 0, comment)
    column = comment - (body.rfind("\n", 0, comment) + 1) + 1
    report.warning(document.path, line, column,
                   "the interview's text is all inside an HTML comment (<!-- … -->), which is never shown, so "
                   "its page shows only the title and facts",
                   'move the text out of "<!--" … "-->", or add "draft: true" until it is ready (草稿)')


_NO_TEXT_HINT = 'write the interview under the closing "---" line, or add "draft: true" until it is ready (草稿)'


def check_source_publisher(document: Document, report: Report) -> None:
    """Warn when the publisher of a page's source holds the source's web address (``publisher: 上海热线新闻网
    http://…``): the page shows it as part of the name, not as a link, and its data names it as the author.

    Takes a loaded interview or case study and the report. The hint gives
    the name alone and, unless ``url:`` gives that address already, the
    address as ``url:``. Raises nothing.
    """
    source = document.meta.source
    split = named_address(source.publisher) if source is not None else None
    if source is None or split is None:
        return
    name, address = split
    line, column = document.yaml.locate(("source", "publisher"))
    message = (f'{field_name(("source", "publisher"))}: "{clip(source.publisher)}" holds the web address of the '
               f"source, so the page shows it as {'part of ' * bool(name)}the publisher's name, not as a link")
    publisher = f'"  publisher: {name or "…"}"'
    deleted = ("delete the address from the publisher's name" if name
               else "write the publisher's name (发布机构) in place of the address")
    if source.url == address:
        hint = f"{deleted}, as url: gives it: {publisher}"
    elif source.url:
        hint = (f"{deleted}: {publisher}; if it is the source's address, not the one url: gives, write it after "
                f'url: in its place: "  url: {address}"')
    else:
        said = "the name alone after publisher:" if name else "the publisher's name (发布机构) in place of the …"
        hint = f'write {said}, and the address on a line of its own below it: {publisher}, then "  url: {address}"'
    report.warning(document.path, line, column, message, hint)


def check_page_titles(content: Content, report: Report) -> None:
    """Warn when two interviews (or two case studies) have one title: readers cannot tell them apart.

    Most often one file is a copy of the other (白鹤镇访谈 - 副本.md, or a
    file renamed by copying) with a slug of its own, so the same interview
    is published twice. Titles are compared as readers see them (as unit
    names are); drafts are left out, since they are not published. The
    warning is at the ``title`` of each file after the first, in the order
    of their paths; when the two are typed differently, it quotes both.
    """
    for documents in (content.interviews, content.cases):
        first: dict[str, Document] = {}
        for document in sorted(documents, key=lambda d: d.path):
            if document.meta.draft:
                continue
            earlier = first.setdefault(plain_name(document.meta.title), document)
            if earlier is document or earlier.slug == document.slug:
                continue  # one URL for both is an error already (`sitegen.load.check_page_urls`)
            kind = "interview" if document.collection == "interviews" else "case study"
            # Typed otherwise (an ASCII colon for "：", a space more), the other's title is quoted too: the editor
            # looking at the two files sees two spellings, and is told they read as one.
            same = (f'the same title "{document.meta.title}"' if earlier.meta.title == document.meta.title else
                    f'the title "{earlier.meta.title}", which reads as this one, "{document.meta.title}"')
            report.warning(document.path, *document.yaml.locate(("title",)),
                           f'another {kind} has {same}: {earlier.path}',
                           "if one file is a copy (副本) of the other, delete it or move it out of content/; if both "
                           "are meant, give each its own title so that readers can tell them apart")

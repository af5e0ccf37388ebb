"""What a layout writes that no page shows: blocks its parents lack, text outside blocks, a page with no ``<html>``.

Jinja renders a template that extends another by rendering the parent and
filling the parent's blocks with the child's. What the child puts anywhere
else is dropped without a word: a block the parents do not have (a typo,
``{% block mian %}``, or a site's ``base.html`` whose ``main`` was renamed:
then every page shows an empty ``<main>``), and text or values outside any
block. A layout of the default theme that a site copies and loses its
``{% extends "base.html" %}`` makes pages with no ``<html>``, ``<head>``,
stylesheet, menu or ``lang``. Each of these is found here in the parsed
templates, so `sitegen check` tells it as a build does. What a block or
text holds would be published missing: an error, which stops both. A page
with no ``<html>`` still shows all its layout writes: a warning.

May import: lazyre, errors (and jinja2's node classes).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Collection, Mapping

from jinja2 import nodes

from .errors import Report, and_joined
from .lazyre import compile_later

# The nodes a template that extends another may have at its top without losing anything: the ones that define
# (macros, imports, sets, blocks) rather than write.
_DEFINING = (nodes.Extends, nodes.Block, nodes.Macro, nodes.Import, nodes.FromImport, nodes.Assign,
             nodes.AssignBlock)
_HTML_START_RE = compile_later(r"<html\b", re.IGNORECASE)
_BLOCK_NAMES_SHOWN = 8


@dataclass(frozen=True)
class ThemeTemplates:
    """The templates a build uses, as `block_problems` reads them.

    ``trees``: ``{name: parsed template}`` of every template that parsed;
    ``texts``: ``{name: text}``; ``own``: the names taken from the site's
    own ``templates/`` (the others are the default theme's); ``layouts``:
    the names the default theme makes whole pages with (its templates that
    extend another), whose site copies must still make a whole page;
    ``default_blocks``: ``{name: {block: line}}`` of the default theme's
    version of each name the site overrides, for the hint that tells where
    a lost block was.
    """

    trees: Mapping[str, nodes.Template]
    texts: Mapping[str, str]
    own: Collection[str]
    layouts: Collection[str]
    default_blocks: Mapping[str, Mapping[str, int]]


def extends_tag(tree: nodes.Template) -> nodes.Extends | None:
    """The ``{% extends %}`` of a parsed template (the first, should it have more), or None when it extends none."""
    return next(iter(tree.find_all(nodes.Extends)), None)


def block_lines(tree: nodes.Template) -> dict[str, int]:
    """``{block name: line}`` of every block a parsed template defines, at any depth, in the order written."""
    return {block.name: block.lineno for block in tree.find_all(nodes.Block)}


def block_problems(theme: ThemeTemplates, report: Report) -> None:
    """Add an error to ``report`` for each part of a template no page would show, a warning for a page layout
    that makes no whole page.

    - A block of a template that extends another (not inside another of its
      blocks, which shows it) whose name no template up its chain of
      ``extends`` has: at the block's line when the template is the site's
      own; when it is the default theme's, at the site's own template up the
      chain that lacks it (its ``base.html`` renamed or lost the block), one
      error for all the layouts that fill it.
    - Text or a value (``{{ … }}``, ``{% if %}``, ``{% for %}``) at the top
      of a template that extends another, after its ``extends``: Jinja
      drops it.
    - A site's copy of a layout (`ThemeTemplates.layouts`) that extends no
      template and writes no ``<html>``: a warning.

    Only ``extends`` of a name in quotes is followed; a chain with a name
    no template has (told by `sitegen.render.check_templates`) or a loop
    stops there. Raises nothing.
    """
    missing_from: dict[tuple[str, str], list[str]] = {}
    filled = {outer.name for tree in theme.trees.values() if extends_tag(tree) for outer in _outer_blocks(tree)}
    for name, tree in theme.trees.items():
        chain = _ancestors(name, theme.trees)
        if chain is None:
            if name in theme.own and name in theme.layouts and not _HTML_START_RE.search(theme.texts.get(name, "")):
                report.warning(f"templates/{name}", 1, 1,
                               "this layout makes whole pages, but it extends no template and writes no <html>: its "
                               "pages have no <head>, style sheet, menu or language (lang)",
                               'make its first line {% extends "base.html" %} again, with what the page shows inside '
                               "{% block main %} … {% endblock %}, as the default theme's " + name + " has it")
            continue
        if not chain:
            continue
        _dropped_text(name, tree, theme.texts.get(name, ""), report)
        inherited: dict[str, int] = {}
        for parent in chain:
            for block, line in block_lines(theme.trees[parent]).items():
                inherited.setdefault(block, line)
        for block in _outer_blocks(tree):
            if block.name in inherited:
                continue
            lacking = next((parent for parent in chain if parent in theme.own), None)
            if name in theme.own or lacking is None:
                _unknown_block(name, chain, block, inherited, theme.texts.get(name, ""), report)
            else:
                missing_from.setdefault((lacking, block.name), []).append(name)
    for (lacking, block), fillers in sorted(missing_from.items()):
        _lost_block(lacking, block, sorted(fillers), filled, theme, report)


def _ancestors(name: str, trees: Mapping[str, nodes.Template]) -> list[str] | None:
    """The templates ``name`` extends, nearest first, as far as each is known and in quotes.

    None when ``name`` has no ``extends`` at all; an empty list when it
    extends a name no template has, or one made from a value, or when its
    chain loops back.
    """
    chain: list[str] = []
    current = name
    while True:
        extends = extends_tag(trees[current])
        if extends is None:
            return None if current == name else chain
        wanted = extends.template
        if not (isinstance(wanted, nodes.Const) and isinstance(wanted.value, str)) or wanted.value not in trees:
            return []
        if wanted.value == name or wanted.value in chain:
            return []
        chain.append(wanted.value)
        current = wanted.value


def _outer_blocks(tree: nodes.Template) -> list[nodes.Block]:
    """The blocks of a template not inside another of its blocks (which renders them), in the order written."""
    inner = {id(nested) for block in tree.find_all(nodes.Block) for nested in block.find_all(nodes.Block)}
    return [block for block in tree.find_all(nodes.Block) if id(block) not in inner]


def _dropped_text(name: str, tree: nodes.Template, text: str, report: Report) -> None:
    """Error at the first thing ``tree`` writes at its top after its ``extends``, which Jinja drops."""
    after = False
    for node in tree.body:
        if isinstance(node, nodes.Extends):
            after = True
            continue
        if not after or isinstance(node, _DEFINING):
            continue
        if isinstance(node, nodes.Output) and all(isinstance(part, nodes.TemplateData) and not part.data.strip()
                                                  for part in node.nodes):
            continue
        line = node.lineno
        if isinstance(node, nodes.Output) and node.nodes and isinstance(node.nodes[0], nodes.TemplateData):
            data = node.nodes[0].data  # its line is where the spaces before the text begin
            line += data[:len(data) - len(data.lstrip())].count("\n")
        column = _first_written_column(text, line)
        report.error(f"templates/{name}", line, column,
                     "this is outside every block of a template that extends another, so no page shows it",
                     "move it inside a block its parent has, e.g. into {% block main %} … {% endblock %}; "
                     "a template that extends another shows only its blocks")
        return


def _first_written_column(text: str, line: int) -> int | None:
    """The column (from 1) of the first character on ``line`` of ``text`` that is not a space, or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    stripped = lines[line - 1].lstrip()
    return len(lines[line - 1]) - len(stripped) + 1 if stripped else None


def _block_column(text: str, line: int, block: str) -> int | None:
    """The column (from 1) of the ``{%`` that opens ``{% block <block> %}`` on ``line`` of ``text``, or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    found = re.search(r"\{%[-+]?\s*block\s+" + re.escape(block) + r"\b", lines[line - 1])
    return found.start() + 1 if found else None


def _names(blocks: Collection[str]) -> str:
    """The block names for a message, in name order, the first few then how many more."""
    ordered = sorted(blocks)
    shown = ", ".join(ordered[:_BLOCK_NAMES_SHOWN])
    return shown + (f" and {len(ordered) - _BLOCK_NAMES_SHOWN} more" if len(ordered) > _BLOCK_NAMES_SHOWN else "")


def _unknown_block(name: str, chain: list[str], block: nodes.Block, inherited: Mapping[str, int], text: str,
                   report: Report) -> None:
    """Error at a block of ``name`` (the site's own, or the default theme's over a default chain) its chain lacks."""
    parents = " → ".join(chain)
    close = difflib.get_close_matches(block.name, sorted(inherited), n=1, cutoff=0.6)
    if close:
        hint = (f"did you mean {close[0]}? Write {{% block {close[0]} %}}; "
                f"the blocks {parents} has: {_names(inherited)}")
    else:
        hint = (f"a template fills only the blocks of the templates it extends ({parents}: {_names(inherited)}): "
                f"use one of them, or add {{% block {block.name} %}}{{% endblock %}} to {chain[-1]} where it "
                "should show")
    report.error(f"templates/{name}", block.lineno, _block_column(text, block.lineno, block.name),
                 f'the block "{block.name}" is in no template {name} extends ({parents}), so no page shows '
                 "what is in it", hint)


def _lost_block(lacking: str, block: str, fillers: list[str], filled: Collection[str], theme: ThemeTemplates,
                report: Report) -> None:
    """Error at the site's own ``lacking`` (a ``base.html``): the default theme's layouts fill ``block``, it lacks it.
    ``filled``: the names of the blocks the templates that extend another fill."""
    own_blocks = block_lines(theme.trees[lacking])
    unfilled = [(line, name) for name, line in own_blocks.items() if name not in filled]
    layouts = and_joined(fillers[:3] + ([f"{len(fillers) - 3} more"] if len(fillers) > 3 else []))
    message = (f'the layouts {layouts} fill the block "{block}", which this template does not have: what they put '
               "in it is shown on no page")
    if unfilled:
        line, renamed = min(unfilled)
        report.error(f"templates/{lacking}", line, _block_column(theme.texts.get(lacking, ""), line, renamed),
                     message, f"if this block {renamed} was {block}, name it so again: {{% block {block} %}}; "
                              f"else add {{% block {block} %}}{{% endblock %}} where it should show")
        return
    was = theme.default_blocks.get(lacking, {}).get(block)
    where = f" (the default theme's {lacking} has it at line {was})" if was is not None else ""
    report.error(f"templates/{lacking}", None, None, message,
                 f"put {{% block {block} %}}{{% endblock %}} back where it should show{where}")

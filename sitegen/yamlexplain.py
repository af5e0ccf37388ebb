"""PyYAML's parse errors → plain words, at the line the editor has to mend.

Job: `parse_errors` turns a parse error into one `Issue` at the mistake the
editor made (often a line above where PyYAML stopped: a lost indent, a colon
left out, a quote left open), in plain words with a hint to mend it, PyYAML's
own words kept in parentheses; then reads on, to tell the parse errors further
down in the same run. This module picks the explanation by PyYAML's words
(`_explain`); the explanations live by kind: `sitegen.yamlexplainindent`
(lines indented wrong), `sitegen.yamlexplainquotes` (quotes and brackets),
`sitegen.yamlexplaintext` (a line of text where a field is expected) and
`sitegen.yamljoined` (fields typed on one line). `explain_tag` words a
refused tag for the tree builder.

May import: errors, lazyre, yamlbits, yamllines, yamljoined, yamlexplaintext, yamlexplainindent, yamlexplainquotes
(and the standard library, PyYAML).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

import yaml

from .errors import PASTE_LIMIT, WIDE_SPACES, paste_hint, space_name
from .lazyre import compile_later
from .yamlbits import (ASCII_KEY, GAP, LOADER, MAX_DEPTH, MAX_PROBLEMS, QUOTE_HINT, SLASHES_HINT, TAB_HINT,
                       Explanation, GroupFinder, Issue, Lines, path_with_slashes)
from .yamlexplainindent import (FIRST_ALONE, LOST_ITEM, TOO_FAR, TYPED_IN, commented_group_above, dash_spaced,
                                field_among_texts, file_field_indented, first_item_lost_indent,
                                first_item_lost_indent_mend, first_item_out_of_line, first_item_out_of_line_mend,
                                first_item_out_of_place,
                                first_item_without_dash, group_given_a_value,
                                item_fields_above, item_given_a_value, item_lost_indent, item_lost_indent_mend,
                                item_typed_in, item_typed_in_mend, key_between, key_further_in, key_too_far_in,
                                key_too_far_in_mend, lost_indent_above)
from .yamlexplainquotes import UNREADABLE, WORD_LISTS, explain_flow_item, explain_unclosed, quoted_then_text
from .yamlexplaintext import (LIST_ITEM, TEXT_LINE_MESSAGE, going_on_from, item_above_in_line, line_of_text,
                              list_above, starts_text, text_opening)
from .yamljoined import field_line, fields_on_one_line
from .yamllines import (clip, holds_yaml, in_quotes, indent_of, is_item, mapping_path, previous_char, quote_hint,
                        quote_steps, split_comment, typed_lead, typed_value, with_comment, yaml_line)


# A line that starts a field of the top level, or a slip of one (``date 2018-05-03``): typed at the start of the
# line, not a comment, a list item, a bracket, a quote or another sign YAML reads otherwise there, and holding no
# quote, which could be the end of a text above it.
_TOP_LEVEL_LINE = compile_later(r"^[^\s#\-\[\]{},:'\"|>!&*%@`?.][^'\"]*$")


def parse_errors(exc: yaml.YAMLError, lines: Lines, unclosed: tuple[int, int | None] | None,
                  groups: GroupFinder | None, first_line: int) -> tuple[list[Issue], Lines | None]:
    """The parse error ``exc`` told (`_explain`, whose arguments these are), then the others below or above it;
    the first alone after a quote or bracket left open, which may end anywhere: what follows it is read once it
    is closed.

    A line of text (`_text_mend`: a note of ``sitegen new`` whose "# " was taken off, text going on from the
    value above at the left edge) is read as its hint mends it, and the whole text read again, so that every
    such line is told in one run: PyYAML stops at the first, and a line the fields below were read again from
    (`_parse_errors_further_on`) has no line above it to go on from. An editor who took "# " off every line of
    a new unit's file was told its lines of text in three runs. Returns the issues, with the text as they mend
    it when it then reads whole (each issue then ``whole``), else None.
    """
    told = _explain(exc, lines, unclosed, groups, first_line)
    if unclosed is not None:
        return [told], None
    found, mended = [told], lines
    while len(found) < MAX_PROBLEMS:
        mend = _text_mend(mended, found[-1], groups)
        if mend is None:
            break
        typed = list(mended.lines)
        for number, line in mend.items():
            typed[number] = line
        mended = Lines("\n".join(typed))
        try:
            for _event in yaml.parse(mended.text, Loader=LOADER):
                pass
        except yaml.YAMLError as again:
            found.append(_explain(again, mended, None, groups, first_line))
            continue
        return [dataclasses.replace(issue, whole=True) for issue in found], mended
    return [*found, *_parse_errors_further_on(mended, found[-1].line, first_line, groups)], None


_READS_AS_SENTENCE = compile_later(r"[。，、；：！？（）]|(?:\S+\s+){3}\S")
"""What a note (说明) holds and a field's value typed alone on its line (``华新镇``) seldom does: Chinese sentence
punctuation, or four words or more."""


def _text_mend(lines: Lines, issue: Issue, groups: GroupFinder | None = None) -> dict[int, str] | None:
    """The lines to read in place of those of ``lines`` for ``issue``, a list item typed further in or further out
    than the items above it or a field further in than the field above it (`item_typed_in_mend`,
    `item_lost_indent_mend`, `first_item_lost_indent_mend`, `first_item_out_of_line_mend`, `key_too_far_in_mend`:
    moved as its hint says) or a line of text (`line_of_text`), as its
    hint's first choice mends it: one more item of the list above, joined to the end of the value or item above
    (before its note), or else made a note; ``{0-based line: its text}``. None for any other issue; for text
    under a key with no value (``summary:``), and for text that reads as no note (``华新镇``, a value typed
    without its ``name: ``): read as a note, the field would be read empty or missing, and told so too, a second
    message for one slip."""
    if issue.message.startswith(TYPED_IN):
        return item_typed_in_mend(lines, issue.line, issue.column)
    if groups is not None and issue.column == 0 and TOO_FAR in issue.message.split(" (YAML parser: ")[0]:
        return key_too_far_in_mend(lines, issue.line, groups)
    if issue.message.startswith(LOST_ITEM):
        return (item_lost_indent_mend(lines, issue.line, issue.column)
                or first_item_lost_indent_mend(lines, issue.line))
    if FIRST_ALONE in issue.message.split(" (YAML parser: ")[0]:
        alone = first_item_out_of_line_mend(lines, issue.line)
        return alone[0] if alone is not None else None
    told = line_of_text(lines, issue.line, groups)
    if told is None or told[2] != (issue.line, issue.column) or not issue.message.startswith(told[0] + " "):
        return None
    typed = lines.line(issue.line)
    text = typed.strip(" ")
    if list_above(lines, issue.line, groups) is not None:
        return {issue.line: f"{LIST_ITEM}{text}"}
    going_on = going_on_from(lines, issue.line)
    if going_on.startswith("if it is the value of") or not (going_on or _READS_AS_SENTENCE.search(text)):
        return None
    if item_above_in_line(lines, issue.line):
        return {issue.line: f"{typed[:indent_of(typed)]}- {text}"}
    if not going_on:
        return {issue.line: f"{typed[:indent_of(typed)]}# {text}"}
    above = yaml_line(lines, issue.line, -1)
    head = lines.line(above)
    pos = typed_value(head)[2]
    value, note = split_comment(head[pos:])
    return {above: head[:pos] + value + text + note, issue.line: ""}


def _parse_errors_further_on(lines: Lines, told: int, first_line: int,
                             groups: GroupFinder | None) -> list[Issue]:
    """The parse errors of the top-level fields below line ``told`` (0-based), where a parse error is told,
    each told as if it were the text's first.

    An editor who typed three slips was told one a run, and built three times. PyYAML stops at the first; the
    text from the next line of the top level below it (`_TOP_LEVEL_LINE`) is read again on its own (the lines
    above blanked, so that line numbers hold, but the one right above, a field, so that it is read as fields
    of the mapping the text is), and so on from each error found, up to `MAX_PROBLEMS`. PyYAML
    may stop on that line for the slip above it (``role 书记`` then ``date: …``): read on its own, the line
    is told only for a slip of its own. Only parse errors are told: what else the fields hold (a key typed
    twice, a field's value) is checked once the text can be read.
    """
    found: list[Issue] = []
    while len(found) < MAX_PROBLEMS:
        start = next((n for n in range(told + 1, len(lines.lines)) if _TOP_LEVEL_LINE.match(lines.lines[n])), None)
        if start is None:
            break
        # A field of the mapping the text is, as the lines below are read: alone, "date 2018-05-03" is a text.
        rest = Lines("\n" * (start - 1) + "_: 0\n" + "\n".join(lines.lines[start:]))
        try:
            for _event in yaml.parse(rest.text, Loader=LOADER):
                pass
        except yaml.YAMLError as exc:
            found.append(_explain(exc, rest, None, groups, first_line))
            told = max(found[-1].line, start)
            continue
        break
    return found


def _explain(exc: yaml.YAMLError, lines: Lines, unclosed: tuple[int, int | None] | None,
             groups: GroupFinder | None = None, first_line: int = 1) -> Issue:
    """Translate a PyYAML error into one plain issue at the right place.

    Takes the error, the text's lines, where a quote or bracket left open
    starts and the line of the field whose opening quote closed it, if any
    (`Scan.unclosed_before`, or None), `load_yaml`'s ``groups`` and the file line of the
    text's first line (for hints that name other lines). PyYAML's own words
    are kept, after the plain explanation, in parentheses.
    """
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = lines.at(exc.position)
        return Issue(line, column, f"a character YAML cannot read is in the text (YAML parser: {exc.reason})",
                      "delete it (it often comes from text copied from a web page or Word)")
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    index = problem_mark.index if problem_mark is not None else len(lines.text)
    words = f"(YAML parser: {context + ': ' if context else ''}{problem or exc})"
    if unclosed is not None and index >= unclosed[0]:
        return explain_unclosed(lines, unclosed[0], words, unclosed[1], first_line)
    line, column = lines.at(index)
    if problem.startswith("mapping values") or "expected key" in problem or "expected <block end>" in problem \
            or "expected '-' indicator" in problem:
        alone = _first_item_alone(lines, line, first_line)
        if alone is not None:
            return Issue(alone[2][0], alone[2][1], f"{alone[0]} {words}", alone[1])
    too_far = key_too_far_in(lines, line, groups) if groups is not None and problem.startswith("mapping values") \
        and not first_item_out_of_place(lines, line) else None
    if too_far is not None:
        return Issue(too_far[2][0], too_far[2][1], f"{too_far[0]} {words}", too_far[1])
    if problem.startswith("mapping values") or "expected key" in problem or "expected <block end>" in problem:
        lost = (lost_indent_above(lines, line, column) or item_lost_indent(lines, line, column, first_line)
                or first_item_lost_indent(lines, line, column, first_line)
                or item_typed_in(lines, line, column, first_line))
        if lost is not None:
            return Issue(lost[2][0], lost[2][1], f"{lost[0]} {words}", lost[1])
    if "expected '-' indicator" in problem:
        # "   - as_of: …" pasted with 3 spaces under items with 2, its fields lined up with theirs.
        typed_in = item_typed_in(lines, line, column, first_line)
        if typed_in is not None:
            return Issue(typed_in[2][0], typed_in[2][1], f"{typed_in[0]} {words}", typed_in[1])
    if groups is not None and (problem.startswith("mapping values") or "expected key" in problem):
        held = group_given_a_value(lines, line, column, groups)
        if held is not None:
            return Issue(held[2][0], held[2][1], f"{held[0]} {words}", held[1])
    if groups is not None and problem.startswith("mapping values"):
        named = _address_after_a_name(lines, line, column, groups)
        if named is not None:
            return Issue(named[2][0], named[2][1], f"{named[0]} {words}", named[1])
    if problem.startswith("mapping values") or "expected key" in problem or "expected <block end>" in problem:
        joined = fields_on_one_line(lines, line, column, groups)
        if joined is not None:
            return Issue(joined[2][0], joined[2][1], f"{joined[0]} {words}", joined[1])
    if groups is not None and problem == "could not find expected ':'" and context_mark is not None:
        missing = _colon_missing(lines, context_mark.line, groups)
        if missing is not None:
            return Issue(context_mark.line, missing[2], f"{missing[0]} {words}", missing[1])
    # "title 重固镇微访谈" on the first line (or "source" there), "- as_of 2018-04-26" opening an item: read as a
    # text going on into the field below.
    text_at = (text_opening(lines, line) if groups is not None and problem.startswith("mapping values")
               else yaml_line(lines, -1, 1) if groups is not None and "<document start>" in problem else None)
    text_at = text_at if text_at is not None and text_at >= 0 else None
    missing = _colon_missing(lines, text_at, groups) if text_at is not None and groups is not None else None
    if text_at is not None and missing is not None:
        return Issue(text_at, missing[2], f"{missing[0]} {words}", missing[1])
    if groups is not None and (problem.startswith("mapping values") or "expected '-' indicator" in problem):
        bare = item_given_a_value(lines, line, column, groups)
        if bare is not None:
            return Issue(bare[2][0], bare[2][1], f"{bare[0]} {words}", bare[1])
    top = file_field_indented(lines, line, groups, first_line) \
        if groups is not None and "expected '-' indicator" in problem else None
    if top is not None:
        return Issue(line, top[2], f"{top[0]} {words}", top[1])
    between = key_between(lines, line, groups) if groups is not None and "expected key" in problem else None
    if between is not None:
        return Issue(line, indent_of(lines.line(line)), f"{between[0]} {words}", between[1])
    for test, explain in _EXPLAINERS:
        if test(problem, context):
            message, hint, at = explain(lines, line, column, context_mark)
            line, column = at if at is not None else (line, column)
            if groups is not None and message.startswith(TEXT_LINE_MESSAGE):
                # The explainers know no records: a line under the key of a list of texts is told as an item.
                listed = line_of_text(lines, line, groups)
                message, hint = listed[:2] if listed is not None and listed[2] == (line, column) else (message, hint)
            return Issue(line, column, f"{message} {words}", hint)
    return Issue(line, column, f"{UNREADABLE[0]} {words}", UNREADABLE[1])


def _first_item_alone(lines: Lines, line: int, first_line: int) -> Explanation | None:
    """`first_item_out_of_line`'s explanation for the parse error at the 0-based ``line``, when the lines as its
    hint mends them read past the list's second item; else None (the hint would not mend the list: another
    explanation is told). A first item whose "-" alone lost its indent, its fields lined up, is
    `first_item_lost_indent`'s, told at the same line."""
    if first_item_out_of_place(lines, line):
        return None
    told = first_item_out_of_line(lines, line, first_line)
    mend = first_item_out_of_line_mend(lines, told[2][0]) if told is not None else None
    if told is None or mend is None:
        return None
    typed = list(lines.lines)
    for number, text in mend[0].items():
        typed[number] = text
    try:
        for _event in yaml.parse("\n".join(typed), Loader=LOADER):
            pass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None or mark.line <= mend[1]:
            return None
    return told


def _explain_colon(lines: Lines, line: int, column: int, _mark: object) -> Explanation:
    """A second ``: `` on a line: inside the value (quote it), or a key where none fits."""
    text = lines.line(line)
    start, colon, pos = typed_value(text)
    doubled = re.match(r"[:：][ \t]*", text[pos:]) if colon is not None and column > colon else None
    if doubled is not None and text[pos + doubled.end():].strip() and ": " not in text[pos + doubled.end():]:
        # collected: : 296 — the colon typed twice: "wrap the value in quotes" gave ": 296", no whole number.
        lead = typed_lead(text)[0]
        key = text[start:colon].strip()
        return (f'the ":" after "{clip(key, 20)}" is typed twice, so YAML reads "{clip(text[pos:].rstrip())}" as '
                "its value", paste_hint('delete the second ":"', lead + text[pos + doubled.end():].rstrip()),
                (line, pos))
    below = yaml_line(lines, line, 1)
    if colon is not None and column > colon and not split_comment(text[column + 1:])[0].strip(" ") \
            and below >= 0 and going_on_from(lines, below).startswith("if it goes on"):
        # "summary: 谈大调研:" then the text it goes on with at the left edge: joined, the ":" is text, as typed
        # (told to quote the value, the editor still had the line below to mend, and the hint to join it after the
        # closing quote broke the line again).
        told = line_of_text(lines, below)
        if told is not None:
            return told
    if colon is not None and column > colon:
        # The line's comment (every line sitegen new writes has one) stays after the closing quote.
        # The line's "- " stays: without it, the mended line is no list item.
        lead = typed_lead(text)[0]
        value, note = split_comment(text[pos:])
        fixed = f"{lead}{in_quotes(value)}"
        hint = paste_hint(QUOTE_HINT, with_comment(fixed, note), f": {quote_steps(in_quotes(value)[0], value, note)}")
        # “专访: …” typed as if Chinese quotes were YAML's: they would show on the page, so both fixes are named.
        if len(value) > 2 and value[0] in "“‘" and value[-1] in "”’":
            bare = f"{lead}{in_quotes(value[1:-1])}"
            without = paste_hint("without them", with_comment(bare, note),
                                 f': type " in place of {value[0]} and of {value[-1]}')
            hint += f" (the {value[0]}{value[-1]} then show; {without})"
        else:
            # "misspellings: 白河镇: 百合镇": the ": " parts the words of a list, which quotes would make one word.
            hint = _as_word_list(text[start:colon].strip(), lead, value, note, hint)
        return 'the value contains ": "', hint, None
    text_above = starts_text(lines, line) if start == indent_of(text) or is_item(text) else None
    told = line_of_text(lines, text_above) if text_above is not None else None
    if told is not None:
        return told
    if colon is not None and not re.fullmatch(ASCII_KEY, text[start:colon].strip()):
        # "其中: 环境类600份" going on from a text above: no field's name, but the text's own colon, typed in half
        # width. Told to line it up as a key, the editor got "unknown field 其中 … remove it", and lost the line.
        fixed = text[:colon] + "：" + text[colon + 1:].lstrip(" ")
        return (f'the ": " after "{clip(text[start:colon].strip(), 20)}" makes this line of the text above a new '
                "field, which YAML does not allow inside a text",
                paste_hint("type the colon in full width (全角), as Chinese text does", fixed.strip(" "),
                           ", keeping the line where it is"), (line, colon))
    message = 'a "key:" is not expected here: this line is read as part of the value above'
    # "or wrap the value above in quotes", followed, left this line as it was: only quotes closed after it mend it.
    return message, _GOING_ON_HINT, None


def _as_word_list(key: str, lead: str, value: str, note: str, quoted: str) -> str:
    """The hint for ``value``, typed after ``key`` with ": " in it, when ``quoted`` (the hint to quote it) is not all.

    In a list of words (`WORD_LISTS`), ": " most likely parts its words
    (``misspellings: 白河镇: 百合镇``): the hint offers the list first
    (``misspellings: [白河镇, 百合镇]``), then one word in quotes in the list
    (``misspellings: ["白河镇: 百合镇"]``: a word list typed as one text is
    refused, `sitegen.models.parse_tags`). Any other key, or words that
    would not be read as typed inside ``[...]``, gives ``quoted``. ``lead`` is the line up to the value, ``note`` its
    comment (`split_comment`).
    """
    words = [word.strip() for word in value.split(": ")]
    one = WORD_LISTS.get(key)
    if one is None or not all(words) or value[:1] in "[{\"'" or any(sign in value for sign in ",[]{}#&*!|>%@`"):
        return quoted
    noun = one.split(" ", 1)[1]
    plural = noun + ("es" if noun.endswith("s") else "s")
    listed = with_comment(f"{lead}[{', '.join(words)}]", note)
    # One word in quotes must be an item in brackets too: a list of words typed as one text is refused.
    one = with_comment(f"{lead}[{in_quotes(value)}]", note)
    return (paste_hint(f"if these are {len(words)} {plural}, write them in square brackets, separated by English "
                       "commas", listed) + f" (if it is one {noun}, "
            + paste_hint("put it in quotes inside the brackets", one) + ")")


_GOING_ON_HINT = ('line up this key with the keys above it (same number of spaces); only if this line is text going on '
                  'from the value above, put that value and this line in one pair of quotes: " before the value, '
                  '" at the end of this line')
"""`_explain_colon`'s hint for a key further in than the line above, that no record tells (`key_too_far_in`)."""


_NAMED_ADDRESS = compile_later(r"(.*?\S)[ \t\u3000]*[：:][ \t\u3000]*((?i:https?)://\S+)")
"""A name and a web address joined by a colon (``上海热线新闻网: http://…``): the value of a group of fields
with a ``url`` field typed on its key's line."""


def _address_after_a_name(lines: Lines, line: int, column: int,
                          groups: GroupFinder) -> tuple[str, str, tuple[int, int]] | None:
    """Explain ``source: 上海热线新闻网: http://…``: a group of fields with a ``url`` field (by the records)
    typed as its first field's value and the web address, joined by ": ", which YAML reads as a second key.

    Told to quote the value, the editor was next told to write it as a group, with the address in the name.
    Takes the lines, the 0-based line and column of the parse error and `load_yaml`'s ``groups``; returns
    (message, hint, the value's 0-based position), or None for any other line (a key not at the left edge, a
    value of another shape)."""
    text = lines.line(line)
    start, colon, pos = typed_value(text)
    if colon is None or start != 0 or column <= colon:
        return None
    key = text[:colon].strip()
    fields = groups((key,))
    value = split_comment(text[pos:])[0]
    found = _NAMED_ADDRESS.fullmatch(value)
    if not fields or "url" not in fields or found is None or "://" in found[1] or fields[0] == "url":
        return None
    lines_to_type = f'"  {fields[0]}: {found[1]}", then "  url: {found[2]}"'
    return (f'"{key}" should be a group of fields (key: value lines), not "{clip(value, 60)}"',
            f"write {fields[0]}: and url: lines below it, each indented with two spaces: {lines_to_type}",
            (line, pos))


# A field name typed without its colon, then a space (全角 or not) and the value: "    collected 350".
_KEY_WITHOUT_COLON = compile_later(rf"( *(?:- )*)({ASCII_KEY})([ \t{WIDE_SPACES}]+)(?=[^ \t{WIDE_SPACES}#:：])")


# A field name alone on its line, its ":" not typed: "source" above the fields of its group, a note allowed after it.
_GROUP_KEY_WITHOUT_COLON = compile_later(rf"( *(?:- )*)({ASCII_KEY})([ \t{WIDE_SPACES}]*)(?:[ \t]#.*)?$")


def _colon_missing(lines: Lines, line: int, groups: GroupFinder) -> tuple[str, str, int] | None:
    """Explain ``collected 350``, or ``source`` above the fields of its group: a field of the record the 0-based
    ``line`` is typed in, its ":" not typed.

    Takes the lines, the line and `load_yaml`'s ``groups``. Returns
    (message, hint, 0-based column of the space typed for the colon, or
    of the end of a field name typed alone), or None when the line's first
    word is no field the records know there, or a name alone has no block
    under it (no fields or list items further in, nor items as far in).
    """
    here = lines.line(line)
    match = _KEY_WITHOUT_COLON.match(here)
    if match is None:
        return _group_colon_missing(lines, line, groups)
    lead, key, gap = match.groups()
    value, note = split_comment(here[match.end():])
    typed = field_line(lead, key, value.rstrip(GAP)) + note
    path = mapping_path(lines, line, typed)
    if path is None or key not in (groups(path) or ()):
        return None
    wide = next((char for char in gap if char in WIDE_SPACES), None)
    instead = f", and {space_name(wide)} is typed in its place" if wide else ""
    message = f'"{clip(key, 20)}" is a field, but the ":" after it is missing{instead}'
    how = (f'replace the space after "{clip(key, 20)}" with ":" and an ordinary space' if wide
           else f'type ":" and an ordinary space after "{clip(key, 20)}"')
    hint = (f'{how}, typing this line in place of this one: "{typed}"' if len(typed) <= PASTE_LIMIT
            else f"{how}, before the value")
    return message, hint, match.start(3) + (gap.index(wide) if wide else 0)


def _group_colon_missing(lines: Lines, line: int, groups: GroupFinder) -> tuple[str, str, int] | None:
    """Explain ``source`` typed alone above the fields of its group (or ``images`` above its items): the ":" of a
    group's field not typed (`_colon_missing`). Followed, "this line is text … put "# " back" made the group a
    note and lost it."""
    here = lines.line(line)
    match = _GROUP_KEY_WITHOUT_COLON.match(here)
    below = yaml_line(lines, line, 1)
    if match is None or below < 0:
        return None
    lead, key, gap = match.groups()
    under = lines.line(below)
    if not (indent_of(under) > match.start(2) or (indent_of(under) == match.start(2) and is_item(under.lstrip(" ")))):
        return None
    note = here[match.end(3):]
    typed = f"{lead}{key}:" + (f" {note.lstrip(' ')}" if note else "")
    path = mapping_path(lines, line, typed)
    if path is None or key not in (groups(path) or ()):
        return None
    hint = paste_hint(f'type ":" after "{clip(key, 20)}", typing this line in place of this one', f'"{typed}"')
    return f'"{clip(key, 20)}" is a field, but the ":" after it is missing', hint, match.end(2)


def _explain_tab(_lines: Lines, _line: int, _column: int, _mark: object) -> Explanation:
    """A TAB the pre-scan did not catch."""
    return "a TAB is used here; YAML needs spaces", TAB_HINT, None


def _explain_token(lines: Lines, line: int, column: int, _mark: object) -> Explanation:
    """A value starting with a character YAML reserves (``@``, backquote, TAB …).

    A percentage typed ``%80`` gets the number alone as its fix: quoting it
    would only move the mistake, since ``"%80"`` is no percentage either.
    """
    text = lines.line(line)
    char = text[column:column + 1]
    if char == "\t":
        return _explain_tab(lines, line, column, _mark)
    number = _PERCENT_FIRST.fullmatch(text[column:].rstrip())
    if number is not None:
        lead, _pos = typed_lead(text)
        return (f'a value cannot start with "{char}"',
                f"write the number alone: {lead + number.group(1)} (a percentage needs no % sign)", None)
    if typed_lead(text)[1] != column:  # inside brackets: quoting the whole value would change it
        return (f'a value cannot start with "{char}"',
                f'{QUOTE_HINT}, e.g. "{clip(split_comment(text[column:])[0], 40)}"', None)
    return f'a value cannot start with "{char}"', quote_hint(text), None


_PERCENT_FIRST = compile_later(r"%[ \t]*([0-9０-９]+(?:[.．][0-9０-９]+)?)")


def _explain_simple_key(lines: Lines, line: int, column: int, mark: object) -> Explanation:
    """A line that is neither ``key: value`` nor a list item: a line of text (`line_of_text`), or a key without
    its ":"."""
    at = lines.at(mark.index) if mark is not None else None  # type: ignore[attr-defined]
    if at is not None and at[1] == indent_of(lines.line(at[0])) and not _FIELD_WITHOUT_COLON.match(
            lines.line(at[0]).strip(" ")):
        told = line_of_text(lines, at[0])
        if told is not None:
            return told
    return ('this line is not a "key: value" pair: the ":" is missing',
            "write it as key: value, or, if it continues the value above, indent it or wrap that value in quotes", at)


def _explain_indent(lines: Lines, line: int, column: int, mark: object) -> Explanation:
    """A line whose indentation does not fit the block it is in, or text left over after a value."""
    text = lines.line(line)
    char = text[column:column + 1]
    if char and char in "]}":
        return f'"{char}" here has no matching opening bracket', f'delete the "{char}" or add the opening bracket', None
    if text[:column].strip(" "):
        odd = _odd_space_after_value(text, column)
        if odd is not None:
            return odd
        if previous_char(text, column) in "\"'":
            return quoted_then_text(lines, line)
        quoted = _value_quoted(text)
        start, colon, pos = typed_value(text)
        opening = text[pos:pos + 1] if colon is not None else ""
        if opening in ("[", "{") and previous_char(text, column) == "]}"["[{".index(opening)]:
            # title: [转载]华新镇…: "unexpected 华 after the value" left the editor to know what YAML does with "[".
            closing = "]}"["[{".index(opening)]
            kind = "a list (列表)" if opening == "[" else "a mapping of fields (映射)"
            return (f'the value starts with "{opening}", which YAML reads as {kind} that ends at "{closing}", so the '
                    f'text after it ("{clip(split_comment(text[column:])[0].rstrip(), 8)}") cannot follow',
                    paste_hint(QUOTE_HINT, quoted) if quoted else QUOTE_HINT, None)
        return (f'unexpected "{clip(char, 1)}" after the value',
                paste_hint(QUOTE_HINT, quoted) + ", or check the brackets on this line" if quoted
                else f"{QUOTE_HINT}, or check the brackets on this line", None)
    if char == ":":
        return 'a key is missing before ":"', "write a field name before the colon, e.g. title: …", None
    group = commented_group_above(lines, line)
    if group is not None:
        return (f'this line belongs to "{group[0]}:" above, which is still a note (说明): it starts with "#"',
                paste_hint(f'remove the "# " at the start of the line of "{group[0]}:" too', group[1]), None)
    if char == "-":
        return first_item_without_dash(lines, line, column) or (
            'a list item ("- ") is not expected here',
            "line the items up under the key they belong to, or put the list under its own key", None)
    further = key_further_in(lines, line) or key_between(lines, line)
    if further is not None:
        return further
    return ("this line is not lined up with the lines above it",
            "indent keys of the same level with the same number of spaces", None)


def _value_quoted(text: str) -> str | None:
    """The line ``text`` (``key: value``) with its value wrapped in quotes and its comment kept, from the key on
    (``note: "[补录] 数据来源"``); None for a line without a key or a value."""
    start, colon, pos = typed_value(text)
    if colon is None or pos >= len(text):
        return None
    value, note = split_comment(text[pos:])
    return with_comment(text[start:pos] + in_quotes(value.rstrip()), note) if value.strip() else None


def explain_tag(lines: Lines, line: int, column: int, mark: object) -> Explanation:
    """A value starting with "!" (``note: !重要：初步统计``, ``- ! 走访企业``), which YAML reads as a type tag."""
    text = lines.line(line)
    quoted = _value_quoted(text)
    lead, start = typed_lead(text)
    if quoted is None and lead.startswith("- ") and text[start:].strip():
        value, note = split_comment(text[start:])
        quoted = with_comment(lead + in_quotes(value.rstrip()), note)
    return ('a value starting with "!" is read by YAML as a type tag (类型标记), not as text',
            paste_hint(QUOTE_HINT, quoted) if quoted else QUOTE_HINT, None)


def _explain_escape(lines: Lines, line: int, column: int, _mark: object) -> Explanation:
    """A backslash in a double-quoted value that YAML reads as an escape.

    A file's path typed as Windows shows it (``src: "images\\a.svg"``) is
    given with "/" at once: told to double each backslash, it was refused
    again, as a path with "\\" between its folders.
    """
    text = lines.line(line)
    escape = text[column:column + 2]
    fixed = path_with_slashes(text)
    if fixed is not None:
        return (f'"{escape}" is not a valid escape in a double-quoted value: the "\\" is typed between folders, '
                "as Windows shows paths", paste_hint(SLASHES_HINT, fixed), None)
    return (f'"{escape}" is not a valid escape in a double-quoted value',
            "use single quotes instead of double quotes, or write each backslash twice (\\\\)", None)


def _explain_anchor(lines: Lines, line: int, _column: int, _mark: object) -> Explanation:
    """A lone ``&`` or ``*`` read as an (incomplete) anchor or alias."""
    return ('"&" and "*" at the start of a value are read as YAML anchors and aliases',
            quote_hint(lines.line(line), "&*"), None)


def _explain_dash(lines: Lines, line: int, _column: int, _mark: object) -> Explanation:
    """``key: - item`` on one line; ``key: -``, a dash typed for "none", is told as a value missing.

    After a field that holds text (``summary: - 镇里补短板``), the dash is the text's: the value is offered in
    quotes. Told to put the item on its own line, the editor got "expected text, got a list".

    A dash alone was told as a list item, then (moved below the key) as
    "expected text, got a list", then (quoted) as signs alone: three rounds
    before the editor learnt to write the value or leave the field out.
    """
    text = lines.line(line)
    start, colon, pos = typed_value(text)
    value, _note = split_comment(text[pos + 1:]) if text[pos:pos + 1] == "-" else ("?", "")
    if colon is not None and not value.strip(GAP):
        key = text[start:colon]
        return (f'"{key}: -": a dash alone is no value (after "{key}:", YAML reads "-" as the start of a list)',
                f'type the value itself after "{key}: ", or delete the line if the field may be left out; '
                f'for a list, put each item on its own line below "{key}:", indented with spaces: "  - item"', None)
    items = 'start each list item on its own line below the key, indented with spaces: "  - item"'
    if colon is not None and text[start:colon] not in LIST_KEYS:  # summary: - 镇里补短板: text that starts with "-"
        return (f'"{text[start:colon]}: - …": after "{text[start:colon]}:", YAML reads "- " as the start of a list',
                f"{quote_hint(text, '-')}; for a list, {items}", None)
    return ('a list item ("- ") cannot follow "key:" on the same line', items, None)


LIST_KEYS = frozenset(WORD_LISTS) | {"actions", "images", "tallies", "targets", "milestones"}
"""The fields whose value is a list (the records' tuple fields in `sitegen.models`; a test keeps the two alike):
after any other key, "- " typed on its line starts the text, not a list."""


def _odd_space_after_value(text: str, column: int) -> Explanation | None:
    """Explain an odd space (full-width, no-break …) at ``column`` of the line ``text``, after a value closed by a
    quote or bracket, when only spaces or a note follow it; None otherwise.

    ``[/news/2018/0521.html]　`` was told to quote the value, which made it the text
    "[/news/2018/0521.html]"; ``"…"　# 标题``, to put it all in single quotes, which published the note.
    """
    char = text[column:column + 1]
    if not char or char not in WIDE_SPACES:
        return None
    value, note = split_comment(text[column:])
    after, closed = text[column:].lstrip(GAP), text[:column].rstrip(GAP)
    if not value.strip(GAP):
        return f"{space_name(char)} follows the value", paste_hint("delete it", with_comment(closed, note)), None
    if after[:1] in ("#", "＃"):
        comment = after[1:].strip()
        return (f'the comment "{clip(after, 30)}" cannot follow the value after {space_name(char)}: YAML starts a '
                "comment only at a half-width space followed by a half-width #",
                paste_hint("type the space and the # in half width (半角)",
                           f"{closed}   # {comment}" if comment else closed), None)
    return None


def _explain_expected_dash(lines: Lines, line: int, column: int, _mark: object) -> Explanation:
    """A line in a list that is not a list item, or an item with text after its closing quote."""
    text = lines.line(line)
    if text[:column].strip(" ") and (odd := _odd_space_after_value(text, column)) is not None:
        return odd
    if text[:column].strip(" ") and previous_char(text, column) in "\"'":
        return quoted_then_text(lines, line)
    above = next((lines.line(n) for n in range(line - 1, -1, -1)
                  if lines.line(n).strip() and not lines.line(n).lstrip(" ").startswith("#")), "")
    start, colon, _pos = typed_value(above)
    if (wide := dash_spaced(lines, line, column)) is not None:
        return wide
    field = field_among_texts(lines, line)
    if field is not None:
        return field
    if colon is not None and above[start:colon] and start != len(text) - len(text.lstrip(" ")):
        # batches: 318 typed with 3 spaces under "    collected:": say how far to indent it
        lined_up = f'indent it with {start} spaces, lined up with "{clip(above[start:colon], 20)}:" above'
        own_start, own_colon, _ = typed_value(text)
        dash, keys = item_fields_above(lines, line, start)
        if own_colon is not None and dash is not None and text[own_start:own_colon] not in keys:
            # "   resolved: 1180" under an item without one: it is that item's; "- " made it a new item,
            # which lacked as_of and the other figures.
            spaces = len(text) - len(text.lstrip(" "))
            return (f'"{text[own_start:own_colon]}:" stands {spaces} space{"s" if spaces != 1 else ""} in, not lined '
                    f"up with the fields of the item above ({start} spaces in), so YAML reads it neither as a field "
                    "of that item nor as a new item", f"{lined_up}", None)
        if own_colon is not None and dash is not None:
            return ('a list item starting with "- " is expected here, like the lines above',
                    f'the item above has "{text[own_start:own_colon]}:" already: if this line starts a new item, '
                    f'type "- " before it, the "-" lined up with the "- " above ({dash} spaces in); if it belongs '
                    f"to the item above, {lined_up}", None)
        return ('a list item starting with "- " is expected here, like the lines above',
                f'start the line with "- ", or, if it belongs to the item above, {lined_up}', None)
    return ('a list item starting with "- " is expected here, like the lines above',
            'start the line with "- ", or indent it to belong to the item above', None)


def _explain_node_content(lines: Lines, line: int, column: int, mark: object) -> Explanation:
    """A value that starts with a closing bracket or a comma."""
    text = lines.line(line)
    char = text[column:column + 1]
    if char == "," and text[:column].rstrip(" ")[-1:] in (",", "[", "{"):
        # [大调研, , 补短板]: an empty item between two commas (quoting the rest, as for other signs, breaks the list)
        after = text[column + 1:]
        fixed = text[:column] + after[len(after) - len(after.lstrip(" ")):]
        return ("there is nothing between this comma and the one (or the bracket) before it",
                paste_hint("delete the extra comma", fixed.strip()), None)
    if char and char in "]},":
        return _explain_token(lines, line, column, mark)
    return ("a value is missing or cut short here",
            "check this line and the one above: brackets and quotes closed, one value after each \"key:\"", None)


def _explain_block_header(lines: Lines, line: int, column: int, mark: object) -> Explanation:
    """Explain text typed after ``|`` or ``>`` on the field's own line (``title: >90%居民满意的白鹤镇``), pointing
    at the sign (the ``mark`` of the block scalar; the parser's ``line``:``column`` is past the digits it read).

    The text there is the value itself, the sign its first character: "move the text to the next line",
    followed, published 90%居民满意的白鹤镇, the ">" lost. The hint gives the line with the value in quotes;
    when lines further in go on from it, where to type the two quotes.
    """
    index = getattr(mark, "index", None)  # PyYAML's and libyaml's marks alike
    at = lines.at(index) if isinstance(index, int) else (line, column)
    typed = lines.line(at[0])
    sign, value_at = typed[at[1]:at[1] + 1], at[1]  # the sign is the value's first character
    if sign not in ("|", ">"):
        return ('after "|" or ">" the text must start on the next line',
                "move the text to the next line, indented with spaces", None)
    value, comment = split_comment(typed[value_at:])
    below = []
    for number in range(at[0] + 1, len(lines.lines)):
        if holds_yaml(lines.line(number)) and indent_of(lines.line(number)) <= indent_of(typed):
            break
        below.append(number)
    while below and not holds_yaml(lines.line(below[-1])):
        below.pop()
    message = (f'after "|" or ">" the text must start on the next line: YAML reads a value starting with "{sign}" '
               "as the sign of a block of text (多行文本) typed below it")
    if not below:
        return message, paste_hint(f'type the value in quotes, so that "{sign}" is its first character',
                                   with_comment(typed[:value_at] + in_quotes(value), comment).strip(" "),
                                   f": {quote_steps(in_quotes(value)[0], value, comment)}"), at
    text = "\n".join([value] + [lines.line(n) for n in below])
    quote = in_quotes(text)[0]
    twice = ", and type each ' inside it twice" if quote == "'" and "'" in text else ""
    return (message, f'if "{sign}" is part of the value, type {quote} before the "{sign}" and another {quote} at the '
            f"end of the value's last line{twice}; if it starts a block of text, move "
            f'"{clip(value[1:].strip(), 20)}" to the next line, as far in as the lines below it', at)


def _explain_document_start(lines: Lines, line: int, _column: int, _mark: object) -> Explanation:
    """Text left over after the data ends: most often the first line was typed with a space before it.

    `` title: 访谈`` then ``series: x`` makes the first line a block of its
    own, indented one space, and the parser complains only at the line
    after it; the slip is the space, so the error goes to the first line.
    """
    first = next((number for number, text in enumerate(lines.lines)
                  if text.strip(" ") and not text.lstrip(" ").startswith("#")), line)
    typed = lines.line(first)
    if first < line and typed.startswith(" "):
        spaces = "spaces" if typed.startswith("  ") else "space"
        return (f"this line starts with a {spaces[:5]}, so the lines below it do not line up with it",
                paste_hint(f"remove the {spaces} at the start of the line", typed.strip(" ")), (first, 0))
    # A note of sitegen new whose "# " was taken off with the fields below it (访谈 Interview。以 # 开头的行…):
    # the parser reads it as the whole data, and stops only at the first field after it.
    told = line_of_text(lines, first) if first < line else None
    return told if told is not None else (*UNREADABLE, None)


_FIELD_WITHOUT_COLON = compile_later(r"[a-z][a-z0-9_]*[ \t\u3000]+[^ \t\u3000#]\S*(?:[ \t]+#.*)?$")
"""A field's name (lowercase, as every field of sitegen is named) and one word after it: a "key: value" typed
without its ":", told so rather than as a line of text (`_explain_simple_key`)."""


def _explain_depth(_lines: Lines, _line: int, _column: int, _mark: object) -> Explanation:
    """Brackets nested deeper than libyaml allows (1,000 levels), found before the walk's own limit."""
    return (f"the data is nested more than {MAX_DEPTH} levels deep",
            "simplify the structure; content files never need this many levels", None)


_Test = Callable[[str, str], bool]
_Explainer = Callable[[Lines, int, int, object], Explanation]
_EXPLAINERS: tuple[tuple[_Test, _Explainer], ...] = (
    (lambda p, c: "maximum nesting depth" in p, _explain_depth),
    (lambda p, c: p.startswith("mapping values are not allowed"), _explain_colon),
    (lambda p, c: "tab character" in p, _explain_tab),
    (lambda p, c: "cannot start any token" in p, _explain_token),
    (lambda p, c: "simple key" in c, _explain_simple_key),
    (lambda p, c: "unknown escape" in p, _explain_escape),
    (lambda p, c: "anchor" in c or "alias" in c, _explain_anchor),
    (lambda p, c: p.startswith("block sequence entries are not allowed"), _explain_dash),
    (lambda p, c: "expected '-' indicator" in p, _explain_expected_dash),
    (lambda p, c: "block scalar" in c, _explain_block_header),
    (lambda p, c: "expected node content" in p, _explain_node_content),
    (lambda p, c: "expected key" in p or "expected <block end>" in p, _explain_indent),
    (lambda p, c: "<document start>" in p, _explain_document_start),
    (lambda p, c: "scanning a tag" in c, explain_tag),
    (lambda p, c: "expected ',' or ']'" in p, explain_flow_item),
)

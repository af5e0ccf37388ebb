"""The warnings panel of ``sitegen serve``: a build's warnings, shown on every page of the preview.

Editors watch the browser, not the terminal. While the last build that
succeeded has warnings, the dev server adds a panel to every page it sends
(never to the files, so ``sitegen build`` output never holds it): a bar at
the bottom of the window, "⚠ 3 条提醒 · 3 warnings", that opens into the list,
each warning as the terminal prints it (file:line:column, message, hint),
those of the page being viewed first.

Which warnings are listed (`list_warnings`): those of the last build
(current), and, under "Reported earlier", those a build stopped reporting
because ``sitegen build`` published meanwhile. The preview compares a
page's address with the last published build: a page whose address
changed, or a file gone, is warned about until a build publishes the
change, and no more after it, though readers' links to the old address
now get 404. So that this news, given once, is not lost when the next
save rebuilds the preview, such a warning stays listed, with the time it
was reported, until its file is saved, deleted or comes back (restored,
renamed back), or the address its file had then is served again (another
page's ``aliases:`` keep a gone file's address, as the hint offers: no
save of a file that is gone could). A warning that stops while nothing was published was
mended by the saves since, whichever file they were (an alias added on
another page keeps the address of a file gone): it goes at once, as does
a warning that names no file. The bar's headline counts the current
warnings, those to fix now, and the earlier ones apart. Nothing is marked
"seen" behind the editor's back.

The panel is a labelled region (a landmark), opened and closed with the
keyboard (``<details>``), in colours of AA contrast; whether it is open is
kept over live reloads in the tab's ``sessionStorage``.

May import: errors (and the standard library).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Callable, Collection, Mapping, Sequence

from .errors import Problem

PANEL_ID = "sitegen-warnings"
"""The ``id`` of the panel's element (tests and the panel's own script find it by it)."""


@dataclass(frozen=True)
class ListedWarning:
    """One warning the panel lists.

    ``problem`` is the warning; ``reported`` the time (``HH:MM:SS``, the
    site's time zone) of the build that reported it first, of the builds
    since that reported it every time; ``current`` is False when the last
    build no longer reported it as a build published meanwhile, and its
    file was not saved since (`list_warnings`). ``publication`` names the
    published build the last build that reported it compared with
    (`sitegen.build.Published.key`; "" when none was), and ``address`` is
    the address its file had there ("" when it had none).
    """

    problem: Problem
    reported: str
    current: bool = True
    publication: str = ""
    address: str = ""


def list_warnings(listed: Sequence[ListedWarning], warnings: Sequence[Problem], saved: Collection[str],
                  now: str, publication: str, addresses: Mapping[str, str] | None = None,
                  served: Callable[[str], bool] | None = None) -> tuple[ListedWarning, ...]:
    """Return what the panel lists after a build that succeeded.

    Takes what it listed before, the new build's warnings (sorted by file
    and line), the files saved (changed, added or deleted) since the last
    build that succeeded, the new build's time (``HH:MM:SS``), the
    published build it compared with (`ListedWarning.publication`), the
    address each file had there (by the name the warnings give it) and
    whether the preview serves an address now (``served``). The
    new warnings come first, as current, keeping the time they were first
    reported when they were listed already; then, as not current, each
    warning listed before that the new build no longer reports when a
    build was published since the last build that reported it (the
    preview then no longer repeats a move it published), unless its file
    was saved, deleted or came back meanwhile (the editor worked on it),
    the address its file had is served again (kept by another page), or it
    names no file. One that stopped while nothing was published was
    mended by the saves since, whichever file they were: it is dropped.
    Raises nothing.
    """
    before = {item.problem: item for item in listed}
    reported = set(warnings)
    addresses = addresses or {}
    current = tuple(ListedWarning(problem, before[problem].reported if problem in before else now,
                                  publication=publication, address=addresses.get(problem.path, ""))
                    for problem in warnings)
    earlier = tuple(replace(item, current=False) for item in listed
                    if item.problem not in reported and item.publication != publication
                    and item.problem.path and item.problem.path not in saved
                    and not (item.address and served is not None and served(item.address)))
    return current + earlier


def warnings_panel(listed: Sequence[ListedWarning], source: str | None) -> str:
    """Return the panel's HTML (escaped), or "" when nothing is listed.

    Takes the listed warnings and the source file of the page it goes into
    (None when the page has none, e.g. the home page or a 404): the
    warnings of that file come first, in each group (current, then earlier),
    tagged 本页 this page. Raises nothing.
    """
    if not listed:
        return ""
    def first_this_page(items: Sequence[ListedWarning]) -> list[ListedWarning]:
        return sorted(items, key=lambda item: item.problem.path != source)
    current = first_this_page([item for item in listed if item.current])
    earlier = first_this_page([item for item in listed if not item.current])
    # The headline counts what is to fix now; the earlier ones are news, told apart, in few enough characters
    # that the closed bar stays one line on a 375 px phone (the English part is hidden there).
    here = sum(1 for item in current if source and item.problem.path == source)
    count = len(current)
    english = (f'{count} warning{"" if count == 1 else "s"}' + (f", {here} on this page" if here else "")
               + (f" (+{len(earlier)} earlier)" if earlier else ""))
    summary = (f"⚠ {count} 条提醒" + (f" · 本页 {here} 条" if here else "")
               + (f" · 之前 {len(earlier)} 条" if earlier else ""))
    if not current:  # "0 warnings (+1 earlier)" read as nothing to see; the earlier ones are the news
        english = f'{len(earlier)} earlier warning{"" if len(earlier) == 1 else "s"}'
        summary = f"⚠ 之前报告的提醒 {len(earlier)} 条"
    summary += f' <span class="{PANEL_ID}-en" lang="en">· {english}</span>'
    parts = [f'<div class="{PANEL_ID}-spacer" aria-hidden="true"></div>',
             f'<section id="{PANEL_ID}" class="{PANEL_ID}" aria-labelledby="{PANEL_ID}-title" lang="zh-CN">',
             f"<style>{_PANEL_STYLE}</style>",
             f'<details id="{PANEL_ID}-details"><summary id="{PANEL_ID}-title">{summary}</summary>',
             f'<div class="{PANEL_ID}-body">']
    if current:
        parts.append("<p>网站已更新，但有下列提醒。改正文件并保存，本栏会自动更新；只有预览（sitegen serve）显示本栏。"
                     ' <span lang="en">The site was rebuilt with these warnings. Fix and save: this list updates '
                     "by itself. Only the preview shows it.</span></p>")
        parts.append(_items(current, source))
    if earlier:
        parts.append(f'<h2 class="{PANEL_ID}-earlier">之前报告的提醒 <span lang="en">Reported earlier</span></h2>'
                     "<p>下列提醒在 sitegen build 发布网站之前报告过；所说的改动已经发布，预览不再重复报告，"
                     "但读者用旧地址打开会看到 404。保存、删除或恢复所列的文件，或按提示用别的页面的 aliases: 保留旧地址，"
                     "即可从这里清除。"
                     ' <span lang="en">Reported before sitegen build published the site: the change they tell of is '
                     "published now, so the preview no longer repeats it, but readers' links to an old address they "
                     "name get 404. Saving, deleting or restoring the file named, or keeping the old address in "
                     "another page's aliases: as the hint says, clears it from here.</span></p>")
        parts.append(_items(earlier, source))
    parts.append(f"</div></details><script>{_KEEP_OPEN}</script></section>")
    return "".join(parts)


def _items(items: Sequence[ListedWarning], source: str | None) -> str:
    """The ``<ol>`` of some listed warnings, each as the terminal prints it."""
    shown = []
    for item in items:
        problem = item.problem
        tags = ""
        if source and problem.path == source:
            tags += f' <span class="{PANEL_ID}-tag">本页 <span lang="en">this page</span></span>'
        if not item.current:
            tags += f' <span class="{PANEL_ID}-when">报告于 <span lang="en">reported at</span> {item.reported}</span>'
        hint = (f'<p class="{PANEL_ID}-hint">提示 <span lang="en">Hint</span>: {html.escape(problem.hint)}</p>'
                if problem.hint else "")
        shown.append(f'<li><p class="{PANEL_ID}-where"><code>{html.escape(problem.location())}</code>{tags}</p>'
                     f'<p lang="en">{html.escape(problem.message)}</p>{hint}</li>')
    return "<ol>" + "".join(shown) + "</ol>"


def inject_panel(page: bytes, panel: str) -> bytes:
    """Add ``panel`` before the page's last ``</body>`` (at the end without one); "" leaves the page as it is."""
    if not panel:
        return page
    data = panel.encode("utf-8")
    at = page.lower().rfind(b"</body>")
    return page + data if at < 0 else page[:at] + data + page[at:]


# Every rule names the panel's own class, and sets what the theme might: the page's styles never leak in.
_P = f".{PANEL_ID}"
_PANEL_STYLE = (
    f"{_P}-spacer{{height:3.5rem}}"
    "html{scroll-padding-bottom:3.5rem}"  # a link reached with Tab is scrolled above the bar, not under it
    f"{_P}{{position:fixed;left:0;right:0;bottom:0;z-index:2147483000;margin:0;padding:0;text-align:left;"
    "font:400 1rem/1.5 system-ui,\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;color:#1a1a1a;"
    "background:#fff;border-top:3px solid #6b4e00;box-shadow:0 -2px 8px rgba(0,0,0,.25)}"
    f"{_P} details{{margin:0;padding:0}}"
    f"{_P} summary{{display:list-item;cursor:pointer;margin:0;padding:.6rem 1rem;background:#6b4e00;color:#fff;"
    "font-weight:700;list-style-position:inside}"
    f"{_P} summary:focus-visible{{outline:3px solid #1a1a1a;outline-offset:-6px;box-shadow:inset 0 0 0 6px #ffd24d}}"
    f"{_P}-body{{max-height:min(60vh,32rem);overflow:auto;padding:.5rem 1rem 1rem}}"
    f"{_P} p{{margin:.3rem 0;font-size:1rem}}"
    f"{_P} ol{{margin:.5rem 0;padding-left:1.4rem}}"
    f"{_P} li{{margin:0 0 .9rem;padding:0}}"
    f"{_P} code{{font:700 .95rem/1.4 ui-monospace,monospace;word-break:break-all;color:#1a1a1a;background:none}}"
    f"{_P}-tag,{_P}-when{{display:inline-block;margin-left:.5em;padding:0 .4em;border-radius:3px;"
    "font-size:.85rem;white-space:nowrap}"
    f"{_P}-tag{{background:#005a9c;color:#fff}}{_P}-when{{background:#f0f0f0;color:#1a1a1a;border:1px solid #767676}}"
    f"{_P}-hint{{background:#eef6ff;border-left:4px solid #005a9c;padding:.2rem .6rem}}"
    f"{_P}-earlier{{margin:1rem 0 .3rem;padding:0;border:0;font-size:1rem;font-weight:700;line-height:1.5;color:#1a1a1a}}"
    f"@media (max-width:30rem){{{_P}-en{{display:none}}}}"
    "@media print{" + f"{_P},{_P}-spacer" + "{display:none}}"
)

# Keeps the panel open or closed over live reloads (per tab); without storage it starts closed.
_KEEP_OPEN = (
    "(function(){var d=document.getElementById('" + PANEL_ID + "-details'),k='sitegen-warnings-open';"
    "try{d.open=sessionStorage.getItem(k)==='1';"
    "d.addEventListener('toggle',function(){sessionStorage.setItem(k,d.open?'1':'0');});}catch(e){}})();"
)

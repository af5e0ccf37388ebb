"""Regular expressions compiled when first used, not when their module is imported.

Job: let a module keep its patterns as named constants beside the code
that reads them, without every process paying to compile all of them.
Most of sitegen's patterns find one editor mistake each and run only when
the text holds that mistake, yet compiling a pattern costs far more than
a search: a class of Chinese characters (``[\\u3400-\\u9fff]``) takes about
1 ms, as Python's compiler marks each of its 27,000 code points. Compiled
at import, the 193 patterns of the six modules that read editors' text
(markup, yamltext, models, validation, config, checks) took about 30 ms of
every command's start (measured on a 2-core machine: the minimum of five
compilations of each); a build after a one-interview edit of a
1,000-page site uses 29 of them (6.5 ms), a full build 67 (11.5 ms).

A `LazyPattern` answers what an ``re.Pattern`` answers (``search``,
``sub``, ``pattern``, ``groupindex``…). Its first use compiles the
pattern and keeps the compiled pattern's bound methods on the object
itself, so later calls cost what calls on an ``re.Pattern`` cost.
Patterns that every build runs are compiled on first use too: in a
parallel build, by each worker (forked from a process that did not need
them), a few milliseconds that the workers spend side by side.

Every module of sitegen keeps its patterns so, those of the site graph,
the theme's checks and the commands included: the 93 patterns that were
still compiled at import took about 30 ms of every command's start (the
same machine, three runs). A test imports all of sitegen in a fresh
interpreter and fails naming the module and line of any pattern compiled
meanwhile.

May import: the standard library only.
"""

from __future__ import annotations

import re
from typing import Any

_FORWARDED = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "scanner",
              "flags", "groups", "groupindex")
"""The attributes of a compiled pattern a `LazyPattern` takes on when first used (``pattern`` it has from the start)."""


class LazyPattern:
    """A regular expression that is compiled (``re.compile(pattern, flags)``) the first time it is used.

    Takes the pattern (str or bytes) and the flags, as ``re.compile`` does.
    ``pattern`` is the source at once, without compiling, so other patterns
    can be composed from it. Any other attribute of ``re.Pattern`` compiles
    it; a pattern that is not valid raises ``re.error`` then, not when the
    object is made (the tests compile every pattern of sitegen's modules).
    """

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[Any]:
        """The compiled pattern (compiled now if not yet, and kept). Raises ``re.error`` if it is not valid."""
        compiled = re.compile(self.pattern, self._flags)
        for name in _FORWARDED:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for attributes not set yet: the first use of each forwarded one, or a wrong name.
        if name not in _FORWARDED:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def compile_later(pattern: str | bytes, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done on first use: a `LazyPattern`."""
    return LazyPattern(pattern, flags)

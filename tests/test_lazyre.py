"""Patterns compiled on first use (`sitegen.lazyre`) answer exactly what ``re.compile``'s patterns answer."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import pytest

import sitegen
from sitegen.lazyre import LazyPattern, compile_later

# Chinese text of the Baihe interview, with a bullet, figures and an ASCII word.
TEXT = "截至4月26日，共收集问题清单296张，其中上报区级143张；\n- 已解决103张（Baihe）\n- 在解决50张。"

CASES = [
    (r"[\u3400-\u9fff]+", 0),
    (r"(?P<count>\d+)张", 0),
    (r"^- (.+)$", re.MULTILINE),
    (r"baihe", re.IGNORECASE),
    ("(张)(；|。)", 0),
]


@pytest.mark.parametrize(("source", "flags"), CASES)
def test_every_method_answers_as_the_compiled_pattern(source: str, flags: int) -> None:
    lazy, compiled = compile_later(source, flags), re.compile(source, flags)
    assert lazy.search(TEXT).span() == compiled.search(TEXT).span()
    assert lazy.findall(TEXT) == compiled.findall(TEXT)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("#", TEXT) == compiled.sub("#", TEXT)
    assert lazy.subn(lambda m: m.group().upper(), TEXT, 2) == compiled.subn(lambda m: m.group().upper(), TEXT, 2)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert (lazy.match(TEXT, 2) is None) == (compiled.match(TEXT, 2) is None)
    assert (lazy.fullmatch("296张") is None) == (compiled.fullmatch("296张") is None)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)


def test_bytes_patterns_work_as_well() -> None:
    assert compile_later(rb"\x89PNG").match(b"\x89PNG\r\n").span() == (0, 4)


def test_nothing_is_compiled_before_the_first_use() -> None:
    lazy = compile_later(r"(\d+)张")
    assert lazy.pattern == r"(\d+)张"  # read to compose other patterns: no compiling
    assert "search" not in vars(lazy)
    assert lazy.search(TEXT).group(1) == "296"
    assert "search" in vars(lazy) and "sub" in vars(lazy)  # compiled once, every method kept


def test_a_wrong_pattern_fails_at_its_first_use_and_a_wrong_name_at_once() -> None:
    lazy = compile_later(r"[\u3400-")
    with pytest.raises(re.error):
        lazy.search(TEXT)
    with pytest.raises(AttributeError, match="no attribute 'serch'"):
        compile_later("a").serch  # noqa: B018 - the attribute access is the test


def _sitegen_modules() -> list[str]:
    """Every module of the package but ``__main__`` (which runs the command line when imported)."""
    return sorted(info.name for info in pkgutil.walk_packages(sitegen.__path__, "sitegen.")
                  if not info.name.endswith("__main__"))


def test_every_pattern_of_sitegen_compiles() -> None:
    """A pattern compiled on first use fails only when used: compile all of them here, so none waits for a user."""
    found: dict[str, int] = {}
    for name in _sitegen_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                value.compiled()
                found[name] = found.get(name, 0) + 1
    # The modules that read editors' text keep their patterns lazily (what the import saves); markup, yamltext and
    # checks keep theirs in the modules of their parts (sitegen.markupchecklinks…, sitegen.yamlscan…,
    # sitegen.checkrefs…), counted as one.
    for family in ("sitegen.markup", "sitegen.yaml", "sitegen.models", "sitegen.check"):
        assert sum(count for name, count in found.items() if name.startswith(family)) >= 10, family


_COMPILES_AT_IMPORT = r"""
import pkgutil, re, sys, importlib
compiled = []
plain = re._compile

def noting(pattern, flags):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "lazyre.py")):
        frame = frame.f_back
    name = frame.f_globals.get("__name__", "") if frame is not None else ""
    if name == "sitegen" or name.startswith("sitegen."):
        compiled.append(f"{name}:{frame.f_lineno}: {str(pattern)[:60]}")
    return plain(pattern, flags)

re._compile = noting
import sitegen
for info in pkgutil.walk_packages(sitegen.__path__, "sitegen."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
print("\n".join(compiled))
"""


def test_importing_sitegen_compiles_none_of_its_patterns() -> None:
    """Every command imports most of sitegen before it reads a file: a pattern compiled then (``re.compile`` at a
    module's top) is paid by every run, even one that never uses it; `compile_later` defers it to its first use.

    Run in a fresh interpreter, so that no module is imported already; each pattern compiled while sitegen's
    modules are imported is named with its module and line.
    """
    run = subprocess.run([sys.executable, "-c", _COMPILES_AT_IMPORT], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "", run.stdout

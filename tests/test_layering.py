"""The pipeline's layering: each module imports only the modules its docstring allows.

Every module of ``sitegen`` says in its docstring which of the others it may
import, on a line starting ``May import:`` (up to the next blank line; words
in parentheses are remarks, e.g. "(and the standard library)"). That line is
the one table: this file reads it, fails on an import it does not list, and
fails on a cycle among the permissions, so the one-way data flow (settings →
sources → records → checks → site graph → render → publish) cannot rot
silently, and the docstrings cannot drift from the code.

``outputs`` names the package ``sitegen/outputs/`` with its modules; the
package's ``__init__`` (the version) may be imported by any module.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sitegen

PACKAGE = Path(sitegen.__file__).parent
SOURCES = sorted(PACKAGE.rglob("*.py"))
MODULES = frozenset({path.stem for path in PACKAGE.glob("*.py")} - {"__init__", "__main__"} | {"outputs"})
"""The names a ``May import:`` line can give: sitegen's top-level modules and the outputs package."""

_REMARK_RE = re.compile(r"\([^()]*\)")
_WORD_RE = re.compile(r"[a-z_]+")


def declared_imports(source: str) -> set[str] | None:
    """The modules named on the ``May import:`` line of a module's docstring, or None when it has none.

    Takes the module's text. Parenthesised remarks are left out; any other
    word that is a module's name (`MODULES`) counts, so "errors, write (both
    use the standard library only)" gives ``{"errors", "write"}`` and "the
    standard library only" the empty set.
    """
    docstring = ast.get_docstring(ast.parse(source)) or ""
    start = docstring.find("May import:")
    if start < 0:
        return None
    line = docstring[start + len("May import:"):].split("\n\n", 1)[0]
    return {word for word in _WORD_RE.findall(_REMARK_RE.sub(" ", line)) if word in MODULES}


def _module_name(path: Path) -> str:
    """The name a ``May import:`` line gives the file: its top-level module, or "outputs" for the package."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def actual_imports(path: Path) -> set[str]:
    """The sitegen modules the file at ``path`` imports (see `imports_in`)."""
    return imports_in(path.read_text(encoding="utf-8"), in_outputs=len(path.relative_to(PACKAGE).parts) > 1)


def imports_in(source: str, *, in_outputs: bool) -> set[str]:
    """The sitegen modules a module's text imports, by the names of `MODULES` ("__init__" for the package).

    Reads every import statement, at the top or inside a function:
    ``from .x import y``, ``from . import x``, ``from sitegen import x``,
    ``from sitegen.x.y import z``, ``import sitegen.x`` and ``import sitegen``;
    inside ``outputs/``, ``from . import x`` and ``from .x import y`` name the
    outputs package (``in_outputs``: the text is a module of that package).
    """
    tree = ast.parse(source)
    found: set[str] = set()

    def top(parts: list[str]) -> str:
        return parts[0] if parts else "__init__"

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "sitegen" or alias.name.startswith("sitegen."):
                    found.add(top(alias.name.split(".")[1:]))
        elif isinstance(node, ast.ImportFrom):
            module = (node.module or "").split(".") if node.module else []
            if node.level == 0:
                if not module or module[0] != "sitegen":
                    continue
                within = module[1:]
            elif in_outputs and node.level == 1:
                found.add("outputs")
                continue
            else:
                within = module
            if within:
                found.add(within[0])
            else:  # from sitegen import x / from . import x: x is a module, or a name of __init__
                found.update(alias.name if alias.name in MODULES else "__init__" for alias in node.names)
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_every_module_says_what_it_may_import_and_imports_nothing_else(path: Path) -> None:
    if path.name in ("__init__.py", "__main__.py") and path.parent == PACKAGE:
        assert actual_imports(path) <= {"cli"}, "the package's __init__ and __main__ import no pipeline stage"
        return
    declared = declared_imports(path.read_text(encoding="utf-8"))
    assert declared is not None, f"{path.relative_to(PACKAGE)}: say in its docstring what it may import (May import: …)"
    extra = actual_imports(path) - declared - {_module_name(path), "__init__"}
    assert extra == set(), f"{path.relative_to(PACKAGE)} imports {sorted(extra)}, which its May import: line leaves out"


def test_the_permissions_have_no_cycles() -> None:
    allowed: dict[str, set[str]] = {}
    for path in SOURCES:
        declared = declared_imports(path.read_text(encoding="utf-8")) or set()
        allowed.setdefault(_module_name(path), set()).update(declared - {_module_name(path)})
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in visiting, "import cycle: " + " → ".join(trail + (name,))
        if name in done:
            return
        visiting.add(name)
        for dependency in sorted(allowed.get(name, set())):
            visit(dependency, trail + (name,))
        visiting.discard(name)
        done.add(name)

    for module in sorted(allowed):
        visit(module, ())


def test_the_layers_run_one_way() -> None:
    """The records do not reach up to the site graph or rendering, and nothing below the build imports it."""
    allowed: dict[str, set[str]] = {}
    for path in SOURCES:
        allowed.setdefault(_module_name(path), set()).update(declared_imports(path.read_text(encoding="utf-8")) or ())
    for low in ("errors", "yamltext", "sources", "models", "validation", "config", "slugs", "markup", "load",
                "placeholders"):
        assert allowed[low] & {"site", "render", "outputs", "build", "serve", "cli"} == set(), low
    for module, permitted in allowed.items():
        if module not in ("build", "serve", "cli"):
            assert "build" not in permitted, module
        if module != "cli":
            assert "cli" not in permitted and ("serve" not in permitted), module


def test_the_reader_sees_every_kind_of_import() -> None:
    """`imports_in` catches the forms an import of sitegen can take, so none slips past the check."""
    text = ("import sitegen\nimport sitegen.write\nfrom sitegen import charts, __version__\n"
            "from sitegen.site import Page\nfrom .render import x\nfrom . import bodies\n"
            "import os\nfrom pathlib import Path\ndef later():\n    from .serve import y\n")
    assert imports_in(text, in_outputs=False) == {"__init__", "write", "charts", "site", "render", "bodies", "serve"}
    assert imports_in("from . import feeds\nfrom .sitemap import x\nfrom ..site import Page\n", in_outputs=True) \
        == {"outputs", "site"}


def test_the_declared_line_is_read_as_written() -> None:
    assert declared_imports('"""X.\n\nMay import: errors, write (both use the standard library only).\n"""') \
        == {"errors", "write"}
    assert declared_imports('"""X.\n\nMay import: the standard library only.\n"""') == set()
    assert declared_imports('"""X.\n\nMay import: errors, load,\nworkers.\n\nMore text: site.\n"""') \
        == {"errors", "load", "workers"}
    assert declared_imports('"""X."""') is None


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.relative_to(PACKAGE).as_posix())
def test_no_module_binds_a_top_level_name_twice(path: Path) -> None:
    # A constant added under a name the module had already (yamltext's _NULLS, without "") silently replaced it
    # for every function above: empty values read as "", not as nothing. One name, one binding.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.append(node.name)
        for target in (node.targets if isinstance(node, ast.Assign) else
                       [node.target] if isinstance(node, ast.AnnAssign) else []):
            if isinstance(target, ast.Name):
                bound.append(target.id)
    assert sorted({name for name in bound if bound.count(name) > 1}) == []

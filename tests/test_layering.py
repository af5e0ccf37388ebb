"""The pipeline's layering: each module imports only the modules below it.

The table is the one in the README's Development section; a new module, or a
new import between modules, must be added here on purpose, so the one-way
data flow (settings → sources → records → checks → site graph → render →
publish) cannot rot silently.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sitegen

PACKAGE = Path(sitegen.__file__).parent

RECORDS = {"errors", "yamltext", "sources", "models", "validation", "config", "slugs"}
ALLOWED: dict[str, set[str]] = {
    "__init__": set(),
    "__main__": {"cli"},
    "errors": set(),
    "yamltext": {"errors"},
    "sources": {"errors", "yamltext"},
    "models": {"errors"},
    "validation": {"errors", "yamltext", "models"},
    "config": {"errors", "sources", "yamltext", "validation", "models"},
    "slugs": set(),
    "markup": {"errors"},
    "workers": set(),
    "bodies": {"errors", "markup", "fresh", "workers"},
    "fresh": {"errors", "write"},
    "pagecache": {"errors", "fresh"},
    "load": RECORDS | {"markup", "bodies", "fresh", "pagecache", "workers"},
    "pictures": {"models"},
    "checks": {"errors", "models", "load", "markup", "pictures", "validation"},
    "site": {"errors", "config", "models", "load", "markup", "pictures", "slugs"},
    "charts": {"models"},
    "outputs": {"errors", "config", "models", "site", "charts", "markup", "slugs", "outputs"},
    "render": {"errors", "config", "site", "charts", "markup", "models", "outputs", "workers"},
    "write": {"errors"},
    "depends": {"errors", "config", "models", "load", "site", "write", "fresh"},
    "build": RECORDS | {"markup", "load", "checks", "site", "charts", "render", "outputs", "write", "bodies",
                        "depends", "fresh", "workers"},
    "scaffold": RECORDS,
    "serve": {"build", "config", "errors", "scaffold", "write", "site", "load", "sources"},
    "cli": {"__init__", "build", "serve", "scaffold", "config", "errors", "fresh"},
}


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    return relative.parts[0]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package_depth = len(path.relative_to(PACKAGE).parts) - 1
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and (node.module or "").startswith("sitegen"):
                parts = (node.module or "").split(".")[1:]
                found.add(parts[0] if parts else "__init__")
            elif node.level > 0:
                up = node.level - 1
                if node.module:
                    base = node.module.split(".")[0]
                    found.add(base if up >= package_depth else "outputs")
                else:
                    for alias in node.names:
                        is_module = (PACKAGE / f"{alias.name}.py").exists() or (PACKAGE / alias.name).is_dir()
                        if up < package_depth:
                            found.add("outputs")
                        else:
                            found.add(alias.name if is_module else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sitegen."):
                    found.add(alias.name.split(".")[1])
    return found


def test_every_module_imports_only_what_the_table_allows() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        assert name in ALLOWED, f"{path.relative_to(PACKAGE)}: add module '{name}' to the layering table"
        extra = _imports(path) - ALLOWED[name] - {name}
        if extra:
            problems.append(f"{path.relative_to(PACKAGE)} imports {sorted(extra)}")
    assert problems == []


def test_the_table_has_no_cycles() -> None:
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in visiting, "import cycle: " + " → ".join(trail + (name,))
        if name in done:
            return
        visiting.add(name)
        for dependency in ALLOWED.get(name, set()) - {name}:
            visit(dependency, trail + (name,))
        visiting.discard(name)
        done.add(name)

    for module in ALLOWED:
        visit(module, ())

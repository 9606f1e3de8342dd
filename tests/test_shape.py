"""The shape of core/: no import circles.

Every import in core/ counts — at the top of a module or inside a function (an import inside a
function still ties the two modules together; it only hides the circle until the call). Imports
under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "core"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Every dotted name this module imports (absolute; relative imports resolved), wherever the
    import statement stands, except under `if TYPE_CHECKING:`."""
    names: set[str] = set()
    here = module.split(".") if is_package else module.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            origin = ".".join(base + ([node.module] if node.module else []))
            names.update(f"{origin}.{alias.name}" for alias in node.names)  # a module, or a name in origin
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    """module → the modules of `package` it imports. `from core.ui import widgets` is an edge to
    core.ui.widgets; an imported name that is not a module counts as its module (`from core.ui
    import trace` → core.ui). A package's __init__ run on the way to a submodule is not an edge."""
    files = {module_name(p, root): p for p in (root / package).rglob("*.py") if "checkpoints" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets = set()
        for imported in imported_names(ast.parse(path.read_text(), str(path)), name, path.name == "__init__.py"):
            while imported and imported not in files:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_the_graph_sees_imports_inside_functions(tmp_path):
    """The checker itself: a circle closed only by an import inside a function is found, one
    under TYPE_CHECKING is not, and relative imports are resolved."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg import b\n")
    (pkg / "b.py").write_text("def f():\n    from pkg.a import thing\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import d\n")
    (pkg / "d.py").write_text("import pkg.c\n")
    (pkg / "sub" / "e.py").write_text("from .f import x\n")
    (pkg / "sub" / "f.py").write_text("from ..sub import e\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.b"] == {"pkg.a"} and graph["pkg.c"] == set()
    assert cycles(graph) == [["pkg.a", "pkg.b"], ["pkg.sub.e", "pkg.sub.f"]]


def test_core_has_no_import_circles():
    found = cycles(import_graph())
    assert found == [], f"import circles in core/: {found}"


def test_one_trace_cache():
    """Traces are kept in one place (core/ui/traces.py), under one memory bound: the knocked-out
    traces of the interventions too."""
    made = [str(p.relative_to(ROOT)) for p in (ROOT / PACKAGE).rglob("*.py") if "TraceCache(" in p.read_text()]
    assert made == ["core/ui/traces.py"], f"trace caches made in: {made}"
    assert "traces.cached(" in (ROOT / "core/ui/interventions.py").read_text()

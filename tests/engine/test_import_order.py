"""The engine's modules import one another without a circle: the imports that run when a module loads (its top
level and class bodies, not function bodies, which load a module on first use) form a graph with no cycle, and
with the function bodies' imports too, but for the few upward ones still listed (KNOWN_UPWARD)."""
import ast
import pathlib

ENGINE = pathlib.Path(__file__).resolve().parents[2] / "tensorsh" / "engine"


def _module_name(path):
    parts = path.relative_to(ENGINE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _load_time_imports(tree):
    """The import statements that run when the module loads (function bodies are skipped)."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def import_graph(imports=None):
    """Each engine module's engine imports: those that run when it loads (imports(tree) gives others)."""
    imports = imports or _load_time_imports
    modules = {_module_name(p): p for p in ENGINE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in imports(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            prefix = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:  # (from . import autograd: a module; from .core import attach: its module)
                targets.add(f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in modules else prefix)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph):
    """One import circle as a list of modules (the first repeated at the end), or None."""
    state, path = {}, []

    def visit(module):
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[module] = "done"
        path.pop()
        return None
    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_engine_modules_import_without_a_circle():
    graph = import_graph()
    assert "tensorsh.engine.ops.core" in graph and "tensorsh.engine.autograd" in graph["tensorsh.engine.ops.core"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph))


def test_the_check_finds_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def _all_imports(tree):
    """Every import statement, function bodies' (a module loaded on first use) included."""
    return (node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)))


# The function-level imports that reach up a layer, each closing a circle: none are left (a low module that needs
# what sits above it has it bound as the upper one loads: typenames.bind, signatures.bind). Do not add one.
KNOWN_UPWARD = set()


def test_no_function_level_import_circle_beyond_the_known():
    graph = import_graph(_all_imports)
    prefix = "tensorsh.engine."
    for a, b in KNOWN_UPWARD:
        assert prefix + b in graph[prefix + a], f"{a} -> {b} is gone: take it off KNOWN_UPWARD"
        graph[prefix + a].discard(prefix + b)
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle)

"""Type hints on the public core API (issue 14): every public function of the contract modules and the tables
API names the types of its parameters and its result, and the hints resolve (``typing.get_type_hints``), so
they are valid types, not just present. For the modules in TYPED the public methods of their public classes
are checked too (the store's API class ``core.store.api.Store`` with every method of its mixins). A module
joins TYPED when it is annotated; the list only grows.

Names imported only under ``if TYPE_CHECKING:`` (pandas where a module promises no pandas at import, classes
of other modules) are resolved by running those import blocks into a side namespace."""

import ast
import importlib
import inspect
import typing

import pytest

TYPED = [
    "sozialplanung_plugin.core.fields",
    "sozialplanung_plugin.core.inputs",
    "sozialplanung_plugin.core.classify",
    "sozialplanung_plugin.core.checks",
    "sozialplanung_plugin.core.interpolate",
    "sozialplanung_plugin.core.aggregate",
    "sozialplanung_plugin.core.index",
    "sozialplanung_plugin.core.facilities",
    "sozialplanung_plugin.core.store.common",
    "sozialplanung_plugin.core.store.sql",
    "sozialplanung_plugin.core.store.files",
    "sozialplanung_plugin.core.store.gpkg",
    "sozialplanung_plugin.core.store.geometry",
    "sozialplanung_plugin.core.store.dialects",
    "sozialplanung_plugin.core.store.layers",
    "sozialplanung_plugin.core.store.roles",
    "sozialplanung_plugin.core.store.backup",
    "sozialplanung_plugin.core.store.migrations",
    "sozialplanung_plugin.core.store.catalogue",
    "sozialplanung_plugin.core.store.connection",
    "sozialplanung_plugin.core.store.units",
    "sozialplanung_plugin.core.store.values",
    "sozialplanung_plugin.core.store.targets",
    "sozialplanung_plugin.core.store.carry",
    "sozialplanung_plugin.core.store.facilities",
    "sozialplanung_plugin.core.store.api",
    "sozialplanung_plugin.core.secrets",
    "sozialplanung_plugin.core.i18n",
    "sozialplanung_plugin.core.colours",
    "sozialplanung_plugin.core.charts",
    "sozialplanung_plugin.core.overlay",
    "sozialplanung_plugin.core.disclosure",
    "sozialplanung_plugin.core.spaces",
    "sozialplanung_plugin.core.hotspots",
    "sozialplanung_plugin.core.strengths",
    "sozialplanung_plugin.core.network",
    "sozialplanung_plugin.core.graph",
    "sozialplanung_plugin.core.typology",
    "sozialplanung_plugin.core.sensitivity",
    "sozialplanung_plugin.core.zensus_grid",
    "sozialplanung_plugin.core.report_docx",
    "sozialplanung_plugin.core.report_content",
    "sozialplanung_plugin.core.catalogue",
    "sozialplanung_plugin.core.regionalise",
    "sozialplanung_plugin.core.errors",
    # the table reader: the cells, headers and table model modules and read_table (core.tables.source, the
    # bytes-to-columns layer that only the package itself uses, is not part of the API)
    "sozialplanung_plugin.core.tables.cells",
    "sozialplanung_plugin.core.tables.headers",
    "sozialplanung_plugin.core.tables.model",
    "sozialplanung_plugin.core.tables.reader",
]
# the public classes' methods are checked in every module of TYPED; the store's API class Store is checked with
# all the methods of its mixins (connection, catalogue, units, values, targets, carry, facilities)
TYPED_CLASSES = TYPED
TABLES_API = ["read_table", "parse_cell", "match_keys", "strip_markers", "normalise_label", "header_slug"]
#: what other packages import from core.tables besides its __all__ (core.catalogue: the alias index)
TABLES_USED_OUTSIDE = {"sozialplanung_plugin.core.tables.headers": ["AliasIndex", "match_label"]}


def missing_hints(func):
    sig = inspect.signature(func)
    missing = [
        name
        for name, p in sig.parameters.items()
        if name not in ("self", "cls") and p.annotation is inspect.Parameter.empty
    ]
    if sig.return_annotation is inspect.Signature.empty:
        missing.append("return")
    return missing


def public_functions(module):
    return [
        f
        for name, f in vars(module).items()
        if inspect.isfunction(f) and not name.startswith("_") and f.__module__ == module.__name__
    ]


def public_methods(cls):
    """Public methods and ``__init__`` (also static/class methods and property getters) defined in ``cls`` or its
    bases of the plugin (the store's mixins); a dataclass's generated ``__init__`` takes its fields' hints."""
    out = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("sozialplanung_plugin."):
            continue
        for name, attr in vars(klass).items():
            if name.startswith("_") and name != "__init__":
                continue
            if isinstance(attr, (staticmethod, classmethod)):
                attr = attr.__func__
            elif isinstance(attr, property):
                attr = attr.fget
            if inspect.isfunction(attr):
                out[name] = attr
    return list(out.values())


def public_classes(module):
    return [
        c
        for name, c in vars(module).items()
        if inspect.isclass(c) and not name.startswith("_") and c.__module__ == module.__name__
    ]


def type_checking_namespace(module):
    """The names a module imports or defines under ``if TYPE_CHECKING:`` (executed here, in a copy of the
    module's namespace, so that aliases there may use the module's own names)."""
    tree = ast.parse(inspect.getsource(module))
    ns = dict(vars(module))
    package = module.__name__ if hasattr(module, "__path__") else module.__name__.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom) and stmt.level:
                    base = importlib.import_module(("." * stmt.level) + (stmt.module or ""), package)
                    for alias in stmt.names:
                        if hasattr(base, alias.name):
                            value = getattr(base, alias.name)
                        elif alias.name in (extra := type_checking_namespace(base)):
                            value = extra[alias.name]  # e.g. a type alias the other module defines for checkers
                        else:
                            value = importlib.import_module(f"{base.__name__}.{alias.name}")
                        ns[alias.asname or alias.name] = value
                else:
                    exec(compile(ast.Module([stmt], []), module.__file__, "exec"), ns)
    return ns


def unresolved_hints(functions, module):
    localns = type_checking_namespace(module)
    bad = {}
    for f in functions:
        owner = importlib.import_module(f.__module__)
        ns = localns if owner is module else type_checking_namespace(owner)
        try:
            typing.get_type_hints(f, localns=ns)
        except Exception as exc:  # NameError, TypeError (e.g. `int | "X"` on 3.11), SyntaxError
            bad[f.__qualname__] = f"{type(exc).__name__}: {exc}"
    return bad


@pytest.mark.parametrize("name", TYPED)
def test_public_functions_are_annotated(name):
    module = importlib.import_module(name)
    functions = public_functions(module)
    assert functions or public_classes(module)  # a module of mixins (core.store.values ...) has classes only
    unannotated = {f.__name__: m for f in functions if (m := missing_hints(f))}
    assert not unannotated, f"{name}: functions without type hints: {unannotated}"


@pytest.mark.parametrize("name", TYPED)
def test_hints_resolve(name):
    module = importlib.import_module(name)
    functions = public_functions(module)
    if name in TYPED_CLASSES:
        functions += [m for c in public_classes(module) for m in public_methods(c)]
    bad = unresolved_hints(functions, module)
    assert not bad, f"{name}: hints that do not resolve: {bad}"


@pytest.mark.parametrize("name", TYPED_CLASSES)
def test_public_methods_are_annotated(name):
    module = importlib.import_module(name)
    methods = [m for c in public_classes(module) for m in public_methods(c)]
    unannotated = {f.__qualname__: m for f in methods if (m := missing_hints(f))}
    assert not unannotated, f"{name}: methods without type hints: {unannotated}"


def test_tables_api_is_annotated():
    from sozialplanung_plugin.core import tables

    unannotated = {n: m for n in TABLES_API if (m := missing_hints(getattr(tables, n)))}
    assert not unannotated, unannotated


def _tables_api():
    """Every function and class the package core.tables exports (its __all__) or other packages import from its
    modules: (functions, the classes' public methods)."""
    from sozialplanung_plugin.core import tables

    objects = [getattr(tables, n) for n in tables.__all__]
    for name, names in TABLES_USED_OUTSIDE.items():
        module = importlib.import_module(name)
        objects += [getattr(module, n) for n in names]
    functions = [o for o in objects if inspect.isfunction(o)]
    methods = [m for o in objects if inspect.isclass(o) for m in public_methods(o)]
    return functions, methods


def test_the_whole_tables_api_is_annotated_and_resolves():
    """All of core.tables' __all__ (read_table, parse_cell, StatTable with its methods and properties, ColumnInfo,
    match_keys, KeyMatchReport, ...) and the alias index core.catalogue uses: every parameter and result typed,
    every hint a valid type."""
    functions, methods = _tables_api()
    assert len(functions) >= 6 and len(methods) >= 10
    unannotated = {f.__qualname__: m for f in functions + methods if (m := missing_hints(f))}
    assert not unannotated, unannotated
    bad = {}
    for f in functions + methods:
        bad.update(unresolved_hints([f], importlib.import_module(f.__module__)))
    assert not bad, bad


def test_the_check_finds_a_missing_hint():
    def typed(a: int, *, b: str = "") -> int:
        return a

    def untyped(a, b: str = ""):
        return a

    assert missing_hints(typed) == [] and missing_hints(untyped) == ["a", "return"]


def test_the_check_finds_a_hint_that_does_not_resolve():
    ns = {"__name__": __name__}
    exec("from __future__ import annotations\ndef f(a: NoSuchType) -> int:\n    return 1\n", ns)
    exec("from __future__ import annotations\ndef g(a: int | None) -> list[str]:\n    return []\n", ns)
    module = importlib.import_module(__name__)
    assert list(unresolved_hints([ns["f"], ns["g"]], module)) == ["f"]


def test_the_check_finds_an_unannotated_method():
    class Probe:
        def typed(self, a: int) -> int:
            return a

        def untyped(self, a):
            return a

        def _private(self, a):
            return a

    Probe.__module__ = "sozialplanung_plugin.core._probe"
    found = {f.__name__: missing_hints(f) for f in public_methods(Probe)}
    assert found == {"typed": [], "untyped": ["a", "return"]}


# modules that import pandas only for their annotations (under TYPE_CHECKING): importing them loads no pandas
NO_PANDAS_AT_IMPORT = [
    "sozialplanung_plugin.core.fields",
    "sozialplanung_plugin.core.inputs",
    "sozialplanung_plugin.core.store",
    "sozialplanung_plugin.core.spaces",
    "sozialplanung_plugin.core.regionalise",
    "sozialplanung_plugin.core.graph",
    "sozialplanung_plugin.core.network",
    "sozialplanung_plugin.core.hotspots",
    "sozialplanung_plugin.core.catalogue",
    "sozialplanung_plugin.core.overlay",
    "sozialplanung_plugin.core.charts",
    "sozialplanung_plugin.core.report_docx",
    "sozialplanung_plugin.core.tables",
]


def test_annotations_cost_nothing_at_import():
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys\n" + "".join(f"import {m}\n" for m in NO_PANDAS_AT_IMPORT) + "print('pandas' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

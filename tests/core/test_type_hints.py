"""Type hints on the public core API (issue 14): every public function of the contract modules and the tables
API names the types of its parameters and its result. A module joins TYPED when it is annotated; the list only
grows."""

import importlib
import inspect

import pytest

TYPED = [
    "sozialplanung_plugin.core.fields",
    "sozialplanung_plugin.core.inputs",
    "sozialplanung_plugin.core.classify",
    "sozialplanung_plugin.core.checks",
    "sozialplanung_plugin.core.interpolate",
]
TABLES_API = ["read_table", "parse_cell", "match_keys", "strip_markers", "normalise_label", "header_slug"]


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


@pytest.mark.parametrize("name", TYPED)
def test_public_functions_are_annotated(name):
    module = importlib.import_module(name)
    functions = public_functions(module)
    assert functions
    unannotated = {f.__name__: m for f in functions if (m := missing_hints(f))}
    assert not unannotated, f"{name}: functions without type hints: {unannotated}"


def test_tables_api_is_annotated():
    from sozialplanung_plugin.core import tables

    unannotated = {n: m for n in TABLES_API if (m := missing_hints(getattr(tables, n)))}
    assert not unannotated, unannotated


def test_the_check_finds_a_missing_hint():
    def typed(a: int, *, b: str = "") -> int:
        return a

    def untyped(a, b: str = ""):
        return a

    assert missing_hints(typed) == [] and missing_hints(untyped) == ["a", "return"]

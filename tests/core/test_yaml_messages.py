"""YAML parse errors in the user's language (issue 15): core.catalogue.yaml_error turns PyYAML's English words
into a sentence of ours with the line, the column and what to do.

Real PyYAML errors, from both of its parsers (the Python SafeLoader and libyaml's CSafeLoader, whose words differ),
through the public readers: a catalogue (overlay), a rule set of the typology and a facility types file. In German
the message must not quote PyYAML; only a kind we do not know quotes the parser (marked as its words).
"""

import pytest
import yaml

from sozialplanung_plugin.core import catalogue, facilities, i18n, overlay, typology
from sozialplanung_plugin.core.errors import InputError

from ..helpers import core_german

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

# text, (line, column), a part of the English and of the German description
KINDS = {
    "tab": ("a: 1\nb:\n\tc: 2\n", (3, 1), "a tab character", "Tabulator"),
    "tab_in_list": ("indicators:\n  - id: x\n\t name: y\n", (3, 1), "a tab character", "Tabulator"),
    "colon": ("name: Quote: hoch\n", (1, 12), "a colon at the wrong place", "Doppelpunkt an falscher Stelle"),
    "no_colon": ("a: 1\nb\nc: 2\n", (2, 1), "a ':' is missing", "ein „:“ fehlt"),
    "alias": ("a: *x\n", (1, 4), "'*'", "„*“"),
    "indent": ("a:\n  b: 1\n c: 2\n", (3, 2), "the indentation does not fit", "Einrückung passt nicht"),
    "list_after_key": ("a: 1\n- b\n", (2, 1), "the indentation does not fit", "Einrückung passt nicht"),
    "list": ("a: [1, 2\nb: 3\n", None, "the list opened with '[' in line 1", "in Zeile 1 mit „[“ geöffnete Liste"),
    "mapping": ("a: {b: 1\n", (2, 1), "the entry opened with '{' in line 1", "in Zeile 1 mit „{“ geöffnete"),
    "flow_end": ("a: [1,\n", (2, 1), "ends without a value", "endet ohne Wert"),
    "quote": ('a: 1\nb: "abc\nc: 2\n', (2, 4), "the quote opened here is never closed", "nie geschlossen"),
    "percent": ("a: %x\n", (1, 4), "the character %", "mit dem Zeichen %"),
    "at": ("a: @x\n", (1, 4), "the character @", "mit dem Zeichen @"),
    "tag": ("a: !foo x\n", (1, 4), "'!'", "„!“"),
    "escape": ('a: "C:\\qgis"\n', (1, None), "a backslash in double quotes", "Backslash"),
    "documents": ("a: 1\n---\nb: 2\n", (2, 1), "more than one document", "mehr als ein Dokument"),
    "anchor": ("a: &x 1\nb: &x 2\n", (2, 4), "the same '&' name", "„&“-Namen"),
    "control": ("a: \x1a\n", (1, 4), "control character #x001a", "Steuerzeichen #x001a"),
}
PYYAML_WORDS = (
    "cannot start any token",
    "mapping values",
    "could not find expected",
    "expected <block end>",
    "did not find expected",
    "undefined alias",
    "while scanning",
    "while parsing",
    "end of stream",
    "unacceptable character",
    "not allowed",
    '"<unicode string>"',
)


@pytest.fixture
def german():
    table = core_german()
    i18n.set_translator(lambda s: table.get(s, s), decimal=",")
    yield table
    i18n.set_translator(None)


def _error(text, loader):
    try:
        yaml.load(text, Loader=loader)  # nosec B506 - SafeLoader or CSafeLoader only
    except yaml.YAMLError as exc:
        return exc
    raise AssertionError(f"PyYAML read {text!r}")


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_gets_its_own_sentence_with_line_and_column(kind, loader):
    text, at, english, _german = KINDS[kind]
    where, what, line = catalogue.yaml_error(_error(text, loader), text)
    assert english in what, what
    assert not any(w in what for w in PYYAML_WORDS), what
    if at is not None:
        assert line == at[0]
        expected = f", line {at[0]}, column " + (str(at[1]) if at[1] is not None else "")
        assert where.startswith(expected), where


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_german_in_a_german_qgis(german, kind, loader):
    text, at, _english, part = KINDS[kind]
    where, what, _line = catalogue.yaml_error(_error(text, loader), text)
    assert part in what, what
    assert not any(w in what for w in PYYAML_WORDS), what
    if at is not None:
        assert where.startswith(f", Zeile {at[0]}, Spalte "), where


def test_an_unknown_kind_quotes_the_parser_and_says_so(german):
    exc = _error("a: |x\n", yaml.SafeLoader)  # a block scalar with a bad indicator: rare, not one of ours
    where, what, line = catalogue.yaml_error(exc)
    assert what.startswith("Der YAML-Leser meldet (auf Englisch): while scanning a block scalar; "), what
    assert (where, line) == (", Zeile 1, Spalte 5", 1)


def test_a_file_that_is_not_utf8_is_named_as_such(tmp_path):
    p = tmp_path / "typen.yaml"
    p.write_bytes(b"types:\n  kita: {name: Kita, aliases: [Kindertagesst\xe4tte]}\n")
    with pytest.raises(InputError) as err:
        facilities.load_facility_types(p)
    assert str(err.value) == (
        f"The facility types file {p}, line 2, column 45 is not valid YAML: the file is not UTF-8 text (byte 0xe4); "
        "save it as UTF-8 (a text editor's 'Save as' offers it)."
    )


def test_catalogue_overlay_rule_set_and_types_file_in_german(german, tmp_path):
    broken = tmp_path / "kreis.yaml"
    broken.write_text("indicators:\n  - id: x\n    numerator: [ew\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        catalogue.load_catalogue(broken)
    assert str(err.value) == (
        "Katalogdatei „kreis.yaml“, Zeile 4, Spalte 1: Das YAML ist nicht lesbar: Die in Zeile 3 mit „[“ "
        "geöffnete Liste wird nicht mit „]“ geschlossen (oder zwischen ihren Einträgen fehlt ein Komma)."
    )
    assert err.value.row == 4
    with pytest.raises(InputError) as err:  # the catalogue dock's editing path reads the same way
        overlay.read_overlay(broken)
    assert str(err.value).startswith("Katalogdatei „kreis.yaml“, Zeile 4, Spalte 1: Das YAML ist nicht lesbar")

    rules = tmp_path / "regeln.yaml"
    rules.write_text("fields:\n  - id: armut\n\t  when: []\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        typology.load_rules(rules)
    assert str(err.value) == (
        f"Die Regeldatei {rules}, Zeile 3, Spalte 1 ist kein gültiges YAML: ein Tabulator; YAML rückt nur mit "
        "Leerzeichen ein: Ersetzen Sie den Tabulator durch Leerzeichen."
    )

    types = tmp_path / "typen.yaml"
    types.write_text("types:\n  kita:\n    name: Kita: Krippe\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        facilities.load_facility_types(types)
    assert str(err.value) == (
        f"Die Datei der Einrichtungstypen {types}, Zeile 3, Spalte 15 ist kein gültiges YAML: ein Doppelpunkt an "
        "falscher Stelle: Setzen Sie einen Wert, der „: “ enthält, in Anführungszeichen, oder rücken Sie die Zeile "
        "wie die Einträge ihrer Ebene ein."
    )


def test_binary_catalogue_names_the_control_character(tmp_path):
    p = tmp_path / "bild.yaml"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(InputError) as err:
        catalogue.load_catalogue(p)
    msg = str(err.value)
    assert msg.startswith("Catalogue file 'bild.yaml', line "), msg
    assert "the YAML cannot be read: the file holds the control character #x" in msg, msg
    assert "<unicode string>" not in msg

"""core.overlay: the county's catalogue file read, changed and written, and built from an exported table."""

import pytest

from sozialplanung_plugin.core import overlay
from sozialplanung_plugin.core.catalogue import default_catalogue, load_catalogue
from sozialplanung_plugin.core.errors import InputError

OWN = {"id": "kinderarmut_u6", "name": "Kinderarmut unter 6", "numerator": ["sgb2_u6"], "denominator": ["ew_u6"]}


def test_new_file_then_add_replace_disable_and_back(tmp_path):
    path = tmp_path / "kreis" / "eigene.yaml"
    data = overlay.read_overlay(path)
    assert data["indicators"] == [] and data["catalogue"]["name"] == "Eigene Indikatoren"
    data = overlay.with_indicator(data, OWN)
    data = overlay.with_indicator(data, dict(OWN, name="Kinderarmut u6"))  # replaced by id, not added
    assert [e["name"] for e in data["indicators"]] == ["Kinderarmut u6"]
    data = overlay.without_indicator(data, "sgb2_quote", in_default=True)  # a default one is switched off
    assert data["disable"] == ["sgb2_quote"]
    overlay.write_overlay(path, data)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Own indicators of the county") and not (tmp_path / "kreis" / "eigene.yaml.part").exists()
    back = overlay.read_overlay(path)
    assert back["indicators"] == data["indicators"] and back["disable"] == ["sgb2_quote"]
    again = overlay.with_indicator(back, {"id": "sgb2_quote", "unit": "%"})  # re-enabled when given again
    assert "disable" not in again and back["disable"] == ["sgb2_quote"]  # copies: the input stays as it was
    gone = overlay.without_indicator(again, "kinderarmut_u6", in_default=False)
    assert [e["id"] for e in gone["indicators"]] == ["sgb2_quote"] and "disable" not in gone


def test_a_written_file_is_a_catalogue_overlay(tmp_path):
    path = tmp_path / "eigene.yaml"
    overlay.write_overlay(path, overlay.without_indicator(overlay.read_overlay(path), "auslaenderanteil", True))
    cat = load_catalogue(str(path))
    assert "auslaenderanteil" not in cat.indicators and "kinderarmut_sgb2_u15" in cat.indicators


def test_table_rows_differing_from_the_default_become_entries(tmp_path):
    base = default_catalogue()
    ind = base.indicators["sgb2_quote"]
    csv = tmp_path / "katalog.csv"
    csv.write_text(
        "ID;Name;Einheit;Faktor;Mindestnenner;Zähler;Nenner;Aktiv\n"
        f"sgb2_quote;{ind.name};{ind.unit};{ind.multiplier};{ind.min_denominator};"
        f"{','.join(ind.numerator)};{','.join(ind.denominator)};ja\n"  # as the default: left out
        "kinderarmut_sgb2_u15;Kinderarmut;%;100;1.000;sgb2_u15;ew_u15;ja\n"  # German thousands: 1.000
        "alo_quote;;;;;;;nein\n"
        "eigen_x;Eigener Wert;%;0,5;;a; b ;ja\n",
        encoding="cp1252",
    )
    data = overlay.overlay_from_table(csv, base)
    by_id = {e["id"]: e for e in data["indicators"]}
    assert "sgb2_quote" not in by_id and data["disable"] == ["alo_quote"]
    assert by_id["kinderarmut_sgb2_u15"]["min_denominator"] == 1000
    assert by_id["eigen_x"] == {
        "id": "eigen_x",
        "name": "Eigener Wert",
        "unit": "%",
        "multiplier": 0.5,
        "numerator": ["a"],
        "denominator": ["b"],
    }


def test_table_errors_name_the_file_and_row(tmp_path):
    empty = tmp_path / "leer.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="'leer.csv' is empty"):
        overlay.overlay_from_table(empty, default_catalogue())
    no_id = tmp_path / "ohne.csv"
    no_id.write_text("Name;Einheit\nx;%\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'ID' in the first row"):
        overlay.overlay_from_table(no_id, default_catalogue())
    blank = tmp_path / "luecke.csv"
    blank.write_text("ID;Name\neigen_a;A\n;B\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3: the column ID is empty"):
        overlay.overlay_from_table(blank, default_catalogue())

"""Writes the malformed-table corpus (run once; the files are committed). Each file has one defect that
read_table() must report as an InputError naming the line/row and column and saying what to do.
The expected message parts live in tests/core/test_tables.py (MALFORMED_CASES)."""

import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def w(name, text, encoding="cp1252"):
    with open(os.path.join(HERE, name), "wb") as fh:
        fh.write(text.replace("\n", "\r\n").encode(encoding))


def main():
    head = "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre\n"
    w("non_numeric_cell.csv", head + "053780040012;120;18\n053780040013;zwölf;3\n")
    w("text_with_unit.csv", head + "053780040012;120 EW;18\n")
    w("duplicate_key.csv", head + "053780040012;120;18\n053780040013;80;9\n053780040012;121;18\n")
    w("missing_key.csv", head + "053780040012;120;18\n;80;9\n")
    w("no_header.csv", "053780040012;120;18\n053780040013;80;9\n")
    w("empty.csv", "")
    w("only_title.csv", "Tabelle 1: Einwohner nach Blöcken\nStand 31.12.2014\n")
    w("english_decimal_in_german.csv", "Gebiet;Anteil\nA;10,5\nB;1.5\n")
    w("scientific_key.csv", "Blocknummer;Einwohner insgesamt\n5,3780E+10;120\n")
    w("unclosed_quote.csv", head + '053780040012;"120;18\n053780040013;80;9\n053780040014;70;8\n')
    w("value_without_header.csv", "Gebiet;Einwohner insgesamt;\nA;120;7\nB;80;9\n")
    w("comma_decimal_with_comma_sep.csv", "Gebiet,Einwohner insgesamt,Anteil\nA,120,10,5\nB,80,7,2\n")
    w("duplicate_columns.csv", "Gebiet;Einwohner insgesamt 2014;Einwohner insgesamt 2014 (1)\nA;1;2\n")
    w("bad_year.csv", "Blocknummer;Jahr;Einwohner insgesamt\n053780040012;2014;120\n053780040012;vierzehn;121\n")
    w("empty_year.csv", "Blocknummer;Jahr;Einwohner insgesamt\n053780040012;2014;120\n053780040013;;121\n")
    w(
        "duplicate_key_year.csv",
        "Blocknummer;Jahr;Einwohner insgesamt\n053780040012;2014;120\n053780040012;2013;119\n053780040012;2014;121\n",
    )
    w(
        "long_duplicate_variable.csv",
        "AGS;Jahr;Merkmal;Wert\n05378004;2014;Einwohner insgesamt;110.000\n05378004;2014;Einwohner;110.001\n",
    )
    w(
        "long_missing_variable.csv",
        "AGS;Jahr;Merkmal;Wert\n05378004;2014;Einwohner insgesamt;110.000\n05378008;2014;;18.500\n",
    )
    w("bad_thousands.csv", "Gebiet;Einwohner insgesamt\nA;1.23.456\n")
    w("many_bad_cells.csv", head + "1;a;b\n2;c;d\n3;4;5\n")
    w("only_key_column.csv", "Gebiet\nA\nB\n")
    w("title_then_bad_numbers.csv", "Tabelle 2: Einwohner\n\nGebiet;Einwohner insgesamt\nA;ca. 100\n")
    w("wrong_key_param.csv", head + "053780040012;120;18\n")
    w("utf8_read_as_ascii.csv", "Gebiet;Einwohner insgesamt\nKürten;120\n", encoding="utf-8")
    with open(os.path.join(HERE, "binary_renamed.csv"), "wb") as fh:
        fh.write(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 4)
    with open(os.path.join(HERE, "old_format.xls"), "wb") as fh:
        fh.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with open(os.path.join(HERE, "corrupt.xlsx"), "wb") as fh:
        fh.write(b"this is not a workbook")

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daten"
    ws.append(["AGS", "Einwohner insgesamt", "Ausländer"])
    ws.append(["05378004", 110000, 5])
    ws.append(["05378008", datetime.datetime(2014, 12, 31), 6])
    wb.save(os.path.join(HERE, "date_in_value.xlsx"))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daten"
    ws.append(["AGS", "Einwohner insgesamt"])
    ws.append([5378004.5, 110000])
    wb.save(os.path.join(HERE, "decimal_key.xlsx"))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabelle1"
    ws.append(["AGS", "Einwohner insgesamt"])
    ws.append(["05378004", 110000])
    wb.save(os.path.join(HERE, "missing_sheet.xlsx"))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daten"
    ws.append(["Gemeinde", "Einwohner insgesamt", "Ausländer"])
    ws.append(["Kürten", 19000, "."])
    ws.append(["Burscheid", 18000, "k.A."])
    wb.save(os.path.join(HERE, "xlsx_text_cell.xlsx"))


if __name__ == "__main__":
    main()

"""Writes realistic sample tables (committed) used by tests/core/test_tables.py: as offices deliver them."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    # Bundesagentur für Arbeit, small-area evaluation (AkG): title lines, '*' for 1 and 2, footnotes, cp1252
    text = (
        "Statistik der Bundesagentur für Arbeit;;;\n"
        "Auswertung für kleinräumige Gebiete (AkG) - Rheinisch-Bergischer Kreis;;;\n"
        "Berichtsmonat: Dezember 2014;;;\n"
        ";;;\n"
        "Gebietsschlüssel;Arbeitslose insgesamt;Arbeitslose unter 25 Jahren;Langzeitarbeitslose¹\n"
        "053780040001;57;4;21\n"
        "053780040002;12;*;5\n"
        "053780040003;*;-;*\n"
        "053780040004;1.204;118;466\n"
        ";;;\n"
        "¹) Arbeitslose, die ein Jahr und länger arbeitslos sind (§ 18 SGB III);;;\n"
        "*) Werte von 1 oder 2 und Daten, aus denen rechnerisch auf einen solchen Wert geschlossen werden kann, "
        "werden anonymisiert.;;;\n"
        "Quelle: Statistik der Bundesagentur für Arbeit;;;\n"
    )
    with open(os.path.join(HERE, "ba_akg_2014.csv"), "wb") as fh:
        fh.write(text.replace("\n", "\r\n").encode("cp1252"))

    # Landesamt style: UTF-8 with BOM, two header rows (years under the variable), DIN symbols, superscripts
    text = (
        "Bevölkerung und Sozialleistungen nach Gemeinden\n"
        "AGS;Gemeinde;Einwohner insgesamt;;Grundsicherung im Alter 65+²;\n"
        ";;2019;2020;2019;2020\n"
        "05378004;Bergisch Gladbach;111.846;111.645 p;1.105;1.130 p\n"
        "05378008;Burscheid;18.240;18.184 p;(95);100 p\n"
        "05378012;Kürten;19.484;19.463 p;.;…\n"
        "05378016;Leichlingen (Rhld.);27.943;27.991 p;x;/\n"
        "\n"
        "² Empfängerinnen und Empfänger nach dem 4. Kapitel SGB XII; ab 2020 auf Vielfache von 5 gerundet\n"
        "p = vorläufig\n"
    )
    with open(os.path.join(HERE, "landesamt_gemeinden_2019_2020.csv"), "wb") as fh:
        fh.write(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))

    # Municipal register extract, long layout, XLSX with block keys stored as numbers (leading zero lost)
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bloecke"
    ws.append(["Blocknummer", "Jahr", "Einwohner insgesamt", "Einwohner unter 18 Jahre", "Zuzüge", "Fortzüge"])
    ws.append([53780040001, 2013, 412, 71, 25, 31])
    ws.append([53780040001, 2014, 407, 69, 22, 27])
    ws.append([53780040002, 2013, 96, 15, 4, 2])
    ws.append([53780040002, 2014, 101, 17, 9, 4])
    wb.save(os.path.join(HERE, "register_bloecke_long.xlsx"))


if __name__ == "__main__":
    main()

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AggregateIndicators</name>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="151" />
      <source>Aggregate indicators across levels and years</source>
      <translation>Indikatoren über Ebenen und Jahre aggregieren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="162" />
      <source>Spatial units (e.g. statistical blocks)</source>
      <translation>Raumeinheiten (z. B. statistische Blöcke)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="164" />
      <source>Unit key field (matches the tables' key column)</source>
      <translation>Schlüsselfeld der Einheiten (passend zur Schlüsselspalte der Tabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="167" />
      <source>Statistics tables (CSV/XLSX files)</source>
      <translation>Statistiktabellen (CSV-/XLSX-Dateien)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="169" />
      <source>Key column in the tables (empty = detect, e.g. Blocknummer)</source>
      <translation>Schlüsselspalte in den Tabellen (leer = erkennen, z. B. Blocknummer)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="172" />
      <source>Years of tables without a year column, in order (e.g. 2023, 2024)</source>
      <translation>Jahre der Tabellen ohne Jahresspalte, in Reihenfolge (z. B. 2023, 2024)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="175" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="178" />
      <source>Indicator ids, comma separated (empty = all computable)</source>
      <translation>Indikator-IDs, durch Komma getrennt (leer = alle berechenbaren)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="180" />
      <source>Assignment fields of the units, lowest level first (e.g. sr_id, ags)</source>
      <translation>Zuordnungsfelder der Einheiten, unterste Ebene zuerst (z. B. sr_id, ags)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="183" />
      <source>Name fields for these levels, same order (optional)</source>
      <translation>Namensfelder dieser Ebenen, gleiche Reihenfolge (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="186" />
      <source>Municipality field (reference level; default: 'ags' if listed)</source>
      <translation>Gemeindefeld (Vergleichsebene; Vorgabe: 'ags', falls angegeben)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="189" />
      <source>Target polygon layer (units assigned by point on surface)</source>
      <translation>Zielpolygon-Layer (Zuordnung der Einheiten über Punkt auf Oberfläche)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="192" />
      <source>Target key field</source>
      <translation>Schlüsselfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="195" />
      <source>Target name field</source>
      <translation>Namensfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="198" />
      <source>Add the county level (all units)</source>
      <translation>Kreisebene hinzufügen (alle Einheiten)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="200" />
      <source>County name</source>
      <translation>Name des Kreises</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="202" />
      <source>Layout of years</source>
      <translation>Anordnung der Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="202" />
      <source>wide: one row per unit, &lt;id&gt;_&lt;year&gt;</source>
      <translation>breit: eine Zeile je Einheit, &lt;id&gt;_&lt;jahr&gt;</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="203" />
      <source>long: one row per unit and year</source>
      <translation>lang: eine Zeile je Einheit und Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="205" />
      <source>Add reference values (county, municipality) and deviations</source>
      <translation>Vergleichswerte (Kreis, Gemeinde) und Abweichungen hinzufügen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="207" />
      <source>Disclosure control for publication (suppress small counts)</source>
      <translation>Geheimhaltung für die Veröffentlichung (kleine Fallzahlen sperren)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="209" />
      <source>Suppress counts below</source>
      <translation>Fallzahlen sperren unter</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="211" />
      <source>Suppress zero counts too</source>
      <translation>Auch Nullwerte sperren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="213" />
      <source>Units without a table row count as zero (else: sums incomplete)</source>
      <translation>Einheiten ohne Tabellenzeile als null zählen (sonst: Summen unvollständig)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="216" />
      <source>Dissolve unit geometries for the output levels</source>
      <translation>Geometrien der Einheiten für die Ausgabeebenen verschmelzen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="219" />
      <source>Level {} (assignment field {})</source>
      <translation>Ebene {} (Zuordnungsfeld {})</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="223" />
      <source>Target layer level</source>
      <translation>Ebene des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="226" />
      <source>County</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="229" />
      <source>Units (the input level itself)</source>
      <translation>Einheiten (die Eingabeebene selbst)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="232" />
      <source>Report of unmatched keys</source>
      <translation>Bericht der nicht zugeordneten Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="234" />
      <source>Method and catalogue version (JSON)</source>
      <translation>Methode und Katalogversion (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="235" />
      <source>Indicators computed</source>
      <translation>Berechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="236" />
      <source>Table keys without a unit</source>
      <translation>Tabellenschlüssel ohne Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="237" />
      <source>Units without a table row</source>
      <translation>Einheiten ohne Tabellenzeile</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="238" />
      <source>Cells suppressed</source>
      <translation>Gesperrte Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="254" />
      <source>At most {} assignment fields can be given.</source>
      <translation>Es können höchstens {} Zuordnungsfelder angegeben werden.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="257" />
      <source>Give one name field per assignment field ({} assignment fields, {} name fields), or none.</source>
      <translation>Geben Sie je Zuordnungsfeld ein Namensfeld an ({} Zuordnungsfelder, {} Namensfelder) oder keines.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="265" />
      <source>The unit layer has no features. Choose a layer with units.</source>
      <translation>Der Layer der Einheiten hat keine Objekte. Wählen Sie einen Layer mit Einheiten.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="271" />
      <source>Choose the key field of the target polygon layer.</source>
      <translation>Wählen Sie das Schlüsselfeld des Zielpolygon-Layers.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="283" />
      <source>No target level: choose assignment fields, a target polygon layer or the county level.</source>
      <translation>Keine Zielebene: Wählen Sie Zuordnungsfelder, einen Zielpolygon-Layer oder die Kreisebene.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="287" />
      <source>Reading catalogue and tables</source>
      <translation>Katalog und Tabellen werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="294" />
      <source>Choose at least one statistics table.</source>
      <translation>Wählen Sie mindestens eine Statistiktabelle.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="306" />
      <source>Unknown indicator id(s): {}. The catalogue has: {}.</source>
      <translation>Unbekannte Indikator-ID(s): {}. Der Katalog enthält: {}.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="312" />
      <source>Reading units</source>
      <translation>Einheiten werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="322" />
      <source>table row without a unit</source>
      <translation>Tabellenzeile ohne Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="324" />
      <source>unit without a table row</source>
      <translation>Einheit ohne Tabellenzeile</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="329" />
      <source>{name}: no key of the table matches the unit key field '{field}'. {msg}</source>
      <translation>{name}: Kein Schlüssel der Tabelle passt zum Schlüsselfeld '{field}' der Einheiten. {msg}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="337" />
      <source>unit has no value in '{}'</source>
      <translation>Einheit hat keinen Wert in '{}'</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="348" />
      <source>unit point lies in no target</source>
      <translation>Punkt der Einheit liegt in keinem Zielgebiet</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="369" />
      <source>Aggregating</source>
      <translation>Aggregation läuft</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="383" />
      <source>Indicator {} skipped: the tables lack {}.</source>
      <translation>Indikator {} übersprungen: Den Tabellen fehlt {}.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="386" />
      <source>Indicators computed: {}</source>
      <translation>Berechnete Indikatoren: {}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="415" />
      <source>Level {lv}: {n} fields. GeoPackage and SQLite allow at most 1999 columns: choose the long layout, fewer indicators or fewer years for file outputs.</source>
      <translation>Ebene {lv}: {n} Felder. GeoPackage und SQLite erlauben höchstens 1999 Spalten: Wählen Sie für Dateiausgaben die lange Anordnung, weniger Indikatoren oder weniger Jahre.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="428" />
      <source>Disclosure control: {} cells suppressed (threshold {}).</source>
      <translation>Geheimhaltung: {} Zellen gesperrt (Schwelle {}).</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="504" />
      <source>The unit key field '{f}' has duplicate values ({d}). Each unit needs its own key.</source>
      <translation>Das Schlüsselfeld '{f}' der Einheiten hat doppelte Werte ({d}). Jede Einheit braucht einen eigenen Schlüssel.</translation>
    </message>
  </context>
  <context>
    <name>CatalogueDock</name>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="20" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="29" />
      <source>Search indicators (name, id, description)…</source>
      <translation>Indikatoren suchen (Name, ID, Beschreibung)…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="33" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="33" />
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="55" />
      <source>The indicator catalogue could not be loaded:
{}</source>
      <translation>Der Indikatorenkatalog konnte nicht geladen werden:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="97" />
      <source>Id</source>
      <translation>ID</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="98" />
      <source>Topic</source>
      <translation>Themenfeld</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="99" />
      <source>Numerator</source>
      <translation>Zähler</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="100" />
      <source>Denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="102" />
      <source>Polarity</source>
      <translation>Polarität</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="103" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="104" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
  </context>
  <context>
    <name>DefineSocialSpaces</name>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="40" />
      <source>Define social spaces from blocks (assignment)</source>
      <translation>Sozialräume aus Blöcken bilden (Zuordnung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="44" />
      <source>Statistical blocks</source>
      <translation>Statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="46" />
      <source>Social space id field (assignment)</source>
      <translation>Sozialraum-ID-Feld (Zuordnung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="48" />
      <source>Social space name field</source>
      <translation>Sozialraum-Namensfeld</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="50" />
      <source>Municipality field (spaces must not cross it)</source>
      <translation>Gemeindefeld (Sozialräume dürfen es nicht überschreiten)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="53" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="56" />
      <source>Other count fields to sum per space</source>
      <translation>Weitere Zählfelder, die je Sozialraum summiert werden</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="59" />
      <source>Population floor (0 = no check)</source>
      <translation>Einwohner-Untergrenze (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="62" />
      <source>Population ceiling (0 = no check)</source>
      <translation>Einwohner-Obergrenze (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="65" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="67" />
      <source>Validation report</source>
      <translation>Prüfbericht</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="68" />
      <source>Number of social spaces</source>
      <translation>Anzahl der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="69" />
      <source>Number of validation findings</source>
      <translation>Anzahl der Prüfbefunde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="81" />
      <source>The population floor ({}) is above the ceiling ({}).</source>
      <translation>Die Einwohner-Untergrenze ({}) liegt über der Obergrenze ({}).</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="84" />
      <source>The block layer has no features. Choose a layer with blocks.</source>
      <translation>Der Block-Layer hat keine Objekte. Wählen Sie einen Layer mit Blöcken.</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="96" />
      <source>block has no social space id</source>
      <translation>Block hat keine Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="101" />
      <source>block has no geometry</source>
      <translation>Block hat keine Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="105" />
      <source>invalid geometry repaired</source>
      <translation>ungültige Geometrie repariert</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="118" />
      <source>Social space id</source>
      <translation>Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="119" />
      <source>Social space</source>
      <translation>Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="121" />
      <source>Municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="122" />
      <source>Blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="126" />
      <source>Area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="136" />
      <source>space falls apart into {} parts</source>
      <translation>Sozialraum zerfällt in {} Teile</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="139" />
      <source>space lies in several municipalities: {}</source>
      <translation>Sozialraum liegt in mehreren Gemeinden: {}</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="143" />
      <source>{} residents &lt; floor {}</source>
      <translation>{} Einwohner &lt; Untergrenze {}</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="145" />
      <source>{} residents &gt; ceiling {}</source>
      <translation>{} Einwohner &gt; Obergrenze {}</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="171" />
      <source>{} social spaces from {} blocks; {} findings in the validation report.</source>
      <translation>{} Sozialräume aus {} Blöcken; {} Befunde im Prüfbericht.</translation>
    </message>
  </context>
  <context>
    <name>ExportCatalogue</name>
    <message>
      <location filename="../../processing/export_catalogue.py" line="46" />
      <source>Export indicator catalogue</source>
      <translation>Indikatorenkatalog exportieren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="53" />
      <source>County catalogue file (overlays the default; empty = default only)</source>
      <translation>Katalogdatei des Kreises (ergänzt den Standard; leer = nur Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="54" />
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="56" />
      <source>CSV encoding</source>
      <translation>CSV-Kodierung</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="57" />
      <source>cp1252 (German Excel)</source>
      <translation>cp1252 (deutsches Excel)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="57" />
      <source>UTF-8 with BOM</source>
      <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="59" />
      <source>CSV content</source>
      <translation>CSV-Inhalt</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="59" />
      <source>indicators</source>
      <translation>Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="59" />
      <source>count variables</source>
      <translation>Zählvariablen</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="62" />
      <source>Catalogue file</source>
      <translation>Katalogdatei</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="63" />
      <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
      <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="64" />
      <source>Catalogue version</source>
      <translation>Katalogversion</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="65" />
      <source>Number of indicators</source>
      <translation>Anzahl der Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="66" />
      <source>Number of count variables</source>
      <translation>Anzahl der Zählvariablen</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="76" />
      <source>Choose an output file (.xlsx, .csv or .yaml).</source>
      <translation>Wählen Sie eine Ausgabedatei (.xlsx, .csv oder .yaml).</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="80" />
      <source>The output file must end in .xlsx, .csv or .yaml, not '{}'.</source>
      <translation>Die Ausgabedatei muss auf .xlsx, .csv oder .yaml enden, nicht auf '{}'.</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="90" />
      <source>Catalogue {version}: {n} indicators ({d} disabled), {v} count variables -&gt; {out}</source>
      <translation>Katalog {version}: {n} Indikatoren ({d} abgeschaltet), {v} Zählvariablen -&gt; {out}</translation>
    </message>
  </context>
  <context>
    <name>ImportTable</name>
    <message>
      <location filename="../../processing/import_table.py" line="71" />
      <source>Import statistics table</source>
      <translation>Statistiktabelle importieren</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="78" />
      <source>Statistics table (CSV or XLSX)</source>
      <translation>Statistiktabelle (CSV oder XLSX)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="79" />
      <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*.*)</source>
      <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle Dateien (*.*)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="81" />
      <source>Key column header (empty = detect, e.g. Blocknummer, AGS, Gebiet)</source>
      <translation>Überschrift der Schlüsselspalte (leer = erkennen, z. B. Blocknummer, AGS, Gebiet)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="83" />
      <source>Sheet (XLSX; empty = first sheet)</source>
      <translation>Tabellenblatt (XLSX; leer = erstes Blatt)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="85" />
      <source>Output layout</source>
      <translation>Ausgabeform</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="86" />
      <source>wide: one row per key</source>
      <translation>breit: eine Zeile je Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="86" />
      <source>long: one row per cell</source>
      <translation>lang: eine Zeile je Zelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="88" />
      <source>Map headers to the catalogue's count variables</source>
      <translation>Überschriften den Zählvariablen des Katalogs zuordnen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="90" />
      <source>County catalogue file (overlays the default; optional)</source>
      <translation>Katalogdatei des Kreises (ergänzt den Standard; optional)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="91" />
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="93" />
      <source>Year of the table when its headers carry none (0 = none / from the title)</source>
      <translation>Jahr der Tabelle, wenn die Überschriften keines nennen (0 = keines / aus dem Titel)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="96" />
      <source>Encoding</source>
      <translation>Kodierung</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="97" />
      <source>detect</source>
      <translation>erkennen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="98" />
      <source>UTF-8 with BOM</source>
      <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="99" />
      <source>Separator</source>
      <translation>Trennzeichen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="100" />
      <source>semicolon ;</source>
      <translation>Semikolon ;</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="100" />
      <source>comma ,</source>
      <translation>Komma ,</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="101" />
      <source>tab</source>
      <translation>Tabulator</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="102" />
      <source>Header line (0 = detect)</source>
      <translation>Kopfzeile (0 = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="104" />
      <source>Pad numeric keys to this many digits (0 = auto)</source>
      <translation>Numerische Schlüssel auf so viele Stellen auffüllen (0 = automatisch)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="112" />
      <source>Layer to compare keys with (optional)</source>
      <translation>Layer zum Abgleich der Schlüssel (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="115" />
      <source>Key field of that layer</source>
      <translation>Schlüsselfeld dieses Layers</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="118" />
      <source>Imported table</source>
      <translation>Importierte Tabelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="120" />
      <source>Import report</source>
      <translation>Importbericht</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="121" />
      <source>Number of keys</source>
      <translation>Anzahl der Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="122" />
      <source>Number of cells read</source>
      <translation>Anzahl gelesener Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="123" />
      <source>Years found</source>
      <translation>Gefundene Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="124" />
      <source>Variables found</source>
      <translation>Gefundene Variablen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="125" />
      <source>Cells per status (JSON)</source>
      <translation>Zellen je Status (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="126" />
      <source>Catalogue version used</source>
      <translation>Verwendete Katalogversion</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="127" />
      <source>Keys only in the table</source>
      <translation>Schlüssel nur in der Tabelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="128" />
      <source>Keys only in the layer</source>
      <translation>Schlüssel nur im Layer</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="138" />
      <source>Choose a statistics table (CSV or XLSX).</source>
      <translation>Wählen Sie eine Statistiktabelle (CSV oder XLSX).</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="152" />
      <source>Choose the key field of the layer to compare keys with.</source>
      <translation>Wählen Sie das Schlüsselfeld des Abgleich-Layers.</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="154" />
      <source>key field</source>
      <translation>Schlüsselfeld</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="197" />
      <source>not a catalogue variable; kept as '{}'</source>
      <translation>keine Katalogvariable; beibehalten als '{}'</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="210" />
      <source>{} keys in both</source>
      <translation>{} Schlüssel in beiden</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="239" />
      <source>{keys} keys, {vars} variables, years {years}; cells by status: {counts}</source>
      <translation>{keys} Schlüssel, {vars} Variablen, Jahre {years}; Zellen je Status: {counts}</translation>
    </message>
  </context>
  <context>
    <name>IndicatorForm</name>
    <message>
      <location filename="../../ui/indicator_form.py" line="43" />
      <source>Edit indicator</source>
      <translation>Indikator bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="43" />
      <source>New indicator</source>
      <translation>Neuer Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="57" />
      <source>Lower case letters, digits and _ (e.g. sgb2_quote_u25)</source>
      <translation>Kleinbuchstaben, Ziffern und _ (z. B. sgb2_quote_u25)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="65" />
      <source>Status (value at a reference date)</source>
      <translation>Status (Wert zu einem Stichtag)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="66" />
      <source>Dynamics (change of a status indicator)</source>
      <translation>Dynamik (Veränderung eines Statusindikators)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="68" />
      <source>Count variables, comma separated; '-x' subtracts</source>
      <translation>Zählvariablen, durch Komma getrennt; '-x' zieht ab</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="69" />
      <source>Count variables, comma separated; area_km2 = area; empty = absolute value</source>
      <translation>Zählvariablen, durch Komma getrennt; area_km2 = Fläche; leer = absoluter Wert</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="86" />
      <source>previous period</source>
      <translation>Vorperiode</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="91" />
      <source>100 for %, 1000 for ‰ ...</source>
      <translation>100 für %, 1000 für ‰ ...</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="94" />
      <source>higher = worse</source>
      <translation>höher = schlechter</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="95" />
      <source>higher = better</source>
      <translation>höher = besser</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="96" />
      <source>neutral (context)</source>
      <translation>neutral (Kontext)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="104" />
      <source>Below this denominator the value is flagged unreliable</source>
      <translation>Unter diesem Nenner wird der Wert als unsicher markiert</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="122" />
      <source>&amp;Id</source>
      <translation>&amp;ID</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="122" />
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="123" />
      <source>Short name</source>
      <translation>Kurzname</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="123" />
      <source>&amp;Topic</source>
      <translation>&amp;Themenfeld</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="124" />
      <source>&amp;Kind</source>
      <translation>&amp;Art</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="124" />
      <source>N&amp;umerator</source>
      <translation>&amp;Zähler</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="125" />
      <source>&amp;Denominator</source>
      <translation>&amp;Nenner</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="125" />
      <source>Base indicator</source>
      <translation>Basisindikator</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="126" />
      <source>Change</source>
      <translation>Veränderung</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="126" />
      <source>Period (years)</source>
      <translation>Zeitraum (Jahre)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="127" />
      <source>U&amp;nit</source>
      <translation>&amp;Einheit</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="127" />
      <source>&amp;Multiplier</source>
      <translation>&amp;Multiplikator</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="128" />
      <source>&amp;Polarity</source>
      <translation>&amp;Polarität</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="128" />
      <source>Definition</source>
      <translation>Definition</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="129" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="129" />
      <source>Update interval</source>
      <translation>Aktualisierung</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="130" />
      <source>Reference date</source>
      <translation>Stichtag</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="130" />
      <source>Minimum denominator</source>
      <translation>Mindestnenner</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="131" />
      <source>Disclosure threshold</source>
      <translation>Geheimhaltungsschwelle</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="131" />
      <source>Action fields</source>
      <translation>Handlungsfelder</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="132" />
      <source>Notes</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="268" />
      <source>Enter an id (lower case letters, digits and _, e.g. sgb2_quote_u25).</source>
      <translation>Geben Sie eine ID ein (Kleinbuchstaben, Ziffern und _, z. B. sgb2_quote_u25).</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="270" />
      <source>An indicator with the id '{}' exists already; choose another id or edit that indicator.</source>
      <translation>Ein Indikator mit der ID '{}' existiert bereits; wählen Sie eine andere ID oder bearbeiten Sie diesen Indikator.</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="273" />
      <source>this form</source>
      <translation>dieses Formular</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungAlgorithm</name>
    <message>
      <location filename="../../processing/base.py" line="62" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="63" />
      <source>Indicators</source>
      <translation>Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="64" />
      <source>Composite indices</source>
      <translation>Zusammengesetzte Indizes</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="65" />
      <source>Map sheets</source>
      <translation>Kartenblätter</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="66" />
      <source>Monitoring store</source>
      <translation>Monitoring-Datenbank</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="67" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="125" />
      <source>The layer for '{}' could not be loaded. Check that the file or source exists.</source>
      <translation>Der Layer für '{}' konnte nicht geladen werden. Prüfen Sie, ob die Datei oder Quelle existiert.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="134" />
      <source>Layer '{layer}' has no field {missing}{what}. Its fields are: {fields}. Choose the right field or layer.</source>
      <translation>Layer '{layer}' hat kein Feld {missing}{what}. Seine Felder sind: {fields}. Wählen Sie das richtige Feld oder den richtigen Layer.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="142" />
      <source>Layer '{}' has no features. Choose a layer with data.</source>
      <translation>Layer '{}' hat keine Objekte. Wählen Sie einen Layer mit Daten.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="147" />
      <source>Layers '{a}' ({acrs}) and '{b}' ({bcrs}) have different coordinate reference systems. Reproject one of them (Vector &gt; Data Management &gt; Reproject Layer) and run again.</source>
      <translation>Die Layer '{a}' ({acrs}) und '{b}' ({bcrs}) haben verschiedene Koordinatenbezugssysteme. Projizieren Sie einen davon um (Vektor &gt; Datenmanagement-Werkzeuge &gt; Layer reprojizieren) und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" line="153" />
      <source>Canceled: nothing was written.</source>
      <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungPlugin</name>
    <message>
      <location filename="../../plugin.py" line="39" />
      <source>&amp;Sozialplanung</source>
      <translation>&amp;Sozialplanung</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="50" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="51" />
      <source>Show or hide the indicator catalogue</source>
      <translation>Indikatorenkatalog ein- oder ausblenden</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="56" />
      <source>Sozialplanung algorithms…</source>
      <translation>Sozialplanung-Algorithmen…</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungProvider</name>
    <message>
      <location filename="../../processing/provider.py" line="50" />
      <source>Sozialplanung</source>
      <translation>Sozialplanung</translation>
    </message>
  </context>
</TS>

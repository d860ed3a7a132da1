<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>ActionFieldTypology</name>
    <message>
      <location filename="../../processing/action_field_typology.py" line="58" />
      <source>Action-field typology (rule-based need per action field)</source>
      <translation>Handlungsfeld-Typisierung (regelbasierter Bedarf je Handlungsfeld)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="63" />
      <source>Social spaces with indicators</source>
      <translation>Sozialräume mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="65" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="67" />
      <source>Shipped rule set</source>
      <translation>Mitgelieferter Regelsatz</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="69" />
      <source>Own rule file (YAML; replaces the shipped rule set)</source>
      <translation>Eigene Regeldatei (YAML; ersetzt den mitgelieferten Regelsatz)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="72" />
      <source>Year (fields &lt;indicator&gt;_&lt;year&gt;; empty = fields named like the indicator)</source>
      <translation>Jahr (Felder &lt;indikator&gt;_&lt;jahr&gt;; leer = Felder mit dem Namen des Indikators)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="75" />
      <source>Field map for indicators (indicator=field; ...)</source>
      <translation>Feldzuordnung der Indikatoren (indikator=feld; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="77" />
      <source>Municipality field</source>
      <translation>Gemeindefeld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="80" />
      <source>Municipality = first N characters of that field (0 = all)</source>
      <translation>Gemeinde = erste N Zeichen dieses Feldes (0 = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="83" />
      <source>Weights for reference values without denominators (e.g. residents)</source>
      <translation>Gewichte für Referenzwerte ohne Nenner (z. B. Einwohner)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="86" />
      <source>Skip conditions whose indicator is not on the layer</source>
      <translation>Bedingungen überspringen, deren Indikator auf der Ebene fehlt</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="88" />
      <source>Language of the summary</source>
      <translation>Sprache der Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="90" />
      <source>Action-field typology</source>
      <translation>Handlungsfeld-Typisierung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="92" />
      <source>Summary per action field</source>
      <translation>Zusammenfassung je Handlungsfeld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="95" />
      <source>Method record (JSON; empty = beside the output file)</source>
      <translation>Methodenbeschreibung (JSON; leer = neben der Ausgabedatei)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="97" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="98" />
      <source>Units</source>
      <translation>Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="99" />
      <source>Units with need in at least one field</source>
      <translation>Einheiten mit Bedarf in mindestens einem Feld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="100" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="101" />
      <source>Method record file</source>
      <translation>Datei der Methodenbeschreibung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="102" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="121" />
      <source>No shipped rule set with number {}; give a rule file.</source>
      <translation>Kein mitgelieferter Regelsatz mit der Nummer {}; geben Sie eine Regeldatei an.</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="147" />
      <source>Evaluating the rules</source>
      <translation>Regeln auswerten</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="157" />
      <source>Action-field typology ({})</source>
      <translation>Handlungsfeld-Typisierung ({})</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="167" />
      <source>Action fields with need</source>
      <translation>Handlungsfelder mit Bedarf</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="167" />
      <source>Fields with need</source>
      <translation>Felder mit Bedarf</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="168" />
      <source>Fields undecided (missing values)</source>
      <translation>Offene Felder (fehlende Werte)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="171" />
      <source>Input field '{}' is replaced by the result field of the same name.</source>
      <translation>Das Eingabefeld '{}' wird durch das gleichnamige Ergebnisfeld ersetzt.</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" line="194" />
      <source>{} of {} action fields</source>
      <translation>{} von {} Handlungsfeldern</translation>
    </message>
  </context>
  <context>
    <name>AggregateIndicators</name>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="161" />
      <source>Aggregate indicators across levels and years</source>
      <translation>Indikatoren über Ebenen und Jahre aggregieren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="169" />
      <source>Spatial units (e.g. statistical blocks)</source>
      <translation>Raumeinheiten (z. B. statistische Blöcke)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="171" />
      <source>Unit key field (matches the tables' key column)</source>
      <translation>Schlüsselfeld der Einheiten (passend zur Schlüsselspalte der Tabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="174" />
      <source>Statistics tables (CSV/XLSX files)</source>
      <translation>Statistiktabellen (CSV-/XLSX-Dateien)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="176" />
      <source>Key column in the tables (empty = detect, e.g. Blocknummer)</source>
      <translation>Schlüsselspalte in den Tabellen (leer = erkennen, z. B. Blocknummer)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="179" />
      <source>Years of tables without a year column, in order (e.g. 2023, 2024)</source>
      <translation>Jahre der Tabellen ohne Jahresspalte, in Reihenfolge (z. B. 2023, 2024)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="182" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="185" />
      <source>Indicator ids, comma separated (empty = all computable)</source>
      <translation>Indikator-IDs, durch Komma getrennt (leer = alle berechenbaren)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="187" />
      <source>Assignment fields of the units, lowest level first (e.g. sr_id, ags)</source>
      <translation>Zuordnungsfelder der Einheiten, unterste Ebene zuerst (z. B. sr_id, ags)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="190" />
      <source>Name fields for these levels, same order (optional)</source>
      <translation>Namensfelder dieser Ebenen, gleiche Reihenfolge (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="193" />
      <source>Municipality field (reference level; default: 'ags' if listed)</source>
      <translation>Gemeindefeld (Vergleichsebene; Vorgabe: 'ags', falls angegeben)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="196" />
      <source>Target polygon layer (units assigned by point on surface)</source>
      <translation>Zielpolygon-Layer (Zuordnung der Einheiten über Punkt auf Oberfläche)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="199" />
      <source>Target key field</source>
      <translation>Schlüsselfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="202" />
      <source>Target name field</source>
      <translation>Namensfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="205" />
      <source>Add the county level (all units)</source>
      <translation>Kreisebene hinzufügen (alle Einheiten)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="207" />
      <source>County name</source>
      <translation>Name des Kreises</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="209" />
      <source>Layout of years</source>
      <translation>Anordnung der Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="209" />
      <source>wide: one row per unit, &lt;id&gt;_&lt;year&gt;</source>
      <translation>breit: eine Zeile je Einheit, &lt;id&gt;_&lt;jahr&gt;</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="210" />
      <source>long: one row per unit and year</source>
      <translation>lang: eine Zeile je Einheit und Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="212" />
      <source>Change periods, e.g. 2009-2014, 2014-2025 (empty = first to last year)</source>
      <translation>Veränderungszeiträume, z. B. 2009-2014, 2014-2025 (leer = erstes bis letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="215" />
      <source>Add reference values (county, municipality) and deviations</source>
      <translation>Vergleichswerte (Kreis, Gemeinde) und Abweichungen hinzufügen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="217" />
      <source>Disclosure control for publication (suppress small counts)</source>
      <translation>Geheimhaltung für die Veröffentlichung (kleine Fallzahlen sperren)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="219" />
      <source>Suppress counts below</source>
      <translation>Fallzahlen sperren unter</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="221" />
      <source>Suppress zero counts too</source>
      <translation>Auch Nullwerte sperren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="223" />
      <source>Units without a table row count as zero (else: sums incomplete)</source>
      <translation>Einheiten ohne Tabellenzeile als null zählen (sonst: Summen unvollständig)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="226" />
      <source>Dissolve unit geometries for the output levels</source>
      <translation>Geometrien der Einheiten für die Ausgabeebenen verschmelzen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="229" />
      <source>Level {} (assignment field {})</source>
      <translation>Ebene {} (Zuordnungsfeld {})</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="233" />
      <source>Target layer level</source>
      <translation>Ebene des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="236" />
      <source>County</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="239" />
      <source>Units (the input level itself)</source>
      <translation>Einheiten (die Eingabeebene selbst)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="242" />
      <source>Report of unmatched keys</source>
      <translation>Bericht der nicht zugeordneten Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="244" />
      <source>Method and catalogue version (JSON)</source>
      <translation>Methode und Katalogversion (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="245" />
      <source>Indicators computed</source>
      <translation>Berechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="246" />
      <source>Table keys without a unit</source>
      <translation>Tabellenschlüssel ohne Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="247" />
      <source>Units without a table row</source>
      <translation>Einheiten ohne Tabellenzeile</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="248" />
      <source>Cells suppressed</source>
      <translation>Gesperrte Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="264" />
      <source>At most {} assignment fields can be given.</source>
      <translation>Es können höchstens {} Zuordnungsfelder angegeben werden.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="267" />
      <source>Give one name field per assignment field ({} assignment fields, {} name fields), or none.</source>
      <translation>Geben Sie je Zuordnungsfeld ein Namensfeld an ({} Zuordnungsfelder, {} Namensfelder) oder keines.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="275" />
      <source>The unit layer has no features. Choose a layer with units.</source>
      <translation>Der Layer der Einheiten hat keine Objekte. Wählen Sie einen Layer mit Einheiten.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="281" />
      <source>Choose the key field of the target polygon layer.</source>
      <translation>Wählen Sie das Schlüsselfeld des Zielpolygon-Layers.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="293" />
      <source>No target level: choose assignment fields, a target polygon layer or the county level.</source>
      <translation>Keine Zielebene: Wählen Sie Zuordnungsfelder, einen Zielpolygon-Layer oder die Kreisebene.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="297" />
      <source>Reading catalogue and tables</source>
      <translation>Katalog und Tabellen werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="304" />
      <source>Choose at least one statistics table.</source>
      <translation>Wählen Sie mindestens eine Statistiktabelle.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="316" />
      <source>Unknown indicator id(s): {}. The catalogue has: {}.</source>
      <translation>Unbekannte Indikator-ID(s): {}. Der Katalog enthält: {}.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="322" />
      <source>Reading units</source>
      <translation>Einheiten werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="332" />
      <source>table row without a unit</source>
      <translation>Tabellenzeile ohne Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="334" />
      <source>unit without a table row</source>
      <translation>Einheit ohne Tabellenzeile</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="339" />
      <source>{name}: no key of the table matches the unit key field '{field}'. {msg}</source>
      <translation>{name}: Kein Schlüssel der Tabelle passt zum Schlüsselfeld '{field}' der Einheiten. {msg}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="347" />
      <source>unit has no value in '{}'</source>
      <translation>Einheit hat keinen Wert in '{}'</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="358" />
      <source>unit point lies in no target</source>
      <translation>Punkt der Einheit liegt in keinem Zielgebiet</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="381" />
      <source>Aggregating</source>
      <translation>Aggregation läuft</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="395" />
      <source>Indicator {} skipped: the tables lack {}.</source>
      <translation>Indikator {} übersprungen: Den Tabellen fehlt {}.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="398" />
      <source>Indicators computed: {}</source>
      <translation>Berechnete Indikatoren: {}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="427" />
      <source>Level {lv}: {n} fields. GeoPackage and SQLite allow at most 1999 columns: choose the long layout, fewer indicators or fewer years for file outputs.</source>
      <translation>Ebene {lv}: {n} Felder. GeoPackage und SQLite erlauben höchstens 1999 Spalten: Wählen Sie für Dateiausgaben die lange Anordnung, weniger Indikatoren oder weniger Jahre.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="442" />
      <source>Disclosure control: {} cells suppressed (threshold {}).</source>
      <translation>Geheimhaltung: {} Zellen gesperrt (Schwelle {}).</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="526" />
      <source>The unit key field '{f}' has duplicate values ({d}). Each unit needs its own key.</source>
      <translation>Das Schlüsselfeld '{f}' der Einheiten hat doppelte Werte ({d}). Jede Einheit braucht einen eigenen Schlüssel.</translation>
    </message>
  </context>
  <context>
    <name>CatalogueDock</name>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="55" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="78" />
      <source>Search: name, short name, id, description…</source>
      <translation>Suche: Name, Kurzname, ID, Beschreibung…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="79" />
      <source>Every word must occur; ä = ae = a, ß = ss. Down or Enter: go to the list. Esc: clear.</source>
      <translation>Jedes Wort muss vorkommen; ä = ae = a, ß = ss. Pfeil nach unten oder Enter: zur Liste. Esc: leeren.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="87" />
      <source>Status indicators (value at a reference date) or dynamics (change over time)</source>
      <translation>Statusindikatoren (Wert zu einem Stichtag) oder Dynamik (Veränderung über die Zeit)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="89" />
      <source>All kinds</source>
      <translation>Alle Arten</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="90" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="91" />
      <source>Dynamics</source>
      <translation>Dynamik</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="94" />
      <source>Only indicators used in this action field</source>
      <translation>Nur Indikatoren dieses Handlungsfelds</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="95" />
      <source>All action fields</source>
      <translation>Alle Handlungsfelder</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="105" />
      <source>Layer with indicator values (output of 'Aggregate indicators'): for the map, the index and the availability filter</source>
      <translation>Layer mit Indikatorwerten (Ergebnis von „Indikatoren aggregieren“): für die Karte, den Index und den Filter „im Layer“</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="109" />
      <source>Year of the values to map</source>
      <translation>Jahr der Werte für die Karte</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="111" />
      <source>In layer</source>
      <translation>Im Layer</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="113" />
      <source>Only indicators with values in the chosen layer</source>
      <translation>Nur Indikatoren mit Werten im gewählten Layer</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="121" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="121" />
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="130" />
      <source>Enter: add to map · Insert: new · F2: edit · Delete: remove · Ctrl+click: select several for the index</source>
      <translation>Enter: zur Karte · Einfg: neu · F2: bearbeiten · Entf: entfernen · Strg+Klick: mehrere für den Index wählen</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="146" />
      <source>Map</source>
      <translation>Karte</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="147" />
      <source>Add the indicator to the map as a styled layer (layer and year above) – Enter in the list</source>
      <translation>Indikator als gestalteten Layer zur Karte hinzufügen (Layer und Jahr oben) – Enter in der Liste</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="149" />
      <source>Index…</source>
      <translation>Index…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="150" />
      <source>Open the composite index with the selected indicators</source>
      <translation>Zusammengesetzten Index mit den gewählten Indikatoren öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="153" />
      <source>New county indicator (Insert)</source>
      <translation>Neuer Indikator des Kreises (Einfg)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="155" />
      <source>Edit the indicator for the county (F2)</source>
      <translation>Indikator für den Kreis bearbeiten (F2)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="157" />
      <source>Remove the county indicator or switch a default indicator off (Delete)</source>
      <translation>Indikator des Kreises entfernen oder Standardindikator abschalten (Entf)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="160" />
      <source>Import a county catalogue (YAML, XLSX, CSV)</source>
      <translation>Katalog des Kreises importieren (YAML, XLSX, CSV)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="163" />
      <source>Export the catalogue (XLSX, CSV, YAML)</source>
      <translation>Katalog exportieren (XLSX, CSV, YAML)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="244" />
      <source>Loading the county's own indicators…</source>
      <translation>Die eigenen Indikatoren des Kreises werden geladen…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="260" />
      <source>The indicator catalogue could not be loaded:
{}</source>
      <translation>Der Indikatorenkatalog konnte nicht geladen werden:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="296" />
      <source>County indicator</source>
      <translation>Indikator des Kreises</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="324" />
      <source>Your county catalogue has a problem; the default catalogue is shown:
{}</source>
      <translation>Der Katalog des Kreises hat einen Fehler; angezeigt wird der Standardkatalog:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="345" />
      <source>Load indicator catalogue</source>
      <translation>Indikatorenkatalog laden</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="393" />
      <source>{} of {} indicators</source>
      <translation>{} von {} Indikatoren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="394" />
      <source>{} indicators</source>
      <translation>{} Indikatoren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="439" />
      <source>(no year)</source>
      <translation>(ohne Jahr)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="491" />
      <source>area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="496" />
      <source>higher = worse (more need)</source>
      <translation>höher = ungünstiger (mehr Bedarf)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="497" />
      <source>higher = better</source>
      <translation>höher = besser</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="498" />
      <source>neutral (context, no direction)</source>
      <translation>neutral (Kontext, ohne Richtung)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="499" />
      <source>status (value at a reference date)</source>
      <translation>Status (Wert zu einem Stichtag)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="500" />
      <source>dynamics (change over time)</source>
      <translation>Dynamik (Veränderung über die Zeit)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="501" />
      <source>Id</source>
      <translation>ID</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="501" />
      <source>Topic field</source>
      <translation>Themenfeld</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="502" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="502" />
      <source>Formula</source>
      <translation>Formel</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="505" />
      <source>Base indicator</source>
      <translation>Basisindikator</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="507" />
      <source>Numerator</source>
      <translation>Zähler</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="508" />
      <source>Denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="508" />
      <source>— (absolute value)</source>
      <translation>— (absoluter Wert)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="512" />
      <source>Polarity</source>
      <translation>Polarität</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="513" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="514" />
      <source>Update interval</source>
      <translation>Aktualisierung</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="515" />
      <source>Reference date</source>
      <translation>Stichtag</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="515" />
      <source>31.12. (default)</source>
      <translation>31.12. (Standard)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="516" />
      <source>Disclosure threshold</source>
      <translation>Geheimhaltungsschwelle</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="517" />
      <source>counts 1 to {} are suppressed</source>
      <translation>Fallzahlen 1 bis {} werden unterdrückt</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="518" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="521" />
      <source>Minimum denominator</source>
      <translation>Mindestnenner</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="522" />
      <source>below {} the value is flagged unreliable</source>
      <translation>unter {} wird der Wert als unsicher markiert</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="524" />
      <source>Action fields</source>
      <translation>Handlungsfelder</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="527" />
      <source>Notes</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="529" />
      <source>Literature</source>
      <translation>Literatur</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="531" />
      <source>Defined in</source>
      <translation>Definiert in</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="537" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="537" />
      <source>no values</source>
      <translation>keine Werte</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="584" />
      <source>Choose an indicator in the list first.</source>
      <translation>Wählen Sie zuerst einen Indikator in der Liste.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="588" />
      <source>Choose the layer with the indicator values (output of 'Aggregate indicators') above the list.</source>
      <translation>Wählen Sie über der Liste den Layer mit den Indikatorwerten (Ergebnis von „Indikatoren aggregieren“).</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="608" />
      <source>The layer '{layer}' has no values of '{ind}' for {year}. {hint}</source>
      <translation>Der Layer „{layer}“ hat keine Werte von „{ind}“ für {year}. {hint}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="609" />
      <source>any year</source>
      <translation>irgendein Jahr</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="610" />
      <source>Years in the layer: {}.</source>
      <translation>Jahre im Layer: {}.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="611" />
      <source>Compute it with 'Aggregate indicators' first.</source>
      <translation>Berechnen Sie ihn zuerst mit „Indikatoren aggregieren“.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="617" />
      <source>The layer '{}' could not be opened again.</source>
      <translation>Der Layer „{}“ konnte nicht erneut geöffnet werden.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="623" />
      <source>Added '{}' to the map.</source>
      <translation>„{}“ wurde zur Karte hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="632" />
      <source>The composite index algorithm is not available (Processing provider not loaded).</source>
      <translation>Der Algorithmus für den zusammengesetzten Index ist nicht verfügbar (Processing-Provider nicht geladen).</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="645" />
      <source>The composite index dialog could not be opened: {}</source>
      <translation>Der Dialog für den zusammengesetzten Index konnte nicht geöffnet werden: {}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="655" />
      <source>Not on the layer, so not preselected: {}. Compute them with 'Aggregate indicators' first.</source>
      <translation>Nicht im Layer und daher nicht vorausgewählt: {}. Berechnen Sie sie zuerst mit „Indikatoren aggregieren“.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="675" />
      <source>Choose the indicator to edit in the list.</source>
      <translation>Wählen Sie den zu bearbeitenden Indikator in der Liste.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="709" />
      <source>Indicator '{id}' saved in {file}.</source>
      <translation>Indikator „{id}“ in {file} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="721" />
      <source>Choose the indicator to remove in the list.</source>
      <translation>Wählen Sie den zu entfernenden Indikator in der Liste.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="725" />
      <source>Switch the default indicator '{}' off for your county? It can be switched on again by editing the county catalogue file.</source>
      <translation>Den Standardindikator „{}“ für Ihren Kreis abschalten? Er lässt sich in der Katalogdatei des Kreises wieder einschalten.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="727" />
      <source>Remove the county indicator '{}'?</source>
      <translation>Den Indikator „{}“ des Kreises entfernen?</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="728" />
      <source>Remove indicator</source>
      <translation>Indikator entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="736" />
      <source>Indicator '{}' removed.</source>
      <translation>Indikator „{}“ entfernt.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="749" />
      <source>Not saved, the county catalogue would be invalid:
{}</source>
      <translation>Nicht gespeichert, der Katalog des Kreises wäre ungültig:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="755" />
      <source>The county catalogue file '{}' cannot be written: {}</source>
      <translation>Die Katalogdatei des Kreises „{}“ kann nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="771" />
      <source>Export indicator catalogue</source>
      <translation>Indikatorenkatalog exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="772" />
      <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
      <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="782" />
      <source>Catalogue exported: {n} indicators -&gt; {path}</source>
      <translation>Katalog exportiert: {n} Indikatoren -&gt; {path}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="785" />
      <source>Export failed: {}</source>
      <translation>Export fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="785" />
      <source>see the log</source>
      <translation>siehe Protokoll</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="787" />
      <source>Exporting the catalogue…</source>
      <translation>Katalog wird exportiert…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="797" />
      <source>Import county catalogue</source>
      <translation>Katalog des Kreises importieren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="798" />
      <source>Catalogue (*.yaml *.yml *.xlsx *.csv)</source>
      <translation>Katalog (*.yaml *.yml *.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="805" />
      <source>Import indicator catalogue</source>
      <translation>Indikatorenkatalog importieren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="806" />
      <source>Importing {}…</source>
      <translation>{} wird importiert…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="811" />
      <source>Import failed, the catalogue is unchanged:
{}</source>
      <translation>Import fehlgeschlagen, der Katalog ist unverändert:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="815" />
      <source>County catalogue {file} in use: {msg}</source>
      <translation>Katalog des Kreises {file} wird verwendet: {msg}</translation>
    </message>
  </context>
  <context>
    <name>CompositeIndex</name>
    <message>
      <location filename="../../processing/composite_index.py" line="76" />
      <source>Composite index (general or published preset)</source>
      <translation>Zusammengesetzter Index (allgemein oder veröffentlichtes Verfahren)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="81" />
      <source>Units with indicators (e.g. social spaces)</source>
      <translation>Einheiten mit Indikatoren (z. B. Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="83" />
      <source>Unit key field (for the method record)</source>
      <translation>Schlüsselfeld der Einheiten (für die Methodenbeschreibung)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="86" />
      <source>Method</source>
      <translation>Methode</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="87" />
      <source>General composite index</source>
      <translation>Allgemeiner zusammengesetzter Index</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="87" />
      <source>Status/dynamics index (Berlin MSS)</source>
      <translation>Status-/Dynamikindex (Berliner MSS)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="88" />
      <source>Exponential domain combination (English IoD)</source>
      <translation>Exponentielle Bereichskombination (englischer IoD)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="89" />
      <source>Dimension PCA (German GISD, RKI)</source>
      <translation>Hauptkomponenten je Dimension (GISD, RKI)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="91" />
      <source>Indicator fields (Berlin MSS: status indicators, shares; IoD: one score field per domain)</source>
      <translation>Indikatorfelder (Berliner MSS: Status-Indikatoren, Anteile; IoD: ein Wertfeld je Bereich)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="95" />
      <source>Dynamics indicator fields (Berlin MSS: changes in percentage points)</source>
      <translation>Dynamik-Indikatorfelder (Berliner MSS: Veränderungen in Prozentpunkten)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="98" />
      <source>Indicator catalogue for the polarity (empty = default catalogue)</source>
      <translation>Indikatorenkatalog für die Polarität (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="101" />
      <source>Directions overriding the catalogue (field=higher_worse|higher_better; ...)</source>
      <translation>Richtungen, die den Katalog überschreiben (feld=higher_worse|higher_better; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="104" />
      <source>Normalisation</source>
      <translation>Normierung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="105" />
      <source>z-score (population SD)</source>
      <translation>z-Wert (Populations-SD)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="105" />
      <source>z-score (sample SD)</source>
      <translation>z-Wert (Stichproben-SD)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="105" />
      <source>min-max 0-100</source>
      <translation>Min-Max 0-100</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="106" />
      <source>fixed goalposts 0-100</source>
      <translation>feste Zielpfosten 0-100</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="106" />
      <source>rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="106" />
      <source>percentile</source>
      <translation>Perzentil</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="107" />
      <source>distance to a reference value (%)</source>
      <translation>Abstand zu einem Referenzwert (%)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="109" />
      <source>Goalposts (field=lower:upper; ...)</source>
      <translation>Zielpfosten (feld=unten:oben; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="111" />
      <source>Reference values for 'distance' (field=value; ...)</source>
      <translation>Referenzwerte für 'Abstand' (feld=wert; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="113" />
      <source>Indicators to log-transform</source>
      <translation>Zu logarithmierende Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="116" />
      <source>Offset added before the log</source>
      <translation>Verschiebung vor dem Logarithmieren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="118" />
      <source>Winsorisation</source>
      <translation>Winsorisierung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="119" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="119" />
      <source>mean ± k SD</source>
      <translation>Mittelwert ± k SD</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="119" />
      <source>percentiles p and 100-p</source>
      <translation>Perzentile p und 100-p</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="121" />
      <source>Winsorisation limit (k SD, or p per cent)</source>
      <translation>Grenze der Winsorisierung (k SD oder p Prozent)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="124" />
      <source>Indicator weights</source>
      <translation>Indikatorgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="125" />
      <source>equal (or as given)</source>
      <translation>gleich (oder wie angegeben)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="125" />
      <source>given for every indicator</source>
      <translation>für jeden Indikator angegeben</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="126" />
      <source>PCA (first component per domain)</source>
      <translation>PCA (erste Komponente je Bereich)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="128" />
      <source>Indicator weights (field=weight; ...)</source>
      <translation>Indikatorgewichte (feld=gewicht; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="130" />
      <source>Domains (domain: field1, field2; ...) or 'catalogue' (action fields)</source>
      <translation>Bereiche (bereich: feld1, feld2; ...) oder 'catalogue' (Handlungsfelder)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="133" />
      <source>Domain weights (domain=weight; ...)</source>
      <translation>Bereichsgewichte (bereich=gewicht; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="135" />
      <source>Aggregation</source>
      <translation>Aggregation</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="136" />
      <source>weighted arithmetic mean</source>
      <translation>gewichtetes arithmetisches Mittel</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="136" />
      <source>weighted geometric mean (less compensatory)</source>
      <translation>gewichtetes geometrisches Mittel (weniger kompensatorisch)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="139" />
      <source>Rescale the index</source>
      <translation>Index neu skalieren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="139" />
      <source>no</source>
      <translation>nein</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="139" />
      <source>z-score</source>
      <translation>z-Wert</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="139" />
      <source>0-100</source>
      <translation>0-100</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="142" />
      <source>Minimum share of indicators per unit (empty: 0.5, Berlin MSS 1)</source>
      <translation>Mindestanteil der Indikatoren je Einheit (leer: 0,5, Berliner MSS 1)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="145" />
      <source>Residents field (units below the minimum leave the reference)</source>
      <translation>Einwohnerfeld (Einheiten unter dem Minimum verlassen die Referenz)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="148" />
      <source>Minimum residents</source>
      <translation>Mindestzahl der Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="151" />
      <source>Exclusion flag field (1/true/ja = leave the reference)</source>
      <translation>Ausschlussfeld (1/true/ja = nicht in der Referenz)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="154" />
      <source>Classes (general index)</source>
      <translation>Klassen (allgemeiner Index)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="155" />
      <source>quantiles</source>
      <translation>Quantile</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="155" />
      <source>standard deviation</source>
      <translation>Standardabweichung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="155" />
      <source>equal intervals</source>
      <translation>gleiche Intervalle</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="156" />
      <source>Jenks natural breaks</source>
      <translation>natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="156" />
      <source>manual breaks</source>
      <translation>manuelle Grenzen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="158" />
      <source>Number of classes</source>
      <translation>Anzahl der Klassen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="161" />
      <source>Manual class breaks (ascending, e.g. -1; 0; 1)</source>
      <translation>Manuelle Klassengrenzen (aufsteigend, z. B. -1; 0; 1)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="163" />
      <source>Field prefix (general index)</source>
      <translation>Feldpräfix (allgemeiner Index)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="165" />
      <source>Compare each unit with the county and its municipality</source>
      <translation>Jede Einheit mit dem Kreis und ihrer Gemeinde vergleichen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="167" />
      <source>Municipality field</source>
      <translation>Gemeindefeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="170" />
      <source>Municipality = first N characters of that field (0 = all)</source>
      <translation>Gemeinde = erste N Zeichen dieses Feldes (0 = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="173" />
      <source>Composite index</source>
      <translation>Zusammengesetzter Index</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="175" />
      <source>Population-weighted index per municipality (GISD: rescaled, quintiles)</source>
      <translation>Mit der Einwohnerzahl gewichteter Index je Gemeinde (GISD: neu skaliert, Quintile)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="179" />
      <source>Method record (JSON; empty = beside the output file)</source>
      <translation>Methodenbeschreibung (JSON; leer = neben der Ausgabedatei)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="181" />
      <source>Units</source>
      <translation>Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="182" />
      <source>Units with an index value</source>
      <translation>Einheiten mit Indexwert</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="183" />
      <source>Units with a class</source>
      <translation>Einheiten mit Klasse</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="184" />
      <source>Units outside the reference</source>
      <translation>Einheiten außerhalb der Referenz</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="185" />
      <source>Units with too few indicators</source>
      <translation>Einheiten mit zu wenigen Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="186" />
      <source>Index field</source>
      <translation>Indexfeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="187" />
      <source>Class field</source>
      <translation>Klassenfeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="188" />
      <source>Class label field</source>
      <translation>Feld der Klassenbezeichnung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="189" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="190" />
      <source>Method record file</source>
      <translation>Datei der Methodenbeschreibung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="191" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="192" />
      <source>Warnings</source>
      <translation>Warnungen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="218" />
      <source>Choose at least one indicator field.</source>
      <translation>Wählen Sie mindestens ein Indikatorfeld.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="221" />
      <source>Field(s) {} are chosen both as status and as dynamics indicators.</source>
      <translation>Feld(er) {} sind sowohl als Status- als auch als Dynamik-Indikator gewählt.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="224" />
      <source>The field prefix '{}' may only hold letters, digits and _.</source>
      <translation>Das Feldpräfix '{}' darf nur Buchstaben, Ziffern und _ enthalten.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="228" />
      <source>Log-transform field(s) {} are not among the indicators.</source>
      <translation>Zu logarithmierende Feld(er) {} gehören nicht zu den Indikatoren.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="234" />
      <source>No municipality field: units are compared with the county only.</source>
      <translation>Kein Gemeindefeld: Einheiten werden nur mit dem Kreis verglichen.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="268" />
      <source>Reading units</source>
      <translation>Einheiten lesen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="274" />
      <source>Computing the index</source>
      <translation>Index berechnen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="317" />
      <source>IoD: each domain takes exactly one score field; domain '{}' has {}. Build the domain scores first (e.g. with the general index per domain).</source>
      <translation>IoD: Jeder Bereich braucht genau ein Wertfeld; Bereich '{}' hat {}. Bilden Sie zuerst die Bereichswerte (z. B. mit dem allgemeinen Index je Bereich).</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="325" />
      <source>Domain '{}' has a weight but no score field (domains: {}).</source>
      <translation>Bereich '{}' hat ein Gewicht, aber kein Wertfeld (Bereiche: {}).</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="328" />
      <source>Domain '{}': weight {} is negative.</source>
      <translation>Bereich '{}': Gewicht {} ist negativ.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="331" />
      <source>The domain weights sum to 0; give at least one domain a positive weight.</source>
      <translation>Die Bereichsgewichte ergeben zusammen 0; geben Sie mindestens einem Bereich ein positives Gewicht.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="338" />
      <source>Decile {} (1 = most deprived)</source>
      <translation>Dezil {} (1 = am stärksten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="339" />
      <source>Decile {}</source>
      <translation>Dezil {}</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="342" />
      <source>Decile {} (most deprived)</source>
      <translation>Dezil {} (am stärksten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="351" />
      <source>Quintile {}</source>
      <translation>Quintil {}</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="354" />
      <source> (least deprived)</source>
      <translation> (am wenigsten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="355" />
      <source> (most deprived)</source>
      <translation> (am stärksten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="358" />
      <source>Parameter {} is not used by this method and was ignored.</source>
      <translation>Der Parameter {} wird von dieser Methode nicht verwendet und wurde ignoriert.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="371" />
      <source>Comparing with county and municipality</source>
      <translation>Vergleich mit Kreis und Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="411" />
      <source>The index per municipality needs the residents field and the municipality field.</source>
      <translation>Der Index je Gemeinde braucht das Einwohnerfeld und das Gemeindefeld.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="422" />
      <source>Composite index ({})</source>
      <translation>Zusammengesetzter Index ({})</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="440" />
      <source>Writing the output</source>
      <translation>Ausgabe schreiben</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="444" />
      <source>Input field '{}' is replaced by the result field of the same name.</source>
      <translation>Das Eingabefeld '{}' wird durch das gleichnamige Ergebnisfeld ersetzt.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" line="471" />
      <source>{} units, {} with an index value, {} with a class.</source>
      <translation>{} Einheiten, {} mit Indexwert, {} mit Klasse.</translation>
    </message>
  </context>
  <context>
    <name>DefineSocialSpaces</name>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="47" />
      <source>Define social spaces from blocks (assignment)</source>
      <translation>Sozialräume aus Blöcken bilden (Zuordnung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="51" />
      <source>Statistical blocks</source>
      <translation>Statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="53" />
      <source>Social space id field (assignment)</source>
      <translation>Sozialraum-ID-Feld (Zuordnung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="55" />
      <source>Social space name field</source>
      <translation>Sozialraum-Namensfeld</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="57" />
      <source>Municipality field (spaces must not cross it)</source>
      <translation>Gemeindefeld (Sozialräume dürfen es nicht überschreiten)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="60" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="63" />
      <source>Other count fields to sum per space</source>
      <translation>Weitere Zählfelder, die je Sozialraum summiert werden</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="66" />
      <source>Population floor (0 = no check)</source>
      <translation>Einwohner-Untergrenze (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="69" />
      <source>Population ceiling (0 = no check)</source>
      <translation>Einwohner-Obergrenze (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="73" />
      <source>Block id field (for the report; default: feature id)</source>
      <translation>Block-ID-Feld (für den Bericht; sonst Objekt-ID)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="76" />
      <source>Neighbour distance in metres (blocks across a street of this width touch; narrower gaps are not reported)</source>
      <translation>Nachbarschaftsabstand in Metern (Blöcke über eine Straße dieser Breite gelten als berührend; schmalere Lücken werden nicht gemeldet)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="80" />
      <source>Smallest gap or overlap to report (square metres)</source>
      <translation>Kleinste gemeldete Lücke oder Überlappung (Quadratmeter)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="87" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="89" />
      <source>Validation report</source>
      <translation>Prüfbericht</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="90" />
      <source>Number of social spaces</source>
      <translation>Anzahl der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="91" />
      <source>Number of validation findings</source>
      <translation>Anzahl der Prüfbefunde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="92" />
      <source>Summary of the validation</source>
      <translation>Zusammenfassung der Prüfung</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="113" />
      <source>The population floor ({}) is above the ceiling ({}).</source>
      <translation>Die Einwohner-Untergrenze ({}) liegt über der Obergrenze ({}).</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="116" />
      <source>The block layer has no features. Choose a layer with blocks.</source>
      <translation>Der Block-Layer hat keine Objekte. Wählen Sie einen Layer mit Blöcken.</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="144" />
      <source>block has no geometry</source>
      <translation>Block hat keine Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="169" />
      <source>Social space id</source>
      <translation>Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="170" />
      <source>Social space</source>
      <translation>Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="172" />
      <source>Municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="173" />
      <source>Blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="177" />
      <source>Area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="178" />
      <source>Polsby-Popper compactness</source>
      <translation>Kompaktheit nach Polsby-Popper</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="179" />
      <source>Parts</source>
      <translation>Teile</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="180" />
      <source>Validation findings</source>
      <translation>Prüfbefunde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="227" />
      <source>{} social spaces from {} blocks; {} findings in the validation report.</source>
      <translation>{} Sozialräume aus {} Blöcken; {} Befunde im Prüfbericht.</translation>
    </message>
  </context>
  <context>
    <name>EvaluateTargets</name>
    <message>
      <location filename="../../processing/evaluate_targets.py" line="33" />
      <source>Evaluate targets (attainment and trend)</source>
      <translation>Ziele bewerten (Zielerreichung und Trend)</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" line="38" />
      <source>Evaluation date or year (empty = today; values after it are ignored)</source>
      <translation>Bewertungsdatum oder -jahr (leer = heute; spätere Werte bleiben unberücksichtigt)</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" line="41" />
      <source>Target attainment</source>
      <translation>Zielerreichung</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" line="43" />
      <source>Report (HTML)</source>
      <translation>Bericht (HTML)</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" line="45" />
      <source>Targets {}</source>
      <translation>Ziele {}</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" line="58" />
      <source>The store has no targets. Import them first with 'Import targets into the monitoring store'.</source>
      <translation>Der Speicher enthält keine Ziele. Übernehmen Sie sie zuerst mit „Ziele in den Monitoring-Speicher übernehmen“.</translation>
    </message>
  </context>
  <context>
    <name>ExportCatalogue</name>
    <message>
      <location filename="../../processing/export_catalogue.py" line="34" />
      <source>Export indicator catalogue</source>
      <translation>Indikatorenkatalog exportieren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="38" />
      <source>County catalogue file (overlays the default; empty = default only)</source>
      <translation>Katalogdatei des Kreises (ergänzt den Standard; leer = nur Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="39" />
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="41" />
      <source>CSV encoding</source>
      <translation>CSV-Kodierung</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="42" />
      <source>cp1252 (German Excel)</source>
      <translation>cp1252 (deutsches Excel)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="42" />
      <source>UTF-8 with BOM</source>
      <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="44" />
      <source>CSV content</source>
      <translation>CSV-Inhalt</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="44" />
      <source>indicators</source>
      <translation>Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="44" />
      <source>count variables</source>
      <translation>Zählvariablen</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="47" />
      <source>Catalogue file</source>
      <translation>Katalogdatei</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="48" />
      <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
      <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="49" />
      <source>Catalogue version</source>
      <translation>Katalogversion</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="50" />
      <source>Number of indicators</source>
      <translation>Anzahl der Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="51" />
      <source>Number of count variables</source>
      <translation>Anzahl der Zählvariablen</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="61" />
      <source>Choose an output file (.xlsx, .csv or .yaml).</source>
      <translation>Wählen Sie eine Ausgabedatei (.xlsx, .csv oder .yaml).</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="65" />
      <source>The output file must end in .xlsx, .csv or .yaml, not '{}'.</source>
      <translation>Die Ausgabedatei muss auf .xlsx, .csv oder .yaml enden, nicht auf '{}'.</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="75" />
      <source>Catalogue {version}: {n} indicators ({d} disabled), {v} count variables -&gt; {out}</source>
      <translation>Katalog {version}: {n} Indikatoren ({d} abgeschaltet), {v} Zählvariablen -&gt; {out}</translation>
    </message>
  </context>
  <context>
    <name>ImportRun</name>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="1042" />
      <source>{} indicators</source>
      <translation>{} Indikatoren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="1044" />
      <source>({own} county entries, {dis} switched off)</source>
      <translation>({own} Einträge des Kreises, {dis} abgeschaltet)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="1047" />
      <source>cancelled</source>
      <translation>abgebrochen</translation>
    </message>
  </context>
  <context>
    <name>ImportTable</name>
    <message>
      <location filename="../../processing/import_table.py" line="53" />
      <source>Import statistics table</source>
      <translation>Statistiktabelle importieren</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="57" />
      <source>Statistics table (CSV or XLSX)</source>
      <translation>Statistiktabelle (CSV oder XLSX)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="58" />
      <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*.*)</source>
      <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle Dateien (*.*)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="60" />
      <source>Key column header (empty = detect, e.g. Blocknummer, AGS, Gebiet)</source>
      <translation>Überschrift der Schlüsselspalte (leer = erkennen, z. B. Blocknummer, AGS, Gebiet)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="62" />
      <source>Sheet (XLSX; empty = first sheet)</source>
      <translation>Tabellenblatt (XLSX; leer = erstes Blatt)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="64" />
      <source>Output layout</source>
      <translation>Ausgabeform</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="65" />
      <source>wide: one row per key</source>
      <translation>breit: eine Zeile je Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="65" />
      <source>long: one row per cell</source>
      <translation>lang: eine Zeile je Zelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="67" />
      <source>Map headers to the catalogue's count variables</source>
      <translation>Überschriften den Zählvariablen des Katalogs zuordnen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="69" />
      <source>County catalogue file (overlays the default; optional)</source>
      <translation>Katalogdatei des Kreises (ergänzt den Standard; optional)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="70" />
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="72" />
      <source>Year of the table when its headers carry none (0 = none / from the title)</source>
      <translation>Jahr der Tabelle, wenn die Überschriften keines nennen (0 = keines / aus dem Titel)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="75" />
      <source>Encoding</source>
      <translation>Kodierung</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="76" />
      <source>detect</source>
      <translation>erkennen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="77" />
      <source>UTF-8 with BOM</source>
      <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="78" />
      <source>Separator</source>
      <translation>Trennzeichen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="79" />
      <source>semicolon ;</source>
      <translation>Semikolon ;</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="79" />
      <source>comma ,</source>
      <translation>Komma ,</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="80" />
      <source>tab</source>
      <translation>Tabulator</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="81" />
      <source>Header line (0 = detect)</source>
      <translation>Kopfzeile (0 = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="83" />
      <source>Pad numeric keys to this many digits (0 = auto)</source>
      <translation>Numerische Schlüssel auf so viele Stellen auffüllen (0 = automatisch)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="91" />
      <source>Layer to compare keys with (optional)</source>
      <translation>Layer zum Abgleich der Schlüssel (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="94" />
      <source>Key field of that layer</source>
      <translation>Schlüsselfeld dieses Layers</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="97" />
      <source>Imported table</source>
      <translation>Importierte Tabelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="99" />
      <source>Import report</source>
      <translation>Importbericht</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="100" />
      <source>Number of keys</source>
      <translation>Anzahl der Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="101" />
      <source>Number of cells read</source>
      <translation>Anzahl gelesener Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="102" />
      <source>Years found</source>
      <translation>Gefundene Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="103" />
      <source>Variables found</source>
      <translation>Gefundene Variablen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="104" />
      <source>Cells per status (JSON)</source>
      <translation>Zellen je Status (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="105" />
      <source>Catalogue version used</source>
      <translation>Verwendete Katalogversion</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="106" />
      <source>Keys only in the table</source>
      <translation>Schlüssel nur in der Tabelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="107" />
      <source>Keys only in the layer</source>
      <translation>Schlüssel nur im Layer</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="117" />
      <source>Choose a statistics table (CSV or XLSX).</source>
      <translation>Wählen Sie eine Statistiktabelle (CSV oder XLSX).</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="131" />
      <source>Choose the key field of the layer to compare keys with.</source>
      <translation>Wählen Sie das Schlüsselfeld des Abgleich-Layers.</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="133" />
      <source>key field</source>
      <translation>Schlüsselfeld</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="176" />
      <source>not a catalogue variable; kept as '{}'</source>
      <translation>keine Katalogvariable; beibehalten als '{}'</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="189" />
      <source>{} keys in both</source>
      <translation>{} Schlüssel in beiden</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="218" />
      <source>{keys} keys, {vars} variables, years {years}; cells by status: {counts}</source>
      <translation>{keys} Schlüssel, {vars} Variablen, Jahre {years}; Zellen je Status: {counts}</translation>
    </message>
  </context>
  <context>
    <name>IndexSensitivity</name>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="67" />
      <source>Index sensitivity (Monte Carlo, correlations, Cronbach's alpha)</source>
      <translation>Sensitivität des Index (Monte-Carlo, Korrelationen, Cronbachs Alpha)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="72" />
      <source>Units with indicators</source>
      <translation>Einheiten mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="74" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="76" />
      <source>Indicator fields</source>
      <translation>Indikatorfelder</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="79" />
      <source>Indicator catalogue for the polarity (empty = default catalogue)</source>
      <translation>Indikatorenkatalog für die Polarität (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="82" />
      <source>Directions overriding the catalogue (field=higher_worse|higher_better; ...)</source>
      <translation>Richtungen, die den Katalog überschreiben (feld=higher_worse|higher_better; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="85" />
      <source>Base indicator weights</source>
      <translation>Basisgewichte der Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="85" />
      <source>equal (or as given)</source>
      <translation>gleich (oder wie angegeben)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="86" />
      <source>given for every indicator</source>
      <translation>für jeden Indikator angegeben</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="89" />
      <source>Indicator weights (field=weight; ...)</source>
      <translation>Indikatorgewichte (feld=gewicht; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="91" />
      <source>Domains (domain: field1, field2; ...) or 'catalogue'</source>
      <translation>Bereiche (bereich: feld1, feld2; ...) oder 'catalogue'</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="93" />
      <source>Domain weights (domain=weight; ...)</source>
      <translation>Bereichsgewichte (bereich=gewicht; ...)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="95" />
      <source>Monte Carlo draws</source>
      <translation>Monte-Carlo-Ziehungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="98" />
      <source>Random seed (same seed = same result)</source>
      <translation>Startwert des Zufallsgenerators (gleicher Startwert = gleiches Ergebnis)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="101" />
      <source>Weight perturbation</source>
      <translation>Variation der Gewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="102" />
      <source>Dirichlet around the base weights</source>
      <translation>Dirichlet um die Basisgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="102" />
      <source>± range around the base weights</source>
      <translation>± Spanne um die Basisgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="103" />
      <source>fixed (vary methods only)</source>
      <translation>fest (nur Verfahren variieren)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="105" />
      <source>Dirichlet concentration (larger = closer to the base weights)</source>
      <translation>Dirichlet-Konzentration (größer = näher an den Basisgewichten)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="108" />
      <source>Weight range r (weights × U(1-r, 1+r))</source>
      <translation>Gewichtsspanne r (Gewichte × U(1-r, 1+r))</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="111" />
      <source>Normalisations to vary over</source>
      <translation>Zu variierende Normierungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="112" />
      <source>z-score</source>
      <translation>z-Wert</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="112" />
      <source>min-max</source>
      <translation>Min-Max</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="112" />
      <source>rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="112" />
      <source>percentile</source>
      <translation>Perzentil</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="115" />
      <source>Aggregations to vary over</source>
      <translation>Zu variierende Aggregationen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="116" />
      <source>arithmetic mean</source>
      <translation>arithmetisches Mittel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="116" />
      <source>geometric mean</source>
      <translation>geometrisches Mittel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="118" />
      <source>Base normalisation</source>
      <translation>Basis-Normierung</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="121" />
      <source>Base aggregation</source>
      <translation>Basis-Aggregation</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="124" />
      <source>Rank classes for the class-change share</source>
      <translation>Rangklassen für den Anteil der Klassenwechsel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="127" />
      <source>Minimum share of indicators per unit</source>
      <translation>Mindestanteil der Indikatoren je Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="130" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="133" />
      <source>Minimum residents</source>
      <translation>Mindestzahl der Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="135" />
      <source>Exclusion flag field</source>
      <translation>Ausschlussfeld</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="137" />
      <source>Flag correlations with |r| below</source>
      <translation>Korrelationen markieren mit |r| unter</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="140" />
      <source>Flag correlations with |r| above</source>
      <translation>Korrelationen markieren mit |r| über</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="143" />
      <source>Rank stability per unit</source>
      <translation>Rangstabilität je Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="145" />
      <source>Correlation matrix and Cronbach's alpha</source>
      <translation>Korrelationsmatrix und Cronbachs Alpha</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="148" />
      <source>Method record (JSON; empty = beside the output file)</source>
      <translation>Methodenbeschreibung (JSON; leer = neben der Ausgabedatei)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="150" />
      <source>Cronbach's alpha</source>
      <translation>Cronbachs Alpha</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="151" />
      <source>Flagged indicator pairs</source>
      <translation>Markierte Indikatorpaare</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="152" />
      <source>Mean share of units changing class</source>
      <translation>Mittlerer Anteil der Einheiten mit Klassenwechsel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="153" />
      <source>Median 5-95 % rank interval width</source>
      <translation>Median der Breite des 5-95-%-Rangintervalls</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="154" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="155" />
      <source>Method record file</source>
      <translation>Datei der Methodenbeschreibung</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="156" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="170" />
      <source>Choose at least two indicator fields.</source>
      <translation>Wählen Sie mindestens zwei Indikatorfelder.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="185" />
      <source>Indicator(s) {} have no weight but the weights are to be given for every indicator.</source>
      <translation>Indikator(en) {} haben kein Gewicht, die Gewichte sollen aber für jeden Indikator angegeben sein.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="190" />
      <source>Choose at least one normalisation and one aggregation.</source>
      <translation>Wählen Sie mindestens eine Normierung und eine Aggregation.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="196" />
      <source>Indicator diagnostics</source>
      <translation>Indikatorprüfung</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="232" />
      <source>Index sensitivity</source>
      <translation>Sensitivität des Index</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="244" />
      <source>Rank with the base settings (1 = most need)</source>
      <translation>Rang mit den Basiseinstellungen (1 = größter Bedarf)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="245" />
      <source>Median rank over the draws</source>
      <translation>Median des Rangs über die Ziehungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="246" />
      <source>5 % rank quantile</source>
      <translation>5-%-Quantil des Rangs</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="246" />
      <source>95 % rank quantile</source>
      <translation>95-%-Quantil des Rangs</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="247" />
      <source>Width of the 5-95 % rank interval</source>
      <translation>Breite des 5-95-%-Rangintervalls</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="248" />
      <source>Rank class with the base settings</source>
      <translation>Rangklasse mit den Basiseinstellungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="249" />
      <source>Share of draws with another class</source>
      <translation>Anteil der Ziehungen mit anderer Klasse</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="278" />
      <source>Rank class {}</source>
      <translation>Rangklasse {}</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" line="282" />
      <source>Cronbach's alpha {:.3f}; {} flagged pairs; mean share of units changing class {:.1%}; median 5-95 % rank interval width {:.1f}.</source>
      <translation>Cronbachs Alpha {:.3f}; {} markierte Paare; mittlerer Anteil der Einheiten mit Klassenwechsel {:.1%}; Median der Breite des 5-95-%-Rangintervalls {:.1f}.</translation>
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
      <location filename="../../ui/indicator_form.py" line="272" />
      <source>this form</source>
      <translation>dieses Formular</translation>
    </message>
  </context>
  <context>
    <name>InterpolateIndicators</name>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="58" />
      <source>Interpolate indicators to non-nesting areas</source>
      <translation>Indikatoren auf nicht verschachtelte Gebiete umrechnen</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="62" />
      <source>Source units the tables refer to (e.g. blocks, social spaces)</source>
      <translation>Quelleinheiten, auf die sich die Tabellen beziehen (z. B. Blöcke, Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="65" />
      <source>Source key field (matches the tables' key column)</source>
      <translation>Schlüsselfeld der Quellen (passend zur Schlüsselspalte der Tabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="68" />
      <source>Statistics tables (CSV/XLSX files)</source>
      <translation>Statistiktabellen (CSV-/XLSX-Dateien)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="70" />
      <source>Key column in the tables (empty = detect)</source>
      <translation>Schlüsselspalte in den Tabellen (leer = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="72" />
      <source>Years of tables without a year column, in order (e.g. 2023, 2024)</source>
      <translation>Jahre der Tabellen ohne Jahresspalte, in Reihenfolge (z. B. 2023, 2024)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="75" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="78" />
      <source>Indicator ids, comma separated (empty = all computable)</source>
      <translation>Indikator-IDs, durch Komma getrennt (leer = alle berechenbaren)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="80" />
      <source>Target areas (e.g. school districts, postcode areas)</source>
      <translation>Zielgebiete (z. B. Schulbezirke, Postleitzahlgebiete)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="83" />
      <source>Target key field</source>
      <translation>Schlüsselfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="85" />
      <source>Target name field</source>
      <translation>Namensfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="87" />
      <source>Interpolation method</source>
      <translation>Umrechnungsmethode</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="88" />
      <source>area-weighted (by intersection area)</source>
      <translation>flächengewichtet (nach Schnittfläche)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="89" />
      <source>population-weighted (by residents of the weight blocks)</source>
      <translation>einwohnergewichtet (nach Einwohnern der Gewichtsblöcke)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="91" />
      <source>Weight blocks with residents (population-weighted; point on surface)</source>
      <translation>Gewichtsblöcke mit Einwohnern (einwohnergewichtet; Punkt auf Oberfläche)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="94" />
      <source>Residents field of the weight blocks</source>
      <translation>Einwohnerfeld der Gewichtsblöcke</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="97" />
      <source>Interpolated indicators</source>
      <translation>Umgerechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="98" />
      <source>Method and catalogue version (JSON)</source>
      <translation>Methode und Katalogversion (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="99" />
      <source>Indicators computed</source>
      <translation>Berechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="100" />
      <source>Source/target pieces</source>
      <translation>Teilflächen Quelle/Ziel</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="102" />
      <source>Sources without residents (area weights used)</source>
      <translation>Quellen ohne Einwohner (Flächengewichte verwendet)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="125" />
      <source>Population-weighted interpolation needs the weight blocks and their residents field (e.g. statistical blocks with 'ew'). Choose them, or use area weights.</source>
      <translation>Die einwohnergewichtete Umrechnung braucht die Gewichtsblöcke und ihr Einwohnerfeld (z. B. statistische Blöcke mit 'ew'). Wählen Sie diese oder verwenden Sie Flächengewichte.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="131" />
      <source>Reading catalogue and tables</source>
      <translation>Katalog und Tabellen werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="138" />
      <source>Choose at least one statistics table.</source>
      <translation>Wählen Sie mindestens eine Statistiktabelle.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="147" />
      <source>Unknown indicator id(s): {}. The catalogue has: {}.</source>
      <translation>Unbekannte Indikator-ID(s): {}. Der Katalog enthält: {}.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="153" />
      <source>None of the chosen indicators can be computed from the delivered variables ({}).</source>
      <translation>Keiner der gewählten Indikatoren lässt sich aus den gelieferten Variablen berechnen ({}).</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="158" />
      <source>Indicator {} skipped: the tables lack {}.</source>
      <translation>Indikator {} übersprungen: Den Tabellen fehlt {}.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="164" />
      <source>Intersecting sources and targets</source>
      <translation>Quellen und Ziele werden verschnitten</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="184" />
      <source>The source key field '{f}' has the value '{k}' twice. Each source unit needs its own key.</source>
      <translation>Das Schlüsselfeld '{f}' der Quellen enthält den Wert '{k}' doppelt. Jede Quelleinheit braucht einen eigenen Schlüssel.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="202" />
      <source>No source unit overlaps a target area. Check that both layers cover the same region (and CRS).</source>
      <translation>Keine Quelleinheit überlappt ein Zielgebiet. Prüfen Sie, ob beide Layer dieselbe Region abdecken (und dasselbe KBS haben).</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="212" />
      <source>Interpolating</source>
      <translation>Umrechnung läuft</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="253" />
      <source>Area covered by sources (km²)</source>
      <translation>Von Quellen abgedeckte Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="288" />
      <source>The target key field '{f}' has the value '{k}' twice. Each target area needs its own key (dissolve multi-part areas first).</source>
      <translation>Das Schlüsselfeld '{f}' der Ziele enthält den Wert '{k}' doppelt. Jedes Zielgebiet braucht einen eigenen Schlüssel (mehrteilige Gebiete zuerst verschmelzen).</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" line="352" />
      <source>{:.0f} of {:.0f} residents of the weight blocks lie outside the sources or targets and were not used.</source>
      <translation>{:.0f} von {:.0f} Einwohnern der Gewichtsblöcke liegen außerhalb der Quellen oder Ziele und wurden nicht verwendet.</translation>
    </message>
  </context>
  <context>
    <name>OverviewMapSheets</name>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="63" />
      <source>Overview map sheets (choropleth per indicator, PDF)</source>
      <translation>Übersichtskarten (Choroplethenkarte je Indikator, PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="71" />
      <source>Social spaces with indicator values</source>
      <translation>Sozialräume mit Indikatorwerten</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="73" />
      <source>Indicator or index class fields (one page each, e.g. kinderarmut_sgb2_u15_2025)</source>
      <translation>Indikator- oder Indexklassenfelder (je eine Seite, z. B. kinderarmut_sgb2_u15_2025)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="76" />
      <source>Name field of the social spaces</source>
      <translation>Namensfeld der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="79" />
      <source>Class method</source>
      <translation>Klassenbildung</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="80" />
      <source>Quantiles</source>
      <translation>Quantile</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="80" />
      <source>Natural breaks (Jenks)</source>
      <translation>Natürliche Brüche (Jenks)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="80" />
      <source>Equal intervals</source>
      <translation>Gleiche Intervalle</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="81" />
      <source>Standard deviation</source>
      <translation>Standardabweichung</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="81" />
      <source>Field already holds classes 1..n (index class)</source>
      <translation>Feld enthält bereits Klassen 1..n (Indexklasse)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="84" />
      <source>Number of classes</source>
      <translation>Anzahl der Klassen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="87" />
      <source>Municipal boundaries</source>
      <translation>Gemeindegrenzen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="90" />
      <source>Municipality name field</source>
      <translation>Feld mit dem Gemeindenamen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="93" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="96" />
      <source>Title (empty = indicator name from the catalogue)</source>
      <translation>Titel (leer = Name des Indikators aus dem Katalog)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="98" />
      <source>Subtitle (empty = 'Sozialräume, Stand &lt;reference date&gt;')</source>
      <translation>Untertitel (leer = „Sozialräume, Stand &lt;Stichtag&gt;“)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="100" />
      <source>Reference date ({year} = the field's year)</source>
      <translation>Stichtag ({year} = Jahr des Feldes)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="103" />
      <source>Source and copyright note (the indicator's data source is added)</source>
      <translation>Quellen- und Copyrightvermerk (die Datenquelle des Indikators wird ergänzt)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="106" />
      <source>Note on suppressed values</source>
      <translation>Hinweis zu gesperrten Werten</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="108" />
      <source>Paper</source>
      <translation>Papierformat</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="108" />
      <source>A4 landscape</source>
      <translation>A4 quer</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="108" />
      <source>A4 portrait</source>
      <translation>A4 hoch</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="108" />
      <source>A3 landscape</source>
      <translation>A3 quer</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="109" />
      <source>A3 portrait</source>
      <translation>A3 hoch</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="111" />
      <source>Own layout template (.qpt; replaces the paper choice)</source>
      <translation>Eigene Layoutvorlage (.qpt; ersetzt die Papierwahl)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="114" />
      <source>Resolution (dpi)</source>
      <translation>Auflösung (dpi)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="117" />
      <source>In QGIS desktop: add the layouts to the project for finishing</source>
      <translation>In QGIS Desktop: Layouts zur Nachbearbeitung dem Projekt hinzufügen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="119" />
      <source>Overview map sheets (PDF)</source>
      <translation>Übersichtskarten (PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="120" />
      <source>Number of pages</source>
      <translation>Zahl der Seiten</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="131" />
      <source>Choose at least one indicator field (one page per field).</source>
      <translation>Wählen Sie mindestens ein Indikatorfeld (je Feld eine Seite).</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="152" />
      <source>The layout template {} does not exist.</source>
      <translation>Die Layoutvorlage {} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="197" />
      <source>Field '{}' holds no class values (all empty or suppressed).</source>
      <translation>Feld '{}' enthält keine Klassenwerte (alle leer oder gesperrt).</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" line="214" />
      <source>Field '{f}' has only {k} values (not suppressed, not empty) for {n} classes. Choose fewer classes or another field.</source>
      <translation>Feld '{f}' hat nur {k} Werte (nicht gesperrt, nicht leer) für {n} Klassen. Wählen Sie weniger Klassen oder ein anderes Feld.</translation>
    </message>
  </context>
  <context>
    <name>ProfileAtlas</name>
    <message>
      <location filename="../../processing/profile_atlas.py" line="117" />
      <source>Profile sheets per social space (atlas, PDF)</source>
      <translation>Steckbriefe je Sozialraum (Atlas, PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="125" />
      <source>Social spaces with indicators per year (e.g. from aggregateindicators)</source>
      <translation>Sozialräume mit Indikatoren je Jahr (z. B. aus „Indikatoren aggregieren“)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="128" />
      <source>Key field (empty = 'key')</source>
      <translation>Schlüsselfeld (leer = 'key')</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="131" />
      <source>Name field (empty = 'name' if the layer has it, else the key)</source>
      <translation>Namensfeld (leer = 'name', falls vorhanden, sonst der Schlüssel)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="134" />
      <source>Indicator ids for the table, comma separated (empty = key indicators present in the layer)</source>
      <translation>Indikator-IDs für die Tabelle, durch Komma getrennt (leer = vorhandene Kernindikatoren)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="137" />
      <source>Years (comma separated; empty = all years in the layer; the last is shown in the table)</source>
      <translation>Jahre (durch Komma getrennt; leer = alle Jahre im Layer; das letzte steht in der Tabelle)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="140" />
      <source>Indicator of the trend chart (empty = the first of the table)</source>
      <translation>Indikator des Zeitreihendiagramms (leer = der erste der Tabelle)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="143" />
      <source>Index class field (badge; optional)</source>
      <translation>Feld der Indexklasse (Plakette; optional)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="146" />
      <source>Free text field (optional)</source>
      <translation>Freitextfeld (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="149" />
      <source>Default free text (empty = a short automatic summary)</source>
      <translation>Standard-Freitext (leer = kurze automatische Zusammenfassung)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="152" />
      <source>Municipal boundaries</source>
      <translation>Gemeindegrenzen</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="155" />
      <source>Municipality name field</source>
      <translation>Feld mit dem Gemeindenamen</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="158" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="161" />
      <source>Reference date ({year} = the last year)</source>
      <translation>Stichtag ({year} = letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="163" />
      <source>Source and copyright note (the indicators' data sources are added)</source>
      <translation>Quellen- und Copyrightvermerk (die Datenquellen der Indikatoren werden ergänzt)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="166" />
      <source>Own layout template (.qpt; empty = profile_a4_portrait)</source>
      <translation>Eigene Layoutvorlage (.qpt; leer = profile_a4_portrait)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="169" />
      <source>Resolution (dpi)</source>
      <translation>Auflösung (dpi)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="172" />
      <source>In QGIS desktop: add the atlas layout to the project for finishing</source>
      <translation>In QGIS Desktop: Atlas-Layout zur Nachbearbeitung dem Projekt hinzufügen</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="174" />
      <source>Profile sheets (one multipage PDF)</source>
      <translation>Steckbriefe (eine mehrseitige PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="176" />
      <source>Folder for one file per social space (optional)</source>
      <translation>Ordner für eine Datei je Sozialraum (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="179" />
      <source>Format of the files per social space</source>
      <translation>Format der Dateien je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="180" />
      <source>Number of pages</source>
      <translation>Zahl der Seiten</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="211" />
      <source>Layer '{l}' has no fields '&lt;id&gt;_&lt;year&gt;' for the indicator(s) {m}. Indicators found: {f}. Run 'Aggregate indicators' for them or correct the list.</source>
      <translation>Layer '{l}' hat keine Felder '&lt;id&gt;_&lt;Jahr&gt;' für den/die Indikator(en) {m}. Gefundene Indikatoren: {f}. Führen Sie „Indikatoren aggregieren“ für sie aus oder korrigieren Sie die Liste.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="219" />
      <source>Layer '{}' has no indicator fields named '&lt;id&gt;_&lt;year&gt;' (e.g. kinderarmut_sgb2_u15_2025). Use the output of 'Aggregate indicators' (wide layout).</source>
      <translation>Layer '{}' hat keine Indikatorfelder '&lt;id&gt;_&lt;Jahr&gt;' (z. B. kinderarmut_sgb2_u15_2025). Verwenden Sie das Ergebnis von „Indikatoren aggregieren“ (breites Format).</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="227" />
      <source>No indicator field for the year(s) {b}; years in the layer: {a}.</source>
      <translation>Kein Indikatorfeld für das Jahr/die Jahre {b}; Jahre im Layer: {a}.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="232" />
      <source>The chart indicator '{c}' has no fields in layer '{l}'.</source>
      <translation>Der Diagrammindikator '{c}' hat keine Felder im Layer '{l}'.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="244" />
      <source>The layout template {} does not exist.</source>
      <translation>Die Layoutvorlage {} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="419" />
      <source>Canceled: nothing was written.</source>
      <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="422" />
      <source>The atlas could not be exported to {p}: {e}</source>
      <translation>Der Atlas konnte nicht nach {p} exportiert werden: {e}</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" line="441" />
      <source>The files per social space could not be written to {p}: {e}</source>
      <translation>Die Dateien je Sozialraum konnten nicht nach {p} geschrieben werden: {e}</translation>
    </message>
  </context>
  <context>
    <name>ProfileDock</name>
    <message>
      <location filename="../../ui/profile_dock.py" line="379" />
      <source>Social-space profile</source>
      <translation>Sozialraumprofil</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="402" />
      <source>Social spaces with indicator values (output of 'Aggregate indicators', level social spaces)</source>
      <translation>Sozialräume mit Indikatorwerten (Ergebnis von „Indikatoren aggregieren“, Ebene Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="410" />
      <source>Pick</source>
      <translation>In Karte wählen</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="412" />
      <source>Click a social space on the map to show its profile</source>
      <translation>Sozialraum in der Karte anklicken, um sein Profil zu zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="423" />
      <source>Choose a social space (type to search)</source>
      <translation>Sozialraum wählen (tippen zum Suchen)</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="424" />
      <source>Social space…</source>
      <translation>Sozialraum…</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="431" />
      <source>Year of the values in the table</source>
      <translation>Jahr der Werte in der Tabelle</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="444" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="444" />
      <source>Space</source>
      <translation>Sozialraum</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="444" />
      <source>Municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="445" />
      <source>County</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="466" />
      <source>• suppressed  ≈ unreliable  ≥ incomplete (lower bound)</source>
      <translation>• unterdrückt  ≈ unsicher  ≥ unvollständig (Untergrenze)</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="613" />
      <source>&lt;i&gt;Pick a social space on the map or choose it in the list.&lt;/i&gt;</source>
      <translation>&lt;i&gt;Sozialraum in der Karte anklicken oder in der Liste wählen.&lt;/i&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="622" />
      <source>Index: class &lt;b&gt;{c}&lt;/b&gt;</source>
      <translation>Index: Klasse &lt;b&gt;{c}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="624" />
      <source>Index {p}: class &lt;b&gt;{c}&lt;/b&gt;</source>
      <translation>Index {p}: Klasse &lt;b&gt;{c}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="626" />
      <source>value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="628" />
      <source>rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="632" />
      <source>Action fields: {}</source>
      <translation>Handlungsfelder: {}</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="633" />
      <source>none flagged</source>
      <translation>keines markiert</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="635" />
      <source>No indicator values of the catalogue in this layer.</source>
      <translation>Keine Indikatorwerte des Katalogs in diesem Layer.</translation>
    </message>
  </context>
  <context>
    <name>RegionaliseBlocks</name>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="60" />
      <source>Build social spaces from blocks (automatic regionalisation)</source>
      <translation>Sozialräume aus Blöcken bilden (automatische Regionalisierung)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="64" />
      <source>Statistical blocks</source>
      <translation>Statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="66" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="69" />
      <source>Nesting field (municipality or district; spaces never cross it)</source>
      <translation>Feld der übergeordneten Einheit (Gemeinde oder Bezirk; Sozialräume überschreiten sie nie)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="72" />
      <source>Barriers (railways, rivers, motorways) no space may cross</source>
      <translation>Barrieren (Bahnlinien, Flüsse, Autobahnen), die kein Sozialraum überqueren darf</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="75" />
      <source>Attributes the spaces should be homogeneous in</source>
      <translation>Merkmale, in denen die Sozialräume homogen sein sollen</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="79" />
      <source>Population floor (residents per space at least)</source>
      <translation>Einwohner-Untergrenze (mindestens je Sozialraum)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="82" />
      <source>Population ceiling (residents per space at most)</source>
      <translation>Einwohner-Obergrenze (höchstens je Sozialraum)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="85" />
      <source>Compactness weight (0 = ignore shape)</source>
      <translation>Gewicht der Kompaktheit (0 = Form egal)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="88" />
      <source>Locked spaces: existing space id to keep (empty = re-plan the block)</source>
      <translation>Gesperrte Sozialräume: vorhandene Sozialraum-ID, die bleibt (leer = Block neu planen)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="91" />
      <source>Reference partition to compare with (adjusted Rand index)</source>
      <translation>Vergleichseinteilung (bereinigter Rand-Index)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="94" />
      <source>Random seed (same seed, same result)</source>
      <translation>Startwert des Zufallsgenerators (gleicher Startwert, gleiches Ergebnis)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="98" />
      <source>Block id field (for the report)</source>
      <translation>Block-ID-Feld (für den Bericht)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="101" />
      <source>Neighbour distance in metres (blocks across a street of this width count as neighbours; 0 = touching only)</source>
      <translation>Nachbarschaftsabstand in Metern (Blöcke über eine Straße dieser Breite gelten als Nachbarn; 0 = nur berührende)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="105" />
      <source>Improvement rounds (re-split pairs of neighbouring spaces; more rounds: slower, more compact and homogeneous)</source>
      <translation>Verbesserungsrunden (Paare benachbarter Sozialräume neu teilen; mehr Runden: langsamer, kompakter und homogener)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="113" />
      <source>Blocks with social space</source>
      <translation>Blöcke mit Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="115" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="117" />
      <source>Regionalisation report</source>
      <translation>Bericht der Regionalisierung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="118" />
      <source>Number of social spaces</source>
      <translation>Anzahl der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="119" />
      <source>Share of spaces within the bounds</source>
      <translation>Anteil der Sozialräume innerhalb der Grenzen</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="120" />
      <source>Coefficient of variation of the population</source>
      <translation>Variationskoeffizient der Einwohnerzahl</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="121" />
      <source>Within-space sum of squared deviations (standardised attributes)</source>
      <translation>Quadratsumme der Abweichungen innerhalb der Sozialräume (standardisierte Merkmale)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="122" />
      <source>Mean Polsby-Popper compactness</source>
      <translation>Mittlere Kompaktheit nach Polsby-Popper</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="123" />
      <source>Adjusted Rand index against the reference</source>
      <translation>Bereinigter Rand-Index gegenüber der Vergleichseinteilung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="125" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="151" />
      <source>The population floor ({}) must be below the ceiling ({}). Lower the floor or raise the ceiling.</source>
      <translation>Die Einwohner-Untergrenze ({}) muss unter der Obergrenze ({}) liegen. Senken Sie die Unter- oder erhöhen Sie die Obergrenze.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="167" />
      <source>The blocks are in degrees ({}); distances and areas are computed in {}.</source>
      <translation>Die Blöcke liegen in Grad vor ({}); Abstände und Flächen werden in {} berechnet.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="202" />
      <source>{} blocks have no geometry (first feature id {}). Remove them or repair the layer first.</source>
      <translation>{} Blöcke haben keine Geometrie (erste Objekt-ID {}). Entfernen Sie sie oder reparieren Sie zuerst den Layer.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="208" />
      <source>The residents field '{field}' is empty for {n} blocks (first: block {block}). Enter 0 for blocks without residents.</source>
      <translation>Das Einwohnerfeld '{field}' ist bei {n} Blöcken leer (erster: Block {block}). Tragen Sie für Blöcke ohne Einwohner 0 ein.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="226" />
      <source>Building the neighbourhood graph of {} blocks ...</source>
      <translation>Nachbarschaftsgraph von {} Blöcken wird gebildet ...</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="236" />
      <source>Graph {:.2f} s, regionalisation {:.2f} s.</source>
      <translation>Graph {:.2f} s, Regionalisierung {:.2f} s.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="270" />
      <source>Social space id</source>
      <translation>Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="271" />
      <source>Social space flag</source>
      <translation>Sozialraum-Kennung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="291" />
      <source>Nesting unit</source>
      <translation>Übergeordnete Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="292" />
      <source>Blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="293" />
      <source>Residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="294" />
      <source>Area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="295" />
      <source>Polsby-Popper compactness</source>
      <translation>Kompaktheit nach Polsby-Popper</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="296" />
      <source>Within floor and ceiling</source>
      <translation>Innerhalb von Unter- und Obergrenze</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="297" />
      <source>Flag</source>
      <translation>Kennung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="298" />
      <source>Locked</source>
      <translation>Gesperrt</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" line="317" />
      <source>Reading {:.2f} s, dissolving and writing {:.2f} s.</source>
      <translation>Lesen {:.2f} s, Auflösen und Schreiben {:.2f} s.</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungAlgorithm</name>
    <message>
      <location filename="../../processing/_store.py" line="28" />
      <source>statistical blocks</source>
      <translation>statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" line="29" />
      <source>social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" line="30" />
      <source>municipalities</source>
      <translation>Gemeinden</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" line="31" />
      <source>county</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" line="35" />
      <source>Store: GeoPackage file (.gpkg), QGIS PostgreSQL connection name or connection string</source>
      <translation>Speicher: GeoPackage-Datei (.gpkg), Name einer PostgreSQL-Verbindung in QGIS oder Verbindungszeichenkette</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" line="38" />
      <source>PostgreSQL schema of the store</source>
      <translation>PostgreSQL-Schema des Speichers</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" line="43" />
      <source>Spatial level</source>
      <translation>Raumebene</translation>
    </message>
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
      <location filename="../../plugin.py" line="51" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="52" />
      <source>Show or hide the indicator catalogue</source>
      <translation>Indikatorenkatalog ein- oder ausblenden</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="64" />
      <source>Social-space profile</source>
      <translation>Sozialraumprofil</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="65" />
      <source>Show or hide the profile of a social space</source>
      <translation>Profil eines Sozialraums ein- oder ausblenden</translation>
    </message>
    <message>
      <location filename="../../plugin.py" line="70" />
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
  <context>
    <name>StoreCarry</name>
    <message>
      <location filename="../../processing/store_carry.py" line="28" />
      <source>Carry values to new space boundaries</source>
      <translation>Werte auf neue Raumgrenzen übertragen</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="33" />
      <source>A date on which the OLD boundaries were valid (e.g. 2023-12-31)</source>
      <translation>Ein Datum, an dem die ALTEN Grenzen galten (z. B. 2023-12-31)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="35" />
      <source>A date on which the NEW boundaries are valid (e.g. 2024-01-01)</source>
      <translation>Ein Datum, an dem die NEUEN Grenzen gelten (z. B. 2024-01-01)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="37" />
      <source>Block-level weight in the store (population: indicator or count variable id)</source>
      <translation>Gewicht auf Blockebene im Speicher (Einwohner: Indikator- oder Variablen-ID)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="40" />
      <source>Reference dates or years to carry, comma separated (empty = all)</source>
      <translation>Zu übertragende Stichtage oder Jahre, durch Komma getrennt (leer = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="42" />
      <source>written or unchanged</source>
      <translation>geschrieben oder unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="43" />
      <source>Import id in the import log</source>
      <translation>Import-ID im Importprotokoll</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="44" />
      <source>Values added</source>
      <translation>Werte hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="45" />
      <source>Values changed</source>
      <translation>Werte geändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" line="62" />
      <source>Spaces with unchanged boundaries (kept as they were): {}</source>
      <translation>Räume mit unveränderten Grenzen (bleiben wie sie sind): {}</translation>
    </message>
  </context>
  <context>
    <name>StoreRead</name>
    <message>
      <location filename="../../processing/store_read.py" line="37" />
      <source>Read indicators from the monitoring store</source>
      <translation>Indikatoren aus dem Monitoring-Speicher lesen</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="42" />
      <source>What to read</source>
      <translation>Was gelesen wird</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="43" />
      <source>time slice: all values at one reference date</source>
      <translation>Zeitschnitt: alle Werte zu einem Stichtag</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="44" />
      <source>time series: all dates (or from/to) per unit</source>
      <translation>Zeitreihe: alle Stichtage (oder von/bis) je Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="46" />
      <source>Reference date or year (slice), geometry date (series; empty = current boundaries)</source>
      <translation>Stichtag oder Jahr (Zeitschnitt), Geometriedatum (Zeitreihe; leer = aktuelle Grenzen)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="48" />
      <source>Series from (date or year)</source>
      <translation>Zeitreihe von (Datum oder Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="50" />
      <source>Series to (date or year)</source>
      <translation>Zeitreihe bis (Datum oder Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="53" />
      <source>Indicator ids, comma separated (empty = all)</source>
      <translation>Indikator-IDs, durch Komma getrennt (leer = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="55" />
      <source>Layout</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="55" />
      <source>wide: one row per unit</source>
      <translation>breit: eine Zeile je Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="56" />
      <source>long: one row per unit, indicator and date</source>
      <translation>lang: eine Zeile je Raumeinheit, Indikator und Stichtag</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="59" />
      <source>Indicators from the store</source>
      <translation>Indikatoren aus dem Speicher</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="60" />
      <source>Values read</source>
      <translation>Gelesene Werte</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="61" />
      <source>Units</source>
      <translation>Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="77" />
      <source>Give the reference date (or year) of the time slice.</source>
      <translation>Geben Sie den Stichtag (oder das Jahr) des Zeitschnitts an.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="86" />
      <source>The store has no values of level '{lv}' at {d}. Dates with values: {ds}.</source>
      <translation>Der Speicher enthält keine Werte der Ebene „{lv}“ zum {d}. Stichtage mit Werten: {ds}.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="93" />
      <source>The store has no values of level '{}' in that period on these boundaries.</source>
      <translation>Der Speicher enthält keine Werte der Ebene „{}“ in diesem Zeitraum auf diesen Grenzen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" line="130" />
      <source>{n} values of {u} units read.</source>
      <translation>{n} Werte von {u} Raumeinheiten gelesen.</translation>
    </message>
  </context>
  <context>
    <name>StoreTargets</name>
    <message>
      <location filename="../../processing/store_targets.py" line="36" />
      <source>Import targets into the monitoring store</source>
      <translation>Ziele in den Monitoring-Speicher übernehmen</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" line="40" />
      <source>Targets table (CSV or table layer)</source>
      <translation>Zieltabelle (CSV oder Tabellenlayer)</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" line="43" />
      <source>Indicator catalogue (empty = the store's catalogue)</source>
      <translation>Indikatorenkatalog (leer = Katalog des Speichers)</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" line="45" />
      <source>Targets written</source>
      <translation>Geschriebene Ziele</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" line="65" />
      <source>The targets table has no rows.</source>
      <translation>Die Zieltabelle hat keine Zeilen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" line="66" />
      <source>{} targets written.</source>
      <translation>{} Ziele geschrieben.</translation>
    </message>
  </context>
  <context>
    <name>StoreUnits</name>
    <message>
      <location filename="../../processing/store_units.py" line="37" />
      <source>Register spatial units in the monitoring store</source>
      <translation>Raumeinheiten im Monitoring-Speicher registrieren</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="41" />
      <source>Polygon layer of the units</source>
      <translation>Polygonlayer der Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="44" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="46" />
      <source>Unit name field (optional)</source>
      <translation>Namensfeld der Raumeinheit (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="49" />
      <source>Field with the key of the parent unit (e.g. the social space of a block)</source>
      <translation>Feld mit dem Schlüssel der übergeordneten Einheit (z. B. der Sozialraum eines Blocks)</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="52" />
      <source>Level of the parent unit</source>
      <translation>Ebene der übergeordneten Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="55" />
      <source>Valid from (date or year; empty = valid since always)</source>
      <translation>Gültig ab (Datum oder Jahr; leer = seit jeher gültig)</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="57" />
      <source>The layer is complete: close units of the level missing from it</source>
      <translation>Der Layer ist vollständig: fehlende Einheiten der Ebene schließen</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="58" />
      <source>Units added</source>
      <translation>Raumeinheiten hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="59" />
      <source>Units with a new geometry version</source>
      <translation>Raumeinheiten mit neuer Geometrieversion</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="60" />
      <source>Units unchanged</source>
      <translation>Raumeinheiten unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="61" />
      <source>Units closed</source>
      <translation>Raumeinheiten geschlossen</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="62" />
      <source>New assignments to parent units</source>
      <translation>Neue Zuordnungen zu übergeordneten Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="91" />
      <source>Feature {} has no key in field '{}'.</source>
      <translation>Objekt {} hat keinen Schlüssel im Feld „{}“.</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="95" />
      <source>Unit '{}' has no geometry.</source>
      <translation>Raumeinheit „{}“ hat keine Geometrie.</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" line="112" />
      <source>Level {lv}: {a} added, {c} new geometry versions, {u} unchanged, {x} closed, {s} new assignments.</source>
      <translation>Ebene {lv}: {a} hinzugefügt, {c} neue Geometrieversionen, {u} unverändert, {x} geschlossen, {s} neue Zuordnungen.</translation>
    </message>
  </context>
  <context>
    <name>StoreWrite</name>
    <message>
      <location filename="../../processing/store_write.py" line="48" />
      <source>Write indicators into the monitoring store</source>
      <translation>Indikatoren in den Monitoring-Speicher schreiben</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="52" />
      <source>Aggregated indicator layer or table (wide or long layout)</source>
      <translation>Aggregierter Indikatorenlayer oder Tabelle (breites oder langes Format)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="56" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="58" />
      <source>Unit name field (optional)</source>
      <translation>Namensfeld der Raumeinheit (optional)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="61" />
      <source>Year or date field (long layout; empty: 'year' if present, else wide)</source>
      <translation>Jahres- oder Datumsfeld (langes Format; leer: „year“, falls vorhanden, sonst breit)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="64" />
      <source>Reference date or year of a table without years (e.g. 2024 or 2024-12-31)</source>
      <translation>Stichtag oder Jahr einer Tabelle ohne Jahre (z. B. 2024 oder 2024-12-31)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="67" />
      <source>Indicator catalogue the values were computed with (empty = default)</source>
      <translation>Indikatorenkatalog, mit dem die Werte berechnet wurden (leer = Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="70" />
      <source>Indicator ids to write, comma separated (empty = all found)</source>
      <translation>Zu schreibende Indikator-IDs, durch Komma getrennt (leer = alle gefundenen)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="73" />
      <source>Spatial units</source>
      <translation>Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="74" />
      <source>register the layer's geometries on the first write of the level; afterwards the keys must be in the store</source>
      <translation>Geometrien des Layers beim ersten Schreiben der Ebene registrieren; danach müssen die Schlüssel im Speicher stehen</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="76" />
      <source>register new units and changed geometries (valid from the date below)</source>
      <translation>neue Einheiten und geänderte Geometrien registrieren (gültig ab dem Datum unten)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="77" />
      <source>never register: the keys must be in the store</source>
      <translation>nie registrieren: die Schlüssel müssen im Speicher stehen</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="79" />
      <source>New geometries valid from (date or year; empty = valid since always)</source>
      <translation>Neue Geometrien gültig ab (Datum oder Jahr; leer = seit jeher gültig)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="82" />
      <source>Field with the key of the parent unit (e.g. blocks -&gt; social space)</source>
      <translation>Feld mit dem Schlüssel der übergeordneten Einheit (z. B. Block -&gt; Sozialraum)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="85" />
      <source>Level of the parent unit</source>
      <translation>Ebene der übergeordneten Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="87" />
      <source>Import id in the import log</source>
      <translation>Import-ID im Importprotokoll</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="88" />
      <source>written or unchanged</source>
      <translation>geschrieben oder unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="89" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="90" />
      <source>Values in the layer</source>
      <translation>Werte im Layer</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="91" />
      <source>Values added</source>
      <translation>Werte hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="92" />
      <source>Values changed</source>
      <translation>Werte geändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="93" />
      <source>Values already in the store</source>
      <translation>Werte bereits im Speicher</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="94" />
      <source>Units registered</source>
      <translation>Registrierte Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="95" />
      <source>Units with a new geometry</source>
      <translation>Raumeinheiten mit neuer Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="119" />
      <source>Indicator(s) {} are not in the catalogue '{}'.</source>
      <translation>Indikator(en) {} stehen nicht im Katalog „{}“.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="130" />
      <source>{} feature(s) have no value in the key field '{}'. Every unit needs a key.</source>
      <translation>{} Objekt(e) haben keinen Wert im Schlüsselfeld „{}“. Jede Raumeinheit braucht einen Schlüssel.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="135" />
      <source>{n} values of {v} indicator(s) at {d} date(s) read from the layer.</source>
      <translation>{n} Werte von {v} Indikator(en) zu {d} Stichtag(en) aus dem Layer gelesen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="146" />
      <source>The store has no units of level '{}' yet and the input has no polygons to register. Write a polygon layer first (e.g. the output of 'Aggregate indicators').</source>
      <translation>Der Speicher hat noch keine Raumeinheiten der Ebene „{}“, und die Eingabe hat keine Polygone zum Registrieren. Schreiben Sie zuerst einen Polygonlayer (z. B. das Ergebnis von „Indikatoren aggregieren“).</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="168" />
      <source>Units of level {lv}: {a} added, {c} with a new geometry, {u} unchanged.</source>
      <translation>Raumeinheiten der Ebene {lv}: {a} hinzugefügt, {c} mit neuer Geometrie, {u} unverändert.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="175" />
      <source>Canceled: nothing was written.</source>
      <translation>Abgebrochen: nichts wurde geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" line="199" />
      <source>Unit '{}' has no geometry; every unit needs a polygon.</source>
      <translation>Raumeinheit „{}“ hat keine Geometrie; jede Raumeinheit braucht ein Polygon.</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <location filename="../../ui/profile_dock.py" line="219" />
      <source>No values</source>
      <translation>Keine Werte</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" line="219" />
      <source>Choose a social space</source>
      <translation>Sozialraum wählen</translation>
    </message>
  </context>
</TS>

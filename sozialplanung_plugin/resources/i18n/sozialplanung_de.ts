<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AccessGaps</name>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Access gaps: need against reach</source>
      <translation>Versorgungslücken: Bedarf und Erreichbarkeit</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Social spaces with accessibility (from 'networkaccess')</source>
      <translation>Sozialräume mit Erreichbarkeit (aus „networkaccess“)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Key field (empty = 'key')</source>
      <translation>Schlüsselfeld (leer = „key“)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Layer with the need (empty = the spaces themselves)</source>
      <translation>Layer mit dem Bedarf (leer = die Sozialräume selbst)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Need field (empty = the typology's action field)</source>
      <translation>Bedarfsfeld (leer = das Handlungsfeld der Typisierung)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>High need where the field is</source>
      <translation>Hoher Bedarf, wo das Feld</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>than</source>
      <translation>als</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Poor access: share within the threshold below (%)</source>
      <translation>Schlechte Erreichbarkeit: Anteil innerhalb der Schwelle unter (%)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Key field of the need layer (empty = same name as the key field)</source>
      <translation>Schlüsselfeld des Bedarfslayers (leer = gleicher Name wie das Schlüsselfeld)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Year (0 = the latest in the layer)</source>
      <translation>Jahr (0 = das jüngste im Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Facility types (none = every type in the layer)</source>
      <translation>Einrichtungstypen (keiner = alle Typen im Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Facility types file (empty = shipped default)</source>
      <translation>Datei der Einrichtungstypen (leer = mitgelieferte Vorgabe)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Municipality field (empty = 'municipality' if present)</source>
      <translation>Gemeindefeld (leer = „municipality“, falls vorhanden)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Facilities (drawn on the map sheets)</source>
      <translation>Einrichtungen (auf den Kartenblättern gezeichnet)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Facility type field</source>
      <translation>Feld des Einrichtungstyps</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Opening date field</source>
      <translation>Feld des Eröffnungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Closing date field</source>
      <translation>Feld des Schließungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Municipal boundaries (map sheets)</source>
      <translation>Gemeindegrenzen (Kartenblätter)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Municipality name field</source>
      <translation>Namensfeld der Gemeinden</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Source and copyright note of the map sheets</source>
      <translation>Quellen- und Urheberrechtsvermerk der Kartenblätter</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Gap classes per social space</source>
      <translation>Lückenklassen je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Gap summary per facility type</source>
      <translation>Zusammenfassung der Lücken je Einrichtungstyp</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Overview map sheets per facility type (PDF)</source>
      <translation>Übersichtskartenblätter je Einrichtungstyp (PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>Layer '{}' has no fields 'erreichbar_&lt;type&gt;_&lt;year&gt;'. Use the output of 'Network accessibility of facilities'.</source>
      <translation>Layer „{}“ hat keine Felder „erreichbar_&lt;typ&gt;_&lt;jahr&gt;“. Verwenden Sie das Ergebnis von „Erreichbarkeit von Einrichtungen im Wegenetz“.</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>No access fields for the type(s) {b} in {y}; the layer has {h}.</source>
      <translation>Keine Erreichbarkeitsfelder für den Typ bzw. die Typen {b} im Jahr {y}; der Layer hat {h}.</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>No access fields for the year {}.</source>
      <translation>Keine Erreichbarkeitsfelder für das Jahr {}.</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>{t}: gap class {y} (3 need and poor access)</source>
      <translation>{t}: Lückenklasse {y} (3 hoher Bedarf und schlechte Erreichbarkeit)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>{t}: high need {y}</source>
      <translation>{t}: hoher Bedarf {y}</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>No need field for the type '{t}': choose a need field (e.g. an index class or an indicator) or a typology layer with the action field {c} (from 'actionfieldtypology').</source>
      <translation>Kein Bedarfsfeld für den Typ „{t}“: wählen Sie ein Bedarfsfeld (z. B. eine Indexklasse oder einen Indikator) oder einen Typisierungslayer mit dem Handlungsfeld {c} (aus „actionfieldtypology“).</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>(none set in the facility types file)</source>
      <translation>(in der Datei der Einrichtungstypen nicht angegeben)</translation>
    </message>
    <message>
      <location filename="../../processing/access_gaps.py" />
      <source>No key of the spaces is found in the need layer's key field '{}'.</source>
      <translation>Kein Schlüssel der Sozialräume steht im Schlüsselfeld „{}“ des Bedarfslayers.</translation>
    </message>
  </context>
  <context>
    <name>ActionFieldTypology</name>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Action-field typology (need per action field)</source>
      <translation>Handlungsfeld-Typisierung (Bedarf je Handlungsfeld)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Social spaces with indicators</source>
      <translation>Sozialräume mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Shipped rule set</source>
      <translation>Mitgelieferter Regelsatz</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Own rule file (YAML; replaces the shipped rule set)</source>
      <translation>Eigene Regeldatei (YAML; ersetzt den mitgelieferten Regelsatz)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Year of the indicator fields</source>
      <translation>Jahr der Indikatorfelder</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Fields for indicators named otherwise</source>
      <translation>Felder für anders benannte Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Indicator id</source>
      <translation>Indikator-ID</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Field</source>
      <translation>Feld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Municipality field</source>
      <translation>Gemeindefeld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Municipality = first N characters of that field (0 = all)</source>
      <translation>Gemeinde = erste N Zeichen dieses Feldes (0 = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Weights for reference values (e.g. residents)</source>
      <translation>Gewichte für Referenzwerte (z. B. Einwohner)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Skip conditions whose indicator is not on the layer</source>
      <translation>Bedingungen überspringen, deren Indikator auf der Ebene fehlt</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Language of the summary</source>
      <translation>Sprache der Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Action-field typology</source>
      <translation>Handlungsfeld-Typisierung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Summary per action field</source>
      <translation>Zusammenfassung je Handlungsfeld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Method record (JSON; empty = beside the output file)</source>
      <translation>Methodenbeschreibung (JSON; leer = neben der Ausgabedatei)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Indicator fields are looked up as &lt;indicator&gt;_&lt;year&gt;; empty: named like the id.</source>
      <translation>Indikatorfelder heißen &lt;Indikator&gt;_&lt;Jahr&gt;; leer: so wie die ID.</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>For a rule's indicator whose field has another name on the layer.</source>
      <translation>Für einen Indikator einer Regel, dessen Feld im Layer anders heißt.</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Units</source>
      <translation>Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Units with need in at least one field</source>
      <translation>Einheiten mit Bedarf in mindestens einem Feld</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Method record file</source>
      <translation>Datei der Methodenbeschreibung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>No shipped rule set with number {}; give a rule file.</source>
      <translation>Kein mitgelieferter Regelsatz mit der Nummer {}; geben Sie eine Regeldatei an.</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Field map</source>
      <translation>Feldzuordnung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>field map</source>
      <translation>Feldzuordnung</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Evaluating the rules</source>
      <translation>Regeln auswerten</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Action-field typology ({})</source>
      <translation>Handlungsfeld-Typisierung ({})</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Action fields with need</source>
      <translation>Handlungsfelder mit Bedarf</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Fields with need</source>
      <translation>Felder mit Bedarf</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Fields undecided (missing values)</source>
      <translation>Offene Felder (fehlende Werte)</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>Input field '{}' is replaced by the result field of the same name.</source>
      <translation>Das Eingabefeld „{}“ wird durch das gleichnamige Ergebnisfeld ersetzt.</translation>
    </message>
    <message>
      <location filename="../../processing/action_field_typology.py" />
      <source>{} of {} action fields</source>
      <translation>{} von {} Handlungsfeldern</translation>
    </message>
  </context>
  <context>
    <name>AggregateIndicators</name>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Aggregate indicators across levels and years</source>
      <translation>Indikatoren über Ebenen und Jahre aggregieren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Spatial units (e.g. statistical blocks)</source>
      <translation>Raumeinheiten (z. B. statistische Blöcke)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Unit key field (as in the tables' key column)</source>
      <translation>Schlüsselfeld der Einheiten (wie die Schlüsselspalte der Tabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Statistics tables (CSV/XLSX files)</source>
      <translation>Statistiktabellen (CSV-/XLSX-Dateien)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Key column in the tables (empty = detect)</source>
      <translation>Schlüsselspalte der Tabellen (leer = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Years of tables without a year column, in order</source>
      <translation>Jahre der Tabellen ohne Jahresspalte, der Reihe nach</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators (none ticked = all that can be computed)</source>
      <translation>Indikatoren (keiner angehakt = alle berechenbaren)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Assignment fields, lowest level first (e.g. sr_id, ags)</source>
      <translation>Zuordnungsfelder, unterste Ebene zuerst (z. B. sr_id, ags)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Name fields of these levels (same order)</source>
      <translation>Namensfelder dieser Ebenen (gleiche Reihenfolge)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Municipality field (reference level; default: ags)</source>
      <translation>Gemeindefeld (Referenzebene; Standard: ags)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Target areas (units assigned by their point on surface)</source>
      <translation>Zielgebiete (Zuordnung über den Punkt auf der Fläche)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Key field of the target areas</source>
      <translation>Schlüsselfeld der Zielgebiete</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Name field of the target areas</source>
      <translation>Namensfeld der Zielgebiete</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Add the county level (all units)</source>
      <translation>Kreisebene hinzufügen (alle Einheiten)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>County name</source>
      <translation>Name des Kreises</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Layout of years</source>
      <translation>Anordnung der Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>wide: one row per unit, &lt;id&gt;_&lt;year&gt;</source>
      <translation>breit: eine Zeile je Einheit, &lt;id&gt;_&lt;jahr&gt;</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>long: one row per unit and year</source>
      <translation>lang: eine Zeile je Einheit und Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Change periods (empty = first to last year)</source>
      <translation>Veränderungszeiträume (leer = erstes bis letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>From (year)</source>
      <translation>Von (Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>To (year)</source>
      <translation>Bis (Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Reference values of county and municipality</source>
      <translation>Referenzwerte von Kreis und Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Disclosure control: suppress small counts</source>
      <translation>Geheimhaltung: kleine Fallzahlen sperren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Suppress counts below (empty = the catalogue's threshold)</source>
      <translation>Fallzahlen sperren unter (leer = Schwelle des Katalogs)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Suppress zero counts too</source>
      <translation>Auch Nullwerte sperren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Protection interval: share of the suppressed value (0-1)</source>
      <translation>Schutzintervall: Anteil des gesperrten Werts (0-1)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Protection interval: width in counts (0 = the threshold)</source>
      <translation>Schutzintervall: Breite in Fällen (0 = die Schwelle)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Units without a table row count as zero</source>
      <translation>Einheiten ohne Tabellenzeile zählen als null</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Dissolve the unit geometries per output unit</source>
      <translation>Geometrien der Einheiten je Ausgabeeinheit zusammenfassen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators of level {}</source>
      <translation>Indikatoren der Ebene {}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators of the target areas</source>
      <translation>Indikatoren der Zielgebiete</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators of the county</source>
      <translation>Indikatoren des Kreises</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators of the units themselves</source>
      <translation>Indikatoren der Einheiten selbst</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Report of unmatched keys</source>
      <translation>Bericht der nicht zugeordneten Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Disclosure report: protection interval per suppressed cell (internal, holds the values)</source>
      <translation>Geheimhaltungsbericht: Schutzintervall je gesperrtem Feld (intern, enthält die Werte)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>On for everything that is published. Switch it off only for internal work: small counts are then shown as they are.</source>
      <translation>Eingeschaltet für alles, was veröffentlicht wird. Schalten Sie sie nur für interne Auswertungen ab: Kleine Fallzahlen erscheinen dann, wie sie sind.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Empty: each indicator's threshold from the catalogue (3 unless the county set another). A number here applies to all indicators as a minimum.</source>
      <translation>Leer: die Schwelle jedes Indikators aus dem Katalog (3, sofern der Kreis keine andere festlegt). Eine Zahl hier gilt für alle Indikatoren als Mindestwert.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>One output layer per field: level 1 = the first field (e.g. the social space id), level 2 the next (e.g. the municipality key).</source>
      <translation>Ein Ausgabelayer je Feld: Ebene 1 = das erste Feld (z. B. die Sozialraumkennung), Ebene 2 das nächste (z. B. der Gemeindeschlüssel).</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Else a sum with such a unit is marked incomplete (a lower bound).</source>
      <translation>Sonst wird eine Summe mit einer solchen Einheit als unvollständig gekennzeichnet (Untergrenze).</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>One row per period, From and To years of the tables (e.g. 2009 | 2014, 2014 | 2025); empty: from the first to the last year. As text (batch, qgis_process): 2009-2014, 2014-2025, or the cells row by row: 2009,2014,2014,2025.</source>
      <translation>Eine Zeile je Zeitraum, Von- und Bis-Jahr der Tabellen (z. B. 2009 | 2014, 2014 | 2025); leer: vom ersten bis zum letzten Jahr. Als Text (Stapelbetrieb, qgis_process): 2009-2014, 2014-2025, oder die Zellen zeilenweise: 2009,2014,2014,2025.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Method and catalogue version (JSON)</source>
      <translation>Methode und Katalogversion (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators computed</source>
      <translation>Berechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Table keys without a unit</source>
      <translation>Tabellenschlüssel ohne Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Units without a table row</source>
      <translation>Einheiten ohne Tabellenzeile</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Cells suppressed</source>
      <translation>Gesperrte Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Reading catalogue and tables</source>
      <translation>Katalog und Tabellen werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Reading units</source>
      <translation>Einheiten werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Aggregating</source>
      <translation>Aggregation läuft</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Disclosure control: {} cells suppressed (threshold {}).</source>
      <translation>Geheimhaltung: {} Zellen gesperrt (Schwelle {}).</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>from the catalogue</source>
      <translation>aus dem Katalog</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>At most {} assignment fields can be given.</source>
      <translation>Es können höchstens {} Zuordnungsfelder angegeben werden.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Give one name field per assignment field ({} assignment fields, {} name fields), or none.</source>
      <translation>Geben Sie je Zuordnungsfeld ein Namensfeld an ({} Zuordnungsfelder, {} Namensfelder) oder keines.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>The unit layer has no features. Choose a layer with units.</source>
      <translation>Der Layer der Einheiten hat keine Objekte. Wählen Sie einen Layer mit Einheiten.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Choose the key field of the target polygon layer.</source>
      <translation>Wählen Sie das Schlüsselfeld des Zielpolygon-Layers.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>target areas</source>
      <translation>Zielgebiete</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>No target level: choose assignment fields, a target polygon layer or the county level.</source>
      <translation>Keine Zielebene: Wählen Sie Zuordnungsfelder, einen Zielpolygon-Layer oder die Kreisebene.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Choose at least one statistics table.</source>
      <translation>Wählen Sie mindestens eine Statistiktabelle.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Unknown indicator id(s): {}. The catalogue has: {}.</source>
      <translation>Unbekannte Indikator-ID(s): {}. Der Katalog enthält: {}.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>table row without a unit</source>
      <translation>Tabellenzeile ohne Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>unit without a table row</source>
      <translation>Einheit ohne Tabellenzeile</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>{name}: no key of the table matches the unit key field '{field}'. {msg}</source>
      <translation>{name}: Kein Schlüssel der Tabelle passt zum Schlüsselfeld „{field}“ der Einheiten. {msg}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>unit has no value in '{}'</source>
      <translation>Einheit hat keinen Wert in „{}“</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>unit point lies in no target</source>
      <translation>Punkt der Einheit liegt in keinem Zielgebiet</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Indicators computed: {}</source>
      <translation>Berechnete Indikatoren: {}</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Level {lv}: {n} fields. GeoPackage and SQLite allow at most 1999 columns: choose the long layout, fewer indicators or fewer years for file outputs.</source>
      <translation>Ebene {lv}: {n} Felder. GeoPackage und SQLite erlauben höchstens 1999 Spalten: Wählen Sie für Dateiausgaben die lange Anordnung, weniger Indikatoren oder weniger Jahre.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>Protection intervals: {ok} of {n} primary cells keep theirs against an attacker who solves the linear bounds of all published totals (narrowest interval {w:g}); {s} secondary cells.</source>
      <translation>Schutzintervalle: {ok} von {n} primär gesperrten Feldern behalten ihres gegen einen Angreifer, der die linearen Schranken aller veröffentlichten Summen löst (engstes Intervall {w:g}); {s} sekundär gesperrte Felder.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>{} primary cells keep a narrower interval than required: see the disclosure report.</source>
      <translation>{} primär gesperrte Felder behalten ein engeres Intervall als verlangt: siehe Geheimhaltungsbericht.</translation>
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" />
      <source>The unit key field '{f}' has duplicate values ({d}). Each unit needs its own key.</source>
      <translation>Das Schlüsselfeld „{f}“ der Einheiten hat doppelte Werte ({d}). Jede Einheit braucht einen eigenen Schlüssel.</translation>
    </message>
  </context>
  <context>
    <name>CatalogueDock</name>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Search: name, short name, id, description…</source>
      <translation>Suche: Name, Kurzname, ID, Beschreibung…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Every word must occur; ä = ae = a, ß = ss. Down or Enter: go to the list. Esc: clear.</source>
      <translation>Jedes Wort muss vorkommen; ä = ae = a, ß = ss. Pfeil nach unten oder Enter: zur Liste. Esc: leeren.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Status indicators (value at a reference date) or dynamics (change over time)</source>
      <translation>Statusindikatoren (Wert zu einem Stichtag) oder Dynamik (Veränderung über die Zeit)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>All kinds</source>
      <translation>Alle Arten</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Dynamics</source>
      <translation>Dynamik</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Only indicators used in this action field</source>
      <translation>Nur Indikatoren dieses Handlungsfelds</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>All action fields</source>
      <translation>Alle Handlungsfelder</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Values in</source>
      <translation>Werte aus</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Layer with indicator values (output of 'Aggregate indicators'): for the map, the index and the availability filter</source>
      <translation>Layer mit Indikatorwerten (Ergebnis von „Indikatoren aggregieren“): für die Karte, den Index und den Filter „im Layer“</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Year of the values to map</source>
      <translation>Jahr der Werte für die Karte</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>In layer</source>
      <translation>Im Layer</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Only indicators with values in the chosen layer</source>
      <translation>Nur Indikatoren mit Werten im gewählten Layer</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Enter: add to map · Insert: new · F2: edit · Delete: remove · Ctrl+click: select several for the index</source>
      <translation>Enter: zur Karte · Einfg: neu · F2: bearbeiten · Entf: entfernen · Strg+Klick: mehrere für den Index wählen</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Map</source>
      <translation>Karte</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Add the indicator to the map as a styled layer (layer and year above) – Enter in the list</source>
      <translation>Indikator als gestalteten Layer zur Karte hinzufügen (Layer und Jahr oben) – Enter in der Liste</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Index…</source>
      <translation>Index…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Open the composite index with the selected indicators</source>
      <translation>Zusammengesetzten Index mit den gewählten Indikatoren öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>New county indicator (Insert)</source>
      <translation>Neuer Indikator des Kreises (Einfg)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Edit the indicator for the county (F2)</source>
      <translation>Indikator für den Kreis bearbeiten (F2)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Remove the county indicator or switch a default indicator off (Delete)</source>
      <translation>Indikator des Kreises entfernen oder Standardindikator abschalten (Entf)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Import a county catalogue (YAML, XLSX, CSV)</source>
      <translation>Katalog des Kreises importieren (YAML, XLSX, CSV)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Export the catalogue (XLSX, CSV, YAML)</source>
      <translation>Katalog exportieren (XLSX, CSV, YAML)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Loading the county's own indicators…</source>
      <translation>Die eigenen Indikatoren des Kreises werden geladen…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>The indicator catalogue could not be loaded:
{}</source>
      <translation>Der Indikatorenkatalog konnte nicht geladen werden:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>County indicator</source>
      <translation>Indikator des Kreises</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Your county catalogue has a problem; the default catalogue is shown:
{}</source>
      <translation>Der Katalog des Kreises hat einen Fehler; angezeigt wird der Standardkatalog:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Load indicator catalogue</source>
      <translation>Indikatorenkatalog laden</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>{} of {} indicators</source>
      <translation>{} von {} Indikatoren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>{} indicators</source>
      <translation>{} Indikatoren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>(no year)</source>
      <translation>(ohne Jahr)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>higher = worse (more need)</source>
      <translation>höher = ungünstiger (mehr Bedarf)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>higher = better</source>
      <translation>höher = besser</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>neutral (context, no direction)</source>
      <translation>neutral (Kontext, ohne Richtung)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>status (value at a reference date)</source>
      <translation>Status (Wert zu einem Stichtag)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>dynamics (change over time)</source>
      <translation>Dynamik (Veränderung über die Zeit)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Id</source>
      <translation>ID</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Topic field</source>
      <translation>Themenfeld</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Formula</source>
      <translation>Formel</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Base indicator</source>
      <translation>Basisindikator</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Numerator</source>
      <translation>Zähler</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>— (absolute value)</source>
      <translation>— (absoluter Wert)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Polarity</source>
      <translation>Polarität</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Update interval</source>
      <translation>Aktualisierung</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Reference date</source>
      <translation>Stichtag</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>31.12. (default)</source>
      <translation>31.12. (Standard)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Disclosure threshold</source>
      <translation>Geheimhaltungsschwelle</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>counts 1 to {} are suppressed</source>
      <translation>Fallzahlen 1 bis {} werden gesperrt</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Minimum denominator</source>
      <translation>Mindestnenner</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>below {} the value is flagged unreliable</source>
      <translation>unter {} wird der Wert als unsicher markiert</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Action fields</source>
      <translation>Handlungsfelder</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Notes</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Literature</source>
      <translation>Literatur</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Defined in</source>
      <translation>Definiert in</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>no values</source>
      <translation>keine Werte</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Choose an indicator in the list first.</source>
      <translation>Wählen Sie zuerst einen Indikator in der Liste.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Choose the layer with the indicator values (output of 'Aggregate indicators') above the list.</source>
      <translation>Wählen Sie über der Liste den Layer mit den Indikatorwerten (Ergebnis von „Indikatoren aggregieren“).</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>The layer '{layer}' has no values of '{ind}' for {year}. {hint}</source>
      <translation>Der Layer „{layer}“ hat keine Werte von „{ind}“ für {year}. {hint}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>any year</source>
      <translation>irgendein Jahr</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Years in the layer: {}.</source>
      <translation>Jahre im Layer: {}.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Compute it with 'Aggregate indicators' first.</source>
      <translation>Berechnen Sie ihn zuerst mit „Indikatoren aggregieren“.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>The layer '{}' could not be opened again.</source>
      <translation>Der Layer „{}“ konnte nicht erneut geöffnet werden.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Added '{}' to the map.</source>
      <translation>„{}“ wurde zur Karte hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>The composite index algorithm is not available (Processing provider not loaded).</source>
      <translation>Der Algorithmus für den zusammengesetzten Index ist nicht verfügbar (Processing-Provider nicht geladen).</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>The composite index dialog could not be opened: {}</source>
      <translation>Der Dialog für den zusammengesetzten Index konnte nicht geöffnet werden: {}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Not on the layer, so not preselected: {}. Compute them with 'Aggregate indicators' first.</source>
      <translation>Nicht im Layer und daher nicht vorausgewählt: {}. Berechnen Sie sie zuerst mit „Indikatoren aggregieren“.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Choose the indicator to edit in the list.</source>
      <translation>Wählen Sie den zu bearbeitenden Indikator in der Liste.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Indicator '{id}' saved in {file}.</source>
      <translation>Indikator „{id}“ in {file} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Choose the indicator to remove in the list.</source>
      <translation>Wählen Sie den zu entfernenden Indikator in der Liste.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Switch the default indicator '{}' off for your county? It can be switched on again by editing the county catalogue file.</source>
      <translation>Den Standardindikator „{}“ für Ihren Kreis abschalten? Er lässt sich in der Katalogdatei des Kreises wieder einschalten.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Remove the county indicator '{}'?</source>
      <translation>Den Indikator „{}“ des Kreises entfernen?</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Remove indicator</source>
      <translation>Indikator entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Indicator '{}' removed.</source>
      <translation>Indikator „{}“ entfernt.</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Not saved, the county catalogue would be invalid:
{}</source>
      <translation>Nicht gespeichert, der Katalog des Kreises wäre ungültig:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>The county catalogue file '{}' cannot be written: {}</source>
      <translation>Die Katalogdatei des Kreises „{}“ kann nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Export indicator catalogue</source>
      <translation>Indikatorenkatalog exportieren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
      <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Catalogue exported: {n} indicators -&gt; {path}</source>
      <translation>Katalog exportiert: {n} Indikatoren -&gt; {path}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Export failed: {}</source>
      <translation>Export fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>see the log</source>
      <translation>siehe Protokoll</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Exporting the catalogue…</source>
      <translation>Katalog wird exportiert…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Import county catalogue</source>
      <translation>Katalog des Kreises importieren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Catalogue (*.yaml *.yml *.xlsx *.csv)</source>
      <translation>Katalog (*.yaml *.yml *.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Import indicator catalogue</source>
      <translation>Indikatorenkatalog importieren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Importing {}…</source>
      <translation>{} wird importiert…</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>Import failed, the catalogue is unchanged:
{}</source>
      <translation>Import fehlgeschlagen, der Katalog ist unverändert:
{}</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>County catalogue {file} in use: {msg}</source>
      <translation>Katalog des Kreises {file} wird verwendet: {msg}</translation>
    </message>
  </context>
  <context>
    <name>CompositeIndex</name>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Composite index (general or published preset)</source>
      <translation>Zusammengesetzter Index (allgemein oder veröffentlichtes Verfahren)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units with indicators (e.g. social spaces)</source>
      <translation>Einheiten mit Indikatoren (z. B. Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Method</source>
      <translation>Methode</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>General composite index</source>
      <translation>Allgemeiner zusammengesetzter Index</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Berlin MSS: status and dynamics</source>
      <translation>Berliner MSS: Status und Dynamik</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>English Indices of Deprivation</source>
      <translation>Englische Indices of Deprivation</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>German GISD (RKI)</source>
      <translation>Deutscher GISD (RKI)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicators</source>
      <translation>Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Berlin MSS: the status indicators (shares); English IoD: one score per domain; GISD: the indicators of all dimensions.</source>
      <translation>Berliner MSS: die Statusindikatoren (Anteile); englischer IoD: ein Wert je Bereich; GISD: die Indikatoren aller Dimensionen.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Dynamics indicators (Berlin MSS: changes)</source>
      <translation>Dynamikindikatoren (Berliner MSS: Veränderungen)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units with fewer residents than the minimum (Berlin MSS: 300) do not enter mean, SD, ranks or classes.</source>
      <translation>Einheiten mit weniger Einwohnern als dem Mindestwert (Berliner MSS: 300) gehen nicht in Mittelwert, SD, Ränge und Klassen ein.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Domains</source>
      <translation>Bereiche</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Domain</source>
      <translation>Bereich</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicator field</source>
      <translation>Indikatorfeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>One row per indicator field. English IoD: the domains income, employment, education, health, crime, barriers, living_environment (published weights); GISD: the dimensions.</source>
      <translation>Eine Zeile je Indikatorfeld. Englischer IoD: die Bereiche income, employment, education, health, crime, barriers, living_environment (veröffentlichte Gewichte); GISD: die Dimensionen.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Classes</source>
      <translation>Klassen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>quantiles</source>
      <translation>Quantile</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>standard deviation</source>
      <translation>Standardabweichung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>equal intervals</source>
      <translation>gleiche Intervalle</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Jenks natural breaks</source>
      <translation>natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>manual breaks</source>
      <translation>manuelle Grenzen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Number of classes</source>
      <translation>Anzahl der Klassen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicator catalogue (empty = default)</source>
      <translation>Indikatorenkatalog (leer = Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Higher is better (overrides the catalogue)</source>
      <translation>Höher ist besser (statt Katalog)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicators whose high values mean less need, e.g. a rank where 1 is the most deprived.</source>
      <translation>Indikatoren, bei denen hohe Werte weniger Bedarf bedeuten, z. B. ein Rang, bei dem 1 der am stärksten benachteiligte ist.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Higher is worse (overrides the catalogue)</source>
      <translation>Höher ist schlechter (statt Katalog)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Normalisation</source>
      <translation>Normierung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>z-score (population SD)</source>
      <translation>z-Wert (Populations-SD)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>z-score (sample SD)</source>
      <translation>z-Wert (Stichproben-SD)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>min-max 0-100</source>
      <translation>Min-Max 0-100</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>fixed limits 0-100</source>
      <translation>feste Grenzen 0-100</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>percentile</source>
      <translation>Perzentil</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>distance to a reference value (%)</source>
      <translation>Abstand zu einem Referenzwert (%)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Fixed limits (normalisation 'fixed limits')</source>
      <translation>Feste Grenzen (Normierung „feste Grenzen“)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Lower limit</source>
      <translation>Untere Grenze</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Upper limit</source>
      <translation>Obere Grenze</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Reference values (normalisation 'distance')</source>
      <translation>Referenzwerte (Normierung „Abstand“)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Reference value</source>
      <translation>Referenzwert</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicators to log-transform (GISD: incomes)</source>
      <translation>Zu logarithmierende Indikatoren (GISD: Einkommen)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Offset added before the log</source>
      <translation>Verschiebung vor dem Logarithmieren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Winsorisation</source>
      <translation>Winsorisierung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>mean ± k SD</source>
      <translation>Mittelwert ± k SD</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>percentiles p and 100-p</source>
      <translation>Perzentile p und 100-p</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Winsorisation limit (k SD, or p %)</source>
      <translation>Grenze der Winsorisierung (k SD oder p %)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicator weights</source>
      <translation>Indikatorgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>equal (or as in the table)</source>
      <translation>gleich (oder wie in der Tabelle)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>as in the table, for every indicator</source>
      <translation>wie in der Tabelle, für jeden Indikator</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>PCA (first component per domain)</source>
      <translation>PCA (erste Komponente je Bereich)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Indicator weights table</source>
      <translation>Tabelle der Indikatorgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Weight</source>
      <translation>Gewicht</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Domains = the catalogue's action fields</source>
      <translation>Bereiche = die Handlungsfelder des Katalogs</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Domain weights</source>
      <translation>Bereichsgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>English IoD: empty = the published weights.</source>
      <translation>Englischer IoD: leer = die veröffentlichten Gewichte.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Aggregation</source>
      <translation>Aggregation</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>weighted arithmetic mean</source>
      <translation>gewichtetes arithmetisches Mittel</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>weighted geometric mean (less compensatory)</source>
      <translation>gewichtetes geometrisches Mittel (weniger kompensatorisch)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Rescale the index</source>
      <translation>Index neu skalieren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>no</source>
      <translation>nein</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>z-score</source>
      <translation>z-Wert</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>0-100</source>
      <translation>0-100</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Minimum share of indicators per unit (empty: 0.5, MSS 1)</source>
      <translation>Mindestanteil der Indikatoren je Einheit (leer: 0,5, MSS 1)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Minimum residents (empty: 300; needs the residents field)</source>
      <translation>Mindesteinwohnerzahl (leer: 300; braucht das Einwohnerfeld)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Exclusion flag field</source>
      <translation>Feld für den Ausschluss</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>1, true or ja: the unit leaves the reference (it still gets values, but no class).</source>
      <translation>1, true oder ja: Die Einheit verlässt die Referenz (sie erhält Werte, aber keine Klasse).</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Manual class breaks (ascending)</source>
      <translation>Manuelle Klassengrenzen (aufsteigend)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Break</source>
      <translation>Grenze</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>GISD quintiles</source>
      <translation>GISD-Quintile</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>as published: R quantile type 9, a value on a break goes up</source>
      <translation>wie veröffentlicht: R-Quantiltyp 9, ein Wert auf einer Grenze geht nach oben</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>quantile type 7, a value on a break goes down</source>
      <translation>Quantiltyp 7, ein Wert auf einer Grenze geht nach unten</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>GISD: fixed loadings instead of a fresh PCA</source>
      <translation>GISD: feste Ladungen statt einer neuen PCA</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Coefficient</source>
      <translation>Koeffizient</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>E.g. the coefficients of an earlier run's method record, so that years stay comparable.</source>
      <translation>Z. B. die Koeffizienten aus der Methodenbeschreibung eines früheren Laufs, damit die Jahre vergleichbar bleiben.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Field prefix (general index)</source>
      <translation>Feldpräfix (allgemeiner Index)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Compare each unit with the county and its municipality</source>
      <translation>Jede Einheit mit dem Kreis und ihrer Gemeinde vergleichen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Municipality field</source>
      <translation>Gemeindefeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Municipality = first N characters of that field (0 = all)</source>
      <translation>Gemeinde = erste N Zeichen dieses Feldes (0 = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Composite index</source>
      <translation>Zusammengesetzter Index</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Index per municipality (population-weighted)</source>
      <translation>Index je Gemeinde (einwohnergewichtet)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Method record (JSON; empty = beside the output)</source>
      <translation>Methodenbeschreibung (JSON; leer = neben der Ausgabe)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units</source>
      <translation>Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units with an index value</source>
      <translation>Einheiten mit Indexwert</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units with a class</source>
      <translation>Einheiten mit Klasse</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units outside the reference</source>
      <translation>Einheiten außerhalb der Referenz</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Units with too few indicators</source>
      <translation>Einheiten mit zu wenigen Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Index field</source>
      <translation>Indexfeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Class field</source>
      <translation>Klassenfeld</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Class label field</source>
      <translation>Feld der Klassenbezeichnung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Method record file</source>
      <translation>Datei der Methodenbeschreibung</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Warnings</source>
      <translation>Warnungen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Reading units</source>
      <translation>Einheiten lesen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Computing the index</source>
      <translation>Index berechnen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Parameter {} is not used by this method and was ignored.</source>
      <translation>Der Parameter {} wird von dieser Methode nicht verwendet und wurde ignoriert.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Comparing with county and municipality</source>
      <translation>Vergleich mit Kreis und Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Choose at least one indicator field.</source>
      <translation>Wählen Sie mindestens ein Indikatorfeld.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Field(s) {} are chosen both as status and as dynamics indicators.</source>
      <translation>Feld(er) {} sind sowohl als Status- als auch als Dynamik-Indikator gewählt.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>The field prefix '{}' may only hold letters, digits and _.</source>
      <translation>Das Feldpräfix „{}“ darf nur Buchstaben, Ziffern und _ enthalten.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Log-transform field(s) {} are not among the indicators.</source>
      <translation>Zu logarithmierende Feld(er) {} gehören nicht zu den Indikatoren.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>No municipality field: units are compared with the county only.</source>
      <translation>Kein Gemeindefeld: Einheiten werden nur mit dem Kreis verglichen.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Fixed limits</source>
      <translation>Feste Grenzen</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Reference values</source>
      <translation>Referenzwerte</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Quintile {}</source>
      <translation>Quintil {}</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Decile {}</source>
      <translation>Dezil {}</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Decile {} (1 = most deprived)</source>
      <translation>Dezil {} (1 = am stärksten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Decile {} (most deprived)</source>
      <translation>Dezil {} (am stärksten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source> (least deprived)</source>
      <translation> (am wenigsten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source> (most deprived)</source>
      <translation> (am stärksten benachteiligt)</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>The index per municipality needs the residents field and the municipality field.</source>
      <translation>Der Index je Gemeinde braucht das Einwohnerfeld und das Gemeindefeld.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Composite index ({})</source>
      <translation>Zusammengesetzter Index ({})</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Writing the output</source>
      <translation>Ausgabe schreiben</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>Input field '{}' is replaced by the result field of the same name.</source>
      <translation>Das Eingabefeld „{}“ wird durch das gleichnamige Ergebnisfeld ersetzt.</translation>
    </message>
    <message>
      <location filename="../../processing/composite_index.py" />
      <source>{} units, {} with an index value, {} with a class.</source>
      <translation>{} Einheiten, {} mit Indexwert, {} mit Klasse.</translation>
    </message>
  </context>
  <context>
    <name>DefineSocialSpaces</name>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Define social spaces from blocks (assignment)</source>
      <translation>Sozialräume aus Blöcken bilden (Zuordnung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Statistical blocks</source>
      <translation>Statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Social space id field (assignment)</source>
      <translation>Sozialraum-ID-Feld (Zuordnung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Social space name field</source>
      <translation>Sozialraum-Namensfeld</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Municipality field (spaces must not cross it)</source>
      <translation>Gemeindefeld (Sozialräume dürfen es nicht überschreiten)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Other count fields to sum per space</source>
      <translation>Weitere Zählfelder, die je Sozialraum summiert werden</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Population floor (0 = no check)</source>
      <translation>Einwohner-Untergrenze (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Population ceiling (0 = no check)</source>
      <translation>Einwohner-Obergrenze (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Block id field (for the report; default: feature id)</source>
      <translation>Block-ID-Feld (für den Bericht; sonst Objekt-ID)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Neighbour distance (m)</source>
      <translation>Nachbarschaftsabstand (m)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Smallest gap or overlap to report (m²)</source>
      <translation>Kleinste gemeldete Lücke oder Überlappung (m²)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Validation report</source>
      <translation>Prüfbericht</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Number of social spaces</source>
      <translation>Anzahl der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Number of validation findings</source>
      <translation>Anzahl der Prüfbefunde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Summary of the validation</source>
      <translation>Zusammenfassung der Prüfung</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Blocks across a street of this width touch; narrower gaps are not reported.</source>
      <translation>Blöcke über eine Straße dieser Breite gelten als benachbart; schmalere Lücken werden nicht gemeldet.</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>The population floor ({}) is above the ceiling ({}).</source>
      <translation>Die Einwohner-Untergrenze ({}) liegt über der Obergrenze ({}).</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>The block layer has no features. Choose a layer with blocks.</source>
      <translation>Der Block-Layer hat keine Objekte. Wählen Sie einen Layer mit Blöcken.</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>block has no geometry</source>
      <translation>Block hat keine Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>{}; repaired with make-valid</source>
      <translation>{}; mit make-valid repariert</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>None of the {} blocks of layer '{}' has a geometry. Choose the layer with the block polygons.</source>
      <translation>Keiner der {} Blöcke des Layers „{}“ hat eine Geometrie. Wählen Sie den Layer mit den Blockflächen.</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Social space id</source>
      <translation>Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Social space</source>
      <translation>Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Polsby-Popper compactness</source>
      <translation>Kompaktheit nach Polsby-Popper</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Parts</source>
      <translation>Teile</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>Validation findings</source>
      <translation>Prüfbefunde</translation>
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" />
      <source>{} social spaces from {} blocks; {} findings in the validation report.</source>
      <translation>{} Sozialräume aus {} Blöcken; {} Befunde im Prüfbericht.</translation>
    </message>
  </context>
  <context>
    <name>EvaluateTargets</name>
    <message>
      <location filename="../../processing/evaluate_targets.py" />
      <source>Evaluate targets (attainment and trend)</source>
      <translation>Ziele bewerten (Zielerreichung und Trend)</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" />
      <source>Evaluation date or year (empty = today)</source>
      <translation>Bewertungsdatum oder -jahr (leer = heute)</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" />
      <source>Target attainment</source>
      <translation>Zielerreichung</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" />
      <source>Report (HTML)</source>
      <translation>Bericht (HTML)</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" />
      <source>Targets {}</source>
      <translation>Ziele {}</translation>
    </message>
    <message>
      <location filename="../../processing/evaluate_targets.py" />
      <source>The store has no targets. Import them first with 'Import targets into the monitoring store'.</source>
      <translation>Die Monitoring-Datenbank enthält keine Ziele. Übernehmen Sie sie zuerst mit „Ziele in die Monitoring-Datenbank übernehmen“.</translation>
    </message>
  </context>
  <context>
    <name>ExportCatalogue</name>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Export indicator catalogue</source>
      <translation>Indikatorenkatalog exportieren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>County catalogue file (overlays the default)</source>
      <translation>Katalogdatei des Kreises (ergänzt den Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>CSV encoding</source>
      <translation>CSV-Kodierung</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>cp1252 (German Excel)</source>
      <translation>cp1252 (deutsches Excel)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>UTF-8 with BOM</source>
      <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>CSV content</source>
      <translation>CSV-Inhalt</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>indicators</source>
      <translation>Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>count variables</source>
      <translation>Zählvariablen</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Catalogue file</source>
      <translation>Katalogdatei</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
      <translation>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Catalogue version</source>
      <translation>Katalogversion</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Number of indicators</source>
      <translation>Anzahl der Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Number of count variables</source>
      <translation>Anzahl der Zählvariablen</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Choose an output file (.xlsx, .csv or .yaml).</source>
      <translation>Wählen Sie eine Ausgabedatei (.xlsx, .csv oder .yaml).</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>The output file must end in .xlsx, .csv or .yaml, not '{}'.</source>
      <translation>Die Ausgabedatei muss auf .xlsx, .csv oder .yaml enden, nicht auf „{}“.</translation>
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" />
      <source>Catalogue {version}: {n} indicators ({d} disabled), {v} count variables -&gt; {out}</source>
      <translation>Katalog {version}: {n} Indikatoren ({d} abgeschaltet), {v} Zählvariablen -&gt; {out}</translation>
    </message>
  </context>
  <context>
    <name>FacilitySupply</name>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facility supply per social space</source>
      <translation>Versorgung mit Einrichtungen je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facilities (points or polygons)</source>
      <translation>Einrichtungen (Punkte oder Flächen)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facility type field</source>
      <translation>Feld des Einrichtungstyps</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Capacity field (places, staff, hours; empty = count facilities)</source>
      <translation>Kapazitätsfeld (Plätze, Personal, Stunden; leer = Einrichtungen zählen)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Key field</source>
      <translation>Schlüsselfeld</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Name field</source>
      <translation>Namensfeld</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Municipality key field of the spaces</source>
      <translation>Feld des Gemeindeschlüssels der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Population (blocks or grid cells; empty = the spaces' fields)</source>
      <translation>Bevölkerung (Blöcke oder Gitterzellen; leer = Felder der Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Residents field of the population layer</source>
      <translation>Einwohnerfeld des Bevölkerungslayers</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Years (facilities open on 31 December; e.g. 2024, 2025)</source>
      <translation>Jahre (am 31. Dezember geöffnete Einrichtungen; z. B. 2024, 2025)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Opening date field</source>
      <translation>Feld des Eröffnungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Closing date field</source>
      <translation>Feld des Schließungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Municipality key = first N characters (0 = whole value)</source>
      <translation>Gemeindeschlüssel = erste N Zeichen (0 = ganzer Wert)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Key field of the population layer (matches the tables)</source>
      <translation>Schlüsselfeld des Bevölkerungslayers (passend zu den Tabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Statistics tables with the target groups (CSV/XLSX)</source>
      <translation>Statistiktabellen mit den Zielgruppen (CSV/XLSX)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facility types (none = every type in the layer)</source>
      <translation>Einrichtungstypen (keiner = alle Typen im Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facility types file (empty = shipped default)</source>
      <translation>Datei der Einrichtungstypen (leer = mitgelieferte Vorgabe)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Name of the county</source>
      <translation>Name des Kreises</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Supply per social space</source>
      <translation>Versorgung je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Supply per municipality</source>
      <translation>Versorgung je Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Supply of the county</source>
      <translation>Versorgung des Kreises</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Catalogue of the supply indicators (YAML overlay, e.g. for the monitoring store)</source>
      <translation>Katalog der Versorgungsindikatoren (YAML-Ergänzung, z. B. für die Monitoring-Datenbank)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facilities in a social space</source>
      <translation>Einrichtungen in einem Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Facilities outside every space</source>
      <translation>Einrichtungen außerhalb aller Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Give at least one year (e.g. 2025).</source>
      <translation>Geben Sie mindestens ein Jahr an (z. B. 2025).</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Reading social spaces and facilities</source>
      <translation>Sozialräume und Einrichtungen lesen</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>{n} of {m} facilities lie outside every social space and are not counted.</source>
      <translation>{n} von {m} Einrichtungen liegen außerhalb aller Sozialräume und werden nicht gezählt.</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Target groups per social space</source>
      <translation>Zielgruppen je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Unknown facility type(s) {u}; the facility types file has {k}.</source>
      <translation>Unbekannte(r) Einrichtungstyp(en) {u}; die Datei der Einrichtungstypen hat {k}.</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>The facilities layer holds no facility of a known type.</source>
      <translation>Der Einrichtungslayer enthält keine Einrichtung eines bekannten Typs.</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>Statistics tables need the key field of the population layer to join them.</source>
      <translation>Statistiktabellen brauchen das Schlüsselfeld des Bevölkerungslayers, um sie zu verbinden.</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>{t}: facilities</source>
      <translation>{t}: Einrichtungen</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>{t}: {c}</source>
      <translation>{t}: {c}</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>capacity</source>
      <translation>Kapazität</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>{t}: {c} per {b} {g}</source>
      <translation>{t}: {c} je {b} {g}</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>facilities</source>
      <translation>Einrichtungen</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>numerator</source>
      <translation>Zähler</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>flag</source>
      <translation>Kennzeichen</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>county</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>deviation from county</source>
      <translation>Abweichung vom Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>ratio to county</source>
      <translation>Verhältnis zum Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>deviation from municipality</source>
      <translation>Abweichung von der Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/facility_supply.py" />
      <source>ratio to municipality</source>
      <translation>Verhältnis zur Gemeinde</translation>
    </message>
  </context>
  <context>
    <name>HotSpots</name>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Hot spots (local Moran's I and Getis-Ord Gi*)</source>
      <translation>Hot Spots (lokales Moran's I und Getis-Ord Gi*)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Social spaces or blocks</source>
      <translation>Sozialräume oder Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Indicator or index field</source>
      <translation>Kennzahl- oder Indexfeld</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Map style</source>
      <translation>Kartenstil</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>LISA clusters (local Moran's I)</source>
      <translation>LISA-Cluster (lokales Moran's I)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Hot and cold spots (Gi*)</source>
      <translation>Hot Spots und Cold Spots (Gi*)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Neighbours</source>
      <translation>Nachbarschaft</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Common boundary or corner (queen contiguity)</source>
      <translation>Gemeinsame Grenze oder Ecke (Queen-Nachbarschaft)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Within a distance (centroids)</source>
      <translation>Innerhalb eines Abstands (Mittelpunkte)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Permutations</source>
      <translation>Permutationen</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Significance level</source>
      <translation>Signifikanzniveau</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Correction for many tests</source>
      <translation>Korrektur für viele Tests</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>False discovery rate (Benjamini-Hochberg)</source>
      <translation>Falscherkennungsrate (Benjamini-Hochberg)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Bonferroni</source>
      <translation>Bonferroni</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>None</source>
      <translation>Keine</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Flag field (empty = '&lt;id&gt;_flag_&lt;year&gt;' beside the field)</source>
      <translation>Kennzeichenfeld (leer = „&lt;id&gt;_flag_&lt;Jahr&gt;“ neben dem Feld)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Distance band (0 = automatic)</source>
      <translation>Distanzband (0 = automatisch)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Contiguity tolerance (e.g. streets between blocks)</source>
      <translation>Toleranz der Nachbarschaft (z. B. Straßen zwischen Blöcken)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Weights</source>
      <translation>Gewichte</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Row-standardised (mean of the neighbours)</source>
      <translation>Zeilenstandardisiert (Mittel der Nachbarn)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Binary (sum of the neighbours)</source>
      <translation>Binär (Summe der Nachbarn)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Random seed</source>
      <translation>Startwert des Zufallsgenerators</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Hot spots</source>
      <translation>Hot Spots</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>High-high clusters</source>
      <translation>Hoch-Hoch-Cluster</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Low-low clusters</source>
      <translation>Niedrig-Niedrig-Cluster</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>High-low outliers</source>
      <translation>Hoch-Niedrig-Ausreißer</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Low-high outliers</source>
      <translation>Niedrig-Hoch-Ausreißer</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Hot spots (Gi*)</source>
      <translation>Hot Spots (Gi*)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Cold spots (Gi*)</source>
      <translation>Cold Spots (Gi*)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Global Moran's I</source>
      <translation>Globales Moran's I</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>units with neighbours by common boundary</source>
      <translation>Einheiten mit Nachbarn über eine gemeinsame Grenze</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Field '{field}' of layer '{layer}' has a number for {n} of {total} units; hot spots need at least 3. Choose another indicator or year.</source>
      <translation>Feld „{field}“ des Layers „{layer}“ hat für {n} von {total} Einheiten eine Zahl; Hot Spots brauchen mindestens 3. Wählen Sie einen anderen Indikator oder ein anderes Jahr.</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Some features of '{}' have no geometry; hot spots need every unit's polygon.</source>
      <translation>Einige Objekte von „{}“ haben keine Geometrie; Hot Spots brauchen das Polygon jeder Einheit.</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Distance band: {:.1f} {} (every unit has a neighbour).</source>
      <translation>Distanzband: {:.1f} {} (jede Einheit hat einen Nachbarn).</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Input field '{}' is replaced by the result field of the same name.</source>
      <translation>Das Eingabefeld „{}“ wird durch das gleichnamige Ergebnisfeld ersetzt.</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Neighbours {w:.2f} s, statistics with {p} permutations {s:.2f} s.</source>
      <translation>Nachbarschaft {w:.2f} s, Kennwerte mit {p} Permutationen {s:.2f} s.</translation>
    </message>
    <message>
      <location filename="../../processing/hotspots.py" />
      <source>Style not saved: {error}</source>
      <translation>Stil nicht gespeichert: {error}</translation>
    </message>
  </context>
  <context>
    <name>ImportRun</name>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>{} indicators</source>
      <translation>{} Indikatoren</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>({own} county entries, {dis} switched off)</source>
      <translation>({own} Einträge des Kreises, {dis} abgeschaltet)</translation>
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" />
      <source>cancelled</source>
      <translation>abgebrochen</translation>
    </message>
  </context>
  <context>
    <name>ImportTable</name>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Import statistics table</source>
      <translation>Statistiktabelle importieren</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Statistics table (CSV or XLSX)</source>
      <translation>Statistiktabelle (CSV oder XLSX)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*.*)</source>
      <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm);;Alle Dateien (*.*)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Key column header (empty = detect)</source>
      <translation>Kopf der Schlüsselspalte (leer = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Sheet (XLSX; empty = first sheet)</source>
      <translation>Tabellenblatt (XLSX; leer = erstes Blatt)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Output layout</source>
      <translation>Ausgabeform</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>wide: one row per key</source>
      <translation>breit: eine Zeile je Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>long: one row per cell</source>
      <translation>lang: eine Zeile je Zelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Map headers to the catalogue's count variables</source>
      <translation>Überschriften den Zählvariablen des Katalogs zuordnen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>County catalogue file (overlays the default)</source>
      <translation>Katalogdatei des Kreises (ergänzt den Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>YAML (*.yaml *.yml)</source>
      <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Year of a table whose headers carry none (0 = none)</source>
      <translation>Jahr einer Tabelle ohne Jahre in den Spaltenköpfen (0 = keins)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Encoding</source>
      <translation>Kodierung</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>detect</source>
      <translation>erkennen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>UTF-8 with BOM</source>
      <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Separator</source>
      <translation>Trennzeichen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>semicolon ;</source>
      <translation>Semikolon ;</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>comma ,</source>
      <translation>Komma ,</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>tab</source>
      <translation>Tabulator</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Header line (0 = detect)</source>
      <translation>Kopfzeile (0 = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Pad numeric keys to this many digits (0 = auto)</source>
      <translation>Numerische Schlüssel auf so viele Stellen auffüllen (0 = automatisch)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Layer to compare the keys with</source>
      <translation>Layer, mit dem die Schlüssel verglichen werden</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Key field of that layer</source>
      <translation>Schlüsselfeld dieses Layers</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Imported table</source>
      <translation>Importierte Tabelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Import report</source>
      <translation>Importbericht</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Number of keys</source>
      <translation>Anzahl der Schlüssel</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Number of cells read</source>
      <translation>Anzahl gelesener Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Years found</source>
      <translation>Gefundene Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Variables found</source>
      <translation>Gefundene Variablen</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Cells per status (JSON)</source>
      <translation>Zellen je Status (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Catalogue version used</source>
      <translation>Verwendete Katalogversion</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Keys only in the table</source>
      <translation>Schlüssel nur in der Tabelle</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Keys only in the layer</source>
      <translation>Schlüssel nur im Layer</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Choose a statistics table (CSV or XLSX).</source>
      <translation>Wählen Sie eine Statistiktabelle (CSV oder XLSX).</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>Choose the key field of the layer to compare keys with.</source>
      <translation>Wählen Sie das Schlüsselfeld des Abgleich-Layers.</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>key field</source>
      <translation>Schlüsselfeld</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>not a catalogue variable; kept as '{}'</source>
      <translation>keine Katalogvariable; beibehalten als „{}“</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>{} keys in both</source>
      <translation>{} Schlüssel in beiden</translation>
    </message>
    <message>
      <location filename="../../processing/import_table.py" />
      <source>{keys} keys, {vars} variables, years {years}; cells by status: {counts}</source>
      <translation>{keys} Schlüssel, {vars} Variablen, Jahre {years}; Zellen je Status: {counts}</translation>
    </message>
  </context>
  <context>
    <name>IndexSensitivity</name>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Index sensitivity and indicator correlations</source>
      <translation>Index-Sensitivität und Korrelation der Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Units with indicators</source>
      <translation>Einheiten mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator fields</source>
      <translation>Indikatorfelder</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator catalogue for the polarity (empty = default catalogue)</source>
      <translation>Indikatorenkatalog für die Polarität (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Higher is better (overrides the catalogue)</source>
      <translation>Höher ist besser (statt Katalog)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Higher is worse (overrides the catalogue)</source>
      <translation>Höher ist schlechter (statt Katalog)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Base indicator weights</source>
      <translation>Basisgewichte der Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>equal (or as in the table)</source>
      <translation>gleich (oder wie in der Tabelle)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>as in the table, for every indicator</source>
      <translation>wie in der Tabelle, für jeden Indikator</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator weights table</source>
      <translation>Tabelle der Indikatorgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator field</source>
      <translation>Indikatorfeld</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Weight</source>
      <translation>Gewicht</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Domains</source>
      <translation>Bereiche</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Domain</source>
      <translation>Bereich</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Domains = the catalogue's action fields</source>
      <translation>Bereiche = die Handlungsfelder des Katalogs</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Domain weights</source>
      <translation>Bereichsgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Monte Carlo draws</source>
      <translation>Monte-Carlo-Ziehungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Random seed (same seed = same result)</source>
      <translation>Startwert des Zufallsgenerators (gleicher Startwert = gleiches Ergebnis)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Weight perturbation</source>
      <translation>Variation der Gewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Dirichlet around the base weights</source>
      <translation>Dirichlet um die Basisgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>± range around the base weights</source>
      <translation>± Spanne um die Basisgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>fixed (vary methods only)</source>
      <translation>fest (nur Verfahren variieren)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Dirichlet concentration (larger = closer to the base weights)</source>
      <translation>Dirichlet-Konzentration (größer = näher an den Basisgewichten)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Weight range r (weights × U(1-r, 1+r))</source>
      <translation>Gewichtsspanne r (Gewichte × U(1-r, 1+r))</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Normalisations to vary over</source>
      <translation>Zu variierende Normierungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>z-score</source>
      <translation>z-Wert</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>min-max</source>
      <translation>Min-Max</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>percentile</source>
      <translation>Perzentil</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Aggregations to vary over</source>
      <translation>Zu variierende Aggregationen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>arithmetic mean</source>
      <translation>arithmetisches Mittel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>geometric mean</source>
      <translation>geometrisches Mittel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Base normalisation</source>
      <translation>Basis-Normierung</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Base aggregation</source>
      <translation>Basis-Aggregation</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Rank classes for the class-change share</source>
      <translation>Rangklassen für den Anteil der Klassenwechsel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Minimum share of indicators per unit</source>
      <translation>Mindestanteil der Indikatoren je Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Minimum residents</source>
      <translation>Mindestzahl der Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Exclusion flag field</source>
      <translation>Ausschlussfeld</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Flag correlations with |r| below</source>
      <translation>Korrelationen markieren mit |r| unter</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Flag correlations with |r| above</source>
      <translation>Korrelationen markieren mit |r| über</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Rank stability per unit</source>
      <translation>Rangstabilität je Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Correlation matrix and Cronbach's alpha</source>
      <translation>Korrelationsmatrix und Cronbachs Alpha</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Method record (JSON; empty = beside the output file)</source>
      <translation>Methodenbeschreibung (JSON; leer = neben der Ausgabedatei)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Cronbach's alpha</source>
      <translation>Cronbachs Alpha</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Flagged indicator pairs</source>
      <translation>Markierte Indikatorpaare</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Mean share of units changing class</source>
      <translation>Mittlerer Anteil der Einheiten mit Klassenwechsel</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Median 5-95 % rank interval width</source>
      <translation>Median der Breite des 5-95-%-Rangintervalls</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Method record file</source>
      <translation>Datei der Methodenbeschreibung</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Style file (.qml)</source>
      <translation>Stildatei (.qml)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Choose at least two indicator fields.</source>
      <translation>Wählen Sie mindestens zwei Indikatorfelder.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator weights</source>
      <translation>Indikatorgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator(s) {} have no weight but the weights are to be given for every indicator.</source>
      <translation>Indikator(en) {} haben kein Gewicht, die Gewichte sollen aber für jeden Indikator angegeben sein.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Choose at least one normalisation and one aggregation.</source>
      <translation>Wählen Sie mindestens eine Normierung und eine Aggregation.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>The bound for weak correlations ({weak:g}) must be below the bound for strong ones ({strong:g}). Swap or correct them.</source>
      <translation>Die Grenze für schwache Korrelationen ({weak:g}) muss unter der für starke ({strong:g}) liegen. Tauschen oder korrigieren Sie die Werte.</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Indicator diagnostics</source>
      <translation>Indikatorprüfung</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Index sensitivity</source>
      <translation>Sensitivität des Index</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Rank with the base settings (1 = most need)</source>
      <translation>Rang mit den Basiseinstellungen (1 = größter Bedarf)</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Median rank over the draws</source>
      <translation>Median des Rangs über die Ziehungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>5 % rank quantile</source>
      <translation>5-%-Quantil des Rangs</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>95 % rank quantile</source>
      <translation>95-%-Quantil des Rangs</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Width of the 5-95 % rank interval</source>
      <translation>Breite des 5-95-%-Rangintervalls</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Rank class with the base settings</source>
      <translation>Rangklasse mit den Basiseinstellungen</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Share of draws with another class</source>
      <translation>Anteil der Ziehungen mit anderer Klasse</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Rank class {}</source>
      <translation>Rangklasse {}</translation>
    </message>
    <message>
      <location filename="../../processing/index_sensitivity.py" />
      <source>Cronbach's alpha {:.3f}; {} flagged pairs; mean share of units changing class {:.1%}; median 5-95 % rank interval width {:.1f}.</source>
      <translation>Cronbachs Alpha {:.3f}; {} markierte Paare; mittlerer Anteil der Einheiten mit Klassenwechsel {:.1%}; Median der Breite des 5-95-%-Rangintervalls {:.1f}.</translation>
    </message>
  </context>
  <context>
    <name>IndicatorForm</name>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Edit indicator</source>
      <translation>Indikator bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>New indicator</source>
      <translation>Neuer Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Lower case letters, digits and _ (e.g. sgb2_quote_u25)</source>
      <translation>Kleinbuchstaben, Ziffern und _ (z. B. sgb2_quote_u25)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Status (value at a reference date)</source>
      <translation>Status (Wert zu einem Stichtag)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Dynamics (change of a status indicator)</source>
      <translation>Dynamik (Veränderung eines Statusindikators)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Count variables, comma separated; '-x' subtracts</source>
      <translation>Zählvariablen, durch Komma getrennt; „-x“ zieht ab</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Count variables, comma separated; area_km2 = area; empty = absolute value</source>
      <translation>Zählvariablen, durch Komma getrennt; area_km2 = Fläche; leer = absoluter Wert</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>previous period</source>
      <translation>Vorperiode</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>100 for %, 1000 for ‰ ...</source>
      <translation>100 für %, 1000 für ‰ ...</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>higher = worse</source>
      <translation>höher = schlechter</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>higher = better</source>
      <translation>höher = besser</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>neutral (context)</source>
      <translation>neutral (Kontext)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Below this denominator the value is flagged unreliable</source>
      <translation>Unter diesem Nenner wird der Wert als unsicher markiert</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Id</source>
      <translation>&amp;ID</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Short name</source>
      <translation>Kurzname</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Topic</source>
      <translation>&amp;Themenfeld</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Kind</source>
      <translation>&amp;Art</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>N&amp;umerator</source>
      <translation>&amp;Zähler</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Denominator</source>
      <translation>&amp;Nenner</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Base indicator</source>
      <translation>Basisindikator</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Change</source>
      <translation>Veränderung</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Period (years)</source>
      <translation>Zeitraum (Jahre)</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>U&amp;nit</source>
      <translation>&amp;Einheit</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Multiplier</source>
      <translation>&amp;Multiplikator</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>&amp;Polarity</source>
      <translation>&amp;Polarität</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Definition</source>
      <translation>Definition</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Update interval</source>
      <translation>Aktualisierung</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Reference date</source>
      <translation>Stichtag</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Minimum denominator</source>
      <translation>Mindestnenner</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Disclosure threshold</source>
      <translation>Geheimhaltungsschwelle</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Action fields</source>
      <translation>Handlungsfelder</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Notes</source>
      <translation>Hinweise</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>Enter an id (lower case letters, digits and _, e.g. sgb2_quote_u25).</source>
      <translation>Geben Sie eine ID ein (Kleinbuchstaben, Ziffern und _, z. B. sgb2_quote_u25).</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>An indicator with the id '{}' exists already; choose another id or edit that indicator.</source>
      <translation>Ein Indikator mit der ID „{}“ existiert bereits; wählen Sie eine andere ID oder bearbeiten Sie diesen Indikator.</translation>
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" />
      <source>this form</source>
      <translation>dieses Formular</translation>
    </message>
  </context>
  <context>
    <name>InterpolateIndicators</name>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Interpolate indicators to non-nesting areas</source>
      <translation>Indikatoren auf nicht verschachtelte Gebiete umrechnen</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Source units the tables refer to (e.g. blocks, social spaces)</source>
      <translation>Quelleinheiten, auf die sich die Tabellen beziehen (z. B. Blöcke, Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Source key field (matches the tables' key column)</source>
      <translation>Schlüsselfeld der Quellen (passend zur Schlüsselspalte der Tabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Statistics tables (CSV/XLSX files)</source>
      <translation>Statistiktabellen (CSV-/XLSX-Dateien)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Key column in the tables (empty = detect)</source>
      <translation>Schlüsselspalte in den Tabellen (leer = erkennen)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Years of tables without a year column, in order</source>
      <translation>Jahre der Tabellen ohne Jahresspalte, der Reihe nach</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Indicators (none ticked = all that can be computed)</source>
      <translation>Indikatoren (keiner angehakt = alle berechenbaren)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Target areas (e.g. school districts, postcode areas)</source>
      <translation>Zielgebiete (z. B. Schulbezirke, Postleitzahlgebiete)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Target key field</source>
      <translation>Schlüsselfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Target name field</source>
      <translation>Namensfeld des Ziel-Layers</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Interpolation method</source>
      <translation>Umrechnungsmethode</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>area-weighted (by intersection area)</source>
      <translation>flächengewichtet (nach Schnittfläche)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>population-weighted (by residents of the weight blocks)</source>
      <translation>einwohnergewichtet (nach Einwohnern der Gewichtsblöcke)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Weight blocks with residents (population-weighted)</source>
      <translation>Gewichtungsblöcke mit Einwohnern (einwohnergewichtet)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Residents field of the weight blocks</source>
      <translation>Einwohnerfeld der Gewichtsblöcke</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Interpolated indicators</source>
      <translation>Umgerechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Method and catalogue version (JSON)</source>
      <translation>Methode und Katalogversion (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Indicators computed</source>
      <translation>Berechnete Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Source/target pieces</source>
      <translation>Teilflächen Quelle/Ziel</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Sources without residents (area weights used)</source>
      <translation>Quellen ohne Einwohner (Flächengewichte verwendet)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>source units</source>
      <translation>Quelleinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>target areas</source>
      <translation>Zielgebiete</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Population-weighted interpolation needs the weight blocks and their residents field (e.g. statistical blocks with 'ew'). Choose them, or use area weights.</source>
      <translation>Die einwohnergewichtete Umrechnung braucht die Gewichtsblöcke und ihr Einwohnerfeld (z. B. statistische Blöcke mit „ew“). Wählen Sie diese oder verwenden Sie Flächengewichte.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Reading catalogue and tables</source>
      <translation>Katalog und Tabellen werden gelesen</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Choose at least one statistics table.</source>
      <translation>Wählen Sie mindestens eine Statistiktabelle.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Unknown indicator id(s): {}. The catalogue has: {}.</source>
      <translation>Unbekannte Indikator-ID(s): {}. Der Katalog enthält: {}.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Intersecting sources and targets</source>
      <translation>Quellen und Ziele werden verschnitten</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>The source key field '{f}' has the value '{k}' twice. Each source unit needs its own key.</source>
      <translation>Das Schlüsselfeld „{f}“ der Quellen enthält den Wert „{k}“ doppelt. Jede Quelleinheit braucht einen eigenen Schlüssel.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>No source unit overlaps a target area. Check that both layers cover the same region (and CRS).</source>
      <translation>Keine Quelleinheit überlappt ein Zielgebiet. Prüfen Sie, ob beide Layer dieselbe Region abdecken (und dasselbe KBS haben).</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Interpolating</source>
      <translation>Umrechnung läuft</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Area covered by sources (km²)</source>
      <translation>Von Quellen abgedeckte Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>The target key field '{f}' has the value '{k}' twice. Each target area needs its own key (dissolve multi-part areas first).</source>
      <translation>Das Schlüsselfeld „{f}“ der Ziele enthält den Wert „{k}“ doppelt. Jedes Zielgebiet braucht einen eigenen Schlüssel (mehrteilige Gebiete zuerst verschmelzen).</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>Layer '{}', unit '{}': {}; the geometry was repaired with make-valid.</source>
      <translation>Layer „{}“, Einheit „{}“: {}; die Geometrie wurde mit make-valid repariert.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>{year}, {var}: the sources hold {a:.0f}, the targets receive {b:.0f}. {n} source unit(s) overlap no target area ({keys}; {lost:.0f} of the difference): extend the target layer or check the CRS of both layers.</source>
      <translation>{year}, {var}: Die Quellen enthalten {a:.0f}, die Zielgebiete erhalten {b:.0f}. {n} Quelleinheit(en) überschneiden kein Zielgebiet ({keys}; {lost:.0f} der Differenz): Erweitern Sie den Ziel-Layer oder prüfen Sie das KBS beider Layer.</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/interpolate_indicators.py" />
      <source>{:.0f} of {:.0f} residents of the weight blocks lie outside the sources or targets and were not used.</source>
      <translation>{:.0f} von {:.0f} Einwohnern der Gewichtsblöcke liegen außerhalb der Quellen oder Ziele und wurden nicht verwendet.</translation>
    </message>
  </context>
  <context>
    <name>MunicipalReport</name>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipal sub-reports (one PDF per municipality)</source>
      <translation>Sozialraumberichte der Gemeinden (ein PDF je Gemeinde)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Social spaces with indicators per year</source>
      <translation>Sozialräume mit Indikatoren je Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Key indicator fields (empty = the key indicators, latest year)</source>
      <translation>Felder der Schlüsselkennzahlen (leer = Schlüsselkennzahlen, letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipalities (selected only = reports for those)</source>
      <translation>Gemeinden (nur gewählte = Berichte nur für diese)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipality key field (AGS; start of the spaces' keys)</source>
      <translation>Schlüsselfeld der Gemeinden (AGS; Anfang der Sozialraumschlüssel)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipality name field</source>
      <translation>Namensfeld der Gemeinden</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipalities with indicators</source>
      <translation>Gemeinden mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>County with indicators</source>
      <translation>Kreis mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Composite index (class on the ranking and the sheets)</source>
      <translation>Sozialindex (Klasse in der Rangfolge und auf den Steckbriefen)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Action-field typology</source>
      <translation>Handlungsfeld-Typisierung</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Infrastructure per space (facilitysupply, accessgaps)</source>
      <translation>Infrastruktur je Sozialraum (facilitysupply, accessgaps)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Add the profile sheets of the spaces</source>
      <translation>Steckbriefe der Sozialräume anfügen</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Folder for the reports (PDF)</source>
      <translation>Ordner für die Berichte (PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Key field (empty = 'key')</source>
      <translation>Schlüsselfeld (leer = „key“)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Name field (empty = 'name')</source>
      <translation>Namensfeld (leer = „name“)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Index class field (empty = mss_class, si_class or idx_class)</source>
      <translation>Feld der Indexklasse (leer = mss_class, si_class oder idx_class)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipality of a space = first N characters of its key</source>
      <translation>Gemeinde eines Sozialraums = erste N Zeichen seines Schlüssels</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Name of the county (empty = from the county layer)</source>
      <translation>Name des Kreises (leer = aus dem Kreis-Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Folder with own templates municipal_a4_*.qpt</source>
      <translation>Ordner mit eigenen Vorlagen municipal_a4_*.qpt</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Source and copyright note</source>
      <translation>Quellen- und Urheberhinweis</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Resolution (dpi)</source>
      <translation>Auflösung (dpi)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Reports written</source>
      <translation>Geschriebene Berichte</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Pages in all</source>
      <translation>Seiten insgesamt</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Files (one per line)</source>
      <translation>Dateien (eine je Zeile)</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Report {n} of {t}: {m}</source>
      <translation>Bericht {n} von {t}: {m}</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>{m}: {p} pages written to {f}.</source>
      <translation>{m}: {p} Seiten nach {f} geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Layer '{}' has no indicator fields '&lt;id&gt;_&lt;year&gt;' of the catalogue.</source>
      <translation>Der Layer „{}“ hat keine Indikatorfelder „&lt;id&gt;_&lt;jahr&gt;“ des Katalogs.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Field '{}' is not an indicator field '&lt;id&gt;_&lt;year&gt;' of the catalogue.</source>
      <translation>Das Feld „{}“ ist kein Indikatorfeld „&lt;id&gt;_&lt;jahr&gt;“ des Katalogs.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>The indicator fields are of different years ({}); a report describes one year.</source>
      <translation>Die Indikatorfelder gehören zu verschiedenen Jahren ({}); ein Bericht beschreibt ein Jahr.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Municipality {} has no social space whose key starts with it; no report for it.</source>
      <translation>Zur Gemeinde {} beginnt kein Schlüssel eines Sozialraums; für sie entsteht kein Bericht.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>No municipality matches the spaces' keys (first {n} characters, e.g. '{k}'). Check the municipality key field and the number of characters.</source>
      <translation>Keine Gemeinde passt zu den Schlüsseln der Sozialräume (erste {n} Zeichen, z. B. „{k}“). Prüfen Sie das Schlüsselfeld der Gemeinden und die Zahl der Zeichen.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>The layout template {} does not exist.</source>
      <translation>Die Layoutvorlage {} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>Profile sheets</source>
      <translation>Steckbriefe</translation>
    </message>
    <message>
      <location filename="../../processing/municipal_report.py" />
      <source>The profile sheets could not be prepared.</source>
      <translation>Die Steckbriefe konnten nicht vorbereitet werden.</translation>
    </message>
  </context>
  <context>
    <name>NetworkAccess</name>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Network accessibility of facilities</source>
      <translation>Erreichbarkeit von Einrichtungen im Wegenetz</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Origins with residents (blocks, grid cells or points)</source>
      <translation>Startpunkte mit Einwohnern (Baublöcke, Gitterzellen oder Punkte)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Residents field of the origins</source>
      <translation>Einwohnerfeld der Startpunkte</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Facilities (points or polygons)</source>
      <translation>Einrichtungen (Punkte oder Flächen)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Facility type field</source>
      <translation>Feld des Einrichtungstyps</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Capacity field (floating catchment; empty = 1 per facility)</source>
      <translation>Kapazitätsfeld (Einzugsbereich; leer = 1 je Einrichtung)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Line network (streets, paths)</source>
      <translation>Wegenetz (Straßen, Wege)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Cost</source>
      <translation>Kosten</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>walking distance (m)</source>
      <translation>Fußwegdistanz (m)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>travel time (min) at the speeds of the lines</source>
      <translation>Fahrzeit (min) bei den Geschwindigkeiten der Linien</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Social spaces (results per space)</source>
      <translation>Sozialräume (Ergebnisse je Sozialraum)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Key field</source>
      <translation>Schlüsselfeld</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Name field</source>
      <translation>Namensfeld</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Reference year (facilities open on 31 December)</source>
      <translation>Bezugsjahr (am 31. Dezember geöffnete Einrichtungen)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Key field of the origins (joins the statistics tables)</source>
      <translation>Schlüsselfeld der Startpunkte (verbindet die Statistiktabellen)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Statistics tables with the target groups (CSV/XLSX)</source>
      <translation>Statistiktabellen mit den Zielgruppen (CSV/XLSX)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Opening date field</source>
      <translation>Feld des Eröffnungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Closing date field</source>
      <translation>Feld des Schließungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Speed field of the lines (km/h)</source>
      <translation>Geschwindigkeitsfeld der Linien (km/h)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Road class field (e.g. OSM 'highway')</source>
      <translation>Feld der Straßenklasse (z. B. OSM „highway“)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Speed of lines without speed or known class (km/h)</source>
      <translation>Geschwindigkeit von Linien ohne Geschwindigkeit oder bekannte Klasse (km/h)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>One-way field (travel time only; yes/-1/no, FT/TF)</source>
      <translation>Feld der Einbahnstraßen (nur Fahrzeit; yes/-1/no, FT/TF)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Speed from a point to the network (km/h)</source>
      <translation>Geschwindigkeit vom Punkt zum Wegenetz (km/h)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Join line ends closer than (m)</source>
      <translation>Linienenden verbinden, wenn näher als (m)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Points farther from the network than (m) are not on it</source>
      <translation>Punkte, die weiter als (m) vom Netz entfernt sind, liegen nicht am Netz</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Nearest facilities per type per origin</source>
      <translation>Nächste Einrichtungen je Typ und Startpunkt</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Two-step floating catchment (2SFCA)</source>
      <translation>Zweistufige flexible Einzugsbereiche (2SFCA)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Distance decay of the floating catchment</source>
      <translation>Distanzabnahme des flexiblen Einzugsbereichs</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>none (step)</source>
      <translation>keine (Stufe)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Gaussian</source>
      <translation>gaußsch</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>linear</source>
      <translation>linear</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Facility types (none = every type in the layer)</source>
      <translation>Einrichtungstypen (keiner = alle Typen im Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Facility types file (empty = shipped default)</source>
      <translation>Datei der Einrichtungstypen (leer = mitgelieferte Vorgabe)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Municipality key field of the spaces</source>
      <translation>Feld des Gemeindeschlüssels der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Municipality key = first N characters (0 = whole value)</source>
      <translation>Gemeindeschlüssel = erste N Zeichen (0 = ganzer Wert)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Accessibility per social space</source>
      <translation>Erreichbarkeit je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Origins with the cost to the nearest facilities</source>
      <translation>Startpunkte mit den Kosten zu den nächsten Einrichtungen</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Origins on the network</source>
      <translation>Startpunkte am Netz</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Origins off the network</source>
      <translation>Startpunkte nicht am Netz</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Report (per type)</source>
      <translation>Bericht (je Typ)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Method record (JSON)</source>
      <translation>Methodenbeschreibung (JSON)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>the network</source>
      <translation>das Netz</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Statistics tables need the key field of the origins to join them.</source>
      <translation>Statistiktabellen brauchen das Schlüsselfeld der Startpunkte, um sie zu verbinden.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>line network</source>
      <translation>Wegenetz</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Reading the line network</source>
      <translation>Wegenetz lesen</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>line network '{}'</source>
      <translation>Wegenetz „{}“</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Network: {s} segments, {n} nodes, {c} connected parts.</source>
      <translation>Netz: {s} Abschnitte, {n} Knoten, {c} zusammenhängende Teile.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Reading origins and facilities</source>
      <translation>Startpunkte und Einrichtungen lesen</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Unknown facility type(s) {u}; the facility types file has {k}.</source>
      <translation>Unbekannte(r) Einrichtungstyp(en) {u}; die Datei der Einrichtungstypen hat {k}.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>No facility of a known type is open on 31 December {}.</source>
      <translation>Am 31. Dezember {} ist keine Einrichtung eines bekannten Typs geöffnet.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Shortest paths</source>
      <translation>Kürzeste Wege</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>The network '{net}' lies at least {d:.0f} m from every origin, more than the largest distance to the network ({snap:.0f} m). Check that the network covers the area and that both layers have the right CRS.</source>
      <translation>Das Netz „{net}“ liegt mindestens {d:.0f} m von jedem Startpunkt entfernt, mehr als der größte Abstand zum Netz ({snap:.0f} m). Prüfen Sie, ob das Netz das Gebiet abdeckt und beide Layer das richtige KBS haben.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{n} of {m} origins lie farther than {d:g} m from the network; they count as not reaching any facility.</source>
      <translation>{n} von {m} Startpunkten liegen weiter als {d:g} m vom Netz entfernt; sie gelten als ohne erreichbare Einrichtung.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{n} facilities lie farther than {d:g} m from the network and are left out.</source>
      <translation>{n} Einrichtungen liegen weiter als {d:g} m vom Netz entfernt und bleiben unberücksichtigt.</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>Distance to the network (m)</source>
      <translation>Abstand zum Netz (m)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{} 2SFCA (per person)</source>
      <translation>{} 2SFCA (je Person)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: mean distance to the nearest (m)</source>
      <translation>{t}: mittlere Distanz zur nächsten (m)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: mean travel time to the nearest (min)</source>
      <translation>{t}: mittlere Fahrzeit zur nächsten (min)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: 90th percentile of the distance (m)</source>
      <translation>{t}: 90. Perzentil der Distanz (m)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: 90th percentile of the travel time (min)</source>
      <translation>{t}: 90. Perzentil der Fahrzeit (min)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: share of {g} within {d} {u} (%)</source>
      <translation>{t}: Anteil {g} innerhalb von {d} {u} (%)</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: {g} beyond {d} {u}</source>
      <translation>{t}: {g} außerhalb von {d} {u}</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>{t}: 2SFCA, {c} per {b} {g} within reach</source>
      <translation>{t}: 2SFCA, {c} je {b} {g} in Reichweite</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>facilities</source>
      <translation>Einrichtungen</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>numerator</source>
      <translation>Zähler</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>flag</source>
      <translation>Kennzeichen</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>county</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>deviation from county</source>
      <translation>Abweichung vom Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>ratio to county</source>
      <translation>Verhältnis zum Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>deviation from municipality</source>
      <translation>Abweichung von der Gemeinde</translation>
    </message>
    <message>
      <location filename="../../processing/network_access.py" />
      <source>ratio to municipality</source>
      <translation>Verhältnis zur Gemeinde</translation>
    </message>
  </context>
  <context>
    <name>OverviewMapSheets</name>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Overview map sheets (one map per indicator)</source>
      <translation>Übersichtskarten (eine Karte je Indikator)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Social spaces with indicator values</source>
      <translation>Sozialräume mit Indikatorwerten</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Indicators or index classes (one page each)</source>
      <translation>Indikatoren oder Indexklassen (je eine Seite)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Name field of the social spaces</source>
      <translation>Namensfeld der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Class method</source>
      <translation>Klassenbildung</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Quantiles</source>
      <translation>Quantile</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Natural breaks (Jenks)</source>
      <translation>Natürliche Brüche (Jenks)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Equal intervals</source>
      <translation>Gleiche Intervalle</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Standard deviation</source>
      <translation>Standardabweichung</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Field already holds classes 1..n (index class)</source>
      <translation>Feld enthält bereits Klassen 1..n (Indexklasse)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Number of classes</source>
      <translation>Anzahl der Klassen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Municipal boundaries</source>
      <translation>Gemeindegrenzen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Municipality name field</source>
      <translation>Feld mit dem Gemeindenamen</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Title (empty = indicator name from the catalogue)</source>
      <translation>Titel (leer = Name des Indikators aus dem Katalog)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Subtitle (empty = 'Sozialräume, Stand &lt;reference date&gt;')</source>
      <translation>Untertitel (leer = „Sozialräume, Stand &lt;Stichtag&gt;“)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Reference date ({year} = the field's year)</source>
      <translation>Stichtag ({year} = Jahr des Feldes)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Source and copyright note</source>
      <translation>Quellen- und Urheberrechtsvermerk</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Note on suppressed values</source>
      <translation>Hinweis zu gesperrten Werten</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Paper</source>
      <translation>Papierformat</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>A4 landscape</source>
      <translation>A4 quer</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>A4 portrait</source>
      <translation>A4 hoch</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>A3 landscape</source>
      <translation>A3 quer</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>A3 portrait</source>
      <translation>A3 hoch</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Own layout template (.qpt; replaces the paper choice)</source>
      <translation>Eigene Layoutvorlage (.qpt; ersetzt die Papierwahl)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Resolution (dpi)</source>
      <translation>Auflösung (dpi)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Add the layouts to the project (QGIS desktop)</source>
      <translation>Layouts dem Projekt hinzufügen (QGIS Desktop)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Overview map sheets (PDF)</source>
      <translation>Übersichtskarten (PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Number of pages</source>
      <translation>Zahl der Seiten</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>The indicator's data source is added to this note.</source>
      <translation>Die Datenquelle des Indikators wird diesem Vermerk angefügt.</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>For finishing by hand; their layers are kept in a GeoPackage beside the PDF.</source>
      <translation>Zum Nachbearbeiten von Hand; ihre Layer liegen in einem GeoPackage neben der PDF-Datei.</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Choose at least one indicator field (one page per field).</source>
      <translation>Wählen Sie mindestens ein Indikatorfeld (je Feld eine Seite).</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>The layout template {} does not exist.</source>
      <translation>Die Layoutvorlage {} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>The PDF is a temporary file: the layers of the layouts added to the project are kept beside it and are gone when QGIS closes. Choose a file for the PDF to keep them with the project.</source>
      <translation>Die PDF-Datei ist eine temporäre Datei: Die Ebenen der Layouts, die dem Projekt hinzugefügt werden, liegen daneben und sind weg, sobald QGIS geschlossen wird. Wählen Sie eine Datei für die PDF, damit sie mit dem Projekt erhalten bleiben.</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Field '{}' holds no class values (all empty or suppressed).</source>
      <translation>Feld „{}“ enthält keine Klassenwerte (alle leer oder gesperrt).</translation>
    </message>
    <message>
      <location filename="../../processing/overview_map_sheets.py" />
      <source>Field '{f}' has only {k} values (not suppressed, not empty) for {n} classes. Choose fewer classes or another field.</source>
      <translation>Feld „{f}“ hat nur {k} Werte (nicht gesperrt, nicht leer) für {n} Klassen. Wählen Sie weniger Klassen oder ein anderes Feld.</translation>
    </message>
  </context>
  <context>
    <name>ParameterWidgets</name>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>count (numerator)</source>
      <translation>Fallzahl (Zähler)</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>change</source>
      <translation>Veränderung</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>(no year)</source>
      <translation>(ohne Jahr)</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Search indicators…</source>
      <translation>Indikatoren suchen …</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Year</source>
      <translation>Jahr</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Part</source>
      <translation>Teil</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>All fields of the layer</source>
      <translation>Alle Felder des Layers</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Field names as they are, for layers the plugin did not make</source>
      <translation>Feldnamen, wie sie sind, für Layer, die nicht vom Plugin stammen</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>(none)</source>
      <translation>(keins)</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Choose a layer first.</source>
      <translation>Wählen Sie zuerst einen Layer.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>The layer has no fields to choose.</source>
      <translation>Der Layer hat keine wählbaren Felder.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>{} ticked.</source>
      <translation>{} angehakt.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>(automatic)</source>
      <translation>(automatisch)</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>None ticked: all that can be computed.</source>
      <translation>Keiner angehakt: alle berechenbaren.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>None ticked: every type the layer has.</source>
      <translation>Keiner angehakt: alle Typen des Layers.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Add year</source>
      <translation>Jahr hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>{} year(s), in this order.</source>
      <translation>{} Jahr(e), in dieser Reihenfolge.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>None ticked: all years of the layer.</source>
      <translation>Keines angehakt: alle Jahre des Layers.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>None: each table's year column or the year in its file name.</source>
      <translation>Keines: die Jahresspalte jeder Tabelle oder das Jahr in ihrem Dateinamen.</translation>
    </message>
    <message>
      <location filename="../../ui/parameter_widgets.py" />
      <source>Not used by the method '{}'.</source>
      <translation>Vom Verfahren „{}“ nicht verwendet.</translation>
    </message>
  </context>
  <context>
    <name>ProfileAtlas</name>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Profile sheets per social space (atlas, PDF)</source>
      <translation>Steckbriefe je Sozialraum (Atlas, PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Social spaces with indicators per year</source>
      <translation>Sozialräume mit Indikatoren je Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Key field (empty = 'key')</source>
      <translation>Schlüsselfeld (leer = „key“)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Name field (empty = 'name' if the layer has it, else the key)</source>
      <translation>Namensfeld (leer = „name“, falls vorhanden, sonst der Schlüssel)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Indicators of the table (none ticked = the key indicators)</source>
      <translation>Indikatoren der Tabelle (keiner angehakt = die Kernindikatoren)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Years (empty = all years of the layer)</source>
      <translation>Jahre (leer = alle Jahre des Layers)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Indicator of the trend chart (empty = the first of the table)</source>
      <translation>Indikator des Zeitreihendiagramms (leer = der erste der Tabelle)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Index class field (badge)</source>
      <translation>Feld der Indexklasse (Plakette)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Free text field</source>
      <translation>Freitextfeld</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Default free text (empty = a short automatic summary)</source>
      <translation>Standard-Freitext (leer = kurze automatische Zusammenfassung)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Municipal boundaries</source>
      <translation>Gemeindegrenzen</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Municipality name field</source>
      <translation>Feld mit dem Gemeindenamen</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Reference date ({year} = the last year)</source>
      <translation>Stichtag ({year} = letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Source and copyright note</source>
      <translation>Quellen- und Urheberrechtsvermerk</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Own layout template (.qpt; empty = profile_a4_portrait)</source>
      <translation>Eigene Layoutvorlage (.qpt; leer = profile_a4_portrait)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Resolution (dpi)</source>
      <translation>Auflösung (dpi)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Add the atlas layout to the project (QGIS desktop)</source>
      <translation>Atlas-Layout dem Projekt hinzufügen (QGIS Desktop)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Second page per space: strengths and weaknesses (spine chart)</source>
      <translation>Zweite Seite je Sozialraum: Stärken und Schwächen (Spine-Diagramm)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Profile sheets (one multipage PDF)</source>
      <translation>Steckbriefe (eine mehrseitige PDF)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Folder for one file per social space</source>
      <translation>Ordner für eine Datei je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Format of the files per social space</source>
      <translation>Format der Dateien je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>One y axis for the charts of all sheets</source>
      <translation>Eine y-Achse für die Diagramme aller Steckbriefe</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>So that the sheets compare side by side; off: each chart spans its own values.</source>
      <translation>Damit sich die Steckbriefe nebeneinander vergleichen lassen; aus: jedes Diagramm umfasst nur seine eigenen Werte.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Number of profile sheets (social spaces)</source>
      <translation>Zahl der Steckbriefe (Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The indicators' data sources are added to this note.</source>
      <translation>Die Datenquellen der Indikatoren werden diesem Vermerk angefügt.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The last year is shown in the table. In batch mode and qgis_process: years separated by commas, e.g. 2014, 2024, 2025.</source>
      <translation>Das letzte Jahr steht in der Tabelle. Im Stapelbetrieb und in qgis_process: Jahre durch Komma getrennt, z. B. 2014, 2024, 2025.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Layer '{l}' has no fields '&lt;id&gt;_&lt;year&gt;' for the indicator(s) {m}. Indicators found: {f}. Run 'Aggregate indicators' for them or correct the list.</source>
      <translation>Layer „{l}“ hat keine Felder „&lt;id&gt;_&lt;Jahr&gt;“ für den/die Indikator(en) {m}. Gefundene Indikatoren: {f}. Führen Sie „Indikatoren aggregieren“ für sie aus oder korrigieren Sie die Liste.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Layer '{}' has no indicator fields named '&lt;id&gt;_&lt;year&gt;' (e.g. kinderarmut_sgb2_u15_2025). Use the output of 'Aggregate indicators' (wide layout).</source>
      <translation>Layer „{}“ hat keine Indikatorfelder „&lt;id&gt;_&lt;Jahr&gt;“ (z. B. kinderarmut_sgb2_u15_2025). Verwenden Sie das Ergebnis von „Indikatoren aggregieren“ (breites Format).</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>No indicator field for the year(s) {b}; years in the layer: {a}.</source>
      <translation>Kein Indikatorfeld für das Jahr/die Jahre {b}; Jahre im Layer: {a}.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The chart indicator '{c}' has no fields in layer '{l}'.</source>
      <translation>Der Diagrammindikator „{c}“ hat keine Felder im Layer „{l}“.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The layout template {} does not exist.</source>
      <translation>Die Layoutvorlage {} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Canceled: nothing was written.</source>
      <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The atlas could not be exported to {p}: {e}</source>
      <translation>Der Atlas konnte nicht nach {p} exportiert werden: {e}</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The files per social space could not be written to {p}: {e}</source>
      <translation>Die Dateien je Sozialraum konnten nicht nach {p} geschrieben werden: {e}</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>The PDF is a temporary file: the layers of the atlas added to the project are kept beside it and are gone when QGIS closes. Choose a file for the PDF to keep them with the project.</source>
      <translation>Die PDF-Datei ist eine temporäre Datei: Die Ebenen des Atlas, der dem Projekt hinzugefügt wird, liegen daneben und sind weg, sobald QGIS geschlossen wird. Wählen Sie eine Datei für die PDF, damit sie mit dem Projekt erhalten bleiben.</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Offers: supply per social space (from 'facilitysupply')</source>
      <translation>Angebote: Versorgung je Sozialraum (aus „facilitysupply“)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Offers: accessibility per social space (from 'networkaccess')</source>
      <translation>Angebote: Erreichbarkeit je Sozialraum (aus „networkaccess“)</translation>
    </message>
    <message>
      <location filename="../../processing/profile_atlas.py" />
      <source>Offers: facilities shown on the map</source>
      <translation>Angebote: Einrichtungen auf der Karte</translation>
    </message>
  </context>
  <context>
    <name>ProfileDock</name>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Social-space profile</source>
      <translation>Sozialraumprofil</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Social spaces with indicator values (output of 'Aggregate indicators', level social spaces)</source>
      <translation>Sozialräume mit Indikatorwerten (Ergebnis von „Indikatoren aggregieren“, Ebene Sozialräume)</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Pick</source>
      <translation>In Karte wählen</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Click a social space on the map to show its profile</source>
      <translation>Sozialraum in der Karte anklicken, um sein Profil zu zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Choose a social space (type to search)</source>
      <translation>Sozialraum wählen (tippen zum Suchen)</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Social space…</source>
      <translation>Sozialraum…</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Year of the values in the table</source>
      <translation>Jahr der Werte in der Tabelle</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Space</source>
      <translation>Sozialraum</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>County</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>• suppressed  ≈ unreliable  ≥ incomplete (lower bound)</source>
      <translation>• gesperrt  ≈ unsicher  ≥ unvollständig (Untergrenze)</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>&lt;i&gt;Pick a social space on the map or choose it in the list.&lt;/i&gt;</source>
      <translation>&lt;i&gt;Sozialraum in der Karte anklicken oder in der Liste wählen.&lt;/i&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Index: class &lt;b&gt;{c}&lt;/b&gt;</source>
      <translation>Index: Klasse &lt;b&gt;{c}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Index {p}: class &lt;b&gt;{c}&lt;/b&gt;</source>
      <translation>Index {p}: Klasse &lt;b&gt;{c}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Action fields: {}</source>
      <translation>Handlungsfelder: {}</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>none flagged</source>
      <translation>keines markiert</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>No indicator values of the catalogue in this layer.</source>
      <translation>Keine Indikatorwerte des Katalogs in diesem Layer.</translation>
    </message>
  </context>
  <context>
    <name>RegionaliseBlocks</name>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Build social spaces from blocks (automatic)</source>
      <translation>Sozialräume aus Blöcken bilden (automatisch)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Statistical blocks</source>
      <translation>Statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Residents field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Nesting field (municipality or district; spaces never cross it)</source>
      <translation>Feld der übergeordneten Einheit (Gemeinde oder Bezirk; Sozialräume überschreiten sie nie)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Barriers (railways, rivers, motorways) no space may cross</source>
      <translation>Barrieren (Bahnlinien, Flüsse, Autobahnen), die kein Sozialraum überqueren darf</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Attributes the spaces should be homogeneous in</source>
      <translation>Merkmale, in denen die Sozialräume homogen sein sollen</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Population floor (residents per space at least)</source>
      <translation>Einwohner-Untergrenze (mindestens je Sozialraum)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Population ceiling (residents per space at most)</source>
      <translation>Einwohner-Obergrenze (höchstens je Sozialraum)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Compactness weight (0 = ignore shape)</source>
      <translation>Gewicht der Kompaktheit (0 = Form egal)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Locked spaces: space id to keep</source>
      <translation>Feste Sozialräume: beizubehaltende Kennung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Reference partition to compare with (adjusted Rand index)</source>
      <translation>Vergleichseinteilung (bereinigter Rand-Index)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Random seed (same seed, same result)</source>
      <translation>Startwert des Zufallsgenerators (gleicher Startwert, gleiches Ergebnis)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Block id field (for the report)</source>
      <translation>Block-ID-Feld (für den Bericht)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Neighbour distance (m)</source>
      <translation>Nachbarschaftsabstand (m)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Improvement rounds</source>
      <translation>Verbesserungsrunden</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Blocks with social space</source>
      <translation>Blöcke mit Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Regionalisation report</source>
      <translation>Bericht der Regionalisierung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Number of social spaces</source>
      <translation>Anzahl der Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Share of spaces within the bounds</source>
      <translation>Anteil der Sozialräume innerhalb der Grenzen</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Coefficient of variation of the population</source>
      <translation>Variationskoeffizient der Einwohnerzahl</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Within-space sum of squared deviations (standardised attributes)</source>
      <translation>Quadratsumme der Abweichungen innerhalb der Sozialräume (standardisierte Merkmale)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Mean Polsby-Popper compactness</source>
      <translation>Mittlere Kompaktheit nach Polsby-Popper</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Adjusted Rand index against the reference</source>
      <translation>Bereinigter Rand-Index gegenüber der Vergleichseinteilung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Blocks across a street of this width count as neighbours; 0 = touching only.</source>
      <translation>Blöcke über eine Straße dieser Breite gelten als benachbart; 0 = nur sich berührende.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Re-split pairs of neighbouring spaces; more rounds: slower, more compact and homogeneous.</source>
      <translation>Paare benachbarter Sozialräume neu teilen; mehr Runden: langsamer, kompakter und einheitlicher.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Blocks with an existing space id keep it; empty: the block is planned anew.</source>
      <translation>Blöcke mit einer vorhandenen Sozialraumkennung behalten sie; leer: der Block wird neu geplant.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Building the neighbourhood graph of {} blocks ...</source>
      <translation>Nachbarschaftsgraph von {} Blöcken wird gebildet ...</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Graph {:.2f} s, regionalisation {:.2f} s.</source>
      <translation>Graph {:.2f} s, Regionalisierung {:.2f} s.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Reading {:.2f} s, dissolving and writing {:.2f} s.</source>
      <translation>Lesen {:.2f} s, Auflösen und Schreiben {:.2f} s.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>The population floor ({:g}) must be below the ceiling ({:g}). Lower the floor or raise the ceiling.</source>
      <translation>Die Einwohner-Untergrenze ({:g}) muss unter der Obergrenze ({:g}) liegen. Senken Sie die Unter- oder erhöhen Sie die Obergrenze.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>The blocks are in degrees ({}); distances and areas are computed in {}.</source>
      <translation>Die Blöcke liegen in Grad vor ({}); Abstände und Flächen werden in {} berechnet.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Block {}: {}; repaired with make-valid.</source>
      <translation>Block {}: {}; mit make-valid repariert.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>{} more blocks with invalid geometry repaired.</source>
      <translation>{} weitere Blöcke mit ungültiger Geometrie repariert.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>{} blocks have no geometry (first feature id {}). Remove them or repair the layer first.</source>
      <translation>{} Blöcke haben keine Geometrie (erste Objekt-ID {}). Entfernen Sie sie oder reparieren Sie zuerst den Layer.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>The residents field '{field}' is empty for {n} blocks (first: block {block}). Enter 0 for blocks without residents.</source>
      <translation>Das Einwohnerfeld „{field}“ ist bei {n} Blöcken leer (erster: Block {block}). Tragen Sie für Blöcke ohne Einwohner 0 ein.</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>barriers</source>
      <translation>Barrieren</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Social space id</source>
      <translation>Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Social space flag</source>
      <translation>Sozialraum-Kennung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Nesting unit</source>
      <translation>Übergeordnete Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Blocks</source>
      <translation>Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Area (km²)</source>
      <translation>Fläche (km²)</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Polsby-Popper compactness</source>
      <translation>Kompaktheit nach Polsby-Popper</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Within floor and ceiling</source>
      <translation>Innerhalb von Unter- und Obergrenze</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Flag</source>
      <translation>Kennung</translation>
    </message>
    <message>
      <location filename="../../processing/regionalise_blocks.py" />
      <source>Locked</source>
      <translation>Gesperrt</translation>
    </message>
  </context>
  <context>
    <name>ReportDocument</name>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Sozialbericht as a Word document (DOCX)</source>
      <translation>Sozialbericht als Word-Dokument (DOCX)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Social spaces with indicators per year</source>
      <translation>Sozialräume mit Indikatoren je Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Indicator fields (empty = the key indicators, latest year)</source>
      <translation>Indikatorfelder (leer = die Kernindikatoren, letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Municipalities with indicators (from 'Aggregate indicators')</source>
      <translation>Gemeinden mit Indikatoren (aus „Indikatoren aggregieren“)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>County with indicators</source>
      <translation>Kreis mit Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Municipal boundaries (maps)</source>
      <translation>Gemeindegrenzen (Karten)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Municipality name field</source>
      <translation>Namensfeld der Gemeinden</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Composite index</source>
      <translation>Zusammengesetzter Index</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Action-field typology</source>
      <translation>Handlungsfeld-Typisierung</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Target attainment (from 'Evaluate targets')</source>
      <translation>Zielerreichung (aus „Ziele bewerten“)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Name of the county (empty = from the county layer)</source>
      <translation>Name des Kreises (leer = aus dem Kreis-Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Sozialbericht (Word document)</source>
      <translation>Sozialbericht (Word-Dokument)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>The same as PDF (needs LibreOffice)</source>
      <translation>Dasselbe als PDF (braucht LibreOffice)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Key field (empty = 'key')</source>
      <translation>Schlüsselfeld (leer = „key“)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Name field (empty = 'name')</source>
      <translation>Namensfeld (leer = „name“)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Index class field (empty = mss_class, si_class or idx_class)</source>
      <translation>Feld der Indexklasse (leer = mss_class, si_class oder idx_class)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Compare with the year (empty = the first year of the layer)</source>
      <translation>Vergleich mit dem Jahr (leer = das erste Jahr im Layer)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Municipality = first N characters of the key (0 = none)</source>
      <translation>Gemeinde = erste N Zeichen des Schlüssels (0 = keine)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Cluster maps (local Moran's I) of child poverty and SGB II</source>
      <translation>Clusterkarten (lokales Moran's I) zu Kinderarmut und SGB II</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Source and copyright note</source>
      <translation>Quellen- und Urheberhinweis</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Word template with the styles (.docx; empty = built-in styles)</source>
      <translation>Word-Vorlage mit den Formatvorlagen (.docx; leer = eingebaute Formatvorlagen)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Resolution of the maps (dpi)</source>
      <translation>Auflösung der Karten (dpi)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Chapters</source>
      <translation>Kapitel</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Figures</source>
      <translation>Abbildungen</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Tables</source>
      <translation>Tabellen</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Pages of the PDF</source>
      <translation>Seiten des PDF</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Writing the document</source>
      <translation>Dokument schreiben</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Converting to PDF (LibreOffice)</source>
      <translation>In PDF umwandeln (LibreOffice)</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>{c} chapters, {f} figures, {t} tables written to {p} ({d}).</source>
      <translation>{c} Kapitel, {f} Abbildungen, {t} Tabellen nach {p} geschrieben ({d}).</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Layer '{}' has no indicator fields named '&lt;id&gt;_&lt;year&gt;' of the catalogue. Use the output of 'Aggregate indicators'.</source>
      <translation>Der Layer „{}“ hat keine Indikatorfelder „&lt;id&gt;_&lt;jahr&gt;“ des Katalogs. Verwenden Sie das Ergebnis von „Indikatoren aggregieren“.</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Field '{}' is not an indicator field '&lt;id&gt;_&lt;year&gt;' of the catalogue.</source>
      <translation>Das Feld „{}“ ist kein Indikatorfeld „&lt;id&gt;_&lt;jahr&gt;“ des Katalogs.</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>The indicator fields are of different years ({}); the report describes one year.</source>
      <translation>Die Indikatorfelder gehören zu verschiedenen Jahren ({}); der Bericht beschreibt ein Jahr.</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>The comparison year {b} has no fields; years in the layer: {a}.</source>
      <translation>Für das Vergleichsjahr {b} gibt es keine Felder; Jahre im Layer: {a}.</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Strengths and weaknesses</source>
      <translation>Stärken und Schwächen</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>Map {n} of {t}: {name}</source>
      <translation>Karte {n} von {t}: {name}</translation>
    </message>
    <message>
      <location filename="../../processing/report_document.py" />
      <source>The index layer has no class field (mss_class, si_class, idx_class); choose it.</source>
      <translation>Der Index-Layer hat kein Klassenfeld (mss_class, si_class, idx_class); wählen Sie es aus.</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungAlgorithm</name>
    <message>
      <location filename="../../processing/_access.py" />
      <source>The {what} '{layer}' is in {crs} with coordinates in degrees; distances would be degrees, not metres. Reproject it to a projected CRS in metres (e.g. EPSG:25832 ETRS89 / UTM 32N: Vector &gt; Data Management &gt; Reproject Layer) and run again.</source>
      <translation>Der Layer „{layer}“ ({what}) liegt in {crs} mit Koordinaten in Grad vor; Abstände wären Grad, nicht Meter. Projizieren Sie ihn in ein projiziertes KBS in Metern um (z. B. EPSG:25832 ETRS89 / UTM 32N: Vektor &gt; Datenmanagement-Werkzeuge &gt; Layer reprojizieren) und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/_access.py" />
      <source>a CRS</source>
      <translation>einem KBS</translation>
    </message>
    <message>
      <location filename="../../processing/_atomic.py" />
      <source>Cannot write into the folder '{}' ({}). Choose a folder you may write to.</source>
      <translation>In den Ordner „{}“ kann nicht geschrieben werden ({}). Wählen Sie einen Ordner mit Schreibrecht.</translation>
    </message>
    <message>
      <location filename="../../processing/_atomic.py" />
      <source>The folder '{}' for the output '{}' does not exist. Create it or choose another place.</source>
      <translation>Der Ordner „{}“ für die Ausgabe „{}“ existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Directions</source>
      <translation>Richtungen</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Weights</source>
      <translation>Gewichte</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Goalposts</source>
      <translation>Feste Grenzen</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Reference values</source>
      <translation>Referenzwerte</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domain weights</source>
      <translation>Bereichsgewichte</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Field map</source>
      <translation>Feldzuordnung</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>{what}: '{item}' is not of the form name=value (separate entries with ';').</source>
      <translation>{what}: „{item}“ hat nicht die Form Name=Wert (Einträge durch „;“ trennen).</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>{what}: an entry has no name before '='.</source>
      <translation>{what}: Ein Eintrag hat keinen Namen vor „=“.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>{what}: '{v}' for '{k}' is not a number.</source>
      <translation>{what}: „{v}“ für „{k}“ ist keine Zahl.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>{what}: '{k}' has no finite number.</source>
      <translation>{what}: „{k}“ hat keine endliche Zahl.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domains: '{item}' is not of the form 'domain: field1, field2' (separate domains with ';').</source>
      <translation>Bereiche: „{item}“ hat nicht die Form „Bereich: Feld1, Feld2“ (Bereiche durch „;“ trennen).</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domains: '{item}' has no domain name before ':'.</source>
      <translation>Bereiche: „{item}“ hat keinen Bereichsnamen vor „:“.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domain '{dom}' has no indicator. List its indicator fields after ':' or remove the domain.</source>
      <translation>Der Bereich „{dom}“ hat keinen Indikator. Geben Sie seine Indikatorfelder nach „:“ an oder entfernen Sie den Bereich.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domain '{dom}' lists '{m}', which is not one of the chosen indicator fields ({fields}). Add it to the indicators or correct the name.</source>
      <translation>Der Bereich „{dom}“ nennt „{m}“, das keines der gewählten Indikatorfelder ist ({fields}). Nehmen Sie es in die Indikatoren auf oder korrigieren Sie den Namen.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Indicator '{m}' is listed in two domains ('{a}' and '{b}').</source>
      <translation>Der Indikator „{m}“ steht in zwei Bereichen („{a}“ und „{b}“).</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Indicator(s) {fields} belong to no domain. With domains given, list every indicator field in one domain.</source>
      <translation>Die Indikatoren {fields} gehören zu keinem Bereich. Wenn Bereiche angegeben sind, ordnen Sie jedes Indikatorfeld einem Bereich zu.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>{what}: '{k}' is not one of the chosen indicator fields ({fields}).</source>
      <translation>{what}: „{k}“ ist keines der gewählten Indikatorfelder ({fields}).</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Indicator '{f}': direction '{word}' unknown; use higher_worse (+) or higher_better (-).</source>
      <translation>Indikator „{f}“: Die Richtung „{word}“ ist unbekannt; verwenden Sie „+“ (höher ist schlechter) oder „-“ (höher ist besser).</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Indicator '{f}' is not in the catalogue: taken as 'higher_worse' (more = more need). Set its direction under 'Directions' if that is wrong.</source>
      <translation>Der Indikator „{f}“ steht nicht im Katalog: Er wird als „höher ist schlechter“ behandelt (mehr = mehr Bedarf). Ist das falsch, wählen Sie ihn unter „Höher ist besser (statt Katalog)“ aus.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Indicator '{f}' is neutral (context) in the catalogue; it cannot enter an index without a direction. Give it one under 'Directions' (e.g. {f}=higher_worse) or leave it out.</source>
      <translation>Der Indikator „{f}“ ist im Katalog neutral (Kontext); ohne Richtung kann er nicht in einen Index eingehen. Wählen Sie ihn unter „Höher ist schlechter (statt Katalog)“ oder „Höher ist besser (statt Katalog)“ aus oder lassen Sie ihn weg.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Indicator '{f}': weight {w:g} is negative; weights must be 0 or more.</source>
      <translation>Indikator „{f}“: Das Gewicht {w:g} ist negativ; Gewichte müssen 0 oder größer sein.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Goalposts of '{f}': give lower:upper, e.g. {f}=0:30 (got '{gp}').</source>
      <translation>Feste Grenzen von „{f}“: Geben Sie unten:oben an, z. B. {f}=0:30 (angegeben: „{gp}“).</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domain '{dom}': the weights of its indicators ({fields}) sum to 0; give at least one a positive weight.</source>
      <translation>Bereich „{dom}“: Die Gewichte seiner Indikatoren ({fields}) ergeben in der Summe 0; geben Sie mindestens einem ein positives Gewicht.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domain '{d}' has a weight but no indicator (domains with indicators: {domains}). Assign indicators to it under 'Domains' or remove its weight.</source>
      <translation>Der Bereich „{d}“ hat ein Gewicht, aber keinen Indikator (Bereiche mit Indikatoren: {domains}). Ordnen Sie ihm unter „Bereiche“ Indikatoren zu oder entfernen Sie sein Gewicht.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Domain '{d}': weight {w:g} is negative; weights must be 0 or more.</source>
      <translation>Bereich „{d}“: Das Gewicht {w:g} ist negativ; Gewichte müssen 0 oder größer sein.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>The domain weights sum to 0; give at least one domain a positive weight.</source>
      <translation>Die Bereichsgewichte ergeben in der Summe 0; geben Sie mindestens einem Bereich ein positives Gewicht.</translation>
    </message>
    <message>
      <location filename="../../processing/_indices.py" />
      <source>Style not saved: {error}</source>
      <translation>Stil nicht gespeichert: {error}</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>The layout template {path} is not valid XML. Use a .qpt file saved by QGIS.</source>
      <translation>Die Layoutvorlage {path} ist kein gültiges XML. Verwenden Sie eine von QGIS gespeicherte .qpt-Datei.</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>QGIS could not load the layout template {path}.</source>
      <translation>QGIS konnte die Layoutvorlage {path} nicht laden.</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>The layout template '{name}' has no item with the id '{id}'. Give the item this id in the layout designer (Item properties &gt; Id) or use the shipped template; see docs/map-sheets.md.</source>
      <translation>Die Layoutvorlage „{name}“ hat kein Element mit der ID „{id}“. Geben Sie dem Element diese ID im Layoutdesigner (Elementeigenschaften &gt; ID) oder verwenden Sie die mitgelieferte Vorlage; siehe docs/map-sheets.md.</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>The layout template has no item with the id '{id}'. Give the item this id in the layout designer (Item properties &gt; Id) or use the shipped template; see docs/map-sheets.md.</source>
      <translation>Die Layoutvorlage hat kein Element mit der ID „{id}“. Geben Sie dem Element diese ID im Layoutdesigner (Elementeigenschaften &gt; ID) oder verwenden Sie die mitgelieferte Vorlage; siehe docs/map-sheets.md.</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>Canceled: the PDF was not written.</source>
      <translation>Abgebrochen: Das PDF wurde nicht geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>The layer '{layer}' could not be written to {gpkg}: {error}</source>
      <translation>Der Layer „{layer}“ konnte nicht in {gpkg} geschrieben werden: {error}</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>The layer '{layer}' written to {gpkg} cannot be read back.</source>
      <translation>Der in {gpkg} geschriebene Layer „{layer}“ lässt sich nicht wieder lesen.</translation>
    </message>
    <message>
      <location filename="../../processing/_layouts.py" />
      <source>The style of '{layer}' was not stored in {gpkg}: {error}</source>
      <translation>Der Stil von „{layer}“ wurde nicht in {gpkg} gespeichert: {error}</translation>
    </message>
    <message>
      <location filename="../../processing/_outputs.py" />
      <source>Method record not stored as layer metadata of {dest}: {error}</source>
      <translation>Methodenbeschreibung nicht als Layer-Metadaten von {dest} gespeichert: {error}</translation>
    </message>
    <message>
      <location filename="../../processing/_params.py" />
      <source>In batch mode and qgis_process: type ids separated by commas, e.g. kita,hausarzt.</source>
      <translation>Im Stapelbetrieb und in qgis_process: Typ-IDs durch Komma getrennt, z. B. kita,hausarzt.</translation>
    </message>
    <message>
      <location filename="../../processing/_params.py" />
      <source>In batch mode and qgis_process: years separated by commas, e.g. 2014, 2024.</source>
      <translation>Im Stapelbetrieb und in qgis_process: Jahre durch Komma getrennt, z. B. 2014, 2024.</translation>
    </message>
    <message>
      <location filename="../../processing/_params.py" />
      <source>A count of the catalogue (e.g. Einwohner) or another variable id of the store; in batch mode and qgis_process its id, e.g. einwohner.</source>
      <translation>Eine Anzahl aus dem Katalog (z. B. Einwohner) oder eine andere Variablen-ID der Monitoring-Datenbank; im Stapelbetrieb und in qgis_process ihre ID, z. B. einwohner.</translation>
    </message>
    <message>
      <location filename="../../processing/_params.py" />
      <source>{what}, row {n}: fill in every column (got {row}).</source>
      <translation>{what}, Zeile {n}: Füllen Sie jede Spalte aus (erhalten: {row}).</translation>
    </message>
    <message>
      <location filename="../../processing/_params.py" />
      <source>Domains, row {n}: give the domain and one indicator field.</source>
      <translation>Bereiche, Zeile {n}: Geben Sie den Bereich und ein Indikatorfeld an.</translation>
    </message>
    <message>
      <location filename="../../processing/_params.py" />
      <source>{} is listed both as 'higher is better' and as 'higher is worse'; keep it in one.</source>
      <translation>{} steht sowohl unter „höher ist besser“ als auch unter „höher ist schlechter“; behalten Sie es in einer Liste.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>Minimum residents 300 without a residents field: no unit is left out. Choose 'Residents' to apply it.</source>
      <translation>Mindesteinwohnerzahl 300 ohne Einwohnerfeld: Keine Einheit wird ausgelassen. Wählen Sie „Einwohner“, um sie anzuwenden.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>A minimum of residents ({}) needs the residents field: choose it under 'Residents', or leave the minimum empty.</source>
      <translation>Eine Mindesteinwohnerzahl ({}) braucht das Einwohnerfeld: Wählen Sie es unter „Einwohner“ oder lassen Sie den Mindestwert leer.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>Berlin MSS leaves out units with fewer than 300 residents, so it needs the residents field. Choose it under 'Residents' (e.g. einwohner_2025).</source>
      <translation>Das Berliner MSS lässt Einheiten mit weniger als 300 Einwohnern aus und braucht daher das Einwohnerfeld. Wählen Sie es unter „Einwohner“ (z. B. einwohner_2025).</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>Berlin MSS: residents from the field '{}' (units with fewer than {} leave the reference).</source>
      <translation>Berliner MSS: Einwohner aus dem Feld „{}“ (Einheiten mit weniger als {} verlassen die Referenz).</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>Field '{}' looks like a rank (1 = most deprived), where a higher number means less need. List it under 'Higher is better', or choose the score field instead.</source>
      <translation>Das Feld „{}“ sieht wie ein Rang aus (1 = am stärksten benachteiligt): Eine höhere Zahl bedeutet weniger Bedarf. Nehmen Sie es unter „Höher ist besser“ auf oder wählen Sie stattdessen das Wertfeld.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>English IoD with your own domain weights: the index is not the published IoD.</source>
      <translation>Englischer IoD mit eigenen Bereichsgewichten: Der Index ist nicht der veröffentlichte IoD.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>domain(s) {} are none of them</source>
      <translation>Bereich(e) {} gehören nicht dazu</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>{} is given twice</source>
      <translation>{} ist doppelt angegeben</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>English IoD combines the seven domains with the published weights ({p}); {x}. Name each score field's domain in the table 'Domains' (income, employment, education, health, crime, barriers, living_environment), or give your own 'Domain weights' (the index is then not the published IoD).</source>
      <translation>Der englische IoD fasst die sieben Bereiche mit den veröffentlichten Gewichten zusammen ({p}); {x}. Nennen Sie den Bereich jedes Wertfelds in der Tabelle „Bereiche“ (income, employment, education, health, crime, barriers, living_environment) oder geben Sie eigene „Bereichsgewichte“ an (der Index ist dann nicht der veröffentlichte IoD).</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>English IoD with {n} of the 7 domains: the published weights of these domains, rescaled to 100 %; missing: {m}. The index is not the published IoD.</source>
      <translation>Englischer IoD mit {n} der 7 Bereiche: die veröffentlichten Gewichte dieser Bereiche, auf 100 % umgerechnet; es fehlen: {m}. Der Index ist nicht der veröffentlichte IoD.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>English IoD: the published domain weights ({}).</source>
      <translation>Englischer IoD: die veröffentlichten Bereichsgewichte ({}).</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>GISD fixed loadings, row {n}: '{f}' is not one of the indicators.</source>
      <translation>GISD, feste Ladungen, Zeile {n}: „{f}“ ist keiner der Indikatoren.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>GISD fixed loadings, row {n}: '{c}' is not a number.</source>
      <translation>GISD, feste Ladungen, Zeile {n}: „{c}“ ist keine Zahl.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>GISD: steps of the RKI not applied here: {}.</source>
      <translation>GISD: Schritte des RKI, die hier nicht angewandt wurden: {}.</translation>
    </message>
    <message>
      <location filename="../../processing/_presets.py" />
      <source>GISD quintiles with quantile type {} (not the published rule, type 9).</source>
      <translation>GISD-Quintile mit Quantiltyp {} (nicht die veröffentlichte Regel, Typ 9).</translation>
    </message>
    <message>
      <location filename="../../processing/_report_layouts.py" />
      <source>The PDF {} could not be written.</source>
      <translation>Das PDF {} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
      <location filename="../../processing/_report_maps.py" />
      <source>The map figure {path} could not be written.</source>
      <translation>Die Kartenabbildung {path} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>statistical blocks</source>
      <translation>statistische Blöcke</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>social spaces</source>
      <translation>Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>municipalities</source>
      <translation>Gemeinden</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>county</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>Monitoring database (.gpkg file or PostgreSQL connection)</source>
      <translation>Monitoring-Datenbank (.gpkg-Datei oder PostgreSQL-Verbindung)</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>A path ending in .gpkg (created if missing), the name of a PostgreSQL connection saved in QGIS, or a connection string (host=... dbname=..., service=...).</source>
      <translation>Ein Pfad auf .gpkg (wird angelegt, falls nicht vorhanden), der Name einer in QGIS gespeicherten PostgreSQL-Verbindung oder eine Verbindungszeichenkette (host=... dbname=..., service=...).</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>PostgreSQL schema of the monitoring database</source>
      <translation>PostgreSQL-Schema der Monitoring-Datenbank</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>Spatial level</source>
      <translation>Raumebene</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>Municipality key of each unit (empty = from the unit key)</source>
      <translation>Gemeindeschlüssel jeder Einheit (leer = aus dem Schlüssel der Einheit)</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>Give the store: a GeoPackage file (.gpkg), the name of a PostgreSQL connection saved in QGIS, or a connection string.</source>
      <translation>Geben Sie den Speicher an: eine GeoPackage-Datei (.gpkg), den Namen einer in QGIS gespeicherten PostgreSQL-Verbindung oder eine Verbindungszeichenkette.</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>The store's connection text contains a password. QGIS would keep it in the processing history, in models and in logs. Save the connection in QGIS (Browser &gt; PostgreSQL) with an authentication configuration and give its name, or use a service file (service=...) or ~/.pgpass.</source>
      <translation>Die Verbindungsangabe des Speichers enthält ein Passwort. QGIS würde es im Verarbeitungsverlauf, in Modellen und in Protokollen aufbewahren. Speichern Sie die Verbindung in QGIS (Browser &gt; PostgreSQL) mit einer Authentifizierungskonfiguration und geben Sie ihren Namen an, oder nutzen Sie eine Dienstdatei (service=...) oder ~/.pgpass.</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>'{}' is neither a GeoPackage file (.gpkg) nor a PostgreSQL connection saved in QGIS nor a connection string (host=... dbname=... or service=...). Check the spelling of the connection name.</source>
      <translation>„{}“ ist weder eine GeoPackage-Datei (.gpkg) noch eine in QGIS gespeicherte PostgreSQL-Verbindung noch eine Verbindungszeichenkette (host=... dbname=... oder service=...). Prüfen Sie die Schreibweise des Verbindungsnamens.</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>Store: {name} (schema version {version}, EPSG:{srid}).</source>
      <translation>Monitoring-Datenbank: {name} (Schemaversion {version}, EPSG:{srid}).</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>Store: {name} (schema version {version}, EPSG:{srid}, read only).</source>
      <translation>Monitoring-Datenbank: {name} (Schemaversion {version}, EPSG:{srid}, nur lesend).</translation>
    </message>
    <message>
      <location filename="../../processing/_store.py" />
      <source>The folder '{}' for the output '{}' does not exist. Create it or choose another one.</source>
      <translation>Der Ordner „{}“ für die Ausgabe „{}“ existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>1 Social spaces</source>
      <translation>1 Sozialräume</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>2 Indicators</source>
      <translation>2 Indikatoren</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>3 Composite indices</source>
      <translation>3 Zusammengesetzte Indizes</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>4 Analysis</source>
      <translation>4 Analyse</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>5 Infrastructure and accessibility</source>
      <translation>5 Infrastruktur und Erreichbarkeit</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>6 Map sheets</source>
      <translation>6 Kartenblätter</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>7 Reports</source>
      <translation>7 Berichte</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>8 Monitoring database</source>
      <translation>8 Monitoring-Datenbank</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>9 Indicator catalogue</source>
      <translation>9 Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>{alg} stopped on an unexpected error: {err}. The details are in the QGIS message log (tab Sozialplanung); please report them.</source>
      <translation>{alg} wurde durch einen unerwarteten Fehler abgebrochen: {err}. Die Einzelheiten stehen im QGIS-Protokoll (Reiter Sozialplanung); bitte melden Sie sie.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Nothing was written.</source>
      <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>The layer for '{}' could not be loaded. Check that the file or source exists.</source>
      <translation>Der Layer für „{}“ konnte nicht geladen werden. Prüfen Sie, ob die Datei oder Quelle existiert.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Layer '{layer}' has no field {missing}{what}. Its fields are: {fields}. Choose the right field or layer.</source>
      <translation>Layer „{layer}“ hat kein Feld {missing}{what}. Seine Felder sind: {fields}. Wählen Sie das richtige Feld oder den richtigen Layer.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Layer '{}' has no features. Choose a layer with data.</source>
      <translation>Layer „{}“ hat keine Objekte. Wählen Sie einen Layer mit Daten.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Layers '{a}' ({acrs}) and '{b}' ({bcrs}) have different coordinate reference systems. Reproject one of them (Vector &gt; Data Management &gt; Reproject Layer) and run again.</source>
      <translation>Die Layer „{a}“ ({acrs}) und „{b}“ ({bcrs}) haben verschiedene Koordinatenbezugssysteme. Projizieren Sie einen davon um (Vektor &gt; Datenmanagement-Werkzeuge &gt; Layer reprojizieren) und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Canceled: nothing was written.</source>
      <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Parameter '{p}' ({n}) is required: give a value.</source>
      <translation>Der Parameter „{p}“ ({n}) ist nötig: Geben Sie einen Wert an.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>the file does not exist</source>
      <translation>die Datei existiert nicht</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>it cannot be opened as a layer (damaged, or not a GIS file)</source>
      <translation>sie lässt sich nicht als Layer öffnen (beschädigt oder keine GIS-Datei)</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Parameter '{p}' ({n}): '{v}': {r}. Choose the layer's file and run again.</source>
      <translation>Parameter „{p}“ ({n}): „{v}“: {r}. Wählen Sie die Datei des Layers und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>a number from {lo:g} to {hi:g}</source>
      <translation>eine Zahl von {lo:g} bis {hi:g}</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>one of {}</source>
      <translation>eine der Möglichkeiten {}</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source> (several allowed)</source>
      <translation> (mehrere möglich)</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>an existing file of type {}</source>
      <translation>eine vorhandene Datei vom Typ {}</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>an existing file</source>
      <translation>eine vorhandene Datei</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>Parameter '{p}' ({n}): the value '{v}' is not accepted{a}. Correct it and run again.</source>
      <translation>Parameter „{p}“ ({n}): Der Wert „{v}“ ist nicht zulässig{a}. Korrigieren Sie ihn und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/base.py" />
      <source>; allowed: {}</source>
      <translation>; zulässig: {}</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungChecks</name>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}', field '{field}'{what} has the type {type}, not numbers: its values cannot be read as counts (a GeoJSON column mixing numbers and text becomes JSON). Make the column numbers only (or text only) and run again.</source>
      <translation>Layer „{layer}“, Feld „{field}“{what} hat den Typ {type}, keine Zahlen: Seine Werte lassen sich nicht als Anzahlen lesen (eine GeoJSON-Spalte aus Zahlen und Text wird zu JSON). Machen Sie die Spalte einheitlich (nur Zahlen oder nur Text) und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}', field '{field}'{what}: {n} feature(s) hold no number ({examples}). The field must hold plain counts: remove units and text (e.g. with the Field Calculator: to_int(regexp_replace("{field}", '[^0-9]', ''))) or choose the right field.</source>
      <translation>Layer „{layer}“, Feld „{field}“{what}: {n} Objekt(e) enthalten keine Zahl ({examples}). Das Feld muss reine Anzahlen enthalten: Entfernen Sie Einheiten und Text (z. B. mit dem Feldrechner: to_int(regexp_replace("{field}", '[^0-9]', ''))) oder wählen Sie das richtige Feld.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}', field '{field}'{what}: {n} feature(s) hold a negative count ({examples}). Counts cannot be negative: correct the values (0 for none) or choose the right field.</source>
      <translation>Layer „{layer}“, Feld „{field}“{what}: {n} Objekt(e) enthalten eine negative Anzahl ({examples}). Anzahlen können nicht negativ sein: Korrigieren Sie die Werte (0 für keine) oder wählen Sie das richtige Feld.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>feature {f}: '{v}'</source>
      <translation>Objekt {f}: „{v}“</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>polygons</source>
      <translation>Polygone</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>points</source>
      <translation>Punkte</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>lines</source>
      <translation>Linien</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>no geometry (a table)</source>
      <translation>keine Geometrie (eine Tabelle)</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}' has {kind}, but {what} must be polygons (areas). Choose the polygon layer of the {what}; a table of counts is joined to the polygons by key (e.g. in 'Aggregate indicators').</source>
      <translation>Layer „{layer}“ hat {kind}, aber {what} müssen Polygone (Flächen) sein. Wählen Sie den Polygon-Layer der {what}; eine Tabelle mit Anzahlen wird über den Schlüssel mit den Flächen verbunden (z. B. in „Indikatoren aggregieren“).</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}' has {kind}, but {what} must be {allowed}. Choose the right layer.</source>
      <translation>Layer „{layer}“ hat {kind}; für {what} sind {allowed} nötig. Wählen Sie den richtigen Layer.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source> or </source>
      <translation> oder </translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>no geometry</source>
      <translation>keine Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>invalid geometry</source>
      <translation>ungültige Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{}' has no valid coordinate reference system. Assign the one it was made in (Layer Properties &gt; Source &gt; Assigned CRS, e.g. EPSG:25832) and run again.</source>
      <translation>Layer „{}“ hat kein gültiges Koordinatenbezugssystem. Weisen Sie das zu, in dem er erstellt wurde (Layereigenschaften &gt; Quelle &gt; Zugewiesenes KBS, z. B. EPSG:25832), und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}' is declared as {crs} (degrees), but its coordinates reach {x:.0f}, {y:.0f}: these are metres. Assign the CRS the layer was made in (Layer Properties &gt; Source &gt; Assigned CRS, e.g. EPSG:25832 for ETRS89 / UTM 32N) and run again.</source>
      <translation>Layer „{layer}“ ist als {crs} (Grad) angegeben, seine Koordinaten reichen aber bis {x:.0f}, {y:.0f}: Das sind Meter. Weisen Sie das KBS zu, in dem der Layer erstellt wurde (Layereigenschaften &gt; Quelle &gt; Zugewiesenes KBS, z. B. EPSG:25832 für ETRS89 / UTM 32N), und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>Layer '{layer}', key field '{field}': the key '{key}' occurs {n} times ({more} keys occur more than once). Each unit needs its own key: correct the keys or choose the right key field.</source>
      <translation>Layer „{layer}“, Schlüsselfeld „{field}“: Der Schlüssel „{key}“ kommt {n}-mal vor ({more} Schlüssel mehrfach). Jede Einheit braucht ihren eigenen Schlüssel: Korrigieren Sie die Schlüssel oder wählen Sie das richtige Schlüsselfeld.</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>None of the chosen indicators can be computed</source>
      <translation>Keiner der gewählten Indikatoren lässt sich berechnen</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>{n} indicator(s) not computed</source>
      <translation>{n} Indikator(en) nicht berechnet</translation>
    </message>
    <message>
      <location filename="../../processing/_checks.py" />
      <source>{head}: the tables lack {lacking}. If a table has such a column under another header, add that header to the variable's aliases in a county catalogue file (an overlay of the default catalogue) and choose it as Indicator catalogue. Headers of the tables that no catalogue variable knows: {unknown}.</source>
      <translation>{head}: den Tabellen fehlt {lacking}. Steht eine solche Spalte unter einer anderen Überschrift in einer Tabelle, tragen Sie diese Überschrift bei den Aliasen der Variable in eine Katalogdatei des Kreises ein (sie überlagert den Standardkatalog) und wählen Sie die Datei als Indikatorenkatalog. Spaltenköpfe der Tabellen, die keine Katalogvariable kennt: {unknown}.</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungPlugin</name>
    <message>
      <location filename="../../plugin.py" />
      <source>&amp;Sozialplanung</source>
      <translation>&amp;Sozialplanung</translation>
    </message>
    <message>
      <location filename="../../plugin.py" />
      <source>Indicator catalogue</source>
      <translation>Indikatorenkatalog</translation>
    </message>
    <message>
      <location filename="../../plugin.py" />
      <source>Show or hide the indicator catalogue</source>
      <translation>Indikatorenkatalog ein- oder ausblenden</translation>
    </message>
    <message>
      <location filename="../../plugin.py" />
      <source>Social-space profile</source>
      <translation>Sozialraumprofil</translation>
    </message>
    <message>
      <location filename="../../plugin.py" />
      <source>Show or hide the profile of a social space</source>
      <translation>Profil eines Sozialraums ein- oder ausblenden</translation>
    </message>
    <message>
      <location filename="../../plugin.py" />
      <source>Sozialplanung algorithms…</source>
      <translation>Sozialplanung-Algorithmen…</translation>
    </message>
  </context>
  <context>
    <name>SozialplanungProvider</name>
    <message>
      <location filename="../../processing/provider.py" />
      <source>Sozialplanung</source>
      <translation>Sozialplanung</translation>
    </message>
  </context>
  <context>
    <name>Spaces</name>
    <message>
      <location filename="../../processing/_access.py" />
      <source>The key field '{f}' has the value '{k}' twice. Each social space needs its own key.</source>
      <translation>Das Schlüsselfeld „{f}“ hat den Wert „{k}“ zweimal. Jeder Sozialraum braucht einen eigenen Schlüssel.</translation>
    </message>
    <message>
      <location filename="../../processing/_access.py" />
      <source>Layer '{}' has no social space with a key and a geometry.</source>
      <translation>Layer „{}“ enthält keinen Sozialraum mit Schlüssel und Geometrie.</translation>
    </message>
  </context>
  <context>
    <name>StoreBackup</name>
    <message>
      <location filename="../../processing/store_backup.py" />
      <source>Back up the monitoring store</source>
      <translation>Monitoring-Datenbank sichern</translation>
    </message>
    <message>
      <location filename="../../processing/store_backup.py" />
      <source>Snapshot (new GeoPackage file)</source>
      <translation>Sicherung (neue GeoPackage-Datei)</translation>
    </message>
    <message>
      <location filename="../../processing/store_backup.py" />
      <source>Checksum of the snapshot's content (SHA-256)</source>
      <translation>Prüfsumme des Inhalts der Sicherung (SHA-256)</translation>
    </message>
    <message>
      <location filename="../../processing/store_backup.py" />
      <source>Values in the snapshot</source>
      <translation>Werte in der Sicherung</translation>
    </message>
    <message>
      <location filename="../../processing/store_backup.py" />
      <source>Unit versions in the snapshot</source>
      <translation>Versionen von Raumeinheiten in der Sicherung</translation>
    </message>
    <message>
      <location filename="../../processing/store_backup.py" />
      <source>Snapshot written: {n} values, {u} unit versions, {f} facility versions; checksum {sha}.</source>
      <translation>Sicherung geschrieben: {n} Werte, {u} Versionen von Raumeinheiten, {f} Versionen von Einrichtungen; Prüfsumme {sha}.</translation>
    </message>
  </context>
  <context>
    <name>StoreCarry</name>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Carry values to new space boundaries</source>
      <translation>Werte auf neue Raumgrenzen übertragen</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>A date on which the OLD boundaries were valid (e.g. 2023-12-31)</source>
      <translation>Ein Datum, an dem die ALTEN Grenzen galten (z. B. 2023-12-31)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>A date on which the NEW boundaries are valid (e.g. 2024-01-01)</source>
      <translation>Ein Datum, an dem die NEUEN Grenzen gelten (z. B. 2024-01-01)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Weight of the blocks (a count, e.g. Einwohner)</source>
      <translation>Gewicht der Blöcke (eine Anzahl, z. B. Einwohner)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Reference dates or years to carry, comma separated (empty = all)</source>
      <translation>Zu übertragende Stichtage oder Jahre, durch Komma getrennt (leer = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>written or unchanged</source>
      <translation>geschrieben oder unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Import id in the import log</source>
      <translation>Import-ID im Importprotokoll</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Values added</source>
      <translation>Werte hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Values changed</source>
      <translation>Werte geändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_carry.py" />
      <source>Spaces with unchanged boundaries (kept as they were): {}</source>
      <translation>Räume mit unveränderten Grenzen (bleiben wie sie sind): {}</translation>
    </message>
  </context>
  <context>
    <name>StoreFacilities</name>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Register facilities in the monitoring store</source>
      <translation>Einrichtungen in der Monitoring-Datenbank führen</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facilities (points or polygons)</source>
      <translation>Einrichtungen (Punkte oder Flächen)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facility key field (kept over the years)</source>
      <translation>Schlüsselfeld der Einrichtung (bleibt über die Jahre gleich)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facility type field</source>
      <translation>Feld des Einrichtungstyps</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Name field</source>
      <translation>Namensfeld</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Capacity field (places, staff, hours)</source>
      <translation>Kapazitätsfeld (Plätze, Personal, Stunden)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Opening date field</source>
      <translation>Feld des Eröffnungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Closing date field</source>
      <translation>Feld des Schließungsdatums</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Register valid from (date or year; empty = valid since always)</source>
      <translation>Verzeichnis gültig ab (Datum oder Jahr; leer = seit jeher gültig)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Complete register: end facilities missing from it</source>
      <translation>Vollständiges Verzeichnis: fehlende Einrichtungen beenden</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facility types file (empty = shipped default)</source>
      <translation>Datei der Einrichtungstypen (leer = mitgelieferte Vorgabe)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Years of the table of open facilities (open on 31 December; e.g. 2023, 2024, 2025)</source>
      <translation>Jahre der Tabelle geöffneter Einrichtungen (geöffnet am 31. Dezember; z. B. 2023, 2024, 2025)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Open facilities per unit and year (from the store)</source>
      <translation>Geöffnete Einrichtungen je Einheit und Jahr (aus der Datenbank)</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facilities added</source>
      <translation>Einrichtungen hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facilities with a new version</source>
      <translation>Einrichtungen mit neuer Fassung</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facilities unchanged</source>
      <translation>Einrichtungen unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facilities no longer in the register</source>
      <translation>Einrichtungen nicht mehr im Verzeichnis</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>The table of open facilities needs the years (e.g. 2023, 2024, 2025).</source>
      <translation>Die Tabelle geöffneter Einrichtungen braucht die Jahre (z. B. 2023, 2024, 2025).</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>No facility has a geometry.</source>
      <translation>Keine Einrichtung hat eine Geometrie.</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Feature {} has no key in field '{}'.</source>
      <translation>Objekt {} hat keinen Schlüssel im Feld „{}“.</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facility key '{k}' occurs more than once in field '{f}' (features {a} and {b}). Every facility needs its own key; nothing was written.</source>
      <translation>Der Einrichtungsschlüssel „{k}“ kommt im Feld „{f}“ mehrfach vor (Objekte {a} und {b}). Jede Einrichtung braucht einen eigenen Schlüssel; nichts wurde geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>Facilities: {a} added, {c} new versions, {u} unchanged, {e} no longer in the register.</source>
      <translation>Einrichtungen: {a} hinzugefügt, {c} neue Fassungen, {u} unverändert, {e} nicht mehr im Verzeichnis.</translation>
    </message>
    <message>
      <location filename="../../processing/store_facilities.py" />
      <source>{y}: {n} open facilities lie outside every unit of the level '{lv}'.</source>
      <translation>{y}: {n} geöffnete Einrichtungen liegen außerhalb jeder Einheit der Ebene „{lv}“.</translation>
    </message>
  </context>
  <context>
    <name>StoreRead</name>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Read indicators from the monitoring store</source>
      <translation>Indikatoren aus der Monitoring-Datenbank lesen</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>What to read</source>
      <translation>Was gelesen wird</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>time slice: all values at one reference date</source>
      <translation>Zeitschnitt: alle Werte zu einem Stichtag</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>time series: all dates (or from/to) per unit</source>
      <translation>Zeitreihe: alle Stichtage (oder von/bis) je Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Reference date or year (series: date of the boundaries)</source>
      <translation>Stichtag oder Jahr (Zeitreihe: Datum der Grenzen)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Series from (date or year)</source>
      <translation>Zeitreihe von (Datum oder Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Series to (date or year)</source>
      <translation>Zeitreihe bis (Datum oder Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Indicators (none ticked = all)</source>
      <translation>Indikatoren (keiner angehakt = alle)</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Layout</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>wide: one row per unit</source>
      <translation>breit: eine Zeile je Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>long: one row per unit, indicator and date</source>
      <translation>lang: eine Zeile je Raumeinheit, Indikator und Stichtag</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Indicators from the monitoring database</source>
      <translation>Indikatoren aus der Monitoring-Datenbank</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Values read</source>
      <translation>Gelesene Werte</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Units</source>
      <translation>Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Give the reference date (or year) of the time slice.</source>
      <translation>Geben Sie den Stichtag (oder das Jahr) des Zeitschnitts an.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>any indicator</source>
      <translation>irgendeines Indikators</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>The store has no values of {of} at level '{lv}' on {d}. Dates with values: {ds}.</source>
      <translation>Der Speicher enthält keine Werte von {of} auf der Ebene „{lv}“ zum {d}. Stichtage mit Werten: {ds}.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>The store has no values of level '{}' in that period on these boundaries.</source>
      <translation>Die Monitoring-Datenbank enthält keine Werte der Ebene „{}“ in diesem Zeitraum auf diesen Grenzen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>{n} values of {u} units read.</source>
      <translation>{n} Werte von {u} Raumeinheiten gelesen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>Indicator id(s) {ids} are not in the store's catalogue '{cat}'. Check the spelling; similar ids: {close}.</source>
      <translation>Die Indikator-Kennung(en) {ids} stehen nicht im Katalog „{cat}“ des Speichers. Prüfen Sie die Schreibweise; ähnliche Kennungen: {close}.</translation>
    </message>
    <message>
      <location filename="../../processing/store_read.py" />
      <source>The store holds no values of {ids} (at any date or level).</source>
      <translation>Der Speicher enthält keine Werte von {ids} (zu keinem Stichtag, auf keiner Ebene).</translation>
    </message>
  </context>
  <context>
    <name>StoreRestore</name>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>Restore the monitoring store from a snapshot</source>
      <translation>Monitoring-Datenbank aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>Snapshot (GeoPackage written by 'Back up the monitoring store')</source>
      <translation>Sicherung (GeoPackage, geschrieben von „Monitoring-Datenbank sichern“)</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>The store holds data: replace all of it by the snapshot</source>
      <translation>Die Datenbank enthält Daten: alle durch die Sicherung ersetzen</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>Values restored</source>
      <translation>Wiederhergestellte Werte</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>Unit versions restored</source>
      <translation>Wiederhergestellte Versionen von Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>Schema version of the snapshot</source>
      <translation>Schemaversion der Sicherung</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>The snapshot '{}' does not exist. Choose the file written by 'Back up the monitoring store'.</source>
      <translation>Die Sicherung „{}“ existiert nicht. Wählen Sie die Datei, die „Monitoring-Datenbank sichern“ geschrieben hat.</translation>
    </message>
    <message>
      <location filename="../../processing/store_restore.py" />
      <source>Restored: {n} values, {u} unit versions (snapshot of schema version {v}).</source>
      <translation>Wiederhergestellt: {n} Werte, {u} Versionen von Raumeinheiten (Sicherung der Schemaversion {v}).</translation>
    </message>
  </context>
  <context>
    <name>StoreRoles</name>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Set up roles of a shared database (PostgreSQL)</source>
      <translation>Rollen einer gemeinsamen Datenbank einrichten (PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Disclosure threshold (smaller counts are never published)</source>
      <translation>Geheimhaltungsschwelle (kleinere Fallzahlen werden nie veröffentlicht)</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Set the roles up in the database now (else only the script)</source>
      <translation>Rollen jetzt in der Datenbank einrichten (sonst nur das Skript)</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Prefix of the role names (empty = the schema name)</source>
      <translation>Präfix der Rollennamen (leer = Name des Schemas)</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>SQL script of the setup</source>
      <translation>SQL-Skript der Einrichtung</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Roles (comma separated)</source>
      <translation>Rollen (durch Kommas getrennt)</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Municipality roles</source>
      <translation>Gemeinderollen</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Nothing to do: set the roles up now, or give a file for the SQL script (or both).</source>
      <translation>Nichts zu tun: Richten Sie die Rollen jetzt ein oder geben Sie eine Datei für das SQL-Skript an (oder beides).</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>The store has no unit with a municipality key yet: only the county, publication and administrator roles are set up. Register the municipalities (storeunits, level municipalities) and run this again.</source>
      <translation>Der Speicher hat noch keine Raumeinheit mit Gemeindeschlüssel: eingerichtet werden nur die Rollen für Kreis, Veröffentlichung und Administration. Registrieren Sie die Gemeinden (storeunits, Ebene Gemeinden) und führen Sie dies erneut aus.</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>{n} roles {what}: {roles}.</source>
      <translation>{n} Rollen {what}: {roles}.</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>set up</source>
      <translation>eingerichtet</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>in the script</source>
      <translation>im Skript</translation>
    </message>
    <message>
      <location filename="../../processing/store_roles.py" />
      <source>Logins are not created here (no password is written anywhere). Create them in psql, e.g. CREATE ROLE meier LOGIN IN ROLE {county}; then \password meier.</source>
      <translation>Anmeldungen werden hier nicht angelegt (nirgends wird ein Passwort geschrieben). Legen Sie sie in psql an, z. B. CREATE ROLE meier LOGIN IN ROLE {county}; dann \password meier.</translation>
    </message>
  </context>
  <context>
    <name>StoreTargets</name>
    <message>
      <location filename="../../processing/store_targets.py" />
      <source>Import targets into the monitoring store</source>
      <translation>Ziele in die Monitoring-Datenbank übernehmen</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" />
      <source>Targets table (CSV or table layer)</source>
      <translation>Zieltabelle (CSV oder Tabellenlayer)</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" />
      <source>Indicator catalogue (empty = the store's catalogue)</source>
      <translation>Indikatorenkatalog (leer = Katalog der Monitoring-Datenbank)</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" />
      <source>Targets written</source>
      <translation>Geschriebene Ziele</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" />
      <source>The targets table has no rows.</source>
      <translation>Die Zieltabelle hat keine Zeilen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_targets.py" />
      <source>{} targets written.</source>
      <translation>{} Ziele geschrieben.</translation>
    </message>
  </context>
  <context>
    <name>StoreUnits</name>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Register spatial units in the monitoring store</source>
      <translation>Raumeinheiten in der Monitoring-Datenbank registrieren</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Polygon layer of the units</source>
      <translation>Polygonlayer der Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Unit name field</source>
      <translation>Namensfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Key of the parent unit (e.g. the social space of a block)</source>
      <translation>Schlüssel der übergeordneten Einheit (z. B. der Sozialraum eines Blocks)</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Level of the parent unit</source>
      <translation>Ebene der übergeordneten Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Valid from (date or year; empty = valid since always)</source>
      <translation>Gültig ab (Datum oder Jahr; leer = seit jeher gültig)</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>The layer is complete: close units of the level missing from it</source>
      <translation>Der Layer ist vollständig: fehlende Einheiten der Ebene schließen</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Units added</source>
      <translation>Raumeinheiten hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Units with a new geometry version</source>
      <translation>Raumeinheiten mit neuer Geometrieversion</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Units unchanged</source>
      <translation>Raumeinheiten unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Units closed</source>
      <translation>Raumeinheiten geschlossen</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>New assignments to parent units</source>
      <translation>Neue Zuordnungen zu übergeordneten Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Feature {} has no key in field '{}'.</source>
      <translation>Objekt {} hat keinen Schlüssel im Feld „{}“.</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Unit key '{k}' occurs more than once in field '{f}' (features {a} and {b}). Every unit needs its own key; nothing was written.</source>
      <translation>Der Schlüssel „{k}“ kommt im Feld „{f}“ mehrfach vor (Objekte {a} und {b}). Jede Raumeinheit braucht einen eigenen Schlüssel; es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Unit '{}' has no geometry.</source>
      <translation>Raumeinheit „{}“ hat keine Geometrie.</translation>
    </message>
    <message>
      <location filename="../../processing/store_units.py" />
      <source>Level {lv}: {a} added, {c} new geometry versions, {u} unchanged, {x} closed, {s} new assignments.</source>
      <translation>Ebene {lv}: {a} hinzugefügt, {c} neue Geometrieversionen, {u} unverändert, {x} geschlossen, {s} neue Zuordnungen.</translation>
    </message>
  </context>
  <context>
    <name>StoreWrite</name>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Write indicators into the monitoring store</source>
      <translation>Indikatoren in die Monitoring-Datenbank schreiben</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Aggregated indicator layer or table (wide or long layout)</source>
      <translation>Aggregierter Indikatorenlayer oder Tabelle (breites oder langes Format)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Unit key field</source>
      <translation>Schlüsselfeld der Raumeinheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Unit name field</source>
      <translation>Namensfeld der Einheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Year or date field (long layout; empty = year)</source>
      <translation>Jahres- oder Datumsfeld (langes Format; leer = year)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Reference date or year of a table without years</source>
      <translation>Stichtag oder Jahr einer Tabelle ohne Jahre</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Catalogue the values were computed with (empty = default)</source>
      <translation>Katalog, mit dem die Werte berechnet wurden (leer = Standard)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Indicators to write (none ticked = all found)</source>
      <translation>Zu schreibende Indikatoren (keiner angehakt = alle gefundenen)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Spatial units</source>
      <translation>Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>register the layer's geometries on the first write of the level; afterwards the keys must be in the store</source>
      <translation>Geometrien des Layers beim ersten Schreiben der Ebene registrieren; danach müssen die Schlüssel in der Monitoring-Datenbank stehen</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>register new units and changed geometries (valid from the date below)</source>
      <translation>neue Einheiten und geänderte Geometrien registrieren (gültig ab dem Datum unten)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>never register: the keys must be in the store</source>
      <translation>nie registrieren: die Schlüssel müssen in der Monitoring-Datenbank stehen</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>New geometries valid from (date or year)</source>
      <translation>Neue Geometrien gültig ab (Datum oder Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Key of the parent unit (e.g. the social space of a block)</source>
      <translation>Schlüssel der übergeordneten Einheit (z. B. der Sozialraum eines Blocks)</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Level of the parent unit</source>
      <translation>Ebene der übergeordneten Einheit</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Import id in the import log</source>
      <translation>Import-ID im Importprotokoll</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>written or unchanged</source>
      <translation>geschrieben oder unverändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Summary</source>
      <translation>Zusammenfassung</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Values in the layer</source>
      <translation>Werte im Layer</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Values added</source>
      <translation>Werte hinzugefügt</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Values changed</source>
      <translation>Werte geändert</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Values already in the store</source>
      <translation>Werte bereits in der Monitoring-Datenbank</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Units registered</source>
      <translation>Registrierte Raumeinheiten</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Units with a new geometry</source>
      <translation>Raumeinheiten mit neuer Geometrie</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Indicator(s) {} are not in the catalogue '{}'.</source>
      <translation>Indikator(en) {} stehen nicht im Katalog „{}“.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>{} feature(s) have no value in the key field '{}'. Every unit needs a key.</source>
      <translation>{} Objekt(e) haben keinen Wert im Schlüsselfeld „{}“. Jede Raumeinheit braucht einen Schlüssel.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>The layer's indicator fields are all empty: nothing to write. Check that the layer is the output of 'Aggregate indicators' (or has fields named like the catalogue's indicators).</source>
      <translation>Die Indikatorfelder des Layers sind alle leer: nichts zu schreiben. Prüfen Sie, ob der Layer die Ausgabe von „Indikatoren aggregieren“ ist (oder Felder mit den Kennungen der Katalog-Indikatoren hat).</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>{n} values of {v} indicator(s) at {d} date(s) read from the layer.</source>
      <translation>{n} Werte von {v} Indikator(en) zu {d} Stichtag(en) aus dem Layer gelesen.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>The store has no units of level '{}' yet and the input has no polygons to register. Write a polygon layer first (e.g. the output of 'Aggregate indicators').</source>
      <translation>Die Monitoring-Datenbank hat noch keine Raumeinheiten der Ebene „{}“, und die Eingabe hat keine Polygone zum Registrieren. Schreiben Sie zuerst einen Polygonlayer (z. B. das Ergebnis von „Indikatoren aggregieren“).</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Units of level {lv}: {a} added, {c} with a new geometry, {u} unchanged.</source>
      <translation>Raumeinheiten der Ebene {lv}: {a} hinzugefügt, {c} mit neuer Geometrie, {u} unverändert.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Canceled: nothing was written.</source>
      <translation>Abgebrochen: nichts wurde geschrieben.</translation>
    </message>
    <message>
      <location filename="../../processing/store_write.py" />
      <source>Unit '{}' has no geometry; every unit needs a polygon.</source>
      <translation>Raumeinheit „{}“ hat keine Geometrie; jede Raumeinheit braucht ein Polygon.</translation>
    </message>
  </context>
  <context>
    <name>StrengthsWeaknesses</name>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Strengths and weaknesses per social space</source>
      <translation>Stärken und Schwächen je Sozialraum</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Social spaces with indicators per year</source>
      <translation>Sozialräume mit Indikatoren je Jahr</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Key field (empty = 'key')</source>
      <translation>Schlüsselfeld (leer = „key“)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Name field (empty = 'name' if the layer has it)</source>
      <translation>Namensfeld (leer = „name“, falls vorhanden)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Indicator fields (empty = every rate, latest year)</source>
      <translation>Indikatorfelder (leer = alle Quoten, letztes Jahr)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Trend since the year (empty = the first year of each indicator)</source>
      <translation>Entwicklung seit dem Jahr (leer = das erste Jahr jeder Kennzahl)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation>Indikatorenkatalog (leer = Standardkatalog)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Notable beyond k standard deviations (0 = not used)</source>
      <translation>Auffällig ab k Standardabweichungen (0 = nicht verwendet)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>… or below this percentile (0 = not used)</source>
      <translation>… oder unter diesem Perzentil (0 = nicht verwendet)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>… or above this percentile (100 = not used)</source>
      <translation>… oder über diesem Perzentil (100 = nicht verwendet)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Smallest denominator judged (on top of the catalogue's limit)</source>
      <translation>Kleinste beurteilte Bezugsgröße (zusätzlich zur Grenze des Katalogs)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Error level of the chance check (0 = no check)</source>
      <translation>Irrtumswahrscheinlichkeit der Zufallsprüfung (0 = keine Prüfung)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Judge incomplete sums (lower bounds) too</source>
      <translation>Auch unvollständige Summen (Untergrenzen) beurteilen</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Strengths and weaknesses (one row per space and indicator)</source>
      <translation>Stärken und Schwächen (eine Zeile je Sozialraum und Kennzahl)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Strengths and weaknesses per space (texts)</source>
      <translation>Stärken und Schwächen je Sozialraum (Texte)</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Strengths</source>
      <translation>Stärken</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Weaknesses</source>
      <translation>Schwächen</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Cells not judged</source>
      <translation>Nicht beurteilte Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>The rule in words</source>
      <translation>Die Regel in Worten</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Layer '{}' has no indicator fields named '&lt;id&gt;_&lt;year&gt;' of the catalogue (e.g. kinderarmut_sgb2_u15_2025). Use the output of 'Aggregate indicators'.</source>
      <translation>Der Layer „{}“ hat keine Indikatorfelder „&lt;id&gt;_&lt;jahr&gt;“ des Katalogs (z. B. kinderarmut_sgb2_u15_2025). Verwenden Sie das Ergebnis von „Indikatoren aggregieren“.</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>{s} strengths and {w} weaknesses in {n} spaces and {i} indicators; {nj} cells not judged.</source>
      <translation>{s} Stärken und {w} Schwächen in {n} Sozialräumen und {i} Kennzahlen; {nj} Zellen nicht beurteilt.</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Field '{}' is not an indicator field '&lt;id&gt;_&lt;year&gt;' of the catalogue. Choose fields written by 'Aggregate indicators' (e.g. kinderarmut_sgb2_u15_2025).</source>
      <translation>Das Feld „{}“ ist kein Indikatorfeld „&lt;id&gt;_&lt;jahr&gt;“ des Katalogs. Wählen Sie Felder aus „Indikatoren aggregieren“ (z. B. kinderarmut_sgb2_u15_2025).</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Layer '{layer}' has no field of the chosen indicators for the base year {year} ('&lt;id&gt;_{year}'); its years are {years}. Choose one of them or leave the base year empty.</source>
      <translation>Layer „{layer}“ hat für das Basisjahr {year} kein Feld der gewählten Indikatoren („&lt;id&gt;_{year}“); seine Jahre sind {years}. Wählen Sie eines davon oder lassen Sie das Basisjahr leer.</translation>
    </message>
    <message>
      <location filename="../../processing/strengths_weaknesses.py" />
      <source>Some features have no key in field '{}'. Give every social space a key.</source>
      <translation>Einige Objekte haben keinen Schlüssel im Feld „{}“. Geben Sie jedem Sozialraum einen Schlüssel.</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>No values</source>
      <translation>Keine Werte</translation>
    </message>
    <message>
      <location filename="../../ui/profile_dock.py" />
      <source>Choose a social space</source>
      <translation>Sozialraum wählen</translation>
    </message>
  </context>
  <context>
    <name>ZensusGrid</name>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Import Zensus grid tables into areas</source>
      <translation>Zensus-Gittertabellen in Gebiete übernehmen</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Zensus grid tables (CSV as published, one resolution)</source>
      <translation>Zensus-Gittertabellen (CSV wie veröffentlicht, eine Auflösung)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Cells as</source>
      <translation>Zellen als</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>cell centres (points)</source>
      <translation>Zellmittelpunkte (Punkte)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>cells (squares)</source>
      <translation>Zellen (Quadrate)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Areas to count the cells into (social spaces, municipalities)</source>
      <translation>Gebiete, in die die Zellen gezählt werden (Sozialräume, Gemeinden)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Key field of the areas</source>
      <translation>Schlüsselfeld der Gebiete</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Name field of the areas</source>
      <translation>Namensfeld der Gebiete</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Counting</source>
      <translation>Zählung</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>cell centre in the area</source>
      <translation>Zellmittelpunkt im Gebiet</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>area-weighted (share of the cell's area)</source>
      <translation>flächengewichtet (Anteil der Zellfläche)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Write only the cells in the areas (when areas are given)</source>
      <translation>Nur die Zellen in den Gebieten schreiben (wenn Gebiete angegeben sind)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Year of the fields (census reference date 15 May 2022)</source>
      <translation>Jahr der Felder (Zensusstichtag 15. Mai 2022)</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Grid cells</source>
      <translation>Gitterzellen</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Areas with the counted cells</source>
      <translation>Gebiete mit den gezählten Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Cells read</source>
      <translation>Gelesene Zellen</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Cells in the areas</source>
      <translation>Zellen in den Gebieten</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Choose at least one Zensus grid table.</source>
      <translation>Wählen Sie mindestens eine Zensus-Gittertabelle.</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Choose an output: the grid cells, the areas, or both.</source>
      <translation>Wählen Sie eine Ausgabe: die Gitterzellen, die Gebiete oder beides.</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Reading the grid tables</source>
      <translation>Gittertabellen lesen</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>areas</source>
      <translation>Gebiete</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Choose the key field of the areas.</source>
      <translation>Wählen Sie das Schlüsselfeld der Gebiete.</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>Counting into areas needs the areas layer.</source>
      <translation>Das Zählen in Gebiete braucht den Gebietslayer.</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>{p}: {n} cells of {r} m, variables {v}</source>
      <translation>{p}: {n} Zellen von {r} m, Variablen {v}</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>{p} has cells of {a} m, the first table {b} m. Give tables of one resolution.</source>
      <translation>{p} hat Zellen von {a} m, die erste Tabelle {b} m. Geben Sie Tabellen einer Auflösung an.</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>The key field '{f}' has the value '{k}' twice. Each area needs its own key.</source>
      <translation>Das Schlüsselfeld „{f}“ hat den Wert „{k}“ zweimal. Jedes Gebiet braucht einen eigenen Schlüssel.</translation>
    </message>
    <message>
      <location filename="../../processing/zensus_grid.py" />
      <source>The areas layer has no area with a key and a geometry.</source>
      <translation>Der Gebietslayer enthält kein Gebiet mit Schlüssel und Geometrie.</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>table</source>
      <translation>Tabelle</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>The status frame of the {what} does not match its values (keys or columns differ).</source>
      <translation>Die Statustabelle der {what} passt nicht zu ihren Werten (Schlüssel oder Spalten weichen ab).</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>The {what} has duplicate unit keys ({keys}). Each unit may appear only once per year; remove or merge the duplicate rows.</source>
      <translation>Die {what} enthält doppelte Schlüssel von Einheiten ({keys}). Jede Einheit darf je Jahr nur einmal vorkommen; entfernen oder vereinen Sie die doppelten Zeilen.</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>The assignment lists units more than once ({keys}); each unit may belong to one target only.</source>
      <translation>Die Zuordnung nennt Einheiten mehrfach ({keys}); jede Einheit darf nur zu einem Zielgebiet gehören.</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>base indicator {id}</source>
      <translation>Basisindikator {id}</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>An indicator uses the unit area (area_km2) but no areas were supplied.</source>
      <translation>Ein Indikator verwendet die Fläche der Einheit (area_km2), es wurden aber keine Flächen übergeben.</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>Count variable '{var}' is not in the table. Deliver it or choose another indicator.</source>
      <translation>Die Zählvariable „{var}“ fehlt in der Tabelle. Liefern Sie sie nach oder wählen Sie einen anderen Indikator.</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>Changes need both years {year_from} and {year_to}; the tables have {years}.</source>
      <translation>Veränderungen brauchen beide Jahre {year_from} und {year_to}; die Tabellen enthalten {years}.</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>No statistics table was given. Add at least one table (one year).</source>
      <translation>Es wurde keine Statistiktabelle angegeben. Fügen Sie mindestens eine Tabelle (ein Jahr) hinzu.</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>None of the chosen indicators can be computed from the delivered variables ({lacking}).</source>
      <translation>Keiner der gewählten Indikatoren lässt sich aus den gelieferten Variablen berechnen ({lacking}).</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>{indicator}: lacks {variables}</source>
      <translation>{indicator}: es fehlt {variables}</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>table of {year}</source>
      <translation>Tabelle für {year}</translation>
    </message>
    <message>
      <location filename="../../core/aggregate.py" />
      <source>Disclosure control needs levels that nest: some units of '{level}' lie in more than one unit of '{above}', so published totals could be subtracted across them. Publish non-nesting levels (e.g. a target layer such as school districts) in a separate run, or correct the assignment.</source>
      <translation>Die Geheimhaltung braucht Ebenen, die ineinander aufgehen: Einige Einheiten von „{level}“ liegen in mehr als einer Einheit von „{above}“, sodass sich veröffentlichte Summen gegeneinander verrechnen ließen. Veröffentlichen Sie nicht ineinander aufgehende Ebenen (z. B. einen Ziel-Layer wie Schulbezirke) in einem eigenen Lauf oder korrigieren Sie die Zuordnung.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The indicator '{id}' is disabled in the catalogue ({origin}). Enable it there to use it.</source>
      <translation>Der Indikator „{id}“ ist im Katalog abgeschaltet ({origin}). Schalten Sie ihn dort ein, um ihn zu verwenden.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The indicator '{id}' is not in the catalogue; did you mean {close}? Add it to your county catalogue file to use it.</source>
      <translation>Der Indikator „{id}“ steht nicht im Katalog; meinten Sie {close}? Ergänzen Sie ihn in der Katalogdatei Ihres Kreises, um ihn zu verwenden.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The indicator '{id}' is not in the catalogue. Add it to your county catalogue file to use it.</source>
      <translation>Der Indikator „{id}“ steht nicht im Katalog. Ergänzen Sie ihn in der Katalogdatei Ihres Kreises, um ihn zu verwenden.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The count variable '{id}' is not in the catalogue; did you mean {close}?</source>
      <translation>Die Zählvariable „{id}“ steht nicht im Katalog; meinten Sie {close}?</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The count variable '{id}' is not in the catalogue.</source>
      <translation>Die Zählvariable „{id}“ steht nicht im Katalog.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the file is not UTF-8 text (byte {code}); save it as UTF-8 (a text editor's 'Save as' offers it)</source>
      <translation>Die Datei ist kein UTF-8-Text (Byte {code}); speichern Sie sie als UTF-8 (ein Texteditor bietet es unter „Speichern unter“ an)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the file holds the control character {code}: it is no text file, or binary data slipped into it; choose the YAML file or remove the character</source>
      <translation>Die Datei enthält das Steuerzeichen {code}: Sie ist keine Textdatei, oder Binärdaten sind hineingeraten; wählen Sie die YAML-Datei oder entfernen Sie das Zeichen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a tab character; YAML indents with spaces only: replace the tab by spaces</source>
      <translation>ein Tabulator; YAML rückt nur mit Leerzeichen ein: Ersetzen Sie den Tabulator durch Leerzeichen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a value starts with the character {char}, which YAML reserves: put the value in quotes ("{char}...")</source>
      <translation>Ein Wert beginnt mit dem Zeichen {char}, das YAML für sich reserviert: Setzen Sie den Wert in Anführungszeichen ("{char}...")</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a colon at the wrong place: put a value that contains ': ' in quotes, or indent the line like the entries of its level</source>
      <translation>ein Doppelpunkt an falscher Stelle: Setzen Sie einen Wert, der „: “ enthält, in Anführungszeichen, oder rücken Sie die Zeile wie die Einträge ihrer Ebene ein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a line without 'key: value' (a ':' is missing, or a value continues on a line of its own): add the ':' or join the line to the one above</source>
      <translation>eine Zeile ohne „Schlüssel: Wert“ (ein „:“ fehlt, oder ein Wert geht in einer eigenen Zeile weiter): Ergänzen Sie den „:“ oder hängen Sie die Zeile an die vorige an</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a value starts with '*', which YAML reads as a reference (alias): put the value in quotes</source>
      <translation>Ein Wert beginnt mit „*“, was YAML als Verweis (Alias) liest: Setzen Sie den Wert in Anführungszeichen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>two values start with the same '&amp;' name, which YAML reads as an anchor: put them in quotes</source>
      <translation>Zwei Werte beginnen mit demselben „&amp;“-Namen, was YAML als Anker liest: Setzen Sie sie in Anführungszeichen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a value starts with '!', which YAML reads as a type tag: put the value in quotes</source>
      <translation>Ein Wert beginnt mit „!“, was YAML als Typangabe liest: Setzen Sie den Wert in Anführungszeichen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the list opened with '[' in line {opened} is not closed with ']' (or a comma is missing between its entries)</source>
      <translation>Die in Zeile {opened} mit „[“ geöffnete Liste wird nicht mit „]“ geschlossen (oder zwischen ihren Einträgen fehlt ein Komma)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the entry opened with '{{' in line {opened} is not closed with '}}' (or a comma is missing between its entries)</source>
      <translation>Der in Zeile {opened} mit „{{“ geöffnete Eintrag wird nicht mit „}}“ geschlossen (oder zwischen seinen Teilen fehlt ein Komma)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a list in [ ] or an entry in { } ends without a value: close it or remove the last comma</source>
      <translation>Eine Liste in [ ] oder ein Eintrag in { } endet ohne Wert: Schließen Sie sie oder entfernen Sie das letzte Komma</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the indentation does not fit the lines above: entries of the same level need the same number of spaces, and a list entry ('- ') cannot follow 'key: value' on the same level</source>
      <translation>Die Einrückung passt nicht zu den Zeilen darüber: Einträge derselben Ebene brauchen gleich viele Leerzeichen, und ein Listeneintrag („- “) kann auf derselben Ebene nicht auf „Schlüssel: Wert“ folgen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the quote opened here is never closed: close it or remove it</source>
      <translation>Das hier geöffnete Anführungszeichen wird nie geschlossen: Schließen oder entfernen Sie es</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>a backslash in double quotes: use single quotes around the value or write \\ for \</source>
      <translation>ein Backslash in doppelten Anführungszeichen: Setzen Sie den Wert in einfache Anführungszeichen oder schreiben Sie \\ für \</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the file holds more than one document (a line '---' after the first): remove that line</source>
      <translation>Die Datei enthält mehr als ein Dokument (eine Zeile „---“ nach der ersten): Entfernen Sie diese Zeile</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>the YAML reader reports: {problem}</source>
      <translation>Der YAML-Leser meldet (auf Englisch): {problem}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>, line {line}, column {column}</source>
      <translation>, Zeile {line}, Spalte {column}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>Catalogue file not found: {path}.</source>
      <translation>Katalogdatei nicht gefunden: {path}.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>Catalogue file '{name}'{where}: the YAML cannot be read: {problem}.</source>
      <translation>Katalogdatei „{name}“{where}: Das YAML ist nicht lesbar: {problem}.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>Catalogue file '{name}': the file must contain sections such as 'indicators:' and 'variables:' at the top level.</source>
      <translation>Katalogdatei „{name}“: Die Datei muss auf oberster Ebene Abschnitte wie „indicators:“ und „variables:“ enthalten.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>unknown section '{section}'{suggestion}; allowed: {allowed}</source>
      <translation>unbekannter Abschnitt „{section}“{suggestion}; erlaubt: {allowed}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'topics': the topics are the eight fixed fields of the Sozialmonitoring ({topics}); leave the section out</source>
      <translation>Abschnitt „topics“: Die Themenfelder sind die acht festen Felder des Sozialmonitorings ({topics}); lassen Sie den Abschnitt weg</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'catalogue' must have the fields name and version</source>
      <translation>Abschnitt „catalogue“ braucht die Felder name und version</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'action_fields' must map ids to labels, e.g. 'armut: Armut und soziale Lage'</source>
      <translation>Abschnitt „action_fields“ muss IDs Bezeichnungen zuordnen, z. B. „armut: Armut und soziale Lage“</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>action field id '{id}': use lower case letters, digits and _ only</source>
      <translation>ID des Handlungsfelds „{id}“: Verwenden Sie nur Kleinbuchstaben, Ziffern und _</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'variables' must be a list of entries starting with '- id: ...'</source>
      <translation>Abschnitt „variables“ muss eine Liste von Einträgen sein, die mit „- id: ...“ beginnen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>variables entry {n}: each entry needs 'id:' (and 'name:')</source>
      <translation>Eintrag {n} von „variables“: Jeder Eintrag braucht „id:“ (und „name:“)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>variable '{id}'</source>
      <translation>Variable „{id}“</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}: the id occurs twice in this file (entries {first} and {n})</source>
      <translation>{where}: Die ID kommt in dieser Datei zweimal vor (Einträge {first} und {n})</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field '{field}': unknown field{suggestion}</source>
      <translation>{where}, Feld „{field}“: unbekanntes Feld{suggestion}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'aliases': must be a list of column headers</source>
      <translation>{where}, Feld „aliases“: muss eine Liste von Spaltenüberschriften sein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'name': a new variable needs a name</source>
      <translation>{where}, Feld „name“: Eine neue Variable braucht einen Namen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'indicators' must be a list of entries starting with '- id: ...'</source>
      <translation>Abschnitt „indicators“ muss eine Liste von Einträgen sein, die mit „- id: ...“ beginnen</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>indicators entry {n}: each entry needs 'id:'</source>
      <translation>Eintrag {n} von „indicators“: Jeder Eintrag braucht „id:“</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>indicator '{id}'</source>
      <translation>Indikator „{id}“</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}: the id occurs twice in this file (entries {first} and {n}); an id may be defined once per file</source>
      <translation>{where}: Die ID kommt in dieser Datei zweimal vor (Einträge {first} und {n}); eine ID darf je Datei nur einmal definiert werden</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field '{field}': must be a list, e.g. [ew_u15]</source>
      <translation>{where}, Feld „{field}“: muss eine Liste sein, z. B. [ew_u15]</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field '{field}': '{value}' is not a number</source>
      <translation>{where}, Feld „{field}“: „{value}“ ist keine Zahl</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field '{field}': '{value}' must be a whole number</source>
      <translation>{where}, Feld „{field}“: „{value}“ muss eine ganze Zahl sein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'enabled': write true or false</source>
      <translation>{where}, Feld „enabled“: Schreiben Sie true oder false</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}: a new indicator needs the field(s) {fields}</source>
      <translation>{where}: Ein neuer Indikator braucht das Feld bzw. die Felder {fields}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'disable' must be a list of indicator ids</source>
      <translation>Abschnitt „disable“ muss eine Liste von Indikator-IDs sein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>section 'disable': there is no indicator '{id}' to disable{suggestion}</source>
      <translation>Abschnitt „disable“: Es gibt keinen Indikator „{id}“ zum Abschalten{suggestion}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>Catalogue file '{name}' has {n} problem(s):</source>
      <translation>Die Katalogdatei „{name}“ hat {n} Problem(e):</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'id': use lower case letters, digits and _ only (e.g. ew_u15)</source>
      <translation>{where}, Feld „id“: Verwenden Sie nur Kleinbuchstaben, Ziffern und _ (z. B. ew_u15)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'id': '{area}' is reserved for the area of the spatial unit</source>
      <translation>{where}, Feld „id“: „{area}“ ist für die Fläche der Raumeinheit reserviert</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'aliases': the column header '{header}' is also an alias of '{owner}'; a header may belong to one variable only</source>
      <translation>{where}, Feld „aliases“: Die Spaltenüberschrift „{header}“ ist auch ein Alias von „{owner}“; eine Überschrift darf nur zu einer Variablen gehören</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'id': use lower case letters, digits and _ only (e.g. sgb2_quote)</source>
      <translation>{where}, Feld „id“: Verwenden Sie nur Kleinbuchstaben, Ziffern und _ (z. B. sgb2_quote)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'topic': unknown topic '{topic}'{suggestion}; use one of: {topics}</source>
      <translation>{where}, Feld „topic“: unbekanntes Themenfeld „{topic}“{suggestion}; verwenden Sie eines von: {topics}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'polarity': '{polarity}' is not allowed; use one of {allowed}</source>
      <translation>{where}, Feld „polarity“: „{polarity}“ ist nicht erlaubt; verwenden Sie eines von {allowed}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'kind': '{kind}' is not allowed; use status or dynamics</source>
      <translation>{where}, Feld „kind“: „{kind}“ ist nicht erlaubt; verwenden Sie status oder dynamics</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'multiplier': must be a number greater than 0 (e.g. 100 for %), not {value}</source>
      <translation>{where}, Feld „multiplier“: muss eine Zahl größer als 0 sein (z. B. 100 für %), nicht {value}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'unit': unknown unit '{unit}'{suggestion}; use one of: {units}</source>
      <translation>{where}, Feld „unit“: unbekannte Einheit „{unit}“{suggestion}; verwenden Sie eine von: {units}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'multiplier': the unit '{unit}' needs the multiplier {needed}, not {value}</source>
      <translation>{where}, Feld „multiplier“: Die Einheit „{unit}“ braucht den Faktor {needed}, nicht {value}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'min_denominator': must be 0 or a positive number</source>
      <translation>{where}, Feld „min_denominator“: muss 0 oder eine positive Zahl sein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'disclosure_threshold': must be a whole number of at least 1 (3 = suppress 1 and 2)</source>
      <translation>{where}, Feld „disclosure_threshold“: muss eine ganze Zahl von mindestens 1 sein (3 = 1 und 2 sperren)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'action_fields': unknown action field '{field}'; declare it in the section action_fields (known: {known})</source>
      <translation>{where}, Feld „action_fields“: unbekanntes Handlungsfeld „{field}“; legen Sie es im Abschnitt action_fields an (bekannt: {known})</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}: base_indicator/change are for kind: dynamics only</source>
      <translation>{where}: base_indicator/change gelten nur für kind: dynamics</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'numerator': at least one count variable is needed</source>
      <translation>{where}, Feld „numerator“: Mindestens eine Zählvariable ist nötig</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'numerator': '{area}' can only be a denominator</source>
      <translation>{where}, Feld „numerator“: „{area}“ kann nur ein Nenner sein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'denominator': '{area}' cannot be combined with other variables</source>
      <translation>{where}, Feld „denominator“: „{area}“ lässt sich nicht mit anderen Variablen kombinieren</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field '{field}': unknown variable '{variable}'{suggestion}; define it in the section variables</source>
      <translation>{where}, Feld „{field}“: unbekannte Variable „{variable}“{suggestion}; legen Sie sie im Abschnitt variables an</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'unit': 'absolute' is for indicators without a denominator</source>
      <translation>{where}, Feld „unit“: „absolute“ ist für Indikatoren ohne Nenner</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'denominator': an indicator without denominator is an absolute value; set unit: absolute (not '{unit}')</source>
      <translation>{where}, Feld „denominator“: Ein Indikator ohne Nenner ist ein absoluter Wert; setzen Sie unit: absolute (nicht „{unit}“)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'unit': an indicator per area has the unit 'EW/km²'</source>
      <translation>{where}, Feld „unit“: Ein Indikator je Fläche hat die Einheit „EW/km²“</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'change': '{change}' is not allowed; use one of {allowed}</source>
      <translation>{where}, Feld „change“: „{change}“ ist nicht erlaubt; verwenden Sie eines von {allowed}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'base_indicator': a dynamics indicator names the status indicator whose change it measures</source>
      <translation>{where}, Feld „base_indicator“: Ein Dynamikindikator nennt den Statusindikator, dessen Veränderung er misst</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'base_indicator': unknown indicator '{base}'{suggestion}</source>
      <translation>{where}, Feld „base_indicator“: unbekannter Indikator „{base}“{suggestion}</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'base_indicator': '{base}' is itself a dynamics indicator; name a status indicator</source>
      <translation>{where}, Feld „base_indicator“: „{base}“ ist selbst ein Dynamikindikator; nennen Sie einen Statusindikator</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'base_indicator': '{base}' is disabled; enable it or disable this indicator too</source>
      <translation>{where}, Feld „base_indicator“: „{base}“ ist abgeschaltet; schalten Sie ihn ein oder schalten Sie auch diesen Indikator ab</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}: a dynamics indicator takes numerator and denominator from its base_indicator; remove them</source>
      <translation>{where}: Ein Dynamikindikator übernimmt Zähler und Nenner von seinem base_indicator; entfernen Sie sie</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>{where}, field 'period_years': must be 0 (previous period) or more years</source>
      <translation>{where}, Feld „period_years“: muss 0 (Vorperiode) oder eine Zahl von Jahren sein</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The indicator catalogue has {n} problem(s):</source>
      <translation>Der Indikatorenkatalog hat {n} Problem(e):</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source> (did you mean '{name}'?)</source>
      <translation> (meinten Sie „{name}“?)</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>No catalogue file given.</source>
      <translation>Keine Katalogdatei angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/catalogue.py" />
      <source>The default catalogue is missing ({path}); reinstall the plugin.</source>
      <translation>Der mitgelieferte Katalog fehlt ({path}); installieren Sie das Plugin neu.</translation>
    </message>
    <message>
      <location filename="../../core/checks.py" />
      <source>column {letter} '{header}'</source>
      <translation>Spalte {letter} „{header}“</translation>
    </message>
    <message>
      <location filename="../../core/checks.py" />
      <source>variable '{variable}'</source>
      <translation>Variable „{variable}“</translation>
    </message>
    <message>
      <location filename="../../core/checks.py" />
      <source>key '{key}', {where}: {value}</source>
      <translation>Schlüssel „{key}“, {where}: {value}</translation>
    </message>
    <message>
      <location filename="../../core/checks.py" />
      <source>{source}: {n} cell(s) hold a negative count ({cells}). Counts cannot be negative: correct the table (0 for none, '-' for nothing, '.' for unknown).</source>
      <translation>{source}: {n} Zelle(n) enthalten eine negative Fallzahl ({cells}). Fallzahlen können nicht negativ sein: Korrigieren Sie die Tabelle (0 für keine, „-“ für nichts, „.“ für unbekannt).</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Standard-deviation classes need at least two values.</source>
      <translation>Klassen nach Standardabweichung brauchen mindestens zwei Werte.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Standard-deviation classes: all values are equal (SD 0); choose manual breaks.</source>
      <translation>Klassen nach Standardabweichung: Alle Werte sind gleich (Standardabweichung 0); wählen Sie manuelle Klassengrenzen.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Quantile classes: no values to classify.</source>
      <translation>Quantilklassen: Es gibt keine Werte zum Klassifizieren.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Quantile type {type} is not supported; use one of {types}.</source>
      <translation>Der Quantiltyp {type} wird nicht unterstützt; verwenden Sie einen von {types}.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Equal-interval classes: no values to classify.</source>
      <translation>Gleiche Intervalle: Es gibt keine Werte zum Klassifizieren.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Jenks classes: no values to classify.</source>
      <translation>Jenks-Klassen: Es gibt keine Werte zum Klassifizieren.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Class breaks must be ascending, got {breaks}.</source>
      <translation>Klassengrenzen müssen aufsteigen; angegeben: {breaks}.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Manual classes need break values (ascending, separated by ';').</source>
      <translation>Manuelle Klassen brauchen Klassengrenzen (aufsteigend, durch „;“ getrennt).</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Manual class breaks '{text}': not all are numbers (separate them with ';', decimals with '.' or ',').</source>
      <translation>Manuelle Klassengrenzen „{text}“: Nicht alle sind Zahlen (trennen Sie sie mit „;“, Dezimalstellen mit „.“ oder „,“).</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Unknown classification method {method!r}; use one of {methods}.</source>
      <translation>Unbekannte Klassifizierungsmethode {method!r}; verwenden Sie eine von {methods}.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Manual classification needs at least one break value.</source>
      <translation>Die manuelle Klassifizierung braucht mindestens eine Klassengrenze.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>Manual class breaks must be strictly ascending, got {breaks}.</source>
      <translation>Manuelle Klassengrenzen müssen streng aufsteigen; angegeben: {breaks}.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>The number of classes must be at least 2.</source>
      <translation>Die Zahl der Klassen muss mindestens 2 sein.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>{n} class break(s) coincide (tied values); {got} classes instead of {wanted}.</source>
      <translation>{n} Klassengrenze(n) fallen zusammen (gleiche Werte); {got} Klassen statt {wanted}.</translation>
    </message>
    <message>
      <location filename="../../core/classify.py" />
      <source>{n} class names given for {classes} classes.</source>
      <translation>{n} Klassennamen für {classes} Klassen angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/disclosure.py" />
      <source>Disclosure control needs levels that nest: unit '{unit}' of level {level} has base units in different units of the levels above. Correct the assignment, or publish the levels in separate runs.</source>
      <translation>Die Geheimhaltung braucht Ebenen, die ineinander aufgehen: Die Einheit „{unit}“ der Ebene {level} hat Basiseinheiten in verschiedenen Einheiten der darüberliegenden Ebenen. Korrigieren Sie die Zuordnung oder veröffentlichen Sie die Ebenen in getrennten Läufen.</translation>
    </message>
    <message>
      <location filename="../../core/disclosure.py" />
      <source>Disclosure check failed ({message}).</source>
      <translation>Die Prüfung der Geheimhaltung ist fehlgeschlagen ({message}).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>Facility type '{type}' has no travel-time threshold (threshold_min).</source>
      <translation>Der Einrichtungstyp „{type}“ hat keine Schwelle für die Fahrzeit (threshold_min).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>'{value}' (feature {features})</source>
      <translation>„{value}“ (Objekt {features})</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>The facility type field '{field}' has value(s) that are no facility type of {origin}: {shown}. Known types: {known}. Correct the values, add an alias to the facility types file, or choose the types to use.</source>
      <translation>Das Feld des Einrichtungstyps „{field}“ enthält Werte, die kein Einrichtungstyp von {origin} sind: {shown}. Bekannte Typen: {known}. Korrigieren Sie die Werte, ergänzen Sie einen Alias in der Datei der Einrichtungstypen oder wählen Sie die zu verwendenden Typen.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>the facility types file</source>
      <translation>der Datei der Einrichtungstypen</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>The facility types file {path} does not exist.</source>
      <translation>Die Datei der Einrichtungstypen {path} existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>The facility types file {path}{where} is not valid YAML: {problem}.</source>
      <translation>Die Datei der Einrichtungstypen {path}{where} ist kein gültiges YAML: {problem}.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>the file must hold a mapping with 'target_groups' and 'types'.</source>
      <translation>Die Datei muss eine Zuordnung mit „target_groups“ und „types“ enthalten.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>unknown key(s) {keys} at the top level (allowed: {allowed}).</source>
      <translation>unbekannte(r) Schlüssel {keys} auf der obersten Ebene (erlaubt: {allowed}).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>'target_groups' must map target group ids to {label, variables}.</source>
      <translation>„target_groups“ muss Kennungen von Zielgruppen auf {label, variables} abbilden.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>target group id '{group}' must be lowercase letters, digits and '_'.</source>
      <translation>Die Zielgruppenkennung „{group}“ darf nur aus Kleinbuchstaben, Ziffern und „_“ bestehen.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>target group '{group}' needs a 'label' and a list of 'variables'.</source>
      <translation>Die Zielgruppe „{group}“ braucht ein „label“ und eine Liste „variables“.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>target group '{group}': 'estimate' needs 'from' (variables) and a 'factor' &gt; 0.</source>
      <translation>Zielgruppe „{group}“: „estimate“ braucht „from“ (Variablen) und einen „factor“ &gt; 0.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>target group '{group}' has unknown key(s) {keys}.</source>
      <translation>Die Zielgruppe „{group}“ hat unbekannte(n) Schlüssel {keys}.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>'types' must map facility type ids to their definitions.</source>
      <translation>„types“ muss Kennungen von Einrichtungstypen auf ihre Definitionen abbilden.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type id '{type}' must be lowercase letters and digits (it becomes part of field names).</source>
      <translation>Die Kennung des Einrichtungstyps „{type}“ darf nur aus Kleinbuchstaben und Ziffern bestehen (sie wird Teil von Feldnamen).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type '{type}' must be a mapping of keys.</source>
      <translation>Der Einrichtungstyp „{type}“ muss eine Zuordnung von Schlüsseln sein.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type '{type}' has unknown key(s) {keys} (allowed: {allowed}).</source>
      <translation>Der Einrichtungstyp „{type}“ hat unbekannte(n) Schlüssel {keys} (erlaubt: {allowed}).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type '{type}' lacks '{key}'.</source>
      <translation>Dem Einrichtungstyp „{type}“ fehlt „{key}“.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type '{type}': '{key}' must be a number above 0 (is {value!r}).</source>
      <translation>Einrichtungstyp „{type}“: „{key}“ muss eine Zahl über 0 sein (ist {value!r}).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type '{type}': '{key}' must be a list.</source>
      <translation>Einrichtungstyp „{type}“: „{key}“ muss eine Liste sein.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>facility type '{type}' names the target group '{group}', which 'target_groups' does not define (defined: {defined}).</source>
      <translation>Der Einrichtungstyp „{type}“ nennt die Zielgruppe „{group}“, die „target_groups“ nicht definiert (definiert: {defined}).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>'speeds_kmh' must map road classes to speeds in km/h (&gt;= 0).</source>
      <translation>„speeds_kmh“ muss Straßenklassen auf Geschwindigkeiten in km/h (&gt;= 0) abbilden.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>'walking_speed_kmh' must be above 0.</source>
      <translation>„walking_speed_kmh“ muss über 0 liegen.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>feature {id}: {value!r}</source>
      <translation>Objekt {id}: {value!r}</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>The capacity field '{field}' holds {n} value(s) that are no number &gt;= 0 ({shown}). Write the capacity as a plain number (e.g. 25, not '25 Plätze' or 'ca. 25'); leave it empty where it is not known.</source>
      <translation>Das Kapazitätsfeld „{field}“ enthält {n} Wert(e), die keine Zahl &gt;= 0 sind ({shown}). Schreiben Sie die Kapazität als reine Zahl (z. B. 25, nicht „25 Plätze“ oder „ca. 25“); lassen Sie das Feld leer, wo sie nicht bekannt ist.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>'{value}' is no {what} (write YYYY-MM-DD, DD.MM.YYYY or a year).</source>
      <translation>„{value}“ ist kein {what} (schreiben Sie JJJJ-MM-TT, TT.MM.JJJJ oder ein Jahr).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>opening date (field '{field}')</source>
      <translation>Eröffnungsdatum (Feld „{field}“)</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>closing date (field '{field}')</source>
      <translation>Schließungsdatum (Feld „{field}“)</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>Facility {id}: {error}</source>
      <translation>Einrichtung {id}: {error}</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source> or {variables} (estimate)</source>
      <translation> oder {variables} (Schätzung)</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>The target group '{label}' ({group}) needs the variable(s) {need}{alt}; the population data have {have}. Add a field or table column for it, or change the target group in the facility types file.</source>
      <translation>Die Zielgruppe „{label}“ ({group}) braucht die Variable(n) {need}{alt}; die Bevölkerungsdaten haben {have}. Ergänzen Sie ein Feld oder eine Tabellenspalte dafür oder ändern Sie die Zielgruppe in der Datei der Einrichtungstypen.</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>Facility type '{type}': the base {per:g} has no catalogue unit (use 1,000 or 10,000).</source>
      <translation>Einrichtungstyp „{type}“: Die Bezugsgröße {per:g} hat keine Einheit im Katalog (verwenden Sie 1.000 oder 10.000).</translation>
    </message>
    <message>
      <location filename="../../core/facilities.py" />
      <source>Unknown distance decay '{decay}'. Use one of {decays}.</source>
      <translation>Unbekannte Distanzgewichtung „{decay}“. Verwenden Sie eine von {decays}.</translation>
    </message>
    <message>
      <location filename="../../core/fields.py" />
      <source>{n} keys matched</source>
      <translation>{n} Schlüssel zugeordnet</translation>
    </message>
    <message>
      <location filename="../../core/fields.py" />
      <source>{n} only in the table: {keys}</source>
      <translation>{n} nur in der Tabelle: {keys}</translation>
    </message>
    <message>
      <location filename="../../core/fields.py" />
      <source>{n} only in the layer: {keys}</source>
      <translation>{n} nur im Layer: {keys}</translation>
    </message>
    <message>
      <location filename="../../core/fields.py" />
      <source>{n} table keys match layer keys after adding a leading zero (e.g. {key} -&gt; 0{key}): the key column was probably stored as a number in Excel; format it as text or read the table with key_width.</source>
      <translation>{n} Tabellenschlüssel passen zu Layer-Schlüsseln, wenn eine führende Null ergänzt wird (z. B. {key} -&gt; 0{key}): Die Schlüsselspalte wurde wahrscheinlich in Excel als Zahl gespeichert; formatieren Sie sie als Text oder lesen Sie die Tabelle mit key_width.</translation>
    </message>
    <message>
      <location filename="../../core/fields.py" />
      <source>{n} layer keys match table keys after adding a leading zero (e.g. {key}): the layer's key field is probably numeric; use a text field.</source>
      <translation>{n} Layer-Schlüssel passen zu Tabellenschlüsseln, wenn eine führende Null ergänzt wird (z. B. {key}): Das Schlüsselfeld des Layers ist wahrscheinlich numerisch; verwenden Sie ein Textfeld.</translation>
    </message>
    <message>
      <location filename="../../core/graph.py" />
      <source>empty geometry</source>
      <translation>leere Geometrie</translation>
    </message>
    <message>
      <location filename="../../core/graph.py" />
      <source>Contiguity must be 'rook' or 'queen', not {contiguity!r}.</source>
      <translation>Die Nachbarschaft muss „rook“ oder „queen“ sein, nicht {contiguity!r}.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Spatial weights: a neighbour pair refers to a unit outside 0..{last}.</source>
      <translation>Räumliche Gewichte: Ein Nachbarpaar verweist auf eine Einheit außerhalb von 0..{last}.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Distance band: the distance must be greater than 0 (map units), not {threshold!r}.</source>
      <translation>Nachbarschaftsabstand: Der Abstand muss größer als 0 sein (Karteneinheiten), nicht {threshold!r}.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Correction must be one of {corrections}, not {correction!r}.</source>
      <translation>Die Korrektur muss eine von {corrections} sein, nicht {correction!r}.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Hot spots: {n} values but spatial weights for {units} units.</source>
      <translation>Hot Spots: {n} Werte, aber räumliche Gewichte für {units} Einheiten.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Hot spots: weights transform must be 'r' (row-standardised) or 'b' (binary), not {transform!r}.</source>
      <translation>Hot Spots: Die Gewichtstransformation muss „r“ (zeilenstandardisiert) oder „b“ (binär) sein, nicht {transform!r}.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Hot spots: the number of permutations must be a whole number &gt;= 0, not {permutations!r}.</source>
      <translation>Hot Spots: Die Zahl der Permutationen muss eine ganze Zahl &gt;= 0 sein, nicht {permutations!r}.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Hot spots need values for at least 3 units; {n} of {total} have one. Choose another indicator or year.</source>
      <translation>Hot Spots brauchen Werte für mindestens 3 Einheiten; {n} von {total} haben einen. Wählen Sie einen anderen Indikator oder ein anderes Jahr.</translation>
    </message>
    <message>
      <location filename="../../core/hotspots.py" />
      <source>Hot spots: all units have the same value; there is no pattern to test.</source>
      <translation>Hot Spots: Alle Einheiten haben denselben Wert; es gibt kein Muster zu testen.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD: each domain takes exactly one score field; domain '{domain}' has {fields}. Build the domain scores first (e.g. with the general index per domain).</source>
      <translation>IoD: Jeder Bereich nimmt genau ein Wertfeld; der Bereich „{domain}“ hat {fields}. Bilden Sie zuerst die Bereichswerte (z. B. mit dem allgemeinen Index je Bereich).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}' has a weight but no score field (domains: {domains}).</source>
      <translation>Der Bereich „{domain}“ hat ein Gewicht, aber kein Wertfeld (Bereiche: {domains}).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}': weight {weight} is negative.</source>
      <translation>Bereich „{domain}“: Das Gewicht {weight} ist negativ.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>The domain weights sum to 0; give at least one domain a positive weight.</source>
      <translation>Die Bereichsgewichte ergeben in der Summe 0; geben Sie mindestens einem Bereich ein positives Gewicht.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Field '{field}' for {what} not found in the data. Available fields: {available}.</source>
      <translation>Das Feld „{field}“ ({what}) ist nicht in den Daten. Vorhandene Felder: {available}.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Field '{field}' for {what} holds text, not numbers (e.g. '{example}'). Choose a numeric field, or convert this one (field calculator: to_real()) after removing units such as 'EW'.</source>
      <translation>Das Feld „{field}“ ({what}) enthält Text statt Zahlen (z. B. „{example}“). Wählen Sie ein Zahlenfeld oder wandeln Sie dieses um (Feldrechner: to_real()), nachdem Sie Einheiten wie „EW“ entfernt haben.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source> and {n} more</source>
      <translation> und {n} weitere</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Field '{field}' for {what}: {n} of {total} units hold text that is no number ({examples}{more}). They would be read as missing and left out without a word. Correct the values (a number, or empty/NULL where no value is known; remove units such as 'EW') and run again.</source>
      <translation>Feld „{field}“ ({what}): {n} von {total} Einheiten enthalten Text, der keine Zahl ist ({examples}{more}). Sie würden als fehlend gelesen und stillschweigend ausgelassen. Korrigieren Sie die Werte (eine Zahl, oder leer/NULL, wo kein Wert bekannt ist; entfernen Sie Einheiten wie „EW“) und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>unit '{unit}'</source>
      <translation>Einheit „{unit}“</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>row {n}</source>
      <translation>Zeile {n}</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Key field '{key}' not found in the data.</source>
      <translation>Das Schlüsselfeld „{key}“ ist nicht in den Daten.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>min_residents is given but no residents field; name the residents field.</source>
      <translation>Eine Mindestzahl an Einwohnern ist angegeben, aber kein Einwohnerfeld; geben Sie das Einwohnerfeld an.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Exclusion flag field '{field}' not found in the data.</source>
      <translation>Das Ausschlussfeld „{field}“ ist nicht in den Daten.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator entry {item!r} has no 'field'.</source>
      <translation>Der Indikatoreintrag {item!r} hat kein „field“.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}': unknown setting(s) {settings}.</source>
      <translation>Indikator „{field}“: unbekannte Einstellung(en) {settings}.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Cannot read indicator entry {item!r}; give a field name or a dict.</source>
      <translation>Der Indikatoreintrag {item!r} ist nicht lesbar; geben Sie einen Feldnamen oder ein Dictionary an.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}': direction '{direction}' unknown; use 'higher_worse' or 'higher_better'.</source>
      <translation>Indikator „{field}“: Die Richtung „{direction}“ ist unbekannt; wählen Sie „höher = ungünstiger“ oder „höher = besser“.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}' is neutral (context) in the catalogue; it cannot enter an index without an explicit direction. Give 'higher_worse' or 'higher_better' for it, or leave it out.</source>
      <translation>Der Indikator „{field}“ ist im Katalog neutral (Kontext); ohne ausdrückliche Richtung kann er nicht in einen Index eingehen. Geben Sie für ihn „höher = ungünstiger“ oder „höher = besser“ an oder lassen Sie ihn weg.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}': log transform needs values &gt; 0 (after offset {offset}); set log_offset or drop the transform.</source>
      <translation>Indikator „{field}“: Die Log-Transformation braucht Werte &gt; 0 (nach dem Versatz {offset}); setzen Sie log_offset oder verzichten Sie auf die Transformation.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}': unknown transform '{transform}' (use 'log').</source>
      <translation>Indikator „{field}“: unbekannte Transformation „{transform}“ (verwenden Sie „log“).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Unknown winsorisation method '{method}' (use 'sd' or 'percentile').</source>
      <translation>Unbekannte Winsorisierungsmethode „{method}“ (verwenden Sie „sd“ oder „percentile“).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}' has no values at all (all missing); drop it or fill it.</source>
      <translation>Der Indikator „{name}“ hat überhaupt keine Werte (alle fehlen); lassen Sie ihn weg oder füllen Sie ihn.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}' has no values in the reference units; check the exclusions.</source>
      <translation>Der Indikator „{name}“ hat keine Werte in den Referenzeinheiten; prüfen Sie die Ausschlüsse.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}' is constant over the reference units (SD 0); it cannot be z-standardised. Drop it from the index.</source>
      <translation>Der Indikator „{name}“ ist über die Referenzeinheiten konstant (SD 0) und kann nicht z-standardisiert werden. Nehmen Sie ihn aus dem Index.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}': normalisation 'goalposts' needs goalposts (lower, upper) in indicator units.</source>
      <translation>Indikator „{name}“: Die Normierung mit festen Grenzen braucht feste Grenzen (unten, oben) in der Einheit des Indikators.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}' is constant over the reference units (min = max = {value}) or its goalposts are not ascending; drop it or fix the goalposts.</source>
      <translation>Der Indikator „{name}“ ist über die Referenzeinheiten konstant (min = max = {value}) oder seine festen Grenzen steigen nicht auf; lassen Sie ihn weg oder korrigieren Sie die festen Grenzen.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}' is constant over the reference units; ranks carry no information. Drop it from the index.</source>
      <translation>Der Indikator „{name}“ ist über die Referenzeinheiten konstant; Ränge tragen keine Information. Nehmen Sie ihn aus dem Index.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}': reference value 0; 'distance' (per cent deviation) needs a non-zero reference value.</source>
      <translation>Indikator „{name}“: Referenzwert 0; „distance“ (prozentuale Abweichung) braucht einen Referenzwert ungleich 0.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{name}' is constant over the reference units; drop it.</source>
      <translation>Der Indikator „{name}“ ist über die Referenzeinheiten konstant; lassen Sie ihn weg.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Unknown normalisation '{method}'; use one of {methods}.</source>
      <translation>Unbekannte Normierung „{method}“; verwenden Sie eine von {methods}.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>PCA weights need more complete units than indicators ({n} complete units for {k} indicators: {indicators}).</source>
      <translation>PCA-Gewichte brauchen mehr vollständige Einheiten als Indikatoren ({n} vollständige Einheiten für {k} Indikatoren: {indicators}).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>PCA weights: an indicator is constant in the complete units ({indicators}).</source>
      <translation>PCA-Gewichte: Ein Indikator ist in den vollständigen Einheiten konstant ({indicators}).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Geometric aggregation needs values &gt; 0 after the shift; increase geometric_shift (now {shift}).</source>
      <translation>Die geometrische Aggregation braucht nach der Verschiebung Werte &gt; 0; erhöhen Sie geometric_shift (jetzt {shift}).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Unknown aggregation '{method}'; use 'arithmetic' or 'geometric'.</source>
      <translation>Unbekannte Aggregation „{method}“; verwenden Sie „arithmetic“ oder „geometric“.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Classification settings not understood: {error}</source>
      <translation>Klassifizierungseinstellungen nicht verstanden: {error}</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>No indicators given for the index.</source>
      <translation>Für den Index sind keine Indikatoren angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator field(s) listed twice: {fields}.</source>
      <translation>Doppelt angegebene Indikatorfelder: {fields}.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Unknown weighting '{weighting}'; use 'equal', 'given' or 'pca'.</source>
      <translation>Unbekannte Gewichtung „{weighting}“; verwenden Sie „equal“, „given“ oder „pca“.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>min_share must be between 0 and 1 (a share of the indicators), got {min_share}.</source>
      <translation>min_share muss zwischen 0 und 1 liegen (ein Anteil der Indikatoren); angegeben: {min_share}.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Unknown rescale '{rescale}'; use None, 'z' or 'minmax'.</source>
      <translation>Unbekannte Reskalierung „{rescale}“; verwenden Sie None, „z“ oder „minmax“.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>All units are excluded from the reference (residents threshold or flag); nothing to standardise against.</source>
      <translation>Alle Einheiten sind von der Referenz ausgeschlossen (Einwohnerschwelle oder Kennzeichen); es gibt nichts, woran standardisiert werden kann.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}' has a weight but no indicator; assign indicators to it or remove its weight.</source>
      <translation>Der Bereich „{domain}“ hat ein Gewicht, aber keinen Indikator; ordnen Sie ihm Indikatoren zu oder entfernen Sie sein Gewicht.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}': weight {weight} is negative or not a number; weights must be &gt;= 0.</source>
      <translation>Bereich „{domain}“: Das Gewicht {weight} ist negativ oder keine Zahl; Gewichte müssen &gt;= 0 sein.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain weights sum to 0; give at least one domain a positive weight.</source>
      <translation>Die Bereichsgewichte ergeben in der Summe 0; geben Sie mindestens einem Bereich ein positives Gewicht.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}' has no weight but weighting is 'given'.</source>
      <translation>Der Indikator „{field}“ hat kein Gewicht, die Gewichtung ist aber „given“ (vorgegeben).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}': weight {weight} is negative or not a number; weights must be &gt;= 0.</source>
      <translation>Indikator „{field}“: Das Gewicht {weight} ist negativ oder keine Zahl; Gewichte müssen &gt;= 0 sein.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Indicator '{field}' has no values at all (all missing); drop it.</source>
      <translation>Der Indikator „{field}“ hat überhaupt keine Werte (alle fehlen); lassen Sie ihn weg.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}': negative PCA loading for {indicators} (the indicator runs against the domain); its weight is set to 0. Check its direction.</source>
      <translation>Bereich „{domain}“: negative PCA-Ladung für {indicators} (der Indikator läuft gegen den Bereich); sein Gewicht wird auf 0 gesetzt. Prüfen Sie seine Richtung.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}': PCA gives no positive loading; use equal weights.</source>
      <translation>Bereich „{domain}“: Die PCA ergibt keine positive Ladung; verwenden Sie gleiche Gewichte.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}': PCA weights are unbalanced ('{indicator}' has {share:.0%}, more than twice an equal share).</source>
      <translation>Bereich „{domain}“: Die PCA-Gewichte sind unausgewogen („{indicator}“ hat {share:.0%}, mehr als das Doppelte eines gleichen Anteils).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Domain '{domain}': the indicator weights sum to 0 ({indicators}).</source>
      <translation>Bereich „{domain}“: Die Indikatorgewichte ergeben in der Summe 0 ({indicators}).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>The index is constant over the reference units; it cannot be z-rescaled.</source>
      <translation>Der Index ist über die Referenzeinheiten konstant; er kann nicht z-reskaliert werden.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>The index is constant over the reference units; it cannot be rescaled.</source>
      <translation>Der Index ist über die Referenzeinheiten konstant; er kann nicht reskaliert werden.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>{n} unit(s) have fewer than {min_share:.0%} of the indicators and get no index (flag 'insufficient_data').</source>
      <translation>{n} Einheit(en) haben weniger als {min_share:.0%} der Indikatoren und erhalten keinen Index (Kennzeichen: zu wenige Daten).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>The sum of z-values of {fields} is constant over the valid units.</source>
      <translation>Die Summe der z-Werte von {fields} ist über die gültigen Einheiten konstant.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Berlin MSS preset: no status indicators given.</source>
      <translation>Berliner MSS: keine Statusindikatoren angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Berlin MSS preset: fewer than two valid units after the exclusions.</source>
      <translation>Berliner MSS: nach den Ausschlüssen weniger als zwei gültige Einheiten.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD preset: no domains given.</source>
      <translation>Englischer IoD: keine Bereiche angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD preset: weight for domain '{domain}' but no field for it.</source>
      <translation>Englischer IoD: Gewicht für den Bereich „{domain}“, aber kein Feld dafür.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD preset: domain weights must be &gt;= 0.</source>
      <translation>Englischer IoD: Bereichsgewichte müssen &gt;= 0 sein.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD preset: domain weights sum to 0.</source>
      <translation>Englischer IoD: Die Bereichsgewichte ergeben in der Summe 0.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD domain '{domain}'</source>
      <translation>IoD-Bereich „{domain}“</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD domain '{domain}' (field '{field}') has no values in the valid units.</source>
      <translation>Der IoD-Bereich „{domain}“ (Feld „{field}“) hat keine Werte in den gültigen Einheiten.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>IoD domain '{domain}' (field '{field}') is constant; ranks carry no information.</source>
      <translation>Der IoD-Bereich „{domain}“ (Feld „{field}“) ist konstant; Ränge tragen keine Information.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>imputation of missing indicator values (here a unit with a missing value gets no index)</source>
      <translation>Imputation fehlender Indikatorwerte (hier erhält eine Einheit mit einem fehlenden Wert keinen Index)</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>log of the income indicators</source>
      <translation>Logarithmus der Einkommensindikatoren</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>the RKI's adjustments of the input data (time-consistent boundaries, deflated incomes, corrections of single values)</source>
      <translation>die Anpassungen der Eingangsdaten durch das RKI (zeitlich einheitliche Gebietsstände, deflationierte Einkommen, Korrekturen einzelner Werte)</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD preset: no dimensions given.</source>
      <translation>GISD: keine Dimensionen angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD: fixed loadings for {fields}, which are not among the indicators.</source>
      <translation>GISD: feste Ladungen für {fields}, die nicht unter den Indikatoren sind.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD dimension '{dimension}' has no indicator.</source>
      <translation>Die GISD-Dimension „{dimension}“ hat keinen Indikator.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD indicator '{field}' has no values at all (all missing).</source>
      <translation>Der GISD-Indikator „{field}“ hat überhaupt keine Werte (alle fehlen).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD dimension '{dimension}': fixed loadings are given for {given} but not for {missing}. Give a coefficient for every indicator of the dimension, or none (fresh PCA).</source>
      <translation>GISD-Dimension „{dimension}“: Feste Ladungen sind für {given} angegeben, aber nicht für {missing}. Geben Sie einen Koeffizienten für jeden Indikator der Dimension an oder für keinen (neue PCA).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD dimension '{dimension}': the component score is constant.</source>
      <translation>GISD-Dimension „{dimension}“: Der Komponentenwert ist konstant.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>GISD dimension '{dimension}': {fields} load(s) against the stated direction.</source>
      <translation>GISD-Dimension „{dimension}“: {fields} lädt/laden gegen die angegebene Richtung.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Field '{field}' not found for the population-weighted aggregation.</source>
      <translation>Das Feld „{field}“ für die einwohnergewichtete Aggregation ist nicht vorhanden.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Population field '{field}' has negative values.</source>
      <translation>Das Einwohnerfeld „{field}“ hat negative Werte.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>numerator</source>
      <translation>Zähler</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Municipality field '{field}' not found.</source>
      <translation>Das Gemeindefeld „{field}“ ist nicht vorhanden.</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>This is not a Sozialplanung index method record (schema missing or different).</source>
      <translation>Dies ist keine Methodenbeschreibung eines Sozialplanung-Index (Schema fehlt oder weicht ab).</translation>
    </message>
    <message>
      <location filename="../../core/index.py" />
      <source>Method record names an unknown function '{function}'.</source>
      <translation>Die Methodenbeschreibung nennt eine unbekannte Funktion „{function}“.</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Change periods '{text}': {n} years, but each period needs two (From, To). Write the periods like '2009-2014, 2014-2025'.</source>
      <translation>Veränderungszeiträume „{text}“: {n} Jahre, aber jeder Zeitraum braucht zwei (Von, Bis). Schreiben Sie die Zeiträume wie „2009-2014, 2014-2025“.</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Change period '{part}' is not understood. Write the periods like '2009-2014, 2014-2025'.</source>
      <translation>Der Veränderungszeitraum „{part}“ ist nicht verständlich. Schreiben Sie die Zeiträume wie „2009-2014, 2014-2025“.</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Change period '{part}': give both years, From and To (e.g. 2009 and 2014).</source>
      <translation>Veränderungszeitraum „{part}“: Geben Sie beide Jahre an, Von und Bis (z. B. 2009 und 2014).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Change period '{part}': '{bad}' is no year. Give a four-digit From and To year (e.g. 2009 and 2014).</source>
      <translation>Veränderungszeitraum „{part}“: „{bad}“ ist kein Jahr. Geben Sie ein vierstelliges Von- und Bis-Jahr an (z. B. 2009 und 2014).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Change period '{part}': the tables have no year {absent} (years: {years}).</source>
      <translation>Veränderungszeitraum „{part}“: Die Tabellen enthalten kein Jahr {absent} (Jahre: {years}).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Change period '{part}': the first year must be before the second.</source>
      <translation>Veränderungszeitraum „{part}“: Das erste Jahr muss vor dem zweiten liegen.</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>Parameter '{what}': '{bad}' is no year. Give four-digit years separated by commas (e.g. 2020, 2024).</source>
      <translation>Parameter „{what}“: „{bad}“ ist kein Jahr. Geben Sie vierstellige Jahre durch Kommas getrennt an (z. B. 2020, 2024).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{name}: the table has no year column and its file name no year. Give the years in the parameter 'Years' (one per table, in order).</source>
      <translation>{name}: Die Tabelle hat keine Jahresspalte und ihr Dateiname kein Jahr. Geben Sie die Jahre im Parameter „Jahre der Tabellen ohne Jahresspalte“ an (eines je Tabelle, der Reihe nach).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{names} and {name}</source>
      <translation>{names} und {name}</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{before} and {name} both give '{col}' for {year}, with different values for the key '{key}': {first} and {second}. A value must come from one table: remove the column from one of the files, or give the tables for different years.</source>
      <translation>{before} und {name} enthalten beide „{col}“ für {year}, mit verschiedenen Werten für den Schlüssel „{key}“: {first} und {second}. Ein Wert muss aus einer Tabelle stammen: Entfernen Sie die Spalte aus einer der Dateien oder geben Sie die Tabellen für verschiedene Jahre an.</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{before} and {name} both give the year {year}: joined side by side (different variables: {variables}).</source>
      <translation>{before} und {name} enthalten beide das Jahr {year}: nebeneinander verbunden (verschiedene Variablen: {variables}).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{before} and {name} both give the year {year}: their rows joined (the keys are disjoint: {n0} and {n1} keys).</source>
      <translation>{before} und {name} enthalten beide das Jahr {year}: ihre Zeilen verbunden (die Schlüssel überschneiden sich nicht: {n0} und {n1} Schlüssel).</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{before} and {name} both give the year {year}: joined; the {n} variable(s) both give agree for the {shared} keys both have.</source>
      <translation>{before} und {name} enthalten beide das Jahr {year}: verbunden; die {n} Variable(n), die beide enthalten, stimmen für die {shared} gemeinsamen Schlüssel überein.</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>{variable} for {indicators}</source>
      <translation>{variable} für {indicators}</translation>
    </message>
    <message>
      <location filename="../../core/inputs.py" />
      <source>; and {n} more</source>
      <translation>; und {n} weitere</translation>
    </message>
    <message>
      <location filename="../../core/interpolate.py" />
      <source>Unknown interpolation method '{method}'. Use 'area' or 'population'.</source>
      <translation>Unbekannte Interpolationsmethode „{method}“. Verwenden Sie „area“ oder „population“.</translation>
    </message>
    <message>
      <location filename="../../core/interpolate.py" />
      <source>The overlap table lacks the column(s) {columns}.</source>
      <translation>Der Überschneidungstabelle fehlt die Spalte bzw. fehlen die Spalten {columns}.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>No speed for the road class(es) {classes} of field '{field}'. Add them to the speed table or give a default speed.</source>
      <translation>Keine Geschwindigkeit für die Straßenklasse(n) {classes} des Felds „{field}“. Ergänzen Sie sie in der Geschwindigkeitstabelle oder geben Sie eine Standardgeschwindigkeit an.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>network</source>
      <translation>Wegenetz</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>Unknown cost mode '{mode}'. Use 'distance' (metres) or 'time' (minutes).</source>
      <translation>Unbekannte Kostenart „{mode}“. Verwenden Sie „distance“ (Meter) oder „time“ (Minuten).</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>The {source} is in a coordinate system in degrees; lengths would be degrees, not metres. Reproject it to a projected CRS in metres (e.g. EPSG:25832 ETRS89 / UTM 32N) and run again.</source>
      <translation>Das {source} liegt in einem Koordinatensystem in Grad vor; Längen wären Grad, nicht Meter. Projizieren Sie es in ein projiziertes KBS in Metern (z. B. EPSG:25832 ETRS89 / UTM 32N) und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>The {source} has no lines with at least two vertices. Choose a line layer with streets.</source>
      <translation>Das {source} hat keine Linien mit mindestens zwei Stützpunkten. Wählen Sie einen Linienlayer mit Straßen.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>The {source} has vertices without valid coordinates (e.g. NaN). Repair the geometries.</source>
      <translation>Das {source} hat Stützpunkte ohne gültige Koordinaten (z. B. NaN). Reparieren Sie die Geometrien.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>The {source} has no segment of positive length. Choose a line layer with streets.</source>
      <translation>Das {source} hat kein Segment mit positiver Länge. Wählen Sie einen Linienlayer mit Straßen.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>Travel time needs a speed per line (a speed field or speeds per road class).</source>
      <translation>Die Fahrzeit braucht eine Geschwindigkeit je Linie (ein Geschwindigkeitsfeld oder Geschwindigkeiten je Straßenklasse).</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>{n} speeds for {lines} lines of the {source}.</source>
      <translation>{n} Geschwindigkeiten für {lines} Linien im {source}.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>Line {line} of the {source} has no valid speed ({speed!r} km/h). Speeds are km/h &gt;= 0 (0 = not passable).</source>
      <translation>Linie {line} im {source} hat keine gültige Geschwindigkeit ({speed!r} km/h). Geschwindigkeiten sind km/h &gt;= 0 (0 = nicht passierbar).</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>{n} one-way codes for {lines} lines of the {source}.</source>
      <translation>{n} Einbahncodes für {lines} Linien im {source}.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>The connector speed must be above 0 km/h.</source>
      <translation>Die Geschwindigkeit vom Punkt zum Wegenetz muss über 0 km/h liegen.</translation>
    </message>
    <message>
      <location filename="../../core/network.py" />
      <source>The number of nearest facilities must be at least 1.</source>
      <translation>Die Zahl der nächsten Einrichtungen muss mindestens 1 sein.</translation>
    </message>
    <message>
      <location filename="../../core/overlay.py" />
      <source>Catalogue table '{name}' is empty.</source>
      <translation>Die Katalogtabelle „{name}“ ist leer.</translation>
    </message>
    <message>
      <location filename="../../core/overlay.py" />
      <source>Catalogue table '{name}': no column 'ID' in the first row. Use a table exported by 'Export indicator catalogue' (columns ID, Name, Themenfeld, Zähler, Nenner ...).</source>
      <translation>Katalogtabelle „{name}“: keine Spalte „ID“ in der ersten Zeile. Verwenden Sie eine Tabelle, die mit „Indikatorenkatalog exportieren“ erstellt wurde (Spalten ID, Name, Themenfeld, Zähler, Nenner ...).</translation>
    </message>
    <message>
      <location filename="../../core/overlay.py" />
      <source>Catalogue table '{name}', row {n}: the column ID is empty. Give every indicator an id (lower case letters, digits and _).</source>
      <translation>Katalogtabelle „{name}“, Zeile {n}: Die Spalte ID ist leer. Geben Sie jedem Indikator eine ID (Kleinbuchstaben, Ziffern und _).</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>{n} social spaces from {blocks} blocks in {units} units</source>
      <translation>{n} Sozialräume aus {blocks} Blöcken in {units} Einheiten</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>within bounds [{floor}, {ceiling}]: {within} of {n} ({share:.1f} %); of the feasible ones {feasible:.1f} %</source>
      <translation>innerhalb der Grenzen [{floor}, {ceiling}]: {within} von {n} ({share:.1f} %); von den erreichbaren {feasible:.1f} %</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>within bounds [{floor}, {ceiling}]: {within} of {n} ({share:.1f} %); no space was planned freely</source>
      <translation>innerhalb der Grenzen [{floor}, {ceiling}]: {within} von {n} ({share:.1f} %); kein Sozialraum wurde frei geplant</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>population per space: mean {mean:.0f}, CV {cv:.3f}</source>
      <translation>Einwohner je Sozialraum: Mittelwert {mean:.0f}, Variationskoeffizient {cv:.3f}</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>within-space SSD (standardised attributes): {ssd:.2f}</source>
      <translation>Quadratsumme innerhalb der Sozialräume (standardisierte Merkmale): {ssd:.2f}</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>mean Polsby-Popper: {pp:.3f}</source>
      <translation>mittlerer Polsby-Popper-Wert: {pp:.3f}</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>adjusted Rand index against the reference: {ari:.3f}</source>
      <translation>bereinigter Rand-Index gegenüber der Referenz: {ari:.3f}</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>issues: {counts}</source>
      <translation>Hinweise: {counts}</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The two partitions for the adjusted Rand index have different lengths.</source>
      <translation>Die beiden Einteilungen für den bereinigten Rand-Index sind verschieden lang.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The field '{name}' must contain numbers.</source>
      <translation>Das Feld „{name}“ muss Zahlen enthalten.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The field '{name}' has {values} values for {n} blocks.</source>
      <translation>Das Feld „{name}“ hat {values} Werte für {n} Blöcke.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The population field has {n} blocks without a valid number (first: block row {row}, value {value!r}). Enter 0 for blocks without residents.</source>
      <translation>Das Einwohnerfeld hat {n} Blöcke ohne gültige Zahl (erster: Blockzeile {row}, Wert {value!r}). Tragen Sie 0 für Blöcke ohne Einwohner ein.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>compactness_term must be 'shape' or 'length'.</source>
      <translation>compactness_term muss „shape“ oder „length“ sein.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>small_fragments must be 'merge' or 'keep'.</source>
      <translation>small_fragments muss „merge“ oder „keep“ sein.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The population floor ({floor}) must be at least 0 and below the ceiling ({ceiling}).</source>
      <translation>Die Einwohner-Untergrenze ({floor}) muss mindestens 0 sein und unter der Obergrenze ({ceiling}) liegen.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The nesting field has {values} values for {n} blocks.</source>
      <translation>Das Feld der übergeordneten Einheit hat {values} Werte für {n} Blöcke.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>The attribute table has {rows} rows for {n} blocks.</source>
      <translation>Die Merkmalstabelle hat {rows} Zeilen für {n} Blöcke.</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>{n} blocks without an attribute value; the column mean was used</source>
      <translation>{n} Blöcke ohne Merkmalswert; der Spaltenmittelwert wurde verwendet</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>a part cut off by barriers has {residents:.0f} residents (&lt; floor {floor}) and was joined to its neighbour across the barrier</source>
      <translation>ein durch Barrieren abgetrennter Teil hat {residents:.0f} Einwohner (&lt; Untergrenze {floor}) und wurde über die Barriere hinweg mit seinem Nachbarn verbunden</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>island/enclave linked to the nearest block of the same unit ({distance:.0f} apart)</source>
      <translation>Insel/Enklave mit dem nächsten Block derselben Einheit verbunden ({distance:.0f} entfernt)</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>a locked space crosses the nesting boundary; kept as it is</source>
      <translation>ein festgelegter Sozialraum überschreitet die Grenze der übergeordneten Einheit; unverändert beibehalten</translation>
    </message>
    <message>
      <location filename="../../core/regionalise.py" />
      <source>{residents:.0f} residents, bounds [{floor}, {ceiling}]</source>
      <translation>{residents:.0f} Einwohner, Grenzen [{floor}, {ceiling}]</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>The Word report needs python-docx (Debian: apt install python3-docx; make setup installs it).</source>
      <translation>Der Word-Bericht braucht python-docx (Debian: apt install python3-docx; make setup installiert es).</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>The Word template {template} does not exist. Choose an existing .docx file or none.</source>
      <translation>Die Word-Vorlage {template} existiert nicht. Wählen Sie eine vorhandene .docx-Datei oder keine.</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>The Word template {template} cannot be read as a Word document (damaged, or another kind of file with the ending .docx). Choose a .docx file saved by Word or LibreOffice, or none.</source>
      <translation>Die Word-Vorlage {template} lässt sich nicht als Word-Dokument lesen (beschädigt, oder eine andere Art Datei mit der Endung .docx). Wählen Sie eine in Word oder LibreOffice gespeicherte .docx-Datei oder keine.</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>The figure {path} of the report is missing.</source>
      <translation>Die Abbildung {path} des Berichts fehlt.</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>Table '{caption}': a row has {n} cells, the header {header}.</source>
      <translation>Tabelle „{caption}“: Eine Zeile hat {n} Zellen, die Kopfzeile {header}.</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>The PDF of the report needs LibreOffice Writer (Debian: apt install libreoffice-writer-nogui; make setup installs it). The DOCX was written; convert it in Word or LibreOffice.</source>
      <translation>Das PDF des Berichts braucht LibreOffice Writer (Debian: apt install libreoffice-writer-nogui; make setup installiert es). Die DOCX-Datei wurde geschrieben; wandeln Sie sie in Word oder LibreOffice um.</translation>
    </message>
    <message>
      <location filename="../../core/report_docx.py" />
      <source>LibreOffice could not convert {path} to PDF: {output}</source>
      <translation>LibreOffice konnte {path} nicht in PDF umwandeln: {output}</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Domain weights must be &gt;= 0 and not all 0.</source>
      <translation>Die Gewichte der Bereiche müssen &gt;= 0 und dürfen nicht alle 0 sein.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Domain '{domain}': negative indicator weight.</source>
      <translation>Bereich „{domain}“: negatives Indikatorgewicht.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Domain '{domain}': the indicator weights sum to 0.</source>
      <translation>Bereich „{domain}“: Die Indikatorgewichte ergeben in der Summe 0.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>No indicators given for the sensitivity analysis.</source>
      <translation>Für die Sensitivitätsanalyse sind keine Indikatoren angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>The number of Monte Carlo draws must be at least 1.</source>
      <translation>Die Zahl der Monte-Carlo-Ziehungen muss mindestens 1 sein.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Unknown weight_mode '{mode}' (use dirichlet, range or fixed).</source>
      <translation>Unbekannter weight_mode „{mode}“ (verwenden Sie dirichlet, range oder fixed).</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Unknown normalisation '{method}'.</source>
      <translation>Unbekannte Normierung „{method}“.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Unknown aggregation '{method}'.</source>
      <translation>Unbekannte Aggregation „{method}“.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Give at least one normalisation and one aggregation to vary over.</source>
      <translation>Geben Sie mindestens eine Normierung und eine Aggregation an, über die variiert wird.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Unknown rank_method '{method}' (use auto, exact or binned).</source>
      <translation>Unbekannte rank_method „{method}“ (verwenden Sie auto, exact oder binned).</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Fewer than two units with enough indicator values in the reference.</source>
      <translation>Weniger als zwei Einheiten mit genügend Indikatorwerten in der Referenz.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Correlations and Cronbach's alpha need at least two indicators.</source>
      <translation>Korrelationen und Cronbachs Alpha brauchen mindestens zwei Indikatoren.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Indicator '{indicator}' has no values at all (all missing).</source>
      <translation>Der Indikator „{indicator}“ hat überhaupt keine Werte (alle fehlen).</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Fewer than three complete units: no correlations possible.</source>
      <translation>Weniger als drei vollständige Einheiten: Korrelationen sind nicht möglich.</translation>
    </message>
    <message>
      <location filename="../../core/sensitivity.py" />
      <source>Indicator(s) {indicators} constant over the complete reference units (SD 0); drop it from the index.</source>
      <translation>Indikator(en) {indicators} sind über die vollständigen Referenzeinheiten konstant (Standardabweichung 0); nehmen Sie sie aus dem Index.</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>invalid block geometry, repaired</source>
      <translation>ungültige Blockgeometrie, repariert</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>block without a social space</source>
      <translation>Block ohne Sozialraum</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>social space falls apart into parts that do not touch</source>
      <translation>Sozialraum zerfällt in Teile, die sich nicht berühren</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>gap between blocks (area not covered by any block)</source>
      <translation>Lücke zwischen Blöcken (Fläche, die kein Block bedeckt)</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>blocks overlap</source>
      <translation>Blöcke überlappen sich</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>social space crosses a municipal boundary</source>
      <translation>Sozialraum überschreitet eine Gemeindegrenze</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>fewer residents than the floor</source>
      <translation>weniger Einwohner als die Untergrenze</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>more residents than the ceiling</source>
      <translation>mehr Einwohner als die Obergrenze</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>blocks of one space carry different names</source>
      <translation>Blöcke eines Sozialraums tragen verschiedene Namen</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>block without geometry (left out)</source>
      <translation>Block ohne Geometrie (ausgelassen)</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{n} social spaces, no defects found.</source>
      <translation>{n} Sozialräume, keine Mängel gefunden.</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{n} social spaces, {defects} defects:</source>
      <translation>{n} Sozialräume, {defects} Mängel:</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>space {space}: </source>
      <translation>Sozialraum {space}: </translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>(blocks {blocks})</source>
      <translation>(Blöcke {blocks})</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>... {n} more in the report table</source>
      <translation>... {n} weitere in der Berichtstabelle</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>Block ids, space ids and geometries must have the same number of rows.</source>
      <translation>Block-IDs, Sozialraum-IDs und Geometrien müssen gleich viele Zeilen haben.</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{reason}; repaired with make_valid/buffer(0)</source>
      <translation>{reason}; repariert mit make_valid/buffer(0)</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>no social space id</source>
      <translation>keine Sozialraum-ID</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{n} separate parts; these {blocks} blocks do not touch the largest part ({largest} blocks)</source>
      <translation>{n} getrennte Teile; diese {blocks} Blöcke berühren den größten Teil ({largest} Blöcke) nicht</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>overlap of {area:.1f} square map units</source>
      <translation>Überlappung von {area:.1f} Quadrat-Karteneinheiten</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>gap of {area:.1f} square map units at ({x:.1f}, {y:.1f})</source>
      <translation>Lücke von {area:.1f} Quadrat-Karteneinheiten bei ({x:.1f}, {y:.1f})</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>names: {names}</source>
      <translation>Namen: {names}</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>blocks in municipality {municipality} (space spans {municipalities})</source>
      <translation>Blöcke in der Gemeinde {municipality} (der Sozialraum reicht über {municipalities})</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{residents:.0f} residents &lt; floor {floor}</source>
      <translation>{residents:.0f} Einwohner &lt; Untergrenze {floor}</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{residents:.0f} residents &gt; ceiling {ceiling}</source>
      <translation>{residents:.0f} Einwohner &gt; Obergrenze {ceiling}</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{n} separate parts: {pieces} block(s) consist of parts that do not touch (multipart blocks); split them into single blocks or assign the detached part to the space around it</source>
      <translation>{n} getrennte Teile: {pieces} Block/Blöcke bestehen aus Teilen, die sich nicht berühren (mehrteilige Blöcke); teilen Sie sie in einzelne Blöcke oder ordnen Sie den abgetrennten Teil dem umgebenden Sozialraum zu</translation>
    </message>
    <message>
      <location filename="../../core/spaces.py" />
      <source>{n} separate parts: parts separated by less than the neighbour distance</source>
      <translation>{n} getrennte Teile: Teile, die weniger als der Nachbarschaftsabstand trennt</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The snapshot '{path}' must be a GeoPackage file (ending with .gpkg).</source>
      <translation>Die Sicherung „{path}“ muss eine GeoPackage-Datei sein (Endung .gpkg).</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>'{path}' exists already. A backup never overwrites a file: choose a new file name.</source>
      <translation>„{path}“ existiert bereits. Eine Sicherung überschreibt nie eine Datei: Wählen Sie einen neuen Dateinamen.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The folder '{folder}' for the snapshot does not exist. Create it or choose another one.</source>
      <translation>Der Ordner „{folder}“ für die Sicherung existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>'{path}' is not a snapshot of a store (no sm_schema_version). Nothing was restored.</source>
      <translation>„{path}“ ist keine Sicherung einer Monitoring-Datenbank (keine Tabelle sm_schema_version). Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The snapshot '{path}' has schema version {version}, newer than this plugin knows ({known}). Nothing was restored. Update the Sozialplanung plugin first.</source>
      <translation>Die Sicherung „{path}“ hat die Schemaversion {version}, neuer als dieses Plugin kennt ({known}). Es wurde nichts wiederhergestellt. Aktualisieren Sie zuerst das Sozialplanung-Plugin.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>'{path}' is a store but not a snapshot written by storebackup (it has no checksum). Nothing was restored. Make a backup of it with storebackup and restore that.</source>
      <translation>„{path}“ ist eine Monitoring-Datenbank, aber keine von storebackup geschriebene Sicherung (sie hat keine Prüfsumme). Es wurde nichts wiederhergestellt. Sichern Sie sie mit storebackup und stellen Sie diese Sicherung wieder her.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The snapshot '{path}' is damaged ({error}). Nothing was restored; use another backup.</source>
      <translation>Die Sicherung „{path}“ ist beschädigt ({error}). Es wurde nichts wiederhergestellt; verwenden Sie eine andere Sicherung.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The snapshot '{path}' does not match its checksum: it was changed or damaged after the backup. Nothing was restored; use another backup.</source>
      <translation>Die Sicherung „{path}“ passt nicht zu ihrer Prüfsumme: Sie wurde nach dem Sichern verändert oder beschädigt. Es wurde nichts wiederhergestellt; verwenden Sie eine andere Sicherung.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The snapshot cannot be restored into itself; choose another store.</source>
      <translation>Eine Sicherung kann nicht in sich selbst wiederhergestellt werden; wählen Sie eine andere Monitoring-Datenbank.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The store {store} holds geometries in EPSG:{store_srid}, the snapshot in EPSG:{srid}. Nothing was restored; restore into a new store.</source>
      <translation>Die Monitoring-Datenbank {store} enthält Geometrien in EPSG:{store_srid}, die Sicherung in EPSG:{srid}. Es wurde nichts wiederhergestellt; stellen Sie sie in eine neue Monitoring-Datenbank wieder her.</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>{n} rows in {table}</source>
      <translation>{n} Zeilen in {table}</translation>
    </message>
    <message>
      <location filename="../../core/store/backup.py" />
      <source>The store {store} holds data ({what}). A restore replaces everything in it; confirm with 'overwrite', or restore into a new store. Nothing was restored.</source>
      <translation>Die Monitoring-Datenbank {store} enthält Daten ({what}). Eine Wiederherstellung ersetzt alles darin; bestätigen Sie das Überschreiben („overwrite“) oder stellen Sie in eine neue Monitoring-Datenbank wieder her. Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
      <location filename="../../core/store/carry.py" />
      <source>The store has no catalogue and no values yet; nothing to carry.</source>
      <translation>Die Monitoring-Datenbank hat noch keinen Katalog und keine Werte; es gibt nichts zu übertragen.</translation>
    </message>
    <message>
      <location filename="../../core/store/carry.py" />
      <source>The store has no block -&gt; {level} assignment valid at {date}. Register the blocks with their {level} (put_units with a parent column) for both boundary versions.</source>
      <translation>Die Monitoring-Datenbank hat keine am {date} gültige Zuordnung der Blöcke zur Ebene „{level}“. Registrieren Sie die Blöcke mit ihrer Einheit der Ebene „{level}“ (put_units mit einer Spalte der übergeordneten Einheit) für beide Grenzversionen.</translation>
    </message>
    <message>
      <location filename="../../core/store/carry.py" />
      <source>Blocks are assigned to {level} key(s) not registered as units valid at {date}: {keys}. Register the new {level} geometries first.</source>
      <translation>Blöcke sind Schlüsseln der Ebene „{level}“ zugeordnet, die nicht als am {date} gültige Raumeinheiten registriert sind: {keys}. Registrieren Sie zuerst die neuen Geometrien der Ebene „{level}“.</translation>
    </message>
    <message>
      <location filename="../../core/store/carry.py" />
      <source>The store has no block values of '{variable}' to weight with. Write the block populations first.</source>
      <translation>Die Monitoring-Datenbank hat keine Blockwerte von „{variable}“ zum Gewichten. Schreiben Sie zuerst die Einwohner der Blöcke.</translation>
    </message>
    <message>
      <location filename="../../core/store/carry.py" />
      <source>No {level} values found for the old boundaries ({date}) to carry.</source>
      <translation>Keine Werte der Ebene „{level}“ auf den alten Grenzen ({date}) zum Übertragen gefunden.</translation>
    </message>
    <message>
      <location filename="../../core/store/carry.py" />
      <source>All spaces kept their boundaries; nothing to carry.</source>
      <translation>Alle Räume haben ihre Grenzen behalten; es gibt nichts zu übertragen.</translation>
    </message>
    <message>
      <location filename="../../core/store/catalogue.py" />
      <source>The indicator catalogue has no id or no version. The store needs both to tell catalogues apart; add 'id' and 'version' to the catalogue file.</source>
      <translation>Der Indikatorenkatalog hat keine Kennung oder keine Version. Die Monitoring-Datenbank braucht beides, um Kataloge zu unterscheiden; ergänzen Sie „id“ und „version“ in der Katalogdatei.</translation>
    </message>
    <message>
      <location filename="../../core/store/catalogue.py" />
      <source>This store holds values of the indicator catalogue '{bound}', the data were computed with catalogue '{given}'. Nothing was written. Use the store's catalogue or a separate store.</source>
      <translation>Diese Monitoring-Datenbank enthält Werte des Indikatorenkatalogs „{bound}“, die Daten wurden mit dem Katalog „{given}“ berechnet. Es wurde nichts geschrieben. Verwenden Sie den Katalog der Monitoring-Datenbank oder eine eigene Monitoring-Datenbank.</translation>
    </message>
    <message>
      <location filename="../../core/store/catalogue.py" />
      <source>The store has no indicator catalogue yet. Give the catalogue the values were computed with.</source>
      <translation>Die Monitoring-Datenbank hat noch keinen Indikatorenkatalog. Geben Sie den Katalog an, mit dem die Werte berechnet wurden.</translation>
    </message>
    <message>
      <location filename="../../core/store/catalogue.py" />
      <source>This store holds values of the indicator catalogue '{bound}', the data were computed with catalogue '{given}' (version {version}). Nothing was written. Use the store's catalogue or a separate store.</source>
      <translation>Diese Monitoring-Datenbank enthält Werte des Indikatorenkatalogs „{bound}“, die Daten wurden mit dem Katalog „{given}“ (Version {version}) berechnet. Es wurde nichts geschrieben. Verwenden Sie den Katalog der Monitoring-Datenbank oder eine eigene Monitoring-Datenbank.</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>Unknown spatial level '{level}'. Use one of: {levels}.</source>
      <translation>Unbekannte räumliche Ebene „{level}“. Verwenden Sie eine von: {levels}.</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>reference date</source>
      <translation>Stichtag</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>valid-from date</source>
      <translation>Beginn der Gültigkeit</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>baseline date</source>
      <translation>Ausgangsdatum</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>deadline</source>
      <translation>Frist</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>evaluation date</source>
      <translation>Bewertungsdatum</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>geometry date</source>
      <translation>Datum der Grenzen</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>old boundary date</source>
      <translation>Datum der alten Grenzen</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>new boundary date</source>
      <translation>Datum der neuen Grenzen</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>The {what} is missing. Give a date (YYYY-MM-DD) or a year.</source>
      <translation>{what}: Die Angabe fehlt. Geben Sie ein Datum (JJJJ-MM-TT) oder ein Jahr an.</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>The {what} '{value}' is not a date. Write it as YYYY-MM-DD (e.g. 2023-12-31), DD.MM.YYYY or as a year (2023 means 2023-12-31).</source>
      <translation>{what}: „{value}“ ist kein Datum. Schreiben Sie es als JJJJ-MM-TT (z. B. 2023-12-31), TT.MM.JJJJ oder als Jahr (2023 bedeutet 2023-12-31).</translation>
    </message>
    <message>
      <location filename="../../core/store/common.py" />
      <source>Unknown target direction '{value}'. Use 'at_most' (the value should fall to the target or below) or 'at_least' (rise to the target or above).</source>
      <translation>Unbekannte Zielrichtung „{value}“. Verwenden Sie „at_most“ (der Wert soll auf den Zielwert oder darunter sinken) oder „at_least“ (auf den Zielwert oder darüber steigen).</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>PostgreSQL schema '{schema}' in {where}</source>
      <translation>PostgreSQL-Schema „{schema}“ in {where}</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>database '{db}' on {host}</source>
      <translation>Datenbank „{db}“ auf {host}</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The store file '{path}' must end with .gpkg (a GeoPackage), or give a PostgreSQL connection (postgresql://... or service=...).</source>
      <translation>Die Datei der Monitoring-Datenbank „{path}“ muss auf .gpkg enden (ein GeoPackage), oder geben Sie eine PostgreSQL-Verbindung an (postgresql://... oder service=...).</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>'{path}' is a folder; give the store's file name (ending with .gpkg).</source>
      <translation>„{path}“ ist ein Ordner; geben Sie den Dateinamen der Monitoring-Datenbank an (Endung .gpkg).</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The store '{path}' does not exist. Check the path; a new store is created only by the algorithms that write into it (storeunits, storewrite).</source>
      <translation>Die Monitoring-Datenbank „{path}“ existiert nicht. Prüfen Sie den Pfad; eine neue Monitoring-Datenbank legen nur die Algorithmen an, die in sie schreiben (storeunits, storewrite).</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The folder '{folder}' for the store does not exist. Create it or choose another one.</source>
      <translation>Der Ordner „{folder}“ für die Monitoring-Datenbank existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>'{path}' is a SQLite file but not a GeoPackage; choose another file name.</source>
      <translation>„{path}“ ist eine SQLite-Datei, aber kein GeoPackage; wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>PostgreSQL needs the Python package psycopg2 (Debian/Ubuntu: python3-psycopg2; it comes with the QGIS installers for Windows and macOS).</source>
      <translation>PostgreSQL braucht das Python-Paket psycopg2 (Debian/Ubuntu: python3-psycopg2; bei den QGIS-Installationsprogrammen für Windows und macOS ist es dabei).</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The PostgreSQL schema name '{schema}' is not allowed; use lower-case letters, digits and underscores.</source>
      <translation>Der PostgreSQL-Schemaname „{schema}“ ist nicht erlaubt; verwenden Sie Kleinbuchstaben, Ziffern und Unterstriche.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>Cannot connect to the PostgreSQL store ({error}). Check host, port, database, user and password of the connection.</source>
      <translation>Keine Verbindung zur PostgreSQL-Monitoring-Datenbank ({error}). Prüfen Sie Host, Port, Datenbank, Benutzer und Passwort der Verbindung.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The store file '{path}' is damaged ({error}). Nothing was changed. Restore it from a backup (storebackup writes one) or from a copy.</source>
      <translation>Die Datei der Monitoring-Datenbank „{path}“ ist beschädigt ({error}). Es wurde nichts geändert. Stellen Sie sie aus einer Sicherung (storebackup schreibt eine) oder aus einer Kopie wieder her.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The store '{path}' is locked by another program for too long (another import or an edit session in QGIS). Nothing was written; try again.</source>
      <translation>Die Monitoring-Datenbank „{path}“ ist zu lange von einem anderen Programm gesperrt (ein anderer Import oder eine Bearbeitungssitzung in QGIS). Es wurde nichts geschrieben; versuchen Sie es erneut.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The disk of the store '{path}' is full. Nothing was written.</source>
      <translation>Der Datenträger der Monitoring-Datenbank „{path}“ ist voll. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The PostgreSQL role may not do this in {store}: {error}. Nothing was written.</source>
      <translation>Die PostgreSQL-Rolle darf dies in {store} nicht: {error}. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>A municipality's role may change only the units and values of its own municipality.</source>
      <translation>Die Rolle einer Gemeinde darf nur die Raumeinheiten und Werte der eigenen Gemeinde ändern.</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>Ask the store's administrator for the right role (docs/store.md, roles).</source>
      <translation>Bitten Sie die Administration der Monitoring-Datenbank um die passende Rolle (docs/store.md, Rollen).</translation>
    </message>
    <message>
      <location filename="../../core/store/connection.py" />
      <source>The store {store} was opened for reading only; nothing was written.</source>
      <translation>Die Monitoring-Datenbank {store} wurde nur zum Lesen geöffnet; es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}': {error}</source>
      <translation>Einrichtung „{key}“: {error}</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>The facility table has no column '{column}'. Columns: {columns}.</source>
      <translation>Die Tabelle der Einrichtungen hat keine Spalte „{column}“. Spalten: {columns}.</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility keys in column '{column}' must be non-empty text (found {found!r}); every facility needs the id it keeps over the years.</source>
      <translation>Die Schlüssel der Einrichtungen in der Spalte „{column}“ müssen nicht leerer Text sein (gefunden: {found!r}); jede Einrichtung braucht die Kennung, die sie über die Jahre behält.</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility key '{key}' occurs more than once in column '{column}'. Nothing was written.</source>
      <translation>Der Einrichtungsschlüssel „{key}“ kommt in der Spalte „{column}“ mehrfach vor. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>opening date (column '{column}')</source>
      <translation>Eröffnungsdatum (Spalte „{column}“)</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>closing date (column '{column}')</source>
      <translation>Schließungsdatum (Spalte „{column}“)</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}' has no type (column '{column}').</source>
      <translation>Die Einrichtung „{key}“ hat keinen Typ (Spalte „{column}“).</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}': capacity '{capacity}' is not a number.</source>
      <translation>Einrichtung „{key}“: Die Kapazität „{capacity}“ ist keine Zahl.</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}': the capacity {capacity:g} is negative.</source>
      <translation>Einrichtung „{key}“: Die Kapazität {capacity:g} ist negativ.</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}' closes ({closed}) before or when it opens ({opened}).</source>
      <translation>Die Einrichtung „{key}“ schließt ({closed}) vor oder an dem Tag, an dem sie öffnet ({opened}).</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}'</source>
      <translation>Die Einrichtung „{key}“</translation>
    </message>
    <message>
      <location filename="../../core/store/facilities.py" />
      <source>Facility '{key}' has a version valid from {old}; a change must be valid from a later date than that, not {new}. Nothing was written.</source>
      <translation>Die Einrichtung „{key}“ hat eine Fassung, die ab {old} gilt; eine Änderung muss ab einem späteren Datum gelten, nicht ab {new}. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/files.py" />
      <source>'{path}' is not a GeoPackage: the file is not a SQLite database (another kind of file named .gpkg, or damaged). Choose the store's file, or a new file name for a new store.</source>
      <translation>„{path}“ ist kein GeoPackage: Die Datei ist keine SQLite-Datenbank (eine andere Art Datei mit der Endung .gpkg, oder beschädigt). Wählen Sie die Datei der Monitoring-Datenbank oder einen neuen Dateinamen für eine neue Monitoring-Datenbank.</translation>
    </message>
    <message>
      <location filename="../../core/store/files.py" />
      <source>The store '{path}' cannot be created: its folder is read-only. Choose a folder you may write to.</source>
      <translation>Die Monitoring-Datenbank „{path}“ kann nicht angelegt werden: Ihr Ordner ist schreibgeschützt. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
      <location filename="../../core/store/files.py" />
      <source>The store '{path}' cannot be written: the file or its folder is read-only (SQLite writes a journal file beside the store while it changes it). Nothing was written. Copy the store into a folder you may write to, or ask for write access; reading algorithms work on a read-only store.</source>
      <translation>In die Monitoring-Datenbank „{path}“ kann nicht geschrieben werden: Die Datei oder ihr Ordner ist schreibgeschützt (SQLite schreibt während einer Änderung eine Journaldatei neben die Datenbank). Es wurde nichts geschrieben. Kopieren Sie die Monitoring-Datenbank in einen Ordner, in den Sie schreiben dürfen, oder lassen Sie sich Schreibrechte geben; lesende Algorithmen arbeiten auch mit einer schreibgeschützten Monitoring-Datenbank.</translation>
    </message>
    <message>
      <location filename="../../core/store/files.py" />
      <source>The store file '{path}' is empty: it holds no store. Check the path.</source>
      <translation>Die Datei der Monitoring-Datenbank „{path}“ ist leer: Sie enthält keine Monitoring-Datenbank. Prüfen Sie den Pfad.</translation>
    </message>
    <message>
      <location filename="../../core/store/files.py" />
      <source>The store file '{path}' is incomplete: it holds {size:,} of {expected:,} bytes (cut off while copying or saving?). Nothing was changed. Restore it from a backup (storebackup writes one) or copy it again.</source>
      <translation>Die Datei der Monitoring-Datenbank „{path}“ ist unvollständig: Sie enthält {size} von {expected} Byte (beim Kopieren oder Speichern abgeschnitten?). Es wurde nichts geändert. Stellen Sie sie aus einer Sicherung wieder her (storebackup schreibt eine) oder kopieren Sie sie erneut.</translation>
    </message>
    <message>
      <location filename="../../core/store/files.py" />
      <source>The store file '{path}' is incomplete: it holds {size:,} (cut off while copying or saving?). Nothing was changed. Restore it from a backup (storebackup writes one) or copy it again.</source>
      <translation>Die Datei der Monitoring-Datenbank „{path}“ ist unvollständig: Sie enthält {size} Byte (beim Kopieren oder Speichern abgeschnitten?). Es wurde nichts geändert. Stellen Sie sie aus einer Sicherung wieder her (storebackup schreibt eine) oder kopieren Sie sie erneut.</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>A unit has no geometry. Every spatial unit needs a polygon.</source>
      <translation>Eine Raumeinheit hat keine Geometrie. Jede Raumeinheit braucht ein Polygon.</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>A unit has an empty geometry. Every spatial unit needs a polygon.</source>
      <translation>Eine Raumeinheit hat eine leere Geometrie. Jede Raumeinheit braucht ein Polygon.</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>A unit has a {type} geometry; spatial units must be polygons.</source>
      <translation>Eine Raumeinheit hat eine Geometrie vom Typ {type}; Raumeinheiten müssen Polygone sein.</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>A unit has an empty geometry (no area). Every spatial unit needs a polygon.</source>
      <translation>Eine Raumeinheit hat eine leere Geometrie (keine Fläche). Jede Raumeinheit braucht ein Polygon.</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>{what} has no geometry. Every facility needs a point.</source>
      <translation>{what} hat keine Geometrie. Jede Einrichtung braucht einen Punkt.</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>A facility</source>
      <translation>Eine Einrichtung</translation>
    </message>
    <message>
      <location filename="../../core/store/geometry.py" />
      <source>{what} has a {type} geometry; facilities are stored as points.</source>
      <translation>{what} hat eine Geometrie vom Typ {type}; Einrichtungen werden als Punkte gespeichert.</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>The table has no column '{id}' for indicator/variable '{id}'.</source>
      <translation>Die Tabelle hat keine Spalte „{id}“ für den Indikator bzw. die Variable „{id}“.</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>The layer has no key field '{field}'. Its fields: {fields}.</source>
      <translation>Der Layer hat kein Schlüsselfeld „{field}“. Seine Felder: {fields}.</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>The layer has no date/year field '{field}' (long layout: one row per unit and date). Choose the field with the year or reference date.</source>
      <translation>Der Layer hat kein Datums- oder Jahresfeld „{field}“ (langes Format: eine Zeile je Raumeinheit und Stichtag). Wählen Sie das Feld mit dem Jahr oder dem Stichtag.</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>date in field '{field}'</source>
      <translation>Datum im Feld „{field}“</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>The layer has indicator fields without a year. Give the reference date (or year) of the values.</source>
      <translation>Der Layer hat Indikatorfelder ohne Jahr. Geben Sie den Stichtag (oder das Jahr) der Werte an.</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>The layer has no fields of catalogue indicators or count variables (e.g. {ids} ...). Check the layer and the catalogue.</source>
      <translation>Der Layer hat keine Felder von Indikatoren oder Zählvariablen des Katalogs (z. B. {ids} ...). Prüfen Sie den Layer und den Katalog.</translation>
    </message>
    <message>
      <location filename="../../core/store/layers.py" />
      <source>Field '{field}' holds text that is not a number ('{text}' in row {row}). Indicator and count fields must hold numbers; mark secret or missing values in the field '&lt;id&gt;_flag' instead.</source>
      <translation>Das Feld „{field}“ enthält Text, der keine Zahl ist („{text}“ in Zeile {row}). Indikator- und Zählfelder müssen Zahlen enthalten; kennzeichnen Sie gesperrte oder fehlende Werte stattdessen im Feld „&lt;id&gt;_flag“.</translation>
    </message>
    <message>
      <location filename="../../core/store/migrations.py" />
      <source>The store '{store}' has schema version {current}, newer than this plugin knows ({known}). Update the Sozialplanung plugin.</source>
      <translation>Die Monitoring-Datenbank „{store}“ hat die Schemaversion {current}, neuer als dieses Plugin kennt ({known}). Aktualisieren Sie das Sozialplanung-Plugin.</translation>
    </message>
    <message>
      <location filename="../../core/store/migrations.py" />
      <source>'{store}' holds no Sozialmonitoring store (no table sm_schema_version). Check the path or the schema name.</source>
      <translation>„{store}“ enthält keine Monitoring-Datenbank (keine Tabelle sm_schema_version). Prüfen Sie den Pfad oder den Schemanamen.</translation>
    </message>
    <message>
      <location filename="../../core/store/migrations.py" />
      <source>The store '{store}' has schema version {current}; this plugin needs {needed}. Run a writing algorithm on it once (e.g. storeunits or storewrite), which updates it.</source>
      <translation>Die Monitoring-Datenbank „{store}“ hat die Schemaversion {current}; dieses Plugin braucht {needed}. Führen Sie einmal einen schreibenden Algorithmus auf ihr aus (z. B. storeunits oder storewrite), der sie aktualisiert.</translation>
    </message>
    <message>
      <location filename="../../core/store/migrations.py" />
      <source>The PostgreSQL user may not create or update the store's schema '{schema}' ({error}). Open the store once as its owner (the role that may create tables in the schema), see docs/store.md.</source>
      <translation>Der PostgreSQL-Benutzer darf das Schema „{schema}“ der Monitoring-Datenbank nicht anlegen oder aktualisieren ({error}). Öffnen Sie die Monitoring-Datenbank einmal als ihr Eigentümer (die Rolle, die im Schema Tabellen anlegen darf), siehe docs/store.md.</translation>
    </message>
    <message>
      <location filename="../../core/store/migrations.py" />
      <source>The PostgreSQL database has no PostGIS and the user may not install it ({error}). Ask the database administrator to run 'CREATE EXTENSION postgis;' in this database.</source>
      <translation>Die PostgreSQL-Datenbank hat kein PostGIS, und der Benutzer darf es nicht installieren ({error}). Bitten Sie die Datenbankadministration, in dieser Datenbank „CREATE EXTENSION postgis;“ auszuführen.</translation>
    </message>
    <message>
      <location filename="../../core/store/roles.py" />
      <source>Roles, row-level security and the audit exist only for a PostgreSQL store. A GeoPackage store is single-user: it is protected by the permissions of its folder (see docs/store.md).</source>
      <translation>Rollen, Zeilensicherheit (row-level security) und Protokollierung gibt es nur für eine PostgreSQL-Monitoring-Datenbank. Eine GeoPackage-Monitoring-Datenbank hat nur einen Benutzer: Sie ist durch die Rechte ihres Ordners geschützt (siehe docs/store.md).</translation>
    </message>
    <message>
      <location filename="../../core/store/roles.py" />
      <source>The disclosure threshold must be at least 1 (usually 3).</source>
      <translation>Die Geheimhaltungsschwelle muss mindestens 1 sein (üblich ist 3).</translation>
    </message>
    <message>
      <location filename="../../core/store/roles.py" />
      <source>The roles could not be set up ({error}). Run storeroles as a PostgreSQL superuser or as a role with CREATEROLE that owns the store's schema; nothing was changed.</source>
      <translation>Die Rollen konnten nicht eingerichtet werden ({error}). Führen Sie storeroles als PostgreSQL-Superuser aus oder als Rolle mit CREATEROLE, der das Schema der Monitoring-Datenbank gehört; es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../core/store/sql.py" />
      <source>name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../core/store/sql.py" />
      <source>role name</source>
      <translation>Rollenname</translation>
    </message>
    <message>
      <location filename="../../core/store/sql.py" />
      <source>role prefix</source>
      <translation>Rollenpräfix</translation>
    </message>
    <message>
      <location filename="../../core/store/sql.py" />
      <source>'{name}' is not allowed as a database {what}: use letters, digits and underscores only (at most 63 characters, not starting with a digit).</source>
      <translation>„{name}“ ist als {what} in der Datenbank nicht erlaubt: Verwenden Sie nur Buchstaben, Ziffern und Unterstriche (höchstens 63 Zeichen, nicht mit einer Ziffer beginnend).</translation>
    </message>
    <message>
      <location filename="../../core/store/sql.py" />
      <source>A text for the database contains a NUL character.</source>
      <translation>Ein Text für die Datenbank enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
      <location filename="../../core/store/targets.py" />
      <source>The targets table lacks the column(s) {columns}. Expected indicator, level, unit_key, target_value, direction, deadline, baseline_date, baseline_value.</source>
      <translation>Der Zieltabelle fehlen die Spalte(n) {columns}. Erwartet: indicator, level, unit_key, target_value, direction, deadline, baseline_date, baseline_value.</translation>
    </message>
    <message>
      <location filename="../../core/store/targets.py" />
      <source>targets row {row}: indicator '{indicator}' is not in the store's catalogue. Nothing was written.</source>
      <translation>Zieltabelle, Zeile {row}: Der Indikator „{indicator}“ steht nicht im Katalog der Monitoring-Datenbank. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/targets.py" />
      <source>targets row {row}: the unit key {key!r} must be text (leading zeros matter).</source>
      <translation>Zieltabelle, Zeile {row}: Der Schlüssel der Raumeinheit {key!r} muss Text sein (führende Nullen zählen).</translation>
    </message>
    <message>
      <location filename="../../core/store/targets.py" />
      <source>targets row {row}: unit '{key}' is not in the store at level '{level}'. Nothing was written.</source>
      <translation>Zieltabelle, Zeile {row}: Die Raumeinheit „{key}“ steht nicht auf der Ebene „{level}“ in der Monitoring-Datenbank. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/targets.py" />
      <source>targets row {row}: target value '{value}' is not a number.</source>
      <translation>Zieltabelle, Zeile {row}: Der Zielwert „{value}“ ist keine Zahl.</translation>
    </message>
    <message>
      <location filename="../../core/store/targets.py" />
      <source>targets row {row}: baseline value '{value}' is not a number.</source>
      <translation>Zieltabelle, Zeile {row}: Der Ausgangswert „{value}“ ist keine Zahl.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>The unit table has no key column '{column}'. Columns: {columns}.</source>
      <translation>Die Tabelle der Raumeinheiten hat keine Schlüsselspalte „{column}“. Spalten: {columns}.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>The unit table has no geometry column '{column}'.</source>
      <translation>Die Tabelle der Raumeinheiten hat keine Geometriespalte „{column}“.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>Unit keys in column '{column}' must be text (leading zeros matter); read the table with the key column as text.</source>
      <translation>Die Schlüssel der Raumeinheiten in der Spalte „{column}“ müssen Text sein (führende Nullen zählen); lesen Sie die Tabelle mit der Schlüsselspalte als Text.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>Unit key '{key}' occurs more than once in column '{column}'.</source>
      <translation>Der Schlüssel „{key}“ kommt in der Spalte „{column}“ mehrfach vor.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>The unit table has no parent column '{column}'.</source>
      <translation>Die Tabelle der Raumeinheiten hat keine Spalte „{column}“ der übergeordneten Einheit.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>The unit table has no municipality column '{column}'.</source>
      <translation>Die Tabelle der Raumeinheiten hat keine Gemeindespalte „{column}“.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>Unit '{key}' (level {level}) has a geometry valid from {old}; a new geometry must be valid from a later date than that, not {new}.</source>
      <translation>Die Raumeinheit „{key}“ (Ebene {level}) hat eine Geometrie, die ab {old} gilt; eine neue Geometrie muss ab einem späteren Datum gelten, nicht ab {new}.</translation>
    </message>
    <message>
      <location filename="../../core/store/units.py" />
      <source>Unit '{key}' is assigned to '{parent}' from {old}; a new assignment must start later than that, not {new}.</source>
      <translation>Die Raumeinheit „{key}“ ist ab {old} „{parent}“ zugeordnet; eine neue Zuordnung muss später beginnen, nicht am {new}.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>The values table lacks the column(s) {columns}. Expected unit_key, variable, value (optional: ref_date, numerator, denominator, flags).</source>
      <translation>Der Wertetabelle fehlen die Spalte(n) {columns}. Erwartet: unit_key, variable, value (optional: ref_date, numerator, denominator, flags).</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>The values have no reference date. Give a date (or year) for the import.</source>
      <translation>Die Werte haben keinen Stichtag. Geben Sie ein Datum (oder Jahr) für den Import an.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>Unit keys must be text (leading zeros matter), found {found!r}. Read the key column as text.</source>
      <translation>Die Schlüssel der Raumeinheiten müssen Text sein (führende Nullen zählen), gefunden: {found!r}. Lesen Sie die Schlüsselspalte als Text.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>Column '{column}' of the values holds text that is not a number ({error}).</source>
      <translation>Die Spalte „{column}“ der Werte enthält Text, der keine Zahl ist ({error}).</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>The values hold unit '{key}', variable '{variable}', date {date} more than once (row {row}). Remove the duplicates.</source>
      <translation>Die Werte enthalten Raumeinheit „{key}“, Variable „{variable}“, Stichtag {date} mehrfach (Zeile {row}). Entfernen Sie die Doppelungen.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>There are no values to write (the table is empty). Nothing was written.</source>
      <translation>Es gibt keine Werte zu schreiben (die Tabelle ist leer). Es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>{n} variable(s) are neither indicators nor count variables of catalogue '{catalogue}' version {version}: {variables}. Nothing was written. Check the catalogue or the column names.</source>
      <translation>{n} Variable(n) sind weder Indikatoren noch Zählvariablen des Katalogs „{catalogue}“, Version {version}: {variables}. Es wurde nichts geschrieben. Prüfen Sie den Katalog oder die Spaltennamen.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>{n} unit key(s) are not in the store at level '{level}' on {date}: {keys}. Nothing was written. Check the level and the key column, or register the units first.</source>
      <translation>{n} Schlüssel stehen am {date} nicht auf der Ebene „{level}“ in der Monitoring-Datenbank: {keys}. Es wurde nichts geschrieben. Prüfen Sie die Ebene und die Schlüsselspalte, oder registrieren Sie zuerst die Raumeinheiten.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>All values are already in the store; nothing was written.</source>
      <translation>Alle Werte stehen bereits in der Monitoring-Datenbank; es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="../../core/store/values.py" />
      <source>{inserted} values added, {updated} changed, {unchanged} unchanged.</source>
      <translation>{inserted} Werte hinzugefügt, {updated} geändert, {unchanged} unverändert.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses rule: '{name}' must be a number &gt;= 0 or empty, not {value!r}.</source>
      <translation>Regel der Stärken-Schwächen-Analyse: „{name}“ muss eine Zahl &gt;= 0 oder leer sein, nicht {value!r}.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses rule: give an SD limit or percentile limits (all are empty).</source>
      <translation>Regel der Stärken-Schwächen-Analyse: Geben Sie eine SD-Grenze oder Perzentilgrenzen an (alle sind leer).</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses rule: the low percentile ({low}) must be below the high ({high}).</source>
      <translation>Regel der Stärken-Schwächen-Analyse: Das untere Perzentil ({low}) muss unter dem oberen ({high}) liegen.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses rule: percentiles lie between 0 and 100, not {value}.</source>
      <translation>Regel der Stärken-Schwächen-Analyse: Perzentile liegen zwischen 0 und 100, nicht {value}.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses rule: alpha must lie between 0 and 1, not {alpha}.</source>
      <translation>Regel der Stärken-Schwächen-Analyse: Alpha muss zwischen 0 und 1 liegen, nicht {alpha}.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses rule: 'near' must be between 0 and 'clear'.</source>
      <translation>Regel der Stärken-Schwächen-Analyse: „near“ muss zwischen 0 und „clear“ liegen.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses: the space key {key!r} occurs more than once. Keys must be unique.</source>
      <translation>Stärken-Schwächen-Analyse: Der Sozialraumschlüssel {key!r} kommt mehrfach vor. Schlüssel müssen eindeutig sein.</translation>
    </message>
    <message>
      <location filename="../../core/strengths.py" />
      <source>Strengths–weaknesses: the layer has no field '{field}' (indicator '{indicator}', year {year}). Run 'Aggregate indicators' for this year or choose another indicator or year.</source>
      <translation>Stärken-Schwächen-Analyse: Der Layer hat kein Feld „{field}“ (Indikator „{indicator}“, Jahr {year}). Führen Sie „Indikatoren über Ebenen und Jahre aggregieren“ für dieses Jahr aus oder wählen Sie einen anderen Indikator oder ein anderes Jahr.</translation>
    </message>
    <message>
      <location filename="../../core/tables/model.py" />
      <source>{name}: a key occurs twice for the same column.</source>
      <translation>{name}: Ein Schlüssel kommt für dieselbe Spalte zweimal vor.</translation>
    </message>
    <message>
      <location filename="../../core/tables/model.py" />
      <source>{name}: the table has no year {year}; years present: {years}.</source>
      <translation>{name}: Die Tabelle enthält kein Jahr {year}; vorhandene Jahre: {years}.</translation>
    </message>
    <message>
      <location filename="../../core/tables/model.py" />
      <source>{n} empty cell(s) read as 'missing' (no value). Official tables use '.' or '-' instead of empty cells; check whether they mean 0.</source>
      <translation>{n} leere Zelle(n) als „fehlend“ (kein Wert) gelesen. Amtliche Tabellen verwenden „.“ oder „-“ statt leerer Zellen; prüfen Sie, ob 0 gemeint ist.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{name}: file not found ({path}).</source>
      <translation>{name}: Datei nicht gefunden ({path}).</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{name} (sheet '{sheet}')</source>
      <translation>{name} (Blatt „{sheet}“)</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{name}: {ext} files cannot be read. Open the file in Excel or LibreOffice and save it as .xlsx or as CSV (semicolon separated).</source>
      <translation>{name}: {ext}-Dateien können nicht gelesen werden. Öffnen Sie die Datei in Excel oder LibreOffice und speichern Sie sie als .xlsx oder als CSV (durch Semikolon getrennt).</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the file is empty.</source>
      <translation>{where}: Die Datei ist leer.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>row</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>line</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}, row {line}</source>
      <translation>{where}, Zeile {line}</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}, line {line}</source>
      <translation>{where}, Zeile {line}</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>, column {column}</source>
      <translation>, Spalte {column}</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source> ('{header}')</source>
      <translation> („{header}“)</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: line {line} (header_row) is empty or does not exist.</source>
      <translation>{where}: Zeile {line} (header_row) ist leer oder existiert nicht.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: '{cell}' has no values and was skipped (a heading inside the table?).</source>
      <translation>{where}: „{cell}“ hat keine Werte und wurde übersprungen (eine Zwischenüberschrift in der Tabelle?).</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key '{key}' occurs twice (also in {unit} {line}). Each key may occur once; remove or merge the duplicate row.</source>
      <translation>{where}: Der Schlüssel „{key}“ kommt zweimal vor (auch in {unit} {line}). Jeder Schlüssel darf nur einmal vorkommen; entfernen oder vereinen Sie die doppelte Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>row {row}, column {column}: {formula}</source>
      <translation>Zeile {row}, Spalte {column}: {formula}</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: {n} formula cell(s) have no stored result ({cells}) and were read as missing. The file was written by a program that does not calculate formulas: open it in Excel or LibreOffice and save it again, so that the results are stored.</source>
      <translation>{where}: {n} Formelzelle(n) haben kein gespeichertes Ergebnis ({cells}) und wurden als fehlend gelesen. Die Datei wurde von einem Programm geschrieben, das keine Formeln berechnet: Öffnen Sie sie in Excel oder LibreOffice und speichern Sie sie erneut, damit die Ergebnisse gespeichert werden.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{name}: every line has only one column. The table needs a key column and at least one value column; if the columns are separated by another character than ';', ',' or tab, give it as the separator.</source>
      <translation>{name}: Jede Zeile hat nur eine Spalte. Die Tabelle braucht eine Schlüsselspalte und mindestens eine Wertespalte; sind die Spalten durch ein anderes Zeichen als „;“, „,“ oder Tabulator getrennt, geben Sie es als Trennzeichen an.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{name}: no header row found{where}. The table needs one row of column names (e.g. 'Blocknummer;Einwohner insgesamt;...') followed by rows with numbers: add a header line, or give its line number as header_row.</source>
      <translation>{name}: keine Kopfzeile gefunden{where}. Die Tabelle braucht eine Zeile mit Spaltennamen (z. B. „Blocknummer;Einwohner insgesamt;...“), gefolgt von Zeilen mit Zahlen: Fügen Sie eine Kopfzeile ein oder geben Sie ihre Zeilennummer als header_row an.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source> (line {line} already holds numbers)</source>
      <translation> (Zeile {line} enthält schon Zahlen)</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: there is no column number {number}.</source>
      <translation>{where}: Es gibt keine Spalte Nummer {number}.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key column '{key}' is not in the header (line {line}). Columns: {columns}. Did you mean '{close}'?</source>
      <translation>{where}: Die Schlüsselspalte „{key}“ steht nicht in der Kopfzeile (Zeile {line}). Spalten: {columns}. Meinten Sie „{close}“?</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key column '{key}' is not in the header (line {line}). Columns: {columns}.</source>
      <translation>{where}: Die Schlüsselspalte „{key}“ steht nicht in der Kopfzeile (Zeile {line}). Spalten: {columns}.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the year column '{year}' is not in the header (line {line}). Columns: {columns}.</source>
      <translation>{where}: Die Jahresspalte „{year}“ steht nicht in der Kopfzeile (Zeile {line}). Spalten: {columns}.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: this column has values but no header in line {line}. Give the column a name in the header row.</source>
      <translation>{where}: Diese Spalte hat Werte, aber keine Überschrift in Zeile {line}. Geben Sie der Spalte in der Kopfzeile einen Namen.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the year {year} was taken from the title line; give the year explicitly if that is wrong.</source>
      <translation>{where}: Das Jahr {year} wurde aus der Titelzeile übernommen; geben Sie das Jahr ausdrücklich an, falls das nicht stimmt.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: besides the key column '{key}' the table has no value columns (header in line {line}).</source>
      <translation>{where}: Außer der Schlüsselspalte „{key}“ hat die Tabelle keine Wertespalten (Kopfzeile in Zeile {line}).</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: columns {first} ('{first_header}') and {second} ('{second_header}') both give the variable '{variable}' for {year}. Remove one of them or map them to different variables.</source>
      <translation>{where}: Die Spalten {first} („{first_header}“) und {second} („{second_header}“) enthalten beide die Variable „{variable}“ für {year}. Entfernen Sie eine davon oder ordnen Sie sie verschiedenen Variablen zu.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: columns {first} ('{first_header}') and {second} ('{second_header}') both give the variable '{variable}'. Remove one of them or map them to different variables.</source>
      <translation>{where}: Die Spalten {first} („{first_header}“) und {second} („{second_header}“) enthalten beide die Variable „{variable}“. Entfernen Sie eine davon oder ordnen Sie sie verschiedenen Variablen zu.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the row has values but no key. Fill in the key ('{key}') or delete the row.</source>
      <translation>{where}: Die Zeile hat Werte, aber keinen Schlüssel. Tragen Sie den Schlüssel („{key}“) ein oder löschen Sie die Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key {key} is a decimal number. Keys must be text (e.g. 05378004); format the key column as text in Excel.</source>
      <translation>{where}: Der Schlüssel {key} ist eine Dezimalzahl. Schlüssel müssen Text sein (z. B. 05378004); formatieren Sie die Schlüsselspalte in Excel als Text.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key '{key}' is in scientific notation, so its digits were lost when the file was saved from Excel. Format the key column as text and export the file again.</source>
      <translation>{where}: Der Schlüssel „{key}“ steht in wissenschaftlicher Schreibweise, daher gingen beim Speichern aus Excel Ziffern verloren. Formatieren Sie die Schlüsselspalte als Text und exportieren Sie die Datei erneut.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the year is empty. Fill in the year (e.g. 2014).</source>
      <translation>{where}: Das Jahr ist leer. Tragen Sie das Jahr ein (z. B. 2014).</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: '{cell}' is not a year. Write the year as four digits (e.g. 2014) or a date like 31.12.2014.</source>
      <translation>{where}: „{cell}“ ist kein Jahr. Schreiben Sie das Jahr mit vier Ziffern (z. B. 2014) oder als Datum wie 31.12.2014.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key '{key}' with the year {year} occurs twice (also in {unit} {line}). Each key may occur once per year; remove or merge the duplicate row.</source>
      <translation>{where}: Der Schlüssel „{key}“ mit dem Jahr {year} kommt zweimal vor (auch in {unit} {line}). Jeder Schlüssel darf je Jahr nur einmal vorkommen; entfernen oder vereinen Sie die doppelte Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the key '{key}' occurs twice (also in {unit} {line}). Each key may occur once per year; remove or merge the duplicate row.</source>
      <translation>{where}: Der Schlüssel „{key}“ kommt zweimal vor (auch in {unit} {line}). Jeder Schlüssel darf je Jahr nur einmal vorkommen; entfernen oder vereinen Sie die doppelte Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>a yes/no value is not a number</source>
      <translation>ein Ja/Nein-Wert ist keine Zahl</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>the cell is in scientific notation (Excel display), digits may be lost</source>
      <translation>die Zelle steht in wissenschaftlicher Schreibweise (Excel-Anzeige), Ziffern können verloren sein</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>not a number in German format</source>
      <translation>keine Zahl im deutschen Format</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>not a number</source>
      <translation>keine Zahl</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>a date, yes/no or other non-number</source>
      <translation>ein Datum, Ja/Nein oder ein anderer Nicht-Zahlenwert</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{n} more cell(s) cannot be read: {cells}.</source>
      <translation>{n} weitere Zelle(n) sind nicht lesbar: {cells}.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>row {row} column {column} '{cell}'</source>
      <translation>Zeile {row} Spalte {column} „{cell}“</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>line {line} column {column} '{cell}'</source>
      <translation>Zeile {line} Spalte {column} „{cell}“</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: '{cell}' is not a number ({why}). Numbers are written like 1.234 or 1.234,5 (German) and may carry '%'; allowed symbols are - (zero), 0, . (unknown/secret), ... (not yet available), x (not applicable), / (unreliable), * (anonymised), (12) (uncertain), 12 p/r/s. Correct the cell or replace it with '.' if the value is unknown.</source>
      <translation>{where}: „{cell}“ ist keine Zahl ({why}). Zahlen werden wie 1.234 oder 1.234,5 geschrieben (deutsch) und dürfen „%“ tragen; erlaubte Zeichen sind - (genau null), 0, . (unbekannt oder geheim), ... (noch nicht verfügbar), x (Aussage nicht sinnvoll), / (nicht sicher genug), * (anonymisiert), (12) (unsicher), 12 p/r/s. Korrigieren Sie die Zelle oder ersetzen Sie sie durch „.“, wenn der Wert unbekannt ist.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: key '{key}', variable '{variable}', year {year} occurs twice (also in {unit} {line}). Remove the duplicate row.</source>
      <translation>{where}: Schlüssel „{key}“, Variable „{variable}“, Jahr {year} kommt zweimal vor (auch in {unit} {line}). Entfernen Sie die doppelte Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: key '{key}', variable '{variable}' occurs twice (also in {unit} {line}). Remove the duplicate row.</source>
      <translation>{where}: Schlüssel „{key}“, Variable „{variable}“ kommt zweimal vor (auch in {unit} {line}). Entfernen Sie die doppelte Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: the row has no variable name. Fill in the variable ('{variable}') or delete the row.</source>
      <translation>{where}: Die Zeile hat keinen Variablennamen. Tragen Sie die Variable („{variable}“) ein oder löschen Sie die Zeile.</translation>
    </message>
    <message>
      <location filename="../../core/tables/reader.py" />
      <source>{where}: {n} key cell(s) had lost leading zeros (stored as numbers, e.g. {before} -&gt; {after}) and were padded to {width} digits. Format the key column as text to avoid this.</source>
      <translation>{where}: {n} Schlüsselzelle(n) hatten führende Nullen verloren (als Zahlen gespeichert, z. B. {before} -&gt; {after}) und wurden auf {width} Stellen aufgefüllt. Formatieren Sie die Schlüsselspalte als Text, um das zu vermeiden.</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: this is not a text table but {kind}, although the name ends in '{ext}'. Choose the file with the statistics. Save it as CSV (semicolon) or XLSX if it holds a table.</source>
      <translation>{name}: Das ist keine Texttabelle, sondern {kind}, obwohl der Name auf „{ext}“ endet. Wählen Sie die Datei mit der Statistik. Speichern Sie sie als CSV (Semikolon) oder XLSX, wenn sie eine Tabelle enthält.</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: this is not a text table (binary content). Save it as CSV (semicolon) or XLSX.</source>
      <translation>{name}: Das ist keine Texttabelle (binärer Inhalt). Speichern Sie sie als CSV (Semikolon) oder XLSX.</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>an Excel workbook (rename it to .xlsx)</source>
      <translation>eine Excel-Arbeitsmappe (benennen Sie sie in .xlsx um)</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>an OpenDocument file (save it as .xlsx or CSV)</source>
      <translation>eine OpenDocument-Datei (speichern Sie sie als .xlsx oder CSV)</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a WebP image</source>
      <translation>ein WebP-Bild</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a PNG image</source>
      <translation>ein PNG-Bild</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a JPEG image</source>
      <translation>ein JPEG-Bild</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a GIF image</source>
      <translation>ein GIF-Bild</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a PDF document</source>
      <translation>ein PDF-Dokument</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a TIFF image</source>
      <translation>ein TIFF-Bild</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a ZIP archive</source>
      <translation>ein ZIP-Archiv</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>an old Office file (.xls or .doc: save it as .xlsx or CSV)</source>
      <translation>eine alte Office-Datei (.xls oder .doc: speichern Sie sie als .xlsx oder CSV)</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>an SQLite database or GeoPackage</source>
      <translation>eine SQLite-Datenbank oder ein GeoPackage</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a gzip archive</source>
      <translation>ein gzip-Archiv</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a 7-Zip archive</source>
      <translation>ein 7-Zip-Archiv</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>a RAR archive</source>
      <translation>ein RAR-Archiv</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: cannot read the file with the encoding '{encoding}' ({error}). Leave the encoding empty to detect it, or try cp1252 or utf-8.</source>
      <translation>{name}: Die Datei lässt sich mit der Kodierung „{encoding}“ nicht lesen ({error}). Lassen Sie die Kodierung leer, um sie zu erkennen, oder versuchen Sie cp1252 oder utf-8.</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: the file is UTF-8, but {n} line(s) are not ({lines}): read as cp1252 (Windows). Check their umlauts, and save the file in one encoding (UTF-8).</source>
      <translation>{name}: Die Datei ist UTF-8, aber {n} Zeile(n) nicht ({lines}): als cp1252 (Windows) gelesen. Prüfen Sie deren Umlaute und speichern Sie die Datei in einer Kodierung (UTF-8).</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}, line {line}: the line cannot be split into cells ({error}). Check for an unclosed quote (").</source>
      <translation>{name}, Zeile {line}: Die Zeile lässt sich nicht in Zellen aufteilen ({error}). Prüfen Sie, ob ein Anführungszeichen (") nicht geschlossen ist.</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}, line {line}: a quote (") opened in this line is never closed, so the rest of the file was read as one cell. Remove the stray quote or close it.</source>
      <translation>{name}, Zeile {line}: Ein in dieser Zeile geöffnetes Anführungszeichen (") wird nie geschlossen, daher wurde der Rest der Datei als eine Zelle gelesen. Entfernen oder schließen Sie das überzählige Anführungszeichen.</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: reading XLSX needs the Python package openpyxl (Debian: python3-openpyxl).</source>
      <translation>{name}: Zum Lesen von XLSX wird das Python-Paket openpyxl benötigt (Debian: python3-openpyxl).</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>it is no ZIP archive, as every .xlsx file is</source>
      <translation>sie ist kein ZIP-Archiv, wie es jede .xlsx-Datei ist</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>the ZIP archive holds no Excel workbook</source>
      <translation>das ZIP-Archiv enthält keine Excel-Arbeitsmappe</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: the file cannot be opened as an Excel workbook ({error}). Save it again as .xlsx or as CSV (semicolon).</source>
      <translation>{name}: Die Datei lässt sich nicht als Excel-Arbeitsmappe öffnen ({error}). Speichern Sie sie erneut als .xlsx oder als CSV (Semikolon).</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: there is no sheet number {number}; the workbook has {n} sheets ({sheets}).</source>
      <translation>{name}: Es gibt kein Blatt Nummer {number}; die Arbeitsmappe hat {n} Blätter ({sheets}).</translation>
    </message>
    <message>
      <location filename="../../core/tables/source.py" />
      <source>{name}: there is no sheet '{sheet}'. Sheets: {sheets}{suggestion}.</source>
      <translation>{name}: Es gibt kein Blatt „{sheet}“. Blätter: {sheets}{suggestion}.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>Rule set '{source}' not found (neither a file nor one of {names}).</source>
      <translation>Regelsatz „{source}“ nicht gefunden (weder eine Datei noch einer von {names}).</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>Rule file {path}{where} is not valid YAML: {problem}.</source>
      <translation>Die Regeldatei {path}{where} ist kein gültiges YAML: {problem}.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: a rule set needs a non-empty list 'fields'.</source>
      <translation>{origin}: Ein Regelsatz braucht eine nicht leere Liste „fields“.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: reference '{reference}' unknown (use county or municipality).</source>
      <translation>{origin}: Referenz „{reference}“ unbekannt (verwenden Sie county oder municipality).</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: field no. {i} has no 'id'.</source>
      <translation>{origin}: Handlungsfeld Nr. {i} hat keine „id“.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: field id '{id}' is used twice.</source>
      <translation>{origin}: Die Kennung „{id}“ eines Handlungsfelds kommt doppelt vor.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: field '{id}' has no conditions.</source>
      <translation>{origin}: Das Handlungsfeld „{id}“ hat keine Bedingungen.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: field '{id}': min_conditions must be 1..{n}, got {got}.</source>
      <translation>{origin}: Handlungsfeld „{id}“: min_conditions muss zwischen 1 und {n} liegen, angegeben: {got}.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{origin}: field '{id}', condition {j}</source>
      <translation>{origin}: Handlungsfeld „{id}“, Bedingung {j}</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{where}: no 'indicator'.</source>
      <translation>{where}: kein „indicator“.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{where}: op '{op}' unknown (use &gt;, &gt;=, &lt;, &lt;=).</source>
      <translation>{where}: Operator „{op}“ unbekannt (verwenden Sie &gt;, &gt;=, &lt;, &lt;=).</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{where}: give exactly one of {kinds}.</source>
      <translation>{where}: Geben Sie genau eines von {kinds} an.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{where}: '{kind}' must be a number.</source>
      <translation>{where}: „{kind}“ muss eine Zahl sein.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{where}: quantile must be between 0 and 1.</source>
      <translation>{where}: Das Quantil muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>{where}: 'of' must be county or municipality.</source>
      <translation>{where}: „of“ muss county oder municipality sein.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>Weights field '{field}' not found.</source>
      <translation>Das Gewichtsfeld „{field}“ ist nicht vorhanden.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>The layer has no field for indicator(s) {indicators} (or '&lt;id&gt;_{year}'), used by rule set '{rules}' (action field(s) {fields}). Map them to fields, correct the indicator id in the rule set, or allow skipping conditions without data.</source>
      <translation>Der Layer hat kein Feld für den oder die Indikator(en) {indicators} (oder „&lt;id&gt;_{year}“), die der Regelsatz „{rules}“ verwendet (Handlungsfeld(er) {fields}). Ordnen Sie ihnen Felder zu, korrigieren Sie die Indikatorkennung im Regelsatz oder erlauben Sie, Bedingungen ohne Daten zu überspringen.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>The layer has no field for indicator(s) {indicators} (or '&lt;id&gt;_{year}'), used by the rule set (action field(s) {fields}). Map them to fields, correct the indicator id in the rule set, or allow skipping conditions without data.</source>
      <translation>Der Layer hat kein Feld für den oder die Indikator(en) {indicators} (oder „&lt;id&gt;_{year}“), die der Regelsatz verwendet (Handlungsfeld(er) {fields}). Ordnen Sie ihnen Felder zu, korrigieren Sie die Indikatorkennung im Regelsatz oder erlauben Sie, Bedingungen ohne Daten zu überspringen.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>The layer has no field for indicator(s) {indicators}, used by rule set '{rules}' (action field(s) {fields}). Map them to fields, correct the indicator id in the rule set, or allow skipping conditions without data.</source>
      <translation>Der Layer hat kein Feld für den oder die Indikator(en) {indicators}, die der Regelsatz „{rules}“ verwendet (Handlungsfeld(er) {fields}). Ordnen Sie ihnen Felder zu, korrigieren Sie die Indikatorkennung im Regelsatz oder erlauben Sie, Bedingungen ohne Daten zu überspringen.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>The layer has no field for indicator(s) {indicators}, used by the rule set (action field(s) {fields}). Map them to fields, correct the indicator id in the rule set, or allow skipping conditions without data.</source>
      <translation>Der Layer hat kein Feld für den oder die Indikator(en) {indicators}, die der Regelsatz verwendet (Handlungsfeld(er) {fields}). Ordnen Sie ihnen Felder zu, korrigieren Sie die Indikatorkennung im Regelsatz oder erlauben Sie, Bedingungen ohne Daten zu überspringen.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>Indicator '{indicator}' is compared with the municipality but no municipality field is given.</source>
      <translation>Der Indikator „{indicator}“ wird mit der Gemeinde verglichen, aber es ist kein Gemeindefeld angegeben.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>Field '{id}': condition '{condition}' skipped (no data).</source>
      <translation>Handlungsfeld „{id}“: Bedingung „{condition}“ übersprungen (keine Daten).</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>Field '{id}': a municipality quantile needs a municipality field.</source>
      <translation>Handlungsfeld „{id}“: Ein Quantil der Gemeinde braucht ein Gemeindefeld.</translation>
    </message>
    <message>
      <location filename="../../core/typology.py" />
      <source>This is not a Sozialplanung typology record.</source>
      <translation>Dies ist keine Methodenbeschreibung einer Sozialplanung-Typologie.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} is empty.</source>
      <translation>Die Gittertabelle {path} ist leer.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>Unknown encoding '{encoding}' for the grid table {path}.</source>
      <translation>Unbekannte Kodierung „{encoding}“ für die Gittertabelle {path}.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} has no ';' in its header line ('{header}'). Zensus grid tables are separated by ';'.</source>
      <translation>Die Gittertabelle {path} hat kein „;“ in ihrer Kopfzeile („{header}“). Zensus-Gittertabellen sind durch „;“ getrennt.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} has no column GITTER_ID_100m (or _1km, _10km); its columns are {columns}. Is it a Zensus grid table?</source>
      <translation>Die Gittertabelle {path} hat keine Spalte GITTER_ID_100m (oder _1km, _10km); ihre Spalten sind {columns}. Ist es eine Zensus-Gittertabelle?</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} has no column(s) {missing}; value columns: {columns}.</source>
      <translation>Die Gittertabelle {path} hat keine Spalte(n) {missing}; Wertspalten: {columns}.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} has no value column besides id and coordinates.</source>
      <translation>Die Gittertabelle {path} hat außer Kennung und Koordinaten keine Wertspalte.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} is not in {encoding} encoding.</source>
      <translation>Die Gittertabelle {path} ist nicht in der Kodierung {encoding}.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} could not be read as ';' table: {error}</source>
      <translation>Die Gittertabelle {path} ließ sich nicht als „;“-Tabelle lesen: {error}</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>The grid table {path} has a header but no cells.</source>
      <translation>Die Gittertabelle {path} hat eine Kopfzeile, aber keine Zellen.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>{path}, line {line}, column {column}: '{value}' is no coordinate.</source>
      <translation>{path}, Zeile {line}, Spalte {column}: „{value}“ ist keine Koordinate.</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>{path}, line {line}: '{value}' is no grid cell id (CRS3035RES100mN...E...).</source>
      <translation>{path}, Zeile {line}: „{value}“ ist keine Kennung einer Gitterzelle (CRS3035RES100mN...E...).</translation>
    </message>
    <message>
      <location filename="../../core/zensus_grid.py" />
      <source>{path}, line {line}, column {number} ({column}): '{value}' is neither a number nor a symbol of the Zensus tables ('–' secret, '.' unknown).</source>
      <translation>{path}, Zeile {line}, Spalte {number} ({column}): „{value}“ ist weder eine Zahl noch ein Zeichen der Zensustabellen („–“ gesperrt, „.“ unbekannt).</translation>
    </message>
  </context>
</TS>

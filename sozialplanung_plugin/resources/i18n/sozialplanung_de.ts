<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AggregateIndicators</name>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="151" />
      <source>Aggregate indicators across levels and years</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="162" />
      <source>Spatial units (e.g. statistical blocks)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="164" />
      <source>Unit key field (matches the tables' key column)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="167" />
      <source>Statistics tables (CSV/XLSX files)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="169" />
      <source>Key column in the tables (empty = detect, e.g. Blocknummer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="172" />
      <source>Years of tables without a year column, in order (e.g. 2023, 2024)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="175" />
      <source>Indicator catalogue (empty = default catalogue)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="178" />
      <source>Indicator ids, comma separated (empty = all computable)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="180" />
      <source>Assignment fields of the units, lowest level first (e.g. sr_id, ags)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="183" />
      <source>Name fields for these levels, same order (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="186" />
      <source>Municipality field (reference level; default: 'ags' if listed)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="189" />
      <source>Target polygon layer (units assigned by point on surface)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="192" />
      <source>Target key field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="195" />
      <source>Target name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="198" />
      <source>Add the county level (all units)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="200" />
      <source>County name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="202" />
      <source>Layout of years</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="202" />
      <source>wide: one row per unit, &lt;id&gt;_&lt;year&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="203" />
      <source>long: one row per unit and year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="205" />
      <source>Add reference values (county, municipality) and deviations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="207" />
      <source>Disclosure control for publication (suppress small counts)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="209" />
      <source>Suppress counts below</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="211" />
      <source>Suppress zero counts too</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="213" />
      <source>Units without a table row count as zero (else: sums incomplete)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="216" />
      <source>Dissolve unit geometries for the output levels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="219" />
      <source>Level {} (assignment field {})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="223" />
      <source>Target layer level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="226" />
      <source>County</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="229" />
      <source>Units (the input level itself)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="232" />
      <source>Report of unmatched keys</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="234" />
      <source>Method and catalogue version (JSON)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="235" />
      <source>Indicators computed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="236" />
      <source>Table keys without a unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="237" />
      <source>Units without a table row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="238" />
      <source>Cells suppressed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="254" />
      <source>At most {} assignment fields can be given.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="257" />
      <source>Give one name field per assignment field ({} assignment fields, {} name fields), or none.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="265" />
      <source>The unit layer has no features. Choose a layer with units.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="271" />
      <source>Choose the key field of the target polygon layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="283" />
      <source>No target level: choose assignment fields, a target polygon layer or the county level.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="287" />
      <source>Reading catalogue and tables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="293" />
      <source>Choose at least one statistics table.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="305" />
      <source>Unknown indicator id(s): {}. The catalogue has: {}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="311" />
      <source>Reading units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="321" />
      <source>table row without a unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="323" />
      <source>unit without a table row</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="328" />
      <source>{name}: no key of the table matches the unit key field '{field}'. {msg}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="336" />
      <source>unit has no value in '{}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="347" />
      <source>unit point lies in no target</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="367" />
      <source>Aggregating</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="380" />
      <source>Indicator {} skipped: the tables lack {}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="383" />
      <source>Indicators computed: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="412" />
      <source>Level {lv}: {n} fields. GeoPackage and SQLite allow at most 1999 columns: choose the long layout, fewer indicators or fewer years for file outputs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="425" />
      <source>Disclosure control: {} cells suppressed (threshold {}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/aggregate_indicators.py" line="501" />
      <source>The unit key field '{f}' has duplicate values ({d}). Each unit needs its own key.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CatalogueDock</name>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="20" />
      <source>Indicator catalogue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="29" />
      <source>Search indicators (name, id, description)…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="33" />
      <source>Indicator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="33" />
      <source>Unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="55" />
      <source>The indicator catalogue could not be loaded:
{}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="97" />
      <source>Id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="98" />
      <source>Topic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="99" />
      <source>Numerator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="100" />
      <source>Denominator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="102" />
      <source>Polarity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="103" />
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/catalogue_dock.py" line="104" />
      <source>Source</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DefineSocialSpaces</name>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="40" />
      <source>Define social spaces from blocks (assignment)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="44" />
      <source>Statistical blocks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="46" />
      <source>Social space id field (assignment)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="48" />
      <source>Social space name field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="50" />
      <source>Municipality field (spaces must not cross it)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="53" />
      <source>Residents field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="56" />
      <source>Other count fields to sum per space</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="59" />
      <source>Population floor (0 = no check)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="62" />
      <source>Population ceiling (0 = no check)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="65" />
      <source>Social spaces</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="67" />
      <source>Validation report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="68" />
      <source>Number of social spaces</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="69" />
      <source>Number of validation findings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="81" />
      <source>The population floor ({}) is above the ceiling ({}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="84" />
      <source>The block layer has no features. Choose a layer with blocks.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="96" />
      <source>block has no social space id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="101" />
      <source>block has no geometry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="105" />
      <source>invalid geometry repaired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="118" />
      <source>Social space id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="119" />
      <source>Social space</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="121" />
      <source>Municipality</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="122" />
      <source>Blocks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="126" />
      <source>Area (km²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="136" />
      <source>space falls apart into {} parts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="139" />
      <source>space lies in several municipalities: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="143" />
      <source>{} residents &lt; floor {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="145" />
      <source>{} residents &gt; ceiling {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/define_social_spaces.py" line="171" />
      <source>{} social spaces from {} blocks; {} findings in the validation report.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExportCatalogue</name>
    <message>
      <location filename="../../processing/export_catalogue.py" line="46" />
      <source>Export indicator catalogue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="53" />
      <source>County catalogue file (overlays the default; empty = default only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="54" />
      <source>YAML (*.yaml *.yml)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="56" />
      <source>CSV encoding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="57" />
      <source>cp1252 (German Excel)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="57" />
      <source>UTF-8 with BOM</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="59" />
      <source>CSV content</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="59" />
      <source>indicators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="59" />
      <source>count variables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="62" />
      <source>Catalogue file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="63" />
      <source>Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="64" />
      <source>Catalogue version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="65" />
      <source>Number of indicators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="66" />
      <source>Number of count variables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="76" />
      <source>Choose an output file (.xlsx, .csv or .yaml).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="80" />
      <source>The output file must end in .xlsx, .csv or .yaml, not '{}'.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/export_catalogue.py" line="90" />
      <source>Catalogue {version}: {n} indicators ({d} disabled), {v} count variables -&gt; {out}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportTable</name>
    <message>
      <location filename="../../processing/import_table.py" line="71" />
      <source>Import statistics table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="78" />
      <source>Statistics table (CSV or XLSX)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="79" />
      <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*.*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="81" />
      <source>Key column header (empty = detect, e.g. Blocknummer, AGS, Gebiet)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="83" />
      <source>Sheet (XLSX; empty = first sheet)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="85" />
      <source>Output layout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="86" />
      <source>wide: one row per key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="86" />
      <source>long: one row per cell</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="88" />
      <source>Map headers to the catalogue's count variables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="90" />
      <source>County catalogue file (overlays the default; optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="91" />
      <source>YAML (*.yaml *.yml)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="93" />
      <source>Year of the table when its headers carry none (0 = none / from the title)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="96" />
      <source>Encoding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="97" />
      <source>detect</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="98" />
      <source>UTF-8 with BOM</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="99" />
      <source>Separator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="100" />
      <source>semicolon ;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="100" />
      <source>comma ,</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="101" />
      <source>tab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="102" />
      <source>Header line (0 = detect)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="104" />
      <source>Pad numeric keys to this many digits (0 = auto)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="112" />
      <source>Layer to compare keys with (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="115" />
      <source>Key field of that layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="118" />
      <source>Imported table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="120" />
      <source>Import report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="121" />
      <source>Number of keys</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="122" />
      <source>Number of cells read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="123" />
      <source>Years found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="124" />
      <source>Variables found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="125" />
      <source>Cells per status (JSON)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="126" />
      <source>Catalogue version used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="127" />
      <source>Keys only in the table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="128" />
      <source>Keys only in the layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="138" />
      <source>Choose a statistics table (CSV or XLSX).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="152" />
      <source>Choose the key field of the layer to compare keys with.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="154" />
      <source>key field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="197" />
      <source>not a catalogue variable; kept as '{}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="210" />
      <source>{} keys in both</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/import_table.py" line="239" />
      <source>{keys} keys, {vars} variables, years {years}; cells by status: {counts}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>IndicatorForm</name>
    <message>
      <location filename="../../ui/indicator_form.py" line="43" />
      <source>Edit indicator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="43" />
      <source>New indicator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="57" />
      <source>Lower case letters, digits and _ (e.g. sgb2_quote_u25)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="65" />
      <source>Status (value at a reference date)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="66" />
      <source>Dynamics (change of a status indicator)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="68" />
      <source>Count variables, comma separated; '-x' subtracts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="69" />
      <source>Count variables, comma separated; area_km2 = area; empty = absolute value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="86" />
      <source>previous period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="91" />
      <source>100 for %, 1000 for ‰ ...</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="94" />
      <source>higher = worse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="95" />
      <source>higher = better</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="96" />
      <source>neutral (context)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="104" />
      <source>Below this denominator the value is flagged unreliable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="122" />
      <source>&amp;Id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="122" />
      <source>&amp;Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="123" />
      <source>Short name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="123" />
      <source>&amp;Topic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="124" />
      <source>&amp;Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="124" />
      <source>N&amp;umerator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="125" />
      <source>&amp;Denominator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="125" />
      <source>Base indicator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="126" />
      <source>Change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="126" />
      <source>Period (years)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="127" />
      <source>U&amp;nit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="127" />
      <source>&amp;Multiplier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="128" />
      <source>&amp;Polarity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="128" />
      <source>Definition</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="129" />
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="129" />
      <source>Update interval</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="130" />
      <source>Reference date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="130" />
      <source>Minimum denominator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="131" />
      <source>Disclosure threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="131" />
      <source>Action fields</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="132" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="268" />
      <source>Enter an id (lower case letters, digits and _, e.g. sgb2_quote_u25).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="270" />
      <source>An indicator with the id '{}' exists already; choose another id or edit that indicator.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/indicator_form.py" line="273" />
      <source>this form</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SozialplanungAlgorithm</name>
    <message>
      <location filename="../../processing/base.py" line="121" />
      <source>The layer for '{}' could not be loaded. Check that the file or source exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/base.py" line="130" />
      <source>Layer '{layer}' has no field {missing}{what}. Its fields are: {fields}. Choose the right field or layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/base.py" line="138" />
      <source>Layer '{}' has no features. Choose a layer with data.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/base.py" line="143" />
      <source>Layers '{a}' ({acrs}) and '{b}' ({bcrs}) have different coordinate reference systems. Reproject one of them (Vector &gt; Data Management &gt; Reproject Layer) and run again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../processing/base.py" line="149" />
      <source>Canceled: nothing was written.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SozialplanungPlugin</name>
    <message>
      <location filename="../../plugin.py" line="39" />
      <source>&amp;Sozialplanung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin.py" line="50" />
      <source>Indicator catalogue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin.py" line="51" />
      <source>Show or hide the indicator catalogue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../plugin.py" line="56" />
      <source>Sozialplanung algorithms…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SozialplanungProvider</name>
    <message>
      <location filename="../../processing/provider.py" line="50" />
      <source>Sozialplanung</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>

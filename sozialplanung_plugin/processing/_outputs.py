"""What the algorithms that write indicator layers share on the QGIS side: field aliases from the catalogue,
the method record as layer metadata (on the layer and inside a GeoPackage file).

Used by aggregateindicators, interpolateindicators, facilitysupply and networkaccess, so that none imports
another algorithm's module. The field names are read through core.fields.
"""

import json

from qgis.PyQt.QtCore import QCoreApplication

from ..core import fields as contract


def method_layer_metadata(meta, md=None):
    """QgsLayerMetadata carrying the method record (abstract = JSON; keywords with the versions)."""
    from qgis.core import QgsLayerMetadata

    md = md if md is not None else QgsLayerMetadata()
    md.setAbstract(json.dumps(meta, ensure_ascii=False, default=str, indent=1))
    md.setKeywords(
        {
            "sozialplanung": [
                f"method_version={meta.get('method_version')}",
                f"catalogue_version={meta.get('catalogue_version')}",
            ]
        }
    )
    if not md.title():
        md.setTitle(f"Sozialplanung: {meta.get('level', '')}")
    return md


def save_file_metadata(dest, meta, feedback=None):
    """Store the method record in a GeoPackage output (gpkg_metadata), so it travels with the file."""
    from qgis.core import QgsProviderRegistry

    if not isinstance(dest, str) or ".gpkg" not in dest.lower():
        return False
    try:
        QgsProviderRegistry.instance().saveLayerMetadata("ogr", dest, method_layer_metadata(meta))
        return True
    except Exception as err:  # pragma: no cover - older GDAL/QGIS: the field sp_method still records it
        if feedback is not None:
            feedback.pushInfo(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm", "Method record not stored as layer metadata of {dest}: {error}"
                ).format(dest=dest, error=err)
            )
        return False


def apply_decoration(layer, aliases, meta):
    """Field aliases and the method record (layer metadata) on an output layer."""
    fields = layer.fields()
    for name, alias in aliases.items():
        idx = fields.lookupField(name)
        if idx >= 0:
            layer.setFieldAlias(idx, alias)
    layer.setMetadata(method_layer_metadata(meta, layer.metadata()))


def field_aliases(columns, ind_by_id, tr):
    """Field aliases from the catalogue: '<short name> <year>', '<short name>: numerator <year>' ...
    (the field names of core.fields; other columns keep their names)."""
    words = {
        "num": tr("numerator"),
        "den": tr("denominator"),
        "flag": tr("flag"),
        "ref_county": tr("county"),
        "dev_county": tr("deviation from county"),
        "ratio_county": tr("ratio to county"),
        "ref_mun": tr("municipality"),
        "dev_mun": tr("deviation from municipality"),
        "ratio_mun": tr("ratio to municipality"),
        "devflag": tr("flag of the reference values"),
        "chg_flag": tr("change flag"),
        "chg": tr("change"),
        "pct": tr("change in %"),
    }
    fixed = {
        "key": tr("Key"),
        "name": tr("Name"),
        "n_units": tr("Units"),
        "area_km2": tr("Area (km²)"),
        "year": tr("Year"),
        "sp_method": tr("Method"),
    }
    out = {}
    ids = set(ind_by_id)
    for col in columns:
        if col in fixed:
            out[col] = fixed[col]
            continue
        f = contract.parse_field(col, ids)
        if f is None:
            continue
        ind = ind_by_id[f.id]
        label = getattr(ind, "short_name", None) or getattr(ind, "name", None) or f.id
        text = f"{label}: {words[f.part]}" if f.part else label
        if f.previous:
            text += " " + tr("(to previous year)")
        years = [str(y) for y in (f.year, f.year_to) if y is not None]
        if years:
            text += " " + "–".join(years)
        out[col] = text
    return out

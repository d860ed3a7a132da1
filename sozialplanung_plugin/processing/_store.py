"""Shared glue of the monitoring-store algorithms (not an algorithm: the leading '_' keeps the provider away).

The STORE parameter is one text: a GeoPackage path (``*.gpkg``), the name of a PostgreSQL connection saved in
QGIS (Browser > PostgreSQL), or a libpq connection string (``host=... dbname=...``, ``service=...``,
``postgresql://...``). The core (core/store/) never sees QGIS; here the connection name is turned into a
connection string, geometries into WKB and keys into text.
"""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import ProcessingParameterFlag

LEVEL_IDS = ["block", "space", "municipality", "county"]
STORE = "STORE"
SCHEMA = "SCHEMA"
LEVEL = "LEVEL"


def level_labels(tr=None):
    """Translated level names (context of the algorithm base, so every store algorithm shares them)."""
    return [
        QCoreApplication.translate("SozialplanungAlgorithm", "statistical blocks"),
        QCoreApplication.translate("SozialplanungAlgorithm", "social spaces"),
        QCoreApplication.translate("SozialplanungAlgorithm", "municipalities"),
        QCoreApplication.translate("SozialplanungAlgorithm", "county"),
    ]


def add_store_parameters(alg, with_level=True, default_level=1):
    alg.addParameter(
        QgsProcessingParameterString(
            STORE,
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "Store: GeoPackage file (.gpkg), QGIS PostgreSQL connection name or connection string",
            ),
        )
    )
    schema = QgsProcessingParameterString(
        SCHEMA,
        QCoreApplication.translate("SozialplanungAlgorithm", "PostgreSQL schema of the store"),
        "sozialmonitoring",
        optional=True,
    )
    schema.setFlags(schema.flags() | ProcessingParameterFlag.Advanced)
    alg.addParameter(schema)
    if with_level:
        alg.addParameter(
            QgsProcessingParameterEnum(
                LEVEL,
                QCoreApplication.translate("SozialplanungAlgorithm", "Spatial level"),
                level_labels(),
                defaultValue=default_level,
            )
        )


def level_of(alg, parameters, context, name=LEVEL):
    return LEVEL_IDS[alg.parameterAsEnum(parameters, name, context)]


def resolve_target(text):
    """GeoPackage path or libpq connection string for the STORE text (QGIS connection names resolved)."""
    from ..core.store import is_pg_target

    text = (text or "").strip()
    if not text:
        raise QgsProcessingException(
            "Give the store: a GeoPackage file (.gpkg), the name of a PostgreSQL "
            "connection saved in QGIS, or a connection string."
        )
    if text.lower().endswith(".gpkg") or is_pg_target(text):
        return text
    uri = _qgis_connection_uri(text)
    if uri is not None:
        return uri
    raise QgsProcessingException(
        f"'{text}' is neither a GeoPackage file (.gpkg) nor a PostgreSQL connection saved in QGIS nor a "
        f"connection string (host=... dbname=... or service=...). Check the spelling of the connection name."
    )


def _qgis_connection_uri(name):
    """libpq connection string of a PostgreSQL connection saved in QGIS (auth configurations expanded)."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    if md is None:
        return None
    try:
        conn = md.findConnection(name)
    except Exception:  # QgsProviderConnectionException: no such connection
        return None
    if conn is None:
        return None
    info = QgsDataSourceUri(conn.uri()).connectionInfo(True)
    return info or None


def open_store(alg, parameters, context, feedback=None, srid=None):
    from ..core.store import DEFAULT_PG_SCHEMA, DEFAULT_SRID, Store

    target = resolve_target(alg.parameterAsString(parameters, STORE, context))
    schema = alg.parameterAsString(parameters, SCHEMA, context) or DEFAULT_PG_SCHEMA
    store = Store.open(target, schema=schema, srid=srid or DEFAULT_SRID)
    if feedback is not None:
        where = target if store.dialect.name == "gpkg" else f"PostgreSQL schema '{schema}'"
        feedback.pushInfo(f"Store: {where} (schema version {store.schema_version}, EPSG:{store.srid}).")
    return store


def epsg_of(crs):
    """EPSG code of a CRS or None."""
    authid = crs.authid() if crs is not None and crs.isValid() else ""
    if authid.upper().startswith("EPSG:"):
        try:
            return int(authid.split(":", 1)[1])
        except ValueError:
            return None
    return None


def store_crs(store):
    return QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")


def key_text(value):
    """Attribute value -> key text (NULL -> None); integral floats lose their '.0' (keys are text)."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            value = int(value)
    s = str(value).strip()
    return s or None


def geometry_from_wkb(data):
    g = QgsGeometry()
    g.fromWkb(bytes(data))
    return g


def source_path(source_text):
    """The file behind a layer source ('file.gpkg|layername=x' -> 'file.gpkg'), or None."""
    path = (source_text or "").split("|", 1)[0]
    return path if path and os.path.isfile(path) else None


def load_catalogue_file(path):
    from ..core import catalogue as cat

    return cat.load_catalogue(path) if path else cat.default_catalogue()


def read_layer(alg, source, names, feedback, with_geometry, progress_span=(0, 20)):
    """(DataFrame of the named fields indexed by feature id, {fid: geometry}) - only these fields are fetched.

    Faster than the base's layer_frame on wide indicator layers (1,000+ fields): a subset-of-attributes request,
    no geometry unless asked, and NULL/date conversion per column instead of per cell.
    """
    import pandas as pd
    from qgis.core import QgsFeatureRequest
    from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

    fields = source.fields()
    idx = [fields.lookupField(n) for n in names]
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(idx)
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    cols = [[] for _ in idx]
    fids, geoms = [], {}
    total = max(source.featureCount(), 1)
    start, end = progress_span
    for i, feat in enumerate(source.getFeatures(request)):
        if i % 500 == 0:
            alg.check_canceled(feedback)
            feedback.setProgress(start + (end - start) * i / total)
        attrs = feat.attributes()
        for col, j in zip(cols, idx):
            col.append(attrs[j])
        fids.append(feat.id())
        if with_geometry:
            geoms[feat.id()] = feat.geometry()

    def plain(v):
        if v is None or isinstance(v, QVariant):
            return None if v is None or v.isNull() else v.value()
        if isinstance(v, (QDate, QDateTime)):
            return v.toString("yyyy-MM-dd") if v.isValid() else None
        return v

    data = {}
    for name, col in zip(names, cols):
        if all(isinstance(v, (float, int, str)) and not isinstance(v, bool) for v in col):
            data[name] = col
        else:
            data[name] = [plain(v) for v in col]
    return pd.DataFrame(data, columns=names, index=pd.Index(fids, name="fid")), geoms

"""Shared glue of the monitoring-store algorithms (not an algorithm: the leading '_' keeps the provider away).

The STORE parameter is one text: a GeoPackage path (``*.gpkg``), the name of a PostgreSQL connection saved in
QGIS (Browser > PostgreSQL), or a libpq connection string (``host=... dbname=...``, ``service=...``,
``postgresql://...``). The core (core/store/) never sees QGIS; here the connection name is turned into a
connection string, geometries into WKB and keys into text.
"""

import os
from contextlib import contextmanager

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
    store = QgsProcessingParameterString(
        STORE,
        QCoreApplication.translate(
            "SozialplanungAlgorithm", "Monitoring database (.gpkg file or PostgreSQL connection)"
        ),
    )
    store.setHelp(
        QCoreApplication.translate(
            "SozialplanungAlgorithm",
            "A path ending in .gpkg (created if missing), the name of a PostgreSQL connection saved in QGIS, or a "
            "connection string (host=... dbname=..., service=...).",
        )
    )
    alg.addParameter(store)
    schema = QgsProcessingParameterString(
        SCHEMA,
        QCoreApplication.translate("SozialplanungAlgorithm", "PostgreSQL schema of the monitoring database"),
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


MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"


def add_municipality_field(alg, parent):
    """Advanced: the field with each unit's municipality key (row-level security on a shared PostgreSQL store goes
    by it); empty = the municipality's own key, or the AGS a block or space key starts with."""
    from qgis.core import QgsProcessingParameterField

    p = QgsProcessingParameterField(
        MUNICIPALITY_FIELD,
        QCoreApplication.translate(
            "SozialplanungAlgorithm", "Municipality key of each unit (empty = from the unit key)"
        ),
        parentLayerParameterName=parent,
        optional=True,
    )
    p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
    alg.addParameter(p)


def level_of(alg, parameters, context, name=LEVEL):
    return LEVEL_IDS[alg.parameterAsEnum(parameters, name, context)]


def resolve_store(text):
    """(target, password) for the STORE text: a GeoPackage path, or a libpq connection string without any
    password plus the password to connect with (None: libpq finds it, e.g. in ~/.pgpass or a service file).

    A QGIS connection name is resolved through QGIS's own settings and authentication database (QgsAuthManager
    configurations are expanded here, in memory); so is an 'authcfg=' in a connection string. Its sslmode is
    kept. A password written into the STORE text itself is refused: QGIS would keep it in the processing history,
    in models and in logs.
    """
    from ..core.secrets import has_secret
    from ..core.store import is_pg_target

    text = (text or "").strip()
    if not text:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "Give the store: a GeoPackage file (.gpkg), the name of a PostgreSQL connection saved in QGIS, or a "
                "connection string.",
            )
        )
    if text.lower().endswith(".gpkg"):
        return text, None
    if has_secret(text):
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "The store's connection text contains a password. QGIS would keep it in the processing history, in "
                "models and in logs. Save the connection in QGIS (Browser > PostgreSQL) with an authentication "
                "configuration and give its name, or use a service file (service=...) or ~/.pgpass.",
            )
        )
    if is_pg_target(text):
        if "authcfg=" in text:
            from qgis.core import QgsDataSourceUri

            return _split_password(QgsDataSourceUri(text).connectionInfo(True))
        return text, None
    info = _qgis_connection_info(text)
    if info is not None:
        return _split_password(info)
    raise QgsProcessingException(
        QCoreApplication.translate(
            "SozialplanungAlgorithm",
            "'{}' is neither a GeoPackage file (.gpkg) nor a PostgreSQL connection saved in QGIS nor a connection "
            "string (host=... dbname=... or service=...). Check the spelling of the connection name.",
        ).format(text)
    )


def _split_password(info):
    """(libpq connection string without the password, the password or None)."""
    try:
        from psycopg2.extensions import make_dsn, parse_dsn
    except ImportError:  # the store says that psycopg2 is missing
        return info, None
    params = parse_dsn(info)
    password = params.pop("password", None)
    return make_dsn(**params), password


def _qgis_connection_info(name):
    """libpq connection information of a PostgreSQL connection saved in QGIS (authentication configuration expanded,
    sslmode included), or None when there is no such connection."""
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


def open_store(alg, parameters, context, feedback=None, srid=None, write=True):
    """Open the store of the STORE/SCHEMA parameters; `write=False` opens it read-only (never created or changed)."""
    from ..core.store import DEFAULT_PG_SCHEMA, DEFAULT_SRID, Store

    target, password = resolve_store(alg.parameterAsString(parameters, STORE, context))
    schema = alg.parameterAsString(parameters, SCHEMA, context) or DEFAULT_PG_SCHEMA
    store = Store.open(target, schema=schema, srid=srid or DEFAULT_SRID, read_only=not write, password=password)
    if feedback is not None:
        text = (
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "Store: {name} (schema version {version}, EPSG:{srid})."
            )
            if write
            else QCoreApplication.translate(
                "SozialplanungAlgorithm", "Store: {name} (schema version {version}, EPSG:{srid}, read only)."
            )
        )
        feedback.pushInfo(text.format(name=store.display_name, version=store.schema_version, srid=store.srid))
    return store


@contextmanager
def store_session(alg, parameters, context, feedback=None, srid=None, write=True):
    """The open store for one algorithm run; closed afterwards. A GeoPackage this run created is removed again
    when the run fails, so a refused first write leaves no empty or half-created store behind."""
    store = open_store(alg, parameters, context, feedback, srid=srid, write=write)
    try:
        yield store
    except BaseException:
        created = store.created and store.dialect.name == "gpkg"
        store.close()
        if created:
            for suffix in ("", "-journal", "-wal", "-shm"):
                try:
                    os.remove(store.target + suffix)
                except FileNotFoundError:
                    pass
        raise
    finally:
        store.close()


def check_output_folder(alg, parameters, name, context):
    """Refuse an output whose folder does not exist before anything runs (GDAL would say 'sqlite3_open failed')."""
    value = parameters.get(name)
    if value is None:
        return
    text = alg.parameterAsOutputLayer(parameters, name, context) or ""
    if not text:
        text = alg.parameterAsFileOutput(parameters, name, context) or ""
    path = output_path(text)
    if path is None:
        return
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "The folder '{}' for the output '{}' does not exist. Create it or choose another one.",
            ).format(folder, os.path.basename(path))
        )


def output_path(text):
    """The file behind an output destination ('ogr:dbname=\'x.gpkg\' table=...', 'x.gpkg'), or None (memory:,
    a database connection)."""
    import re

    text = (text or "").strip()
    if not text or text.startswith(("memory:", "postgres:", "postgis:", "spatialite:")):
        return None
    if text.startswith("ogr:"):
        m = re.search(r"dbname='((?:[^'\\]|\\.)*)'", text) or re.search(r"dbname=(\S+)", text)
        return m.group(1) if m else None
    return text.split("|", 1)[0]


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
    """Attribute value -> key text (NULL -> None; an integral float loses its '.0'): core.fields.key_text on the
    attribute's plain value."""
    from ..core.fields import key_text as plain_key_text
    from .base import plain_value

    return plain_key_text(plain_value(value))


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

    from .base import plain_value

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

    data = {}
    for name, col in zip(names, cols):
        if all(isinstance(v, (float, int, str)) and not isinstance(v, bool) for v in col):
            data[name] = col
        else:
            data[name] = [plain_value(v) for v in col]
    return pd.DataFrame(data, columns=names, index=pd.Index(fids, name="fid")), geoms

"""Restore a snapshot written by 'storebackup' into a monitoring store (GeoPackage or PostgreSQL).

Refused with nothing changed: a file that is not a snapshot, a damaged or edited one (checksum), one from a newer
schema version than the plugin knows, a store in another coordinate system, and a store holding data unless
'replace' is set. One transaction, compared with the snapshot's checksum before it commits.
"""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
)

from . import _store as st
from .base import SozialplanungAlgorithm


class StoreRestore(SozialplanungAlgorithm):
    ALG_ID = "storerestore"
    GROUP = "monitoring"

    SNAPSHOT = "SNAPSHOT"
    OVERWRITE = "OVERWRITE"

    def displayName(self):
        return self.tr("Restore the monitoring store from a snapshot")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(
                self.SNAPSHOT,
                self.tr("Snapshot (GeoPackage written by 'Back up the monitoring store')"),
                fileFilter="GeoPackage (*.gpkg)",
            )
        )
        st.add_store_parameters(self, with_level=False)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OVERWRITE, self.tr("The store holds data: replace all of it by the snapshot"), False
            )
        )
        self.addOutput(QgsProcessingOutputNumber("VALUES", self.tr("Values restored")))
        self.addOutput(QgsProcessingOutputNumber("UNITS", self.tr("Unit versions restored")))
        self.addOutput(QgsProcessingOutputNumber("FROM_VERSION", self.tr("Schema version of the snapshot")))

    def compute(self, parameters, context, feedback):
        from ..core.store import DEFAULT_PG_SCHEMA
        from ..core.store.backup import restore

        snapshot = self.parameterAsFile(parameters, self.SNAPSHOT, context)
        import os

        if not snapshot or not os.path.isfile(snapshot):
            from qgis.core import QgsProcessingException

            raise QgsProcessingException(
                self.tr(
                    "The snapshot '{}' does not exist. Choose the file written by 'Back up the monitoring store'."
                ).format(snapshot)
            )
        target, password = st.resolve_store(self.parameterAsString(parameters, st.STORE, context))
        schema = self.parameterAsString(parameters, st.SCHEMA, context) or DEFAULT_PG_SCHEMA
        feedback.setProgress(5)
        r = restore(
            snapshot,
            target,
            schema=schema,
            password=password,
            overwrite=self.parameterAsBool(parameters, self.OVERWRITE, context),
        )
        feedback.pushInfo(
            self.tr("Restored: {n} values, {u} unit versions (snapshot of schema version {v}).").format(
                n=r["rows"].get("sm_values", 0), u=r["rows"].get("sm_units", 0), v=r["from_version"]
            )
        )
        return {
            "VALUES": r["rows"].get("sm_values", 0),
            "UNITS": r["rows"].get("sm_units", 0),
            "FROM_VERSION": r["from_version"],
        }

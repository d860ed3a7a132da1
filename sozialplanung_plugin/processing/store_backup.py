"""Back up a monitoring store (GeoPackage or PostgreSQL) into a snapshot: a GeoPackage store with a checksum.

One consistent read of the whole store (core/store/backup.py); the snapshot file appears only when it is complete
and never replaces an existing file. Restore it with 'storerestore', into either backend.
"""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFileDestination

from . import _store as st
from .base import SozialplanungAlgorithm


class StoreBackup(SozialplanungAlgorithm):
    ALG_ID = "storebackup"
    GROUP = "monitoring"

    SNAPSHOT = "SNAPSHOT"

    def displayName(self):
        return self.tr("Back up the monitoring store")

    def initAlgorithm(self, config=None):
        st.add_store_parameters(self, with_level=False)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.SNAPSHOT, self.tr("Snapshot (new GeoPackage file)"), "GeoPackage (*.gpkg)"
            )
        )
        self.addOutput(QgsProcessingOutputString("SHA256", self.tr("Checksum of the snapshot's content (SHA-256)")))
        self.addOutput(QgsProcessingOutputNumber("VALUES", self.tr("Values in the snapshot")))
        self.addOutput(QgsProcessingOutputNumber("UNITS", self.tr("Unit versions in the snapshot")))

    def compute(self, parameters, context, feedback):
        from ..core.store.backup import backup

        path = self.parameterAsFileOutput(parameters, self.SNAPSHOT, context)
        st.check_output_folder(self, parameters, self.SNAPSHOT, context)
        with st.store_session(self, parameters, context, feedback, write=False) as store:
            feedback.setProgress(10)
            r = backup(store, path)
        feedback.pushInfo(
            self.tr("Snapshot written: {n} values, {u} unit versions, {f} facility versions; checksum {sha}.").format(
                n=r["rows"].get("sm_values", 0),
                u=r["rows"].get("sm_units", 0),
                f=r["rows"].get("sm_facilities", 0),
                sha=r["sha256"][:16],
            )
        )
        return {
            self.SNAPSHOT: path,
            "SHA256": r["sha256"],
            "VALUES": r["rows"].get("sm_values", 0),
            "UNITS": r["rows"].get("sm_units", 0),
        }

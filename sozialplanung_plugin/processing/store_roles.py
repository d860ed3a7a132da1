"""Set up a shared PostgreSQL store for a county: roles, row-level security, published views, audit.

The work is PostgreSQL's own (core/store/roles.py): group roles per municipality, the county, the publication and
the administrator, row-level security policies by the unit's municipality key, grants, security_barrier views of
the published values and an audit table filled by triggers. The algorithm runs the plan in one transaction and/or
writes it as an SQL script a database administrator can review and run with psql. No password is ever written.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import ProcessingParameterFlag
from . import _store as st
from .base import SozialplanungAlgorithm


class StoreRoles(SozialplanungAlgorithm):
    ALG_ID = "storeroles"
    GROUP = "monitoring"

    THRESHOLD = "THRESHOLD"
    APPLY = "APPLY"
    PREFIX = "PREFIX"
    SCRIPT = "SCRIPT"

    def displayName(self):
        return self.tr("Set up roles of a shared database (PostgreSQL)")

    def initAlgorithm(self, config=None):
        st.add_store_parameters(self, with_level=False)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Disclosure threshold (smaller counts are never published)"),
                defaultValue=3,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.APPLY, self.tr("Set the roles up in the database now (else only the script)"), True
            )
        )
        prefix = QgsProcessingParameterString(
            self.PREFIX, self.tr("Prefix of the role names (empty = the schema name)"), optional=True
        )
        prefix.setFlags(prefix.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(prefix)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.SCRIPT, self.tr("SQL script of the setup"), "SQL (*.sql)", optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputString("ROLES", self.tr("Roles (comma separated)")))
        self.addOutput(QgsProcessingOutputNumber("MUNICIPALITIES", self.tr("Municipality roles")))

    def compute(self, parameters, context, feedback):
        from ..core.store.roles import apply_roles, plan_roles, roles_script

        apply = self.parameterAsBool(parameters, self.APPLY, context)
        script = self.parameterAsFileOutput(parameters, self.SCRIPT, context) if parameters.get(self.SCRIPT) else ""
        if not apply and not script:
            raise QgsProcessingException(
                self.tr("Nothing to do: set the roles up now, or give a file for the SQL script (or both).")
            )
        if script:
            st.check_output_folder(self, parameters, self.SCRIPT, context)
        with st.store_session(self, parameters, context, feedback, write=apply) as store:
            setup = plan_roles(
                store,
                prefix=self.parameterAsString(parameters, self.PREFIX, context).strip() or None,
                threshold=self.parameterAsInt(parameters, self.THRESHOLD, context),
            )
            if not setup.municipalities:
                feedback.reportError(
                    self.tr(
                        "The store has no unit with a municipality key yet: only the county, publication and "
                        "administrator roles are set up. Register the municipalities (storeunits, level "
                        "municipalities) and run this again."
                    )
                )
            text = roles_script(store, setup)
            if apply:
                apply_roles(store, setup)
        if script:
            with open(script, "w", encoding="utf-8") as fh:
                fh.write(text)
        roles = [setup.admin, setup.county, setup.municipality_group, setup.publication, *setup.municipalities.values()]
        feedback.pushInfo(
            self.tr("{n} roles {what}: {roles}.").format(
                n=len(roles), what=self.tr("set up") if apply else self.tr("in the script"), roles=", ".join(roles)
            )
        )
        feedback.pushInfo(
            self.tr(
                "Logins are not created here (no password is written anywhere). Create them in psql, e.g. "
                "CREATE ROLE meier LOGIN IN ROLE {county}; then \\password meier."
            ).format(county=setup.county)
        )
        results = {"ROLES": ",".join(roles), "MUNICIPALITIES": len(setup.municipalities)}
        if script:
            results[self.SCRIPT] = script
        return results

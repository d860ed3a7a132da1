"""Connections to a shared store through QGIS's own settings and authentication database, and no secret in any file.

The throwaway server (tests/pgserver.py) trusts local connections; for these tests one login needs its password
(scram-sha-256 via a pg_hba.conf line), so a connection that works proves the password came from QGIS's
authentication database (QgsAuthManager), and the scan proves it was written nowhere.
"""

import base64
import json
import re
import subprocess
import uuid
import zipfile
import zlib
from pathlib import Path

import psycopg2
import pytest
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .. import pgserver
from ..helpers import WIDE_FIELDS, polygons, rect

pg_server = pgserver.pg_server  # pytest fixture of the throwaway server

SECRET = "S3cr3t-Kreis-4711!"


class LoggingFeedback(QgsProcessingFeedback):
    """Everything an algorithm reports, as the processing log would keep it."""

    def __init__(self, path):
        super().__init__()
        self.path = path

    def _write(self, text):
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(str(text) + "\n")

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self._write(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self._write(error)

    def pushWarning(self, warning):  # noqa: N802
        self._write(warning)


@pytest.fixture(scope="module")
def kreis(pg_server, qgis_app):
    """A login that needs its password, an auth configuration holding it, and two saved QGIS connections."""
    login = "kreis_" + uuid.uuid4().hex[:8]
    su = psycopg2.connect(pg_server.dsn)
    su.autocommit = True
    with su.cursor() as cur:
        cur.execute(f"CREATE ROLE {login} LOGIN PASSWORD %s", (SECRET,))
        cur.execute(f"GRANT CREATE ON DATABASE postgres TO {login}")
        hba = Path(pg_server.data) / "pg_hba.conf"
        hba.write_text(f"local all {login} scram-sha-256\n" + hba.read_text())
        cur.execute("SELECT pg_reload_conf()")
    su.close()
    base = f"host={pg_server.sock} port={pg_server.port} dbname=postgres"
    with pytest.raises(psycopg2.OperationalError, match="password"):
        psycopg2.connect(f"{base} user={login}").close()  # without its password: refused
    am = QgsApplication.authManager()
    if not am.masterPasswordIsSet():
        assert am.setMasterPassword("master-of-the-test-profile", True)
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName("Kreis Sozialmonitoring")
    cfg.setConfig("username", login)
    cfg.setConfig("password", SECRET)
    assert am.storeAuthenticationConfig(cfg)[0]
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    for name, ssl in (("Kreis", "disable"), ("Kreis SSL", "require")):
        md.saveConnection(md.createConnection(f"{base} sslmode={ssl} authcfg={cfg.id()}", {}), name)
    return {"login": login, "authcfg": cfg.id(), "base": base, "schema": "auth_" + uuid.uuid4().hex[:8]}


def spaces():
    return polygons(
        WIDE_FIELDS,
        [
            (["05378004-01", "Nord", 10.0, 40.0, 400.0, "", 9.0, 36.0, 400.0, "", -1.0, 7.0], rect(0, 2000)),
            (["05378008-01", "Süd", 5.0, 20.0, 400.0, "", 5.0, 20.0, 400.0, "", 0.0, 7.0], rect(2000, 4000)),
            (["05378012-01", "Ost", 7.0, 28.0, 400.0, "", 6.0, 24.0, 400.0, "", -1.0, 7.0], rect(4000, 6000)),
            (["05378012-02", "West", 4.0, 16.0, 400.0, "", 3.0, 12.0, 400.0, "", -1.0, 7.0], rect(6000, 8000)),
        ],
        "spaces",
    )


def test_saved_connection_with_auth_configuration(run_alg, kreis):
    params = {"STORE": "Kreis", "SCHEMA": kreis["schema"]}
    r = run_alg("storewrite", dict(params, INPUT=spaces(), LEVEL=1, KEY_FIELD="key"))
    assert r["STATUS"] == "written" and r["INSERTED"] == 8
    out = run_alg("storeread", dict(params, LEVEL=1, DATE="2021", OUTPUT="memory:"))
    assert out["VALUES"] == 4
    # written as the login of the auth configuration
    con = psycopg2.connect(f"{kreis['base']} user={kreis['login']} password={SECRET}")
    with con.cursor() as cur:
        cur.execute(f"SELECT DISTINCT imported_by FROM {kreis['schema']}.sm_import_log")
        assert cur.fetchall() == [(kreis["login"],)]
    con.close()
    # an authcfg inside a connection string is expanded the same way
    dsn = f"{kreis['base']} authcfg={kreis['authcfg']}"
    assert run_alg("storeread", dict(params, STORE=dsn, LEVEL=1, DATE="2021", OUTPUT="memory:"))["VALUES"] == 4


def test_sslmode_of_the_connection_is_honoured(qgis_app, kreis):
    """The saved connection's SSL mode reaches libpq. (The test server listens on a Unix socket only, where libpq
    does not use SSL; over TCP, 'require' refuses a server without SSL - that part is libpq's.)"""
    from sozialplanung_plugin.core.store import Store
    from sozialplanung_plugin.processing._store import resolve_store

    for name, mode in (("Kreis", "disable"), ("Kreis SSL", "require")):
        dsn, password = resolve_store(name)
        assert f"sslmode={mode}" in dsn and SECRET not in dsn and password == SECRET
        s = Store.open(dsn, schema=kreis["schema"], password=password)
        assert s.conn.get_dsn_parameters()["sslmode"] == mode
        s.close()


def test_a_password_in_the_store_text_is_refused(run_alg, kreis):
    for text in (
        f"{kreis['base']} user={kreis['login']} password={SECRET}",
        f"postgresql://{kreis['login']}:{SECRET}@localhost/postgres",
    ):
        with pytest.raises(QgsProcessingException, match="contains a password. QGIS would keep it") as err:
            run_alg("storeread", {"STORE": text, "LEVEL": 1, "DATE": "2021", "OUTPUT": "memory:"})
        assert SECRET not in str(err.value)


# ------------------------------------------------------------------------------------------- the scan


def _texts_of(path):
    """The bytes of a file and of everything inside it: zip members (qgz, docx, xlsx), deflated PDF streams."""
    data = path.read_bytes()
    yield data
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield z.read(name)
    if data.startswith(b"%PDF"):
        for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
            try:
                yield zlib.decompress(m.group(1))
            except zlib.error:
                pass


def scan_for_secrets(folder):
    """(file, what) for every file under `folder` that holds the password in any of its usual spellings."""
    needles = [
        SECRET.encode(),
        SECRET.encode("utf-16-le"),
        base64.b64encode(SECRET.encode()),
        SECRET.replace("!", "%21").encode(),  # URL-encoded
    ]
    inline = re.compile(rb"password\s*=\s*(?!\*\*\*)['\"]?[^\s'\"&]+", re.IGNORECASE)
    found = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        for blob in _texts_of(path):
            for n in needles:
                if n in blob:
                    found.append((path.name, n))
            if inline.search(blob):
                found.append((path.name, inline.search(blob).group(0)))
    return found


def test_no_file_the_plugin_writes_holds_a_secret(run_alg, kreis, tmp_path, qgis_process_env, pg_server):
    out = tmp_path / "out"
    out.mkdir()
    log = out / "processing.log"
    params = {"STORE": "Kreis", "SCHEMA": kreis["schema"]}
    fb = lambda: LoggingFeedback(log)  # noqa: E731
    messages = []
    QgsApplication.messageLog().messageReceived.connect(lambda m, tag, level: messages.append(f"{tag}: {m}"))
    run_alg("storewrite", dict(params, INPUT=spaces(), LEVEL=1, KEY_FIELD="key"), feedback=fb())
    # a layer from a legacy connection with the password inline in its source: the import log names the source
    su = psycopg2.connect(pg_server.dsn)
    su.autocommit = True
    with su.cursor() as cur:
        s = kreis["schema"]
        cur.execute(
            f"CREATE TABLE {s}.input_2022 AS SELECT fid, key, name, geom, CASE WHEN key LIKE '05378004%' THEN 8.0 "
            f"WHEN key LIKE '05378008%' THEN 10.0 ELSE 12.0 + fid END::float8 AS sgb2_quote_2022 FROM {s}.sm_current_space"
        )
        cur.execute(f"GRANT SELECT ON {s}.input_2022 TO {kreis['login']}")
    su.close()
    inline = QgsVectorLayer(
        f"{kreis['base']} user={kreis['login']} password={SECRET} sslmode=disable key='fid' "
        f'table="{kreis["schema"]}"."input_2022" (geom)',
        "inline",
        "postgres",
    )
    assert inline.isValid() and SECRET in inline.source()
    r = run_alg("storewrite", dict(params, INPUT=inline, LEVEL=1, KEY_FIELD="key"), feedback=fb())
    assert r["INSERTED"] == 4
    # map sheets (PDF) and the Sozialbericht (DOCX) made from that layer and the store's target attainment
    pdf = {"INPUT": inline, "FIELDS": ["sgb2_quote_2022"], "NAME_FIELD": "name", "CLASSES": 2}
    assert run_alg("overviewmapsheets", dict(pdf, OUTPUT=str(out / "karten.pdf")), feedback=fb())["PAGE_COUNT"] == 1
    run_alg("storeread", dict(params, LEVEL=1, DATE="2021", OUTPUT=str(out / "slice.gpkg")), feedback=fb())
    csv = tmp_path / "targets.csv"
    csv.write_text("indicator;level;unit_key;target_value;deadline\nsgb2_quote;space;05378004-01;5;2030\n")
    run_alg("storetargets", dict(params, INPUT=str(csv)), feedback=fb())
    run_alg(
        "evaluatetargets",
        dict(params, DATE="2021", OUTPUT=str(out / "targets.gpkg"), REPORT=str(out / "targets.html")),
        feedback=fb(),
    )
    run_alg(
        "reportdocument",
        {
            "INPUT": inline,
            "FIELDS": ["sgb2_quote_2022"],
            "NAME_FIELD": "name",
            "TARGETS": str(out / "targets.gpkg"),
            "DPI": 96,
            "OUTPUT": str(out / "sozialbericht.docx"),
        },
        feedback=fb(),
    )
    run_alg(
        "storeroles",
        {"STORE": pg_dsn_of(kreis), "SCHEMA": kreis["schema"], "APPLY": False, "SCRIPT": str(out / "roles.sql")},
        feedback=fb(),
    )
    # a project with the store's layers, as a planner adds them from the saved connection (auth configuration)
    uri = QgsDataSourceUri()
    uri.setConnection(
        pg_server_sock(kreis),
        str(pgserver_port(kreis)),
        "postgres",
        "",
        "",
        QgsDataSourceUri.SslMode.SslDisable,
        kreis["authcfg"],
    )
    uri.setDataSource(kreis["schema"], "sm_current_space", "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "Sozialräume", "postgres")
    assert layer.isValid() and layer.featureCount() == 4
    project = QgsProject()
    project.addMapLayer(layer)
    assert project.write(str(out / "monitoring.qgs")) and project.write(str(out / "monitoring.qgz"))
    # a model that reads the store by the connection's name
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
    )

    model = QgsProcessingModelAlgorithm("Monitoring lesen", "Sozialplanung")
    child = QgsProcessingModelChildAlgorithm("sozialplanung:storeread")
    child.setChildId("read")
    for k, v in {"STORE": "Kreis", "SCHEMA": kreis["schema"], "LEVEL": 1, "DATE": "2021"}.items():
        child.addParameterSources(k, [QgsProcessingModelChildParameterSource.fromStaticValue(v)])
    model.addChildAlgorithm(child)
    assert model.toFile(str(out / "monitoring.model3"))
    # method records name their parameters and layer sources
    from sozialplanung_plugin.processing.composite_index import _plain_params

    (out / "method.json").write_text(json.dumps(_plain_params({"INPUT": inline, "STORE": inline.source()})))
    # qgis_process with a service file: its log (stdout, stderr) holds no secret either
    service = tmp_path / "pg_service.conf"
    service.write_text(
        f"[kreis]\nhost={pg_server_sock(kreis)}\nport={pgserver_port(kreis)}\ndbname=postgres\nuser={kreis['login']}\n"
    )
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{kreis['login']}:{SECRET}\n")
    pgpass.chmod(0o600)
    env = dict(qgis_process_env, PGSERVICEFILE=str(service), PGPASSFILE=str(pgpass))
    proc = subprocess.run(
        [
            "qgis_process.bin",
            "run",
            "sozialplanung:storeread",
            "--",
            "STORE=service=kreis",
            f"SCHEMA={kreis['schema']}",
            "LEVEL=1",
            "DATE=2021",
            f"OUTPUT={out / 'qp.gpkg'}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    (out / "qgis_process.log").write_text(proc.stdout + proc.stderr)
    (out / "messages.log").write_text("\n".join(messages))
    files = sorted(p.name for p in out.iterdir())
    assert {"slice.gpkg", "targets.html", "roles.sql", "monitoring.qgz", "monitoring.model3", "processing.log"} <= set(
        files
    )
    assert scan_for_secrets(out) == []
    # the store itself: the import log names sources without their password
    con = psycopg2.connect(f"{kreis['base']} user={kreis['login']} password={SECRET}")
    with con.cursor() as cur:
        cur.execute(f"SELECT string_agg(coalesce(source, ''), ' ') FROM {kreis['schema']}.sm_import_log")
        sources = cur.fetchone()[0] or ""
        assert "input_2022" in sources and "password=***" in sources and SECRET not in sources
    con.close()


def pg_dsn_of(kreis):
    return kreis["base"].replace("dbname=postgres", "dbname=postgres user=postgres")


def pgserver_port(kreis):
    return int(re.search(r"port=(\d+)", kreis["base"]).group(1))


def pg_server_sock(kreis):
    return re.search(r"host=(\S+)", kreis["base"]).group(1)

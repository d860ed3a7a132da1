"""A throwaway PostgreSQL + PostGIS server for tests and benchmarks (the release's version: 15, 17, 18, ...).

Why a real server: the store's PostgreSQL path (COPY, ON CONFLICT, transactions, locks) can only be trusted
when it runs against PostgreSQL itself. The cluster lives in a temporary directory, listens on a Unix socket
only and is removed afterwards. Tests run as root and postgres refuses root, so initdb/pg_ctl run as the
system user `postgres` (runuser). Skips cleanly when the binaries are absent.

Use from a test module:  from tests.pgserver import pg_server, pg_dsn   (both are pytest fixtures)
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid

import pytest


def _pg_version():
    """The newest installed PostgreSQL major version (Debian layout /usr/lib/postgresql/<N>), preferring one with
    PostGIS; None when there is none."""
    try:
        found = sorted((int(v) for v in os.listdir("/usr/lib/postgresql") if v.isdigit()), reverse=True)
    except OSError:
        return None
    with_postgis = [v for v in found if os.path.exists(f"/usr/share/postgresql/{v}/extension/postgis.control")]
    return (with_postgis or found or [None])[0]


PG_VERSION = _pg_version()
PG_BIN = os.environ.get("SOZIAL_PG_BIN", f"/usr/lib/postgresql/{PG_VERSION}/bin")
POSTGIS_CONTROL = f"/usr/share/postgresql/{PG_VERSION}/extension/postgis.control"


def pg_unavailable_reason():
    if not os.path.exists(os.path.join(PG_BIN, "initdb")):
        return f"PostgreSQL binaries not found in {PG_BIN} (make setup installs postgresql-<N>)"
    if not os.path.exists(POSTGIS_CONTROL):
        return f"PostGIS for PostgreSQL {PG_VERSION} not installed (Debian package postgresql-{PG_VERSION}-postgis-3)"
    import importlib.util

    if importlib.util.find_spec("psycopg2") is None:
        return "psycopg2 not installed (Debian package python3-psycopg2)"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root but there is no system user 'postgres' to run the server"
    return None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """Start/stop a cluster; `dsn` is a libpq connection string for the superuser `postgres`."""

    def __init__(self, durable=False):
        self.durable = durable  # benchmarks: keep fsync/synchronous_commit on (honest numbers)
        self.dir = tempfile.mkdtemp(prefix="sozial-pg-")
        self.data = os.path.join(self.dir, "data")
        self.sock = os.path.join(self.dir, "sock")
        os.makedirs(self.sock)
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            import pwd

            pw = pwd.getpwnam("postgres")
            for p in (self.dir, self.sock):
                os.chown(p, pw.pw_uid, pw.pw_gid)
            os.chmod(self.dir, 0o700)
        self.dsn = f"host={self.sock} port={self.port} user=postgres dbname=postgres"

    def _run(self, *args, check=True):
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self):
        self._run(
            os.path.join(PG_BIN, "initdb"),
            "-D",
            self.data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        opts = f"-k {self.sock} -p {self.port} -c listen_addresses='' -c max_connections=50 -c shared_buffers=128MB"
        if not self.durable:
            opts += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        self._run(
            os.path.join(PG_BIN, "pg_ctl"),
            "-D",
            self.data,
            "-o",
            opts,
            "-l",
            os.path.join(self.dir, "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        import psycopg2

        for _ in range(50):
            try:
                conn = psycopg2.connect(self.dsn)
                break
            except psycopg2.OperationalError:
                time.sleep(0.2)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            cur.execute("SELECT postgis_lib_version(), version()")
            self.versions = cur.fetchone()
        conn.close()
        return self

    def stop(self):
        try:
            self._run(os.path.join(PG_BIN, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop", check=False)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    reason = pg_unavailable_reason()
    if reason:
        pytest.skip(reason)
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_dsn(pg_server):
    """(dsn, schema): a fresh schema per test in the shared throwaway cluster."""
    return pg_server.dsn, "t_" + uuid.uuid4().hex[:12]

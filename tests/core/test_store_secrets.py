"""Passwords never leave memory: redact() on the texts the plugin writes (import log sources, method records)."""

import pytest

from sozialplanung_plugin.core.secrets import has_secret, redact, redact_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "host=db dbname=sm user=meier password=Geheim1 sslmode=require",
            "host=db dbname=sm user=meier password=*** sslmode=require",
        ),
        (
            "dbname='sm' user='m' password='a b\\'c' key='fid' table=\"s\".\"t\" (geom)",
            "dbname='sm' user='m' password=*** key='fid' table=\"s\".\"t\" (geom)",
        ),
        ("PASSWORD = x", "PASSWORD = ***"),
        ("sslpassword=k sslkey=/home/m/key.pem", "sslpassword=*** sslkey=/home/m/key.pem"),
        ("postgresql://meier:Geheim1@db.kreis.local:5432/sm", "postgresql://meier:***@db.kreis.local:5432/sm"),
        ("service=kreis", "service=kreis"),
        ("authcfg=ab12cd3 host=db", "authcfg=ab12cd3 host=db"),  # an auth configuration id is not a secret
        ("/data/bloecke_2024.csv", "/data/bloecke_2024.csv"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected
    assert has_secret(text) == (text != expected)


def test_redact_value_walks_parameters():
    params = {"INPUT": "dbname=x password=p", "LIST": ["a", "password='q'"], "N": 3, "NONE": None}
    assert redact_value(params) == {
        "INPUT": "dbname=x password=***",
        "LIST": ["a", "password=***"],
        "N": 3,
        "NONE": None,
    }

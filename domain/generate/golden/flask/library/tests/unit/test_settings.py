"""Compose passes URLs as parts; the settings build them escaped, so any password works."""

from sqlalchemy import make_url

from library.core.config import Settings

PASSWORD = "p@ss:w#rd/?%"


def test_database_url_from_parts_keeps_any_password() -> None:
    settings = Settings(db_host="db", db_port=3307, db_password=PASSWORD, db_name="a")
    url = make_url(settings.database_url)
    assert url.password == PASSWORD
    assert (url.host, url.port, url.database) == ("db", 3307, "a")

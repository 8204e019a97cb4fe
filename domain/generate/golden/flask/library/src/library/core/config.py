"""Settings from the environment (and a local .env file), validated once and loaded into app.config."""

from functools import lru_cache
from typing import Self

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import URL


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_name: str = "library"
    log_level: str = "INFO"
    database_url: str = "sqlite:///./library.db"
    db_host: str = ""
    db_port: int = 5432
    db_user: str = "app"
    db_password: SecretStr = SecretStr("")
    db_name: str = "library"
    db_pool_size: int = 5
    db_max_overflow: int = 10
    db_pool_timeout_seconds: float = 30.0
    broker_url: str = "redis://localhost:6379/0"
    task_queue: str = "library"
    tasks_eager: bool = False
    overdue_check_schedule: str = "0 3 * * *"
    page_cache_url: str = "redis://localhost:6379/1"
    payments_base_url: str = "https://payments.example.com"
    payments_timeout_seconds: float = 10.0
    payments_api_key: str = ""

    @model_validator(mode="after")
    def urls_from_parts(self) -> Self:
        """Compose passes the parts of a URL: built here, escaped, so any password works."""
        if self.db_host:
            self.database_url = URL.create(
                "postgresql+psycopg",
                username=self.db_user,
                password=self.db_password.get_secret_value(),
                host=self.db_host,
                port=self.db_port,
                database=self.db_name,
            ).render_as_string(hide_password=False)
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()

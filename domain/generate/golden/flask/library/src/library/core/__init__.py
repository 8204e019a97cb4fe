"""Settings, database, errors and logging: below every other layer."""

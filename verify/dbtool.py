"""Database chores for the verify suite, run with an exported project's own venv.

usage: python dbtool.py ENGINE (create|drop|task-runs|forget) NAME [TASK [ITEM_ID]]
ENGINE is postgres, mysql or sqlite; for sqlite, NAME is the database file path.
"""

import sys


def connect(engine: str, database: str | None):
    if engine == "postgres":
        import psycopg

        dbname = database or "postgres"
        conninfo = f"host=127.0.0.1 port=5432 user=postgres dbname={dbname}"
        return psycopg.connect(conninfo, autocommit=True)
    if engine == "mysql":
        import pymysql

        return pymysql.connect(
            host="127.0.0.1",
            port=3306,
            user="root",
            password="",
            database=database,
            autocommit=True,
        )
    import sqlite3

    return sqlite3.connect(database)


def main() -> int:
    engine, action, name = sys.argv[1:4]
    if action == "forget":
        return forget(connect(engine, name), sys.argv[4], int(sys.argv[5]))
    if engine == "sqlite":
        if action == "task-runs":
            return count(connect(engine, name), sys.argv[4])
        return 0
    quoted = f'"{name}"' if engine == "postgres" else f"`{name}`"
    if action in ("create", "drop"):
        connection = connect(engine, None)
        cursor = connection.cursor()
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        if action == "create":
            cursor.execute(f"CREATE DATABASE {quoted}")
        connection.close()
        return 0
    return count(connect(engine, name), sys.argv[4])


def count(connection, task: str) -> int:
    cursor = connection.cursor()
    marker = "?" if connection.__class__.__module__.startswith("sqlite3") else "%s"
    cursor.execute(f"SELECT item_id FROM task_runs WHERE task = {marker}", (task,))
    print(",".join(str(row[0]) for row in cursor.fetchall()))
    connection.close()
    return 0


def forget(connection, task: str, item_id: int) -> int:
    """Deletes the ledger row of one run, as if the task had never handled that item."""
    cursor = connection.cursor()
    marker = "?" if connection.__class__.__module__.startswith("sqlite3") else "%s"
    query = f"DELETE FROM task_runs WHERE task = {marker} AND item_id = {marker}"
    cursor.execute(query, (task, item_id))
    connection.commit()
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

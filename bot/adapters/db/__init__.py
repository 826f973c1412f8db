"""The database: engine, unit of work, tables and migrations (SQLite or PostgreSQL)."""

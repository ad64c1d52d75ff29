"""The SQLite store: tables, migrations, writes and read queries. No Textual here."""

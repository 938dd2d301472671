"""Reading and writing participant files (CSV), kept free of Qt so the CLI and tests share it."""

"""Tables, enums and pure rules. No Qt and no I/O here."""

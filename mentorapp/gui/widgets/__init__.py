"""Part of the Qt front end."""

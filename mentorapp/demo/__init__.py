"""The built-in demo programme: deterministic people, rounds and history."""

"""Mentorapp: run a mentorship programme from a coordinator's laptop."""

__version__ = "0.1.0"

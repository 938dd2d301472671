"""Mentorapp: run a mentorship programme from a coordinator's laptop."""

import logging

__version__ = "0.1.0"

# Until the front end sets up the log file (workspace/log.py), log lines go nowhere: never to
# the console, whose output the commands promise.
logging.getLogger(__name__).addHandler(logging.NullHandler())

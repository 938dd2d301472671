"""Placeholder: a helper fills this module (issue 14)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Adds nothing yet."""

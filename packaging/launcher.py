"""Entry point of the frozen app: the same as the ``mentorapp`` command.

PyInstaller needs a script to start from. This one lives outside the ``mentorapp`` package so
that PyInstaller does not put ``mentorapp/`` itself on the import path (which would make its
modules importable under wrong top-level names such as ``paths`` or ``settings``).
"""

import sys

from mentorapp.cli import main

if __name__ == "__main__":
    sys.exit(main())

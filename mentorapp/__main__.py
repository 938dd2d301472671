"""Allow ``python -m mentorapp``."""

from mentorapp.cli import main

raise SystemExit(main())

"""The programme itself: its details, its rounds, their rules and partner organisations."""

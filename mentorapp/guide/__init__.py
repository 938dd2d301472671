"""The organiser's guide: stages, their built-in checklists and the programme's progress."""

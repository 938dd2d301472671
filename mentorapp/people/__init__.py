"""Participants: people, their applications to a round, eligibility and the pipeline."""

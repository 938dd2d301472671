"""Follow-up and impact: the survey instruments, answers and outcomes, and the impact report."""

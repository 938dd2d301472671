"""Planning a programme and its rounds: the plan, the timeline with its due dates, the budget."""

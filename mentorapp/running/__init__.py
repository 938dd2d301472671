"""The running period of a round: the pairs' meetings."""

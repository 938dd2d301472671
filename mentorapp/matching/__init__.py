"""Matching adepts with mentors: hard rules, a visible score, an exact proposal and its reasons.

``model`` holds plain values, ``rules`` the hard rules and the score of one pair, ``solver``
the exact assignment (SciPy, imported lazily), ``explain`` why someone was not placed,
``proposal`` puts these together without a database, and ``service`` reads and writes the
round's pair rules and accepted groups.
"""

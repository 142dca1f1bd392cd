"""TSO Zelfscan: the domain package (rubric, scoring, store, report) and its command line."""

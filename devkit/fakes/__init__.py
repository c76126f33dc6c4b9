"""In-memory implementations of the ports (they pass the same contract suites as the SQL and
Graph adapters) and the in-memory Graph fake."""

"""Birthdays and service jubilees, strictly opt-in (pure domain code)."""

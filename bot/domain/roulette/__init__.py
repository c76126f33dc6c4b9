"""Kaffee- und Mittags-Roulette: opt-in, pairing rounds, introductions, a friendly follow-up."""

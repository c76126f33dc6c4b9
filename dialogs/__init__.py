"""Thin handlers per capability that map commands and card verbs to domain calls."""

"""Adaptive Cards (schema 1.5), built as plain dicts by typed builders."""

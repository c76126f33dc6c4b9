"""Adaptive Card templates (schema 1.5) and the typed builders that fill them."""

"""Dringender Termin: a call with several people still today, with their assistants' help."""

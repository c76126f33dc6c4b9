"""The only package that imports botbuilder: adapter setup, activity translation, sending."""

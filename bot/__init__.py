"""Assistenz-Netzwerk Bot: a Microsoft Teams bot for the network of department assistants."""

__version__ = "0.1.0"

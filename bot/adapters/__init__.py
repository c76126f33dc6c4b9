"""Adapters that implement the domain ports against real infrastructure."""

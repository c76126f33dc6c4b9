"""Privacy: what the bot stores about a person, its export and erasure, and retention."""

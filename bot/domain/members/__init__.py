"""Who the bot can reach: the members of every team the app is installed in."""

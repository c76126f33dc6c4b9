"""The Teams app manifest template, its English localisation and the icons (package data, so
that `assistenz-bot package` also works from an installed wheel or the container image)."""

"""What only tests and the local demo use: in-memory fakes of the ports, the Graph simulator,
the demo organisation and the Playground runner. Not part of the production image (the
Dockerfile copies bot/, dialogs/, cards/ and appmanifest/ only); ``bot`` never imports it,
except the ``demo`` command, which explains itself where this package is missing."""

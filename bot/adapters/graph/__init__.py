"""Microsoft Graph through msgraph-sdk (the in-memory fake and the local simulator live in
devkit/, apart from the production image).

Import from the submodules (`client`, `directory`, `rooms`, …); this package imports nothing
itself so that loading one adapter never pulls in all of msgraph-sdk.
"""

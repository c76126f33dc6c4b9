"""Microsoft Graph: the msgraph-sdk adapter, an in-memory fake and a local simulator.

Import from the submodules (`client`, `directory`, `rooms`, `fake`, `simulator`); this package
imports nothing itself so that loading the fake never pulls in msgraph-sdk.
"""

"""Pure domain logic. Imports nothing from botbuilder, msgraph, sqlalchemy or aiohttp."""

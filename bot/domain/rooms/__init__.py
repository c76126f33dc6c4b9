"""Room broker domain: understanding room requests (no framework imports)."""

from bot.domain.rooms.when import RoomRequestParse, parse_room_request

__all__ = ["RoomRequestParse", "parse_room_request"]

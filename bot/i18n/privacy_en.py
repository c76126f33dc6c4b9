"""English strings of "my data" / "delete my data" (to be merged into en.py)."""

MESSAGES: dict[str, str] = {
    "help.privacy.text": "“my data” shows what I have stored about you; “delete my data” "
    "deletes it after asking you to confirm.",
    "privacy.personal_only": "I show and delete your data only in our personal chat – personal "
    "data does not belong in a channel or group chat. Write “my data” to me there.",
    "privacy.unknown_person": "I cannot identify you reliably (your message carries no Entra "
    "id). Please contact IT operations.",
    "privacy.export.title": "Your stored data",
    "privacy.export.intro": "This is what I have stored about you (entries per kind of data):",
    "privacy.export.nothing": "I have nothing stored about you.",
    "privacy.export.json_hint": "Every detail is under “All details (JSON)”. Teams does not let "
    "me send a file without asking you first: select and copy the text to keep it.",
    "privacy.export.truncated": "The details are too long for one card; shown are the first "
    "{shown} of {total} characters. Ask your data protection officer for the full copy.",
    "privacy.export.show_json": "All details (JSON)",
    "privacy.export.erase": "Delete my data …",
    "privacy.confirm.title": "Delete my data?",
    "privacy.confirm.text": "I delete your expert profile, your conversation references and "
    "pending tasks for you. Where others rely on your contributions I only remove your name: "
    "votes of finished Stammtisch polls still count, answered questions stay as the network's "
    "knowledge, room requests stay in the audit trail without a name. Your open questions and "
    "room requests are withdrawn.",
    "privacy.confirm.final": "This cannot be undone. The confirmation is valid for {minutes} "
    "minutes.",
    "privacy.confirm.yes": "Yes, delete for good",
    "privacy.confirm.no": "Cancel",
    "privacy.cancelled": "Cancelled – nothing was deleted.",
    "privacy.invalid_offer": "This confirmation is invalid, already used or expired. Nothing was "
    "deleted. Write “delete my data” to start again.",
    "privacy.erased.title": "Your data is deleted",
    "privacy.erased.intro": "Deleted or anonymised (entries per kind of data):",
    "privacy.erased.nothing": "Nothing was stored about you.",
    "privacy.erased.note": "Messages and cards already in Teams, and meetings already booked in "
    "calendars, are not changed. If you write to me again, I store again what that needs.",
    "privacy.kind.conversation_references": "Conversation references",
    "privacy.kind.processed_activities": "Ids of processed messages",
    "privacy.kind.experts": "Expert profile",
    "privacy.kind.questions": "Questions",
    "privacy.kind.scheduled_jobs": "Scheduled tasks",
    "privacy.kind.stammtisch_rules": "Stammtisch rules",
    "privacy.kind.stammtisch_polls": "Stammtisch polls",
    "privacy.kind.stammtisch_votes": "Stammtisch votes",
    "privacy.kind.room_requests": "Room requests",
    "privacy.kind.room_audit": "Room request audit trail",
}

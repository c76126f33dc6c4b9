"""English user-facing strings (chosen when the activity's locale is English)."""

MESSAGES: dict[str, str] = {
    "help.title": "Assistant network – what I can do for you",
    "help.intro": "I connect the assistants across the company. Write to me in a personal chat "
    "or @mention me in the channel.",
    "help.routing.title": "Find know-how",
    "help.routing.text": "Just ask: “Who knows about travel expenses in Concur?” – I name the "
    "right assistants.",
    "help.stammtisch.title": "Monthly get-together",
    "help.stammtisch.text": "Monthly poll for the assistants' get-together: “stammtisch neu”.",
    "help.buddy.title": "Buddy for newcomers",
    "help.buddy.text": "New colleagues get a welcome and a buddy.",
    "help.rooms.title": "Meeting rooms",
    "help.rooms.text": "“I need a room for 6 people tomorrow 2–3 pm” – I find and book a room, "
    "including restricted ones.",
    "help.privacy.title": "Your data",
    "help.privacy.text": "“meine daten” shows what I have stored about you.",
    "help.footer": "Tip: “help” shows this overview at any time.",
    "welcome.team.title": "Hello assistant network! 👋",
    "welcome.team.text": "I am the assistant network's bot. I route questions to the right "
    "assistant, organise the monthly get-together, welcome new colleagues and broker meeting "
    "rooms. @mention me and write “help”.",
    "welcome.personal.text": "Welcome! I am the assistant network's bot. Write “help” to see "
    "what I can do.",
    "error.generic": "Sorry, something went wrong on my side. Please try again in a moment. "
    "Nothing was changed.",
    "error.unknown_command": "Sorry, I did not understand “{text}”. Write “help” for an overview.",
    "error.empty_message": "Your message was empty. Write “help” for an overview.",
    "error.card.title": "I could not carry out this action",
    "error.card.unknown_verb": "I do not know this button (any more). The card may be outdated – "
    "write “help” for a current overview.",
    "error.card.bad_payload": "This card's data is invalid or incomplete. Nothing was changed.",
    "error.tenant": "This bot is not enabled for your organisation.",
}

"""German user-facing strings (the default language)."""

MESSAGES: dict[str, str] = {
    "help.title": "Assistenz-Netzwerk – was ich für Sie tun kann",
    "help.intro": "Ich verbinde die Assistenzen im Unternehmen. Schreiben Sie mir im persönlichen "
    "Chat oder erwähnen Sie mich im Kanal mit @.",
    "help.routing.title": "Know-how finden",
    "help.routing.text": "Fragen Sie einfach: „Wer kennt sich mit Reisekosten in Concur aus?“ – "
    "ich nenne die passenden Assistenzen.",
    "help.stammtisch.title": "Stammtisch",
    "help.stammtisch.text": "Monatliche Umfrage für den Assistenz-Stammtisch: „stammtisch neu“.",
    "help.buddy.title": "Buddy für Neue",
    "help.buddy.text": "Neue Kolleginnen und Kollegen bekommen eine Begrüßung und einen Buddy.",
    "help.rooms.title": "Besprechungsräume",
    "help.rooms.text": "„Ich brauche morgen 14–15 Uhr einen Raum für 6 Personen“ – ich finde und "
    "buche einen Raum, auch die mit Freigabe.",
    "help.privacy.title": "Ihre Daten",
    "help.privacy.text": "„meine daten“ zeigt, was ich über Sie gespeichert habe.",
    "help.footer": "Tipp: „hilfe“ zeigt diese Übersicht jederzeit wieder.",
    "welcome.team.title": "Hallo Assistenz-Netzwerk! 👋",
    "welcome.team.text": "Ich bin der Bot des Assistenz-Netzwerks. Ich helfe, Fragen an die "
    "richtige Assistenz zu leiten, organisiere den monatlichen Stammtisch, begrüße neue "
    "Kolleginnen und Kollegen und vermittle Besprechungsräume. Erwähnen Sie mich mit @ und "
    "schreiben Sie „hilfe“.",
    "welcome.personal.text": "Willkommen! Ich bin der Bot des Assistenz-Netzwerks. Schreiben Sie "
    "„hilfe“, um zu sehen, was ich kann.",
    "error.generic": "Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es "
    "gleich noch einmal. Es wurde nichts verändert.",
    "error.unknown_command": "Das habe ich leider nicht verstanden: „{text}“. Schreiben Sie "
    "„hilfe“ für eine Übersicht.",
    "error.empty_message": "Ihre Nachricht war leer. Schreiben Sie „hilfe“ für eine Übersicht.",
    "error.card.title": "Diese Aktion konnte ich nicht ausführen",
    "error.card.unknown_verb": "Diese Schaltfläche kenne ich nicht (mehr). Vielleicht ist die "
    "Karte veraltet – schreiben Sie „hilfe“ für eine aktuelle Übersicht.",
    "error.card.bad_payload": "Die Daten dieser Karte sind ungültig oder unvollständig. Es wurde "
    "nichts verändert.",
    "error.tenant": "Dieser Bot ist für Ihre Organisation nicht freigeschaltet.",
}

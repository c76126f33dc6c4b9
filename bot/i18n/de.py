"""German user-facing strings (the default language)."""

MESSAGES: dict[str, str] = {
    "help.title": "Assistenz-Netzwerk – was ich für Sie tun kann",
    "help.intro": "Ich verbinde die Assistenzen im Unternehmen. Schreiben Sie mir im persönlichen"
    " Chat oder erwähnen Sie mich im Kanal mit @.",
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
    "error.generic": "Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es"
    " gleich noch einmal. Es wurde nichts verändert.",
    "error.unknown_command": "Das habe ich leider nicht verstanden: „{text}“. Schreiben Sie "
    "„hilfe“ für eine Übersicht.",
    "error.empty_message": "Ihre Nachricht war leer. Schreiben Sie „hilfe“ für eine Übersicht.",
    "error.card.title": "Diese Aktion konnte ich nicht ausführen",
    "error.card.unknown_verb": "Diese Schaltfläche kenne ich nicht (mehr). Vielleicht ist die "
    "Karte veraltet – schreiben Sie „hilfe“ für eine aktuelle Übersicht.",
    "error.card.bad_payload": "Die Daten dieser Karte sind ungültig oder unvollständig. Es wurde "
    "nichts verändert.",
    "error.tenant": "Dieser Bot ist für Ihre Organisation nicht freigeschaltet.",
    "routing.thread.title": "Frage von {name}",
    "routing.thread.experts": "Diese Assistenzen kennen sich damit aus:",
    "routing.mark.declined": "nicht ihr/sein Thema",
    "routing.mark.asked": "angefragt",
    "routing.status.asked": "Status: {name} ist angefragt.",
    "routing.status.taken": "Status: {name} hat die Frage übernommen.",
    "routing.status.answered": "Status: beantwortet von {name}.",
    "routing.status.withdrawn": "Status: geschlossen.",
    "routing.status.unassigned": "Status: Noch niemand hat übernommen – jede genannte Assistenz "
    "kann die Frage übernehmen.",
    "routing.answer.heading": "Antwort:",
    "routing.answer.label": "Ihre Antwort",
    "routing.answer.required": "Bitte eine Antwort eingeben.",
    "routing.button.take": "Frage übernehmen",
    "routing.button.decline": "Nicht mein Thema",
    "routing.button.forward": "Weiterleiten an …",
    "routing.button.forward_send": "Weiterleiten",
    "routing.button.answer": "Beantworten",
    "routing.button.send_answer": "Antwort senden (beantwortet)",
    "routing.button.helped": "Ja, das hilft",
    "routing.button.ask_anyway": "Nein, trotzdem Experten fragen",
    "routing.forward.label": "An wen soll die Frage gehen?",
    "routing.expert.title": "{name} hat eine Frage für Sie",
    "routing.expert.why": "Warum Sie: {reason}",
    "routing.expert.thread_link": "[Zum Thread]({link})",
    "routing.offer.title": "Hilft Ihnen das?",
    "routing.offer.earlier": "Eine ähnliche Frage wurde schon beantwortet: „{question}“",
    "routing.offer.answer_by": "Antwort von {name}:",
    "routing.offer.prompt": "Hilft Ihnen diese Antwort?",
    "routing.reason.topic": "Thema: {topic}",
    "routing.reason.history": "hat eine ähnliche Frage am {date} beantwortet",
    "routing.reason.forwarded": "weitergeleitet von {name}",
    "routing.reason.deputy": "Vertretung für {name}",
    "routing.reason.profile": "laut Profil: {field}",
    "routing.reply.smalltalk": "Sehr gern! Wenn Sie eine Frage haben, schreiben Sie sie einfach –"
    " ich finde die passende Assistenz.",
    "routing.reply.no_match": "Dazu kenne ich leider noch niemanden im Netzwerk. Formulieren Sie "
    "die Frage gern etwas genauer oder schreiben Sie „hilfe“.",
    "routing.reply.no_experts": "Für diesen Bereich sind noch keine Assistenzen hinterlegt. Eine "
    "Administratorin kann das Verzeichnis importieren. Schreiben Sie „hilfe“ für eine Übersicht.",
    "routing.reply.asking": "Gut, ich frage die passenden Assistenzen – "
    "die Karte dazu steht im Chat.",
    "routing.reply.helped": "Schön, dass die frühere Antwort hilft!",
    "routing.note.taken": "Danke! Sie haben die Frage übernommen.",
    "routing.note.declined": "Alles klar – ich frage die nächste Assistenz.",
    "routing.note.forwarded": "Danke – die Frage ist weitergeleitet.",
    "routing.note.answered": "Danke für Ihre Antwort! Die Frage ist geschlossen.",
    "routing.error.already_taken": "Diese Frage hat bereits jemand anderes übernommen.",
    "routing.error.yours": "Sie haben diese Frage bereits übernommen.",
    "routing.error.not_named": "Diese Frage ist an andere Assistenzen gerichtet; Sie können sie "
    "nicht übernehmen.",
    "routing.error.not_your_turn": "Diese Frage liegt gerade nicht bei Ihnen – es wurde nichts "
    "geändert.",
    "routing.error.closed": "Diese Frage ist bereits geschlossen – es wurde nichts geändert.",
    "routing.error.empty_answer": "Bitte geben Sie eine Antwort ein.",
    "routing.error.not_asker": "Nur die fragende Person kann das entscheiden.",
    "routing.error.unknown_question": "Diese Frage kenne ich nicht (mehr).",
    "routing.error.unknown_expert": "Diese Person ist keine Assistenz in diesem Netzwerk.",
    "routing.error.forward_to_self": "An sich selbst weiterleiten geht nicht.",
    "routing.error.busy": "Gerade entscheiden mehrere gleichzeitig – bitte noch einmal versuchen.",
    "routing.error.not_due": "Diese Eskalation ist nicht (mehr) fällig.",
    # experts: the "Meine Themen" profile card
    "experts.card.title": "Meine Themen",
    "experts.card.intro": "Hier pflegen Sie, wozu andere Assistenzen Sie fragen können. Passende "
    "Fragen leite ich an Sie weiter – außer während einer Pause.",
    "experts.card.topics": "Themen (durch Komma getrennt)",
    "experts.card.topics_placeholder": "z. B. Reisekosten, Concur, Visum, Dienstwagen",
    "experts.card.languages": "Sprachen, in denen man Sie fragen kann",
    "experts.card.deputy": "Vertretung",
    "experts.card.deputy_placeholder": "Keine Vertretung",
    "experts.card.pause": "Pause bis einschließlich (optional) – bis dahin frage ich Sie nicht",
    "experts.card.about": "Über mich (optional)",
    "experts.card.save": "Speichern",
    "experts.saved": "Gespeichert. Ich berücksichtige Ihre Angaben ab sofort.",
    "experts.personal_only": "Ihre Themen pflegen Sie im persönlichen Chat mit mir: Schreiben Sie "
    "mir dort „meine themen“.",
    "experts.not_expert.title": "Sie sind noch nicht im Experten-Verzeichnis",
    "experts.not_expert.text": "Themen pflegen können die Assistenzen des Netzwerks. Bitten Sie "
    "eine Administratorin oder einen Administrator des Bots, Sie aufzunehmen (zum Beispiel über "
    "die Gruppe „Assistenz-Netzwerk“). Danach schreiben Sie hier wieder „meine themen“.",
    "experts.error.title": "Bitte prüfen Sie Ihre Eingaben – es wurde nichts gespeichert:",
    "experts.error.invalid": "Eine Eingabe ist ungültig.",
    "experts.error.topics_too_many": "Bitte höchstens {max} Themen angeben (es sind {count}).",
    "experts.error.topic_too_long": "Das Thema „{topic}“ ist zu lang (höchstens {max} Zeichen).",
    "experts.error.language_unknown": "Die Sprache „{code}“ kenne ich nicht.",
    "experts.error.deputy_self": "Sie können nicht Ihre eigene Vertretung sein.",
    "experts.error.deputy_unknown": "Die gewählte Vertretung gehört nicht (mehr) zu diesem "
    "Netzwerk.",
    "experts.error.pause_invalid": "Das Pausendatum ist kein gültiges Datum.",
    "experts.error.pause_past": "Das Pausendatum liegt in der Vergangenheit.",
    "experts.error.pause_too_far": "Eine Pause geht höchstens ein Jahr voraus (bis {latest}).",
    "experts.error.about_too_long": "„Über mich“ darf höchstens {max} Zeichen lang sein.",
}

"""German user-facing strings (the default language)."""

MESSAGES: dict[str, str] = {
    "help.title": "Assistenz-Netzwerk – was ich für Sie tun kann",
    "help.intro": "Ich verbinde die Assistenzen im Unternehmen. Schreiben Sie mir im persönlichen"
    " Chat oder erwähnen Sie mich im Kanal mit @.",
    "help.routing.title": "Know-how finden",
    "help.routing.text": "Fragen Sie einfach: „Wer kennt sich mit Reisekosten in Concur aus?“ – "
    "ich nenne die passenden Assistenzen.",
    "help.stammtisch.title": "Stammtisch",
    "help.stammtisch.text": "Monatliche Umfrage für den Assistenz-Stammtisch im Kanal oder"
    " Gruppenchat des Netzwerks: „stammtisch“ zeigt die aktuelle Umfrage zum Abstimmen. Eine neue"
    " starten die Organisatorinnen und Organisatoren mit „stammtisch neu“.",
    "help.buddy.title": "Buddy für Neue",
    "help.buddy.text": "Neue Kolleginnen und Kollegen bekommen eine Begrüßung und einen Buddy."
    " Selbst Buddy werden: „ich werde gern buddy“.",
    "help.rooms.title": "Besprechungsräume",
    "help.rooms.text": "„Ich brauche morgen 14–15 Uhr einen Raum für 6 Personen“ – ich finde und "
    "buche einen Raum, auch die mit Freigabe.",
    "help.privacy.title": "Ihre Daten",
    "help.footer": "Tipp: „hilfe“ zeigt diese Übersicht jederzeit wieder.",
    "help.button.ask": "Frage stellen",
    "help.button.topics": "Meine Themen",
    "help.button.room": "Raum suchen",
    "help.button.stammtisch": "Stammtisch",
    "help.button.data": "Meine Daten",
    "help.ask.title": "Frage an das Assistenz-Netzwerk",
    "help.ask.label": "Ihre Frage",
    "help.ask.placeholder": "z. B. Wer kennt sich mit Reisekosten in Concur aus?",
    "help.ask.required": "Bitte schreiben Sie Ihre Frage.",
    "help.ask.send": "Frage senden",
    "message_action.title": "Ans Assistenz-Netzwerk fragen",
    "message_action.intro": "Prüfen oder ergänzen Sie die Frage; ich suche die passenden"
    " Assistenzen.",
    "message_action.question": "Ihre Frage",
    "message_action.target": "Wo soll die Frage erscheinen?",
    "message_action.target.required": "Bitte wählen Sie, wo die Frage erscheinen soll.",
    "message_action.target.channel": "Im Kanal des Assistenz-Netzwerks",
    "message_action.target.chat": "In Ihrem persönlichen Chat mit mir",
    "message_action.sent.channel": "Ihre Frage ist unterwegs. Den Stand sehen Sie im Kanal des"
    " Assistenz-Netzwerks.",
    "message_action.sent.chat": "Ihre Frage ist unterwegs. Den Stand sehen Sie in Ihrem"
    " persönlichen Chat mit mir.",
    "message_action.error.bad_payload": "Diese Anfrage konnte ich nicht lesen. Bitte öffnen Sie"
    " „Ans Assistenz-Netzwerk fragen“ noch einmal. Es wurde nichts gesendet.",
    "message_action.error.no_chat": "Ich kann Ihnen gerade nicht persönlich schreiben (der Chat"
    " mit mir ist gesperrt oder nicht erreichbar). Wählen Sie bitte den Kanal. Es wurde nichts"
    " gesendet.",
    "message_action.error.no_channel": "Ich kenne noch keinen Kanal des Assistenz-Netzwerks (die"
    " App ist in keinem Team installiert). Bitte wählen Sie den persönlichen Chat. Es wurde"
    " nichts gesendet.",
    "who_knows.chat": "Chat",
    "who_knows.topics": "Meine Themen: {topics}",
    "who_knows.empty": "Geben Sie ein Thema ein, z. B. „Raumplanung“ oder „Reisekosten“.",
    "who_knows.too_long": "Das ist zu lang für eine Suche. Bitte geben Sie nur das Thema ein"
    " (höchstens {limit} Zeichen).",
    "who_knows.none": "Zu „{topic}“ ist gerade niemand erreichbar, der das Thema pflegt. Sie"
    " können die Frage trotzdem im Kanal stellen.",
    "who_knows.unknown_command": "Diese Suche kenne ich nicht. Bitte wählen Sie „Wer weiß was?“.",
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
    "error.message_too_long": "Ihre Nachricht ist leider zu lang für mich (mehr als {limit} "
    "Zeichen). Bitte schreiben Sie Ihr Anliegen kürzer.",
    "error.empty_message": "Ihre Nachricht war leer. Schreiben Sie „hilfe“ für eine Übersicht.",
    "error.only_symbols": "Danke! 🙂 Wenn ich etwas für Sie tun kann, schreiben Sie es mir in "
    "Worten – „hilfe“ zeigt, was ich kann.",
    "error.only_question": "Wobei kann ich helfen? Schreiben Sie mir Ihre Frage in Worten –"
    " „hilfe“ zeigt, was ich kann.",
    "error.card.title": "Diese Aktion konnte ich nicht ausführen",
    "error.card.unknown_verb": "Diese Schaltfläche kenne ich nicht (mehr). Vielleicht ist die "
    "Karte veraltet – schreiben Sie „hilfe“ für eine aktuelle Übersicht.",
    "error.card.bad_payload": "Die Daten dieser Karte sind ungültig oder unvollständig. Es wurde "
    "nichts verändert.",
    "error.tenant": "Dieser Bot ist für Ihre Organisation nicht freigeschaltet.",
    "routing.thread.title": "Frage von {name}",
    "routing.thread.experts": "Diese Assistenzen kennen sich damit aus:",
    "routing.mark.declined": "nicht zuständig",
    "routing.mark.silent": "keine Reaktion",
    "routing.mark.released": "zurückgegeben",
    "routing.mark.unreachable": "per Chat nicht erreichbar",
    "routing.mark.absent": "abwesend bis auf Weiteres",
    "routing.mark.absent_until": "abwesend bis {date}",
    "routing.mark.asked": "angefragt",
    "routing.status.asked": "Status: {name} ist angefragt.",
    "routing.status.taken": "Status: {name} hat die Frage übernommen.",
    "routing.status.answered": "Status: beantwortet von {name}.",
    "routing.status.withdrawn": "Status: geschlossen.",
    "routing.status.unassigned": "Status: Noch niemand hat übernommen – jede genannte Assistenz "
    "kann die Frage übernehmen.",
    "routing.status.all_absent": "Status: Niemand wurde gefragt – alle Genannten sind gerade"
    " abwesend. Die Frage bleibt offen: Wer zuerst zurück ist, wird gefragt; wer früher da ist,"
    " kann sie hier übernehmen.",
    "routing.answer.heading": "Antwort:",
    "routing.answer.label": "Ihre Antwort",
    "routing.answer.required": "Bitte eine Antwort eingeben.",
    "routing.clarify.prompt": "Damit ich die richtige Assistenz frage: Worum geht es?",
    "routing.reply.duplicate": "Ihre Frage ist schon unterwegs – ich stelle sie nur einmal.",
    "routing.clarify.fallback": "Ohne Auswahl frage ich am {date} um {time} die Assistenz für "
    "„{label}“.",
    "routing.mention.unchosen": "{person}, Sie haben nicht gewählt, worum es geht – ich habe "
    "deshalb {expert} gefragt („{label}“). Passt das nicht, ziehen Sie die Frage auf der Karte "
    "zurück und stellen Sie sie mit ein paar Worten mehr neu.",
    "routing.mention.unchosen_away": "{person}, Sie haben nicht gewählt, worum es geht – ich habe "
    "die Frage deshalb „{label}“ zugeordnet. Direkt fragen kann ich gerade keine der genannten "
    "Assistenzen (abwesend oder nicht erreichbar); jede von ihnen kann sie übernehmen.",
    "routing.mention.nobody_left": "{person}, leider hat keine der genannten Assistenzen Ihre"
    " Frage übernommen, und ich habe niemanden mehr, den ich fragen kann. Die Frage bleibt offen"
    " – jede genannte Assistenz kann sie auf der Karte noch übernehmen. Sonst stellen Sie sie gern"
    " mit ein paar Worten mehr neu oder fragen Sie im Kanal des Netzwerks.",
    "routing.button.something_else": "Etwas anderes",
    "routing.note.chosen": "Danke – ich frage jetzt die passende Assistenz.",
    "routing.reply.describe_again": "Alles klar – dann beschreiben Sie Ihre Frage bitte mit ein "
    "paar Worten mehr (z. B. das System oder den Vorgang), und ich suche erneut.",
    "routing.error.already_chosen": "Das ist schon entschieden – die Frage ist bereits unterwegs.",
    "routing.error.unknown_choice": "Diese Auswahl gibt es zu dieser Frage nicht – es wurde "
    "nichts geändert.",
    "routing.error.clarifying": "Diese Frage ist noch niemandem gestellt: die fragende Person "
    "wählt gerade, worum es geht.",
    "routing.reply.choose_below": "Gut – bitte wählen Sie in Ihrer Frage, worum es geht; dann "
    "frage ich die passende Assistenz.",
    "routing.button.take": "Frage übernehmen",
    "routing.button.decline": "Nicht mein Thema",
    "routing.button.forward": "Weiterleiten an …",
    "routing.button.forward_send": "Weiterleiten",
    "routing.button.answer": "Beantworten",
    "routing.button.send_answer": "Antwort senden (beantwortet)",
    "routing.button.helped": "Ja, das hilft",
    "routing.button.ask_anyway": "Nein, trotzdem Experten fragen",
    "routing.button.withdraw": "Frage zurückziehen",
    "routing.button.release": "Doch nicht übernehmen",
    "routing.question.more": "mehr",
    "routing.question.less": "weniger",
    "routing.note.withdrawn": "Ihre Frage ist zurückgezogen.",
    "routing.note.released": "Alles klar – die Frage geht an die nächste Assistenz.",
    "routing.reply.withdrawn": "Ihre Frage „{question}“ ist zurückgezogen.",
    "routing.reply.withdrawn_private": "Ihre Frage aus dem persönlichen Chat mit mir ist "
    "zurückgezogen; ihre Karte dort zeigt, welche es war.",
    "routing.reply.withdrawn_elsewhere": "Ihre offene Frage aus einer anderen Unterhaltung ist "
    "zurückgezogen; ihre Karte dort zeigt, welche es war.",
    "routing.reply.nothing_to_withdraw": "Sie haben keine offene Frage, die ich zurückziehen "
    "könnte.",
    "routing.error.not_owner": "Diese Frage haben nicht Sie übernommen – es wurde nichts "
    "geändert.",
    "routing.forward.label": "An wen soll die Frage gehen?",
    "routing.forward.required": "Bitte eine Person auswählen.",
    "routing.expert.title": "{name} hat eine Frage für Sie",
    "routing.expert.why": "Warum Sie: {reason}",
    "routing.expert.thread_link": "[Zum Thread]({link})",
    "routing.expert.paused": "Weitergegeben, weil Sie eine Pause eingetragen haben.",
    "routing.offer.title": "Hilft Ihnen das?",
    "routing.offer.earlier": "Eine ähnliche Frage wurde schon beantwortet: „{question}“",
    "routing.offer.answer_by": "Antwort von {name}:",
    "routing.offer.prompt": "Hilft Ihnen diese Antwort?",
    "routing.reason.topic": "Thema: {topic}",
    "routing.reason.history": "hat eine ähnliche Frage am {date} beantwortet",
    "routing.reason.forwarded": "weitergeleitet von {name}",
    "routing.reason.deputy": "Vertretung für {name}",
    "routing.reason.profile": "laut Profil: {field}",
    "routing.field.topics": "Themen",
    "routing.field.title": "Funktion",
    "routing.field.department": "Abteilung",
    "routing.field.about": "Beschreibung",
    "routing.field.location": "Standort",
    "routing.reply.smalltalk": "Sehr gern! Wenn Sie eine Frage haben, schreiben Sie sie einfach –"
    " ich finde die passende Assistenz.",
    "routing.reply.vague": "Gern! Worum geht es denn? Schreiben Sie mir Ihre Frage mit ein paar"
    " Stichworten, etwa „Wer kennt sich mit Reisekosten aus?“ – dann frage ich die passende"
    " Assistenz. „hilfe“ zeigt alles, was ich kann.",
    "routing.reply.greeting": "Hallo! Schreiben Sie mir Ihre Frage – oder „hilfe“ für alles, was"
    " ich kann.",
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
    "routing.mention.answered": "{person}, {expert} hat Ihre Frage beantwortet.",
    "routing.answered.title": "{name} hat Ihre Frage beantwortet",
    "routing.remark.noted": "Danke für den Hinweis! Eine neue Frage ist das nicht, darum leite"
    " ich es nicht weiter; die Frage oben bleibt offen, bis sie beantwortet ist. Eine eigene"
    " Frage stellen Sie bitte als Frage (mit „?“).",
    "routing.remark.not_awaited": "Das habe ich nicht als Antwort gespeichert: Die Frage wartet"
    " gerade nicht auf Sie und bleibt offen. Ist es doch Ihre Antwort, übernehmen Sie die Frage"
    " zuerst auf der Karte oben („Frage übernehmen“) und antworten Sie dann hier.",
    "routing.remark.taken": "Das habe ich nicht als Antwort gespeichert: {name} hat die Frage"
    " übernommen und beantwortet sie.",
    "routing.closed.new_post": "Diese Frage ist schon abgeschlossen, darum leite ich hier nichts"
    " weiter. Eine neue Frage stellen Sie bitte als neuen Beitrag im Kanal (mit @-Erwähnung von"
    " mir), nicht als Antwort hier.",
    "routing.error.already_taken": "Diese Frage hat bereits jemand anderes übernommen.",
    "routing.error.yours": "Sie haben diese Frage bereits übernommen.",
    "routing.error.not_named": "Diese Frage ist an andere Assistenzen gerichtet; Sie können sie "
    "nicht übernehmen.",
    "routing.error.not_your_turn": "Diese Frage liegt gerade nicht bei Ihnen – es wurde nichts "
    "geändert.",
    "routing.error.closed": "Diese Frage ist bereits geschlossen – es wurde nichts geändert.",
    "routing.error.not_author": "Das entscheidet nur, wer die Nachricht geschrieben hat – es"
    " wurde nichts geändert.",
    "routing.confirm.title": "Ist das Ihre Antwort?",
    "routing.confirm.question": "Hier wartet die Frage von {asker} auf Ihre Antwort: „{question}“",
    "routing.button.confirm_answer": "Ja, als Antwort senden",
    "routing.button.not_an_answer": "Nein, das ist eine neue Frage",
    "routing.error.which_question": "Hier warten mehrere Fragen auf Ihre Antwort – es wurde"
    " nichts gespeichert. Bitte antworten Sie auf die Karte der Frage (… › Antworten) und"
    " erwähnen Sie mich dabei.",
    "routing.error.which_question_thread": "In diesem Thread warten mehrere Fragen auf Ihre"
    " Antwort – es wurde nichts gespeichert. Bitte antworten Sie mit „Beantworten“ auf der Karte"
    " der jeweiligen Frage in unserem persönlichen Chat.",
    "routing.error.empty_answer": "Bitte geben Sie eine Antwort ein.",
    "routing.error.not_asker": "Nur die fragende Person kann das entscheiden.",
    "routing.error.not_your_offer": "Über dieses Angebot entscheidet nur die Person, die die "
    "Frage gestellt hat – es wurde nichts geändert.",
    "routing.error.unknown_question": "Diese Frage kenne ich nicht (mehr).",
    "routing.error.unknown_expert": "Diese Person ist keine Assistenz in diesem Netzwerk.",
    "routing.error.forward_to_self": "An sich selbst weiterleiten geht nicht.",
    "routing.error.forward_to_asker": "An die fragende Person selbst weiterleiten geht nicht.",
    "routing.error.target_away": (
        "Diese Person ist gerade abwesend (Pause oder Abwesenheitsnotiz) und wird nicht gefragt. "
        "Bitte an jemand anderen weiterleiten."
    ),
    "routing.error.target_gone": (
        "Diese Person ist nicht mehr im Unternehmen. Bitte an jemand anderen weiterleiten."
    ),
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
    "experts.saved_moved_on": "Gespeichert. Offene Fragen, die auf Ihre Reaktion gewartet haben"
    " ({count}), gehen während der Pause an die nächste Assistenz.",
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
    "stammtisch.title": "Assistenz-Stammtisch im {month}",
    "stammtisch.subtitle.open": "Mittagessen {start}–{end} Uhr. Bitte stimmen Sie bis {deadline}"
    " ab: Ja, Vielleicht oder Nein je Termin.",
    "stammtisch.subtitle.closed": "Die Abstimmung ist beendet.",
    "stammtisch.subtitle.cancelled": "Der Stammtisch wurde abgesagt.",
    "stammtisch.counts": "Ja {yes} · Vielleicht {maybe} · Nein {no}",
    "stammtisch.yes_names": "Zusagen: {names}",
    "stammtisch.more": "und {count} weitere",
    "stammtisch.answer.ja": "Ja",
    "stammtisch.answer.vielleicht": "Vielleicht",
    "stammtisch.answer.nein": "Nein",
    "stammtisch.places.tally": "Ortswünsche: {tally}",
    "stammtisch.place.label": "Ihr Wunschort",
    "stammtisch.voters.one": "Bisher eine Stimme.",
    "stammtisch.voters": "Bisher {count} Stimmen.",
    "stammtisch.viewer.voted": "Ihre Stimme ist gespeichert. Sie können sie bis zum Ende der"
    " Abstimmung ändern.",
    "stammtisch.button.place": "Ort speichern",
    "stammtisch.answer.chosen": "✓ {answer}",
    "stammtisch.mark.open": "Favorit",
    "stammtisch.mark.won": "Gewählt",
    "stammtisch.button.organise": "Organisation",
    "stammtisch.button.close": "Jetzt schließen",
    "stammtisch.button.extend": "Abstimmung verlängern",
    "stammtisch.button.export": "Ergebnis exportieren",
    "stammtisch.button.cancel": "Stammtisch absagen",
    "stammtisch.button.back": "Zurück zur Umfrage",
    "stammtisch.result.winner.one": "Ergebnis: **{day}**, {start}–{end} Uhr{place} – eine Zusage.",
    "stammtisch.result.winner": "Ergebnis: **{day}**, {start}–{end} Uhr{place} – {count} Zusagen.",
    "stammtisch.result.place": ", Ort: {place}",
    "stammtisch.place.open": "noch offen – bitte im Team absprechen",
    "stammtisch.result.none": "Es hat sich kein Termin gefunden: niemand hat Ja oder Vielleicht"
    " gesagt.",
    "stammtisch.tiebreak": "Bei Gleichstand entscheiden die meisten Ja, dann die meisten Ja und"
    " Vielleicht zusammen, dann der früheste Termin.",
    "stammtisch.announce.title": "Der Stammtisch steht fest! 🍽️",
    "stammtisch.announce.invite": "Alle, die Ja gesagt haben, bekommen eine Kalendereinladung.",
    "stammtisch.announce.none_title": "Kein Stammtisch-Termin gefunden",
    "reach.mention.routing": "{person}, diese Frage ist für Sie gedacht. Ich kann Ihnen noch"
    " keine persönliche Nachricht schicken; öffnen Sie bitte einmal den Chat mit mir (Apps →"
    " Assistenz-Bot). Sie können auch hier antworten; erwähnen Sie mich dabei mit @.",
    "reach.mention.stammtisch": "{person}, Sie haben für den Stammtisch im {month} noch nicht"
    " abgestimmt. Die Umfrage läuft bis {deadline}; ich kann Ihnen noch keine persönliche"
    " Nachricht schicken.",
    "stammtisch.reminder.title": "Erinnerung: Stammtisch-Umfrage",
    "stammtisch.reminder.text": "Sie haben für den Stammtisch im {month} noch nicht abgestimmt."
    " Die Umfrage läuft bis {deadline}; die Karte finden Sie im Kanal des Assistenz-Netzwerks.",
    "stammtisch.day_before.title": "Morgen ist Stammtisch!",
    "stammtisch.day_before.text": "{day}, {start}–{end} Uhr{place}. Bis morgen!",
    "stammtisch.refused.title": "Kalendereinladung nicht verschickt",
    "stammtisch.refused.text": "Die Kalendereinladung zum Stammtisch konnte nicht verschickt"
    " werden: Microsoft 365 hat sie nicht angenommen (z. B. fehlt die Berechtigung für das"
    " Postfach, das einlädt). Bitte laden Sie selbst in Outlook ein – {day}, {start}–{end}"
    " Uhr{place} – und wenden Sie sich an die IT.",
    "stammtisch.refused.yes": "Zugesagt haben: {names}.",
    "stammtisch.uninvite_refused.title": "Kalendereinladung nicht abgesagt",
    "stammtisch.uninvite_refused.text": "Der Stammtisch am {day}, {start}–{end} Uhr{place} ist"
    " abgesagt, aber Microsoft 365 hat die Absage der Kalendereinladung nicht angenommen (z. B."
    " fehlt die Berechtigung für das Postfach, das eingeladen hat). Der Termin steht weiter in"
    " den Kalendern: Bitte sagen Sie ihn selbst in Outlook ab.",
    "stammtisch.cancelled.title": "Stammtisch abgesagt",
    "stammtisch.cancelled.text": "Der Stammtisch im {month} wurde abgesagt. Eine verschickte"
    " Kalendereinladung wird storniert.",
    "stammtisch.skipped.title": "Diesen Monat keine Stammtisch-Umfrage",
    "stammtisch.skipped.text": "Für den Stammtisch im {month} gibt es keinen möglichen Termin"
    " (Wochenenden, Feiertage und Sperrzeiten sind ausgenommen), deshalb gibt es diesmal keine"
    " Umfrage. Die nächste Umfrage erscheint am {when} hier.",
    "stammtisch.invite.subject": "Assistenz-Stammtisch",
    "stammtisch.invite.body": "Gemeinsames Mittagessen des Assistenz-Netzwerks. Ort: {place}",
    "stammtisch.invite.cancelled": "Der Stammtisch wurde abgesagt.",
    "stammtisch.export.title": "Stammtisch im {month}: alle Stimmen",
    "stammtisch.export.name": "Name",
    "stammtisch.export.place": "Ort",
    "stammtisch.export.non_voters": "Noch nicht abgestimmt ({count}): {names}",
    "stammtisch.export.all_voted": "Alle Mitglieder haben abgestimmt.",
    "stammtisch.export.more": "Weitere Stimmen",
    "stammtisch.export.range": "Stimmen {first}–{last} von {total}",
    "paging.restarted": "Die Liste ist inzwischen kürzer geworden; Sie sehen wieder den Anfang.",
    "stammtisch.note.voted": "Danke! Ihre Stimme ist gespeichert.",
    "stammtisch.note.closed": "Die Umfrage ist geschlossen, das Ergebnis steht im Kanal.",
    "stammtisch.note.extended": "Die Abstimmung läuft jetzt bis {deadline}.",
    "stammtisch.note.cancelled": "Der Stammtisch ist abgesagt; die Einladung wird storniert.",
    "stammtisch.reply.exists": "Für {month} gibt es schon eine Stammtisch-Umfrage.",
    "stammtisch.error.no_poll": "In dieser Unterhaltung gibt es noch keine Stammtisch-Umfrage."
    " Starten Sie eine mit „stammtisch neu“.",
    "stammtisch.error.no_poll_organisers": "In dieser Unterhaltung gibt es noch keine"
    " Stammtisch-Umfrage. Eine neue starten die Organisatorinnen und Organisatoren des"
    " Stammtischs hier.",
    "stammtisch.error.no_poll_personal": "Die Stammtisch-Umfrage läuft im Kanal oder Gruppenchat"
    " des Netzwerks: Schreiben Sie dort „stammtisch“, um sie zu sehen. Neue Umfragen starten die"
    " Organisatorinnen und Organisatoren des Stammtischs dort.",
    "stammtisch.reply.rule_saved": "Gespeichert. Die nächste Umfrage erscheint am {when} hier.",
    "stammtisch.reply.rule_off": "Gespeichert. Die automatische Umfrage ist ausgeschaltet.",
    "stammtisch.reply.rule_passed": "Der Umfragetermin im {posted_in} ({day}) liegt schon in der"
    " Vergangenheit – die Regel gilt ab {next}. Die Umfrage für den Stammtisch im {month}"
    " erscheint deshalb nicht von selbst; starten Sie sie bei Bedarf jetzt mit"
    " „stammtisch neu“.",
    "stammtisch.error.unknown": "Diese Umfrage kenne ich nicht (mehr). Es wurde nichts"
    " gespeichert.",
    "stammtisch.reply.export_sent": "Ich habe Ihnen das Ergebnis der Stammtisch-Umfrage"
    " persönlich geschickt.",
    "stammtisch.reply.export_undeliverable": "Ich kann Ihnen das Ergebnis nicht persönlich"
    " schicken; öffnen Sie bitte einmal den Chat mit mir (schreiben Sie dort zum Beispiel"
    " „hilfe“) und schreiben Sie danach hier noch einmal „stammtisch ergebnis“.",
    "stammtisch.error.not_member": "Diese Umfrage gehört zu einem Team, in dem Sie nicht Mitglied"
    " sind, oder wurde außerhalb ihres Kanals aufgerufen. Ihre Stimme wurde nicht gezählt.",
    "stammtisch.error.closed": "Diese Umfrage ist bereits geschlossen. Ihre Stimme wurde nicht"
    " mehr gezählt.",
    "stammtisch.error.already_closed": "Die Umfrage ist bereits geschlossen.",
    "stammtisch.error.unknown_option": "Diese Antwort passt nicht zur Umfrage (unbekannter Termin"
    " oder Ort). Es wurde nichts gespeichert.",
    "stammtisch.error.empty_vote": "Bitte wählen Sie mindestens für einen Termin Ja, Vielleicht"
    " oder Nein.",
    "stammtisch.error.not_organiser": "Das dürfen nur die Organisatorinnen und Organisatoren des"
    " Stammtischs. Es wurde nichts geändert.",
    "stammtisch.error.no_dates": "Im Zielmonat gibt es keinen passenden Termin (Wochenenden,"
    " Feiertage und Sperrzeiten sind ausgenommen).",
    "stammtisch.error.changed": "Die Umfrage wurde gerade geändert. Bitte versuchen Sie es noch"
    " einmal.",
    "stammtisch.error.cancelled": "Der Stammtisch ist bereits abgesagt.",
    "stammtisch.error.not_here": "Die Stammtisch-Umfrage läuft im Kanal oder Gruppenchat des"
    " Netzwerks. Schreiben Sie „stammtisch neu“ bitte dort.",
    "stammtisch.error.member_not_here": "Die Stammtisch-Umfrage läuft im Kanal oder Gruppenchat"
    " des Netzwerks: Schreiben Sie dort „stammtisch“, um sie zu sehen. Neue Umfragen starten die"
    " Organisatorinnen und Organisatoren des Stammtischs dort.",
    "stammtisch.reply.results_in_channel": "Die Stammtisch-Umfrage läuft im Kanal oder"
    " Gruppenchat des Netzwerks. Schreiben Sie dort „stammtisch ergebnis“, dann schicke ich"
    " Ihnen die Übersicht der Stimmen hier in unseren persönlichen Chat.",
    "stammtisch.reply.results_members": "Die Stammtisch-Umfrage und ihr Ergebnis stehen im Kanal"
    " oder Gruppenchat des Netzwerks: Schreiben Sie dort „stammtisch“, um sie zu sehen. Die"
    " Übersicht aller Stimmen erhalten die Organisatorinnen und Organisatoren des Stammtischs.",
    "stammtisch.error.no_user": "Ich kann Sie nicht zuordnen (keine Entra-ID in der Nachricht). Es"
    " wurde nichts gespeichert.",
    "stammtisch.error.rule": "Die Regel ist so nicht möglich: {reason}",
    "stammtisch.rule.title": "Stammtisch-Regel",
    "stammtisch.rule.intro": "Ich poste die Umfrage jeden Monat selbst hier, für den Folgemonat.",
    "stammtisch.rule.post_week": "Woche im Monat",
    "stammtisch.rule.weeks": "1. Woche,2. Woche,3. Woche,4. Woche,letzte Woche",
    "stammtisch.rule.post_weekday": "Wochentag der Umfrage",
    "stammtisch.rule.post_time": "Uhrzeit der Umfrage",
    "stammtisch.rule.deadline_weekday": "Abstimmen bis (Wochentag)",
    "stammtisch.rule.deadline_time": "Abstimmen bis (Uhrzeit)",
    "stammtisch.rule.lunch_start": "Mittag von",
    "stammtisch.rule.lunch_end": "Mittag bis",
    "stammtisch.rule.weekdays": "Mögliche Wochentage für den Stammtisch",
    "stammtisch.rule.count": "Anzahl Termine (3–5)",
    "stammtisch.rule.places": "Orte (optional, 2–4, durch Komma getrennt)",
    "stammtisch.rule.active": "Automatische Umfrage eingeschaltet",
    "stammtisch.rule.save": "Regel speichern",
    "stammtisch.rule.problem.lunch": "das Mittag muss nach seinem Beginn enden",
    "stammtisch.rule.problem.weekdays": "mindestens ein Wochentag (Mo–Fr) ist nötig",
    "stammtisch.rule.problem.places": "bitte 2 bis 4 Orte oder keinen angeben",
    "weekday.short": "Mo,Di,Mi,Do,Fr,Sa,So",
    "weekday.long": "Montag,Dienstag,Mittwoch,Donnerstag,Freitag,Samstag,Sonntag",
    "month.long": "Januar,Februar,März,April,Mai,Juni,"
    "Juli,August,September,Oktober,November,Dezember",
    "month.short": "Jan,Feb,Mär,Apr,Mai,Jun,Jul,Aug,Sep,Okt,Nov,Dez",
    "date.day_month": "{day}.{month}.",
    "date.full": "{day:02d}.{month:02d}.{year}",
    "time.clock": "{time} Uhr",
    "rooms.when": "{day}, {start}–{end} Uhr",
    "rooms.seats": "{count} Plätze",
    "rooms.restricted": "mit Freigabe",
    "rooms.elsewhere": "anderer Standort",
    "rooms.form.title": "Raum anfragen",
    "rooms.form.day": "Tag",
    "rooms.form.start": "von",
    "rooms.form.end": "bis",
    "rooms.form.attendees": "Personen",
    "rooms.form.features": "Ausstattung",
    "rooms.form.reason": "Anlass (für die Freigabe)",
    "rooms.form.required": "Bitte ausfüllen.",
    "rooms.form.search": "Freie Räume suchen",
    "rooms.form.missing": "Bitte ergänzen Sie noch: {missing}.",
    "rooms.missing.date": "den Tag",
    "rooms.missing.time": "die Uhrzeit",
    "rooms.missing.duration": "das Ende",
    "rooms.missing.capacity": "die Personenzahl",
    "rooms.feature.video": "Video",
    "rooms.feature.screen": "Bildschirm",
    "rooms.feature.beamer": "Beamer",
    "rooms.feature.whiteboard": "Whiteboard",
    "rooms.feature.phone": "Konferenztelefon",
    "rooms.feature.accessible": "barrierefrei",
    "rooms.offers.title": "Diese Räume sind frei:",
    "rooms.offers.elsewhere": "An Ihrem Standort ist zu dieser Zeit kein passender Raum frei – "
    "diese Räume liegen an einem anderen Standort.",
    "rooms.offers.take": "{room} nehmen",
    "rooms.state.offered": "Raum angeboten",
    "rooms.state.pending": "Warte auf Freigabe",
    "rooms.state.booking": "Buchung läuft",
    "rooms.state.booked": "Gebucht ✅",
    "rooms.state.declined": "Abgelehnt",
    "rooms.state.expired": "Abgelaufen",
    "rooms.state.cancelled": "Storniert",
    "rooms.state.conflict": "Raum inzwischen belegt",
    "rooms.state.failed": "Buchung fehlgeschlagen",
    "rooms.failed.detail": "Microsoft 365 hat die Buchung nicht angenommen. Der Raum ist nicht"
    " gebucht – bitte buchen Sie ihn in Outlook oder wenden Sie sich an die IT.",
    "rooms.button.cancel": "Stornieren",
    "rooms.button.approve": "Freigeben",
    "rooms.button.decline": "Ablehnen",
    "rooms.approval.title": "Raumanfrage zur Freigabe",
    "rooms.approval.who": "Wer",
    "rooms.approval.when": "Wann",
    "rooms.approval.room": "Raum",
    "rooms.approval.attendees": "Personen",
    "rooms.approval.why": "Anlass",
    "rooms.decided.booking": "Freigegeben von {name}.",
    "rooms.decided.booked": "Freigegeben von {name} und gebucht.",
    "rooms.decided.declined": "Abgelehnt von {name}.",
    "rooms.decided.expired": "Abgelaufen: niemand hat vor Beginn entschieden.",
    "rooms.decided.cancelled": "Von der anfragenden Person storniert.",
    "rooms.decided.conflict": "Freigegeben von {name}, aber der Raum war inzwischen belegt.",
    "rooms.decided.failed": "Freigegeben von {name}, aber Microsoft 365 hat die Buchung nicht"
    " angenommen: Der Raum ist nicht gebucht. Die anfragende Person wurde informiert.",
    "rooms.decided.offered": "",
    "rooms.decided.pending": "",
    "rooms.list.mine": "Ihre Raumanfragen und Buchungen",
    "rooms.list.inbox": "Offene Raumanfragen",
    "rooms.list.empty": "Keine.",
    "rooms.list.line": "**{room}** – {when} – {state}",
    "rooms.list.by": "angefragt von {name}",
    "rooms.list.more": "Weitere Anfragen",
    "rooms.list.range": "Anfragen {first}–{last} von {total}",
    "rooms.note.chosen": "Danke! Ich kümmere mich darum.",
    "rooms.note.approved": "Sie haben freigegeben.",
    "rooms.note.declined": "Sie haben abgelehnt. Die anfragende Person wird informiert.",
    "rooms.note.cancelled": "Storniert.",
    "rooms.asked.people": "{count} Personen",
    "rooms.asked.person": "1 Person",
    "rooms.button.cancel_confirm": "Ja, stornieren",
    "rooms.cancel.question": "Wirklich stornieren? {what}",
    "rooms.cancel_refused.title": "Termin nicht storniert",
    "rooms.error.cancel_refused": "Die Buchung konnte nicht storniert werden: Microsoft 365 hat"
    " die Absage nicht angenommen. Der Termin steht weiter im Kalender – bitte sagen Sie ihn"
    " direkt in Outlook ab.",
    "rooms.erased_left.title": "Raumbuchung bitte in Outlook stornieren",
    "rooms.erased_left.text": "Die Buchung von {room} am {when} konnte nicht automatisch"
    " storniert werden: Die Daten der Person, die den Raum angefragt hat, sind auf ihren Wunsch"
    " gelöscht, und Microsoft 365 hat die Absage nicht angenommen. Der Termin steht weiter im"
    " Kalender des Raums – bitte stornieren Sie ihn direkt in Outlook, damit der Raum wieder"
    " frei ist.",
    "rooms.list.line_no_room": "{when} – {state}",
    "rooms.note.booked": "Erledigt – die Einladung steht in Ihrem Kalender.",
    "rooms.note.failed": "Das hat nicht geklappt – der Raum ist nicht gebucht.",
    "rooms.note.cancelled_one": "Storniert: {what}",
    "rooms.hint.sunday": "Hinweis: {day} ist ein Sonntag – ist das so gemeint?",
    "rooms.hint.holiday": "Hinweis: {day} ist ein Feiertag ({name}) – ist das so gemeint?",
    "rooms.reply.refreshed": "Raumkatalog aktualisiert: {count} Räume.",
    "rooms.event.subject": "Raumbuchung für {name}",
    "rooms.event.cancelled": "Die Raumbuchung wurde storniert.",
    "rooms.problem.in_past": "die Zeit liegt in der Vergangenheit",
    "rooms.problem.end_before_start": "das Ende liegt vor dem Beginn",
    "rooms.problem.invalid_date": "dieses Datum gibt es nicht",
    "rooms.problem.nonexistent_time": "diese Uhrzeit gibt es am Tag der Zeitumstellung nicht",
    "rooms.problem.weekday_mismatch": "Wochentag und Datum passen nicht zusammen",
    "rooms.problem.no_attendees": "die Personenzahl muss mindestens 1 sein (für wie viele"
    " Personen brauchen Sie den Raum?)",
    "rooms.error.understood_but": "Das kann ich so nicht anfragen: {problems}. Es wurde nichts"
    " angefragt.",
    "rooms.error.end_before_start": "Das Ende liegt vor dem Beginn. Es wurde nichts angefragt.",
    "rooms.error.in_past": "Diese Zeit liegt in der Vergangenheit. Es wurde nichts angefragt.",
    "rooms.error.too_long": "So lange kann ich keinen Raum anfragen (höchstens {hours} Stunden).",
    "rooms.error.too_far": "So weit im Voraus kann ich noch nicht buchen (höchstens {days} Tage).",
    "rooms.error.no_attendees": "Bitte geben Sie an, für wie viele Personen.",
    "rooms.error.too_many": "So viele Plätze hat kein Raum. Es wurde nichts angefragt.",
    "rooms.error.no_catalogue": "Ich kenne noch keine Räume (der Raumkatalog ist leer). Bitte"
    " wenden Sie sich an die Administration.",
    "rooms.error.not_allowed": "Sie dürfen über den Bot keine Räume anfragen.",
    "rooms.error.no_matching_room": "Kein Raum hat genug Plätze und die gewünschte Ausstattung.",
    "rooms.error.none_free": "Zu dieser Zeit ist kein passender Raum frei. Versuchen Sie eine"
    " andere Zeit.",
    "rooms.error.none_free_at": "In {site} ist zu dieser Zeit kein passender Raum frei. Es wurde"
    " nichts angefragt – versuchen Sie eine andere Zeit oder lassen Sie den Ort weg.",
    "rooms.error.no_matching_room_at": "In {site} hat kein Raum genug Plätze und die gewünschte"
    " Ausstattung. Es wurde nichts angefragt – lassen Sie den Ort weg, um alle Standorte zu"
    " sehen.",
    "rooms.error.no_mailbox": "Ich finde Ihr Postfach nicht im Verzeichnis. Es wurde nichts"
    " angefragt.",
    "rooms.error.unknown": "Diese Raumanfrage kenne ich nicht (mehr). Es wurde nichts geändert.",
    "rooms.error.decided": "Über diese Anfrage wurde bereits entschieden. Es wurde nichts"
    " geändert.",
    "rooms.error.stale": "Diese Karte ist veraltet; die Anfrage hat sich inzwischen geändert. Es"
    " wurde nichts geändert.",
    "rooms.error.expired": "Diese Anfrage ist abgelaufen: der Termin hat schon begonnen.",
    "rooms.error.not_requester": "Das kann nur die Person, die den Raum angefragt hat.",
    "rooms.error.not_approver": "Sie sind für diesen Raum nicht zuständig. Es wurde nichts"
    " geändert.",
    "rooms.error.unknown_room": "Dieser Raum wurde Ihnen nicht angeboten. Es wurde nichts"
    " angefragt.",
    "rooms.error.invalid_date": "Datum oder Uhrzeit sind ungültig. Es wurde nichts angefragt.",
    "rooms.error.no_user": "Ich kann Sie nicht zuordnen (keine Entra-ID in der Nachricht).",
    "rooms.error.not_admin": "Das dürfen nur Administratorinnen und Administratoren des Bots.",
    "onboarding.welcome.title": "Willkommen im Assistenz-Netzwerk, {name}! 👋",
    "onboarding.welcome.network": "Hier helfen sich die Team- und Vorstandsassistenzen"
    " gegenseitig: mit Know-how, beim monatlichen Stammtisch und bei knappen Besprechungsräumen.",
    "onboarding.welcome.ask": "So fragen Sie: Schreiben Sie mir einfach Ihre Frage („Wer kennt"
    " sich mit Reisekosten aus?“) – ich nenne die passenden Kolleginnen und Kollegen.",
    "onboarding.welcome.stammtisch": "Einmal im Monat treffen wir uns zum Stammtisch; die Umfrage"
    " kommt im Kanal des Netzwerks.",
    "onboarding.welcome.buddy": "Ihr Buddy ist {buddy}",
    "onboarding.welcome.buddy_soon": "Ihren Buddy suchen wir gerade aus; Sie hören bald von uns.",
    "onboarding.button.topics": "Meine Themen eintragen",
    "onboarding.button.chat": "Chat starten",
    "onboarding.button.meeting": "Treffen vorschlagen",
    "onboarding.button.opt_out": "Ich möchte keinen Buddy",
    "onboarding.button.change": "Buddy ändern",
    "onboarding.button.assign": "Als Buddy zuweisen",
    "onboarding.chat_message": "Hallo! Ich freue mich aufs Kennenlernen.",
    "onboarding.meeting_subject": "Kennenlernen (Buddy)",
    "onboarding.reason.same_site": "gleicher Standort",
    "onboarding.reason.same_floor": "gleiche Etage",
    "onboarding.reason.no_recent_pairing": "",
    "onboarding.reason.fewest_buddies": "",
    "onboarding.reason.admin": "von der Administration ausgewählt",
    "onboarding.buddy.title": "Sie sind Buddy für {name}",
    "onboarding.buddy.why": "Warum Sie: {reason}.",
    "onboarding.buddy.checklist_title": "Was Sie zeigen könnten:",
    "onboarding.buddy.checklist": "Kaffeeküche, Drucker und Post|die wichtigsten Ansprechpersonen"
    " im Haus|Raumbuchung und die Räume mit Freigabe|Reisekosten- und Bestellprozesse|den"
    " nächsten Stammtisch",
    "onboarding.replaced.title": "Buddy-Wechsel bei {name}",
    "onboarding.replaced.text": "Die Administration hat {name} eine andere Buddy-Person"
    " zugeteilt; Sie sind also nicht mehr Buddy für {name}.",
    "onboarding.replaced.still_volunteer": "Vielen Dank für Ihre Bereitschaft – für künftige neue"
    " Kolleginnen und Kollegen bleiben Sie als Buddy gemeldet.",
    "onboarding.replaced.no_longer_volunteer": "Vielen Dank für Ihre Unterstützung. Als Buddy sind"
    " Sie nicht mehr gemeldet; „ich werde gern buddy“ meldet Sie jederzeit wieder an.",
    "onboarding.admin.title": "Kein Buddy für {name} gefunden",
    "onboarding.admin.text": "Niemand passt gerade (Kapazität, Pausen, Ausschlüsse). Zur Wahl"
    " stehen die Freiwilligen, die weder pausiert noch ausgelastet sind.",
    "onboarding.admin.pick": "Buddy",
    "onboarding.admin.pick_required": "Bitte einen Buddy auswählen.",
    "onboarding.admin.nobody_free": "Gerade ist niemand frei: Die Freiwilligen sind pausiert oder"
    " betreuen schon so viele Neue, wie sie angeboten haben (oder es hat sich noch niemand"
    " gemeldet). Sobald sich jemand als Buddy meldet („ich werde gern buddy“, auch mit einer"
    " höheren Zahl), bekommt {name} automatisch einen Buddy.",
    "onboarding.check_in.title": "Haben Sie sich getroffen?",
    "onboarding.check_in.text": "Vor {days} Tagen haben wir Sie mit {other} bekannt gemacht. Wie"
    " läuft es?",
    "onboarding.check_in.ja": "Ja",
    "onboarding.check_in.noch_nicht": "Noch nicht",
    "onboarding.check_in.hilfe": "Brauche Hilfe",
    "onboarding.help.title": "Ein Buddy-Paar braucht Hilfe",
    "onboarding.help.text": "{who} hat bei der Nachfrage „Brauche Hilfe“ gewählt (Paar: {newcomer}"
    " und {buddy}).",
    "onboarding.overview.title": "Onboarding: Übersicht",
    "onboarding.overview.line": "**{name}** – {state}, Buddy: {buddy}, Begrüßung: {welcomed}",
    "onboarding.overview.not_yet": "noch nicht zugestellt",
    "onboarding.overview.waiting": "Nicht zugestellte Nachrichten: {count}",
    "onboarding.overview.more": "Weitere Onboardings",
    "onboarding.overview.range": "Onboardings {first}–{last} von {total}",
    "paging.and_more": "und {count} weitere",
    "onboarding.state.paired": "mit Buddy",
    "onboarding.state.unpaired": "wartet auf Zuweisung",
    "onboarding.state.opted_out": "ohne Buddy (abgelehnt)",
    "onboarding.state.done": "abgeschlossen",
    "onboarding.note.opted_out": "In Ordnung, Sie bekommen keinen Buddy. Fragen können Sie mir"
    " trotzdem jederzeit stellen.",
    "onboarding.note.assigned": "{buddy} ist jetzt Buddy. Beide werden informiert.",
    "onboarding.note.check_in": "Danke für Ihre Rückmeldung!",
    "onboarding.note.check_in_help": "Danke! Die Administration meldet sich bei Ihnen.",
    "onboarding.reply.volunteer.one": "Danke! Sie sind jetzt als Buddy gemeldet (für eine neue"
    " Person gleichzeitig). „buddy pause bis 31.12.“ pausiert, „buddy stopp“ beendet.",
    "onboarding.reply.volunteer": "Danke! Sie sind jetzt als Buddy gemeldet (bis zu {capacity}"
    " Personen gleichzeitig). „buddy pause bis 31.12.“ pausiert, „buddy stopp“ beendet.",
    "onboarding.reply.not_volunteer": "Sie sind noch nicht als Buddy gemeldet. „ich werde gern"
    " buddy“ meldet Sie an (mit Zahl: wie viele Neue gleichzeitig).",
    "onboarding.reply.paused": "Sie sind bis {until} pausiert.",
    "onboarding.reply.stopped": "Sie sind nicht mehr als Buddy gemeldet. „ich werde gern buddy“"
    " startet wieder.",
    "onboarding.error.unknown": "Dieses Onboarding kenne ich nicht (mehr). Es wurde nichts"
    " geändert.",
    "onboarding.error.not_yours": "Das betrifft ein anderes Buddy-Paar. Es wurde nichts geändert.",
    "onboarding.error.not_admin": (
        "Das dürfen nur Administratorinnen und Administratoren des Bots."
    ),
    "onboarding.error.changed": "Das wurde gerade geändert. Bitte versuchen Sie es noch einmal.",
    "onboarding.error.opted_out": "Diese Person möchte keinen Buddy.",
    "onboarding.error.self": "Niemand kann sein eigener Buddy sein.",
    "onboarding.error.capacity": "Bitte eine Zahl von 1 bis 5 angeben.",
    "onboarding.error.pause_past": "Das Pausendatum muss in der Zukunft liegen.",
    "onboarding.error.pause_date": "Bitte ein Datum angeben, z. B. „buddy pause bis 31.12.2026“.",
    "onboarding.error.no_user": "Ich kann Sie nicht zuordnen (keine Entra-ID in der Nachricht).",
    "onboarding.error.not_pickable": "Diese Person kann ich nicht als Buddy zuweisen – sie ist"
    " nicht als Buddy gemeldet (oder hat „buddy stopp“ gesagt oder das Team verlassen). Bitte"
    " wählen Sie jemanden aus der Liste; es wurde nichts geändert.",
    "onboarding.error.buddy_paused": "Diese Person pausiert gerade als Buddy. Bitte wählen Sie"
    " jemand anderen aus der Liste; es wurde nichts geändert.",
    "onboarding.error.buddy_full": "Diese Person betreut schon so viele neue Kolleginnen und"
    " Kollegen, wie sie angeboten hat. Bitte wählen Sie jemand anderen aus der Liste; es wurde"
    " nichts geändert.",
    "onboarding.note.already_buddy": "{buddy} ist bereits Buddy von {name}. Es wurde nichts"
    " geändert und niemand benachrichtigt.",
    "onboarding.changed.buddy": "Ihr Buddy ist jetzt {buddy}",
    "onboarding.error.check_in_days": "Diese Nachfrage gibt es (noch) nicht. Es wurde nichts"
    " gespeichert.",
    "onboarding.opted_out.title": "{name} möchte keinen Buddy",
    "onboarding.opted_out.text": "{name} startet lieber ohne Buddy; Sie sind also nicht mehr"
    " Buddy für {name}. Nachfragen zum Kennenlernen kommen keine mehr.",
    "onboarding.newcomer_left.title": "Onboarding von {name} beendet",
    "onboarding.newcomer_left.text": "{name} hat das Team verlassen; das Onboarding ist damit"
    " beendet, und es kommen keine Nachfragen zum Kennenlernen mehr.",
    "onboarding.state.left": "hat das Team verlassen",
    "onboarding.error.left": "Diese Person ist zurzeit nicht im Team; ihr Onboarding ruht. Es"
    " wurde nichts geändert. Kommt sie ins Team zurück, suche ich wieder einen Buddy für sie und"
    " frage Sie, wenn niemand frei ist.",
    "onboarding.error.personal_only": "Die Onboarding-Übersicht zeige ich nur in unserem"
    " persönlichen Chat – personenbezogene Daten gehören nicht in einen Kanal oder Gruppenchat."
    " Schreiben Sie mir dort „willkommen offen“.",
    "onboarding.error.not_volunteer": "Sie sind nicht als Buddy gemeldet – es gibt nichts zu"
    " pausieren. „ich werde gern buddy“ meldet Sie an.",
    "onboarding.reply.status_paused": "Sie sind als Buddy gemeldet, aber bis {until} pausiert:"
    " Bis dahin bekommen Sie keine neuen Kolleginnen und Kollegen. „ich werde gern buddy“"
    " beendet die Pause, „buddy stopp“ meldet Sie ab.",
    "status.title": "Status des Bots",
    "status.version": "Version",
    "status.database": "Datenbank",
    "status.graph": "Microsoft Graph",
    "status.jobs_pending": "Geplante Aufgaben",
    "status.jobs_overdue": "davon überfällig",
    "status.jobs_retrying": "davon mit Wiederholung",
    "status.jobs_given_up": "aufgegebene Aufgaben",
    "status.unwelcomed": "nicht zugestellte Begrüßungen",
    "status.rooms": "Räume im Katalog",
    "status.rooms_synced": "Raumkatalog gelesen",
    "status.value.ok": "erreichbar",
    "status.value.down": "NICHT erreichbar",
    "status.not_admin": "Den Status sehen nur Administratorinnen und Administratoren des Bots.",
    "status.personal_only": "Den Status zeige ich nur in unserem persönlichen Chat – er nennt "
    "Personen, und personenbezogene Daten gehören nicht in einen Kanal oder Gruppenchat. "
    "Schreiben Sie mir dort „bot status“.",
    "help.privacy.text": "„meine daten“ zeigt, was ich über Sie gespeichert habe; „meine daten "
    "löschen“ löscht es nach einer Rückfrage.",
    "privacy.personal_only": "Ihre Daten zeige und lösche ich nur in unserem persönlichen Chat – "
    "personenbezogene Daten gehören nicht in einen Kanal oder Gruppenchat. Schreiben Sie mir "
    "dort „meine daten“.",
    "privacy.unknown_person": "Ich kann Sie nicht eindeutig erkennen (Ihre Nachricht enthält "
    "keine Entra-ID). Bitte wenden Sie sich an den IT-Betrieb.",
    "privacy.export.title": "Ihre gespeicherten Daten",
    "privacy.export.intro": "Das habe ich über Sie gespeichert (Anzahl der Einträge je Datenart):",
    "privacy.export.nothing": "Ich habe nichts über Sie gespeichert.",
    "privacy.export.json_hint": "Alle Angaben im Einzelnen stehen unter „Alle Angaben (JSON)“. "
    "Teams lässt mich ohne weitere Rückfrage keine Datei senden: Markieren und kopieren Sie "
    "den Text, um ihn zu speichern.",
    "privacy.export.in_parts": "Die Angaben passen nicht in eine Nachricht; ich zeige sie in "
    "{pages} Teilen. Kopieren Sie die Teile nacheinander.",
    "privacy.export.part": "Teil {page} von {pages}",
    "privacy.export.next": "Nächster Teil",
    "privacy.export.previous": "Vorheriger Teil",
    "privacy.export.show_json": "Alle Angaben (JSON)",
    "privacy.export.erase": "Meine Daten löschen …",
    "privacy.confirm.title": "Meine Daten löschen?",
    "privacy.confirm.text": "Ich lösche Ihr Expertenprofil, was ich brauche, um Ihnen zu "
    "schreiben, und offene Aufgaben für Sie. Wo andere auf Ihre Beiträge angewiesen sind, "
    "entferne ich nur Ihren Namen: Stimmen abgeschlossener Stammtisch-Umfragen zählen weiter, "
    "beantwortete Fragen bleiben als Wissen des Netzwerks, Raumanfragen bleiben ohne Namen im "
    "Protokoll. Ihre offenen Fragen und Raumanfragen werden zurückgezogen, Ihre anstehenden "
    "Raumbuchungen storniert. Ihre Einträge in den Mitgliederlisten der Teams lösche ich auch; "
    "solange Sie Mitglied eines Teams mit dieser App sind, trägt der tägliche Abgleich Sie "
    "wieder ein, damit ich Sie erreichen kann.",
    "privacy.confirm.final": "Das lässt sich nicht rückgängig machen. Die Bestätigung gilt "
    "{minutes} Minuten.",
    "privacy.confirm.yes": "Ja, endgültig löschen",
    "privacy.confirm.no": "Abbrechen",
    "privacy.cancelled": "Abgebrochen – es wurde nichts gelöscht.",
    "privacy.already_erased": "Mit dieser Bestätigung ist schon gelöscht worden; "
    "es ist nichts mehr zu tun.",
    "privacy.invalid_offer": "Diese Bestätigung ist ungültig, schon verwendet oder abgelaufen. "
    "Es wurde nichts gelöscht. Schreiben Sie „meine daten löschen“, um neu zu beginnen.",
    "privacy.erased.title": "Ihre Daten sind gelöscht",
    "privacy.erased.intro": "Gelöscht oder anonymisiert (Einträge je Datenart):",
    "privacy.erased.nothing": "Es war nichts über Sie gespeichert.",
    "privacy.erased.note": "Nachrichten und Karten, die schon in Teams stehen, und bereits "
    "gebuchte Termine im Kalender ändere ich nicht. Wenn Sie mir wieder schreiben, speichere "
    "ich erneut, was dafür nötig ist.",
    "privacy.kind.conversation_references": "Angaben, um Ihnen im Chat zu schreiben",
    "privacy.kind.processed_activities": "Vermerke über schon beantwortete Nachrichten",
    "privacy.kind.room_bookings_cancelling": "Raumbuchungen, die jetzt storniert werden (nimmt"
    " Microsoft 365 die Stornierung nicht an, bitte ich die Zuständigen für den Raum, sie in"
    " Outlook zu stornieren)",
    "privacy.kind.urgent_meetings_cancelling": "Nicht bestätigte dringende Termine, deren"
    " Besprechung jetzt abgesagt wird, falls sie angelegt wurde",
    "privacy.kind.experts": "Expertenprofil",
    "privacy.kind.questions": "Fragen",
    "privacy.kind.scheduled_jobs": "Geplante Aufgaben",
    "privacy.kind.stammtisch_rules": "Stammtisch-Regeln",
    "privacy.kind.stammtisch_polls": "Stammtisch-Umfragen",
    "privacy.kind.stammtisch_votes": "Stammtisch-Stimmen",
    "privacy.kind.room_requests": "Raumanfragen",
    "privacy.kind.room_audit": "Protokoll der Raumanfragen",
    "privacy.kind.onboardings": "Buddy-Onboarding",
    "privacy.kind.buddy_volunteers": "Buddy-Bereitschaft",
    "privacy.kind.onboarding_group_members": "Merker „schon begrüßt“",
    "privacy.kind.team_members": "Mitgliedschaften in Teams mit dieser App",
    "privacy.kind.member_reach": "Erreichbarkeit für meine Nachrichten",
    "privacy.kind.routing_decisions": "Was die Expertensuche aus „Nicht mein Thema“ und "
    "Weiterleitungen gelernt hat",
    "privacy.kind.urgent_calls": "Dringende Termine (angefragt oder beteiligt)",
    "privacy.kind.urgent_audit": "Protokoll der dringenden Termine",
    "privacy.export.teams": "Sie sind Mitglied in diesen Teams, in denen ich installiert bin: "
    "{teams}.",
    "privacy.export.teams_left": "Früher Mitglied (wird nach Ablauf der Aufbewahrungsfrist "
    "gelöscht): {teams}.",
    "privacy.export.reach_ok": "Meine letzte Nachricht an Sie ist angekommen.",
    "privacy.export.reach_failed": "Meine letzte Nachricht an Sie ist nicht angekommen. Grund: "
    "{reason}.",
    "reach.reason.not_in_any_team": "nicht in einem Team mit der App",
    "reach.reason.install_forbidden": "App-Installation durch Richtlinie verboten",
    "reach.reason.user_unknown": "Konto in Entra ID unbekannt oder deaktiviert",
    "reach.reason.blocked": "hat den Bot blockiert oder entfernt",
    "reach.reason.throttled": "Microsoft Graph überlastet, neuer Versuch mit der nächsten "
    "Nachricht",
    "status.members.title": "Mitglieder der Teams mit der App",
    "status.members.teams": "Teams mit der App",
    "status.members.active": "Mitglieder (Personen)",
    "status.members.unreachable": "zuletzt nicht erreichbar",
    "status.members.synced_title": "Mitgliederliste zuletzt gelesen",
    "status.members.never": "noch nie",
    "status.members.unreachable_title": "Nicht erreichbar",
    "status.members.more": "und {count} weitere",
    "status.members.down": "Die Mitgliederdaten sind gerade nicht lesbar.",
    # Birthdays and jubilees (issue 15, habit 3)
    "help.birthdays.title": "Geburtstage und Jubiläen",
    "help.birthdays.text": "Nur wenn Sie möchten: „mein geburtstag 14.03.“ (ohne Jahr) – wer"
    " ihn sieht, wählen Sie selbst. „erinnere mich an geburtstage im netzwerk“ erinnert Sie an"
    " die der anderen.",
    "privacy.kind.birthday_profiles": "Geburtstag und Jubiläen (Ihre Freigaben)",
    "privacy.kind.birthday_follows": "Wem Sie folgen (Erinnerungen an Geburtstage)",
    "privacy.kind.birthday_follows_both": "Geburtstage: wem Sie folgten und wer Ihnen folgte",
    "privacy.kind.birthday_followers": "Wie viele Ihnen folgen (nur die Zahl, ohne Namen)",
    "birthdays.saved": "Gespeichert: Ihr Geburtstag ist der {day} – sichtbar für: {audience}.",
    "birthdays.stored_day": "{day}. {month}",
    "birthdays.audience.network": "das Netzwerk (auch im Kanal)",
    "birthdays.audience.followers": "nur Kolleginnen und Kollegen, die Ihnen folgen",
    "birthdays.visibility_saved": "Ihr Geburtstag ist jetzt sichtbar für: {audience}.",
    "birthdays.visibility_help": "Bitte „geburtstag sichtbar für netzwerk“ oder „geburtstag "
    "sichtbar für folgende“ schreiben.",
    "birthdays.deleted": "Ihr Geburtstag ist gelöscht. Niemand wird mehr daran erinnert.",
    "birthdays.nothing_deleted": "Sie hatten keinen Geburtstag gespeichert.",
    "birthdays.jubilee_on": "Dienstjubiläen an: Wer Ihnen folgt, wird eine Woche vor runden "
    "Jubiläen erinnert (Eintrittsdatum aus dem Verzeichnis).",
    "birthdays.jubilee_on_kept": "Dienstjubiläen an – Ihr Wunsch ist gespeichert.",
    "birthdays.no_hire_date": "Allerdings ist im Verzeichnis (Microsoft Entra ID) noch kein "
    "Eintrittsdatum für Sie hinterlegt, daher kann ich vorerst kein Jubiläum ankündigen. Das "
    "Eintrittsdatum trägt Ihre Personalabteilung oder IT dort ein; sobald es da ist, wird, wer "
    "Ihnen folgt, eine Woche vor runden Jubiläen erinnert.",
    "birthdays.not_in_team": "Allerdings kenne ich Sie aus keinem Team, in dem ich installiert "
    "bin. Geburtstage und Jubiläen kündige ich nur für Mitglieder dieser Teams an – bis Sie in "
    "einem solchen Team sind, erfährt niemand davon (weder wer Ihnen folgt noch der Kanal).",
    "birthdays.not_in_team_reminded": "Allerdings kenne ich Sie aus keinem Team, in dem ich "
    "installiert bin. Erinnerungen bekommen nur Mitglieder dieser Teams – Ihr Wunsch bleibt "
    "gespeichert, und sobald Sie in einem solchen Team sind, erinnere ich Sie.",
    "birthdays.jubilee_help": "Bitte „dienstjubiläum an“ oder „dienstjubiläum aus“ schreiben.",
    "birthdays.jubilee_off": "Dienstjubiläen aus: Ihr Eintrittsdatum wird nicht mehr gelesen.",
    "birthdays.network_on": "Gern: Ich erinnere Sie an die Geburtstage, die im Netzwerk "
    "geteilt werden.",
    "birthdays.network_off": "Sie bekommen keine Erinnerungen an Netzwerk-Geburtstage mehr.",
    "birthdays.followed": "Sie folgen jetzt {name}. Sie werden erinnert, sofern {name} "
    "einen Geburtstag oder Jubiläen teilt.",
    "birthdays.unfollowed": "Sie folgen {name} nicht mehr.",
    "birthdays.unfollow_whom": "Wem möchten Sie nicht mehr folgen? Sie folgen: {names}. "
    "Schreiben Sie z. B. „entfolgen {example}“.",
    "birthdays.unfollow_nobody": "Sie folgen zurzeit niemandem. Mit „folge Jana Becker“ "
    "bekommen Sie Erinnerungen an den Geburtstag einer Kollegin oder eines Kollegen.",
    "birthdays.and_more": "{names} und {more} weitere",
    "birthdays.not_followed": "Sie folgen niemandem mit diesem Namen.",
    "birthdays.nobody_found": "Im Netzwerk finde ich niemanden namens „{name}“.",
    "birthdays.name_missing": "Bitte mit Namen, z. B. „folge Jana Becker“.",
    "birthdays.congratulated": "Danke! Ihr Glückwunsch erscheint gleich im Kanal des Netzwerks.",
    "birthdays.already_congratulated": "Sie haben schon gratuliert.",
    "birthdays.personal_only": "Das geht nur im persönlichen Chat mit mir.",
    "birthdays.error.invalid_date": "Dieses Datum gibt es nicht. Bitte Tag und Monat wie "
    "„14.03.“ angeben. Es wurde nichts gespeichert.",
    "birthdays.error.unreadable_date": "Dieses Datum verstehe ich nicht. Bitte Tag und Monat "
    "wie „mein geburtstag 14.03.“ oder „mein geburtstag 14. März“ angeben. Es wurde nichts "
    "gespeichert.",
    "birthdays.error.unknown_person": "Diese Person finde ich im Netzwerk nicht (mehr). Es "
    "wurde nichts geändert.",
    "birthdays.error.no_birthday": "Sie haben noch keinen Geburtstag gespeichert. Schreiben Sie "
    "zuerst „mein geburtstag 14.03.“ – oder „mein geburtstag“ für das Formular mit der "
    "Sichtbarkeit. Es wurde nichts gespeichert.",
    "birthdays.error.self": "Sich selbst kann man nicht folgen oder gratulieren.",
    "birthdays.error.not_shared": "Dieser Geburtstag wird nicht im Netzwerk geteilt. Es wurde "
    "nichts gepostet.",
    "birthdays.error.stale": "Diese Erinnerung ist nicht mehr aktuell. Es wurde nichts gepostet.",
    "birthdays.error.left": "Diese Person ist in keinem Team mehr, in dem ich installiert bin – "
    "daher gratuliere ich ihr nicht im Kanal. Es wurde nichts gepostet.",
    "birthdays.error.no_channel": "Ich bin in keinem Team, in dessen Kanal ich gratulieren "
    "könnte.",
    "birthdays.error.no_user": "Ich kann Sie nicht zuordnen (keine Entra-ID im Chat).",
    "birthdays.form.title": "Geburtstag und Jubiläen",
    "birthdays.form.intro": "Alles freiwillig: Nur was Sie hier eintragen, erfahren andere – "
    "und nur die, die Sie wählen. Der Geburtstag wird ohne Jahr gespeichert.",
    "birthdays.form.day": "Tag",
    "birthdays.form.month": "Monat",
    "birthdays.form.not_in_team": "Hinweis: Ich kenne Sie aus keinem Team, in dem ich "
    "installiert bin. Speichern können Sie trotzdem – angekündigt und erinnert wird aber erst, "
    "wenn Sie Mitglied eines solchen Teams sind.",
    "birthdays.form.invalid_date": "Den {day} gibt es nicht – bitte Tag oder Monat ändern. "
    "Es wurde nichts gespeichert; Ihre Angaben stehen noch im Formular.",
    "birthdays.form.required": "Bitte Tag und Monat wählen.",
    "birthdays.form.visibility": "Wer darf es erfahren?",
    "birthdays.form.jubilee": "Runde Dienstjubiläen meinen Folgenden ankündigen",
    "birthdays.form.remind_network": "Mich an Geburtstage im Netzwerk erinnern",
    "birthdays.form.following": "Sie folgen: {names}",
    "birthdays.form.following_more": "Sie folgen: {names} – und {more} weiteren, für die hier "
    "kein Platz ist. Einer Person nicht mehr folgen: „entfolgen“ und ihr Name, z. B. „entfolgen "
    "{example}“.",
    "birthdays.form.save": "Speichern",
    "birthdays.pick.title": "Wen meinen Sie mit „{name}“?",
    "birthdays.pick.more": "Es passen noch {more} weitere, die hier fehlen (ich zeige nur die "
    "ersten {shown}). Steht die Person nicht dabei, schreiben Sie bitte mehr vom Namen, z. B. "
    "Vor- und Nachnamen.",
    "birthdays.pick.follow": "Folgen",
    "birthdays.pick.unfollow": "Entfolgen",
    "birthdays.reminder.birthday_yesterday": "Gestern hatte {name} Geburtstag.",
    "birthdays.reminder.birthday_past": "Am {weekday}, {day}, hatte {name} Geburtstag.",
    "birthdays.reminder.birthday_today": "Heute hat {name} Geburtstag.",
    "birthdays.reminder.birthday_ahead": "{name} hat am {day} Geburtstag – in {days} Tagen.",
    "birthdays.reminder.birthday_tomorrow": "{name} hat am {day} Geburtstag – morgen.",
    "birthdays.reminder.jubilee": "{name} feiert am {day} {years}-jähriges Dienstjubiläum. "
    "Blumen?",
    "birthdays.reminder.title": "Erinnerung",
    "birthdays.button.congratulate": "Gratulieren",
    "birthdays.button.chat": "Chat öffnen",
    "birthdays.chat_message": "Alles Gute!",
    "birthdays.greeting.title": "Herzlichen Glückwunsch!",
    "birthdays.greeting.text": "{sender} gratuliert {name} zum Geburtstag. 🎉",
    # Kaffee- und Mittags-Roulette (issue 15)
    "help.roulette.title": "Kaffee- und Mittags-Roulette",
    "help.roulette.text": "Lernen Sie Kolleginnen und Kollegen aus anderen Abteilungen kennen:"
    " „kaffee roulette an“.",
    "help.button.roulette": "Kaffee-Roulette",
    "roulette.title": "Kaffee- und Mittags-Roulette",
    "roulette.intro": "Alle {weeks} Wochen stelle ich Sie zwei oder drei Kolleginnen und"
    " Kollegen aus anderen Abteilungen vor, mit einem gemeinsamen freien Termin.",
    "roulette.state.out": "Sie nehmen zurzeit nicht am Roulette teil.",
    "roulette.state.in": "Sie sind dabei (Standort: {site}). Wählen Sie, wie Sie sich treffen"
    " möchten.",
    "roulette.site.none": "unbekannt",
    "roulette.formats.label": "Wie möchten Sie sich treffen?",
    "roulette.formats.required": "Bitte wählen Sie mindestens eine Art.",
    "roulette.format.coffee": "Kaffee",
    "roulette.format.lunch": "Mittagessen",
    "roulette.format.virtual": "virtuell",
    "roulette.scope.label": "Mit wem?",
    "roulette.scope.required": "Bitte wählen Sie, mit wem Sie sich treffen möchten.",
    "roulette.scope.site": "nur an meinem Standort",
    "roulette.scope.all": "alle Standorte",
    "roulette.button.join": "Mitmachen",
    "roulette.button.save": "Speichern",
    "roulette.button.off": "Roulette aus",
    "roulette.button.chat": "Gruppenchat öffnen",
    "roulette.button.other": "Passt nicht – anderer Vorschlag",
    "roulette.button.yes": "Ja",
    "roulette.button.no": "Nein",
    "roulette.note.on": "Sie sind beim Kaffee- und Mittags-Roulette dabei.",
    "roulette.note.saved": "Ihre Wünsche sind gespeichert; sie gelten ab der nächsten Runde.",
    "roulette.note.off": "Sie sind nicht mehr beim Roulette dabei; Ihre Wünsche sind gelöscht."
    " „kaffee roulette an“ bringt Sie wieder zurück.",
    "roulette.note.was_off": "Sie waren nicht beim Roulette dabei. „kaffee roulette an“ meldet"
    " Sie an.",
    "roulette.note.other": "Neuer Vorschlag – die anderen bekommen ihn auch.",
    "roulette.personal_only": "Das Kaffee-Roulette stellen Sie im persönlichen Chat mit mir ein.",
    "roulette.intro.heading": "Diesmal hat das Los entschieden:",
    "roulette.other.heading": "Der erste Vorschlag passte nicht. Hier ist ein neuer:",
    "roulette.meet": "Sie treffen {names}.",
    "roulette.and": " und ",
    "roulette.formats.shared": "Gemeinsam möglich: {formats}",
    "roulette.suggestion": "Vorschlag (alle sind frei): {when}",
    "roulette.slot": "{when} ({format})",
    "roulette.no_slot": "Ich habe in den nächsten zwei Wochen keine gemeinsame freie Zeit"
    " gefunden; stimmen Sie sich bitte im Gruppenchat ab.",
    "roulette.chat.topic": "Kaffee-Roulette",
    "roulette.chat.message": "Hallo! Das Kaffee-Roulette hat uns zusammengebracht. Wann passt es"
    " Ihnen?",
    "roulette.unmatched.text": "Diesmal hat das Los niemanden gefunden, der zu Ihren "
    "Einstellungen passt (zum Beispiel „nur an meinem Standort“, oder es machen gerade zu wenige "
    "mit). In der nächsten Runde sind Sie wieder dabei; Ihre Einstellungen ändern Sie mit "
    "„kaffee roulette“.",
    "roulette.follow_up.question": "Haben Sie sich getroffen?",
    "roulette.follow_up.why": "Ich frage nur, um Ihnen die nächste Runde anzubieten; Ihre Antwort"
    " wird nicht Ihnen zugeordnet gespeichert.",
    "roulette.follow_up.thanks_yes": "Schön, dass es geklappt hat!",
    "roulette.follow_up.thanks_no": "Schade – vielleicht klappt es beim nächsten Mal.",
    "roulette.follow_up.next": "Sie sind bei der nächsten Runde wieder dabei. Möchten Sie"
    " aussetzen, wählen Sie „Roulette aus“.",
    "roulette.error.not_in": "Sie nehmen nicht am Roulette teil. „kaffee roulette an“ meldet Sie"
    " an.",
    "roulette.error.left_network": "Sie sind in keinem Team mehr, in dem ich installiert bin. Das"
    " Roulette bringt die Mitglieder dieser Teams zusammen; sobald Sie wieder in einem sind,"
    " können Sie mitmachen. Es wurde nichts geändert.",
    "roulette.error.ended": "Sie nehmen nicht (mehr) am Roulette teil: Sie sind in keinem Team"
    " mehr, in dem ich installiert bin, und das Roulette bringt die Mitglieder dieser Teams"
    " zusammen. Dazu ist nichts mehr von Ihnen gespeichert; sobald Sie wieder in einem Team sind,"
    " meldet Sie „kaffee roulette an“ an.",
    "roulette.error.formats": "Bitte wählen Sie mindestens eine Art des Treffens.",
    "roulette.error.scope": "Bitte wählen Sie, mit wem Sie sich treffen möchten.",
    "roulette.error.not_yours": "Diese Karte gehört nicht zu Ihrem Roulette-Treffen. Es wurde"
    " nichts geändert.",
    "roulette.error.stale": "Diese Karte ist nicht mehr aktuell: Es gibt schon einen neueren"
    " Vorschlag. Es wurde nichts geändert.",
    "roulette.error.no_more_slots": "Ich habe keinen weiteren gemeinsamen freien Termin"
    " gefunden; stimmen Sie sich bitte im Gruppenchat ab.",
    "roulette.error.partner_left": "Dieses Treffen findet nicht statt: Die andere Person nimmt"
    " nicht mehr am Roulette teil. In der nächsten Runde lose ich neu für Sie aus.",
    "roulette.error.no_user": "Ich kann Sie nicht zuordnen (kein Entra-Konto in dieser"
    " Nachricht). Es wurde nichts geändert.",
    "status.roulette_participants": "Kaffee-Roulette: Teilnehmende",
    "status.roulette_groups": "Kaffee-Roulette: Gruppen der letzten Runde",
    "status.roulette_met": "Kaffee-Roulette: getroffen / nicht getroffen (letzte Runde)",
    "privacy.kind.roulette_participants": "Kaffee-Roulette: Teilnahme und Wünsche",
    "privacy.kind.roulette_groups": "Kaffee-Roulette: Vorstellungen",
    # Dringender Termin (issue 15, habit 1)
    "help.urgent.title": "Dringender Termin",
    "help.urgent.text": "Im persönlichen Chat: „Ich brauche heute noch 30 Minuten mit Dr. Albrecht"
    " und Herrn Meyer“ – ich suche eine gemeinsame Zeit und frage sonst die Assistenzen, ob sie"
    " Zeit freimachen.",
    "urgent.day.today": "heute",
    "urgent.day.tomorrow": "morgen",
    "urgent.day.on": "am {day}",
    "urgent.title": "Dringender Termin: {minutes} Minuten mit {people}",
    "urgent.offers": "Alle sind zu diesen Zeiten frei. Ein Klick lädt alle zu einer"
    " Teams-Besprechung ein:",
    "urgent.invite": "Einladen: {slot}",
    "urgent.cancel": "Absagen",
    "urgent.booked": "Teams-Besprechung gebucht: {slot}. Alle sind eingeladen.",
    "urgent.booking": "Wird gebucht: {slot} …",
    "urgent.cancelled": "Abgesagt ({slot}).",
    "urgent.cancelled_open": "Abgesagt.",
    "urgent.cancelled_unconfirmed": "Abgesagt ({slot}). Ob die Teams-Besprechung trotzdem"
    " angelegt wurde, ist nicht bestätigt: Bitte prüfen Sie Ihren Kalender.",
    "urgent.expired": "Abgelaufen: Es wurde kein Termin gebucht.",
    "urgent.ask.expired": "Hat sich erledigt: Die Zeit ist vorbei, es wurde nichts gebucht.",
    "urgent.booking_failed": "Die Buchung ist fehlgeschlagen ({slot}): Die Teams-Besprechung"
    " konnte nicht angelegt werden, niemand wurde eingeladen. Bitte laden Sie selbst ein oder"
    " stellen Sie eine neue Anfrage.",
    "urgent.ask.booking_failed": "Hat sich erledigt: Die Besprechung konnte nicht gebucht werden.",
    "urgent.booking_refused": "Die Buchung ist fehlgeschlagen ({slot}): Microsoft 365 hat die"
    " Teams-Besprechung nicht angenommen (z. B. fehlt die Berechtigung für Ihren Kalender),"
    " niemand wurde eingeladen. Bitte laden Sie selbst in Outlook ein und wenden Sie sich an"
    " die IT.",
    "urgent.booking_unconfirmed": "Die Buchung ist nicht bestätigt ({slot}). Vielleicht wurde die"
    " Teams-Besprechung trotzdem angelegt und alle sind eingeladen. Bitte prüfen Sie Ihren"
    " Kalender, bevor Sie selbst einladen.",
    "urgent.ask.booking_unconfirmed": "Die Buchung ist nicht bestätigt. Bitte prüfen Sie den"
    " Kalender, ob die Besprechung angelegt wurde.",
    "urgent.no_common": "Kein gemeinsamer Termin: {people} ist belegt. Ich frage die"
    " Assistenzen, ob sie zwischen {span} Zeit freimachen können:",
    "urgent.no_common_unasked": "Kein gemeinsamer Termin zwischen {span}: {people} ist belegt.",
    "urgent.unassisted": "{name} hat keine Assistenz, die ich fragen kann: Niemand kann diese"
    " Zeit freimachen. Bitte sprechen Sie {name} direkt an.",
    "urgent.answer.unreachable": "nicht erreichbar (Bot nicht installiert oder blockiert)",
    "urgent.answer.waiting": "wartet auf Antwort",
    "urgent.answer.yes": "Ja, ab {time}",
    "urgent.answer.no": "Leider nicht",
    "urgent.refused": "Für {name} kann leider niemand Zeit freimachen.",
    "urgent.proposal": "Möglich: {slot}. Sie entscheiden – gebucht wird erst mit Ihrem Klick.",
    "urgent.fallback": "Oder morgen Vormittag, da sind alle frei:",
    "urgent.ask": "Können Sie für {name} {day} {minutes} Minuten zwischen {start} und {end} Uhr"
    " freimachen?",
    "urgent.ask.why": "{asker} braucht dringend einen Termin mit {people}.",
    "urgent.ask.from": "Ab wann?",
    "urgent.ask.yes": "Ja, ab der gewählten Zeit",
    "urgent.ask.no": "Leider nicht",
    "urgent.ask.thanks": "Danke, Ihre Antwort: {answer}.",
    "urgent.ask.booked": "Erledigt: Die Besprechung ist gebucht ({slot}).",
    "urgent.ask.cancelled": "Hat sich erledigt: Die Anfrage wurde abgesagt.",
    "urgent.ask.withdrawn": "Hat sich erledigt: Die Anfrage nach einem dringenden Termin wurde"
    " abgesagt. Sie müssen keine Zeit mehr freimachen.",
    "urgent.ask.closed": "Hat sich erledigt.",
    "urgent.subject": "Dringender Termin: {people}",
    "urgent.cancel.comment": "Der dringende Termin wurde abgesagt.",
    "urgent.cancel_refused.title": "Teams-Besprechung nicht abgesagt",
    "urgent.cancel_refused.text": "Die Teams-Besprechung ({slot}) konnte nicht abgesagt werden:"
    " Microsoft 365 hat die Absage nicht angenommen (z. B. fehlt die Berechtigung für Ihren"
    " Kalender). Sie steht weiter in allen Kalendern – bitte sagen Sie sie selbst in Outlook ab.",
    "urgent.error.cancel_refused": "Die Teams-Besprechung konnte nicht abgesagt werden: Microsoft"
    " 365 hat die Absage nicht angenommen (z. B. fehlt die Berechtigung für Ihren Kalender). Sie"
    " steht weiter in allen Kalendern – bitte sagen Sie sie direkt in Outlook ab. Hier wurde"
    " nichts geändert.",
    "urgent.pick": "Wen meinen Sie mit „{name}“?",
    "urgent.form.title": "Dringender Termin",
    "urgent.form.names": "Mit wem? (Namen, durch Komma getrennt)",
    "urgent.form.required": "Bitte nennen Sie mindestens eine Person.",
    "urgent.form.minutes": "Wie lange?",
    "urgent.form.deadline": "Bis wann?",
    "urgent.form.send": "Termin suchen",
    "urgent.deadline.today": "heute noch",
    "urgent.deadline.tomorrow_noon": "bis morgen 12 Uhr",
    "urgent.deadline.tomorrow": "bis morgen",
    "urgent.note.invited": "Eingeladen.",
    "urgent.note.answered": "Danke für Ihre Antwort.",
    "urgent.note.cancelled": "Abgesagt.",
    "urgent.personal_only": "Dringende Termine suche ich nur in unserem persönlichen Chat –"
    " die Kalender der Führungskräfte gehören nicht in einen Kanal oder Gruppenchat. Schreiben"
    " Sie mir dort, zum Beispiel „dringender Termin“.",
    "urgent.error.no_names": "Mit wem soll der Termin sein? Zum Beispiel: „Ich brauche heute"
    " noch 30 Minuten mit Dr. Albrecht und Herrn Meyer“.",
    "urgent.error.no_duration": "Wie lange soll der Termin dauern? Zum Beispiel „30 Minuten“"
    " oder „1 Stunde“.",
    "urgent.error.duplicate": "Sie haben dieselbe Person zweimal genannt. Es wurde nichts"
    " gesendet.",
    "urgent.error.bad_time": "Diese Uhrzeit verstehe ich nicht. Es wurde nichts gesendet.",
    "urgent.error.too_long": "So lang ist kein Arbeitstag: höchstens {hours} Stunden. Es wurde"
    " nichts gesendet.",
    "urgent.error.too_short": "Ein Termin dauert mindestens 5 Minuten.",
    "urgent.error.past": "Diese Zeit liegt in der Vergangenheit (oder nach Dienstschluss). Es"
    " wurde nichts gesendet.",
    "urgent.error.past_day": "Dieser Tag liegt in der Vergangenheit. Dringende Termine suche ich"
    " für heute, morgen oder übermorgen. Es wurde nichts gesendet.",
    "urgent.error.other_day": "Dringende Termine suche ich für heute, morgen oder übermorgen –"
    " nicht für einen Wochentag, ein Datum oder die nächste Woche. Es wurde nichts gesendet.",
    "urgent.error.closed_day": "An diesem Tag wird nicht gearbeitet (Wochenende oder Feiertag)."
    " Es wurde nichts gesendet.",
    "urgent.error.unknown": "„{name}“ finde ich im Verzeichnis nicht. Es wurde nichts gesendet.",
    "urgent.error.no_calendar": "Den Kalender von {name} kann ich nicht lesen. Es wurde nichts"
    " gesendet.",
    "urgent.error.too_many": "Höchstens 20 Personen je Termin.",
    "urgent.error.no_slot": "Es gibt keinen gemeinsamen freien Termin, und ich finde keine"
    " Assistenz, die Zeit freimachen könnte. Es wurde nichts gesendet.",
    "urgent.error.no_user": "Ich kann Sie nicht zuordnen (kein Entra-Konto in dieser"
    " Nachricht). Es wurde nichts geändert.",
    "urgent.error.forged": "Diese Karte passt nicht zu dieser Anfrage. Es wurde nichts geändert.",
    "urgent.error.stale": "Diese Karte ist nicht mehr aktuell. Es wurde nichts geändert.",
    "urgent.error.unknown_call": "Diese Anfrage gibt es nicht (mehr). Es wurde nichts geändert.",
    "urgent.error.not_asked": "Diese Anfrage ging nicht an Sie. Es wurde nichts geändert.",
    "urgent.error.not_asker": "Nur wer den Termin angefragt hat, kann das. Es wurde nichts"
    " geändert.",
    "urgent.error.decided": "Diese Anfrage ist bereits entschieden. Es wurde nichts geändert.",
    "urgent.error.answered": "Sie haben bereits geantwortet. Es wurde nichts geändert.",
    "urgent.error.not_offered": "Diese Zeit ist nicht (mehr) im Angebot. Es wurde nichts gebucht.",
    "urgent.error.resubmitted": "Diese Anfrage läuft schon (doppelt gesendet). Es wurde nichts"
    " Neues angefragt.",
    "urgent.error.busy": "Gerade ändert sich viel an dieser Anfrage. Bitte noch einmal versuchen.",
}

"""German strings of "Meine Daten" / "Meine Daten löschen" (to be merged into de.py)."""

MESSAGES: dict[str, str] = {
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
    "privacy.export.truncated": "Die Angaben sind für eine Karte zu umfangreich; gezeigt werden "
    "die ersten {shown} von {total} Zeichen. Die vollständige Auskunft erhalten Sie über die "
    "Datenschutzbeauftragte oder den Datenschutzbeauftragten.",
    "privacy.export.show_json": "Alle Angaben (JSON)",
    "privacy.export.erase": "Meine Daten löschen …",
    "privacy.confirm.title": "Meine Daten löschen?",
    "privacy.confirm.text": "Ich lösche Ihr Expertenprofil, Ihre Gesprächsverweise und offene "
    "Aufgaben für Sie. Wo andere auf Ihre Beiträge angewiesen sind, entferne ich nur Ihren "
    "Namen: Stimmen abgeschlossener Stammtisch-Umfragen zählen weiter, beantwortete Fragen "
    "bleiben als Wissen des Netzwerks, Raumanfragen bleiben ohne Namen im Protokoll. Ihre "
    "offenen Fragen und Raumanfragen werden zurückgezogen.",
    "privacy.confirm.final": "Das lässt sich nicht rückgängig machen. Die Bestätigung gilt "
    "{minutes} Minuten.",
    "privacy.confirm.yes": "Ja, endgültig löschen",
    "privacy.confirm.no": "Abbrechen",
    "privacy.cancelled": "Abgebrochen – es wurde nichts gelöscht.",
    "privacy.invalid_offer": "Diese Bestätigung ist ungültig, schon verwendet oder abgelaufen. "
    "Es wurde nichts gelöscht. Schreiben Sie „meine daten löschen“, um neu zu beginnen.",
    "privacy.erased.title": "Ihre Daten sind gelöscht",
    "privacy.erased.intro": "Gelöscht oder anonymisiert (Einträge je Datenart):",
    "privacy.erased.nothing": "Es war nichts über Sie gespeichert.",
    "privacy.erased.note": "Nachrichten und Karten, die schon in Teams stehen, und bereits "
    "gebuchte Termine im Kalender ändere ich nicht. Wenn Sie mir wieder schreiben, speichere "
    "ich erneut, was dafür nötig ist.",
    "privacy.kind.conversation_references": "Gesprächsverweise",
    "privacy.kind.processed_activities": "Kennungen verarbeiteter Nachrichten",
    "privacy.kind.experts": "Expertenprofil",
    "privacy.kind.questions": "Fragen",
    "privacy.kind.scheduled_jobs": "Geplante Aufgaben",
    "privacy.kind.stammtisch_rules": "Stammtisch-Regeln",
    "privacy.kind.stammtisch_polls": "Stammtisch-Umfragen",
    "privacy.kind.stammtisch_votes": "Stammtisch-Stimmen",
    "privacy.kind.room_requests": "Raumanfragen",
    "privacy.kind.room_audit": "Protokoll der Raumanfragen",
}

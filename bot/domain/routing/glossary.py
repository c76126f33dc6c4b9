"""A general German/English glossary of working life, across industries (data only).

Same format as ``lexicon.SYNONYMS``: German phrases, then after ";" English ones; an indented
line continues the group above. Written from general knowledge of German workplaces (offices,
shifts, production, logistics, services, administration), not from any organisation's data:
it lets an English question reach German topics and an everyday word reach the term an expert
declared. Organisation-specific vocabulary is learnt from the directory and the history.
German words that are also common English words ("Kind", "Brand", "Auto", "Post", "Daten" ~
"date") are left out: an English question would reach them through the German stemmer.
"""

GLOSSARY = """
Schicht | Schichtdienst | Schichtarbeit ; shift | shifts | shift work
Schichtplan | Dienstplan | Einsatzplan | Dienstplanung ; roster | rota | shift plan
    | duty roster | shift schedule
Nachtdienst | Nachtschicht ; night shift | night duty
Bereitschaft | Rufbereitschaft | Bereitschaftsdienst ; on-call | standby
Überstunden | Mehrarbeit ; overtime
Zeiterfassung | Stempeln | Stempelkarte | Arbeitszeitkonto | Zeitkonto ; time tracking
    | timesheet | time recording
Zuschlag | Zuschläge | Nachtzuschlag ; allowance | bonus | supplement
Tausch | tauschen | Diensttausch | Schichttausch ; swap | exchange | trade
Sonderurlaub | Freistellung ; special leave | leave of absence
Abwesenheit | abwesend | Fehlzeit ; absence | absent | away
Probezeit ; probation | probationary period
Abmahnung ; warning | written warning | cease and desist
Ruhestand | Rente | Renteneintritt ; retirement | retire | pension
Kinderbetreuung | Kita | Kindergarten | Betreuungsplatz ; childcare | daycare | nursery
Pflegezeit | Familienpflegezeit | Angehörige ; care leave | carer | relatives
Personalakte ; personnel file | HR file
Bescheinigung | Nachweis | Bestätigung | Zertifikat ; certificate | proof | confirmation
    | certification
Vorstellungsgespräch | Bewerbungsgespräch ; job interview | interview
Dienstkleidung | Arbeitskleidung | Berufskleidung | Uniform ; uniform | workwear | work clothes
Wäsche | Wäscherei ; laundry | linen
Qualitätsmanagement | QM | Qualitätssicherung ; quality management | quality assurance | QA
Zertifizierung | ISO | Norm ; certification | standard | accreditation
Audit | Prüfung | Begehung ; audit | inspection | review
Verfahrensanweisung | Arbeitsanweisung | Prozessbeschreibung | SOP ; procedure
    | standard operating procedure | work instruction
Prozess | Ablauf | Verfahren | Workflow ; process | procedure | workflow
Handbuch | Anleitung | Leitfaden | Dokumentation ; manual | instructions | guide | how-to
    | documentation
Checkliste ; checklist
Fehler | Irrtum | Versehen | Verwechslung | falsch ; mistake | error | wrong | mix-up
Beinahe-Fehler | Beinaheunfall | Zwischenfall | Vorfall | Ereignis ; near miss | incident
    | close call
Fehlermeldesystem | Fehlerberichtssystem | Meldesystem ; incident reporting | error reporting
anonym | namenlos | vertraulich ; anonymous | anonymously | confidential
Risiko | Risikomanagement ; risk | risk management
Notfall | Notruf | Notfallplan ; emergency | emergency plan
Verbandskasten ; first aid kit
Arbeitsschutz | Arbeitssicherheit | Sicherheitsfachkraft ; occupational safety
    | health and safety | safety officer
Unterweisung | Sicherheitsunterweisung | Belehrung ; safety briefing | instruction | induction
Schutzausrüstung | PSA | Schutzkleidung | Handschuhe | Maske | Schutzbrille ; protective
    equipment | PPE | gloves | mask | goggles
Gefahrstoff | Gefahrstoffe | Chemikalien | Sicherheitsdatenblatt ; hazardous substances
    | chemicals | safety data sheet
Hygiene | Desinfektion | desinfizieren | Händedesinfektion ; hygiene | disinfection
    | disinfect | sanitizer | hand hygiene
Infektion | ansteckend | Erreger | Keime ; infection | infectious | germs | contagious
Arzt | Ärztin | Doktor ; doctor | physician
Medikament | Medikamente | Arzneimittel | Tabletten | Medikation ; medication | medicine
    | drug | drugs | pills
Apotheke ; pharmacy
Wartung | Instandhaltung | Reparatur | reparieren | Service ; maintenance | repair | fix
    | servicing
Gerät | Geräte | Maschine | Anlage | Ausstattung ; device | equipment | machine | appliance
Ersatzteil | Ersatzteile ; spare part | spare parts
defekt | kaputt | Ausfall | ausgefallen ; broken | faulty | outage
Lager | Lagerbestand | Bestand | Inventur ; warehouse | stock | inventory | storage
Lieferung | liefern | Zustellung | Lieferschein ; delivery | deliver | delivery note
Wareneingang | Warenannahme ; goods receipt | receiving
Versand | verschicken | Spedition | Kurier ; shipping | dispatch | courier | shipment
Porto | Frankierung | Briefmarke ; postage | stamp | franking
Buchhaltung | Buchführung | Finanzbuchhaltung | Rechnungswesen ; accounting | bookkeeping
    | accounts
Kontierung | Sachkonto | verbuchen ; account assignment | general ledger | posting
Gutschrift ; credit note | credit
Debitor | Forderung | offene Posten ; debtor | receivable | receivables
Handkasse | Kasse | Barkasse ; petty cash | cash box | till
Bankverbindung | IBAN | Konto | Kontoverbindung ; bank details | bank account
Inventar | Anlagevermögen | Anlagenbuchhaltung ; fixed assets | asset register
Steuerberater | Wirtschaftsprüfer ; tax advisor | auditor | accountant
Versicherung | versichert | Police ; insurance | insured | policy
Förderung | Fördermittel | Zuschuss | Drittmittel ; grant | funding | subsidy
Projekt | Projektmanagement | Projektleitung ; project | project management
Statistik | Kennzahlen | KPI | Zahlen ; statistics | figures | key figures | metrics | numbers
Datenbank | Datensatz ; database | data | record
Archiv | Akte | Akten | Ablage | archivieren ; archive | file | files | records | filing
Aktenvernichtung | Schreddern | Datenträgervernichtung ; shredding | document destruction
Besprechung | Meeting | Sitzung ; meeting | session
Tagesordnung | Agenda ; agenda
Benutzerkonto | Account | Zugang | Benutzername ; account | user account | access | username
WLAN | WiFi | Internet | Netzwerk ; wifi | wi-fi | wireless | internet | network
Datensicherung | Backup | Wiederherstellung ; backup | restore | recovery
Update | Aktualisierung | aktualisieren ; update | upgrade
Virus | Schadsoftware | Trojaner ; virus | malware
Telefon | Festnetz | Durchwahl | Telefonanlage ; telephone | phone | landline | extension
Tablet | iPad ; tablet | iPad
Website | Homepage | Internetseite | Webseite ; website | homepage | web page
Pressemitteilung ; press release
Veröffentlichung | veröffentlichen ; publication | publish
Korrektur | Korrekturlesen | Lektorat ; proofreading | proofread | editing
Raum | Zimmer ; room
Aufzug | Fahrstuhl ; elevator | lift
Toilette | WC ; toilet | restroom | bathroom
Beleuchtung | Licht | Lampe ; lighting | light | lamp
Tür | Fenster ; door | window
Wasserschaden | Rohrbruch | undicht ; leak | water damage | leaking
Müll | Abfall | Entsorgung | entsorgen | Mülltrennung ; waste | rubbish | garbage | trash
    | disposal
Teeküche | Kühlschrank | Kaffeemaschine ; kitchen | fridge | coffee machine
Sicherheitsdienst | Werkschutz | Wachdienst | Pforte ; security | security guard | gatehouse
Alarm | Alarmanlage | Brandmelder | Feueralarm ; alarm | fire alarm | smoke detector
Videoüberwachung | Kamera ; CCTV | video surveillance | camera
Diebstahl | gestohlen | geklaut ; theft | stolen
Nachhaltigkeit | Umwelt | Klimaschutz | CO2 ; sustainability | environment | climate
Energie | Strom | Energieverbrauch ; energy | electricity | power
Kundenservice | Kundendienst | Hotline | Support ; customer service | support | hotline
Auftrag | Aufträge | Auftragsbestätigung ; order | orders | order confirmation
Verspätung | verspätet | Verzögerung ; delay | delayed | late
Behörde | Amt | Ämter ; authority | authorities | public office
Bescheid | Widerspruch ; notice | official letter | objection | appeal
Anwalt | Rechtsanwalt | Anwältin | Kanzlei ; lawyer | attorney | law firm
Gericht | Klage | Rechtsstreit ; court | lawsuit | litigation
Haftung | haften ; liability | liable
Urheberrecht | Nutzungsrechte | Bildrechte ; copyright | usage rights | image rights
Lizenzgebühr ; royalty
Patent | Erfindung ; patent | invention
Dolmetschen ; interpreting
Kinder ; children | child | kids
Familie ; family
Geburtstag ; birthday
Hochzeit ; wedding
Trauerfall | Todesfall | Beileid | Kondolenz ; bereavement | death | condolences | funeral
Geburt | Nachwuchs | Baby ; birth | baby | newborn
Spendenaktion | Spenden ; fundraising | charity
Ehrenamt ; volunteering | volunteer
Mentoring | Mentor | Pate | Patenschaft ; mentoring | mentor | buddy
Feedback | Rückmeldung | Umfrage | Befragung ; feedback | survey | poll
Vorschlag | Verbesserungsvorschlag | Ideenmanagement ; suggestion | improvement suggestion
    | idea
Konflikt | Streit | Mobbing | Belästigung ; conflict | dispute | bullying | harassment
Beratungsstelle | Sozialberatung | Mitarbeiterberatung ; counselling | employee assistance
Sport | Betriebssport | Fitness ; sports | fitness | gym
Essen | Mittagessen | Speiseplan ; lunch | meal | menu
Termin verschieben | verschieben | verlegen ; reschedule | postpone | move
Absage | absagen ; cancellation | cancel
Einladung | einladen ; invitation | invite
Anmeldung | anmelden | Teilnahme | teilnehmen ; registration | register | attendance
    | attend
Teilnehmer | Teilnehmerin | Teilnehmende ; participant | attendee
Zugang | Zutritt | Zugangsberechtigung ; access | entry | admission
Zahlen | Umsatz | Ergebnis | Geschäftszahlen | Jahreszahlen ; figures | revenue | results
    | annual figures | turnover
Stelle | Stellen | Position | Job ; job | position | role
Beförderung | befördert ; promotion | promoted
Gehaltserhöhung | Gehaltsanpassung ; raise | pay rise | salary increase
Prämie | Bonus | Sonderzahlung ; bonus | premium | one-off payment
Zusatzleistungen | Benefits | Mitarbeitervorteile ; benefits | perks | employee benefits
Kündigungsfrist ; notice period
Krankenkasse | Krankenversicherung ; health insurance | health insurer
Sozialversicherung | Sozialversicherungsausweis ; social security | social insurance
Aufenthaltstitel | Arbeitserlaubnis | Aufenthaltserlaubnis ; work permit | residence permit
Wohnung | Unterkunft | Wohnheim ; apartment | flat | housing | accommodation
Sprache | Deutschkurs ; language | German course
Abschreibung ; depreciation | write-off
Tastatur | Maus ; keyboard | mouse
Ladegerät | Netzteil | Kabel | Adapter ; charger | power supply | cable | adapter
Sicherheitsvorfall | IT-Sicherheit | gehackt ; security incident | IT security | hacked
Verschlüsselung | verschlüsseln ; encryption | encrypt | encrypted
Spind | Schließfach ; locker
Pflanzen | Blumen | Blumenstrauß ; plants | flowers | bouquet
Feuer | Feueralarm ; fire
Lärm | laut ; noise | noisy | loud
Rauchen | Raucherbereich ; smoking | smoking area
Abschied | Verabschiedung | Abschiedsfeier ; farewell | leaving party | send-off
Taxi ; taxi | cab
Wagen | PKW ; car | automobile
Shuttle | Bus ; shuttle | bus
Stempel | Siegel | Firmenstempel ; stamp | seal | company stamp
Beglaubigung | beglaubigt ; certified copy | certification | notarisation
Katalog ; catalogue | catalog
Palette | Paletten | Gabelstapler | Stapler ; pallet | pallets | forklift
Werkzeug ; tool | tools
Muster | Probe | Probenahme ; sample | specimen
Labor ; lab | laboratory
Messgerät | Messung | Kalibrierung ; measuring device | measurement | calibration
Retoure | Rücksendung | zurückschicken ; return | returns | send back
Garantie | Gewährleistung ; warranty | guarantee
Kopie | kopieren | Kopien ; copy | copies
Telefonliste | Telefonverzeichnis | Adressbuch | Organigramm ; phone list | directory
    | address book | org chart | organisation chart
Feiertag | Feiertage | Brückentag ; public holiday | bank holiday | bridge day
Vorsorgeuntersuchung | Vorsorge | Check-up ; health check | check-up | screening
Blutspende ; blood donation
Diktat | diktieren ; dictation | dictate
Schreibdienst | Schreibbüro ; typing pool | transcription
Verbrauchsmaterial | Material | Bedarf ; supplies | consumables | materials
Ablaufdatum | Verfallsdatum | abgelaufen | Haltbarkeit ; expiry | expiry date | expired
    | shelf life
zurücksetzen | Zurücksetzung ; reset
einreichen | abgeben | Einreichung ; submit | hand in | submission
Antwort | antworten | beantworten ; reply | answer | respond | response
Kontakt | Kontaktdaten | Kontaktperson ; contact | contact details | contact person
Erlaubnis | Genehmigung | Bewilligung ; permit | permission | authorisation
Besuch | besuchen | Besuchstermin ; visit | visiting | visits
Eingang | Posteingang | eingehend ; incoming | inbound | arrival
Laderampe | Anlieferung ; loading dock | loading bay | goods delivery
Elektrogeräte | Elektroschrott | Elektronik ; electronics | electrical appliances | e-waste
Ausland | ausländisch | international ; foreign | abroad | international
Namensänderung ; name change | change of name
Neueinsteiger | Neuzugang | Berufseinsteiger ; new starter | newcomer | new joiner
Papierstau | klemmt | verklemmt ; paper jam | jammed | stuck
Temperatur | heiß | kalt | frieren | schwitzen ; temperature | hot | cold | freezing
Ergonomie | Rücken | Rückenschmerzen | Nacken ; ergonomics | back pain | neck pain
Arbeitsunfall | Verletzung | verletzt | Sturz | gestürzt ; injury | injured | slipped
Adressänderung | Anschrift | Stammdaten ; change of address | address | personal details
Altersteilzeit | Vorruhestand ; partial retirement | early retirement
Kinderkrankentage | Kinderkrankengeld ; sick child | child sick days
Beerdigung | Trauerfeier ; funeral | memorial service
Wasserschaden | tropft | nass ; dripping | wet | leak
Geruch | riecht | stinkt ; smell | odour | odor | stink
Schädlinge | Ungeziefer | Schädlingsbekämpfung | Mäuse ; pests | pest control | vermin | mice
"""

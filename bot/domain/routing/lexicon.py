"""General word lists for routing: stopwords, small-talk markers, office synonyms (DE/EN).

Everything here is general German/English office vocabulary written independently of any
organisation's data; an organisation's own terms are learnt from its directory and history.
"""

# Function words plus the words every routing question uses ("wer kennt sich aus", "zuständig"):
# they say nothing about the topic, so they must not pull towards experts whose "about" text
# happens to use them too.
STOPWORDS = """
a ab aber alle allen aller alles als also am an andere anderen auch auf aus bei beim bin bis
bisschen bist bitte da dabei dafur dagegen daher damit dann dar daran darauf daruber darum das
dass davon dazu dem den denn der des dessen dich die dies diese diesem diesen dieser dieses dir
doch dort du durch ein eine einem einen einer eines einfach einige einmal er es etwa etwas euch
euer eure fur gar gegen gerade gern gerne gibt ganz habe haben hab hast hat hatte hatten hier
hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins irgendwie irgendwo irgendwas ist ja
je jede jedem jeden jeder jetzt kann kannst konnen konnte konnten kein keine man mehr mein meine
meinem meinen meiner mich mir mit muss mussen musste nach nicht nichts noch nun nur ob oder ohne
sehr sein seine seinem seinen seiner seit selbst sich sie sind so soll sollen sollte sonst
sowie uber um und uns unser unsere unserem unseren unserer unter viel viele vom von vor wann war
waren warum was weil welche welchem welchen welcher welches wem wen wenn wer werde werden wie
wieder will wir wird wirklich wo wohl wurde wurden zu zum zur zwar zwischen eigentlich mal halt
eben schon immer denn bzw usw ca evtl ggf zb dh kurz kurze frage fragen jemand jemanden
jemandem weiss wisst kennt kenne auskennen sich zustandig zustandige zustandigkeit kummert
kummere kummern helfen hilft hilfe helfe ansprechpartner ansprechpartnerin anlaufstelle richtig
moglich gibt geben bekomme bekommen bekommt kriege kriegen kriegt mache machen macht gemacht
brauche brauchen braucht benotige benotigen sollte wurde wurdest darf durfen
heute morgen gestern ubermorgen bald gleich sofort schnell schnellsten
furs ans aufs ins ubers vors unterm beim zum zur am im vom
erste ersten erster erstes zweite zweiten dritte dritten nachste nachsten letzte letzten
mehrere paar wenig wenige weniger neu neue neuen neuer neues alt alte alten aktuell aktuelle
aktuellen bereits inzwischen normalerweise spatestens ungefahr uberhaupt extra total bisher
stehe stehen steht stand liege liegen liegt lag sage sagen sagt sehe sehen sieht finde finden
findet wisse wissen weiss gehe gehen kommen kommt kam lassen lasse lasst nehmen nimmt tun tut
sitze sitzen sitzt klappt klappen laufe laufen lauft stelle stellen stellt sowas sache sachen
dinge ding leider vielleicht dringend bescheid zuruck mit ohne danach vorher hinterher
montag dienstag mittwoch donnerstag freitag samstag sonntag
eins zwei drei vier funf sechs sieben acht neun zehn
i me my mine we our ours you your yours he him his she her it its they them their what which
who whom whose this that these those am is are was were be been being have has had having do
does did doing a an the and but if or because as until while of at by for with about against
between into through during before after above below to from up down in out on off over under
again further then once here there when where why how all any both each few more most other
some such no nor not only own same so than too very can will just should now would could may
might must shall get got getting anyone someone somebody anybody know knows help helps
responsible handle handles handling question questions please thanks im ive id dont does cant
need needs want wants like today tomorrow yesterday monday tuesday wednesday thursday friday
saturday sunday hi hello hey
"""

# Greeting, thanks, farewell and acknowledgement words: a message made only of these (plus
# stopwords and emoji) is small talk, whatever its punctuation.
PHATIC = """
hallo hi hey moin servus gruss grusse gruezi morgen tag abend guten gute schones schonen
schones wochenende feierabend zusammen allerseits leute alle team danke dank dankeschon
vielen herzlichen merci thx thanks thank cheers bye tschuss ciao bis spater super toll prima
klasse cool perfekt passt geklappt funktioniert erledigt ok okay alles klar stimmt genau
jawohl sorry entschuldigung oops hoppla good morning
afternoon evening night happy nice great awesome weekend everyone everybody all folks helpful
welcome glad lol haha hahaha yes no yep nope ebenfalls dito lieben liebe freue freut
"""

# Words and signs that mark an information need or a problem report rather than a social note.
NEED_MARKERS = """
wer wen wem wie wo was wann warum wieso weshalb welche welcher welches welchen woher wohin
kann konnen konnte darf durfen muss mussen brauche brauchen benotige suche suchen mochte
hilfe help who what where when why which how can could should must need may problem fehler
kaputt defekt geht nicht kein keine error broken issue not doesnt wont cant
"""

# Equivalence groups of common office vocabulary, German and English. A query phrase from a
# group adds the other members with a reduced weight (see router settings).
SYNONYMS = """
Personalabteilung | Personal | HR | human resources | personnel
Mitarbeiter | Mitarbeitende | Beschäftigte | Angestellte | employee | staff
Führungskraft | Vorgesetzter | Chef | Chefin | Manager | Teamleiter | boss | supervisor | lead
Arbeitsvertrag | employment contract | Anstellungsvertrag
Befristung | befristet | fixed-term | Vertragsverlängerung
Kündigung | kündigen | resignation | resign | notice
Elternzeit | parental leave | Elterngeld | paternity leave | Babypause
Mutterschutz | maternity leave | maternity | Schwangerschaft | schwanger | pregnant | pregnancy
Teilzeit | part-time | Arbeitszeit reduzieren | Wochenarbeitszeit | Stundenreduzierung
Arbeitszeugnis | Zeugnis | reference letter | certificate of employment
Sabbatical | Auszeit | unbezahlter Urlaub | unpaid leave
Homeoffice | mobiles Arbeiten | remote work | working from home | work from home | Telearbeit
Nebentätigkeit | Nebenjob | side job | second job | Nebenbeschäftigung
Wiedereingliederung | BEM | Eingliederungsmanagement | return to work
Bewerbung | Bewerber | Kandidat | application | applicant | candidate
Stellenausschreibung | Stellenanzeige | job posting | job ad | vacancy | offene Stelle
Recruiting | Personalbeschaffung | recruitment | hiring | Einstellung | einstellen | hire
Praktikum | Praktikant | Praktikantin | internship | intern
Werkstudent | Werkstudentin | Werkstudierende | working student | student job
Ausbildung | Azubi | Auszubildende | apprenticeship | apprentice | trainee
Weiterbildung | Fortbildung | Schulung | Training | Seminar | Kurs | course | training
Sprachkurs | language course | Englischkurs | Sprachtraining
Mitarbeitergespräch | Jahresgespräch | Zielvereinbarung | appraisal | performance review
Onboarding | Einarbeitung | erster Arbeitstag | first day | new hire | neue Kollegin
Gehalt | Lohn | Entgelt | Vergütung | salary | pay | wage | payroll
Gehaltsabrechnung | Lohnabrechnung | Entgeltabrechnung | payslip | pay slip | Lohnzettel
Lohnsteuerbescheinigung | Jahresnachweis | tax certificate
Steuer | versteuern | Versteuerung | besteuert | tax | taxes | taxable
geldwerter Vorteil | GwV | benefit in kind | taxable benefit
Sachbezug | Gutschein | Gutscheinkarte | voucher | benefit card
Altersversorgung | Betriebsrente | bAV | Pensionskasse | Direktversicherung | pension
Entgeltumwandlung | salary conversion | deferred compensation
Vorschuss | Gehaltsvorschuss | advance | salary advance | Abschlag
Krankmeldung | Krankschreibung | krankgeschrieben | Arbeitsunfähigkeit | AU | eAU | sick note
krank | Krankheit | sick | illness | Krankengeld | sick pay | Entgeltfortzahlung
Pfändung | Lohnpfändung | Pfändungsbeschluss | garnishment
vermögenswirksame Leistungen | VL | capital-forming benefits
Steuerklasse | tax class | Heirat | heiraten | married | marriage
Jobticket | Deutschlandticket | public transport ticket | ÖPNV
Rechnung | Eingangsrechnung | invoice | bill
Mahnung | Zahlungserinnerung | reminder | dunning | overdue
Zahlung | Überweisung | bezahlen | payment | pay out | transfer
Lieferant | Dienstleister | Kreditor | supplier | vendor | provider
Kreditkarte | Firmenkreditkarte | credit card | corporate card | company card
Beleg | Quittung | receipt | voucher
Bewirtung | Bewirtungsbeleg | Geschäftsessen | business meal | entertainment expenses
Reisekosten | Spesen | Reisekostenabrechnung | travel expenses | expenses | expense report
Verpflegungspauschale | Verpflegungsmehraufwand | per diem | meal allowance | Tagegeld
Kilometergeld | Kilometerpauschale | mileage | mileage allowance
Vorschuss | Barvorschuss | cash advance | Bargeld | cash
Umsatzsteuer | Mehrwertsteuer | MwSt | USt | VAT | sales tax
Jahresabschluss | annual accounts | year-end closing | Monatsabschluss | month-end closing
Kostenstelle | KST | cost center | cost centre
Budget | Etat | Budgetplanung | budget planning
Forecast | Hochrechnung | Prognose | projection
Bericht | Reporting | Auswertung | report | reporting | Dashboard
Investition | Investitionsantrag | capex | investment | capital expenditure
Wirtschaftlichkeitsrechnung | Business Case | cost-benefit
Bestellung | bestellen | Bestellanforderung | BANF | purchase order | PO | order | purchase
Einkauf | Beschaffung | beschaffen | procurement | purchasing | buy
Angebot | Angebote | Kostenvoranschlag | quote | quotation | offer
Ausschreibung | Vergabe | tender | call for tenders
Rahmenvertrag | framework agreement | master agreement
Büromaterial | Bürobedarf | office supplies | stationery | Schreibwaren
Möbel | Büromöbel | Schreibtisch | Stuhl | furniture | desk | chair
Lizenz | Softwarelizenz | license | licence | subscription
Berater | Beratung | Beratungsfirma | consultant | consulting | Freelancer | freelance
Laptop | Notebook | Rechner | Computer | PC | Dienstrechner | computer
Passwort | Kennwort | password | Zugangsdaten | credentials
Anmeldung | Login | einloggen | anmelden | sign in | log in
gesperrt | entsperren | locked | unlock | locked out | ausgesperrt
VPN | Fernzugriff | remote access
Drucker | Kopierer | Multifunktionsgerät | printer | copier | scanner | drucken | print
E-Mail | Mail | Outlook | email | mailbox | Postfach
Abwesenheitsnotiz | Abwesenheit | out of office | autoreply | Autoantwort
Mehrfaktor | Multi-Faktor-Authentifizierung | MFA | 2FA | two-factor | Authenticator
Installation | installieren | Software | install | installation
Ticket | Störung | Störungsmeldung | incident | IT-Portal | Helpdesk | Service Desk
Handy | Smartphone | Diensthandy | Mobiltelefon | mobile | phone | cell phone | iPhone
Mobilfunk | Mobilfunkvertrag | Roaming | SIM | mobile plan | data plan
Headset | Kopfhörer | headphones | earphones
Monitor | Bildschirm | screen | display
Dockingstation | Dock | docking station
Konferenztechnik | Videokonferenz | Kamera | Beamer | video conference | camera | projector
Besprechungsraum | Meetingraum | Konferenzraum | meeting room | conference room | Raum | room
Berechtigung | Zugriff | Zugriffsrechte | Rechte | access | permission | permissions | rights
Laufwerk | Netzlaufwerk | Ordner | drive | shared drive | folder | network drive
SharePoint | Teamseite | Dokumentenbibliothek | site | document library
Verteiler | Verteilerliste | mailing list | distribution list
Funktionspostfach | gemeinsames Postfach | shared mailbox
Stellvertretung | Vertretung | Stellvertreter | delegate | deputy | substitute
Kalender | Kalenderfreigabe | calendar | calendar sharing
Vertrag | Verträge | contract | agreement
Vertragsprüfung | Vertrag prüfen | contract review | legal review
Geheimhaltungsvereinbarung | Vertraulichkeitsvereinbarung | NDA | non-disclosure agreement
Vollmacht | Prokura | Zeichnungsbefugnis | Unterschriftsbefugnis | power of attorney | signing authority
Unterschrift | unterschreiben | unterzeichnen | signature | sign
Handelsregister | commercial register | Notar | notary
AGB | Geschäftsbedingungen | terms and conditions
Marke | Markenrecht | trademark | brand
Geschenk | Geschenke | Einladung | gift | gifts | invitation | hospitality
Interessenkonflikt | conflict of interest | Befangenheit
Hinweisgebersystem | Whistleblower | Whistleblowing | anonym melden | Fehlverhalten | misconduct
Geldwäsche | money laundering | AML
Sanktionsliste | Sanktionen | sanctions | sanctions list | embargo
Verhaltenskodex | Code of Conduct | Richtlinie | policy | guideline
Compliance | Regelkonformität | Pflichtschulung | mandatory training
Datenschutz | DSGVO | GDPR | data protection | privacy | personenbezogene Daten | personal data
Auskunft | Auskunftsersuchen | Auskunftsanfrage | data subject request | subject access request
Auftragsverarbeitung | AV-Vertrag | AVV | data processing agreement | DPA
Löschfrist | Aufbewahrungsfrist | aufbewahren | retention | retention period | löschen | delete
Datenpanne | Datenschutzvorfall | data breach | Datenleck
Phishing | Spam | verdächtige Mail | suspicious email | scam
Intranet | Mitarbeiterportal | internes Portal | intranet | Startseite
Newsletter | Rundschreiben | Mitarbeitermagazin | staff magazine
Vorlage | Template | Muster | template | sample
Präsentation | PowerPoint | Folien | presentation | slides | deck
Corporate Design | CD | Styleguide | brand guidelines | Logo
Visitenkarte | business card | Kärtchen
Signatur | E-Mail-Signatur | email signature | Mailsignatur
Presse | Presseanfrage | Journalist | Zeitung | press | media | journalist | newspaper | reporter
Social Media | LinkedIn | Instagram | social media
Foto | Fotos | Bild | Bilder | Fotoshooting | photo | photos | picture | images
Werbemittel | Werbegeschenke | Give-aways | Merchandise | promotional items | giveaways
Sponsoring | sponsorship | Spende | donation
Messe | Messestand | trade fair | trade show | exhibition | booth
Makler | Vermittler | broker | intermediary | agent
Provision | Courtage | commission | brokerage
Vertrieb | Verkauf | sales | distribution
Kunde | Kunden | Firmenkunde | customer | client | clients
Beschwerde | Reklamation | complaint | complain | beschweren
CRM | Kundendatenbank | customer database
Dienstreise | Geschäftsreise | Reise | business trip | travel | trip
Hotel | Übernachtung | Hotelbuchung | hotel | accommodation | overnight stay
Flug | Flüge | fliegen | flight | flights | fly | airline
Bahn | Zug | Zugticket | Bahnticket | train | rail | train ticket
Bahncard | BC | railcard
Mietwagen | Leihwagen | rental car | car rental | hire car
Visum | Visa | Einreise | visa | entry permit
Reiserichtlinie | Reisekostenrichtlinie | travel policy
Buchung | buchen | reservieren | Reservierung | booking | book | reserve | reservation
Zutritt | Zutrittskarte | Ausweis | Mitarbeiterausweis | badge | access card | ID card | key card
Schlüssel | key | keys | abschließen | lock
Umzug | umziehen | Büroumzug | move | relocation | relocate | moving
Hausmeister | Haustechnik | facility | facilities | caretaker | janitor
Post | Poststelle | Brief | Einschreiben | mail room | letter | parcel | Paket
Parkplatz | Stellplatz | Tiefgarage | Garage | parking | parking space | car park
Klimaanlage | Heizung | Lüftung | Temperatur | air conditioning | heating | ventilation
Reinigung | putzen | sauber | cleaning | clean | Putzdienst
Catering | Verpflegung | Bewirtung | Essen | Getränke | food | drinks | refreshments
Kantine | Betriebsrestaurant | Mensa | canteen | cafeteria | staff restaurant
Besucher | Gast | Gäste | Besucheranmeldung | visitor | guest | guests
Empfang | Rezeption | reception | front desk
Fahrrad | Rad | bike | bicycle | Fahrradstellplatz
Fundsachen | Fundbüro | verloren | lost and found | lost property | lost
Vorstand | Vorstandsvorsitzender | board | executive board | CEO
Aufsichtsrat | AR | supervisory board
Vorstandssitzung | Board Meeting | Gremiensitzung
Protokoll | Niederschrift | minutes | protocol
Termin | Termine | Terminanfrage | appointment | meeting | schedule
Jubiläum | Dienstjubiläum | anniversary | Ehrung
Rede | Grußwort | Ansprache | speech
Betriebsrat | BR | works council
Betriebsvereinbarung | works agreement
Betriebsversammlung | Mitarbeiterversammlung | staff meeting | all-hands | town hall
Gleitzeit | Kernarbeitszeit | Arbeitszeit | flexitime | working hours | working time
Schwerbehinderung | Schwerbehindertenvertretung | disability
Veranstaltung | Event | Feier | Fest | Party | event | party | celebration
Sommerfest | summer party
Weihnachtsfeier | Christmas party | Jahresabschlussfeier
Location | Veranstaltungsort | Eventlocation | venue
Agentur | Eventagentur | agency | event agency
hybrid | hybride Veranstaltung | Livestream | Streaming | stream | hybrid event
Dienstwagen | Firmenwagen | Firmenauto | Geschäftswagen | company car
Poolfahrzeug | Poolwagen | Pool-Auto | pool car | fleet car
Fuhrpark | Flotte | fleet | vehicle | vehicles | Fahrzeug
Tankkarte | fuel card | Tankstelle | tanken | refuel
Leasing | Leasingrate | lease | leasing
Dienstrad | Jobrad | E-Bike | Fahrradleasing | bike leasing | company bike
Führerschein | Führerscheinkontrolle | driving licence | driver's license
Unfall | Schaden | Kratzer | Blechschaden | accident | damage | crash | scratch
Ladekarte | Ladestation | Elektroauto | E-Auto | charging card | electric car | EV
Arbeitsunfall | Dienstunfall | Wegeunfall | work accident | occupational accident
Ersthelfer | Erste Hilfe | first aider | first aid
Brandschutz | Brandschutzhelfer | fire safety | fire warden
Ergonomie | ergonomisch | höhenverstellbar | Stehpult | ergonomics | standing desk
Bildschirmarbeitsplatzbrille | Brille | Sehtest | glasses | eye test
Betriebsarzt | Arbeitsmedizin | company doctor | occupational health
Impfung | Grippeimpfung | vaccination | flu shot
Gefährdungsbeurteilung | risk assessment
Räumungsübung | Evakuierung | evacuation drill | fire drill
Gesundheit | Gesundheitstag | health | health day
Schadenfall | Schadenregulierung | claim | claims | Leistungsfall
Gutachter | Sachverständiger | expert assessor | loss adjuster
Serienbrief | Seriendruck | mail merge
Excel | Tabelle | Tabellenkalkulation | spreadsheet
Word | Textverarbeitung | Dokument | document
OneNote | Notizbuch | notebook app
Kollege | Kollegin | Kollegen | colleague | coworker | co-worker
Freund | Bekannter | friend | acquaintance
Empfehlung | empfehlen | Mitarbeiterempfehlung | referral | recommend | refer
Firma | Unternehmen | Arbeitgeber | company | employer | firm
Abteilung | Bereich | Fachbereich | department | division | team
Formular | Antrag | beantragen | form | application form | apply | request
Genehmigung | genehmigen | Freigabe | freigeben | approval | approve | authorisation
Erstattung | erstatten | zurückerstatten | Rückerstattung | refund | reimburse | reimbursement
Stornierung | stornieren | absagen | abgesagt | cancel | cancellation | cancelled
Änderung | ändern | umstellen | change | modify | update
einrichten | anlegen | erstellen | set up | create | setup
melden | Meldung | anzeigen | report | notify | notification
löschen | entfernen | delete | remove
Frist | Deadline | Stichtag | bis wann | deadline | due date
Kosten | Gebühr | Preis | cost | costs | fee | price
Geld | Betrag | money | amount
Urlaub | Urlaubsantrag | vacation | holiday | leave | annual leave
Arbeitsplatz | Büro | Schreibtischplatz | workplace | office | workstation
Gebäude | Haus | Standort | building | site | location | premises
Stockwerk | Etage | Geschoss | floor | storey
Zugang | Zutrittsrecht | entry | access
Drucksache | Flyer | Broschüre | brochure | leaflet | flyer
Übersetzung | übersetzen | Dolmetscher | translation | translate | interpreter
Schreibtischstuhl | Bürostuhl | office chair
Scan | scannen | einscannen | Belegscan | scan | scanning
"""

# Abbreviations common in German offices that are not already in a synonym group.
ABBREVIATIONS = """
MA = Mitarbeiter
GF = Geschäftsführung
GL = Geschäftsleitung
FK = Führungskraft
HO = Homeoffice
PW = Passwort
KM = Kilometer
Std = Stunden
EG = Erdgeschoss
OG = Obergeschoss
UG = Untergeschoss
"""

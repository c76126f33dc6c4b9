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
gut gute guten guter gutes besser bessere besten beste schlecht schlechte toll tolle billig
billige empfehlen empfehle empfiehlt empfehlt empfohlen empfehlung empfehlungen nahe gegend
good better best great nice cheap recommend recommends recommended recommendation
recommendations near nearby altes
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
saturday sunday hi hello hey ask asking asked tell find give take make put go going come say
see look run runs use try also already still anything something anyone else really just
like would able way thing things there their please quick
fast jede jedem jeden jeder jedes etwa eher ziemlich komplett
will willst wollen wollt wollte wollten mochte mochten mochtest pro per je
woche wochen tag tage tagen monat monate monaten jahr jahre jahren minute minuten zusammen
organisiert organisiere organisieren betreut betreue betreuen koordiniert koordiniere
koordinieren verantwortlich verantworte verantwortet organize organizes organise organises
arrange arranges arranging coordinate coordinates coordinating deal deals dealing somewhere people
suche suchst sucht suchen gesucht tipp tipps looking
"""

# Function words that tell an English message from a German one (folded).
ENGLISH_MARKERS = """
the a an is are was to of for in on at with who what where how can could i my me we our you
your do does did it this that there have has be
"""
GERMAN_MARKERS = """
der die das des dem den ein eine einen einem ist sind war zu von fur im mit wer was wo wie
kann konnte ich mein meine mir wir unser du dein ihr es sie habe hat auf bei nicht und
"""

# Pure greeting and thanks words: never part of what a question is about.
GREETINGS = """
hallo hi hey moin servus gruss grusse gruezi danke dankeschon merci thx thanks thank cheers
bye tschuss ciao hello
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
kann konnen konnte darf durfen muss mussen brauch brauche brauchen braucht benotige suche
suchen mochte soll sollen sollte bitte ob nichts fragt frage gesucht please wanted
hilfe help who what where when why which how can could should must need may problem fehler
kaputt defekt geht nicht kein keine error broken issue not doesnt wont cant
"""

# Thanks, praise, congratulations and wishes: a message carrying one of these and asking
# nothing is a social note even when it names a department or a topic ("Danke an die IT für
# die Hilfe!", "Frohe Weihnachten aus dem Controlling!").
GRATITUDE = """
danke dank dankeschon bedanke bedanken bedankt dankbar gratuliere gratulieren gratulation
gluckwunsch gluckwunsche beglückwünschen lob loben bravo respekt kompliment kudos willkommen
besserung thanks thank grateful appreciate appreciated congratulations congrats congratulate
welcome shoutout cheers kudos props
frohe frohes frohen frohliche frohlichen gesegnete wishes happy merry
"""

# Words of a message that ask in earnest; the nouns of NEED_MARKERS ("Hilfe", "Problem") are
# left out because thanks name them too ("Danke für die schnelle Hilfe").
ASKING = """
wer wen wem wie wo was wann warum wieso weshalb welche welcher welches welchen woher wohin
kann konnen konnte darf durfen muss mussen brauche brauchen braucht benotige suche suchen soll
sollen sollte ob vorab voraus who what where when why which how can could should must need
advance kaputt defekt error broken nicht kein keine not
"""

# Praise of a thing or a place ("The new coffee machine is amazing", "Das Essen heute war
# lecker"): a message that carries one and asks for nothing is a social note. Intensifiers that
# also describe problems ("super langsam") are left out, and so is "schon" (folded "schön").
PRAISE = """
amazing awesome excellent fantastic wonderful lovely brilliant delicious tasty superb
outstanding terrific gorgeous beautiful impressive good great nice
lecker genial wunderbar grossartig herrlich hervorragend fantastisch traumhaft spitze
gelungen gelungene gelungener
"""

# Invitations to lunch, coffee or cake are social even though they ask ("Hat jemand Lust …?").
INVITATION = """
lust bock mitkommen mitessen mitgehen anschliessen fancy
"""

# A message that withdraws itself at its end ("… Ach nein, hab ihn gefunden") needs nobody.
RESOLVED = """
erledigt gefunden nevermind resolved vergesst ignoriert
"""

# Negations that turn a resolution marker into a problem ("nicht gefunden").
NEGATION = """
nicht kein keine keinen nie not never
"""

# Equivalence groups of common office vocabulary: German phrases, then after ";" English ones;
# an indented line continues the group above.
# A phrase of a group in a question adds the other members with a reduced weight. German
# phrases are matched by German stems, English ones by English stems, so "date" never
# reaches "Daten".
SYNONYMS = """
Personalabteilung | Personal | Personalwesen ; HR | human resources | personnel
Mitarbeiter | Mitarbeitende | Beschäftigte | Angestellte ; employee | staff
Führungskraft | Vorgesetzter | Chef | Chefin | Teamleiter | Teamleiterin ; manager | boss
    | supervisor | team lead
Arbeitsvertrag | Anstellungsvertrag ; employment contract
Befristung | befristet | Vertragsverlängerung ; fixed-term | temporary contract
Kündigung | kündigen | Austritt ; resignation | resign | notice | leaver
Elternzeit | Elterngeld | Babypause ; parental leave | paternity leave
Mutterschutz | Schwangerschaft | schwanger ; maternity leave | maternity | pregnant | pregnancy
Teilzeit | Arbeitszeit reduzieren | Wochenarbeitszeit | Stundenreduzierung ; part-time | part time
Arbeitszeugnis | Zeugnis | Zwischenzeugnis ; reference letter | employment reference
Sabbatical | Auszeit | unbezahlter Urlaub ; sabbatical | unpaid leave
Homeoffice | mobiles Arbeiten | Telearbeit ; remote work | working from home | work from home
    | home office
Nebentätigkeit | Nebenjob | Nebenbeschäftigung ; side job | second job | secondary employment
Wiedereingliederung | BEM | Eingliederungsmanagement ; return to work | reintegration
Bewerbung | Bewerber | Bewerberin | Kandidat | Kandidatin ; application | applicant | candidate
Stellenausschreibung | Stellenanzeige | offene Stelle ; job posting | job ad | vacancy
    | job opening
Recruiting | Personalbeschaffung | Einstellung | einstellen ; recruitment | recruiting | hiring
    | hire
Praktikum | Praktika | Praktikant | Praktikantin ; internship | intern
Werkstudent | Werkstudentin | Werkstudierende ; working student | student job
Universität | Uni | Hochschule | Studium | Student | Studentin | Studierende ; university | student
    | college
Ausbildung | Azubi | Auszubildende | duales Studium ; apprenticeship | apprentice | trainee
Weiterbildung | Fortbildung | Schulung | Training | Seminar | Kurs ; course | training | seminar
Sprachkurs | Englischkurs | Sprachtraining ; language course | language training
Mitarbeitergespräch | Jahresgespräch | Zielvereinbarung ; appraisal | performance review
Onboarding | Einarbeitung | erster Arbeitstag ; onboarding | first day | new hire
Gehalt | Lohn | Entgelt | Vergütung ; salary | pay | wage | payroll
Gehaltsabrechnung | Lohnabrechnung | Entgeltabrechnung | Lohnzettel ; payslip | pay slip
Lohnsteuerbescheinigung | Jahresnachweis ; tax certificate | annual tax statement
Steuer | versteuern | Versteuerung | besteuert | steuerpflichtig ; tax | taxes | taxable
geldwerter Vorteil | GwV ; benefit in kind | taxable benefit
Sachbezug | Gutschein | Gutscheinkarte ; voucher | benefit card
Altersversorgung | Betriebsrente | bAV | Pensionskasse | Direktversicherung ; pension | retirement
Entgeltumwandlung ; salary conversion | deferred compensation | salary sacrifice
Gehaltsvorschuss | Vorschuss | Abschlag ; salary advance | advance
Krankmeldung | Krankschreibung | krankgeschrieben | Arbeitsunfähigkeit | AU | eAU ; sick note
    | doctor's note
Krankheit | krank | Krankengeld | Entgeltfortzahlung ; sick | illness | sick pay | sick leave
Pfändung | Lohnpfändung | Pfändungsbeschluss ; garnishment | wage garnishment
vermögenswirksame Leistungen | VL ; capital-forming benefits
Steuerklasse | Steuerklassenwechsel | Heirat | heiraten ; tax class | married | marriage
Jobticket | Deutschlandticket | ÖPNV ; public transport ticket | transit pass
Rechnung | Eingangsrechnung ; invoice | bill
Mahnung | Zahlungserinnerung | gemahnt ; reminder | dunning | overdue
Zahlung | Überweisung | bezahlen | überweisen ; payment | pay out | transfer
Lieferant | Dienstleister | Kreditor | Anbieter ; supplier | vendor | provider
Firmenkreditkarte | Kreditkarte | Firmenkarte ; credit card | corporate card | company card
Beleg | Quittung | Rechnungsbeleg ; receipt
Bewirtung | Bewirtungsbeleg | Geschäftsessen ; business meal | entertainment expenses
    | business dinner
Reisekosten | Spesen | Reisekostenabrechnung ; travel expenses | expenses | expense report
Verpflegungspauschale | Verpflegungsmehraufwand | Tagegeld ; per diem | meal allowance
Kilometergeld | Kilometerpauschale ; mileage | mileage allowance
Barvorschuss | Bargeld ; cash advance | cash
Umsatzsteuer | Mehrwertsteuer | MwSt | USt ; VAT | sales tax
Jahresabschluss | Monatsabschluss ; annual accounts | year-end closing | month-end closing
Kostenstelle | KST ; cost center | cost centre
Budget | Etat | Budgetplanung ; budget | budget planning
Forecast | Hochrechnung | Prognose ; forecast | projection
Bericht | Reporting | Auswertung | Dashboard ; report | reporting | dashboard
Investition | Investitionsantrag ; capex | investment | capital expenditure
Wirtschaftlichkeitsrechnung | Business Case ; business case | cost-benefit analysis
Bestellung | bestellen | Bestellanforderung | BANF ; purchase order | PO | order | purchase
Einkauf | Beschaffung | beschaffen ; procurement | purchasing | buy
Angebot | Kostenvoranschlag ; quote | quotation | offer
Ausschreibung | Vergabe ; tender | call for tenders
Rahmenvertrag ; framework agreement | master agreement
Büromaterial | Bürobedarf | Schreibwaren | Stifte | Kugelschreiber | Papier | Ordner | Toner
    ; office supplies | stationery | pens | paper
Möbel | Büromöbel | Schreibtisch | Bürostuhl | Stuhl ; furniture | desk | chair | office chair
Softwarelizenz | Lizenz ; license | licence | subscription
Berater | Beratung | Beratungsfirma | Freelancer ; consultant | consulting | freelancer
    | contractor
Laptop | Notebook | Rechner | Computer | PC | Dienstrechner ; laptop | notebook | computer
Passwort | Kennwort | Zugangsdaten ; password | credentials
Anmeldung | Login | einloggen | anmelden ; sign in | log in | login
gesperrt | entsperren | ausgesperrt ; locked | unlock | locked out
VPN | Fernzugriff ; VPN | remote access
Drucker | Kopierer | Multifunktionsgerät | drucken ; printer | copier | scanner | print
E-Mail | Mail | Outlook | Postfach ; email | e-mail | mailbox | inbox
Abwesenheitsnotiz | Abwesenheitsassistent ; out of office | autoreply | auto-reply
Multi-Faktor-Authentifizierung | MFA | 2FA | Authenticator | Einmalcode | Code ; two-factor
    | multi-factor | authenticator | verification code | one-time code
Installation | installieren | Software ; install | installation | software
Ticket | Störung | Störungsmeldung | IT-Portal | Helpdesk ; incident | helpdesk | service desk
    | ticket
Diensthandy | Handy | Smartphone | Mobiltelefon ; mobile phone | cell phone | smartphone | phone
Mobilfunkvertrag | Mobilfunk | Roaming | SIM ; mobile plan | data plan | roaming
Headset | Kopfhörer ; headset | headphones | earphones
Monitor | Bildschirm ; monitor | screen | display
Dockingstation | Dock ; docking station | dock
Konferenztechnik | Videokonferenz | Kamera | Beamer ; video conference | camera | projector
    | AV equipment
Besprechungsraum | Meetingraum | Konferenzraum ; meeting room | conference room
Berechtigung | Zugriffsrechte | Rechte ; access rights | permission | permissions
Laufwerk | Netzlaufwerk | Ordner | Laufwerksfreigabe ; shared drive | network drive | folder
SharePoint | Teamseite | Dokumentenbibliothek ; SharePoint | document library
Verteiler | Verteilerliste | Mailverteiler ; mailing list | distribution list
Funktionspostfach | gemeinsames Postfach | Sammelpostfach ; shared mailbox | team mailbox
Stellvertretung | Vertretung | Stellvertreter ; delegate | deputy | substitute | cover
Kalender | Kalenderfreigabe ; calendar | calendar sharing
Vertrag | Verträge ; contract | agreement
Vertragsprüfung ; contract review | legal review
Geheimhaltungsvereinbarung | Vertraulichkeitsvereinbarung | NDA ; non-disclosure agreement | NDA
    | confidentiality agreement
Vollmacht | Prokura | Zeichnungsbefugnis | Unterschriftsbefugnis ; power of attorney
    | signing authority
Unterschrift | unterschreiben | unterzeichnen ; signature | sign
Handelsregister | Notar ; commercial register | notary
AGB | Geschäftsbedingungen ; terms and conditions
Markenrecht | Marke ; trademark
Geschenk | Geschenke | Einladung | Einladungen ; gift | gifts | invitation | hospitality
Interessenkonflikt ; conflict of interest
Hinweisgebersystem | Whistleblower | Fehlverhalten ; whistleblower | whistleblowing | misconduct
Geldwäsche | Geldwäscheprävention ; money laundering | AML
Sanktionsliste | Sanktionen | Embargo ; sanctions | sanctions list | embargo
Verhaltenskodex | Richtlinie | Regeln ; code of conduct | policy | guideline | rules
Compliance | Compliance-Schulung | Pflichtschulung ; compliance | mandatory training
Datenschutz | DSGVO | personenbezogene Daten ; GDPR | data protection | privacy | personal data
Auskunftsersuchen | Auskunft | Auskunftsanfrage ; data subject request | subject access request
Auftragsverarbeitung | AV-Vertrag | AVV ; data processing agreement | DPA
Löschfrist | Aufbewahrungsfrist | aufbewahren | löschen ; retention | retention period | delete
Datenschutzvorfall | Datenpanne | Datenleck ; data breach | data leak
Phishing | Spam | Phishing-Meldung ; phishing | spam | suspicious email | scam
Intranet | Mitarbeiterportal | Startseite ; intranet | staff portal
Newsletter | Rundschreiben | Mitarbeitermagazin ; newsletter | staff magazine
Vorlage | Muster | Template ; template | sample
Präsentation | PowerPoint | Folien ; presentation | slides | deck
Corporate Design | Styleguide | Logo ; brand guidelines | corporate design | logo
Visitenkarte ; business card
E-Mail-Signatur | Signatur | Mailsignatur ; email signature | signature
Presse | Presseanfrage | Journalist | Journalistin | Zeitung ; press | media | journalist
    | newspaper | reporter
Social Media | LinkedIn | Instagram ; social media
Foto | Fotos | Bild | Bilder | Fotoshooting ; photo | photos | picture | images
Werbemittel | Werbegeschenke | Give-aways | Merchandise ; promotional items | giveaways
    | merchandise
Sponsoring | Spende ; sponsorship | donation
Messe | Messestand | Messeauftritt ; trade fair | trade show | exhibition | booth
Makler | Vermittler ; broker | intermediary
Provision | Courtage ; commission | brokerage
Vertrieb | Verkauf ; sales
Kunde | Kunden | Firmenkunde | Firmenkunden ; customer | client | clients
Beschwerde | Reklamation | beschweren ; complaint | complain
CRM | Kundendatenbank ; CRM | customer database
Dienstreise | Geschäftsreise | Reise ; business trip | travel | trip
Hotel | Übernachtung | Hotelbuchung ; hotel | accommodation | overnight stay
Flug | Flüge | fliegen ; flight | flights | fly | airline
Bahn | Zug | Zugticket | Bahnticket | Zugfahrt ; train | rail | train ticket
Bahncard | BC ; railcard
Mietwagen | Leihwagen ; rental car | car rental | hire car
Visum | Visa | Einreise ; visa | entry permit
Reiserichtlinie | Reisekostenrichtlinie ; travel policy
Buchung | buchen | reservieren | Reservierung ; booking | book | reserve | reservation
Zutrittskarte | Ausweis | Mitarbeiterausweis | Zutritt ; badge | access card | ID card | key card
Schlüssel | Schloss ; key | keys | lock
Umzug | umziehen | Büroumzug ; move | relocation | relocate | moving
Hausmeister | Haustechnik ; facility | facilities | caretaker | janitor
Poststelle | Post | Brief | Einschreiben | Paket ; mail room | letter | parcel | registered mail
Parkplatz | Stellplatz | Tiefgarage | Garage ; parking | parking space | car park | garage
Klimaanlage | Heizung | Lüftung | Temperatur ; air conditioning | heating | ventilation
    | temperature
Reinigung | putzen | sauber ; cleaning | clean
Catering | Verpflegung | Getränke | Essen ; catering | food | drinks | refreshments
Kantine | Betriebsrestaurant | Mensa ; canteen | cafeteria | staff restaurant
Besucher | Gast | Gäste | Besucheranmeldung ; visitor | guest | guests
Empfang | Rezeption ; reception | front desk
Fahrrad | Fahrradstellplatz ; bike | bicycle
Fundsachen | Fundbüro | verloren ; lost and found | lost property | lost
Vorstand | Vorstandsvorsitzender ; board | executive board | CEO
Aufsichtsrat | AR ; supervisory board
Vorstandssitzung | Gremiensitzung ; board meeting
Protokoll | Niederschrift ; minutes
Termin | Termine | Terminanfrage ; appointment | meeting | schedule
Dienstjubiläum | Jubiläum | Ehrung ; anniversary | service anniversary
Rede | Grußwort | Ansprache ; speech
Betriebsrat | BR ; works council
Betriebsvereinbarung ; works agreement
Betriebsversammlung | Mitarbeiterversammlung ; staff meeting | all-hands | town hall
Gleitzeit | Kernarbeitszeit | Arbeitszeit ; flexitime | working hours | working time
Schwerbehindertenvertretung | Schwerbehinderung ; disability
Veranstaltung | Event | Feier | Fest | Party ; event | party | celebration
Sommerfest ; summer party
Weihnachtsfeier | Jahresabschlussfeier ; Christmas party
Location | Veranstaltungsort ; venue
Eventagentur | Agentur ; agency | event agency
hybride Veranstaltung | Livestream | Streaming ; hybrid event | stream | livestream
Dienstwagen | Firmenwagen | Firmenauto | Geschäftswagen ; company car
Poolfahrzeug | Poolwagen ; pool car | fleet car
Fuhrpark | Flotte | Fahrzeug ; fleet | vehicle | vehicles
Tankkarte | tanken ; fuel card | refuel
Leasing | Leasingrate ; lease | leasing
Dienstrad | Jobrad | E-Bike | Fahrradleasing ; bike leasing | company bike | e-bike
Führerscheinkontrolle | Führerschein ; driving licence | driver's license
Unfall | Schaden | Blechschaden ; accident | damage | crash
Ladekarte | Ladestation | Elektroauto | E-Auto ; charging card | electric car | EV
Arbeitsunfall | Dienstunfall | Wegeunfall ; work accident | occupational accident
Ersthelfer | Erste Hilfe ; first aider | first aid
Brandschutzhelfer | Brandschutz ; fire safety | fire warden
Ergonomie | ergonomisch | höhenverstellbar ; ergonomics | standing desk
Bildschirmarbeitsplatzbrille | Brille | Sehtest ; glasses | eye test
Betriebsarzt | Arbeitsmedizin ; company doctor | occupational health
Grippeimpfung | Impfung ; vaccination | flu shot
Gefährdungsbeurteilung ; risk assessment
Räumungsübung | Evakuierung ; evacuation drill | fire drill
Gesundheitstag | Gesundheit ; health | health day
Schadenfall | Schadenregulierung | Leistungsfall ; claim | claims
Gutachter | Sachverständiger ; assessor | loss adjuster
Serienbrief | Seriendruck ; mail merge
Excel | Tabelle | Tabellenkalkulation ; spreadsheet | excel
Word | Dokument ; document
Kollege | Kollegin | Kollegen ; colleague | coworker
Freund | Freundin | Bekannter ; friend | acquaintance
Mitarbeiterempfehlung | Empfehlung | empfehlen ; referral | recommend | refer
Firma | Unternehmen | Arbeitgeber ; company | employer | firm
Abteilung | Bereich | Fachbereich ; department | division
Formular | Antrag | beantragen ; form | application form | apply | request
Genehmigung | genehmigen | Freigabe | freigeben ; approval | approve | authorisation
Erstattung | erstatten | Rückerstattung ; refund | reimburse | reimbursement
Stornierung | stornieren | absagen ; cancel | cancellation | call off
Änderung | ändern | umstellen ; change | modify
einrichten | anlegen | erstellen | einstellen ; set up | create | configure
melden | Meldung ; report | notify
Frist | Deadline | Stichtag ; deadline | due date
Kosten | Gebühr | Preis ; cost | costs | fee | price
Urlaub | Urlaubsantrag ; vacation | holiday | annual leave
Arbeitsplatz | Büro ; workplace | office | workstation
Gebäude | Standort ; building | site | premises
Stockwerk | Etage | Geschoss ; floor | storey
Flyer | Broschüre | Drucksache ; brochure | leaflet | flyer
Übersetzung | übersetzen | Dolmetscher ; translation | translate | interpreter
Scan | scannen | einscannen | Belegscan ; scan | scanning
Köln ; Cologne
München ; Munich
Nürnberg ; Nuremberg
Wien ; Vienna
Zürich ; Zurich
Deutschland ; Germany
Österreich ; Austria
Schweiz ; Switzerland
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

"""Dutch texts of the demo: evidence notes per criterion, notes with agreed values, action owners.

Written as a school team would write them. They never name a pupil or a colleague. A note is only
placed under the criterion it was written for; a rubric with other criteria (a test rubric) gets the
general notes, which fit any criterion.
"""

from __future__ import annotations

Notes = dict[str, tuple[str, ...]]  # "low" (answers 0-1) and "high" (answers 2-3)

CRITERION_NOTES: dict[str, Notes] = {
    # --- professionalisering ---------------------------------------------------------------
    "pro-beginkennis": {
        "low": ("Er is nooit gevraagd wat wij al weten over trauma.",),
        "high": ("Vragenlijst in september afgenomen, uitslag besproken in de teamvergadering.",),
    },
    "pro-aanbod": {
        "low": ("We kennen alleen de training die het bestuur aanbiedt.",),
        "high": ("Twee aanbieders vergeleken; het voorstel ligt bij de directie.",),
    },
    "pro-plan": {
        "low": ("Er staat één studiedag gepland, daarna is het nog onduidelijk.",),
        "high": ("Scholingsplan voor twee jaar, met data en wie wat verzorgt.",),
    },
    "pro-teamtraining": {
        "low": ("Alleen de werkgroep heeft de startbijeenkomst gevolgd; de rest nog niet.",),
        "high": (
            "Het hele team heeft de basistraining gevolgd, ook de conciërge en de overblijfkrachten.",
        ),
    },
    "pro-gedeeldetaal": {
        "low": (
            "Elke groep heeft een eigen kaart voor gevoelens; op het plein gebruikt niemand ze.",
        ),
        "high": ("Overal hangt dezelfde spanningsmeter, en we zeggen allemaal ‘even naar groen’.",),
    },
    "pro-verdieping": {
        "low": ("Er is een studiedag geweest, maar daarna is er niets meer mee gedaan.",),
        "high": ("Drie terugkommiddagen dit jaar, steeds met situaties uit onze eigen groepen.",),
    },
    "pro-coaching": {
        "low": ("Coaching in de klas is beloofd, maar nog niet gestart.",),
        "high": (
            "De TSO-coach komt twee keer per jaar observeren en bespreekt het daarna met je.",
        ),
    },
    "pro-traumabril": {
        "low": (
            "In de leerlingbespreking gaat het nog vooral over gedrag, niet over wat erachter zit.",
        ),
        "high": ("De vaste vragen staan bovenaan het formulier van de leerlingbespreking.",),
    },
    "pro-zelfzorg": {
        "low": ("Na een zware dag moet je het zelf oplossen; er is geen intervisie.",),
        "high": (
            "Elke maand intervisie, en na een heftig moment vraagt altijd iemand hoe het gaat.",
        ),
    },
    "pro-toepassing": {
        "low": ("Een kijkwijzer is er nog niet; we weten niet hoe het in andere groepen gaat.",),
        "high": (
            "Twee rondes met de kijkwijzer gehad; de uitkomsten zijn zonder namen besproken.",
        ),
    },
    "pro-inwerken": {
        "low": ("Nieuwe collega's horen pas na maanden wat TSO inhoudt.",),
        "high": ("In het inwerkprogramma zit een gesprek met iemand van de werkgroep.",),
    },
    "pro-opfrissen": {
        "low": ("Na de invoering is er niets meer gepland om het bij te houden.",),
        "high": ("De kijkwijzerronde en de opfrismiddag staan elk jaar in de jaarplanning.",),
    },
    "pro-teamzorg": {
        "low": ("Belasting komt in de jaargesprekken niet aan bod.",),
        "high": ("Teamzorg staat in het arbobeleid; iedereen weet wie de vertrouwenspersoon is.",),
    },
    # --- implementatieplanning -------------------------------------------------------------
    "imp-werkgroep": {
        "low": ("Er is wel een werkgroep, maar zonder uren in het taakbeleid.",),
        "high": ("Werkgroep van vijf mensen, 40 taakuren per persoon.",),
    },
    "imp-behoefteanalyse": {
        "low": ("De cijfers zijn er wel, maar niemand heeft ze naast elkaar gelegd.",),
        "high": ("Incidenten, verzuim en de veiligheidsmonitor samengevat op één pagina.",),
    },
    "imp-afweging": {
        "low": ("Het besluit om te starten is nergens opgeschreven.",),
        "high": ("Besluit en voorwaarden staan in het verslag van het directieoverleg.",),
    },
    "imp-plan": {
        "low": ("Het plan staat in grote lijnen op papier; doelen en eigenaren ontbreken nog.",),
        "high": ("Meerjarenplan met doelen per fase en een eigenaar per doel.",),
    },
    "imp-tijdbudget": {
        "low": ("Budget voor scholing staat in de begroting, taakuren nog niet.",),
        "high": ("Taakuren en scholingsbudget voor TSO staan in het jaarplan.",),
    },
    "imp-afstemming": {
        "low": ("SWPBS en TSO lopen nog los naast elkaar.",),
        "high": (
            "Overzicht gemaakt van wat botst met het oude gedragsprotocol; de meldcode gaat voor.",
        ),
    },
    "imp-vrijheidsbeperking": {
        "low": ("Over vasthouden of afzonderen is niets op papier gezet.",),
        "high": (
            "Het protocol fysiek ingrijpen is herschreven; de afgesloten time-outruimte is weg.",
        ),
    },
    "imp-protocollen": {
        "low": ("Ons gedragsprotocol is nog het oude, met straf als eerste stap.",),
        "high": (
            "Het protocol is herschreven: eerst reguleren, dan praten, en altijd herstel na een incident.",
        ),
    },
    "imp-klasafspraken": {
        "low": ("Per groep verschilt het sterk hoe de dag begint en hoe overgangen gaan.",),
        "high": ("De vijf kernafspraken hangen in elke groep en je ziet ze ook gebeuren.",),
    },
    "imp-leerlingplannen": {
        "low": ("Signaleringsplannen zijn er alleen voor een paar leerlingen in de bovenbouw.",),
        "high": (
            "Elk signaleringsplan heeft hetzelfde format en wordt twee keer per jaar bekeken.",
        ),
    },
    "imp-ondersteuningsroute": {
        "low": ("Als ik me zorgen maak, weet ik niet goed bij wie ik moet zijn.",),
        "high": ("De route van zorg tot verwijzing staat op één A4 en is in het team besproken.",),
    },
    "imp-overdracht": {
        "low": ("De overdracht gaat alleen via het dossier.",),
        "high": ("In juni overdrachtsgesprekken voor alle leerlingen met een signaleringsplan.",),
    },
    "imp-monitoring": {
        "low": ("We kijken niet op vaste momenten naar gegevens; het blijft bij een gevoel.",),
        "high": (
            "Elke periode bespreekt de werkgroep incidenten, verzuim en de veiligheidsmonitor.",
        ),
    },
    "imp-schoolplan": {
        "low": ("In het schoolplan staat TSO nog niet; het wordt betaald uit projectgeld.",),
        "high": ("TSO staat in het schoolplan en als vaste post in de meerjarenbegroting.",),
    },
    "imp-evaluatie": {
        "low": ("Een jaarlijkse evaluatie is er nog niet.",),
        "high": ("De zelfscan staat vast in het voorjaar; de uitkomsten komen in het jaarplan.",),
    },
    # --- leiderschap -----------------------------------------------------------------------
    "lei-keuze": {
        "low": ("Waarom we dit doen, is nooit echt uitgelegd.",),
        "high": (
            "De directeur heeft het in de teamvergadering uitgelegd, en er kwam een notitie.",
        ),
    },
    "lei-verkenning": {
        "low": ("Wat het gaat kosten, is nog niet uitgezocht.",),
        "high": ("De meerjarenraming is met het bestuur besproken.",),
    },
    "lei-visie": {
        "low": ("Een gedeelde visie op TSO is er nog niet; iedereen vult het anders in.",),
        "high": ("Visie is op de studiedag samen geschreven en gedeeld met de MR.",),
    },
    "lei-deelname": {
        "low": ("De directie was bij de training maar een dagdeel aanwezig.",),
        "high": ("De directeur zit bij de werkgroep en was bij alle trainingsdagen.",),
    },
    "lei-prioriteit": {
        "low": ("Er lopen dit jaar nog drie andere projecten die om dezelfde tijd vragen.",),
        "high": ("Twee andere projecten zijn uitgesteld zodat er ruimte is voor TSO.",),
    },
    "lei-achterwacht": {
        "low": ("Na een heftig incident moet je zelf om een gesprek vragen.",),
        "high": (
            "Per dagdeel is duidelijk wie bijspringt, en na een incident volgt een nagesprek.",
        ),
    },
    "lei-voorbeeld": {
        "low": ("In gesprekken met boze ouders gaat het nog vaak om gelijk krijgen.",),
        "high": (
            "De directie laat zelf zien hoe je rustig blijft in lastige gesprekken met ouders.",
        ),
    },
    "lei-mt-agenda": {
        "low": ("De directie steunt het wel, maar in het MT komt het zelden op de agenda.",),
        "high": ("TSO staat elke maand op de agenda van het directieoverleg.",),
    },
    "lei-continuiteit": {
        "low": ("Als de directeur vertrekt, weet niemand waar de stukken staan.",),
        "high": ("Alles staat in één TSO-map die bij een wisseling wordt overgedragen.",),
    },
    "lei-bestuur": {
        "low": ("Het bestuur weet van TSO, maar vraagt er nooit naar.",),
        "high": ("Het bestuur krijgt elk jaar de resultaten en betaalt mee aan de coaching.",),
    },
    # --- betrekken -------------------------------------------------------------------------
    "bet-inkaart": {
        "low": ("Met het wijkteam hebben we geen vaste afspraken, het hangt af van wie je kent.",),
        "high": ("Overzicht van alle partners met hun contactpersoon gemaakt met de IB'er.",),
    },
    "bet-stem": {
        "low": ("Leerlingen is nog niet gevraagd wat hen helpt om rustig te worden.",),
        "high": (
            "De leerlingenraad en een ouderpanel zijn gevraagd wanneer ze zich hier veilig voelen.",
        ),
    },
    "bet-ouders": {
        "low": (
            "Ouders weten nog niet wat TSO is; er stond één keer iets over in de nieuwsbrief.",
        ),
        "high": ("Er is een ouderavond over TSO geweest, die goed bezocht werd.",),
    },
    "bet-zorgpartners": {
        "low": ("Waar een leerling terechtkan voor traumabehandeling, weten we niet.",),
        "high": ("Vaste contactpersonen bij het wijkteam en de jeugd-ggz, met korte lijntjes.",),
    },
    "bet-oudersplan": {
        "low": ("Het signaleringsplan wordt nog zonder ouders gemaakt.",),
        "high": (
            "Ouders denken mee over het plan van hun kind en evalueren het twee keer per jaar.",
        ),
    },
    "bet-leerlingstem": {
        "low": ("Leerlingen kunnen nog niet zelf zeggen wat hen helpt.",),
        "high": (
            "In het signaleringsplan staat een deel ‘dit helpt mij’, door de leerling ingevuld.",
        ),
    },
    "bet-intake": {
        "low": ("Bij de intake vragen we niet naar ingrijpende gebeurtenissen.",),
        "high": ("De intakevraag is vrijwillig en er is een tolk als dat nodig is.",),
    },
    "bet-gedeeldetaal": {
        "low": ("In het overleg met de jeugdhulp gaat ieder zijn eigen gang.",),
        "high": (
            "In het MDO-verslag staan de afspraken van school en hulpverlening naast elkaar.",
        ),
    },
    "bet-ouderkennis": {
        "low": ("Ouders kennen de spanningsmeter niet.",),
        "high": ("Samen met het wijkteam een ouderbijeenkomst over stress gehouden.",),
    },
    "bet-structureel": {
        "low": ("De afspraken met zorgpartners worden nooit samen geëvalueerd.",),
        "high": ("Eén keer per jaar evalueren we met de zorgpartners, met een verslag.",),
    },
    "bet-nieuwkomers": {
        "low": ("In de schoolgids staat nog niets over TSO.",),
        "high": ("In het kennismakingsgesprek met nieuwe ouders komt TSO altijd aan bod.",),
    },
    # --- draagvlak -------------------------------------------------------------------------
    "dra-urgentie": {
        "low": ("Een deel van het team ziet niet waarom dit nodig is.",),
        "high": ("In tweetallen voorbeelden uit de eigen groep besproken; iedereen herkende het.",),
    },
    "dra-gemeten": {
        "low": ("Niemand heeft gevraagd of we hier ruimte voor hebben.",),
        "high": ("De draagvlakpeiling zat in dezelfde vragenlijst als de kennispeiling.",),
    },
    "dra-inspraak": {
        "low": ("Besluiten worden in de werkgroep genomen; wij horen het achteraf.",),
        "high": ("Het team heeft zelf meegekozen welke afspraken we schoolbreed maken.",),
    },
    "dra-misverstanden": {
        "low": ("Een deel van het team ziet TSO nog als ‘geen grenzen meer stellen’.",),
        "high": ("We hebben een lijstje ‘wat TSO wel en niet is’, ook voor ouders.",),
    },
    "dra-successen": {
        "low": ("We horen vooral wat er misgaat.",),
        "high": ("In elke teamvergadering delen we een kort succesverhaal uit de groepen.",),
    },
    "dra-zorgen": {
        "low": ("In de teamvergadering is er weerstand, maar daar wordt weinig mee gedaan.",),
        "high": ("Na elke feedbackronde laat de werkgroep zien wat er met de inbreng is gedaan.",),
    },
    "dra-cultuur": {
        "low": ("Het draait nu op twee enthousiaste collega's; als zij weggaan, stopt het.",),
        "high": ("Nieuwe collega's merken snel dat dit is ‘zo doen we dat hier’.",),
    },
    "dra-peiling": {
        "low": ("Na de eerste peiling is het draagvlak niet meer gemeten.",),
        "high": ("Elk jaar dezelfde korte peiling, zodat we kunnen vergelijken.",),
    },
}

GENERAL_NOTES: Notes = {
    "low": (
        "Hier zijn we nog niet echt mee begonnen.",
        "Er is over gesproken, maar het staat nog niet op papier.",
        "Gebeurt af en toe, niet structureel.",
        "Hangt erg af van de collega.",
    ),
    "high": (
        "Staat op papier en gebeurt ook echt.",
        "Dit is inmiddels vanzelfsprekend bij ons.",
        "Afgesproken en iedereen weet ervan.",
        "Wordt twee keer per jaar geëvalueerd.",
    ),
}

DONT_KNOW_NOTES = (
    "Weet ik niet, dit speelt vooral in de werkgroep.",
    "Hier heb ik vanuit mijn functie geen zicht op.",
    "Geen idee of dit al is vastgelegd.",
    "Nooit iets over gehoord, dus waarschijnlijk nog niet?",
)

AGREED_NOTES = (
    "Besproken in de werkgroep: het is gestart, maar nog niet overal zichtbaar.",
    "Het verschil zat vooral tussen wie er dichtbij staat en wie niet; we houden de lagere score aan "
    "tot iedereen het merkt.",
    "Na uitleg van de intern begeleider bleek er meer te gebeuren dan de meesten dachten.",
    "De werkgroep ziet het in de plannen, het team merkt het nog niet in de praktijk.",
    "Afgesproken: pas een 2 als het ook op papier staat en zo werkt.",
    "Lang over gesproken; directie en team zagen dit heel verschillend. Volgende keer concrete "
    "voorbeelden meenemen.",
)

OWNERS: dict[str, str] = {
    "professionalisering": "Werkgroep TSO",
    "implementatieplanning": "Directie",
    "leiderschap": "Directie",
    "betrekken": "Intern begeleider",
    "draagvlak": "Werkgroep TSO",
}
OTHER_OWNERS = ("Werkgroep TSO", "Directie", "Intern begeleider", "Bouwcoördinator onderbouw")


def notes_for(criterion_id: str) -> Notes:
    """The notes written for this criterion, or the general ones."""
    return CRITERION_NOTES.get(criterion_id, GENERAL_NOTES)

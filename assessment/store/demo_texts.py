"""Dutch texts of the demo: evidence notes per criterion, notes with agreed values, action owners.

Written as a school team would write them. They never name a pupil or a colleague. A note is only
placed under the criterion it was written for; a rubric with other criteria (a test rubric) gets the
general notes, which fit any criterion.
"""

from __future__ import annotations

Notes = dict[str, tuple[str, ...]]  # "low" (answers 0-1) and "high" (answers 2-3)

CRITERION_NOTES: dict[str, Notes] = {
    # --- professionalisering ---------------------------------------------------------------
    "pro-basiskennis": {
        "low": (
            "Alleen de directeur heeft een introductie gevolgd; de rest van de werkgroep nog niet.",
        ),
        "high": (
            "De werkgroep is op bezoek geweest bij een TSO-school en heeft het team verteld wat het inhoudt.",
        ),
    },
    "pro-aanbodkeuze": {
        "low": ("We kennen alleen de training die het bestuur aanbiedt.",),
        "high": ("Twee aanbieders vergeleken; de keuze en de reden staan op één A4.",),
    },
    "pro-teamtraining": {
        "low": ("Alleen de werkgroep heeft de startbijeenkomst gevolgd; de rest nog niet.",),
        "high": (
            "Het hele team heeft de basistraining gevolgd, ook de conciërge en de overblijfkrachten.",
        ),
    },
    "pro-taalmodel": {
        "low": (
            "Elke groep heeft een eigen kaart voor gevoelens; er is nog niet één model gekozen.",
        ),
        "high": ("Op de studiedag hebben we voor de spanningsmeter gekozen, met de zinnen erbij.",),
    },
    "pro-stsuitleg": {
        "low": ("Over wat het werk met jezelf doet, is in de training niets gezegd.",),
        "high": (
            "In de training kwamen de signalen van overbelasting aan bod; ik weet bij wie ik terechtkan.",
        ),
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
    "pro-intervisie": {
        "low": ("Na een zware dag moet je het zelf oplossen; er is geen intervisie.",),
        "high": ("Elke zes weken intervisie, ook de onderwijsassistenten sluiten aan.",),
    },
    "pro-toepassing": {
        "low": ("Een kijkwijzer is er nog niet; we weten niet hoe het in andere groepen gaat.",),
        "high": (
            "Twee rondes met de kijkwijzer gehad; de uitkomsten zijn zonder namen besproken.",
        ),
    },
    "pro-taalgebruik": {
        "low": ("In de klas gebruiken we de spanningsmeter, op het plein en bij de gym niemand.",),
        "high": ("Overal hangt dezelfde spanningsmeter, en we zeggen allemaal ‘even naar groen’.",),
    },
    "pro-lesgeven": {
        "low": ("Aan de instructie is nog niets veranderd; het gaat vooral over gedrag.",),
        "high": (
            "Dagplanning op het bord, korte stappen en elke les een succesmoment: dat zie je in bijna elke groep.",
        ),
    },
    "pro-invalkaart": {
        "low": ("Een invaller krijgt alleen het rooster; wat helpt, staat nergens.",),
        "high": (
            "In elke groep ligt een invalkaart van één A4, de laatste is in oktober bijgewerkt.",
        ),
    },
    "pro-inwerken": {
        "low": ("Nieuwe collega's horen pas na maanden wat TSO inhoudt.",),
        "high": ("In het inwerkprogramma zit een gesprek met iemand van de werkgroep.",),
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
    "imp-nulmeting": {
        "low": ("Elke bouw registreert incidenten op zijn eigen manier.",),
        "high": (
            "Eén registratieformulier voor de hele school, en de cijfers van vorig jaar staan als nulmeting in het plan.",
        ),
    },
    "imp-vrijheidsbeperking": {
        "low": ("Over vasthouden of afzonderen is niets op papier gezet.",),
        "high": (
            "Het protocol fysiek ingrijpen is herschreven; de afgesloten time-outruimte is weg.",
        ),
    },
    "imp-onthulling": {
        "low": ("Als een kind iets vertelt, weet ik niet precies wat ik dan moet doen.",),
        "high": (
            "Met een casus geoefend wat je zegt als een kind iets vertelt; iedereen kent de aandachtsfunctionaris.",
        ),
    },
    "imp-rustplek": {
        "low": ("De rustplek is er al, maar afspraken over het gebruik nog niet.",),
        "high": (
            "Op één A4 staat waarvoor de rustplek is en hoe een leerling terugkomt in de groep.",
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
    "imp-breinlessen": {
        "low": ("Alleen in groep 7 zijn er lessen over stress gegeven.",),
        "high": ("Elke groep krijgt in september de lessen over stress en het brein.",),
    },
    "imp-relatiecheck": {
        "low": ("We weten niet welke leerlingen niemand op school hebben om naar toe te gaan.",),
        "high": (
            "Relatiecheck in elke groepsbespreking; drie leerlingen hebben nu een vaste volwassene.",
        ),
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
    "imp-buitendeklas": {
        "low": ("Op het plein en bij het overblijven gelden nog de oude regels.",),
        "high": (
            "De overblijfkrachten gebruiken dezelfde woorden, en op het plein is een rustige hoek.",
        ),
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
    "lei-startbesluit": {
        "low": ("Het besluit om te starten is nergens opgeschreven.",),
        "high": (
            "Besluit, raming en voorwaarden staan in een notitie die ook naar MR en bestuur ging.",
        ),
    },
    "lei-visie": {
        "low": ("Een gedeelde visie op TSO is er nog niet; iedereen vult het anders in.",),
        "high": ("Visie is op de studiedag samen geschreven en gedeeld met de MR.",),
    },
    "lei-inwerkgroep": {
        "low": ("De directeur komt alleen als het over geld gaat.",),
        "high": ("De directeur zit bij elke werkgroepvergadering.",),
    },
    "lei-prioriteit": {
        "low": ("Er lopen dit jaar nog drie andere projecten die om dezelfde tijd vragen.",),
        "high": ("Twee andere projecten zijn uitgesteld zodat er ruimte is voor TSO.",),
    },
    "lei-achterwachtrooster": {
        "low": ("Het rooster hangt er, maar als je belt komt er vaak niemand.",),
        "high": ("Per dagdeel is duidelijk wie bijspringt, ook voor invallers.",),
    },
    "lei-calamiteiten": {
        "low": ("Het rouwprotocol is van jaren geleden en niemand kent het.",),
        "high": (
            "Na het overlijden van een vader vorig jaar werkte het protocol: iedereen wist wat hij moest doen.",
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
    "lei-nazorg": {
        "low": ("Na een heftig incident moet je zelf om een gesprek vragen.",),
        "high": (
            "Na het vasthouden van een leerling had ik dezelfde middag een gesprek met de IB'er.",
        ),
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
    "bet-ouderinformatie": {
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
    "bet-ouderuitleg": {
        "low": ("Ouders kennen de spanningsmeter niet.",),
        "high": ("Samen met het wijkteam een ouderbijeenkomst over stress gehouden.",),
    },
    "bet-cultuursensitief": {
        "low": ("Bij gesprekken met nieuwkomers tolkt een broertje of zusje.",),
        "high": (
            "Bij gesprekken is een tolk, en de uitleg over de spanningsmeter is er in vier talen.",
        ),
    },
    "bet-structureel": {
        "low": ("De afspraken met zorgpartners worden nooit samen geëvalueerd.",),
        "high": ("Eén keer per jaar evalueren we met de zorgpartners, met een verslag.",),
    },
    "bet-nieuwkomers": {
        "low": ("In de schoolgids en op de website staat nog niets over TSO.",),
        "high": ("In het kennismakingsgesprek met nieuwe ouders komt TSO altijd aan bod.",),
    },
    # --- draagvlak -------------------------------------------------------------------------
    "dra-urgentie": {
        "low": ("Een deel van het team ziet niet waarom dit nodig is.",),
        "high": ("In tweetallen voorbeelden uit de eigen groep besproken; iedereen herkende het.",),
    },
    "dra-teampeiling": {
        "low": ("Er is nooit gevraagd wat we al weten en of we hier ruimte voor hebben.",),
        "high": (
            "Eén korte vragenlijst over kennis, motivatie en werkdruk; de uitslag is besproken.",
        ),
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

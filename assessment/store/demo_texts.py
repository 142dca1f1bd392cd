"""Dutch texts of the demo: evidence notes per theme, notes with agreed values, action owners.

Written as a school team would write them. They never name a pupil or a colleague.
"""

from __future__ import annotations

NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "professionalisering": {
        "low": (
            "Alleen de werkgroep heeft de startbijeenkomst gevolgd; de rest van het team nog niet.",
            "Er is een studiedag geweest, maar daarna is er niets meer mee gedaan.",
            "Nieuwe collega's horen pas na maanden wat TSO inhoudt.",
            "In de leerlingbespreking gaat het nog vooral over gedrag, niet over wat erachter zit.",
        ),
        "high": (
            "Het hele team heeft de basistraining gevolgd, ook de conciërge en de overblijfkrachten.",
            "Elke maand intervisie met casussen uit de eigen groepen.",
            "De TSO-coach komt twee keer per jaar observeren en bespreekt het daarna met je.",
            "In het inwerkprogramma zit een gesprek met iemand van de werkgroep.",
        ),
    },
    "implementatieplanning": {
        "low": (
            "Er is wel een werkgroep, maar zonder uren in het taakbeleid.",
            "Het plan staat in grote lijnen op papier; doelen en eigenaren ontbreken nog.",
            "Ons gedragsprotocol is nog het oude, met straf als eerste stap.",
            "We kijken niet op vaste momenten naar gegevens; het blijft bij een gevoel.",
        ),
        "high": (
            "Taakuren en scholingsbudget voor TSO staan in het jaarplan.",
            "Het protocol is herschreven: eerst reguleren, dan praten, en altijd herstel na een incident.",
            "Elke periode bespreekt de werkgroep incidenten, verzuim en de veiligheidsmonitor.",
            "Leerlingen die meer nodig hebben, hebben een signaleringsplan dat samen met ouders is gemaakt.",
        ),
    },
    "leiderschap": {
        "low": (
            "De directie steunt het wel, maar in het MT komt het zelden op de agenda.",
            "Er lopen dit jaar nog drie andere projecten die om dezelfde tijd vragen.",
            "Na een heftig incident moet je zelf om een gesprek vragen.",
            "Een gedeelde visie op TSO is er nog niet; iedereen vult het anders in.",
        ),
        "high": (
            "De directeur zit in de werkgroep en was bij alle trainingsdagen.",
            "TSO staat elke maand op de MT-agenda, met de voortgang van het plan.",
            "Na een incident volgt binnen een dag een kort nagesprek met de leidinggevende.",
            "De directie laat zelf zien hoe je rustig blijft in lastige gesprekken met ouders.",
        ),
    },
    "betrekken": {
        "low": (
            "Ouders weten nog niet wat TSO is; er stond één keer iets over in de nieuwsbrief.",
            "Met het wijkteam hebben we geen vaste afspraken, het hangt af van wie je kent.",
            "Leerlingen is nog niet gevraagd wat hen helpt om rustig te worden.",
            "Bij de intake vragen we niet naar ingrijpende gebeurtenissen.",
        ),
        "high": (
            "Er is een ouderavond over TSO geweest, die goed bezocht werd.",
            "Vaste contactpersonen bij het wijkteam en de jeugd-ggz, met korte lijntjes.",
            "In alle groepen zijn lessen gegeven over stress en wat er dan in je hoofd gebeurt.",
            "Ouders denken mee over het plan van hun kind en evalueren het twee keer per jaar.",
        ),
    },
    "draagvlak": {
        "low": (
            "Een deel van het team ziet TSO nog als 'geen grenzen meer stellen'.",
            "In de teamvergadering is er weerstand, maar daar wordt weinig mee gedaan.",
            "Per groep verschilt het sterk hoe collega's met onrust omgaan.",
            "Het draait nu op twee enthousiaste collega's; als zij weggaan, stopt het.",
        ),
        "high": (
            "In elke teamvergadering delen we een kort succesverhaal uit de groepen.",
            "Het team heeft zelf meegekozen welke afspraken we schoolbreed maken.",
            "Nieuwe collega's merken snel dat dit is 'hoe wij het hier doen'.",
            "Na elke feedbackronde laat de werkgroep zien wat er met de inbreng is gedaan.",
        ),
    },
    "": {
        "low": (
            "Hier zijn we nog niet echt mee begonnen.",
            "Er is over gesproken, maar het staat nog niet op papier.",
            "Gebeurt af en toe, niet structureel.",
            "Hangt erg af van de collega.",
        ),
        "high": (
            "Staat in het jaarplan en gebeurt ook echt.",
            "Dit is inmiddels vanzelfsprekend bij ons.",
            "Zien we terug bij de groepsbezoeken.",
            "Wordt twee keer per jaar geëvalueerd.",
        ),
    },
}

DONT_KNOW_NOTES = (
    "Weet ik niet, dit speelt vooral in de werkgroep.",
    "Hier heb ik vanuit mijn functie geen zicht op.",
    "Geen idee of dit al is vastgelegd.",
    "Nooit iets over gehoord, dus waarschijnlijk nog niet?",
)

AGREED_NOTES = (
    "Besproken in de werkgroep: het is gestart, maar nog niet in alle groepen zichtbaar.",
    "Het verschil zat vooral tussen onder- en bovenbouw; we houden de lagere score aan tot het "
    "overal loopt.",
    "Na uitleg van de intern begeleider bleek er meer te gebeuren dan de meesten dachten.",
    "De werkgroep ziet het in de plannen, het team merkt het nog niet in de klas.",
    "Afgesproken: pas een 2 als het ook in het jaarplan staat.",
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

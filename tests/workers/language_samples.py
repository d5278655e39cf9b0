"""Short news paragraphs in nine languages, written for these tests (never copied from a site).

Each entry is (ISO 639-1 code, text). The English ones include the hard cases: English prose
full of foreign names, places and organisations, which must stay English.
"""

from __future__ import annotations

SAMPLES: tuple[tuple[str, str], ...] = (
    # --- English, including prose full of foreign names -----------------------------------
    ("en", "The finance ministry said on Tuesday that inflation fell to 3.1% in October, the "
           "lowest level in two years."),
    ("en", "Police in the northern city arrested 14 people after clashes outside the stadium, "
           "a spokesperson told reporters."),
    ("en", "Andrés Manuel López Obrador and Claudia Sheinbaum met in the Palacio Nacional "
           "with officials from Petróleos Mexicanos on Monday."),
    ("en", "Speaking in São Paulo, Luiz Inácio Lula da Silva said Brazil would double "
           "spending on the Amazon fund."),
    ("en", "The Bundesbank and the Banque de France both warned that growth in the euro zone "
           "would slow next year."),
    ("en", "Jean-Luc Mélenchon, leader of La France Insoumise, told supporters in Marseille "
           "that the pension reform had cost workers dearly."),
    ("en", "Officials in Guadalajara, Jalisco, said the Cártel de Jalisco Nueva Generación "
           "controlled most of the routes."),
    ("en", "Turnout reached 68 percent, according to the electoral commission."),
    ("en", "Unemployment rose for a third month."),
    ("en", "Prices are up 40% since 2020, the company said in a statement."),
    ("en", "Wojciech Nowak of Prawo i Sprawiedliwość said the vote in the Sejm was rigged."),
    # --- Spanish ---------------------------------------------------------------------------
    ("es", "La violencia ha dejado más de 450.000 personas muertas en México en casi dos "
           "décadas, según cifras oficiales."),
    ("es", "El ministerio de Hacienda informó el martes que la inflación bajó al 3,1% en "
           "octubre, su nivel más bajo en dos años."),
    ("es", "La presidenta dijo que nunca aceptará la presencia de tropas extranjeras en el "
           "territorio nacional."),
    ("es", "Los precios de la vivienda subieron un 7% el año pasado en Madrid y Barcelona."),
    ("es", "El gobierno anunció un plan para construir diez hospitales antes de 2027."),
    ("es", "La policía detuvo a catorce personas tras los enfrentamientos."),
    # --- French ----------------------------------------------------------------------------
    ("fr", "Le ministère des Finances a indiqué mardi que l'inflation était tombée à 3,1 % en "
           "octobre, son plus bas niveau depuis deux ans."),
    ("fr", "Le gouvernement a promis de construire dix hôpitaux d'ici 2027, selon le "
           "porte-parole."),
    ("fr", "La police a arrêté quatorze personnes après des heurts devant le stade."),
    ("fr", "Le chômage a augmenté pour le troisième mois consécutif dans la région."),
    ("fr", "Selon le syndicat, plus de la moitié des enseignants étaient en grève jeudi."),
    ("fr", "Les prix de l'énergie ont doublé en un an, a déclaré la ministre."),
    # --- German ----------------------------------------------------------------------------
    ("de", "Das Finanzministerium teilte am Dienstag mit, die Inflation sei im Oktober auf "
           "3,1 Prozent gesunken."),
    ("de", "Die Regierung will bis 2027 zehn neue Krankenhäuser bauen, sagte ein Sprecher."),
    ("de", "Die Polizei nahm nach den Ausschreitungen vor dem Stadion vierzehn Menschen fest."),
    ("de", "Die Arbeitslosigkeit ist den dritten Monat in Folge gestiegen."),
    ("de", "Nach Angaben der Gewerkschaft streikte am Donnerstag mehr als die Hälfte der "
           "Lehrer."),
    ("de", "Die Energiepreise haben sich innerhalb eines Jahres verdoppelt, sagte die "
           "Ministerin."),
    # --- Portuguese ------------------------------------------------------------------------
    ("pt", "O Ministério da Fazenda informou na terça-feira que a inflação caiu para 3,1% em "
           "outubro, o menor nível em dois anos."),
    ("pt", "O governo prometeu construir dez hospitais até 2027, disse o porta-voz."),
    ("pt", "A polícia prendeu catorze pessoas depois dos confrontos em frente ao estádio."),
    ("pt", "O desemprego subiu pelo terceiro mês consecutivo, segundo o instituto."),
    ("pt", "Os preços da energia dobraram em um ano, afirmou a ministra."),
    ("pt", "Mais da metade dos professores aderiu à greve nesta quinta-feira."),
    # --- Italian ---------------------------------------------------------------------------
    ("it", "Il ministero dell'Economia ha comunicato martedì che l'inflazione è scesa al 3,1% "
           "a ottobre, il livello più basso da due anni."),
    ("it", "Il governo ha promesso di costruire dieci ospedali entro il 2027, ha detto il "
           "portavoce."),
    ("it", "La polizia ha arrestato quattordici persone dopo gli scontri davanti allo stadio."),
    ("it", "La disoccupazione è aumentata per il terzo mese consecutivo."),
    ("it", "Secondo il sindacato, più della metà degli insegnanti ha scioperato giovedì."),
    ("it", "I prezzi dell'energia sono raddoppiati in un anno, ha dichiarato la ministra."),
    # --- Dutch -----------------------------------------------------------------------------
    ("nl", "Het ministerie van Financiën meldde dinsdag dat de inflatie in oktober is gedaald "
           "tot 3,1 procent."),
    ("nl", "De regering wil voor 2027 tien nieuwe ziekenhuizen bouwen, zei een woordvoerder."),
    ("nl", "De politie heeft na de rellen bij het stadion veertien mensen aangehouden."),
    ("nl", "De werkloosheid is voor de derde maand op rij gestegen."),
    ("nl", "Volgens de vakbond staakte donderdag meer dan de helft van de leraren."),
    # --- Polish ----------------------------------------------------------------------------
    ("pl", "Ministerstwo Finansów poinformowało we wtorek, że inflacja spadła w październiku "
           "do 3,1 procent."),
    ("pl", "Rząd zapowiedział budowę dziesięciu nowych szpitali do 2027 roku."),
    ("pl", "Policja zatrzymała czternaście osób po zamieszkach przed stadionem."),
    ("pl", "Bezrobocie wzrosło trzeci miesiąc z rzędu, podał urząd statystyczny."),
    ("pl", "Według związku zawodowego ponad połowa nauczycieli strajkowała w czwartek."),
    # --- Czech -----------------------------------------------------------------------------
    ("cs", "Ministerstvo financí v úterý oznámilo, že inflace v říjnu klesla na 3,1 procenta."),
    ("cs", "Vláda slíbila do roku 2027 postavit deset nových nemocnic, řekl mluvčí."),
    ("cs", "Policie po výtržnostech před stadionem zadržela čtrnáct lidí."),
    ("cs", "Nezaměstnanost vzrostla už třetí měsíc po sobě."),
    ("cs", "Podle odborů stávkovala ve čtvrtek více než polovina učitelů."),
)  # fmt: skip

# Too short to tell: the detector answers "undetermined" (None) and the declared language stands.
TOO_SHORT: tuple[str, ...] = ("", "   ", "OK.", "Madrid", "450.000", "“No.”", "BREAKING", "12%")

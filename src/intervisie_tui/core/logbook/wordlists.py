"""Small word lists for the share export, folded (lower case, no diacritics).

- STOP: Dutch and English words that may stand capitalised in a sentence without
  being a name (`I`, `Monday`, our own labels); never reported as "looks like a name".
- COMMON: ordinary words that are also first names or surnames (`roos`, `wil`,
  `groot` of `de Groot`); such a name part is replaced only when written with a
  capital, so "een groot probleem" stays as it is.
- TITLES and NOUNS: what stands before a client's name (`mevrouw Jansen`,
  `cliënt K.`). After a title a lower-case word is still suspect (`mevrouw jansen`);
  after a noun only a capitalised one counts (`de cliënt vertelde` is no name).
- GENERIC: words of a group name that do not identify it (`Team`, `Zorg`).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP_NL = _words(
    """
    de het een en of maar dus want omdat als dan toen dat die dit deze wat wie waar wanneer
    hoe waarom welke welk ik jij je u hij zij ze wij we jullie hun hen mij me mijn jouw jou
    zijn haar ons onze uw er hier daar niet geen wel ook nog al alle alles iets niets iemand
    niemand veel weinig meer minder heel erg zeer op in aan bij met van voor na naar uit over
    onder tussen door tegen zonder om tot sinds per via binnen buiten is was waren ben bent
    heeft hebben had hadden wordt worden werd kan kunnen kon moet moeten moest wil willen
    wilde zal zullen zou zouden mag mogen doe doen deed ga gaan ging kom komen kwam zie zien
    zag weet weten wist vind vinden vond denk denken dacht zeg zeggen zei vertelde vroeg gaf
    belde maak maken maakte laat laten liet blijf blijven bleef krijg krijgen kreeg ja nee
    misschien soms vaak altijd nooit nu straks morgen gisteren vandaag eerst daarna later
    toch juist zelfs alleen samen elkaar zich zelf eigen ander andere anders elk elke ieder
    iedere iedereen allemaal beide enkele sommige sommigen graag goed beter best slecht
    nieuwe nieuw oude eerste tweede derde laatste volgende vorige week maand jaar dag
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april
    mei juni juli augustus september oktober november december hoi hallo dank bedankt oke
    ok zo nou tja ach he inbrenger inbrengers tijdbewaker voorzitter lid leden deelnemer
    deelnemers client clienten cliente team groep intervisie actie acties inzicht inzichten
    vraag hulpvraag casus advies ronde stap notitie afspraak afspraken idee tip punt
    """
)
_STOP_EN = _words(
    """
    i i'm i've i'd i'll me my mine you your yours he him his she her hers it its we us our
    ours they them their theirs a an the and or but so because if then when while that
    this these those what who whom whose which where why how not no yes also too very all
    any some each every both few many much more most other another such only own same in
    on at by for with about against between into through during before after above below
    to from up down out off over under again further once here there is are was were be
    been being have has had having do does did doing will would shall should can could may
    might must ok okay hi hello thanks monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november
    december dutch english member members presenter timekeeper chair client clients team
    group action actions insight insights question case advice round step note
    """
)
STOP = _STOP_NL | _STOP_EN

COMMON: dict[str, frozenset[str]] = {
    "nl": _STOP_NL
    | _words(
        """
        groot klein jong oud wit zwart rood blauw groen bruin grijs goud zilver boer bakker
        visser koning kok prins graaf hoek berg dijk bos beek meer zee dam veen brink hof
        horst laan weg straat huis school kerk molen steen haan vos wolf leeuw arend haas
        kat hond vink schaap roos iris fleur lot mus hart stam kool post noord zuid oost
        west heer mens kort lang sterk job bas jet kim mark frank hans
        """
    ),
    "en": _STOP_EN
    | _words(
        """
        will bill mark frank rose may june grace hope faith joy art sky ruby pearl summer
        dawn eve rob jack sue pat max ray guy gene victor young white black brown green
        gray grey king smith baker miller cook hunter bishop wolf fox
        """
    ),
}

TITLES = _words(
    """
    mevrouw mevr mw mvr meneer mnr dhr heer juffrouw juf mr mrs ms mx miss mister madam
    madame
    """
)
NOUNS = _words(
    """
    client cliente patient patiente bewoner bewoonster leerling student pupil dokter
    meester
    """
)

GENERIC = _words(
    """
    team teams groep intervisie intervisiegroep afdeling zorg onderwijs school locatie wijk
    regio de het van en voor in op der den group the of and for care
    """
)

ABBREVIATIONS = _words(
    """
    bv bijv ca dhr mw mevr mvr mnr mr mrs ms dr drs ir ing nr blz zgn evt etc vs eg ie resp
    jl vlg o.a oa
    """
)
"""Words before a full stop that does not end a sentence."""

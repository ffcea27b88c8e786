"""Messages of the cli_help area (nl): the texts of `intervisie ... --help`.

Every text is unique within its language: cli/help_text.py finds a key back by
its text when help built in one language is shown in the other.
"""

MESSAGES: dict[str, str] = {
    # shared options and arguments
    "cli.help.app": "Intervisie: de tijdbewaker voor je intervisiesessie. Zonder opdracht opent het startscherm.",
    "cli.help.lang": "Taal van het programma: nl of en.",
    "cli.help.methods_dir": "Extra map met methodebestanden (mag vaker).",
    "cli.help.log_dir": "Map voor de verslagen.",
    "cli.help.log_root": "Map met voor elke groep een map met verslagen (standaard: INTERVISIE_LOG_DIR).",
    "cli.help.remind": "Herinnering bij uitloop: na elke MIN minuten uitloop een zacht signaal (0: geen).",
    "cli.help.sound": "Signaalgeluid: chime (belletje), bell (belsignaal van de terminal) of off (geen geluid).",
    "cli.help.quiet": "Geen geluid (hetzelfde als --sound off).",
    "cli.help.version": "Toon het versienummer.",
    "cli.help.methods.show.target": "Id van de methode (bijvoorbeeld incidentmethode) of het pad van een methodebestand.",
    "cli.help.method_id": "Id van de methode, bijvoorbeeld incidentmethode.",
    "cli.help.group_name": "Naam van de groep.",
    # intervisie run / resume
    "cli.help.run": "Start een sessie; slaat het startscherm over als alles is opgegeven.",
    "cli.help.run.participants": 'Namen van de deelnemers, met komma\'s ertussen: "An,Bo,Cor".',
    "cli.help.run.role": "Wie welke rol heeft: rol=Naam, bijvoorbeeld inbrenger=An (mag vaker).",
    "cli.help.run.rounds": "Aantal rondes van een blok waarvan je het aantal bij het instellen kiest, bijvoorbeeld --rounds casusronde=4 (zie methods show).",
    "cli.help.run.case": "Titel van de casus.",
    "cli.help.run.question": "De hulpvraag van de inbrenger.",
    "cli.help.run.force": "Begin ook als de groep groter of kleiner is dan de methode aangeeft.",
    "cli.help.resume": "Ga verder met een onderbroken sessie, precies waar die stopte.",
    "cli.help.resume.session_id": "Id van de sessie; zonder id de laatst onderbroken sessie.",
    "cli.help.resume.as_pause": "Tel de tijd dat het programma dicht was als pauze.",
    # intervisie doctor
    "cli.help.doctor": "Versies, mappen, terminal en methodebestanden die niet laden: plak dit als je om hulp vraagt.",
    # intervisie methods ...
    "cli.help.methods": "Methodes: overzicht, details, controleren en een nieuwe maken.",
    "cli.help.methods.list": "Alle beschikbare methodes, daarna de bestanden die niet te laden zijn.",
    "cli.help.methods.list.json": "Als JSON-lijst: id, name, phases, total_minutes, path.",
    "cli.help.methods.show": "Eén methode in detail: stappen met hun duur, rondes, rollen, vragen en rondjes.",
    "cli.help.methods.validate": "Controleer methodebestanden; exitcode 0 als alles klopt, anders 1.",
    "cli.help.methods.validate.targets": "Methodebestanden of mappen.",
    "cli.help.methods.new": "Maak een nieuwe methode: een sjabloon met uitleg in je eigen methodemap, meteen gecontroleerd.",
    "cli.help.methods.new.id": "Id van de nieuwe methode, bijvoorbeeld mijn-methode.",
    "cli.help.methods.schema": "Toon het JSON-schema van een methodebestand (voor editors).",
    # intervisie log ...
    "cli.help.log": "Verslagen: overzicht, lezen, delen en importeren.",
    "cli.help.log.group": "Alleen deze groep.",
    "cli.help.log.list": "Alle verslagen: datum, groep, methode, inbrenger en open actiepunten.",
    "cli.help.log.list.json": "Als JSON-lijst, één object per verslag.",
    "cli.help.log.show": "Toon een verslag in de terminal (zonder bestand het nieuwste).",
    "cli.help.log.show.target": "Een verslagbestand, of `latest` voor het nieuwste.",
    "cli.help.log.export": "Een samenvatting om te delen: methode, datum, inzichten en actiepunten; zonder casus en namen.",
    "cli.help.log.export.file": "Het verslag om samen te vatten.",
    "cli.help.log.export.share": "De deelbare samenvatting (verplicht).",
    "cli.help.log.export.keep_names": "Laat de namen staan in plaats van alleen de rollen.",
    "cli.help.log.export.output": "Schrijf naar dit nieuwe bestand.",
    "cli.help.log.import": "Controleer een verslag en zet het bij de juiste groep, zodat terugblik en rolverdeling kloppen.",
    "cli.help.log.import.file": "Een verslag dat een collega je stuurde.",
    # intervisie group ...
    "cli.help.group": "Intervisiegroepen: groepsbestand en aanwezigheid.",
    "cli.help.group.show": "Doel, afspraken en onderwerpen van de groep, en wie hoe vaak aanwezig was.",
    "cli.help.group.months": "Periode in maanden.",
    "cli.help.group.schema": "Toon het JSON-schema van groep.yaml (voor editors).",
}

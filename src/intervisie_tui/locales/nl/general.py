"""Dutch messages (the default language). Keys are grouped by area."""

MESSAGES: dict[str, str] = {
    # general
    "app.title": "Intervisie",
    "error.prefix": "Fout",
    "error.unexpected": "Onverwachte fout ({error}). Alles wat op het scherm bevestigd was, is bewaard; details in {report}",
    "cli.bad_lang": "onbekende taal '{lang}': kies nl of en",
    "cli.no_terminal": "het scherm heeft een terminal nodig (start intervisie in een terminalvenster)",
    "cli.bad_role": "'{value}' is geen rol=naam (bijvoorbeeld inbrenger=An)",
    "cli.bad_sound": "onbekend geluid '{sound}': kies chime, bell of off",
    "cli.nothing_to_resume": "er is geen onderbroken sessie om mee verder te gaan",
    "cli.size_force": "{problem}; toch beginnen: voeg --force toe",
    # plan: steps the app adds around a method
    "plan.followup.name": "Terugblik",
    "plan.followup.instruction": "Wat is er gedaan met de actiepunten en adviezen van de vorige keer?",
    "plan.evaluation.name": "Evaluatie van de bijeenkomst",
    "plan.evaluation.instruction": "Was de bijeenkomst de moeite waard? Wat ging goed, wat kan beter?",
    # setup problems
    "setup.participant_count": "{count} deelnemers: {method} is voor {min} tot {max} deelnemers",
    "setup.duplicate_name": "de naam '{name}' staat er twee keer in",
    "setup.unknown_role": "de methode kent geen rol '{role}'",
    "setup.unknown_participant": "'{name}' ({role}) staat niet in de lijst van deelnemers",
    "setup.role_empty": "de rol {role} heeft minstens {min} persoon nodig (nu {count})",
    "setup.role_too_many": "de rol {role} is voor hooguit {max} persoon (nu {count})",
    "setup.role_clash": "'{name}' kan niet tegelijk {roles} zijn: wie {exclusive} is, heeft geen andere rol",
    "setup.and": " en ",
    "setup.nobody": "typ de namen van de deelnemers",
    "setup.no_case": "{method} heeft geen casus en geen hulpvraag: iedereen brengt een eigen vraag mee",
    "setup.line_break": "{field} mag geen regelovergang bevatten: houd het op één regel",
    "setup.control_character": "{field} bevat een stuurteken ({char}); dat kan de terminal overnemen: haal het weg",
    "setup.field.group": "de naam van de groep",
    "setup.field.case": "de titel van de casus",
    "setup.field.participant": "een naam van een deelnemer",
    "setup.field.question": "de hulpvraag",
    "setup.group_empty": "geef de groep een naam",
    "setup.group_too_long": "de naam van de groep is te lang (hooguit {max} tekens)",
}

"""Messages of the session area (nl): the runner, the journal and resuming."""

MESSAGES: dict[str, str] = {
    # commands that cannot be done now
    "session.already_started": "de sessie is al gestart",
    "session.not_started": "de sessie is nog niet gestart",
    "session.finished": "de sessie is al afgerond",
    "session.not_running": "de tijd loopt niet, dus pauzeren kan niet",
    "session.not_paused": "de sessie staat niet op pauze",
    "session.last_step": "dit is de laatste stap: rond de sessie af",
    "session.first_step": "dit is de eerste stap: er is geen vorige",
    "session.bad_step": "stap {index} bestaat niet (de sessie heeft {count} stappen)",
    "session.adjust_too_much": "zoveel tijd kan er niet af: de stap zou korter dan nul worden",
    "session.unknown_entry": "notitie '{id}' bestaat niet (meer)",
    "session.empty_text": "er is geen tekst ingevuld",
    "session.bad_change": "'{field}' kan bij deze notitie niet worden aangepast",
    "session.bad_value": "ongeldige waarde voor '{field}'",
    "session.unknown_participant": "'{name}' is geen deelnemer van deze sessie",
    "session.unknown_followup": "actiepunt '{key}' staat niet in de terugblik",
    "session.bad_decision": "onbekend besluit '{decision}': kies afgerond, loopt door of vervalt",
    "session.closed": "deze sessie is gesloten",
    "session.cannot_store": "De sessie kan niet worden opgeslagen in {folder} ({error}); er is nog niets gebeurd",
    "session.save_failed": "opslaan is mislukt, er is niets veranderd ({error})",
    "session.invalid_setup": "deze sessie kan niet starten: {problem}",
    # setup checks added with the engine (the other setup.* keys are in general.py)
    "setup.blank_name": "een deelnemer heeft geen naam",
    # sessions on disk
    "session.locked": "sessie {id} is al geopend in een ander venster of programma",
    "session.lock_failed": "sessie {id} kan niet worden vergrendeld ({error})",
    "session.not_found": "er is geen onderbroken sessie '{id}'",
    "session.bad_id": "'{id}' is geen geldige sessiecode",
    "session.already_finished": "sessie {id} is al afgerond en kan niet worden hervat",
    "session.journal_unreadable": "het sessiebestand {path} kan niet worden gelezen ({error})",
    "session.journal_bad_header": "het sessiebestand {path} is beschadigd: de eerste regel is onleesbaar",
    "session.journal_corrupt": "het sessiebestand {path} is beschadigd op regel {line}",
    "session.journal_newer": "het sessiebestand {path} is gemaakt met een nieuwere versie van dit programma",
    "session.journal_torn": "de laatste regel van het sessiebestand (regel {line}) was half geschreven en is overgeslagen",
    "session.clock_back": "de klok van de computer is teruggezet; de onderbreking telt als 0 minuten",
}

"""Messages of the session area (en): the runner, the journal and resuming."""

MESSAGES: dict[str, str] = {
    # commands that cannot be done now
    "session.already_started": "the session has already started",
    "session.not_started": "the session has not started yet",
    "session.finished": "the session is already finished",
    "session.not_running": "the clock is not running, so there is nothing to pause",
    "session.not_paused": "the session is not paused",
    "session.last_step": "this is the last step: finish the session",
    "session.first_step": "this is the first step: there is no previous one",
    "session.bad_step": "there is no step {index} (the session has {count} steps)",
    "session.adjust_too_much": "cannot take that much time away: the step would be shorter than zero",
    "session.unknown_entry": "entry '{id}' does not exist (any more)",
    "session.empty_text": "no text was entered",
    "session.bad_change": "'{field}' cannot be changed on this entry",
    "session.bad_value": "invalid value for '{field}'",
    "session.unknown_participant": "'{name}' is not a participant of this session",
    "session.unknown_followup": "action item '{key}' is not in the look-back",
    "session.bad_decision": "unknown decision '{decision}': choose done, continued or dropped",
    "session.closed": "this session is closed",
    "session.cannot_store": "The session cannot be saved in {folder} ({error}); nothing has happened yet",
    "session.save_failed": "saving failed, nothing was changed ({error})",
    "session.invalid_setup": "this session cannot start: {problem}",
    # setup checks added with the engine (the other setup.* keys are in general.py)
    "setup.blank_name": "a participant has no name",
    # sessions on disk
    "session.locked": "session {id} is already open in another window or program",
    "session.lock_failed": "session {id} cannot be locked ({error})",
    "session.not_found": "there is no interrupted session '{id}'",
    "session.bad_id": "'{id}' is not a valid session code",
    "session.already_finished": "session {id} is already finished and cannot be resumed",
    "session.journal_unreadable": "the session file {path} cannot be read ({error})",
    "session.journal_bad_header": "the session file {path} is damaged: its first line is unreadable",
    "session.journal_corrupt": "the session file {path} is damaged at line {line}",
    "session.journal_newer": "the session file {path} was made by a newer version of this program",
    "session.journal_torn": "the last line of the session file (line {line}) was half written and was skipped",
    "session.clock_back": "the computer's clock was set back; the interruption counts as 0 minutes",
}

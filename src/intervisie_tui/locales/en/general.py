"""English messages. Must have exactly the keys and placeholders of nl.py."""

MESSAGES: dict[str, str] = {
    # general
    "app.title": "Intervisie",
    "error.prefix": "Error",
    "error.unexpected": "Unexpected error ({error}). Everything confirmed on screen is kept; details in {report}",
    "cli.bad_lang": "unknown language '{lang}': choose nl or en",
    "cli.no_terminal": "the screen needs a terminal (start intervisie in a terminal window)",
    "cli.bad_role": "'{value}' is not role=name (for example inbrenger=An)",
    "cli.bad_sound": "unknown sound '{sound}': choose chime, bell or off",
    "cli.nothing_to_resume": "there is no interrupted session to continue",
    "cli.size_force": "{problem}; to start anyway, add --force",
    # plan: steps the app adds around a method
    "plan.followup.name": "Looking back",
    "plan.followup.instruction": "What became of the action items and advice from last time?",
    "plan.evaluation.name": "Evaluation of the meeting",
    "plan.evaluation.instruction": "Was the meeting worthwhile? What went well, what could be better?",
    # setup problems
    "setup.participant_count": "{count} participants: {method} is for {min} to {max} people",
    "setup.duplicate_name": "the name '{name}' appears twice",
    "setup.unknown_role": "the method has no role '{role}'",
    "setup.unknown_participant": "'{name}' ({role}) is not in the list of participants",
    "setup.role_empty": "the role {role} needs at least {min} person (now {count})",
    "setup.role_too_many": "the role {role} is for at most {max} person (now {count})",
    "setup.role_clash": "'{name}' cannot be {roles} at once: whoever is {exclusive} holds no other role",
    "setup.and": " and ",
    "setup.nobody": "type the names of the participants",
    "setup.no_case": "{method} has no case and no help question: everyone brings a question of their own",
    "setup.line_break": "{field} cannot contain a line break: keep it on one line",
    "setup.control_character": "{field} holds a control character ({char}) that can take over the terminal: remove it",
    "setup.field.group": "the group's name",
    "setup.field.case": "the case title",
    "setup.field.participant": "a participant's name",
    "setup.field.question": "the question",
    "setup.group_empty": "give the group a name",
    "setup.group_too_long": "the group name is too long (at most {max} characters)",
}

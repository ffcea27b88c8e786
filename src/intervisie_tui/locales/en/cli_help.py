"""Messages of the cli_help area (en): the texts of `intervisie ... --help`.

Same keys and placeholders as locales/nl/cli_help.py; every text unique.
"""

MESSAGES: dict[str, str] = {
    # shared options and arguments
    "cli.help.app": "Intervisie: timekeeper and session runner for peer consultation. Without a command, the setup screen opens.",
    "cli.help.lang": "Language of the app: nl or en.",
    "cli.help.methods_dir": "Extra folder with method files (repeatable).",
    "cli.help.log_dir": "Folder for session logs.",
    "cli.help.log_root": "Folder holding one folder of logs per group (default: INTERVISIE_LOG_DIR).",
    "cli.help.remind": "Overtime reminder: a soft alert every MIN minutes over time (0: none).",
    "cli.help.sound": "Alert sound: chime, bell (the terminal's bell) or off.",
    "cli.help.quiet": "No alert sounds (same as --sound off).",
    "cli.help.version": "Show the version.",
    "cli.help.methods.show.target": "Method id (e.g. incidentmethode) or the path of a method file.",
    "cli.help.method_id": "Method id, e.g. incidentmethode.",
    "cli.help.group_name": "Name of the group.",
    # intervisie run / resume
    "cli.help.run": "Run a session; skips the setup screen when everything needed is given.",
    "cli.help.run.participants": 'Names of the participants, comma-separated: "An,Bo,Cor".',
    "cli.help.run.role": "Who has which role: role=Name, e.g. inbrenger=An (repeatable).",
    "cli.help.run.rounds": "Rounds for a block whose number of rounds is chosen at setup, e.g. --rounds casusronde=4 (see methods show).",
    "cli.help.run.case": "Case title.",
    "cli.help.run.question": "The inbrenger's help question.",
    "cli.help.run.force": "Start even when the group is larger or smaller than the method is made for.",
    "cli.help.resume": "Continue an interrupted session exactly where it stopped.",
    "cli.help.resume.session_id": "Session id; default: the latest interrupted one.",
    "cli.help.resume.as_pause": "Count the time the app was closed as a pause.",
    # intervisie doctor
    "cli.help.doctor": "Versions, folders, terminal and broken method files: paste this when asking for help.",
    # intervisie methods ...
    "cli.help.methods": "Methods: list, show, validate and create one.",
    "cli.help.methods.list": "All methods on the search path, then the files that could not be loaded.",
    "cli.help.methods.list.json": "JSON array: id, name, phases, total_minutes, path.",
    "cli.help.methods.show": "Phases with durations, rounds, roles, prompts and go-arounds of one method.",
    "cli.help.methods.validate": "Check method files; exit code 0 when all are valid, 1 otherwise.",
    "cli.help.methods.validate.targets": "Method files or folders.",
    "cli.help.methods.new": "Write a commented template to your own methods folder and validate it.",
    "cli.help.methods.new.id": "Id of the new method, e.g. mijn-methode.",
    "cli.help.methods.schema": "Print the JSON Schema of a method file (for editors).",
    # intervisie log ...
    "cli.help.log": "Session logs: list, show, export and import.",
    "cli.help.log.group": "Only this group.",
    "cli.help.log.list": "Every session log: date, group, method, inbrenger and open action items.",
    "cli.help.log.list.json": "JSON array, one object a log.",
    "cli.help.log.show": "Show a session log in the terminal (the newest one by default).",
    "cli.help.log.show.target": "A log file, or `latest` for the newest.",
    "cli.help.log.export": "A summary to share: method, date, insights and action items; no case, no names.",
    "cli.help.log.export.file": "The session log to summarise.",
    "cli.help.log.export.share": "The shareable summary (required).",
    "cli.help.log.export.keep_names": "Keep names instead of roles only.",
    "cli.help.log.export.output": "Write to this new file.",
    "cli.help.log.import": "Check a log and file it under its group, so follow-up and role rotation continue.",
    "cli.help.log.import.file": "A log a colleague sent you.",
    # intervisie group ...
    "cli.help.group": "Intervisie groups: group file and attendance.",
    "cli.help.group.show": "The group's goal, agreements and topics, and who attended how often.",
    "cli.help.group.months": "Period in months.",
    "cli.help.group.schema": "Print the JSON Schema of groep.yaml (for editors).",
}

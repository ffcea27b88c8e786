"""The session log: Markdown written from the session state, and read back as history.

- markdown.py  escaping user text so any input stays valid CommonMark
- items.py     the action-item line and its stable identity (`<!-- id=... -->`)
- front.py     the YAML front matter
- render.py    SessionState -> Markdown
- files.py     atomic, private file writes; LogWriteError
- naming.py    group folders and log file names
- writer.py    LogWriter: the log of one session, rewritten after every change
- live.py      LiveLog: a LogWriter subscribed to the runner, errors kept for the UI
- parse.py     Markdown log -> LogRecord (hand edits respected)
- history.py   a group's history: open items, rotation, attendance
- share.py     the shareable summary (no case, no names)
- importer.py  file a log mailed by a colleague under its group

Modules are imported directly (`from intervisie_tui.core.logbook import history`);
this package itself imports nothing, so importing one part stays cheap.
"""

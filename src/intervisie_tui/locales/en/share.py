"""Messages of the share export (en): replacement labels, `log export --check`, the review screen."""

MESSAGES: dict[str, str] = {
    # what names are replaced by (in the session's language)
    "share.name": "[name]",
    "share.group": "[group]",
    "share.client": "client",
    "share.client_n": "client {number}",
    # intervisie log export
    "cli.help.log.export.check": "First show what will be shared, with what still looks like a name between >> <<; exits with code 1 while anything does (with --output, writes only when nothing looks like a name).",
    "cli.help.log.export.redact": "Also hide this word or name (repeatable).",
    "cli.help.log.export.allow": "This word is no name: stop reporting it (repeatable).",
    "cli.help.log.export.log_dir": "Folder of the logs; the group's earlier sessions supply the names.",
    "cli.share.mark_open": ">>",
    "cli.share.mark_close": "<<",
    "cli.share.suspects_one": "1 word still looks like a name: {words}. Hide it with --redact WORD, or give --allow WORD if it is no name; nothing was written.",
    "cli.share.suspects": "{count} words still look like a name: {words}. Hide them with --redact WORD, or give --allow WORD if they are no names; nothing was written.",
    "cli.share.clean": "Nothing left that looks like a name: ready to share.",
    "cli.share.warning_one": "note: 1 word still looks like a name ({words}); look at it with --check",
    "cli.share.warning": "note: {count} words still look like a name ({words}); look at them with --check",
    # the review screen
    "share.review.title": "This will be shared: replaced names underlined, what still looks like a name reversed",
    "share.review.placeholder": "Word or name to hide, enter",
    "share.review.suspects_one": "1 word still looks like a name: {words}",
    "share.review.suspects": "{count} words still look like a name: {words}",
    "share.review.clean": "Nothing left that looks like a name.",
    "share.review.redacted": "Also hidden: {words}",
    "share.review.target": "Save as {path}",
    "share.review.exists": "{path} already exists; nothing was overwritten",
    "share.review.failed": "not saved: {reason}",
    "share.review.key.save": "Save",
    "share.review.key.cancel": "Cancel",
}

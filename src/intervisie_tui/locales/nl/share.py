"""Messages of the share export (nl): replacement labels, `log export --check`, the review screen."""

MESSAGES: dict[str, str] = {
    # what names are replaced by (in the session's language)
    "share.name": "[naam]",
    "share.group": "[groep]",
    "share.client": "cliënt",
    "share.client_n": "cliënt {number}",
    # intervisie log export
    "cli.help.log.export.check": "Laat eerst zien wat gedeeld wordt, met wat nog op een naam lijkt tussen >> <<; stopt met code 1 zolang er iets staat (schrijft met --output alleen als niets meer op een naam lijkt).",
    "cli.help.log.export.redact": "Verberg ook dit woord of deze naam (mag vaker).",
    "cli.help.log.export.allow": "Dit woord is geen naam: niet meer melden (mag vaker).",
    "cli.help.log.export.log_dir": "Map met de verslagen; de eerdere sessies van de groep leveren de namen.",
    "cli.share.mark_open": ">>",
    "cli.share.mark_close": "<<",
    "cli.share.suspects_one": "Nog 1 woord dat op een naam lijkt: {words}. Verberg het met --redact WOORD, of geef --allow WOORD als het geen naam is; er is niets geschreven.",
    "cli.share.suspects": "Nog {count} woorden die op een naam lijken: {words}. Verberg ze met --redact WOORD, of geef --allow WOORD als het geen naam is; er is niets geschreven.",
    "cli.share.clean": "Niets meer gevonden dat op een naam lijkt: klaar om te delen.",
    "cli.share.warning_one": "let op: 1 woord lijkt nog op een naam ({words}); bekijk het met --check",
    "cli.share.warning": "let op: {count} woorden lijken nog op een naam ({words}); bekijk ze met --check",
    # the review screen
    "share.review.title": "Dit wordt gedeeld: vervangen namen onderstreept, wat nog op een naam lijkt omgekeerd",
    "share.review.placeholder": "Woord of naam om te verbergen, enter",
    "share.review.suspects_one": "Nog 1 woord dat op een naam lijkt: {words}",
    "share.review.suspects": "Nog {count} woorden die op een naam lijken: {words}",
    "share.review.clean": "Niets meer gevonden dat op een naam lijkt.",
    "share.review.redacted": "Ook verborgen: {words}",
    "share.review.target": "Opslaan als {path}",
    "share.review.exists": "{path} bestaat al; er is niets overschreven",
    "share.review.failed": "niet opgeslagen: {reason}",
    "share.review.key.save": "Opslaan",
    "share.review.key.cancel": "Annuleren",
}

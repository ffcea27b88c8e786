"""Messages about keeping the laptop awake during a session (nl)."""

MESSAGES: dict[str, str] = {
    "keep_awake.why": "Er loopt een intervisiesessie",
    "keep_awake.unsupported": "op dit systeem ({platform}) kan het programma dat niet",
    "keep_awake.not_found": "{tool} niet gevonden",
    "keep_awake.exited": "{tool} stopte meteen (code {code}); het mag of kan hier niet",
    "keep_awake.failed": "{tool} kon niet starten ({error})",
    "keep_awake.refused": "Windows weigerde het verzoek ({tool})",
}

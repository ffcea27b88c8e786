"""Messages about keeping the laptop awake during a session (en)."""

MESSAGES: dict[str, str] = {
    "keep_awake.why": "An intervisie session is running",
    "keep_awake.unsupported": "the app cannot do that on this system ({platform})",
    "keep_awake.not_found": "{tool} not found",
    "keep_awake.exited": "{tool} stopped at once (code {code}); not allowed or not possible here",
    "keep_awake.failed": "{tool} could not start ({error})",
    "keep_awake.refused": "Windows refused the request ({tool})",
}

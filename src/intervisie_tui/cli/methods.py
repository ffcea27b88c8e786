"""`intervisie methods ...`: list, show, validate, new, schema."""

from __future__ import annotations

import typer

from intervisie_tui.cli.common import app

methods_app = typer.Typer(no_args_is_help=True, help="Method files: list, show, validate.")
app.add_typer(methods_app, name="methods")

"""The UI-free core: method model, loader, plan, clock, runner, journal, log.

Nothing in this package may import textual or rich (tests/core/test_import_hygiene.py).
"""

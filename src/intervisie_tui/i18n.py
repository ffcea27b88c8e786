"""The message catalog: every user-facing string, in Dutch (default) and English.

Catalogs are plain dicts in `locales/<lang>/<area>.py` (one file per area of
the app, so they stay readable), merged on first use. Look text up with
`t("key", name=value)`; a missing key in the active language falls back to
Dutch, then to the key itself, so a gap never crashes.

A message that counts has two forms, `key|one` and `key|other`; `t(key,
count=n)` picks the one that fits `n` ("1 punt", "3 punten"). Dutch and
English both have just these two forms.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Mapping

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
ENV_LANG = "INTERVISIE_LANG"

_catalogs: dict[str, Mapping[str, str]] = {}
_current = DEFAULT_LANGUAGE


def catalog(lang: str) -> Mapping[str, str]:
    """The raw catalog of one language (loaded on first use)."""
    if lang not in _catalogs:
        _catalogs[lang] = _merge(lang)
    return _catalogs[lang]


def _merge(lang: str) -> dict[str, str]:
    package = importlib.import_module(f"intervisie_tui.locales.{lang}")
    merged: dict[str, str] = {}
    for area in sorted(m.name for m in pkgutil.iter_modules(package.__path__)):
        module = importlib.import_module(f"{package.__name__}.{area}")
        duplicates = merged.keys() & module.MESSAGES.keys()
        if duplicates:
            raise RuntimeError(f"message keys defined twice ({lang}/{area}): {sorted(duplicates)}")
        merged.update(module.MESSAGES)
    return merged


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """Pick the UI language from the environment.

    INTERVISIE_LANG wins; otherwise an English LANGUAGE/LC_ALL/LC_MESSAGES/LANG
    selects English. Everything else, including C/POSIX, gives Dutch: our users
    are Dutch speakers whose laptops are often set to a neutral locale.
    """
    env = os.environ if environ is None else environ
    explicit = env.get(ENV_LANG, "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip().lower()
        if not value:
            continue
        first = value.split(":")[0]
        if first.startswith("en"):
            return "en"
        if first.startswith("nl"):
            return "nl"
        if first not in ("c", "posix") and not first.startswith("c."):
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Activate a language (None: detect from the environment); returns it."""
    global _current
    chosen = (lang or detect_language()).lower()
    _current = chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
    return _current


def get_language() -> str:
    return _current


def t(key: str, /, **values: object) -> str:
    """Translate `key` into the active language and fill its placeholders."""
    return t_lang(_current, key, **values)


def t_lang(lang: str, key: str, /, **values: object) -> str:
    """Translate `key` into a given language (logs keep the session's language)."""
    keys = [key]
    count = values.get("count")
    if isinstance(count, int):
        keys.insert(0, f"{key}|{'one' if count == 1 else 'other'}")
    text = _lookup(lang if lang in LANGUAGES else DEFAULT_LANGUAGE, keys)
    if text is None:
        text = _lookup(DEFAULT_LANGUAGE, keys) or key
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def _lookup(lang: str, keys: list[str]) -> str | None:
    found = catalog(lang)
    return next((found[k] for k in keys if k in found), None)

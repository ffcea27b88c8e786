"""Where things live on disk: platformdirs locations with env overrides.

Every location can be redirected by an environment variable so that tests,
shared drives and portable installs work without touching the user's home.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "intervisie"

ENV_CONFIG_DIR = "INTERVISIE_CONFIG_DIR"
ENV_DATA_DIR = "INTERVISIE_DATA_DIR"
ENV_STATE_DIR = "INTERVISIE_STATE_DIR"
ENV_METHODS = "INTERVISIE_METHODS"
ENV_LOG_DIR = "INTERVISIE_LOG_DIR"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def _platform_dir(kind: str) -> Path:
    """platformdirs' folder of `kind`; imported only when no override is set."""
    import platformdirs

    return Path(getattr(platformdirs, kind)(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """User config dir: user methods and settings."""
    return _env_path(ENV_CONFIG_DIR) or _platform_dir("user_config_dir")


def data_dir() -> Path:
    """User data dir: session logs, one folder per group."""
    return _env_path(ENV_DATA_DIR) or _platform_dir("user_data_dir")


def state_dir() -> Path:
    """User state dir: journals of running and interrupted sessions."""
    return _env_path(ENV_STATE_DIR) or _platform_dir("user_state_dir")


def user_methods_dir() -> Path:
    return config_dir() / "methods"


def env_methods_dirs() -> list[Path]:
    """Extra method folders from INTERVISIE_METHODS (os.pathsep separated)."""
    raw = os.environ.get(ENV_METHODS, "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def log_dir(override: Path | None = None) -> Path:
    """Root folder of session logs; `--log-dir` beats INTERVISIE_LOG_DIR beats the data dir."""
    return override or _env_path(ENV_LOG_DIR) or data_dir()


JOURNAL_SUFFIX = ".jsonl"


def journal_dir() -> Path:
    """Journals of sessions (`<id>.jsonl`): the running and interrupted ones."""
    return state_dir() / "journals"


def has_journals() -> bool:
    """Is there any journal to look at? Cheap: the app asks at every start."""
    return any(journal_dir().glob(f"*{JOURNAL_SUFFIX}"))


def builtin_methods_dir() -> Path:
    """The method library shipped with the package.

    In a wheel it is force-included as `intervisie_tui/builtin_methods`; in a
    source checkout (editable install) it is the top-level `methods/` folder.
    Found from `__file__`, not importlib.resources: our wheel installs as plain
    files (never zipped), and importlib.resources costs start-up time.
    """
    packaged = Path(__file__).resolve().parent / "builtin_methods"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "methods"

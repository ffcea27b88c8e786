"""Where things live on disk: platformdirs locations with env overrides.

Every location can be redirected by an environment variable so that tests,
shared drives and portable installs work without touching the user's home.

Also the one rule for what the app creates there, whatever the umask: every
folder 0700 (each level the app makes), every file 0600, created new (O_EXCL)
and never through a symlink (O_NOFOLLOW where the platform has it). Windows
knows only a read-only flag, so there the modes are best effort. Only the
standard library: the crash report (crash.py) uses this too.
"""

from __future__ import annotations

import contextlib
import errno
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


def cache_dir() -> Path:
    """Caches rebuilt from the logs (the history index); safe to delete at any time."""
    return state_dir() / "cache"


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


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
#: Attempts at an unused random name before `create_unique_private_file` gives up.
MAX_NAME_ATTEMPTS = 100
_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)  # POSIX; on Windows O_EXCL alone refuses a link


def make_private_dir(folder: Path, *, own: bool = False) -> None:
    """Create `folder` and every missing parent, each 0700 whatever the umask.

    mkdir, then chmod: the umask can take bits from mkdir's mode, not from a
    chmod. Folders that already exist keep their mode (a log folder the user
    chose, a shared drive), except `folder` itself when `own` is set: the app's
    own state folders are made 0700 even if something else created them.
    NotADirectoryError when `folder` is something else.
    """
    missing: list[Path] = []
    current = folder
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:  # made by another process just now: not ours to change
            continue
        _chmod(directory, PRIVATE_DIR_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    if own and folder not in missing:
        _chmod(folder, PRIVATE_DIR_MODE)


def create_private_file(path: Path, access: int = os.O_WRONLY) -> int:
    """Create `path` new and 0600 whatever the umask; return its descriptor (`access` mode).

    FileExistsError when anything is already there, a symlink (even a dangling
    one) included: a planted symlink is never followed. `access` may add flags
    such as os.O_APPEND.
    """
    flags = access | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    if os.name != "nt":  # the umask may have taken bits; Windows has no fchmod (before 3.13)
        with contextlib.suppress(OSError):  # a file system without modes (FAT, some shares)
            os.fchmod(fd, PRIVATE_FILE_MODE)
    return fd


def create_unique_private_file(
    folder: Path, prefix: str, suffix: str, access: int = os.O_WRONLY
) -> tuple[int, Path]:
    """A new private file `<prefix><random token><suffix>` in `folder`: descriptor and path.

    The name cannot be guessed beforehand (64 random bits), and a name that is
    taken, by a file or a planted symlink, is passed over for another one.
    """
    for _ in range(MAX_NAME_ATTEMPTS):
        path = folder / f"{prefix}{_token()}{suffix}"
        try:
            return create_private_file(path, access), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder / prefix))


def _token() -> str:
    return os.urandom(8).hex()


def _chmod(path: Path, mode: int) -> None:
    """Best effort: Windows only knows read-only, some file systems refuse."""
    with contextlib.suppress(OSError):
        os.chmod(path, mode)

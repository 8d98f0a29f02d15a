"""The kiosk's configuration file (TOML), checked key by key before anything locks.

Found at $SBC_DESKTOP_CONFIG, else /etc/sbc-desktop/kiosk.toml. Example::

    idle_timeout = 120        # seconds without a touch before the "still reading?" notice
    warning = 30              # seconds the notice counts down before everything is cleared
    home_topic = ""           # a topic id to start on, or "" for the welcome page
    staff_pin_hash = "scrypt$..."   # set with: sbc-desktop kiosk-pin
    on_screen_keyboard = true # false where the kiosk has a real keyboard (needs the [kiosk] extra)

    [clinic]                  # the care team, shown on the urgent-help page and every handout
    name = "Riverside Breast Clinic"
    phone = "01234 000000"    # the clinic's everyday number
    nurse = ""                # the specialist nurse's name
    nurse_phone = ""          # the specialist nurse's number
    urgent_phone = ""         # the number patients ring day and night with urgent problems

    [updates]                 # signed content packs (see packaging/content-packs.md)
    repository = ""           # a URL or folder, or "" for no updates
    pin_version = 0           # install exactly this pack (staged roll-outs), or 0 for the newest

    [printing]
    allowed = true
    printer = ""              # a printer's name, or "" for the default printer
    collect_from = "the reception desk"
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..care_team import CareTeam

SYSTEM_CONFIG = Path("/etc/sbc-desktop/kiosk.toml")
ENV_VAR = "SBC_DESKTOP_CONFIG"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


@dataclass
class KioskConfig:
    path: Path | None = None
    idle_timeout: int = 120
    warning: int = 30
    home_topic: str = ""
    staff_pin_hash: str = ""
    clinic_name: str = ""
    clinic_phone: str = ""
    clinic_nurse: str = ""
    clinic_nurse_phone: str = ""
    clinic_urgent_phone: str = ""
    printing_allowed: bool = False
    printer: str = ""
    collect_from: str = ""
    update_repository: str = ""
    update_pin: int = 0
    on_screen_keyboard: bool = True

    @property
    def care_team(self) -> CareTeam:
        return CareTeam(
            name=self.clinic_name,
            phone=self.clinic_phone,
            nurse=self.clinic_nurse,
            nurse_phone=self.clinic_nurse_phone,
            urgent_phone=self.clinic_urgent_phone,
        ).cleaned()


def config_path(environ: dict | os._Environ = os.environ) -> Path | None:
    """The configuration file in use, if there is one."""
    named = environ.get(ENV_VAR)
    if named:
        return Path(named)
    return SYSTEM_CONFIG if SYSTEM_CONFIG.is_file() else None


_TOP = {"idle_timeout": int, "warning": int, "home_topic": str, "staff_pin_hash": str, "on_screen_keyboard": bool}
_TABLES: dict[str, dict[str, type]] = {
    "clinic": {"name": str, "phone": str, "nurse": str, "nurse_phone": str, "urgent_phone": str},
    "printing": {"allowed": bool, "printer": str, "collect_from": str},
    "updates": {"repository": str, "pin_version": int},
}
_TABLE_FIELDS = {("printing", "allowed"): "printing_allowed", ("updates", "repository"): "update_repository",
                 ("updates", "pin_version"): "update_pin"}  # fmt: skip


def load_config(path: Path | None) -> KioskConfig:
    """Read and check the file; ConfigError (naming file and key) if anything is wrong."""
    config = KioskConfig(path=path)
    if path is None:
        return config
    import tomllib  # only where there is a file: a home start does not pay for the TOML parser

    try:
        from ..files import read_bounded

        data = tomllib.loads(read_bounded(path).decode("utf-8"))  # /dev/zero must not eat memory
    except FileNotFoundError:
        raise ConfigError(f"{path}: the kiosk configuration file does not exist") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot be read: it is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None

    def check(key: str, value, kind: type, where: str) -> object:
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            unit = " of seconds" if where in ("idle_timeout", "warning") else ""
            raise ConfigError(f"{path}: '{where}' must be a whole number{unit}, not {value!r}")
        if kind is not int and not isinstance(value, kind):
            raise ConfigError(f"{path}: '{where}' must be {'true or false' if kind is bool else 'text'}, not {value!r}")
        return value

    for key, value in data.items():
        if key in _TOP:
            setattr(config, key, check(key, value, _TOP[key], key))
        elif key in _TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: '{key}' must be a table ([{key}])")
            for sub, subvalue in value.items():
                if sub not in _TABLES[key]:
                    raise ConfigError(f"{path}: unknown key '{key}.{sub}'")
                name = _TABLE_FIELDS.get((key, sub)) or (sub if key == "printing" else f"clinic_{sub}")
                setattr(config, name, check(sub, subvalue, _TABLES[key][sub], f"{key}.{sub}"))
        else:
            raise ConfigError(f"{path}: unknown key '{key}'")
    if not 30 <= config.idle_timeout <= 3600:
        raise ConfigError(f"{path}: 'idle_timeout' must be between 30 and 3600 seconds, not {config.idle_timeout}")
    if not 20 <= config.warning <= 300:  # WCAG 2.2.1: at least 20 seconds to say "still here"
        raise ConfigError(f"{path}: 'warning' must be between 20 and 300 seconds, not {config.warning}")
    if config.update_pin < 0:
        raise ConfigError(f"{path}: 'updates.pin_version' must be 0 (the newest) or a pack number")
    if config.staff_pin_hash and not config.staff_pin_hash.startswith("scrypt$"):
        raise ConfigError(f"{path}: 'staff_pin_hash' is not a hash made by 'sbc-desktop kiosk-pin'")
    return config

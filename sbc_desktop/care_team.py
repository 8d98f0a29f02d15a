"""The reader's care team: who to ring, set by the reader at home or by the clinic's kiosk config.

Plain data, no Qt. The urgent-help topic, the no-results page of search and every
handout show it. At home it is kept in the settings (`Settings.care_team`); at a kiosk
it comes only from the configuration file (`KioskConfig.care_team`) and is never written.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class CareTeam:
    name: str = ""  # the clinic or team, e.g. "Riverside Breast Clinic"
    phone: str = ""  # the clinic's everyday number (office hours)
    nurse: str = ""  # the specialist nurse's name
    nurse_phone: str = ""  # the specialist nurse's number
    urgent_phone: str = ""  # the number to ring day and night with urgent problems during treatment

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def has_phone(self) -> bool:
        return bool(self.urgent_phone or self.nurse_phone or self.phone)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def cleaned(self) -> CareTeam:
        """The same team with every field on one line, without surrounding space."""
        return CareTeam(**{k: " ".join(str(getattr(self, k)).split()) for k in self.field_names()})

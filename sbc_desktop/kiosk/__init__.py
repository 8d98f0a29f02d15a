"""Kiosk mode for clinic touch screens: configuration and the staff PIN (no widgets here)."""

"""theodoi: follow-up of plans under Resolution 57-NQ/TW."""

__version__ = "0.1.0"

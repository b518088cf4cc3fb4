"""The register: SQLModel tables and the store that links documents, meetings and entries.

- ``store.Register``: the API (open, save_document, entries, trace, set_status, counts).
- ``tables``: the SQLModel tables; ``enums``: their closed vocabularies.
- ``migrate``: programmatic Alembic (scripts in ``migrations/``, no alembic.ini).
- ``matching`` / ``fingerprint``: is this extracted entry one the meeting already has?
- ``refs``: stable human-readable entry references (``CAB-2025-01-30-84.2``).
- ``views``: the plain dataclasses the store returns (``to_json()`` for the CLI).
"""

"""Alembic migrations for the register."""

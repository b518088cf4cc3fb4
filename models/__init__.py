"""The register: SQLModel tables and the store that links documents, meetings and entries."""

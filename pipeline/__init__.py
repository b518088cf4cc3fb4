"""Ingestion: reading documents, fetching them, and running batches into the register."""

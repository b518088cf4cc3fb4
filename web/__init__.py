"""The register as a web page for scrutiny members: filters, exports, traces, status updates."""

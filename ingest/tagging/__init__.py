"""ingest/tagging."""

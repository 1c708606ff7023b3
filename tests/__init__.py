"""The tests as one package: test folders named like the product's packages (tests/ingest,
tests/tagging) are then tests.ingest and tests.tagging, never a second `ingest` that hides the
real one when the product is not installed from this tree."""

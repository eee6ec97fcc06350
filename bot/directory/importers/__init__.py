"""One module per public source format; each is idempotent and returns an ImportReport."""

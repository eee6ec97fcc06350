"""Unit tests mirroring bot/ and actions/: no trained model, database server, browser or server."""

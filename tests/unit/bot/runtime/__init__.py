"""Unit tests of bot/runtime/: no trained model, database server, browser or server."""

"""Import the shipped directory files whole into throw-away SQLite: too slow for tests/unit."""

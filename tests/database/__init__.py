"""Need a real PostgreSQL server at TEST_DATABASE_URL (and most, the trained model too)."""

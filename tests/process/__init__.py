"""Start real `navigator run` server processes: readiness, restart, shutdown, bad settings."""

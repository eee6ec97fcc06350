"""The FastAPI layer: the only thing any user or channel talks to."""

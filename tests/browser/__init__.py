"""Need Chromium, driven by Playwright against the app on a real port (and the trained model)."""

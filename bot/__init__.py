"""Second Opinion Navigator: the core shared by every channel and by the Rasa actions."""

import os

# Rasa reads this before it does anything else; no conversation or usage data may leave
# the machine, so it is forced off here as well as in the Makefile.
os.environ["RASA_TELEMETRY_ENABLED"] = "false"
# TensorFlow (pulled in by Rasa and thinc) prints start-up chatter on stderr otherwise.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

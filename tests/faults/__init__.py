"""The fault suite: real faults (closed ports, silent servers, locked files, HAProxy, kill -9)."""

"""The call-center side: staff accounts, their sessions, the handoff queue and the audit
log. The console in api/ is a thin layer over these services."""

"""A phone number's stand-in: a keyed hash, so a leaked database or log names no one."""

from __future__ import annotations

import hashlib
import hmac
import re


def normalise(number: str) -> str:
    """+1 (312) 555-0100 and +13125550100 are one sender."""
    digits = re.sub(r"\D", "", number)
    return f"+{digits}" if digits else number.strip()


def phone_hash(number: str, key: str) -> str:
    """HMAC-SHA256, not a bare hash: phone numbers are few enough to guess by brute force."""
    digest = hmac.new(key.encode(), normalise(number).encode(), hashlib.sha256).hexdigest()
    return digest[:40]

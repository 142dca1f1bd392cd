"""A slow-down after repeated wrong codes (issue 12 §9).

Codes are 192 random bits, so guessing one is hopeless; still, nobody should be able to try codes
as fast as a script can send them. After ``free`` wrong codes in a row a caller waits before the
next try: 5 seconds, then twice as long after each further wrong code, at most ``longest``. A right
code clears the count. Counted per browser session and, more leniently, per network address (a
school behind one router shares an address; the session count restrains a single tab, the
address count also a script that opens a new session for every try). Kept in memory: a restart
forgets it, which is fine for a slow-down.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

FIRST_WAIT = 5.0


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0


class AttemptLimiter:
    def __init__(self, free: int, longest: float) -> None:
        self.free = free
        self.longest = longest
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def wait(self, key: str, now: float) -> float:
        """Seconds ``key`` must still wait before trying a code (0 when it may try now)."""
        with self._lock:
            record = self._records.get(key)
            return max(0.0, record.locked_until - now) if record else 0.0

    def failed(self, key: str, now: float) -> None:
        with self._lock:
            record = self._records.setdefault(key, _Record())
            record.failures += 1
            beyond = record.failures - self.free
            if beyond > 0:
                record.locked_until = now + min(self.longest, FIRST_WAIT * 2 ** (beyond - 1))
            if len(self._records) > 100_000:  # a flood of addresses: forget the oldest
                for old in list(self._records)[:50_000]:
                    del self._records[old]

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._records.pop(key, None)


BY_SESSION = AttemptLimiter(free=5, longest=300)
BY_ADDRESS = AttemptLimiter(free=20, longest=60)

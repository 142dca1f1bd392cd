"""A slow-down after repeated wrong codes (README, "Setting up a real school").

Codes are 192 random bits, so guessing one is hopeless; still, nobody should be able to try codes
as fast as a script can send them. Wrong codes are counted per browser session and per network
address, in the database so that every app process counts together:

* after ``SESSION.free`` (5) wrong codes in one browser session its next try waits 5 seconds,
  and twice as long after each further wrong code, at most 5 minutes;
* after ``ADDRESS.free`` (20) wrong codes from one address, a session from that address that has
  itself typed a wrong code waits the same way, at most 1 minute. A session with no wrong code of
  its own is never held back by its address: a colleague behind the school's router with a right
  code is not made to wait for someone else's typing.

A right code clears nothing: a count ends an hour after its last wrong code
(``store.attempts.FORGET_AFTER``), so a valid code of one's own cannot buy new tries. The address
is the one uvicorn resolved: the connection's, or the ``X-Forwarded-For`` that the proxy on this
machine sets (``scripts/serve``'s nginx); a header from any other machine is ignored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from assessment.store.attempts import attempt_key, attempt_state, count_failure

FIRST_WAIT = 5.0


@dataclass(frozen=True)
class Rule:
    kind: str
    free: int
    longest: float

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th wrong code (0 while tries are free)."""
        if failures < self.free:
            return 0.0
        return min(self.longest, FIRST_WAIT * 2.0 ** (failures - self.free))


SESSION = Rule("session", free=5, longest=300)
ADDRESS = Rule("address", free=20, longest=60)


def seconds_to_wait(engine: Engine, session: str, address: str | None, now: dt.datetime) -> float:
    """How long the caller (its session key and address) must wait before trying a code."""
    own, shared = attempt_key(SESSION.kind, session), _address_key(address)
    state = attempt_state(engine, [own] + ([shared] if shared else []), now)
    locks = [state[own][1]] if own in state else []
    if own in state and shared in state:  # the address holds back only a session that erred
        locks.append(state[shared][1])
    waits: list[float] = [(lock - now).total_seconds() for lock in locks if lock is not None]
    return max([*waits, 0.0])


def wrong_code(engine: Engine, session: str, address: str | None, now: dt.datetime) -> None:
    """Count one wrong code for the caller's session and address."""
    count_failure(engine, attempt_key(SESSION.kind, session), now, SESSION.wait_after)
    if shared := _address_key(address):
        count_failure(engine, shared, now, ADDRESS.wait_after)


def _address_key(address: str | None) -> str | None:
    return attempt_key(ADDRESS.kind, address) if address else None

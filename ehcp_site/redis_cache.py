"""Django's Redis cache, without two costs it pays on every cache call (issue 12, cheaper
steps). A step POST makes three or four cache calls (the session read and write, the rate
limit's count), so these were some 10 % of its time:

- Django's client builds a new `redis.Redis` object for every call (its constructor copies
  some 170 response callbacks into a new dict each time); this one builds one per connection
  pool and keeps it. A `redis.Redis` is safe to share between threads: each command takes a
  connection from the pool and gives it back.
- Every key was checked for memcached's rules (length, control characters), which only
  ever *warn* (CacheKeyWarning) and mean nothing to Redis, whose keys may be any bytes.
- A rate limit's count took two round trips (Django's `incr` asks EXISTS, then INCR) and a
  third to open a window (`add`); `count_in_window` is one (a Lua script: INCR, and EXPIRE
  when the count is new). It is also atomic, so a counter can never be left without its
  expiry (with EXISTS then INCR, one expiring in between came back as a counter for ever).

Everything else (serialisation, timeouts, pools, the fall-back of ehcp_site/shared_cache.py
when Redis is down) is Django's.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


# KEYS[1]: the counter; ARGV[1]: the window in seconds. Returns the new count.
COUNT_IN_WINDOW = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
    redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        """Redis takes any key: memcached's warnings do not apply."""

    def count_in_window(self, key: str, timeout: int, version=None) -> int:
        """Add one to the counter `key` (made if missing, expiring `timeout` seconds after it
        was made) and return the new count, in one round trip. The counter is the integer
        Django's own `incr` and `get` read."""
        key = self.make_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        return int(client.eval(COUNT_IN_WINDOW, 1, key, int(timeout)))

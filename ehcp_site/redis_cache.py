"""Django's Redis cache, without two costs it pays on every cache call (issue 12, cheaper
steps). A step POST makes three or four cache calls (the session read and write, the rate
limit's count), so these were some 10 % of its time:

- Django's client builds a new `redis.Redis` object for every call (its constructor copies
  some 170 response callbacks into a new dict each time); this one builds one per connection
  pool and keeps it. A `redis.Redis` is safe to share between threads: each command takes a
  connection from the pool and gives it back.
- Every key was checked for memcached's rules (length, control characters), which only
  ever *warn* (CacheKeyWarning) and mean nothing to Redis, whose keys may be any bytes.

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


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        """Redis takes any key: memcached's warnings do not apply."""

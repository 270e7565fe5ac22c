"""Django's Redis cache, keeping one client per connection pool.

Django 5.2's RedisCacheClient builds a new `redis.Redis` object for every cache call (about
0.1 ms of CPU each: the client sets up its table of response callbacks every time). The page
cache answers a kept page with a single cache call, so that was half of a hit's cost. A client is
safe to share between threads; its connection pool is kept anyway.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _ReusedClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients

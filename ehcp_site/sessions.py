"""Sessions stored in the database, encrypted: an anonymous parent's answers in progress
live in their session, and deserve the same protection as a saved case (ehcp_site/crypto.py).
Set as SESSION_ENGINE = "ehcp_site.sessions".

With Redis (REDIS_URL), settings choose `CachedSessionStore` instead: the database stays
the record, and each request reads the session from Redis, still encrypted, instead of the
database (one round trip fewer per request, issue 12). If Redis is down it reads and writes
the database alone, as the plain store does.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDatabaseStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router

from ehcp_site.crypto import decrypt_text, encrypt_text
from ehcp_site.shared_cache import cache_down_report

SESSIONS_WITHOUT_CACHE = "reading sessions from the database until it is back"


class SessionStore(DatabaseSessionStore):
    def encode(self, session_dict) -> str:
        return encrypt_text(super().encode(session_dict))

    def decode(self, session_data: str):
        return super().decode(decrypt_text(session_data))

    def save(self, must_create=False):
        """Django's save, but an existing session is written with one UPDATE statement on its
        own: Django wraps it in a transaction (BEGIN and COMMIT, or a savepoint and its
        release), two round trips more on every request (SESSION_SAVE_EVERY_REQUEST) for a
        statement that is atomic by itself (issue 12, cheaper steps). A session that is gone
        (deleted meanwhile) raises UpdateError, as Django's does."""
        if must_create or self.session_key is None:
            # Django's database save by name: through super(), CachedSessionStore would reach
            # cached_db's save, which puts the session unencrypted in the cache.
            return DatabaseSessionStore.save(self, must_create)
        row = self.create_model_instance(self._get_session(no_load=False))
        connection = connections[router.db_for_write(self.model, instance=row)]
        with connection.cursor() as cursor:
            cursor.execute(
                _update_sql(self.model, connection),
                [
                    row.session_data,
                    connection.ops.adapt_datetimefield_value(row.expire_date),
                    row.session_key,
                ],
            )
            updated = cursor.rowcount
        if not updated:
            raise UpdateError
        return None


_UPDATE_SQL: dict[tuple[type, str], str] = {}


def _update_sql(model, connection) -> str:
    """The UPDATE the ORM's `.filter(pk=...).update(session_data=..., expire_date=...)`
    makes, written once per model and database vendor: building it through the ORM on every
    request cost more than the statement itself (issue 12). Only the model's own table and
    column names, quoted, go into the text; every value is a parameter."""
    key = (model, connection.vendor)
    if key not in _UPDATE_SQL:
        quote = connection.ops.quote_name
        meta = model._meta
        data, expiry = (quote(meta.get_field(n).column) for n in ("session_data", "expire_date"))
        _UPDATE_SQL[key] = (
            f"UPDATE {quote(meta.db_table)} SET {data} = %s, {expiry} = %s "  # noqa: S608
            f"WHERE {quote(meta.pk.column)} = %s"
        )
    return _UPDATE_SQL[key]


class CachedSessionStore(SessionStore, CachedDatabaseStore):
    """Django's cached_db, keeping in the cache the encrypted text, never the session."""

    def load(self):
        try:
            stored = self._cache.get(self.cache_key)
        except Exception as error:
            cache_down_report(error, then=SESSIONS_WITHOUT_CACHE)
            stored = None
        if stored is not None:
            return self.decode(stored)
        found = self._get_session_from_db()
        if not found:
            return {}
        self._cache_set(found.session_data, self.get_expiry_age(expiry=found.expire_date))
        return self.decode(found.session_data)

    def exists(self, session_key):
        try:
            if session_key and (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception as error:
            cache_down_report(error, then=SESSIONS_WITHOUT_CACHE)
        return DatabaseSessionStore.exists(self, session_key)

    def create_model_instance(self, data):
        row = super().create_model_instance(data)
        self._encrypted = row.session_data  # what save() also puts in the cache
        return row

    def save(self, must_create=False):
        SessionStore.save(self, must_create)
        self._cache_set(self._encrypted, self.get_expiry_age())

    def delete(self, session_key=None):
        DatabaseSessionStore.delete(self, session_key)
        key = session_key or self.session_key
        if key is None:
            return
        try:
            self._cache.delete(self.cache_key_prefix + key)
        except Exception as error:
            cache_down_report(error, then=SESSIONS_WITHOUT_CACHE)

    def _cache_set(self, encrypted: str, timeout: int) -> None:
        try:
            self._cache.set(self.cache_key, encrypted, timeout)
        except Exception as error:
            cache_down_report(error, then=SESSIONS_WITHOUT_CACHE)

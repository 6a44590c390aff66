"""SESSION_ENGINE with Redis: encrypted sessions in the database, read through the cache
(ehcp_site/sessions.py)."""

from ehcp_site.sessions import CachedSessionStore as SessionStore

__all__ = ["SessionStore"]

"""Sessions stored in the database, encrypted: an anonymous parent's answers in progress
live in their session, and deserve the same protection as a saved case (ehcp_site/crypto.py).
Set as SESSION_ENGINE = "ehcp_site.sessions"."""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from ehcp_site.crypto import decrypt_text, encrypt_text


class SessionStore(DatabaseSessionStore):
    def encode(self, session_dict) -> str:
        return encrypt_text(super().encode(session_dict))

    def decode(self, session_data: str):
        return super().decode(decrypt_text(session_data))

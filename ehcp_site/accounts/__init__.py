"""People: parents, advocates and support workers (accounts), and the organisations
support workers belong to. Cases and what is shared with whom live in journeys/models.py."""

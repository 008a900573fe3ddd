"""Turning content into HTML pieces, shared by the website and the handouts. No MkDocs here."""

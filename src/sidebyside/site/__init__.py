"""The MkDocs adapter: the only part of Side by Side that knows MkDocs."""

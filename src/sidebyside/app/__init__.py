"""The application layer: one build session, the build's steps, and the commands."""

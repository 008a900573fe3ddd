"""Side by Side: co-produced healthcare training, from Markdown to an accessible site and handouts."""

__version__ = "0.1.0"

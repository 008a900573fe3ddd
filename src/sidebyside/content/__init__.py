"""The content model: reads modules, glossary and stories. Knows nothing of MkDocs."""

from sidebyside.content.loader import load_course
from sidebyside.content.model import Course, Module, Story, Term

__all__ = ["Course", "Module", "Story", "Term", "load_course"]

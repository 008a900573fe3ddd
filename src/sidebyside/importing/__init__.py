"""`sidebyside import FILE`: bring in material a trust already has (Word, OpenDocument,
HTML, MyST, R Markdown) as a module folder, through pandoc, for the usual checks."""

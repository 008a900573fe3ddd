"""Exactly what published HTML may contain: the elements, attributes and link schemes
that Side by Side's own pages, charts, pictures and handouts use. Anything else was
written by someone, not made by the engine, and a page that has it is not published.
"""

from __future__ import annotations

TEXT = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "aside", "nav", "label", "input", "main",
    "header", "footer", "article", "button", "time",
}  # fmt: skip
# The inline SVG of run charts (see reference/run-charts.md): drawing only, no scripts,
# no animation, no links, no foreign content.
SVG = {"svg", "g", "path", "line", "polyline", "polygon", "circle", "ellipse", "rect", "text", "tspan", "title", "desc"}
TAGS = TEXT | SVG

GENERAL = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": GENERAL,
    "a": {"href", "rel", "data-sbs-term", "data-sbs-plain"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "ol": {"start", "type", "reversed"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
    "button": {"type", "aria-expanded", "aria-controls"},
    "time": {"datetime"},
    "div": {"data-slot"},
    "svg": {"viewBox", "width", "height", "xmlns", "font-family", "focusable", "preserveAspectRatio"},
    "g": {"transform", "fill", "stroke"},
    "path": {"d", "fill", "stroke", "stroke-width", "stroke-dasharray"},
    "line": {"x1", "x2", "y1", "y2", "stroke", "stroke-width", "stroke-dasharray"},
    "polyline": {"points", "fill", "stroke", "stroke-width"},
    "polygon": {"points", "fill", "stroke", "stroke-width"},
    "circle": {"cx", "cy", "r", "fill", "stroke", "stroke-width"},
    "ellipse": {"cx", "cy", "rx", "ry", "fill", "stroke", "stroke-width"},
    "rect": {"x", "y", "width", "height", "rx", "ry", "fill", "stroke", "stroke-width"},
    "text": {"x", "y", "dx", "dy", "fill", "font-size", "font-weight", "text-anchor", "dominant-baseline", "transform"},
    "tspan": {"x", "y", "dx", "dy", "fill", "font-size", "font-weight", "text-anchor"},
}
# Links may go to web pages, email and phone; pictures are files of the site, or data:
# images the engine makes (Easy Read pictures in handouts).
URL_SCHEMES = {"http", "https", "mailto", "tel"}

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
    "span": {"data-sbs-term"},  # a glossary word an author marked with term() (see render/terms.py)
    "svg": {"viewBox", "width", "height", "xmlns", "focusable", "preserveAspectRatio"},
    "line": {"x1", "x2", "y1", "y2"},
    "polyline": {"points"},
    "polygon": {"points"},
    "path": {"d"},
    "circle": {"cx", "cy", "r"},
    "ellipse": {"cx", "cy", "rx", "ry"},
    "rect": {"x", "y", "width", "height", "rx", "ry"},
    "text": {"x", "y", "dx", "dy"},
    "tspan": {"x", "y", "dx", "dy"},
}
# How SVG shapes and text look: allowed on every drawing element.
SVG_LOOK = {
    "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "fill-opacity",
    "stroke-opacity", "font-size", "font-family", "font-weight", "font-style", "text-anchor", "dominant-baseline", "transform",
}  # fmt: skip
for _tag in SVG - {"title", "desc"}:
    ATTRIBUTES[_tag] = ATTRIBUTES.get(_tag, set()) | SVG_LOOK

# Links may go to web pages, email and phone; pictures are files of the site, or data:
# images the engine makes (Easy Read pictures in handouts).
URL_SCHEMES = {"http", "https", "mailto", "tel"}

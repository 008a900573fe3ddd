"""The ```run-chart fence, for pymdownx.superfences: one formatter for the website and handouts.

The website gets it through `install` (called by the MkDocs plugin), the handouts
through print/markdown_html.py, so a chart looks and reads the same everywhere.
"""

from __future__ import annotations

from typing import Any

from sidebyside.charts import FENCE_NAME, html_figure

SUPERFENCES = "pymdownx.superfences"
IDS_ATTRIBUTE = "sbs_chart_ids"  # kept on each Markdown instance: one page's chart ids


def format_run_chart(source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """Draw the block as a chart figure (superfences calls this for every ```run-chart block)."""
    taken = getattr(md, IDS_ATTRIBUTE, None)
    if taken is None:
        taken = set()
        setattr(md, IDS_ATTRIBUTE, taken)
    return html_figure(source, taken)


def custom_fence() -> dict[str, Any]:
    return {"name": FENCE_NAME, "class": FENCE_NAME, "format": format_run_chart}


def with_chart_fence(config: dict[str, Any] | None) -> dict[str, Any]:
    """superfences settings with the run chart fence added (once), keeping the site's own fences."""
    config = dict(config or {})
    fences = [f for f in config.get("custom_fences", []) if f.get("name") != FENCE_NAME]
    config["custom_fences"] = [*fences, custom_fence()]
    return config


def install(extensions: list[Any], configs: dict[str, Any]) -> None:
    """Turn on superfences with the run chart fence in a site's Markdown settings."""
    if SUPERFENCES not in extensions:
        extensions.append(SUPERFENCES)
    configs[SUPERFENCES] = with_chart_fence(configs.get(SUPERFENCES))

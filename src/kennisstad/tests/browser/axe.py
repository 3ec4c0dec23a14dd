"""Run axe-core in a page and describe its violations in one line each."""

# WCAG 2.0/2.1/2.2 A and AA, the level a Dutch government site must meet.
# Plus every rule axe still calls experimental, such as Label in Name (WCAG 2.5.3), which is also
# switched on by name so that it stays on when axe stops calling it experimental.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "experimental"]
AXE_EXTRA_RULES = ["label-content-name-mismatch"]


def axe_violations(page, axe_source: str) -> list[str]:
    """axe-core is evaluated through the DevTools protocol, which the page's CSP (no inline
    scripts) does not govern, so the site's policy stays as strict in the test as in production."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        """([tags, extra]) => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            rules: Object.fromEntries(extra.map(id => [id, {enabled: true}])),
            resultTypes: ['violations'],
        })""",
        [AXE_TAGS, AXE_EXTRA_RULES],
    )
    lines = []
    for violation in result["violations"]:
        targets = ", ".join(
            " ".join(str(part) for part in node["target"]) for node in violation["nodes"][:4]
        )
        more = len(violation["nodes"]) - 4
        why = " ".join((violation["nodes"][0].get("failureSummary") or "").split())
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            + (f" and {more} more" if more > 0 else "")
            + (f" [{why}]" if why else "")
        )
    return lines

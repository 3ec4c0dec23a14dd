"""Run axe-core in a page and describe its violations in one line each."""

# WCAG 2.0/2.1/2.2 A and AA, the level a Dutch government site must meet.
# Plus every rule axe still calls experimental, such as Label in Name (WCAG 2.5.3), which is also
# switched on by name so that it stays on when axe stops calling it experimental.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "experimental"]
AXE_EXTRA_RULES = ["label-content-name-mismatch"]
# The rules whose outcome depends on the words (names, labels, titles, languages): what a
# second language can break when the markup is the same. The walk runs these in English.
TEXT_RULES = [
    "area-alt",
    "aria-command-name",
    "aria-dialog-name",
    "aria-input-field-name",
    "aria-meter-name",
    "aria-progressbar-name",
    "aria-toggle-field-name",
    "aria-tooltip-name",
    "aria-treeitem-name",
    "button-name",
    "document-title",
    "empty-heading",
    "empty-table-header",
    "frame-title",
    "html-has-lang",
    "html-lang-valid",
    "image-alt",
    "input-button-name",
    "input-image-alt",
    "label",
    "label-content-name-mismatch",
    "link-name",
    "object-alt",
    "role-img-alt",
    "select-name",
    "summary-name",
    "svg-img-alt",
    "valid-lang",
]


def axe_violations(page, axe_source: str, rules: list[str] | None = None) -> list[str]:
    """axe-core is evaluated through the DevTools protocol, which the page's CSP (no inline
    scripts) does not govern, so the site's policy stays as strict in the test as in production.
    Every WCAG A/AA rule, or only ``rules``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    if rules:
        options = [{"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}]
        result = page.evaluate("([options]) => axe.run(document, options)", options)
    else:
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

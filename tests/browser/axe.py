"""Run axe-core in a Playwright page and format its violations for a test failure message."""

from pathlib import Path

# axe-core from the npm registry, bundled with its licence (see vendor/SOURCES.md): the tests
# never load it from the network.
AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA: the WCAG levels that RGAA 4.1 refers to.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page):
    """Inject the bundled axe-core into the page and return its results for the WCAG tags."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        "tags => axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )


def describe_violations(results):
    """Return one line per violation and node: rule id, impact, target selectors and URL."""
    lines = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(selector) for selector in node["target"])
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}; "
                f"target {target}; at {results['url']}"
            )
    return "\n".join(lines)


def assert_no_violations(page):
    """Fail with the violations that axe finds in the page's current state."""
    results = run_axe(page)
    assert results["violations"] == [], (
        f"{len(results['violations'])} axe rule(s) violated:\n" + describe_violations(results)
    )

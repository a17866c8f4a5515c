"""axe-core's WCAG 2.1 A and AA rules on every page type of the four sites, in every language.

Each site, language and page type is its own test; a failure lists each violated rule with its
impact, the selectors of the offending elements and the URL.
"""

import pytest
from django.conf import settings

from tests.browser.axe import assert_no_violations
from tests.browser.demo_urls import page_types

PAGES = [
    pytest.param(site_key, language, page_type, id=f"{site_key}-{language}-{page_type}")
    for site_key, site in settings.PLATFORM_SITES.items()
    for language in site["languages"]
    for page_type in page_types(site_key, language)
]


@pytest.mark.parametrize(("site_key", "language", "page_type"), PAGES)
def test_page_has_no_wcag_violation(page, demo_server, site_key, language, page_type):
    url = demo_server.url(site_key, demo_server.paths[site_key][language][page_type])
    expected_status = 404 if page_type == "not-found" else 200

    response = page.goto(url)

    assert response.status == expected_status, f"{url} returned {response.status}"
    assert_no_violations(page)


def test_axe_check_reports_rule_impact_and_target(page):
    # The check must fail on known violations, or the page tests above would prove nothing.
    page.set_content(
        '<html><body><main><img src="/missing.png"><a href="/"></a></main></body></html>'
    )

    with pytest.raises(AssertionError) as failure:
        assert_no_violations(page)

    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "target img" in message
    assert "link-name (serious)" in message
    assert "html-has-lang (serious)" in message
    assert "at about:blank" in message


def test_unknown_site_page_has_no_wcag_violation(page, demo_server):
    response = page.goto(demo_server.unknown_site_url())

    assert response.status == 404
    assert_no_violations(page)


def test_open_submenu_has_no_wcag_violation(page, demo_server):
    # Closed submenus are hidden, so the page checks above skip their links. The museums' site
    # is the demo site whose menu has a submenu (Visiter and its three museums).
    page.goto(demo_server.url("musees", "/"))
    toggle = page.locator(".main-menu__toggle").first

    toggle.click()

    assert toggle.get_attribute("aria-expanded") == "true"
    assert_no_violations(page)


def test_focused_skip_link_has_no_wcag_violation(page, demo_server):
    page.goto(demo_server.url("musees", "/"))

    page.keyboard.press("Tab")

    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert_no_violations(page)


def test_basket_with_product_has_no_wcag_violation(page, demo_server):
    page.goto(demo_server.url("musees", demo_server.paths["musees"]["fr"]["shop-product"]))
    page.locator("form.add-to-basket button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(demo_server.url("musees", demo_server.paths["musees"]["fr"]["shop-basket"]))

    assert page.locator("form.basket-form").count() == 1, "the basket stayed empty"
    assert_no_violations(page)


# Every page type once, in French: the layout does not change with the language.
NARROW_PAGES = [
    pytest.param(site_key, page_type, id=f"{site_key}-{page_type}")
    for site_key in settings.PLATFORM_SITES
    for page_type in page_types(site_key, "fr")
]
NARROW_WIDTH = 320


@pytest.mark.parametrize(("site_key", "page_type"), NARROW_PAGES)
def test_narrow_screen_page_reflows(browser, demo_server, site_key, page_type):
    # WCAG 1.4.10 (reflow): at 320 CSS pixels wide, content scrolls in one direction only, data
    # tables excepted (they scroll inside their own region). axe does not test it, so the
    # page's scroll width is compared with the viewport's.
    context = browser.new_context(
        # axe-core is injected as an inline script, which the sites' CSP blocks on purpose.
        bypass_csp=True,
        viewport={"width": NARROW_WIDTH, "height": 640},
    )
    narrow_page = context.new_page()
    try:
        narrow_page.goto(demo_server.url(site_key, demo_server.paths[site_key]["fr"][page_type]))

        scroll_width = narrow_page.evaluate("document.documentElement.scrollWidth")

        assert scroll_width <= NARROW_WIDTH, (
            f"{narrow_page.url} is {scroll_width} px wide in a {NARROW_WIDTH} px viewport"
        )
        assert_no_violations(narrow_page)
    finally:
        context.close()

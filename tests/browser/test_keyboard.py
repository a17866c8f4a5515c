"""Keyboard use of the sites, without the mouse: skip link, main menu, languages, search, basket.

Each test moves with Tab and acts with Enter, Space or Escape as a keyboard user does, and checks
that the focused control shows a focus indicator that differs from its unfocused look.
"""

import re

from playwright.sync_api import expect

# More Tab presses than any demo page has controls before its main content.
MAX_TAB_PRESSES = 60

FOCUS_STYLE_SCRIPT = """element => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow]
        .join(" | ");
}"""


def describe_active_element(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
        " + (e.className ? '.' + String(e.className).trim().replace(/ +/g, '.') : '')"
        " + ' ' + JSON.stringify((e.innerText || e.value || '').trim().slice(0, 40)); }"
    )


def tab_to(page, selector):
    """Press Tab until the element matching ``selector`` has the focus; return its locator."""
    visited = []
    for _press in range(MAX_TAB_PRESSES):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return page.locator(selector).first
        visited.append(describe_active_element(page))
    raise AssertionError(
        f"{selector} not reached after {MAX_TAB_PRESSES} Tab presses on {page.url}; "
        f"focus went through: {', '.join(visited)}"
    )


def assert_focus_visible(page):
    """Check that the focused element's outline or shadow differs from its unfocused look."""
    focused = page.evaluate_handle("document.activeElement")
    focused_style = focused.evaluate(FOCUS_STYLE_SCRIPT)
    description = describe_active_element(page)

    focused.evaluate("element => element.blur()")
    unfocused_style = focused.evaluate(FOCUS_STYLE_SCRIPT)
    focused.evaluate("element => element.focus({focusVisible: true})")

    assert focused_style != unfocused_style, (
        f"{description} on {page.url} looks the same focused and unfocused: {focused_style}"
    )
    outline_style, outline_width, _colour, box_shadow = focused_style.split(" | ")
    assert (outline_style != "none" and outline_width != "0px") or box_shadow != "none", (
        f"{description} on {page.url} has no outline and no shadow when focused"
    )


def test_skip_link_moves_focus_to_main(page, demo_server):
    page.goto(demo_server.url("musees", "/"))

    page.keyboard.press("Tab")

    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert_focus_visible(page)

    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")


def test_submenu_opens_with_enter_and_closes_with_escape(page, demo_server):
    page.goto(demo_server.url("musees", "/"))
    toggle = tab_to(page, ".main-menu__toggle")
    submenu = page.locator("#" + toggle.get_attribute("aria-controls"))
    assert_focus_visible(page)
    expect(submenu).to_be_hidden()

    page.keyboard.press("Enter")

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(submenu).to_be_visible()

    page.keyboard.press("Tab")

    expect(submenu.locator("a").first).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Tab")
    expect(submenu.locator("a").nth(1)).to_be_focused()

    page.keyboard.press("Escape")

    expect(submenu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()


def test_submenu_opens_with_space_and_follows_link(page, demo_server):
    page.goto(demo_server.url("musees", "/"))
    toggle = tab_to(page, ".main-menu__toggle")
    submenu = page.locator("#" + toggle.get_attribute("aria-controls"))

    page.keyboard.press("Space")

    expect(submenu).to_be_visible()
    page.keyboard.press("Tab")
    target = submenu.locator("a").first.get_attribute("href")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(target) + "$"))


def test_leaving_open_submenu_with_tab_closes_it(page, demo_server):
    page.goto(demo_server.url("musees", "/"))
    toggle = tab_to(page, ".main-menu__toggle")
    submenu = page.locator("#" + toggle.get_attribute("aria-controls"))
    page.keyboard.press("Enter")
    expect(submenu).to_be_visible()

    # Tab through the submenu's links and past its end.
    for _link in range(submenu.locator("a").count() + 1):
        page.keyboard.press("Tab")

    expect(submenu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_escape_on_toggle_closes_submenu(page, demo_server):
    page.goto(demo_server.url("musees", "/"))
    toggle = tab_to(page, ".main-menu__toggle")
    submenu = page.locator("#" + toggle.get_attribute("aria-controls"))
    page.keyboard.press("Enter")
    expect(submenu).to_be_visible()

    page.keyboard.press("Escape")

    expect(submenu).to_be_hidden()
    expect(toggle).to_be_focused()


def test_language_switcher_reaches_other_language(page, demo_server):
    page.goto(demo_server.url("tourisme", "/"))

    tab_to(page, ".language-switcher a[hreflang='nl']")
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/nl/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".language-switcher [aria-current='true']")).to_have_attribute("lang", "nl")


def test_search_form_submits_with_enter(page, demo_server):
    page.goto(demo_server.url("memorial", "/en/"))

    tab_to(page, "#site-search-query")
    assert_focus_visible(page)
    page.keyboard.type("Royallieu")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/en/recherche/\?q=Royallieu$"))
    expect(page.locator("main h1")).to_have_count(1)


def test_search_button_reachable_and_focus_visible(page, demo_server):
    page.goto(demo_server.url("archives", "/"))
    tab_to(page, "#site-search-query")
    page.keyboard.type("registre")

    tab_to(page, ".site-search button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/recherche/\?q=registre$"))


def test_product_added_and_basket_reached_by_keyboard(page, demo_server):
    product_path = demo_server.paths["musees"]["fr"]["shop-product"]
    page.goto(demo_server.url("musees", product_path))
    product_title = page.locator("main h1").inner_text()

    tab_to(page, "form.add-to-basket button[type=submit]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.locator(".shop-nav__basket")).to_contain_text("(1")
    tab_to(page, ".shop-nav__basket")
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/boutique/basket/$"))
    expect(page.locator("form.basket-form")).to_contain_text(product_title)

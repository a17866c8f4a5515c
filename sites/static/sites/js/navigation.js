// Disclosure menu of the main navigation. Each toggle button opens its submenu, and Escape closes
// it and returns focus to the button. A click outside the menu closes any open submenu, and focus
// leaving a menu item closes that item's submenu.
(function () {
    "use strict";

    function closeAll(menu, except) {
        menu.querySelectorAll(".main-menu__toggle[aria-expanded='true']").forEach(function (button) {
            if (button !== except) {
                button.setAttribute("aria-expanded", "false");
                document.getElementById(button.getAttribute("aria-controls")).hidden = true;
            }
        });
    }

    function setUpMenu(menu) {
        menu.querySelectorAll(".main-menu__toggle").forEach(function (button) {
            var submenu = document.getElementById(button.getAttribute("aria-controls"));
            button.addEventListener("click", function () {
                var open = button.getAttribute("aria-expanded") === "true";
                closeAll(menu, button);
                button.setAttribute("aria-expanded", open ? "false" : "true");
                submenu.hidden = open;
            });
            submenu.addEventListener("keydown", function (event) {
                if (event.key === "Escape") {
                    button.setAttribute("aria-expanded", "false");
                    submenu.hidden = true;
                    button.focus();
                }
            });
            button.addEventListener("keydown", function (event) {
                if (event.key === "Escape") {
                    button.setAttribute("aria-expanded", "false");
                    submenu.hidden = true;
                }
            });
        });
        document.addEventListener("click", function (event) {
            if (!menu.contains(event.target)) {
                closeAll(menu, null);
            }
        });
        // Focus leaving a menu item (its button and submenu) closes that submenu, so that an open
        // submenu never covers the next menu items that keyboard users tab to.
        menu.querySelectorAll(".main-menu__toggle").forEach(function (button) {
            var item = button.parentElement;
            item.addEventListener("focusout", function (event) {
                if (event.relatedTarget && !item.contains(event.relatedTarget)) {
                    button.setAttribute("aria-expanded", "false");
                    document.getElementById(button.getAttribute("aria-controls")).hidden = true;
                }
            });
        });
    }

    document.querySelectorAll("[data-menu]").forEach(setUpMenu);
})();

// Disclosure menu of the main navigation. Each toggle button opens its submenu, and Escape closes
// it and returns focus to the button. A click or focus outside the menu closes any open submenu.
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
        menu.addEventListener("focusout", function (event) {
            if (event.relatedTarget && !menu.contains(event.relatedTarget)) {
                closeAll(menu, null);
            }
        });
    }

    document.querySelectorAll("[data-menu]").forEach(setUpMenu);
})();

// Autocomplete for the search page: fills the field's <datalist> with titles that complete what
// the visitor types. The browser's own list handles the keyboard and screen readers.
(function () {
    "use strict";
    var form = document.querySelector("form[data-suggestions-url]");
    if (!form) {
        return;
    }
    var input = form.querySelector("input[type=search]");
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var lastText = "";

    function fill(suggestions) {
        list.textContent = "";
        suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.title;
            list.appendChild(option);
        });
    }

    function fetchSuggestions() {
        var text = input.value.trim();
        if (text === lastText) {
            return;
        }
        lastText = text;
        if (text.length < 2) {
            fill([]);
            return;
        }
        var url = form.getAttribute("data-suggestions-url") + "?q=" + encodeURIComponent(text);
        fetch(url, { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
            .then(function (data) {
                if (input.value.trim() === text) {
                    fill(data.suggestions || []);
                }
            })
            .catch(function () { fill([]); });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 150);
    });
}());

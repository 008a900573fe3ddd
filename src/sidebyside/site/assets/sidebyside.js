/* Glossary disclosures: the first use of each term opens its meaning in place.
   Without JavaScript each term stays an ordinary link to the glossary. */
(function () {
  "use strict";
  var counter = 0;

  function close(button, definition, returnFocus) {
    button.setAttribute("aria-expanded", "false");
    definition.hidden = true;
    if (returnFocus) {
      button.focus();
    }
  }

  function enhance(link) {
    var plain = link.getAttribute("data-sbs-plain");
    if (!plain) {
      return;
    }
    counter += 1;
    var id = "sbs-def-" + counter;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sbs-term-toggle";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", id);
    button.textContent = link.textContent;

    var definition = document.createElement("span");
    definition.className = "sbs-term-def";
    definition.id = id;
    definition.hidden = true;
    definition.setAttribute("role", "note");
    var text = document.createElement("span");
    text.textContent = plain + " ";
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.textContent = "More about \u2018" + link.getAttribute("data-sbs-term") + "\u2019 in the glossary";
    definition.appendChild(text);
    definition.appendChild(more);

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      if (open) {
        close(button, definition, false);
      } else {
        button.setAttribute("aria-expanded", "true");
        definition.hidden = false;
      }
    });
    function onKey(event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        close(button, definition, true);
      }
    }
    button.addEventListener("keydown", onKey);
    definition.addEventListener("keydown", onKey);

    link.replaceWith(button, definition);
  }

  function start() {
    var links = document.querySelectorAll("a.sbs-term[data-sbs-plain]");
    for (var i = 0; i < links.length; i += 1) {
      enhance(links[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

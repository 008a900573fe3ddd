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
    /* The link itself becomes the control: an inline element wraps like the words
       around it (a <button> would not). Its hidden words say it opens a meaning. */
    var button = link;
    button.setAttribute("role", "button");
    button.classList.add("sbs-term-toggle");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", id);

    var definition = document.createElement("span");
    definition.className = "sbs-term-def";
    definition.id = id;
    definition.hidden = true;
    var text = document.createElement("span");
    text.textContent = plain + " ";
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.textContent = "More about \u2018" + link.getAttribute("data-sbs-term") + "\u2019 in the glossary";
    definition.appendChild(text);
    definition.appendChild(more);
    /* "Still not clear?": a report with the page and this word filled in. */
    var report = document.querySelector("[data-sbs-word-report]");
    var template = report && report.getAttribute("data-sbs-word-report");
    if (template) {
      var tell = document.createElement("a");
      tell.href = template.split("__SBS_WORD__").join(encodeURIComponent(link.getAttribute("data-sbs-term")));
      tell.textContent = "Still not clear? Tell us";
      definition.appendChild(document.createTextNode(". "));
      definition.appendChild(tell);
    }

    function toggleMeaning(event) {
      event.preventDefault();
      if (button.getAttribute("aria-expanded") === "true") {
        close(button, definition, false);
      } else {
        button.setAttribute("aria-expanded", "true");
        definition.hidden = false;
      }
    }
    button.addEventListener("click", toggleMeaning);
    function onKey(event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        close(button, definition, true);
      }
    }
    button.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Spacebar") {
        toggleMeaning(event); /* a button opens with the space bar too */
      } else {
        onKey(event);
      }
    });
    definition.addEventListener("keydown", onKey);

    /* The meaning opens at the end of the term's sentence, so the sentence reads on
       unbroken and no punctuation is left on a line of its own. */
    placeAfterSentence(link.closest(".sbs-t") || link, definition);
  }

  var BLOCK = /^(P|LI|TD|TH|DD|DT|BLOCKQUOTE|FIGCAPTION|DIV|ARTICLE|SECTION|ASIDE|DETAILS|SUMMARY)$/;
  var SENTENCE_END = /[.!?\u2026]["'\u2019\u201d)\]]*(?=\s|$)/;

  function placeAfterSentence(group, definition) {
    var block = group.parentNode;
    while (block.parentNode && !BLOCK.test(block.nodeName)) {
      block = block.parentNode;
    }
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = group;
    var node = walker.nextNode();
    while (node && group.contains(node)) {
      node = walker.nextNode(); /* past the term's own words */
    }
    for (; node; node = walker.nextNode()) {
      if (node.parentNode.closest(".sbs-term-def")) {
        continue; /* another word's meaning, already placed */
      }
      var found = SENTENCE_END.exec(node.data);
      if (found) {
        var rest = node.splitText(found.index + found[0].length);
        var before = rest;
        while (before && (before.nodeType === 3 ? before.data === "" : before.classList.contains("sbs-term-def"))) {
          before = before.nextSibling;
        }
        rest.parentNode.insertBefore(definition, before);
        return;
      }
    }
    block.appendChild(definition); /* no full stop before the block ends: at its end */
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

/* Keyboard and screen reader fixes for Material's menu, search and code blocks.
   The menu and search buttons are made by the plugin (accessible_html.py); they tick
   the same hidden checkboxes Material watches. A closed menu or search is `inert`, so
   it takes no keyboard focus and screen readers skip it. */
(function () {
  "use strict";
  var WIDE_MENU = "(min-width: 76.25em)"; /* Material shows the menu as a sidebar from here */
  var WIDE_SEARCH = "(min-width: 60em)"; /* ...and the search box in the header from here */

  function toggle(name) {
    return document.getElementById(name);
  }

  function setToggle(input, value) {
    if (input.checked !== value) {
      input.click(); /* as Material does: ticks the box and sends "change" */
    }
  }

  function start() {
    var drawer = toggle("__drawer");
    var search = toggle("__search");
    var sidebar = document.querySelector(".md-sidebar--primary");
    var overlay = document.querySelector(".md-overlay");
    var searchBox = document.querySelector(".md-search");
    var searchOutput = document.querySelector(".md-search__output");
    var wideMenu = window.matchMedia(WIDE_MENU);
    var wideSearch = window.matchMedia(WIDE_SEARCH);
    var buttons = document.querySelectorAll("[data-sbs-toggle]");
    var lastButton = null;

    function sync() {
      var menuOpen = !!(drawer && drawer.checked);
      var searchOpen = !!(search && search.checked);
      if (sidebar) {
        sidebar.inert = !menuOpen && !wideMenu.matches;
      }
      if (searchBox) {
        searchBox.inert = !searchOpen && !wideSearch.matches;
      }
      if (searchOutput) {
        searchOutput.inert = !searchOpen;
      }
      for (var i = 0; i < buttons.length; i += 1) {
        var input = toggle(buttons[i].getAttribute("data-sbs-toggle"));
        buttons[i].setAttribute("aria-expanded", input && input.checked ? "true" : "false");
      }
    }

    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].addEventListener("click", function (event) {
        var button = event.currentTarget;
        var input = toggle(button.getAttribute("data-sbs-toggle"));
        if (!input) {
          return;
        }
        lastButton = button;
        setToggle(input, !input.checked);
        sync();
        if (input === drawer && drawer.checked && sidebar) {
          var first = sidebar.querySelector("a[href], button, [tabindex='0']");
          if (first) {
            first.focus();
          }
        }
        if (input === search && search.checked) {
          var query = document.querySelector(".md-search__input");
          if (query) {
            query.focus();
          }
        }
      });
    }

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer || !drawer.checked) {
        return;
      }
      setToggle(drawer, false);
      sync();
      var button = lastButton || document.querySelector("[data-sbs-toggle='__drawer']");
      if (button) {
        button.focus();
      }
    });

    [drawer, search].forEach(function (input) {
      if (input) {
        input.addEventListener("change", sync);
      }
    });
    /* When the search closes (Escape, or the back arrow), give focus back to the
       search button if that is where it came from. */
    if (search) {
      search.addEventListener("change", function () {
        var back = document.querySelector("[data-sbs-toggle='__search']");
        if (!search.checked && back && lastButton === back && back.offsetParent !== null) {
          var active = document.activeElement;
          if (!active || active === document.body || (searchBox && searchBox.contains(active))) {
            window.setTimeout(function () {
              back.focus();
            }, 0);
          }
        }
      });
    }
    if (overlay) {
      overlay.addEventListener("click", function () {
        window.setTimeout(sync, 0);
      });
    }
    [wideMenu, wideSearch].forEach(function (query) {
      if (query.addEventListener) {
        query.addEventListener("change", sync);
      }
    });
    /* Tabbing out of the open menu (on a phone it covers the page) closes it. */
    document.addEventListener("focusin", function (event) {
      if (drawer && drawer.checked && !wideMenu.matches && sidebar && !sidebar.contains(event.target)) {
        setToggle(drawer, false);
        sync();
      }
    });
    sync();
    reachableScrolling();
    document.documentElement.setAttribute("data-sbs-ready", "");
    window.addEventListener("resize", reachableScrolling);
  }

  /* A box that scrolls sideways (a wide table or code) must be reachable by keyboard,
     so it can be scrolled with the arrow keys, and named, so people know what it is. */
  function reachableScrolling() {
    var boxes = document.querySelectorAll(".md-typeset pre > code, .md-typeset__scrollwrap");
    for (var i = 0; i < boxes.length; i += 1) {
      var box = boxes[i];
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      var hasFocusable = box.querySelector("a[href], button, input, select, textarea, [tabindex]");
      if (scrolls && !hasFocusable) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.tagName === "CODE" ? "Code (scroll sideways to see it all)" : "Table (scroll sideways to see it all)");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

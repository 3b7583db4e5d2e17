/* Practice mode of the interview page (docs/interview.md).
 *
 * The page holds one empty <div id="atlas-practice">; on any other page this script does
 * nothing. "Start practice" hides every answer and steps through the questions (the
 * <details class="question"> blocks) one at a time: show the answer, mark it "known" or
 * "not yet", go to the next or previous one, or repeat only the "not yet" ones. Progress
 * is kept in this browser's localStorage; nothing is sent anywhere.
 *
 * Keyboard: every control is a button or a checkbox, and while practising the keys
 * A (show answer), K (known), L (not yet), ← and → (previous, next) and Esc (stop) work
 * from anywhere on the page except form fields. Material's own shortcuts (f, s, /, n, p,
 * ",", ".") are left alone. Re-initialised on every page view, including Material's
 * instant navigation (document$).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "atlas-practice-v1";
  var KNOWN = "known";
  var LATER = "later";
  var active = null; // the practice of the page on screen, while practising

  function loadState() {
    try {
      var state = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      if (state && typeof state === "object") {
        state.marks = state.marks && typeof state.marks === "object" ? state.marks : {};
        return state;
      }
    } catch (error) {
      /* unreadable or blocked storage: start afresh */
    }
    return { marks: {} };
  }

  function saveState(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      /* storage full or blocked: progress lives until the page is left */
    }
  }

  function questionId(details) {
    var summary = details.querySelector("summary");
    var text = (summary ? summary.textContent : "").replace(/\(cheatsheet\)/, "");
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 96);
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function Practice(root) {
    this.root = root;
    this.article = root.parentElement;
    this.questions = Array.prototype.filter.call(
      this.article.querySelectorAll("details.question"),
      function (details) { return details.parentElement === root.parentElement; }
    );
    this.ids = this.questions.map(questionId);
    this.state = loadState();
    this.deck = [];
    this.position = 0;
    this.practising = false;
    this.build();
    this.renderIdle();
  }

  Practice.prototype.build = function () {
    var self = this;
    var root = this.root;
    root.textContent = "";

    this.status = element("p", {
      class: "atlas-practice__status",
      role: "status",
      "aria-live": "polite",
      id: "atlas-practice-status",
    });
    this.startButton = element("button", { type: "button", class: "atlas-practice__start" },
      "Start practice");
    this.startButton.addEventListener("click", function () { self.start(); });

    this.panel = element("div", { class: "atlas-practice__panel", hidden: "" });
    var controls = element("div", {
      class: "atlas-practice__controls",
      role: "group",
      "aria-label": "Practice controls",
    });
    this.revealButton = this.button(controls, "Show answer", "A", function () { self.toggle(); });
    this.knownButton = this.button(controls, "Known", "K", function () { self.mark(KNOWN); });
    this.laterButton = this.button(controls, "Not yet", "L", function () { self.mark(LATER); });
    this.prevButton = this.button(controls, "Previous", "←", function () { self.step(-1); });
    this.nextButton = this.button(controls, "Next", "→", function () { self.step(1); });
    this.knownButton.setAttribute("aria-pressed", "false");
    this.laterButton.setAttribute("aria-pressed", "false");

    var options = element("div", { class: "atlas-practice__options" });
    var label = element("label", { class: "atlas-practice__filter" });
    this.filterBox = element("input", { type: "checkbox", id: "atlas-practice-filter" });
    this.filterBox.checked = Boolean(this.state.onlyLater);
    this.filterBox.addEventListener("change", function () { self.filter(self.filterBox.checked); });
    label.appendChild(this.filterBox);
    label.appendChild(document.createTextNode(" Repeat only the questions marked “not yet”"));
    options.appendChild(label);
    this.button(options, "Reset progress", null, function () { self.reset(); });
    this.button(options, "Stop practice", "Esc", function () { self.stop(); });

    var keys = element("p", { class: "atlas-practice__keys", id: "atlas-practice-keys" },
      "Keys while practising: A show or hide the answer, K known, L not yet, " +
      "← previous, → next, Esc stop.");
    this.panel.appendChild(controls);
    this.panel.appendChild(options);
    this.panel.appendChild(keys);

    root.appendChild(this.startButton);
    root.appendChild(this.status);
    root.appendChild(this.panel);

    this.questions.forEach(function (details, index) {
      if (!details.id) details.id = "atlas-question-" + (index + 1);
      details.addEventListener("toggle", function () {
        if (self.practising && self.currentDetails() === details) self.renderButtons();
      });
    });
  };

  Practice.prototype.button = function (parent, label, key, action) {
    var button = element("button", { type: "button" }, label);
    if (key) {
      var hint = element("kbd", { "aria-hidden": "true" }, key);
      button.appendChild(document.createTextNode(" "));
      button.appendChild(hint);
      button.setAttribute("aria-keyshortcuts", key === "←" ? "ArrowLeft" :
        key === "→" ? "ArrowRight" : key === "Esc" ? "Escape" : key);
    }
    button.addEventListener("click", action);
    parent.appendChild(button);
    return button;
  };

  Practice.prototype.counts = function () {
    var known = 0;
    var later = 0;
    var marks = this.state.marks;
    this.ids.forEach(function (id) {
      if (marks[id] === KNOWN) known += 1;
      else if (marks[id] === LATER) later += 1;
    });
    return { known: known, later: later, total: this.ids.length };
  };

  Practice.prototype.summary = function () {
    var c = this.counts();
    return "Known " + c.known + ", not yet " + c.later + ", of " + c.total + " questions.";
  };

  Practice.prototype.renderIdle = function () {
    var c = this.counts();
    this.status.textContent = c.known + c.later
      ? "Saved progress: " + this.summary()
      : c.total + " questions. Progress is kept in this browser only.";
  };

  Practice.prototype.buildDeck = function () {
    var marks = this.state.marks;
    var ids = this.ids;
    this.deck = this.questions.map(function (_, index) { return index; }).filter(function (index) {
      return !this.state.onlyLater || marks[ids[index]] === LATER;
    }, this);
  };

  Practice.prototype.currentIndex = function () {
    return this.deck.length ? this.deck[this.position] : -1;
  };

  Practice.prototype.currentDetails = function () {
    var index = this.currentIndex();
    return index < 0 ? null : this.questions[index];
  };

  Practice.prototype.start = function () {
    active = this;
    this.practising = true;
    this.buildDeck();
    var saved = this.ids.indexOf(this.state.current);
    var at = this.deck.indexOf(saved);
    this.position = at < 0 ? 0 : at;
    this.questions.forEach(function (details) { details.open = false; });
    this.article.classList.add("atlas-practicing");
    this.startButton.hidden = true;
    this.panel.hidden = false;
    this.show();
    this.root.scrollIntoView({ block: "start" });
    (this.deck.length ? this.revealButton : this.filterBox).focus();
  };

  Practice.prototype.stop = function () {
    this.practising = false;
    if (active === this) active = null;
    this.article.classList.remove("atlas-practicing");
    this.questions.forEach(function (details) {
      details.classList.remove("atlas-practice-current");
      details.open = false;
    });
    this.panel.hidden = true;
    this.startButton.hidden = false;
    this.renderIdle();
    this.startButton.focus();
  };

  Practice.prototype.show = function () {
    var current = this.currentDetails();
    this.questions.forEach(function (details) {
      var isCurrent = details === current;
      details.classList.toggle("atlas-practice-current", isCurrent);
      if (!isCurrent) details.open = false;
    });
    if (current) {
      current.open = false;
      this.state.current = this.ids[this.currentIndex()];
      saveState(this.state);
    }
    this.renderButtons();
    this.announce();
  };

  Practice.prototype.announce = function () {
    if (!this.deck.length) {
      this.status.textContent = "No question is marked “not yet”. " + this.summary();
      return;
    }
    var mark = this.state.marks[this.ids[this.currentIndex()]];
    this.status.textContent = "Question " + (this.position + 1) + " of " + this.deck.length +
      (this.state.onlyLater ? " marked “not yet”" : "") +
      (mark && !this.state.onlyLater ? " (marked " + (mark === KNOWN ? "known" : "not yet") + ")"
        : "") + ". " +
      this.summary();
  };

  Practice.prototype.renderButtons = function () {
    var current = this.currentDetails();
    var mark = current ? this.state.marks[this.ids[this.currentIndex()]] : null;
    var buttons = [this.revealButton, this.knownButton, this.laterButton, this.prevButton,
      this.nextButton];
    buttons.forEach(function (button) { button.disabled = !current; });
    if (!current) return;
    this.revealButton.setAttribute("aria-expanded", String(current.open));
    this.revealButton.setAttribute("aria-controls", current.id);
    this.revealButton.firstChild.textContent = current.open ? "Hide answer" : "Show answer";
    this.knownButton.setAttribute("aria-pressed", String(mark === KNOWN));
    this.laterButton.setAttribute("aria-pressed", String(mark === LATER));
    this.prevButton.disabled = this.position === 0;
    this.nextButton.disabled = this.position >= this.deck.length - 1;
  };

  Practice.prototype.toggle = function () {
    var current = this.currentDetails();
    if (!current) return;
    current.open = !current.open;
    this.renderButtons();
  };

  Practice.prototype.step = function (delta) {
    if (!this.deck.length) return;
    var next = Math.min(Math.max(this.position + delta, 0), this.deck.length - 1);
    if (next === this.position) return;
    this.position = next;
    this.show();
  };

  Practice.prototype.mark = function (value) {
    var index = this.currentIndex();
    if (index < 0) return;
    this.state.marks[this.ids[index]] = value;
    saveState(this.state);
    if (this.state.onlyLater && value === KNOWN) {
      // It leaves the "not yet" deck; the question after it takes its place.
      this.buildDeck();
      this.position = Math.min(this.position, Math.max(this.deck.length - 1, 0));
      this.show();
    } else if (this.position < this.deck.length - 1) {
      this.position += 1;
      this.show();
    } else {
      this.renderButtons();
      this.announce();
    }
  };

  Practice.prototype.filter = function (onlyLater) {
    var before = this.currentIndex();
    this.state.onlyLater = onlyLater;
    saveState(this.state);
    this.buildDeck();
    var at = this.deck.indexOf(before);
    this.position = at < 0 ? 0 : at;
    this.show();
  };

  Practice.prototype.reset = function () {
    this.state = { marks: {}, onlyLater: false };
    saveState(this.state);
    this.filterBox.checked = false;
    this.buildDeck();
    this.position = 0;
    this.show();
    this.status.textContent = "Progress reset. " + this.status.textContent;
  };

  var KEYS = { a: "toggle", k: KNOWN, l: LATER, ArrowLeft: -1, ArrowRight: 1, Escape: "stop" };

  function onKey(event) {
    if (!active || !active.practising || !document.contains(active.root)) return;
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable ||
        /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
        (target.tagName === "INPUT" && !/^(checkbox|radio|button)$/.test(target.type)))) return;
    var search = document.querySelector("[data-md-toggle='search']");
    if (search && search.checked) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (!Object.prototype.hasOwnProperty.call(KEYS, key)) return;
    var action = KEYS[key];
    event.preventDefault();
    if (action === "toggle") active.toggle();
    else if (action === "stop") active.stop();
    else if (action === KNOWN || action === LATER) active.mark(action);
    else active.step(action);
  }

  function init() {
    active = null;
    var root = document.getElementById("atlas-practice");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    window.atlasPractice = new Practice(root);
  }

  document.addEventListener("keydown", onKey);
  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

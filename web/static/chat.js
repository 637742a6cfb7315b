// Co-Production Coach: what htmx attributes cannot say under a strict CSP (no inline script, no eval):
// Enter sends, the box clears and keeps focus, the newest message scrolls into view, copy, and a length counter.
// Everything here is an enhancement: without this file (or without JS) the form posts and the page comes back.
(function () {
  "use strict";
  var LIMIT = 4000;
  var WARN_AT = 3500;
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var sent = null;
  var turnCount = 0;

  document.documentElement.classList.add("js");

  function byId(id) { return document.getElementById(id); }

  function announce(text) {
    var region = byId("announcer");
    if (!region) return;
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 60);
  }

  function fromComposer(evt) {
    var ctx = evt.detail && evt.detail.ctx;
    return !!(ctx && ctx.sourceElement && ctx.sourceElement.id === "composer");
  }

  function updateCounter() {
    var box = byId("message");
    var counter = byId("counter");
    if (!box || !counter) return;
    var n = Array.from(box.value.trim()).length;  // code points, as the server counts them
    counter.textContent = n >= WARN_AT
      ? n.toLocaleString("en-US") + " / 4,000 characters" + (n > LIMIT ? ": too long" : "") : "";
    counter.classList.toggle("over", n > LIMIT);
  }

  function clearIfUnchanged(status) {
    var box = byId("message");
    if (status >= 200 && status < 400 && box && box.value === sent) {
      box.value = "";
      updateCounter();
    }
  }

  function turns() { return document.querySelectorAll("#thread > .turn"); }

  // Bring the newest question to the top of the thread (not scrollIntoView: that would also scroll the page).
  function showNewest(smooth) {
    var all = turns();
    var scroller = byId("main");
    if (all.length > turnCount && all.length && scroller) {
      scroller.scrollTo({ top: all[all.length - 1].offsetTop - 12, behavior: smooth && !reduceMotion ? "smooth" : "auto" });
    }
    turnCount = all.length;
  }

  // Enter sends, Shift+Enter is a new line; never while an input method is composing (Japanese, Korean, Chinese).
  document.addEventListener("keydown", function (e) {
    var box = e.target;
    if (box && box.id === "message" && e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      if (box.value.trim() && box.form) box.form.requestSubmit();
      return;
    }
    if (e.key === "Escape") {  // close an open menu and return focus to its button
      var menu = e.target.closest && e.target.closest("details.menu[open]");
      if (menu) { menu.open = false; menu.querySelector("summary").focus(); }
    }
  });

  document.addEventListener("input", function (e) {
    if (e.target && e.target.id === "message") updateCounter();
  });

  document.addEventListener("click", function (e) {
    var open = document.querySelector("details.menu[open]");
    if (open && !open.contains(e.target)) open.open = false;
    var button = e.target.closest && e.target.closest("[data-copy]");
    if (button) copyAnswer(button);
  });

  // Opening "No" on an answer puts the cursor in its comment box.
  document.addEventListener("toggle", function (e) {
    var details = e.target;
    if (details.matches && details.matches("details.down") && details.open) {
      var input = details.querySelector("input[name=comment]");
      if (input) input.focus();
    }
  }, true);

  document.addEventListener("htmx:before:request", function (e) {
    if (!fromComposer(e)) return;
    sent = byId("message").value;
    announce("Sent. The coach is thinking.");
  });
  document.addEventListener("htmx:after:request", function (e) {
    if (fromComposer(e) && e.detail.ctx.response) clearIfUnchanged(e.detail.ctx.response.status);
  });
  // A streamed answer (LLM writer on) fires no after:request until it ends; clear as soon as it starts.
  document.addEventListener("htmx:sse:after:connection", function (e) {
    if (e.target && e.target.id === "composer" && e.detail.connection) clearIfUnchanged(e.detail.connection.status);
  });
  document.addEventListener("htmx:after:swap", function () { showNewest(true); });
  document.addEventListener("htmx:finally:request", function (e) {
    if (!fromComposer(e)) return;
    var box = byId("message");
    if (box) box.focus({ preventScroll: true });
  });

  function copyAnswer(button) {
    var answer = button.closest("[data-role=answer]");
    var text = answer ? answer.getAttribute("data-markdown") || "" : "";
    var done = function () {
      button.textContent = "Copied";
      announce("Answer copied to the clipboard.");
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
    };
    var failed = function () { announce("Copying failed; select the answer text and copy it instead."); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
      return;
    }
    // Plain-HTTP hosts have no clipboard API: select a hidden copy of the text instead.
    var holder = document.createElement("pre");
    holder.className = "visually-hidden";
    holder.textContent = text;
    document.body.appendChild(holder);
    var range = document.createRange();
    range.selectNodeContents(holder);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
    selection.removeAllRanges();
    holder.remove();
    if (ok) { done(); } else { failed(); }
  }

  function start() {
    updateCounter();
    if (!window.location.hash) showNewest(false);
    turnCount = turns().length;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

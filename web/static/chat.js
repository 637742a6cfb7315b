// Co-Production Coach: what htmx attributes cannot say under a strict CSP (no inline script, no eval):
// Enter sends, a typing indicator in the thread at once, the box clears and keeps focus, the newest message scrolls
// into view, one inline error with a retry (never a proxy's error page in the thread), copy, and a length counter.
// Everything here is an enhancement: without this file (or without JS) the form posts and the page comes back.
(function () {
  "use strict";
  var LIMIT = 4000;
  var WARN_AT = 3500;
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var sent = null;
  var turnCount = 0;
  var answerCount = 0;
  var retry = null;  // what the Retry button sends again

  document.documentElement.classList.add("js");

  function byId(id) { return document.getElementById(id); }

  // The words this script writes, in the page's language: JSON the server fills from its catalogues.
  var words = {};
  try { words = JSON.parse(document.body.getAttribute("data-ui-text") || "{}"); } catch (err) { words = {}; }
  function say(key, values) {
    var text = words[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  var pageLang = document.documentElement.lang || "en";

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
    var figures = { n: n.toLocaleString(pageLang), limit: LIMIT.toLocaleString(pageLang) };
    counter.textContent = n >= WARN_AT ? say(n > LIMIT ? "counter_over" : "counter", figures) : "";
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
  function showNewest(smooth, always) {
    var all = turns();
    var scroller = byId("main");
    if ((always || all.length > turnCount) && all.length && scroller) {
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
    if (e.target && e.target.id === "message") {
      updateCounter();
      clearError();  // the error was about what was sent; the text has changed since
    }
  });

  document.addEventListener("click", function (e) {
    var open = document.querySelector("details.menu[open]");
    if (open && !open.contains(e.target)) open.open = false;
    var button = e.target.closest && e.target.closest("[data-copy]");
    if (button) copyAnswer(button);
    if (e.target.closest && e.target.closest("[data-retry]") && retry) {
      var again = retry;
      clearError();
      again();
    }
  });

  // Opening "No" on an answer puts the cursor in its comment box.
  document.addEventListener("toggle", function (e) {
    var details = e.target;
    if (details.matches && details.matches("details.down") && details.open) {
      var input = details.querySelector("input[name=comment]");
      if (input) input.focus();
    }
  }, true);

  function clearError() {
    var region = byId("composer-error");
    if (region && region.firstChild) region.textContent = "";
    retry = null;
  }

  // One clear inline error in the composer, with a Retry button that sends the same thing again.
  function showError(message, again) {
    var region = byId("composer-error");
    if (!region) return;
    region.textContent = "";
    var p = document.createElement("p");
    p.className = "composer-error-text";
    p.appendChild(document.createTextNode(message + " "));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "retry ghost";
    button.setAttribute("data-retry", "");
    button.textContent = say("retry");
    p.appendChild(button);
    region.appendChild(p);
    retry = again;
  }

  function removePending() {
    var pending = byId("pending-turn");
    if (pending) pending.remove();
  }

  // The question and a typing indicator appear in the thread as soon as the message is sent.
  function showPending(text) {
    removePending();
    var thread = byId("thread");
    if (!thread || !text) return;
    var turn = document.createElement("article");
    turn.className = "turn pending";
    turn.id = "pending-turn";
    var user = document.createElement("div");
    user.className = "bubble user";
    var who = document.createElement("h2");
    who.className = "who";
    who.textContent = say("you");
    var p = document.createElement("p");
    p.className = "user-text";
    p.dir = "auto";
    p.textContent = text;
    user.appendChild(who);
    user.appendChild(p);
    var coach = document.createElement("div");
    coach.className = "bubble coach typing-bubble";
    coach.setAttribute("data-role", "typing");
    var dots = document.createElement("span");
    dots.className = "dots";
    dots.setAttribute("aria-hidden", "true");
    for (var i = 0; i < 3; i++) dots.appendChild(document.createElement("i"));
    var label = document.createElement("span");
    label.textContent = say("typing");
    coach.appendChild(dots);
    coach.appendChild(label);
    turn.appendChild(user);
    turn.appendChild(coach);
    thread.appendChild(turn);
    showNewest(true);
  }

  function submitter(evt) {
    var source = evt.detail.ctx.sourceEvent;
    return source && source.submitter ? source.submitter : null;
  }

  function resend(form, text) {
    return function () {
      var box = byId("message");
      if (form.id === "composer" && box && text) box.value = text;
      form.requestSubmit();
    };
  }

  document.addEventListener("htmx:before:request", function (e) {
    var ctx = e.detail.ctx;
    if (!ctx || !ctx.sourceElement) return;
    clearError();
    if (!fromComposer(e)) return;
    var button = submitter(e);
    var suggestion = button && button.name === "suggestion" ? button.value : "";
    sent = byId("message").value;
    e.detail.ctx.coachText = suggestion || sent;
    showPending(suggestion || sent.trim());
    announce(say("sent"));
  });
  document.addEventListener("htmx:after:request", function (e) {
    var ctx = e.detail.ctx;
    if (!ctx || !ctx.response) return;
    if (fromComposer(e)) removePending();
    var status = ctx.response.status;
    // Our own errors say what to do and carry X-Coach; anything else (a proxy's 502 page, a crash) never goes in.
    if (status >= 400 && ctx.response.headers.get("X-Coach") !== "web") {
      e.preventDefault();
      showError(say("server_error", { status: status }), resend(ctx.sourceElement, ctx.coachText));
      announce(say("not_answered"));
      return;
    }
    if (fromComposer(e)) clearIfUnchanged(status);
  });
  document.addEventListener("htmx:error", function (e) {
    var ctx = e.detail.ctx;
    if (!ctx || !ctx.sourceElement) return;
    if (fromComposer(e)) removePending();
    showError(say("offline"), resend(ctx.sourceElement, ctx.coachText));
    announce(say("offline_short"));
  });
  // A streamed answer (LLM writer on) fires no after:request until it ends; clear as soon as it starts.
  document.addEventListener("htmx:sse:after:connection", function (e) {
    if (e.target && e.target.id === "composer" && e.detail.connection) {
      removePending();
      clearIfUnchanged(e.detail.connection.status);
    }
  });
  document.addEventListener("htmx:after:swap", function () {
    var answers = document.querySelectorAll("#thread [data-role=answer]:not(.streaming)").length;
    // The answer replaces the typing indicator (and the welcome above it goes): bring its question to the top.
    showNewest(true, answers > answerCount);
    if (answers > answerCount) announce(say("received"));  // not the whole answer: the user reads it
    answerCount = answers;
  });
  document.addEventListener("htmx:finally:request", function (e) {
    if (!fromComposer(e)) return;
    var box = byId("message");
    if (box) box.focus({ preventScroll: true });
  });

  // The answer as plain text, the way it reads on screen: headings, numbered steps, bullets, then the sources.
  function plainText(answer) {
    var md = answer.querySelector(".md");
    var blocks = [];
    Array.prototype.forEach.call(md ? md.children : [], function (node) {
      var tag = node.tagName;
      if (tag === "OL" || tag === "UL") {
        var items = [];
        Array.prototype.forEach.call(node.children, function (li, i) {
          items.push((tag === "OL" ? (i + 1) + ". " : "• ") + li.textContent.trim().replace(/\s+/g, " "));
        });
        blocks.push(items.join("\n"));
      } else {
        blocks.push(node.textContent.trim().replace(/\s+/g, " "));
      }
    });
    var titles = Array.prototype.map.call(answer.querySelectorAll(".source-title"), function (t) {
      return t.textContent.trim();
    });
    if (titles.length) blocks.push(say("sources", { titles: titles.join("; ") }));
    return blocks.filter(Boolean).join("\n\n");
  }

  function copyAnswer(button) {
    var answer = button.closest("[data-role=answer]");
    var markdown = button.getAttribute("data-copy") === "markdown";
    var text = !answer ? "" : markdown ? answer.getAttribute("data-markdown") || "" : plainText(answer);
    var label = button.textContent;
    var done = function () {
      button.textContent = say("copied");
      announce(say(markdown ? "copied_markdown" : "copied_text"));
      window.setTimeout(function () { button.textContent = label; }, 2000);
    };
    var failed = function () { announce(say("copy_failed")); };
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
    answerCount = document.querySelectorAll("#thread [data-role=answer]").length;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

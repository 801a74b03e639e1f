// The console's only script besides htmx: template picking, resetting a form its command accepted,
// and SLA countdowns that keep counting between reloads. No inline script anywhere (the content
// security policy forbids it).
(function () {
  "use strict";

  function span(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    if (d > 0) return d + " d" + (h > 0 ? " " + h + " h" : "");
    if (h > 0) return h + " h" + (m > 0 ? " " + m + " min" : "");
    if (m > 0) return m + " min";
    return s + " s";
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (isNaN(due)) return;
      var left = due - now;
      el.classList.remove("ok", "warn", "breached");
      if (left <= 0) {
        el.textContent = "overdue by " + span(-left);
        el.classList.add("breached");
      } else {
        el.textContent = span(left) + " left";
        el.classList.add(left < 3600000 ? "warn" : "ok");
      }
    });
  }

  document.addEventListener("change", function (event) {
    var picker = event.target;
    if (picker.id !== "template") return;
    var option = picker.options[picker.selectedIndex];
    var body = option && option.getAttribute("data-body");
    if (!body) return;
    var form = picker.form;
    form.querySelector("#message-text").value = body;
    var kind = form.querySelector("#message-kind");
    var wanted = option.getAttribute("data-kind");
    if (kind && wanted) {
      for (var i = 0; i < kind.options.length; i++) {
        if (kind.options[i].value === wanted) kind.selectedIndex = i;
      }
    }
  });

  // A form whose command was accepted is emptied for the next one; a refused one keeps its text.
  document.addEventListener("htmx:afterSettle", function (event) {
    var notice = document.getElementById("notice");
    var form = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
    if (notice && notice.getAttribute("data-outcome") === "accepted" && form && form.classList &&
        form.classList.contains("resets")) {
      form.reset();
    }
    tick();
  });

  document.addEventListener("DOMContentLoaded", tick);
  setInterval(tick, 30000);
})();

// The toaster's page: logs in, then shows live status (server-sent events), history with ratings,
// or model health, all through the JSON API in docs/web.md. Every request that changes something
// is a same-origin JSON POST carrying the session's CSRF token.
"use strict";
(function () {
  const $ = id => document.getElementById(id);
  let csrf = null;

  async function api(method, path, body) {
    const opts = {method: method, headers: {}, credentials: "same-origin"};
    if (method === "POST") {
      opts.headers["Content-Type"] = "application/json";
      if (csrf) opts.headers["X-CSRF-Token"] = csrf;
      opts.body = JSON.stringify(body || {});
    }
    const res = await fetch(path, opts);
    const data = await res.json().catch(() => ({error: "no answer from the toaster"}));
    if (!res.ok) {
      const e = new Error(data.error || ("HTTP " + res.status));
      e.status = res.status;
      e.login = data.login;
      throw e;
    }
    return data;
  }

  function say(text, isError) {
    const m = $("message");
    m.textContent = text;
    m.className = isError ? "message error" : "message";
    m.hidden = !text;
  }

  function text(id, v) {
    $(id).textContent = v === null || v === undefined ? "–" : v;
  }

  function cell(tr, v, label) {
    const td = document.createElement("td");
    if (label) td.dataset.label = label;
    td.textContent = v === null || v === undefined ? "–" : v;
    tr.appendChild(td);
    return td;
  }

  // ---- login ---------------------------------------------------------------------------------

  async function start() {
    try {
      const s = await api("GET", "/api/session");
      csrf = s.csrfToken;
      $("login").hidden = true;
      $("main").hidden = false;
      $("logout").hidden = false;
      pages[document.body.dataset.page]();
    } catch (e) {
      if (e.status !== 401) { say(e.message, true); return; }
      $("secret-label").textContent = e.login === "token" ? "Token" : "Password";
      $("login").hidden = false;
      $("main").hidden = true;
      $("secret").focus();
    }
  }

  $("login").addEventListener("submit", async ev => {
    ev.preventDefault();
    $("login-error").textContent = "";
    try {
      const r = await api("POST", "/api/login", {secret: $("secret").value});
      csrf = r.csrfToken;
      $("secret").value = "";
      start();
    } catch (e) {
      $("login-error").textContent = e.message;
    }
  });

  $("logout").addEventListener("click", async () => {
    try { await api("POST", "/api/logout"); } catch (e) { /* logged out either way */ }
    location.reload();
  });

  // ---- status ------------------------------------------------------------------------------

  let lastTraceFetch = 0;
  let settingsShown = false;

  function showStatus(s) {
    text("phase", s.phase);
    $("phase").dataset.phase = s.phase;
    text("chamber", s.chamberC === null ? null : s.chamberC.toFixed(1));
    text("heater", s.heaterOn ? "on" : "off");
    text("remaining", s.remainingS.toFixed(1));
    text("predicted", s.predictedS === null ? null : s.predictedS.toFixed(1));
    text("predictor", s.predictor ? "by " + s.predictor + (s.fallbackReason ? " (" + s.fallbackReason + ")" : "") : "");
    $("fault").hidden = !s.fault;
    if (s.fault) { text("fault-code", s.fault.code); text("fault-message", s.fault.message); }
    const active = s.phase === "armed" || s.phase === "preparing" || s.phase === "toasting";
    $("cancel").disabled = !active;
    $("apply").disabled = active;
    if (!settingsShown || active) {
      for (const k of ["shade", "bread", "mode", "slices", "thicknessMm"]) $(k).value = String(s.settings[k]);
      settingsShown = true;
    }
    const now = Date.now();
    if (active || now - lastTraceFetch > 5000) {
      if (now - lastTraceFetch > 900 || !active) {
        lastTraceFetch = now;
        api("GET", "/api/trace").then(t => toasterChart.draw($("chart"), t)).catch(() => {});
      }
    }
  }

  function statusPage() {
    for (let i = 1; i <= 7; i++) {
      const o = document.createElement("option");
      o.textContent = String(i);
      $("shade").appendChild(o);
    }
    const stream = new EventSource("/api/events");
    stream.onmessage = ev => showStatus(JSON.parse(ev.data));
    stream.onerror = () => say("Lost the toaster's live status; retrying…", true);
    stream.onopen = () => say("");
    $("cancel").addEventListener("click", async () => {
      try { const r = await api("POST", "/api/cancel"); say("Cancel sent (toaster time " + r.cancelRequestedAtS.toFixed(3) + " s)."); } catch (e) { say(e.message, true); }
    });
    $("settings").addEventListener("submit", async ev => {
      ev.preventDefault();
      const body = {};
      for (const k of ["shade", "bread", "mode", "slices", "thicknessMm"]) body[k] = $(k).value;
      try { await api("POST", "/api/settings", body); say("Settings sent."); settingsShown = false; }
      catch (e) { say(e.message, true); }
    });
  }

  // ---- history -----------------------------------------------------------------------------

  async function historyPage() {
    let data;
    try { data = await api("GET", "/api/cycles"); } catch (e) { say(e.message, true); return; }
    const body = $("cycles").tBodies[0];
    while (body.firstChild) body.removeChild(body.firstChild);
    text("history-note", data.total === 0 ? "No cycles recorded yet." : data.total + " cycles recorded; newest first.");
    data.cycles.forEach((c, i) => {
      const tr = document.createElement("tr");
      tr.dataset.cycle = c.cycleId;
      cell(tr, new Date(c.startTime).toLocaleString(), "Started");
      const st = c.settings;
      cell(tr, "shade " + st.shade + ", " + st.bread + ", " + st.mode + ", " + st.slices + "×" + st.thicknessMm + " mm", "Settings");
      cell(tr, c.predictedS.toFixed(1) + " s by " + c.predictor + (c.modelVersion ? " " + c.modelVersion : "")
        + (c.fallbackReason ? " — fallback: " + c.fallbackReason : ""), "Predicted");
      cell(tr, c.heaterOnS.toFixed(1) + " s", "Heater");
      cell(tr, c.outcome + (c.faultCode ? " (" + c.faultCode + ")" : ""), "Outcome");
      const r = cell(tr, c.rating, "Rating");
      r.className = "rating";
      if (i === 0 && (c.outcome === "done" || c.outcome === "cancelled")) {
        for (const [id, label] of [["too-light", "Too light"], ["just-right", "Just right"], ["too-dark", "Too dark"]]) {
          const b = document.createElement("button");
          b.type = "button";
          b.className = "rate";
          b.dataset.rating = id;
          b.textContent = label;
          b.addEventListener("click", async ev => {
            ev.stopPropagation();
            try { await api("POST", "/api/rating", {cycleId: c.cycleId, rating: id}); say("Rated " + label.toLowerCase() + "."); historyPage(); }
            catch (e) { say(e.message, true); }
          });
          r.appendChild(b);
        }
      }
      tr.addEventListener("click", () => showTrace(c));
      body.appendChild(tr);
    });
    if (data.cycles.length > 0) showTrace(data.cycles[0]);
    else toasterChart.draw($("chart"), null);
  }

  async function showTrace(c) {
    text("chart-title", "Cycle of " + new Date(c.startTime).toLocaleString());
    try { toasterChart.draw($("chart"), await api("GET", "/api/trace?cycle=" + encodeURIComponent(c.cycleId))); }
    catch (e) { say(e.message, true); }
  }

  // ---- model -------------------------------------------------------------------------------

  async function modelPage() {
    let m;
    try { m = await api("GET", "/api/model"); } catch (e) { say(e.message, true); return; }
    text("running", m.running || "no model (the configured predictor uses none)");
    text("active", m.active);
    text("model-note", m.note);
    const inst = $("installed").tBodies[0];
    if (m.installed.length === 0) { const tr = document.createElement("tr"); cell(tr, "none installed: the factory model in the jar"); inst.appendChild(tr); }
    m.installed.forEach(i => {
      const tr = document.createElement("tr");
      cell(tr, i.version); cell(tr, i.origin); cell(tr, i.installedAt);
      cell(tr, (i.active ? "active" : "installed") + (i.problem ? " — " + i.problem : ""));
      inst.appendChild(tr);
    });
    const met = $("metrics").tBodies[0];
    if (m.card) {
      text("card-head", "Card of " + m.card.modelVersion + ", trained " + m.card.created + " on " + m.card.dataRows + " rows");
      const headline = {maeS: "Time error, mean (s)", p95AbsErrS: "Time error, 95th percentile (s)",
        shadeMae: "Shade error, mean (steps)", shadeP95: "Shade error, 95th percentile (steps)"};
      const more = $("more-metrics").tBodies[0];
      let n = 0;
      for (const k in m.card.metrics) {
        const tr = document.createElement("tr");
        cell(tr, headline[k] || k);
        cell(tr, m.card.metrics[k].toFixed(3));
        (headline[k] ? met : more).appendChild(tr);
        n++;
      }
      text("all-metrics-summary", "All " + n + " card metrics");
    } else {
      text("card-head", "The running model's card cannot be read.");
    }
    const mon = $("monitoring").tBodies[0];
    if (m.monitoring.length === 0) { const tr = document.createElement("tr"); cell(tr, "no rolling figures monitored on this device yet"); mon.appendChild(tr); }
    m.monitoring.forEach(f => { const tr = document.createElement("tr"); cell(tr, f.name); cell(tr, f.value.toFixed(3) + " " + f.unit); cell(tr, f.overCycles + " cycles"); mon.appendChild(tr); });
  }

  const pages = {status: statusPage, history: historyPage, model: modelPage};
  start();
})();

// Draws one cycle's trace as SVG: chamber temperature (line), heater on (shaded spans), the
// supervisor's cut-off (red line) and the predicted end of heating (dashed line). No library:
// a few SVG elements made with the DOM, so the page's Content-Security-Policy needs no inline code.
"use strict";
window.toasterChart = (function () {
  const NS = "http://www.w3.org/2000/svg";
  const W = 600, H = 300, L = 44, R = 10, T = 10, B = 28;

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function draw(svg, trace) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const samples = (trace && trace.samples) || [];
    if (samples.length === 0) {
      svg.appendChild(el("text", {x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty"},
        trace && trace.found === false ? "No trace recorded for this cycle (traces are kept for this run's cycles)" : "No cycle yet"));
      return;
    }
    const lastT = samples[samples.length - 1][0];
    const tMax = Math.max(10, lastT, trace.predictedS || 0) * 1.05;
    let cMax = trace.cutoffC * 1.08;
    let cMin = 0;
    for (const s of samples) if (s[1] !== null) { cMax = Math.max(cMax, s[1]); cMin = Math.min(cMin, s[1]); }
    const x = t => L + (W - L - R) * t / tMax;
    const y = c => T + (H - T - B) * (1 - (c - cMin) / (cMax - cMin));
    // Heater-on spans first, under everything else.
    let from = null;
    samples.forEach((s, i) => {
      const on = s[2] === 1;
      if (on && from === null) from = s[0];
      if ((!on || i === samples.length - 1) && from !== null) {
        svg.appendChild(el("rect", {x: x(from), y: T, width: Math.max(1, x(s[0]) - x(from)), height: H - T - B, class: "heat"}));
        from = null;
      }
    });
    for (let c = 0; c <= cMax; c += 50) {
      svg.appendChild(el("line", {x1: L, x2: W - R, y1: y(c), y2: y(c), class: "grid"}));
      svg.appendChild(el("text", {x: L - 4, y: y(c) + 4, "text-anchor": "end", class: "tick"}, String(c)));
    }
    const step = tMax > 240 ? 60 : tMax > 90 ? 30 : 10;
    for (let t = 0; t <= tMax; t += step) {
      svg.appendChild(el("text", {x: x(t), y: H - 8, "text-anchor": "middle", class: "tick"}, t + " s"));
    }
    svg.appendChild(el("line", {x1: L, x2: W - R, y1: y(trace.cutoffC), y2: y(trace.cutoffC), class: "cutoff"}));
    if (trace.predictedS) {
      svg.appendChild(el("line", {x1: x(trace.predictedS), x2: x(trace.predictedS), y1: T, y2: H - B, class: "end"}));
    }
    let path = "";
    samples.forEach(s => { if (s[1] !== null) path += (path ? " L" : "M") + x(s[0]).toFixed(1) + " " + y(s[1]).toFixed(1); });
    svg.appendChild(el("path", {d: path, class: "chamber"}));
    svg.setAttribute("data-samples", String(samples.length));
    svg.setAttribute("data-running", String(!!trace.running));
  }

  return {draw: draw};
})();

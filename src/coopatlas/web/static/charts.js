// Indicator charts: one dot per statement (x: the year it refers to or was said, y: value);
// hovering shows the sentence and its source; clicking opens the sentence in its document.
(function () {
  "use strict";
  if (!window.Chart) return;
  const page = window.coopatlas.data;
  const series = {};
  if (page.items && page.items.length && page.items[0].points) {
    page.items.forEach((ind) => { series[ind.indicator] = ind.points; });
  } else if (page.indicator) {
    series[page.indicator] = page.points || [];
  }
  const yearOf = (p) => {
    const m = String(p.period || "").match(/(\d{4})/g);
    if (m) return parseInt(m[m.length - 1], 10) + 0.5;
    return p.published ? parseInt(p.published.slice(0, 4), 10) + parseInt(p.published.slice(5, 7), 10) / 12 : null;
  };
  const palette = ["#1f6feb", "#d29922", "#2da44e", "#8250df", "#cf222e", "#57606a"];
  document.querySelectorAll("canvas.chart").forEach((canvas) => {
    const points = (series[canvas.dataset.indicator] || []).filter((p) => yearOf(p) !== null);
    const units = [...new Set(points.map((p) => p.unit))];
    const datasets = units.map((unit, i) => {
      const mine = points.filter((p) => p.unit === unit);
      return {
        label: unit, data: mine.map((p) => ({ x: yearOf(p), y: p.value, p })),
        backgroundColor: mine.map((p) => (p.conflict ? "#cf222e" : palette[i % palette.length])),
        pointStyle: mine.map((p) => (p.conflict ? "triangle" : "circle")),
        pointRadius: mine.map((p) => (p.conflict ? 7 : 4)), yAxisID: i === 0 ? "y" : "y" + i,
      };
    });
    const xs = points.map(yearOf);
    const scales = { x: { type: "linear", min: Math.floor(Math.min(...xs, 9999)) - 1,
      max: Math.ceil(Math.max(...xs, 0)) + 1,
      ticks: { stepSize: 1, callback: (v) => String(Math.floor(v)) } } };
    units.forEach((unit, i) => {
      scales[i === 0 ? "y" : "y" + i] = { type: "linear", position: i % 2 ? "right" : "left",
        title: { display: true, text: unit }, grid: { drawOnChartArea: i === 0 } };
    });
    new Chart(canvas, {
      type: "scatter", data: { datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        onClick: (_e, items) => { if (items.length) window.location = items[0].element.$context.raw.p.url; },
        plugins: { tooltip: { callbacks: {
          title: (items) => items.map((it) => `${it.raw.p.value} ${it.raw.p.unit}${it.raw.p.period ? " (" + it.raw.p.period + ")" : ""}${it.raw.p.conflict ? " ⚠" : ""}`),
          label: (it) => [(it.raw.p.quote || "").slice(0, 140) + ((it.raw.p.quote || "").length > 140 ? "…" : ""),
            `${it.raw.p.speaker ? it.raw.p.speaker + ", " : ""}${it.raw.p.doc_id} ${it.raw.p.published || ""}`],
        } } },
        scales,
      },
    });
    canvas.dataset.drawn = String(points.length);
  });
})();

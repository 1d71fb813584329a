// coopatlas portal: small behaviours shared by every page (no framework).
(function () {
  "use strict";
  const menu = document.querySelector(".menu");
  const nav = document.getElementById("nav");
  if (menu && nav) {
    menu.addEventListener("click", () => {
      const open = nav.classList.toggle("open");
      menu.setAttribute("aria-expanded", String(open));
    });
  }
  // Sortable tables: click a heading with data-sort="text|num".
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("th[data-sort]").forEach((th, index) => {
      th.addEventListener("click", () => {
        const body = table.tBodies[0];
        const numeric = th.dataset.sort === "num";
        const dir = th.dataset.dir === "asc" ? -1 : 1;
        th.dataset.dir = dir === 1 ? "asc" : "desc";
        const key = (row) => {
          const text = (row.cells[index] ? row.cells[index].textContent : "").trim();
          return numeric ? parseFloat(text.replace(/[^0-9.\-]/g, "")) || 0 : text.toLowerCase();
        };
        const rows = Array.from(body.rows);
        rows.sort((a, b) => (key(a) > key(b) ? dir : key(a) < key(b) ? -dir : 0));
        rows.forEach((row) => body.appendChild(row));
      });
    });
  });
  window.coopatlas = {
    data: JSON.parse(document.getElementById("page-data").textContent || "{}"),
    lang: document.documentElement.lang || "en",
  };
})();

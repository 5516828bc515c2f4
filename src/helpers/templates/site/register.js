// The people register: click a heading to sort by that column, type to filter the rows.
// Plain DOM, no library; the page works as a plain table without it.
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("register");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const filter = document.getElementById("register-filter");
  const count = document.getElementById("register-count");
  const key = (row, i) => (row.cells[i].dataset.key || row.cells[i].textContent).trim().toLowerCase();
  // Case and accents do not matter ("jezov" finds "Ježov"); a row also matches its aliases (data-also).
  const plain = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const show = () => {
    const words = plain(filter.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row) => {
      const text = plain(`${row.textContent} ${row.dataset.also || ""}`);
      row.hidden = !words.every((w) => text.includes(w));
      shown += row.hidden ? 0 : 1;
    });
    count.textContent = `${shown} of ${rows.length}`;
  };
  Array.from(table.tHead.rows[0].cells).forEach((th, i) => {
    th.tabIndex = 0;
    th.setAttribute("role", "button");
    th.title = "Sort by this column";
    const sort = () => {
      const up = th.getAttribute("aria-sort") !== "ascending";
      Array.from(table.tHead.rows[0].cells).forEach((c) => c.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      rows.sort((a, b) => (up ? 1 : -1) * key(a, i).localeCompare(key(b, i)));
      rows.forEach((row) => body.appendChild(row));
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
  });
  filter.addEventListener("input", show);
  show();
});

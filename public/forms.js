// Small enhancements of the forms; every page works without them.
// - A picker's find box (data-filters: a selector of lists) hides, as one
//   types, the listed choices whose text lacks a typed word; ticked or
//   selected ones stay. Its Find button still asks the server, which also
//   searches aliases and the choices not listed.
// - A length limit in a label (data-limit, data-for) becomes a live count,
//   marked when over: the server refuses longer text, the browser never cuts it.
"use strict";

const fold = (s) =>
  s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

for (const input of document.querySelectorAll("input[data-filters]")) {
  const lists = document.querySelectorAll(input.dataset.filters);
  input.addEventListener("input", () => {
    const words = fold(input.value).match(/[\p{L}\p{N}]+/gu) || [];
    for (const list of lists) {
      for (const choice of list.querySelectorAll("label.check, option")) {
        if (choice.value === "") continue; // a select's "Choose…" line
        const kept = choice.selected || choice.querySelector("input:checked") !== null;
        const text = fold(choice.textContent);
        choice.hidden = !kept && !words.every((w) => text.includes(w));
      }
    }
  });
}

// counts as the page's language writes them ("1,000", "1 000")
const count = (n) => n.toLocaleString(document.documentElement.lang || "en");
for (const limit of document.querySelectorAll("[data-limit]")) {
  const field = document.getElementById(limit.dataset.for);
  if (!field) continue;
  const max = Number(limit.dataset.limit);
  const show = () => {
    // UTF-16 units and line ends as two, as the server counts what the form sends
    const n = field.value.replace(/\r?\n/g, "\r\n").trim().length;
    limit.textContent = `${count(n)} / ${count(max)}`;
    limit.classList.toggle("over", n > max);
  };
  field.addEventListener("input", show);
  show();
}

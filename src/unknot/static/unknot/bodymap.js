// Unknot body map: a picture of the form's <input type="checkbox" name="areas">
// boxes. Tapping a .body-map__region ticks its area's box; ticking a box lights
// every shape of that area (left/right limbs, front/back views).
// Load with <script type="module" src="...">. Does nothing when no map is present.

const REGION = ".body-map__region";
const BOX = 'input[type="checkbox"][name="areas"]';

const regionsFor = (code) =>
  Array.from(document.querySelectorAll(REGION)).filter((r) => r.dataset.area === code);

const boxesFor = (code) =>
  Array.from(document.querySelectorAll(BOX)).filter((b) => b.value === code);

// Show `on` on every region of this area (both limbs, both views).
function paint(code, on) {
  for (const region of regionsFor(code)) {
    region.classList.toggle("is-selected", on);
  }
}

// A region was activated: update the map and the matching form checkboxes.
function toggle(region) {
  const code = region.dataset.area;
  if (!code) return;
  const on = !region.classList.contains("is-selected");
  paint(code, on);
  for (const box of boxesFor(code)) {
    if (box.checked !== on) {
      box.checked = on;
      box.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}

// Where a form checkbox exists it is the source of truth (it may have been
// restored by the browser); otherwise keep the state rendered by the server.
function syncAll() {
  const codes = new Set(Array.from(document.querySelectorAll(REGION), (r) => r.dataset.area));
  for (const code of codes) {
    if (!code) continue;
    const boxes = boxesFor(code);
    const on = boxes.length
      ? boxes.some((b) => b.checked)
      : regionsFor(code).some((r) => r.classList.contains("is-selected"));
    paint(code, on);
  }
}

function init() {
  const regions = document.querySelectorAll(REGION);
  if (regions.length === 0) return;
  // Pointer only: the list's tick boxes are the keyboard and screen-reader path.
  for (const region of regions) region.addEventListener("click", () => toggle(region));

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.matches(BOX)) paint(box.value, box.checked);
  });
  // A form reset changes the boxes after the event, without "change" events.
  document.addEventListener("reset", () => setTimeout(syncAll, 0));
  window.addEventListener("pageshow", syncAll);

  syncAll();
}

init();

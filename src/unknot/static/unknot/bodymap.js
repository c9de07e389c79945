// Unknot body map: makes the .body-map__region shapes in assessments/_body_map.html
// behave as checkboxes, kept in sync with each other (left/right limbs, front/back
// views) and with the form's <input type="checkbox" name="areas" value="CODE">.
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
    region.setAttribute("aria-checked", on ? "true" : "false");
  }
}

// A region was activated: update the map and the matching form checkboxes.
function toggle(region) {
  const code = region.dataset.area;
  if (!code) return;
  const on = region.getAttribute("aria-checked") !== "true";
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
      : regionsFor(code).some((r) => r.getAttribute("aria-checked") === "true");
    paint(code, on);
  }
}

// Left and right limbs are two shapes of one area. Within each view only the
// first shape is a tab stop and is announced; the twin still responds to
// clicks and taps. That halves the tab stops and ends duplicate announcements.
function quietTwins() {
  for (const view of document.querySelectorAll(".body-map svg")) {
    const seen = new Set();
    for (const region of view.querySelectorAll(REGION)) {
      if (seen.has(region.dataset.area)) {
        region.setAttribute("tabindex", "-1");
        region.setAttribute("aria-hidden", "true");
      }
      seen.add(region.dataset.area);
    }
  }
}

function init() {
  const regions = document.querySelectorAll(REGION);
  if (regions.length === 0) return;
  quietTwins();

  for (const region of regions) {
    region.addEventListener("click", () => toggle(region));
    region.addEventListener("keydown", (event) => {
      if (event.key !== " " && event.key !== "Enter") return;
      event.preventDefault(); // Space must not scroll the page
      if (!event.repeat) toggle(region);
    });
  }

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

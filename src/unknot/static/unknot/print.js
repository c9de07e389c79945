// "Print or save this plan": the button only appears when this script runs.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// The plan prints in full: folded steps and cautions open for the printer,
// and close again afterwards as the person left them.
let opened = [];
window.addEventListener("beforeprint", () => {
  opened = [...document.querySelectorAll(".plan details:not([open]), .today details:not([open])")];
  for (const details of opened) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of opened) details.open = false;
  opened = [];
});

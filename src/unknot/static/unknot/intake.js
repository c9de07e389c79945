// The intake form's small helps, all optional: without this script every
// question and tick box is simply shown.
// - A yes-or-no warning-sign question opens its tick boxes only on "yes".
// - A progress bar counts the questions that need an answer.
const form = document.querySelector("form.intake");

function setUpGates() {
  for (const gate of form.querySelectorAll("[data-gate]")) {
    const items = gate.querySelector("[data-gate-items]");
    const radios = gate.querySelectorAll('.gated__answer input[type="radio"]');
    const boxes = items.querySelectorAll('input[type="checkbox"]');
    const yes = Array.from(radios).find((r) => r.value === "yes");
    const no = Array.from(radios).find((r) => r.value === "no");
    // A box ticked earlier (a refused form, the back button) always counts: a
    // warning sign is never dropped for a "no" beside it.
    if (Array.from(boxes).some((b) => b.checked)) yes.checked = true;
    const show = () => { items.hidden = !yes.checked; };
    for (const radio of radios) {
      radio.addEventListener("change", () => {
        // Choosing "no" now means none of them: what is sent matches what is shown.
        if (no.checked) for (const box of boxes) box.checked = false;
        show();
      });
    }
    show();
  }
}

function setUpProgress() {
  const holder = form.querySelector(".intake-progress");
  const bar = holder.querySelector("progress");
  const text = holder.querySelector("[data-progress-text]");
  const answered = {
    areas: () => form.querySelector('input[name="areas"]:checked'),
    cause: () => form.querySelector('input[name="cause"]:checked'),
    onset: () => form.querySelector('input[name="onset_amount"]').value.trim(),
    intensity: () => form.querySelector('input[name="intensity"]:checked'),
    trend: () => form.querySelector('input[name="trend"]:checked'),
    limits: () => form.querySelector('input[name="function_limit"]:checked'),
    age: () => form.querySelector('input[name="age"]').value.trim(),
  };
  const total = Object.keys(answered).length;
  const update = () => {
    const done = Object.values(answered).filter((check) => check()).length;
    bar.max = total;
    bar.value = done;
    text.textContent = `${done} of ${total} questions answered`;
  };
  form.addEventListener("change", update);
  form.addEventListener("input", update);
  holder.hidden = false;
  update();
}

if (form) {
  setUpGates();
  setUpProgress();
}

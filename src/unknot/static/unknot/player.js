// The guided routine player. The routine (items and the segments to do, in
// order) comes from the page as JSON written by the engine; this module only
// walks through it. Without this script the page is the plain routine list.
const dialog = document.getElementById("player");

const SIDE = { left: "Left side", right: "Right side" };
const REST = {
  hold: "Rest, then the next hold",
  side: "Change to the other side",
  set: "Rest before the next set",
};
const TICK_MS = 200;

if (dialog && typeof dialog.showModal === "function") setUp();

function setUp() {
  const part = (name) => dialog.querySelector(`[data-p="${name}"]`);
  const ui = {
    where: part("where"), play: part("play"), picture: part("picture"), name: part("name"),
    dose: part("dose"), now: part("now"), clock: part("clock"), steps: part("steps"),
    cautions: part("cautions"), end: part("end"), endTitle: part("end-title"),
    pain: part("pain"), done: part("done"), endHint: part("end-hint"), fill: part("fill"),
    finish: part("finish"), say: part("say"), controls: part("controls"), back: part("back"),
    main: part("main"), skip: part("skip"), speak: part("speak"), beep: part("beep"),
    close: part("close"), options: part("options"),
  };
  const checkin = document.querySelector("form[data-offline-checkin]");
  let routine = null;
  let at = 0; // the segment being done
  let left = 0; // milliseconds left in a timed segment
  let deadline = 0; // when it ends, while running
  let running = false;
  let count = 0; // repetitions counted in a reps segment
  let done = new Set(); // items finished
  let worked = new Set(); // items with a hold timed out or a count counted through
  let timer = 0;
  let wakeLock = null;
  let audio = null;

  for (const box of [ui.speak, ui.beep]) {
    box.checked = localStorage.getItem(`unknot-player-${box.dataset.p}`) === "1";
    box.addEventListener("change", () => {
      localStorage.setItem(`unknot-player-${box.dataset.p}`, box.checked ? "1" : "0");
    });
  }

  for (const button of document.querySelectorAll("[data-routine]")) {
    const data = document.getElementById(button.dataset.routine);
    if (!data) continue;
    button.hidden = false;
    button.addEventListener("click", () => open(JSON.parse(data.textContent)));
  }

  function open(data) {
    routine = data;
    done = new Set();
    worked = new Set();
    ui.end.hidden = true;
    ui.play.hidden = false;
    ui.controls.hidden = false;
    ui.options.hidden = false;
    dialog.showModal();
    keepAwake();
    go(0);
    ui.main.focus();
  }

  function segment() {
    return routine.segments[at];
  }

  function item(seg = segment()) {
    return routine.items[seg.item];
  }

  function go(index) {
    stop();
    at = index;
    if (at >= routine.segments.length) {
      finish();
      return;
    }
    const seg = segment();
    count = 0;
    left = (seg.seconds || 0) * 1000;
    if (seg.do === "ready") showItem(item(seg));
    render();
    announce(describe(seg));
    if (seg.seconds) start();
  }

  function showItem(current) {
    ui.where.textContent = `${routine.title}: ${segment().item + 1} of ${routine.items.length}`;
    ui.picture.hidden = !current.picture;
    if (current.picture) ui.picture.src = current.picture;
    ui.picture.alt = current.alt || "";
    ui.name.textContent = current.name;
    ui.dose.textContent = current.dose;
    ui.steps.replaceChildren(...current.steps.map((text) => li(text)));
    ui.cautions.replaceChildren(...current.cautions.map((text) => li(text)));
    ui.cautions.hidden = current.cautions.length === 0;
  }

  function describe(seg) {
    const side = seg.side ? `${SIDE[seg.side]}. ` : "";
    const set = seg.sets > 1 ? `Set ${seg.set} of ${seg.sets}. ` : "";
    if (seg.do === "ready") {
      return `${item(seg).name}. ${item(seg).dose} Press Begin when you are ready.`;
    }
    if (seg.do === "hold") return `${side}${set}Hold ${seg.rep} of ${seg.reps}`;
    if (seg.do === "reps") return `${side}${set}${seg.reps} slow repetitions: count each one`;
    if (seg.do === "timed") return `${side}Massage for ${clock(seg.seconds * 1000)}`;
    return REST[seg.why] || "Rest";
  }

  function render() {
    const seg = segment();
    ui.now.textContent = seg.do === "ready" ? "Read the steps, then press Begin." : describe(seg);
    if (seg.do === "reps") {
      ui.clock.textContent = `${count} / ${seg.reps}`;
      ui.main.textContent = `Count one (${count} of ${seg.reps})`;
    } else if (seg.seconds) {
      ui.clock.textContent = clock(left);
      ui.main.textContent = running ? "Pause" : "Resume";
    } else {
      ui.clock.textContent = "";
      ui.main.textContent = "Begin";
    }
    ui.skip.textContent = seg.do === "ready" ? "Skip move" : seg.do === "rest" ? "Skip rest" : "Next";
    ui.back.disabled = at === 0;
    dialog.dataset.doing = seg.do;
  }

  function start() {
    running = true;
    deadline = Date.now() + left;
    timer = setInterval(tick, TICK_MS);
    render();
  }

  function stop() {
    running = false;
    clearInterval(timer);
  }

  function tick() {
    left = Math.max(0, deadline - Date.now());
    ui.clock.textContent = clock(left);
    if (left === 0) {
      stop();
      beep();
      next(true);
    }
  }

  // An item is done when its last step is reached having really done some of
  // it; pressing Next through every hold is not doing it.
  function next(completed) {
    const seg = segment();
    if (completed && seg.do !== "rest") worked.add(seg.item);
    const last = at + 1 >= routine.segments.length || routine.segments[at + 1].item !== seg.item;
    if (last && seg.do !== "ready" && worked.has(seg.item)) done.add(seg.item);
    go(at + 1);
  }

  function main() {
    const seg = segment();
    if (seg.do === "ready") {
      next(false);
    } else if (seg.do === "reps") {
      count += 1;
      if (count >= seg.reps) {
        beep();
        next(true);
      } else {
        render();
        announce(String(count));
      }
    } else if (running) {
      stop();
      render();
      announce("Paused");
    } else {
      start();
      announce("Going on");
    }
  }

  function skip() {
    const seg = segment();
    if (seg.do !== "ready") {
      next(false);
      return;
    }
    let to = at + 1;
    while (to < routine.segments.length && routine.segments[to].item === seg.item) to += 1;
    go(to);
  }

  function back() {
    const seg = segment();
    let to = at - 1;
    if (seg.do === "ready") {
      while (to > 0 && routine.segments[to].do !== "ready") to -= 1;
    }
    done.delete(routine.segments[Math.max(to, 0)].item);
    worked.delete(routine.segments[Math.max(to, 0)].item);
    go(Math.max(to, 0));
  }

  function finish() {
    stop();
    release();
    ui.play.hidden = true;
    ui.controls.hidden = true;
    ui.options.hidden = true;
    ui.end.hidden = false;
    ui.where.textContent = routine.title;
    ui.pain.replaceChildren(...Array.from({ length: 11 }, (_, n) => choice("radio", "player-pain", n, String(n), false, "scale__option")));
    ui.done.replaceChildren(...routine.items.map((it, n) => choice("checkbox", "player-done", it.id, it.name, done.has(n), "choice")));
    ui.fill.hidden = !checkin;
    ui.endHint.textContent = checkin
      ? "This fills in today's check-in on the page; you check it and save it there. Nothing is saved until you do."
      : "Nothing is kept from here. To keep a record of how you feel day by day, track this result.";
    ui.endTitle.focus();
    announce(`Routine done: ${done.size} of ${routine.items.length} done. How do you feel now?`);
  }

  function choice(type, name, value, label, checked, cls) {
    const wrap = document.createElement("label");
    wrap.className = cls;
    const input = document.createElement("input");
    input.type = type;
    input.name = name;
    input.value = String(value);
    input.checked = checked;
    const text = document.createElement("span");
    text.textContent = label;
    wrap.append(input, text);
    return wrap;
  }

  function fillCheckin() {
    const pain = ui.pain.querySelector("input:checked");
    if (pain) {
      const radio = checkin.querySelector(`input[name="pain"][value="${pain.value}"]`);
      if (radio) radio.checked = true;
    }
    let ticked = 0;
    for (const box of ui.done.querySelectorAll("input:checked")) {
      const mine = checkin.querySelector(`input[name="plan_done"][value="${CSS.escape(box.value)}"]`);
      if (mine) {
        mine.checked = true;
        ticked += 1;
      }
    }
    dialog.close();
    const hint = checkin.parentElement.querySelector("[data-checkin-hint]");
    if (hint) {
      hint.textContent = `Filled in from your routine: ${pain ? `pain ${pain.value}, ` : ""}${ticked} done. Check it, answer the rest and press Save check-in. Nothing is saved until you do.`;
    }
    const title = document.getElementById("today-checkin-title");
    if (title) title.focus();
  }

  function clock(ms) {
    const seconds = Math.ceil(ms / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  }

  function li(text) {
    const node = document.createElement("li");
    node.textContent = text;
    return node;
  }

  function announce(text) {
    ui.say.textContent = text;
    if (ui.speak.checked && "speechSynthesis" in window) {
      speechSynthesis.cancel();
      speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    }
  }

  function beep() {
    if (!ui.beep.checked || !window.AudioContext) return;
    audio = audio || new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.3);
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator) || wakeLock) return;
    try {
      wakeLock = await navigator.wakeLock.request("screen");
      wakeLock.addEventListener("release", () => { wakeLock = null; });
    } catch {
      wakeLock = null; // refused (battery saver, a hidden page): the routine works the same
    }
  }

  function release() {
    if (wakeLock) wakeLock.release();
    wakeLock = null;
  }

  document.addEventListener("visibilitychange", () => {
    if (dialog.open && document.visibilityState === "visible" && !ui.play.hidden) keepAwake();
  });
  dialog.addEventListener("close", () => { stop(); release(); });
  ui.main.addEventListener("click", main);
  ui.skip.addEventListener("click", skip);
  ui.back.addEventListener("click", back);
  ui.close.addEventListener("click", () => dialog.close());
  ui.finish.addEventListener("click", () => dialog.close());
  ui.fill.addEventListener("click", fillCheckin);
  dialog.addEventListener("keydown", (event) => {
    if (ui.play.hidden || event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target.tagName;
    if (event.key === "ArrowRight") skip();
    else if (event.key === "ArrowLeft") { if (at > 0) back(); }
    else if (event.key === " " && tag !== "BUTTON" && tag !== "INPUT" && tag !== "SUMMARY") main();
    else return;
    event.preventDefault();
  });
}

// A tracked episode with no connection: the service worker keeps this page
// (and its pictures) so the routine still plays, and a check-in saved while
// offline is kept on this device (IndexedDB) until it can be sent. Each one
// carries a key of its own, so sending it twice stores it once.
const form = document.querySelector("form[data-offline-checkin]");
const note = document.querySelector("[data-pending]");
const DB = "unknot-offline";
const STORE = "checkins";

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then((registration) => {
    const pictures = Array.from(document.images, (image) => image.currentSrc || image.src);
    // The player's pictures too, though lazy loading has not fetched them yet.
    for (const data of document.querySelectorAll("script[type='application/json'][id^='routine-']")) {
      for (const item of JSON.parse(data.textContent).items) if (item.picture) pictures.push(item.picture);
    }
    registration.active.postMessage({ keep: [location.pathname, ...new Set(pictures)] });
  }).catch(() => {
    // No worker (a private window, an old browser): the page works online as before.
  });
}

function database() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "key" });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function store(mode, act) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = act(transaction.objectStore(STORE));
    transaction.oncomplete = () => { db.close(); resolve(request.result); };
    transaction.onerror = () => { db.close(); reject(transaction.error); };
  });
}

const waiting = () => store("readonly", (s) => s.getAll());
const keepIt = (record) => store("readwrite", (s) => s.put(record));
const forget = (key) => store("readwrite", (s) => s.delete(key));

function dayName(day) {
  return new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { day: "numeric", month: "long" });
}

async function show(sent = 0) {
  if (!note) return;
  const records = await waiting();
  const ours = records.filter((r) => r.url === form.action);
  const queued = ours.filter((r) => !r.refused);
  const refused = ours.filter((r) => r.refused);
  const lines = [];
  if (queued.length) {
    lines.push(`Your check-in for ${queued.map((r) => dayName(r.day)).join(", ")} is kept on this device, waiting to be sent. It goes as soon as you are back online; nothing you typed is lost.`);
  }
  for (const record of refused) {
    lines.push(`The check-in for ${dayName(record.day)} kept on this device could not be saved (${record.refused}). Open the check-in page to enter it again.`);
  }
  if (sent && !queued.length) lines.push("Your check-in kept on this device has been sent and saved. Reload the page to see it in your progress.");
  note.textContent = lines.join(" ");
  note.hidden = lines.length === 0;
}

async function send() {
  if (!navigator.onLine) return;
  let sent = 0;
  const records = (await waiting()).filter((r) => !r.refused).sort((a, b) => a.savedAt - b.savedAt);
  for (const record of records) {
    let response;
    try {
      response = await fetch(record.url, {
        method: "POST", body: record.body, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    } catch {
      break; // still no connection: try again at the next "online"
    }
    // A saved check-in leads back to the episode; anything else (a login
    // page, a refusal) is not a save, and the check-in stays here.
    if (response.ok && new URL(response.url).pathname === record.done) {
      await forget(record.key);
      sent += 1;
    } else {
      record.refused = response.ok ? "you were logged out" : `the server answered ${response.status}`;
      await keepIt(record);
    }
  }
  await show(sent);
}

if (form) {
  form.addEventListener("submit", async (event) => {
    const key = form.elements.client_key;
    if (!key.value && window.crypto && crypto.randomUUID) key.value = crypto.randomUUID();
    if (navigator.onLine || !key.value) return; // an ordinary post
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form)).toString();
    await keepIt({ key: key.value, url: form.action, done: form.dataset.done, body, day: form.dataset.day, savedAt: Date.now() });
    key.value = ""; // a later change is a check-in of its own
    await show();
    note.focus();
  });
  window.addEventListener("online", send);
  show().then(send);
}

// Live preview of a guide's Markdown in the admin: the server renders and cleans
// it exactly as the public page will, so what the editor sees is what readers get.
// The admin loads this in <head>, before the form exists.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.getElementById("id_body");
  const previewUrl = document.getElementById("guide-preview-url")?.dataset.url;
  if (!body || !previewUrl) return;

  const preview = document.createElement("div");
  preview.className = "guide-live-preview";
  preview.setAttribute("aria-live", "polite");
  preview.setAttribute("aria-label", "Preview of the body as readers will see it");
  const heading = document.createElement("p");
  heading.className = "guide-live-preview__title";
  heading.textContent = "Preview";
  const content = document.createElement("div");
  preview.append(heading, content);
  body.closest(".form-row").after(preview);

  const token = body.form.querySelector("[name=csrfmiddlewaretoken]").value;
  let timer = 0;
  const refresh = async () => {
    const response = await fetch(previewUrl, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      body: new URLSearchParams({ body: body.value }),
      credentials: "same-origin",
    });
    // The answer is HTML the server has already cleaned with nh3.
    content.innerHTML = response.ok
      ? await response.text()
      : "<p>The preview could not be made; save the guide to see it.</p>";
  };
  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  refresh();
});

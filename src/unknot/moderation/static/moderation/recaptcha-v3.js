// reCAPTCHA v3 has no widget: ask it for a token when the comment form is sent.
const field = document.querySelector("input[data-recaptcha-v3]");
if (field) {
  const form = field.form;
  form.addEventListener("submit", (event) => {
    if (field.value) return;
    event.preventDefault();
    window.grecaptcha.ready(() => {
      window.grecaptcha
        .execute(field.dataset.recaptchaV3, { action: field.dataset.action })
        .then((token) => {
          field.value = token;
          form.submit();
        });
    });
  });
}

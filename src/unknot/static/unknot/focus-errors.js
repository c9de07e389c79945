// Move keyboard and screen-reader focus to the error summary after a refused submit.
const summary = document.getElementById("error-summary");
if (summary) summary.focus();

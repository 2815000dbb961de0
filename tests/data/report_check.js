// Injected into a copy of the report by tests/cli/report_browser.sh: once everything has loaded,
// lists images that did not load and text that leaves its container, in <pre id="sl-check">.
window.addEventListener("load", function () {
  var bad = [], main = document.querySelector("main"), right = main.getBoundingClientRect().right + 1;
  document.querySelectorAll("img").forEach(function (i) {
    if (!i.complete || i.naturalWidth === 0) bad.push("image not loaded: " + i.getAttribute("src"));
  });
  main.querySelectorAll("*").forEach(function (e) {
    if (e.getBoundingClientRect().right > right)
      bad.push("beyond the page: " + e.tagName + " " + (e.textContent || "").slice(0, 40));
  });
  document.querySelectorAll(".tablewrap").forEach(function (w) {
    if (w.scrollWidth > w.clientWidth + 1) bad.push("table wider than its box: " + (w.textContent || "").slice(0, 40));
  });
  document.querySelectorAll("td, th, p, h1, h2, h3, .headline, figcaption").forEach(function (e) {
    if (e.scrollWidth > e.clientWidth + 1) bad.push("text wider than its box: " + e.textContent.slice(0, 40));
  });
  var out = document.createElement("pre");
  out.id = "sl-check";
  out.textContent = "CHECK " + bad.length + "\n" + bad.join("\n");
  document.body.appendChild(out);
});

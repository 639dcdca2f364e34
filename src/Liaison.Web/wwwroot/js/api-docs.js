// Starts swagger-ui on the API reference page (/api/docs). A file of its own: the CSP allows no inline script.
(function () {
  "use strict";
  var target = document.getElementById("api-reference");
  if (!target || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: target.getAttribute("data-openapi-url"),
    domNode: target,
    // Deep links put a link inside each operation's toggle button: two controls in one, which screen readers cannot use.
    deepLinking: false,
    docExpansion: "none",
    defaultModelsExpandDepth: 0,
    persistAuthorization: false,
    validatorUrl: null
  });
  // swagger-ui draws a server picker without a label; name it whenever it is drawn.
  new MutationObserver(function () {
    var servers = target.querySelector("select#servers:not([aria-label])");
    if (servers) {
      servers.setAttribute("aria-label", "Server");
    }
  }).observe(target, { childList: true, subtree: true });
})();

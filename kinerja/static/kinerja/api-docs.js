// Starts Swagger UI on /api/v1/docs/ from our own static files: the schema URL and the CSRF token come from
// data attributes of #swagger-ui (no inline script, so the Content-Security-Policy stays strict).
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("swagger-ui");
  if (!holder || typeof SwaggerUIBundle === "undefined") { return; }
  var csrf = holder.getAttribute("data-csrf-token");
  window.ui = SwaggerUIBundle({
    url: holder.getAttribute("data-schema-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    // BaseLayout, not the standalone preset's top bar: its logo is an SVG with an inline <style>, which the
    // Content-Security-Policy blocks
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    persistAuthorization: false,
    requestInterceptor: function (request) {
      // a logged-in user tries the API with the session: Django wants the CSRF token on every write
      if (csrf && request.method && request.method.toUpperCase() !== "GET") {
        request.headers["X-CSRFToken"] = csrf;
      }
      return request;
    }
  });
});

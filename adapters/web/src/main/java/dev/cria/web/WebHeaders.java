package dev.cria.web;

import io.micronaut.http.MutableHttpResponse;

/** Headers every web page carries: no caching, no framing, scripts only from Cria itself. */
final class WebHeaders {

  private WebHeaders() {}

  static void protect(MutableHttpResponse<?> response) {
    response.header("Cache-Control", "no-store");
    response.header("X-Frame-Options", "DENY");
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "no-referrer");
    response.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'");
  }
}

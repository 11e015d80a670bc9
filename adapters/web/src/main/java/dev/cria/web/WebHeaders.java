package dev.cria.web;

import io.micronaut.http.MutableHttpResponse;

/** Headers every web page carries: no caching, no framing, scripts only from Cria itself. */
final class WebHeaders {

  private WebHeaders() {}

  static void protect(MutableHttpResponse<?> response) {
    response.header("Cache-Control", "no-store");
    response.header("X-Frame-Options", "DENY");
    response.header("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer Chrome sends "Origin: null" on form posts,
    // which Micronaut refuses (403) as a cross-origin request to localhost.
    response.header("Referrer-Policy", "same-origin");
    response.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; form-action 'self'");
  }
}

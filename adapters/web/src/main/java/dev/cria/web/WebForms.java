package dev.cria.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** Every form of a logged-in page carries the session's CSRF token; without it, 403. */
final class WebForms {

  private WebForms() {}

  static boolean csrfOk(WebSession session, Map<String, String> form) {
    return RandomTokens.same(session.csrf(), form.get("csrf"));
  }

  static HttpResponse<?> forbidden() {
    return HttpResponse.status(HttpStatus.FORBIDDEN).body("The form expired. Reload the page.");
  }
}

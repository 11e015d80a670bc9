package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Optional;

/**
 * Nobody gets to a page without a login: a browser without a session is sent to {@code /login}, a
 * script gets 401. Every page response also says not to cache it and not to be framed.
 */
@ServerFilter({"/", "/c/**", "/conversations/**", "/admin", "/admin/**"})
@Requires(property = "cria.web.enabled", notEquals = "false")
class WebLoginFilter {

  private final WebSessions sessions;

  WebLoginFilter(WebSessions sessions) {
    this.sessions = sessions;
  }

  /** Reads the session from the database, so off the event loop. */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> requireLogin(HttpRequest<?> request) {
    Optional<WebSession> session = sessions.find(request);
    if (session.isPresent() && !session.get().admin() && request.getPath().startsWith("/admin")) {
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .body(
              "The admin console is open to admins only (CRIA_OIDC_ADMIN_EMAILS, CRIA_OIDC_ADMIN_GROUP).");
    }
    if (session.isPresent()) {
      request.setAttribute(WebSession.ATTRIBUTE, session.get());
      return null;
    }
    if (request.getMethod() == HttpMethod.GET) {
      return HttpResponse.seeOther(URI.create("/login"));
    }
    return HttpResponse.status(HttpStatus.UNAUTHORIZED).body("Log in first.");
  }

  @ResponseFilter
  void protect(MutableHttpResponse<?> response) {
    WebHeaders.protect(response);
  }
}

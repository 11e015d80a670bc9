package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * The login page: the password form or the login-link hint, and the single sign-on button when it
 * is configured. The form has its own CSRF token (a cookie sent back in a hidden field).
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
class LoginPage {

  static final String CSRF_COOKIE = "cria_login";

  private final WebSettings settings;
  private final OidcSettings oidc;
  private final WebSessions sessions;

  LoginPage(WebSettings settings, OidcSettings oidc, WebSessions sessions) {
    this.settings = settings;
    this.oidc = oidc;
    this.sessions = sessions;
  }

  MutableHttpResponse<?> render(HttpStatus status, @Nullable String error) {
    String csrf = RandomTokens.next();
    Cookie cookie = sessions.cookie(CSRF_COOKIE, csrf, Duration.ofHours(1));
    Map<String, Object> model =
        Map.of(
            "passwordLogin",
            settings.passwordLogin(),
            "singleSignOn",
            oidc.enabled(),
            "csrf",
            csrf,
            "error",
            error == null ? "" : error);
    MutableHttpResponse<?> response =
        HttpResponse.status(status).body(new ModelAndView<>("login", model)).cookie(cookie);
    WebHeaders.protect(response);
    return response;
  }
}

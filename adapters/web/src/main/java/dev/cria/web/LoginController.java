package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in with the one-time link ({@code /login?token=...}) or, when {@code CRIA_WEB_PASSWORD}
 * is set, with the password. The login form has its own CSRF token (a cookie sent back in a hidden
 * field); failures are counted per client address and refused with 429 when there are too many.
 */
@Controller
@Requires(property = "cria.web.enabled", notEquals = "false")
class LoginController {

  private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
  private static final String LOGIN_CSRF = LoginPage.CSRF_COOKIE;
  static final String USER = "admin";

  private final WebSettings settings;
  private final WebSessions sessions;
  private final LoginLink link;
  private final LoginThrottle throttle;
  private final LoginPage page;

  LoginController(
      WebSettings settings,
      WebSessions sessions,
      LoginLink link,
      LoginThrottle throttle,
      LoginPage page) {
    this.settings = settings;
    this.sessions = sessions;
    this.link = link;
    this.throttle = throttle;
    this.page = page;
  }

  @Get(value = "/login", produces = MediaType.TEXT_HTML)
  HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String token) {
    String client = client(request);
    if (token != null && !settings.passwordLogin()) {
      Optional<Duration> blocked = throttle.blockedFor(client);
      if (blocked.isPresent()) {
        return form(HttpStatus.TOO_MANY_REQUESTS, tooMany(blocked.get()));
      }
      if (link.redeem(token)) {
        return loggedIn(client);
      }
      throttle.failed(client);
      LOG.warn("Web login refused: an unknown or used login link, from {}", client);
      return form(HttpStatus.UNAUTHORIZED, "That login link is not valid (each link works once).");
    }
    return form(HttpStatus.OK, null);
  }

  @Post(
      value = "/login",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> login(
      HttpRequest<?> request,
      @Body Map<String, String> form,
      @Nullable @CookieValue(LOGIN_CSRF) String csrfCookie) {
    String client = client(request);
    if (!RandomTokens.same(csrfCookie, form.get("csrf"))) {
      return form(HttpStatus.FORBIDDEN, "The form expired. Please try again.");
    }
    Optional<Duration> blocked = throttle.blockedFor(client);
    if (blocked.isPresent()) {
      return form(HttpStatus.TOO_MANY_REQUESTS, tooMany(blocked.get()));
    }
    String password = form.getOrDefault("password", "");
    if (settings.passwordLogin() && PasswordHash.matches(password, settings.passwordHash())) {
      return loggedIn(client);
    }
    throttle.failed(client);
    LOG.warn("Web login refused: wrong password, from {}", client);
    return form(HttpStatus.UNAUTHORIZED, "Wrong password.");
  }

  @Post(
      value = "/logout",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> logout(HttpRequest<?> request, @Body Map<String, String> form) {
    sessions
        .find(request)
        .filter(session -> RandomTokens.same(session.csrf(), form.get("csrf")))
        .ifPresent(sessions::close);
    return HttpResponse.seeOther(URI.create("/login")).cookie(sessions.cleared());
  }

  private MutableHttpResponse<?> loggedIn(String client) {
    throttle.succeeded(client);
    WebSession session = sessions.open(USER, true);
    LOG.info("Web login from {}", client);
    return HttpResponse.seeOther(URI.create("/")).cookie(sessions.cookie(session));
  }

  private MutableHttpResponse<?> form(HttpStatus status, @Nullable String error) {
    return page.render(status, error);
  }

  private static String tooMany(Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    return "Too many failed logins. Try again in " + minutes + " min.";
  }

  private static String client(HttpRequest<?> request) {
    return request.getRemoteAddress().getAddress().getHostAddress();
  }
}

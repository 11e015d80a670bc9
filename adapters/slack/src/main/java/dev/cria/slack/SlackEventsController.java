package dev.cria.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP Events API endpoint (events, slash commands, {@code url_verification}): the raw body
 * goes through Bolt, which checks the signature on it, then to {@link SlackRequestRouter}. Bad or
 * stale signatures get 401, unreadable bodies 400, other content types 415. At most {@link
 * SlackAckGate#RUNNING} requests are handled at once and a bounded number wait; beyond that, a 503
 * asks Slack to deliver again. On when a signing secret is configured.
 */
@Controller("/slack")
@Requires(property = "cria.slack.bot-token")
@Requires(property = "cria.slack.signing-secret")
public class SlackEventsController {

  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

  private final App app;
  private final SlackRequestParser parser;
  private final SlackAckGate gate = new SlackAckGate();

  public SlackEventsController(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Post(
      uri = "/events",
      consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<String> events(HttpRequest<?> request, @Body String body) {
    if (request.getContentType().filter(SlackEventsController::isSlacks).isEmpty()) {
      // Micronaut routes a request without a (readable) Content-Type here too.
      return HttpResponse.<String>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .body("{\"error\":\"content type must be JSON or a form\"}");
    }
    return gate.handle(() -> handle(request, body), SlackEventsController::busy);
  }

  private static HttpResponse<String> busy() {
    LOG.warn("Too many Slack requests at once; answering 503, Slack will deliver again");
    return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body("{\"error\":\"busy, try again\"}");
  }

  private HttpResponse<String> handle(HttpRequest<?> request, String body) {
    Request<?> slackRequest;
    try {
      slackRequest = parser.parse(toBolt(request, body));
    } catch (RuntimeException e) {
      LOG.debug("Unreadable Slack request: {}", e.toString());
      return HttpResponse.badRequest("{\"error\":\"unreadable request\"}");
    }
    if (slackRequest == null) {
      return HttpResponse.badRequest("{\"error\":\"not a Slack request\"}");
    }
    try {
      return fromBolt(app.run(slackRequest));
    } catch (Exception e) {
      LOG.error("Slack request failed, Slack will send it again: {}", e.toString());
      return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
          .body("{\"error\":\"try again\"}");
    }
  }

  private static boolean isSlacks(MediaType type) {
    return type.matches(MediaType.APPLICATION_JSON_TYPE)
        || type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
  }

  private static SlackRequestParser.HttpRequest toBolt(HttpRequest<?> request, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    request.getHeaders().forEach(headers::put);
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(request.getPath())
        .queryString(request.getParameters().asMap())
        .headers(new RequestHeaders(headers))
        .requestBody(body)
        .remoteAddress(request.getRemoteAddress().getHostString())
        .build();
  }

  private static HttpResponse<String> fromBolt(Response response) {
    MutableHttpResponse<String> out =
        HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
    response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    if (response.getBody() != null) {
      out.body(response.getBody());
    }
    if (response.getContentType() != null) {
      out.contentType(response.getContentType());
    }
    return out;
  }
}

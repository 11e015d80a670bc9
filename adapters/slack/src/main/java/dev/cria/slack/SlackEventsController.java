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
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP Events API endpoint (events, slash commands, {@code url_verification}). The signature is
 * checked first, on the raw bytes ({@link SlackSignatureCheck}: constant time, at most five minutes
 * either side of now), and only a signed body is decoded and handed to Bolt, then to {@link
 * SlackRequestRouter}. Bad, stale or future signatures get 401, bodies that are not UTF-8 or not a
 * Slack request 400, other content types 415. On when a signing secret is configured.
 */
@Controller("/slack")
@Requires(property = "cria.slack.bot-token")
@Requires(property = "cria.slack.signing-secret")
public class SlackEventsController {

  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
  private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  private static final String SIGNATURE = "X-Slack-Signature";

  private final App app;
  private final SlackRequestParser parser;
  private final SlackSignatureCheck signatures;
  private final SlackAckGate gate = new SlackAckGate();

  public SlackEventsController(App app, SlackSettings settings) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signatures = new SlackSignatureCheck(settings.signingSecret(), Clock.systemUTC());
  }

  @Post(
      uri = "/events",
      consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<String> events(HttpRequest<byte[]> request) {
    if (request.getContentType().filter(SlackEventsController::isSlacks).isEmpty()) {
      // Micronaut routes a request without a (readable) Content-Type here too.
      return HttpResponse.<String>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .body("{\"error\":\"content type must be JSON or a form\"}");
    }
    // The body as sent, possibly empty: a forged empty request is refused as unsigned.
    byte[] raw = request.getBody().orElseGet(() -> new byte[0]);
    SlackSignatureCheck.Verdict verdict =
        signatures.check(
            request.getHeaders().get(TIMESTAMP), request.getHeaders().get(SIGNATURE), raw);
    if (verdict != SlackSignatureCheck.Verdict.VALID) {
      LOG.debug("Slack request refused: signature {}", verdict);
      return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
          .body("{\"error\":\"invalid request signature\"}");
    }
    return gate.handle(() -> handle(request, raw), SlackEventsController::busy);
  }

  private static HttpResponse<String> busy() {
    LOG.warn("Too many Slack requests at once; answering 503, Slack will deliver again");
    return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body("{\"error\":\"busy, try again\"}");
  }

  private HttpResponse<String> handle(HttpRequest<?> request, byte[] raw) {
    Request<?> slackRequest;
    try {
      slackRequest = parser.parse(toBolt(request, utf8(raw)));
    } catch (CharacterCodingException e) {
      return HttpResponse.badRequest("{\"error\":\"body is not UTF-8\"}");
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

  private static String utf8(byte[] raw) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(raw))
        .toString();
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

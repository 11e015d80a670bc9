package dev.cria.llama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cria.core.ModelException;
import dev.cria.llama.RetryPolicies.Backoff;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.event.ExecutionAttemptedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the model API, shared by {@link LlamaChatClient} and {@link LlamaModerator}: one
 * JDK client (redirects followed, virtual threads), bearer authentication, retries until the
 * response body starts, error mapping, an idle timeout on bodies, and metrics. Calls block the
 * calling thread, which should be a virtual thread, never an event loop.
 */
@Singleton
public final class LlamaTransport implements AutoCloseable {

  static final String CHAT = "chat";
  static final String MODERATION = "moderation";
  static final String MODELS = "models";

  private static final Logger LOG = LoggerFactory.getLogger(LlamaTransport.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int MIN_REDACTED_KEY = 4;

  private final LlamaSettings settings;
  private final LlamaMetrics metrics;
  private final Backoff backoff;
  private final HttpClient http;

  @Inject
  public LlamaTransport(LlamaSettings settings, MeterRegistry registry) {
    this(settings, registry, Backoff.SDK);
  }

  LlamaTransport(LlamaSettings settings, MeterRegistry registry, Backoff backoff) {
    this.settings = settings;
    this.metrics = new LlamaMetrics(registry);
    this.backoff = backoff;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(settings.connectTimeout())
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  LlamaSettings settings() {
    return settings;
  }

  <T> T measured(String endpoint, Supplier<T> call) {
    return metrics.measured(endpoint, call);
  }

  /** Posts a JSON body and opens the response; retried only until the body starts. */
  IdleTimeoutInputStream post(String endpoint, String url, JsonNode body, String accept) {
    return send(
        endpoint,
        request(url)
            .header("Accept", accept)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  JsonNode getJson(String endpoint, String url) {
    return readJson(endpoint, send(endpoint, request(url).header("Accept", "application/json")));
  }

  JsonNode postJson(String endpoint, String url, JsonNode body) {
    return readJson(endpoint, post(endpoint, url, body, "application/json"));
  }

  JsonNode readJson(String endpoint, InputStream body) {
    try (body) {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ModelException(
          ModelException.Kind.UNAVAILABLE,
          ModelException.Symptom.MALFORMED,
          what(endpoint) + " got malformed JSON: " + redact(e.getOriginalMessage()));
    } catch (IOException e) {
      throw ModelErrors.broken(what(endpoint), e);
    }
  }

  /** The text with the API key blotted out, for anything a server said. */
  String redact(String text) {
    String key = settings.apiKey();
    if (text == null || key == null || key.strip().length() < MIN_REDACTED_KEY) {
      return text;
    }
    return text.replace(key.strip(), "***");
  }

  static String what(String endpoint) {
    return "model API " + endpoint + " request";
  }

  @PreDestroy
  @Override
  public void close() {
    http.shutdownNow();
  }

  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(settings.readTimeout())
            .header("User-Agent", "Cria");
    if (settings.hasApiKey()) {
      builder.header("Authorization", "Bearer " + settings.apiKey().strip());
    }
    if (url.startsWith("http://")) {
      builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with local servers
    }
    return builder;
  }

  private IdleTimeoutInputStream send(String endpoint, HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    try {
      HttpResponse<InputStream> response =
          Failsafe.with(
                  RetryPolicies.<HttpResponse<InputStream>>forRequests(
                      settings.maxRetries(), backoff, event -> retrying(endpoint, event)))
              .get(() -> attempt(request));
      if (isWebPage(response)) {
        response.body().close();
        throw ModelErrors.webPage(what(endpoint), request.uri().toString());
      }
      return new IdleTimeoutInputStream(response.body(), settings.readTimeout());
    } catch (IOException e) {
      throw ModelErrors.broken(what(endpoint), e);
    } catch (FailsafeException e) {
      throw failure(endpoint, e.getCause());
    }
  }

  /** A proxy, portal or web server answered instead of the model server. */
  private static boolean isWebPage(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    return type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
  }

  private HttpResponse<InputStream> attempt(HttpRequest request)
      throws IOException, InterruptedException, HttpFailure {
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    String body;
    try (InputStream in = new IdleTimeoutInputStream(response.body(), settings.readTimeout())) {
      body = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    }
    throw new HttpFailure(status, response.headers(), body);
  }

  private void retrying(String endpoint, ExecutionAttemptedEvent<?> event) {
    metrics.retried(endpoint);
    Throwable last = event.getLastException();
    String reason =
        last instanceof HttpFailure failure
            ? "HTTP " + failure.status()
            : last == null ? "no answer" : last.getClass().getSimpleName();
    LOG.warn(
        "{} attempt {} failed ({}); trying again", what(endpoint), event.getAttemptCount(), reason);
  }

  private ModelException failure(String endpoint, Throwable cause) {
    String what = what(endpoint);
    return switch (cause) {
      case HttpFailure failure -> ModelErrors.fromResponse(what, failure, this::redact);
      case IOException e -> ModelErrors.unreachable(what, e, settings.readTimeout());
      case InterruptedException e -> ModelErrors.interrupted(what, e);
      case null, default ->
          new ModelException(
              ModelException.Kind.UNAVAILABLE, what + " failed: " + cause, 0, null, cause);
    };
  }
}

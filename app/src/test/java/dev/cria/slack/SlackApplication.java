package dev.cria.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeLlamaApiRequest;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackSigner;
import dev.cria.persistence.InboundEventRepository;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cria running for real, Slack adapter on: the HTTP server, the pipeline on a fresh H2 database,
 * the Llama client talking to an Ollama-shaped {@link FakeLlamaApi} (only its base URL set) and the
 * Slack SDK talking to a {@link FakeSlackApi}. {@link #post} sends Events API requests signed like
 * Slack signs them.
 */
final class SlackApplication implements AutoCloseable {

  static final String SIGNING_SECRET = "e2e-signing-secret-0123456789";

  final FakeLlamaApi llama;
  final FakeSlackApi slack;
  final ApplicationContext context;
  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final boolean ownsFakes;

  private SlackApplication(Map<String, Object> slackProperties, String socketModeUrl) {
    this(
        FakeLlamaApi.ollama(),
        FakeSlackApi.start(),
        TestDatabases.h2(),
        true,
        slackProperties,
        socketModeUrl);
  }

  private SlackApplication(
      FakeLlamaApi llama,
      FakeSlackApi slack,
      Map<String, Object> database,
      boolean ownsFakes,
      Map<String, Object> slackProperties,
      String socketModeUrl) {
    this.llama = llama;
    this.slack = slack;
    this.ownsFakes = ownsFakes;
    slack.displayName("U0ADA", "Ada");
    if (ownsFakes) {
      slack.socketModeUrl(socketModeUrl);
    }
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("micronaut.server.port", -1);
    properties.put("cria.llama.base-url", llama.baseUrl());
    properties.put("cria.llama.max-retries", 0);
    properties.put("cria.worker.poll-interval", "100ms");
    properties.put("cria.slack.bot-token", FakeSlackApi.BOT_TOKEN);
    properties.put("cria.slack.api-url", slack.apiUrl());
    properties.putAll(slackProperties);
    server = ApplicationContext.run(EmbeddedServer.class, properties);
    context = server.getApplicationContext();
  }

  /** HTTP Events API mode. */
  static SlackApplication httpMode() {
    return new SlackApplication(Map.of("cria.slack.signing-secret", SIGNING_SECRET), null);
  }

  /** HTTP Events API mode with more properties, e.g. {@code cria.access.*} or attachment limits. */
  static SlackApplication httpMode(Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(extra);
    properties.put("cria.slack.signing-secret", SIGNING_SECRET);
    return new SlackApplication(properties, null);
  }

  /**
   * One of several replicas in HTTP mode sharing a database (a PostgreSQL schema), the fake Slack
   * and the fake model, which the caller closes.
   */
  static SlackApplication replica(
      FakeLlamaApi llama, FakeSlackApi slack, Map<String, Object> database) {
    return new SlackApplication(
        llama, slack, database, false, Map.of("cria.slack.signing-secret", SIGNING_SECRET), null);
  }

  /** Socket Mode, connecting to the given fake endpoint. */
  static SlackApplication socketMode(String socketModeUrl) {
    return new SlackApplication(
        Map.of("cria.slack.app-token", FakeSlackApi.APP_TOKEN), socketModeUrl);
  }

  URI events() {
    return server.getURI().resolve("/slack/events");
  }

  /** Posts a correctly signed, fresh Events API request. */
  HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    long now = Instant.now().getEpochSecond();
    return post(body, now, FakeSlackSigner.sign(SIGNING_SECRET, now, body), headers);
  }

  HttpResponse<String> post(String body) throws Exception {
    return post(body, Map.of());
  }

  /** Posts a signed slash command (form-encoded, as Slack sends commands). */
  HttpResponse<String> postForm(String body) throws Exception {
    long now = Instant.now().getEpochSecond();
    var request =
        HttpRequest.newBuilder(events())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", String.valueOf(now))
            .header("X-Slack-Signature", FakeSlackSigner.sign(SIGNING_SECRET, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(
      String body, long timestamp, String signature, Map<String, String> headers) throws Exception {
    var request =
        HttpRequest.newBuilder(events())
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Events stored so far (every accepted delivery is one row). */
  long storedEvents() {
    return context.getBean(InboundEventRepository.class).count();
  }

  /** Waits for a private notice (an ephemeral message) to {@code user} that starts with text. */
  void awaitEphemeral(String user, String text) {
    slack.await(
        () ->
            slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> user.equals(c.get("user")) && c.get("text").startsWith(text)),
        "a private notice to " + user + ": " + text);
  }

  /** The answering model calls so far (streamed chats, not the guard's). */
  List<FakeLlamaApiRequest> chatRequests() {
    return llama.requests().stream()
        .filter(r -> r.streaming() && r.body().path("messages").isArray())
        .filter(r -> !r.body().path("model").asText().contains("guard"))
        .toList();
  }

  /** The roles of a model request's messages, the system prompt left out. */
  static List<String> roles(FakeLlamaApiRequest request) {
    List<String> roles = new ArrayList<>();
    for (JsonNode message : request.body().path("messages")) {
      if (!"system".equals(message.path("role").asText())) {
        roles.add(message.path("role").asText());
      }
    }
    return roles;
  }

  /** The first column of {@code sql} (one parameter: {@code key}) in Cria's database. */
  @SuppressWarnings("unchecked")
  List<String> strings(String sql, String key) {
    TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          try (var query = status.getConnection().prepareStatement(sql)) {
            query.setString(1, key);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                values.add(String.valueOf(rows.getString(1)));
              }
            }
            return values;
          }
        });
  }

  @Override
  public void close() {
    server.close();
    context.close();
    if (ownsFakes) {
      slack.close();
      llama.close();
    }
  }
}

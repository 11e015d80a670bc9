package dev.cria.faults;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.persistence.TestDatabases;
import dev.cria.process.CriaProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fault tests run Cria against: a fresh schema in the local PostgreSQL (the test is
 * skipped with the reason when there is none), the fake Llama API and the fake Slack Web API in
 * this JVM, and any number of Cria processes (the jar) sharing them, in Slack's HTTP mode. Closing
 * it kills the processes, stops the fakes and drops the schema.
 */
final class FaultStack implements AutoCloseable {

  static final String SIGNING_SECRET = "fault-signing-secret-7a6b5c";
  static final String LLAMA_API_KEY = "LLM|4242|fault-llama-key-1d2e3f";
  static final Duration STARTUP = Duration.ofSeconds(90);

  final String schema = TestDatabases.newSchemaName();
  final FakeLlamaApi llama;
  final FakeSlackApi slack;
  private final Map<String, Object> datasource;
  private final Map<String, String> overrides = new HashMap<>();
  private final List<CriaProcess> processes = new ArrayList<>();

  FaultStack() {
    datasource = TestDatabases.postgres(schema);
    llama = FakeLlamaApi.start();
    llama.requireApiKey(LLAMA_API_KEY);
    slack = FakeSlackApi.start();
  }

  /** Sets (or, with null, removes) one environment variable for processes started from now on. */
  FaultStack env(String name, String value) {
    overrides.put(name, value);
    return this;
  }

  /** The environment an operator would set: PostgreSQL, the Llama API, Slack in HTTP mode. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", (String) datasource.get("datasources.default.url"));
    env.put("DATABASE_USER", (String) datasource.get("datasources.default.username"));
    String password = (String) datasource.get("datasources.default.password");
    if (!password.isEmpty()) {
      env.put("DATABASE_PASSWORD", password);
    }
    env.put("LLAMA_API_KEY", LLAMA_API_KEY);
    env.put("LLAMA_BASE_URL", llama.baseUrl());
    env.put("LLAMA_API_STYLE", "llama");
    env.put("LLAMA_MODERATION", "moderations");
    env.put("SLACK_BOT_TOKEN", FakeSlackApi.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("CRIA_QUOTA_USER_IN_FLIGHT", "0");
    env.put("CRIA_SHUTDOWN_GRACE", "10s");
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    return env;
  }

  /** Starts one more Cria process on this stack and waits until it is healthy. */
  CriaProcess start(String name) {
    CriaProcess cria = CriaProcess.start(name, environment(), STARTUP);
    processes.add(cria);
    return cria;
  }

  /** Runs a query in this test's schema and returns the first column of the first row. */
  long count(String sql) {
    return TestDatabases.count(schema, sql);
  }

  /** Runs a query in this test's schema and returns the first column of every row. */
  List<String> strings(String sql) {
    return TestDatabases.strings(schema, sql);
  }

  /** Events not finished yet (pending, or claimed by a replica). */
  long openEvents() {
    return count("SELECT COUNT(*) FROM inbound_event WHERE status IN ('PENDING', 'CLAIMED')");
  }

  @Override
  public void close() {
    processes.forEach(CriaProcess::close);
    slack.close();
    llama.close();
    TestDatabases.dropSchema(schema);
  }
}

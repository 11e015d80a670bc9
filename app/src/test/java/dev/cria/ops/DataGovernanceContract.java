package dev.cria.ops;

import static dev.cria.testing.TestEvents.command;
import static dev.cria.testing.TestEvents.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Author;
import dev.cria.chat.Command;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.WebSessionStore;
import dev.cria.chat.WebSessionStore.StoredWebSession;
import dev.cria.fakes.FakeLlamaApi;
import dev.cria.testing.Await;
import dev.cria.testing.PipelineHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Cria keeps and how it goes, on one database: retention purges old turns with the moderation
 * decisions about them and their events; {@code reset} deletes rows; {@code
 * deploy/sql/forget-user.sql} deletes one user's data and nobody else's.
 */
abstract class DataGovernanceContract {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Author ADA = Author.human("U1", "Ada");
  private static final Author BOB = Author.human("U2", "Bob");

  private Map<String, Object> datasource;
  private PipelineHarness harness;

  abstract Map<String, Object> datasourceProperties();

  void cleanUp() {}

  @BeforeEach
  void start() {
    datasource = datasourceProperties();
    Map<String, Object> properties = new HashMap<>(datasource);
    properties.put("cria.conversation.retention-days", 30);
    harness = PipelineHarness.start(FakeLlamaApi.ollama(), properties);
  }

  @AfterEach
  void stop() {
    harness.close();
    cleanUp();
  }

  @Test
  void retentionPurgesOldTurnsWithTheModerationDecisionsAboutThemAndTheirEvents() {
    ConversationKey old = thread();
    ConversationKey recent = thread();
    ask(old, ADA, "an old question");
    ask(recent, ADA, "a recent question");
    attachImage(old);
    attachImage(recent);
    assertEquals(2, count("moderation_decision", old), "input and output were judged");
    Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(40)));
    update("UPDATE chat_message SET created_at = ? WHERE conversation_key = ?", longAgo, old);
    update("UPDATE inbound_event SET finished_at = ? WHERE conversation_key = ?", longAgo, old);

    int purged = harness.context.getBean(RetentionJob.class).purgeNow();

    assertEquals(2, purged, "the question and its answer");
    assertEquals(0, count("chat_message", old));
    assertEquals(0, count("moderation_decision", old), "judged turns gone, so are the decisions");
    assertEquals(0, count("inbound_event", old));
    assertEquals(0, count("turn_attachment", old), "the old turn's image went with it");
    assertEquals(1, count("turn_attachment", recent));
    assertEquals(2, count("chat_message", recent));
    assertEquals(2, count("moderation_decision", recent));
    assertEquals(1, count("inbound_event", recent));
  }

  @Test
  void retentionDeletesExpiredWebSessionsOnly() {
    WebSessionStore sessions = harness.context.getBean(WebSessionStore.class);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    sessions.save(
        new StoredWebSession("e".repeat(64), "csrf", "admin", true, now.minusSeconds(60)));
    sessions.save(
        new StoredWebSession("c".repeat(64), "csrf", "admin", true, now.plusSeconds(3600)));

    int deleted = harness.context.getBean(RetentionJob.class).purgeSessions();

    assertEquals(1, deleted);
    assertTrue(sessions.find("e".repeat(64)).isEmpty());
    assertTrue(sessions.find("c".repeat(64)).isPresent());
  }

  @Test
  void theForgetUserScriptEndsOneWebUsersLoginsOnly() throws Exception {
    WebSessionStore sessions = harness.context.getBean(WebSessionStore.class);
    Instant later = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
    sessions.save(new StoredWebSession("a".repeat(64), "csrf", "ada@example.com", false, later));
    sessions.save(new StoredWebSession("b".repeat(64), "csrf", "bob@example.com", false, later));

    runForgetUser("web", "ada@example.com");

    assertTrue(sessions.find("a".repeat(64)).isEmpty());
    assertTrue(sessions.find("b".repeat(64)).isPresent());
  }

  @Test
  void resetDeletesTheTurnsTheirDecisionsAndTheirEvents() {
    ConversationKey key = thread();
    ask(key, ADA, "first question");
    ask(key, ADA, "second question");
    attachImage(key);
    assertEquals(4, count("chat_message", key));

    harness.service.accept(command(key, "reset-" + key.thread(), new Command.Reset()));
    String reply = harness.replies.next(WAIT).text();
    awaitIdle();

    assertTrue(reply.contains("forgot 4 messages"), reply);
    assertEquals(0, count("chat_message", key));
    assertEquals(0, count("moderation_decision", key));
    assertEquals(0, count("turn_attachment", key));
    assertEquals(1, count("inbound_event", key), "only the reset itself");
    assertEquals(0, rows("SELECT COUNT(*) FROM chat_message WHERE content LIKE '%question%'"));
  }

  @Test
  void theForgetUserScriptDeletesOneUsersDataAndNobodyElses() throws Exception {
    ConversationKey shared = thread();
    ConversationKey adasOwn = thread();
    ask(shared, ADA, "what Ada asked");
    ask(shared, BOB, "what Bob asked");
    ask(adasOwn, ADA, "Ada alone");
    attachImage(adasOwn);
    long bobsEvent =
        rows("SELECT MAX(id) FROM inbound_event WHERE author_id = 'U2' AND platform = 'slack'");

    runForgetUser("slack", "U1");

    assertEquals(0, rows("SELECT COUNT(*) FROM chat_message WHERE content LIKE '%Ada%'"));
    assertEquals(
        0, rows("SELECT COUNT(*) FROM chat_message WHERE author_id = 'U1' OR requested_by = 'U1'"));
    assertEquals(0, rows("SELECT COUNT(*) FROM inbound_event WHERE author_id = 'U1'"));
    assertEquals(
        0, rows("SELECT COUNT(*) FROM moderation_decision WHERE event_seq <> " + bobsEvent));
    assertEquals(
        2, rows("SELECT COUNT(*) FROM chat_message WHERE requested_by = 'U2'"), "Bob's turns");
    assertEquals(
        2, rows("SELECT COUNT(*) FROM moderation_decision WHERE event_seq = " + bobsEvent));
    assertEquals(1, rows("SELECT COUNT(*) FROM inbound_event WHERE author_id = 'U2'"));
    assertEquals(0, count("turn_attachment", adasOwn), "Ada's image");
  }

  /** An image kept with the newest user turn of a conversation, as the pipeline keeps one. */
  private void attachImage(ConversationKey key) {
    long seq =
        rows(
            "SELECT MAX(event_seq) FROM chat_message WHERE role = 'user' AND conversation_key = '"
                + key
                + "'");
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO turn_attachment (conversation_key, event_seq, kind, name, mime_type,"
                    + " content, tokens, created_at) VALUES (?, ?, 'image', 'a.png', 'image/png',"
                    + " 'iVBORw0KGgo=', 147, ?)")) {
      statement.setString(1, key.toString());
      statement.setLong(2, seq);
      statement.setTimestamp(3, Timestamp.from(Instant.now()));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("storing an attachment", e);
    }
  }

  private static ConversationKey thread() {
    return ConversationKey.parse("slack:T1:C1:" + UUID.randomUUID().toString().substring(0, 8));
  }

  private void ask(ConversationKey key, Author author, String text) {
    String eventId = key.thread() + "-" + UUID.randomUUID().toString().substring(0, 6);
    harness.service.accept(message(key, eventId, author, text));
    assertFalse(harness.replies.next(WAIT).failed());
    awaitIdle();
  }

  /** Until every accepted event is finished (the reply is delivered a moment before). */
  private void awaitIdle() {
    String open = "SELECT COUNT(*) FROM inbound_event WHERE status IN ('PENDING', 'CLAIMED')";
    Await.until(
        WAIT, "every accepted event finished", () -> rows(open) == 0, () -> rows(open) + " open");
  }

  /**
   * Runs the script as psql would: the variables filled in, statement by statement, in one
   * transaction (its own BEGIN and COMMIT are left to JDBC).
   */
  private void runForgetUser(String platform, String userId) throws IOException, SQLException {
    Path script = root().resolve("deploy/sql/forget-user.sql");
    StringBuilder sql = new StringBuilder();
    for (String line : Files.readAllLines(script)) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    String filled =
        sql.toString()
            .replace(":'platform'", "'" + platform + "'")
            .replace(":'user_id'", "'" + userId + "'");
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String one : filled.split(";")) {
          String trimmed = one.strip();
          if (!trimmed.isEmpty() && !List.of("BEGIN", "COMMIT").contains(trimmed)) {
            statement.execute(trimmed);
          }
        }
      }
      connection.commit();
    }
  }

  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/sql/forget-user.sql"))) {
        return dir;
      }
    }
    throw new AssertionError("no deploy/sql/forget-user.sql above " + Path.of("").toAbsolutePath());
  }

  private long count(String table, ConversationKey key) {
    return rows("SELECT COUNT(*) FROM " + table + " WHERE conversation_key = '" + key + "'");
  }

  private long rows(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private void update(String sql, Timestamp time, ConversationKey key) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setTimestamp(1, time);
      statement.setString(2, key.toString());
      assertTrue(statement.executeUpdate() > 0, sql);
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        (String) datasource.get("datasources.default.url"),
        (String) datasource.get("datasources.default.username"),
        (String) datasource.get("datasources.default.password"));
  }
}

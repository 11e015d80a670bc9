package dev.cria.slack;

import static dev.cria.fakes.FakeSlackEvents.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cria.chat.Platform;
import dev.cria.core.ConversationStore;
import dev.cria.fakes.FakeSlackCall;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Feedback buttons on Slack, end to end: an answer carries Slack's feedback buttons, and a click (a
 * signed {@code block_actions} request) is stored as a vote on that answer and counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackFeedbackTest {

  private static final String CHANNEL = "C0FEEDBACK";

  private SlackApplication app;

  @BeforeAll
  void start() {
    app = SlackApplication.httpMode(Map.of("cria.access.admins", List.of("U0ADA")));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void anAnswerCarriesFeedbackButtonsAndAClickIsStoredOncePerPerson() throws Exception {
    String root = "1700003000.000100";
    app.post(mention("EvFB1", CHANNEL, root, null, "U0ADA", "Rate me"));
    FakeSlackCall last = awaitAnswerCall(root);
    assertTrue(last.get("blocks").contains("\"feedback_buttons\""), last.get("blocks"));
    assertTrue(last.get("blocks").contains("Echo: Ada: Rate me"), "the text stays visible");
    String answerTs = last.get("ts");
    ConversationStore conversations = app.context.getBean(ConversationStore.class);
    app.slack.await(
        () -> conversations.conversationOfMessage(Platform.SLACK, answerTs).isPresent(),
        "the answer's message recorded");

    assertEquals(200, app.postForm(click(answerTs, root, "U0ADA", "down")).statusCode());
    assertEquals(200, app.postForm(click(answerTs, root, "U0ADA", "up")).statusCode());
    assertEquals(200, app.postForm(click(answerTs, root, "U0BOB", "up")).statusCode());

    assertEquals(List.of("U0ADA:1", "U0BOB:1"), votes("slack:T0TEAM:" + CHANNEL + ":" + root));
    List<String> details = voteDetails("slack:T0TEAM:" + CHANNEL + ":" + root);
    assertEquals(2, details.size(), details.toString());
    String model = details.get(0).split(" ")[0];
    for (String detail : details) {
      assertTrue(
          Pattern.matches(Pattern.quote(model) + " [0-9a-f]{12} EvFB1", detail),
          "each vote names the answer's model, prompt version and event: " + detail);
    }
    MeterRegistry meters = app.context.getBean(MeterRegistry.class);
    assertEquals(
        2.0,
        meters
            .counter("cria.feedback", "platform", "slack", "model", model, "rating", "up")
            .count());
    assertEquals(
        1.0,
        meters
            .counter("cria.feedback", "platform", "slack", "model", model, "rating", "down")
            .count());

    // An admin's usage shows today's votes per model.
    String usageRoot = "1700003000.000200";
    app.post(mention("EvFB2", CHANNEL, usageRoot, null, "U0ADA", "usage"));
    app.slack.await(
        () ->
            app.slack.thread(CHANNEL, usageRoot).stream()
                .anyMatch(m -> m.text().contains("Feedback today, per model")),
        "the admin's usage with feedback per model");
    String usage =
        app.slack.thread(CHANNEL, usageRoot).stream()
            .filter(m -> m.text().contains("Feedback today"))
            .findFirst()
            .orElseThrow()
            .text();
    assertTrue(usage.contains("`" + model + "`: 2 👍, 0 👎"), usage);
  }

  @Test
  void aNonAdminsUsageShowsNoFeedback() throws Exception {
    String root = "1700003000.000300";
    app.post(mention("EvFB3", CHANNEL, root, null, "U0BOB", "usage"));
    app.slack.await(
        () -> app.slack.thread(CHANNEL, root).stream().anyMatch(m -> m.text().contains("tokens.")),
        "the usage answer");
    assertTrue(
        app.slack.thread(CHANNEL, root).stream()
            .noneMatch(m -> m.text().contains("Feedback today")),
        "only admins see the votes");
  }

  @Test
  void aClickOnAMessageThatHoldsNoAnswerStoresNothing() throws Exception {
    assertEquals(
        200,
        app.postForm(click("1600000000.000001", "1600000000.000001", "U0ADA", "up")).statusCode());

    assertEquals(List.of(), votes("slack:T0TEAM:C0NONE:1600000000.000001"));
  }

  /** The call that delivered the answer in the thread: the last edit or post carrying blocks. */
  private FakeSlackCall awaitAnswerCall(String root) {
    app.slack.await(() -> answerCall(root) != null, "an answer with blocks in thread " + root);
    return answerCall(root);
  }

  private FakeSlackCall answerCall(String root) {
    for (FakeSlackCall call : app.slack.calls()) {
      boolean inThread =
          root.equals(call.get("thread_ts"))
              || app.slack.thread(CHANNEL, root).stream()
                  .anyMatch(m -> m.ts().equals(call.get("ts")));
      if (inThread && call.get("blocks") != null) {
        if (call.get("ts") == null) {
          // A posted message: its ts is the message's.
          return app.slack.thread(CHANNEL, root).stream()
              .findFirst()
              .map(m -> new FakeSlackCall(call.method(), withTs(call, m.ts()), call.token()))
              .orElse(null);
        }
        return call;
      }
    }
    return null;
  }

  private static java.util.Map<String, String> withTs(FakeSlackCall call, String ts) {
    var form = new java.util.LinkedHashMap<>(call.form());
    form.put("ts", ts);
    return form;
  }

  /** A {@code block_actions} request as Slack sends it when someone clicks a feedback button. */
  private static String click(String messageTs, String threadTs, String user, String value) {
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", messageTs);
    container.addProperty("channel_id", CHANNEL);
    container.addProperty("is_ephemeral", false);
    container.addProperty("thread_ts", threadTs);
    JsonObject action = new JsonObject();
    action.addProperty("type", "feedback_buttons");
    action.addProperty("action_id", "cria_feedback");
    action.addProperty("block_id", "fb");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700003001.000001");
    JsonArray actions = new JsonArray();
    actions.add(action);
    JsonObject team = new JsonObject();
    team.addProperty("id", "T0TEAM");
    team.addProperty("domain", "cria-test");
    JsonObject who = new JsonObject();
    who.addProperty("id", user);
    who.addProperty("username", user.toLowerCase(Locale.ROOT));
    who.addProperty("team_id", "T0TEAM");
    JsonObject channel = new JsonObject();
    channel.addProperty("id", CHANNEL);
    channel.addProperty("name", "feedback");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.add("team", team);
    payload.add("user", who);
    payload.addProperty("api_app_id", "A0CRIA");
    payload.addProperty("token", "unused-verification-token");
    payload.add("container", container);
    payload.addProperty("trigger_id", "1700003001.1.fb");
    payload.add("channel", channel);
    payload.add("actions", actions);
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  /** The stored votes of a conversation as "model promptVersion eventId", in user order. */
  @SuppressWarnings("unchecked")
  private List<String> voteDetails(String conversation) {
    TransactionOperations<Connection> transactions =
        app.context.getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          List<String> votes = new ArrayList<>();
          try (var query =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT model, system_prompt_version, event_id FROM feedback"
                          + " WHERE conversation_key = ? ORDER BY user_id")) {
            query.setString(1, conversation);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                votes.add(
                    rows.getString("model")
                        + " "
                        + rows.getString("system_prompt_version")
                        + " "
                        + rows.getString("event_id"));
              }
            }
          }
          return votes;
        });
  }

  /** The stored votes of a conversation as user:rating, in user order. */
  @SuppressWarnings("unchecked")
  private List<String> votes(String conversation) {
    TransactionOperations<Connection> transactions =
        app.context.getBean(TransactionOperations.class);
    return transactions.executeRead(
        status -> {
          List<String> votes = new ArrayList<>();
          try (var query =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT user_id, rating FROM feedback WHERE conversation_key = ?"
                          + " ORDER BY user_id")) {
            query.setString(1, conversation);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                votes.add(rows.getString("user_id") + ":" + rows.getInt("rating"));
              }
            }
          }
          return votes;
        });
  }
}

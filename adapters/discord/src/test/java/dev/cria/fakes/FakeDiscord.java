package dev.cria.fakes;

import dev.cria.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A fake Discord for tests: a REST API (JDK HttpServer) and a gateway (Java-WebSocket) on loopback.
 * Point Cria at it with {@link #properties()}, wait for {@link #awaitConnected}, then send slash
 * commands and messages as a user would and assert on the REST calls Cria makes (each recorded with
 * method, route and JSON body) and on the messages it leaves behind.
 */
public final class FakeDiscord implements AutoCloseable {

  public static final String BOT_TOKEN = "fake-discord-bot-token";
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final List<FakeDiscordCall> calls = new ArrayList<>();
  private final FakeDiscordGateway gateway;
  private final FakeDiscordStore store;
  private final FakeDiscordRest rest;
  private final FakeDiscordCdn cdn;

  public FakeDiscord() {
    try {
      this.gateway = new FakeDiscordGateway(this::threads);
      this.store =
          new FakeDiscordStore(
              this::gatewayUrl,
              thread -> gateway.dispatch("THREAD_CREATE", thread, thread.getString("guild_id")));
      this.rest = new FakeDiscordRest(store, this::record);
      this.cdn = new FakeDiscordCdn();
      gateway.start();
      rest.start();
      cdn.start();
      awaitTrue(() -> gateway.getPort() > 0, "gateway listening");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings that point Cria's Discord adapter at this fake. */
  public Map<String, String> properties() {
    return Map.of(
        "cria.discord.bot-token", BOT_TOKEN,
        "cria.discord.api-url", rest.baseUrl(),
        "cria.discord.gateway-url", gatewayUrl());
  }

  public String restBaseUrl() {
    return rest.baseUrl();
  }

  public String gatewayUrl() {
    return gateway.url();
  }

  /** Close connections that ask for Message Content with 4014, as Discord does when it is off. */
  public void refuseMessageContent(boolean refuse) {
    gateway.refuseMessageContent(refuse);
  }

  /** Refuse the bot token (401), as Discord does for a wrong or reset one. */
  public void rejectToken(boolean reject) {
    rest.rejectToken(reject);
  }

  /** Waits until this many shards have identified and received READY. */
  public void awaitConnected(int shards) {
    awaitTrue(() -> gateway.readySessions() >= shards, shards + " shard(s) connected");
  }

  /** The IDENTIFY payloads received, in order. */
  public List<DataObject> identifies() {
    return gateway.identifies();
  }

  // --- what users do -------------------------------------------------------------------------

  /** A user runs a slash command in the guild's text channel (threadId null) or in a thread. */
  public Interaction slashCommand(String name, Map<String, String> options, String threadId) {
    DataObject interaction = FakeDiscordPayloads.slashCommand(name, options, threadId);
    return send(interaction, FakeDiscordPayloads.GUILD_ID);
  }

  /** Another member of the guild (not its owner) runs a slash command in its text channel. */
  public Interaction slashCommandBy(String userId, String name, Map<String, String> options) {
    DataObject interaction = FakeDiscordPayloads.slashCommand(name, options, null);
    interaction
        .getObject("member")
        .getObject("user")
        .put("id", userId)
        .put("username", "u" + userId);
    return send(interaction, FakeDiscordPayloads.GUILD_ID);
  }

  /** A user types into an autocompleted option of a command in the guild's text channel. */
  public Interaction autocomplete(String command, String option, String typed) {
    return send(
        FakeDiscordPayloads.autocomplete(command, option, typed), FakeDiscordPayloads.GUILD_ID);
  }

  public Interaction directSlashCommand(String name, Map<String, String> options) {
    return send(FakeDiscordPayloads.directSlashCommand(name, options), null);
  }

  /**
   * A slash command in a group DM Cria is not in, by a user who installed Cria to their account
   * (context 2, a user install only): only the interaction's webhook reaches the channel.
   */
  public Interaction userInstalledCommand(String name, Map<String, String> options) {
    return send(FakeDiscordPayloads.userInstalledCommand(name, options), null);
  }

  /** The commands Cria registered globally, as Discord stores them. */
  public String globalCommands() {
    return store.commands("global").toString();
  }

  /**
   * A user (or a bot) clicks a button of one of Cria's messages in the guild's text channel: a
   * component interaction (type 3) on the gateway, carrying the message as Discord stores it.
   */
  public Interaction buttonClick(String messageId, String customId, String userId, boolean bot) {
    DataObject message = store.message(messageId);
    if (message == null) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    DataObject interaction = FakeDiscordPayloads.buttonClick(message, customId);
    interaction
        .getObject("member")
        .getObject("user")
        .put("id", userId)
        .put("username", "u" + userId)
        .put("bot", bot);
    store.componentOn(interaction.getString("token"), messageId);
    return send(interaction, FakeDiscordPayloads.GUILD_ID);
  }

  /**
   * A user uses the message context-menu command "Ask Cria" on a message another member wrote in
   * the guild's text channel: an application command interaction of type 3 with the message
   * resolved.
   */
  public Interaction messageCommand(String authorId, String content) {
    DataObject message =
        FakeDiscordPayloads.userMessage(
            FakeDiscordPayloads.CHANNEL_ID, true, authorId, false, content);
    DataObject interaction = FakeDiscordPayloads.slashCommand("Ask Cria", Map.of(), null);
    String target = message.getString("id");
    interaction.getObject("data").put("type", 3).put("target_id", target).remove("options");
    interaction
        .getObject("data")
        .put(
            "resolved",
            DataObject.empty().put("messages", DataObject.empty().put(target, message)));
    return send(interaction, FakeDiscordPayloads.GUILD_ID);
  }

  /** What a person reads in a stored message: its content, or a components V2 message's text. */
  public String textOf(String messageId) {
    return store.textOf(messageId);
  }

  /** Whether a stored message has the components V2 flag. */
  public boolean isComponentsV2(String messageId) {
    return store.isComponentsV2(messageId);
  }

  /**
   * A user uses a message context-menu command (e.g. "Summarize thread") on one of the stored
   * messages of the guild's text channel, as Discord sends it: type 3, the message resolved.
   */
  public Interaction messageCommandOn(String name, String messageId) {
    DataObject message = store.message(messageId);
    if (message == null) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    DataObject interaction = FakeDiscordPayloads.slashCommand(name, Map.of(), null);
    interaction.getObject("data").put("type", 3).put("target_id", messageId).remove("options");
    interaction
        .getObject("data")
        .put(
            "resolved",
            DataObject.empty().put("messages", DataObject.empty().put(messageId, message)));
    return send(interaction, FakeDiscordPayloads.GUILD_ID);
  }

  /** The components (action rows) of a stored message, as JSON; empty when it has none. */
  public String componentsOf(String messageId) {
    DataObject message = store.message(messageId);
    return message == null || !message.hasKey("components")
        ? ""
        : message.getArray("components").toString();
  }

  /** A user (or a bot) writes in the guild's text channel or a thread. Returns the message id. */
  public String message(String channelId, String authorId, boolean bot, String content) {
    return message(
        FakeDiscordPayloads.userMessage(channelId, true, authorId, bot, content),
        FakeDiscordPayloads.GUILD_ID);
  }

  /**
   * A user mentions Cria in the guild's text channel with files attached, each hosted on the fake
   * CDN as Discord hosts them. Returns the message id.
   */
  public String messageWithAttachments(String channelId, String content, Upload... uploads) {
    DataObject message =
        FakeDiscordPayloads.userMessage(
            channelId, true, FakeDiscordPayloads.USER_ID, false, content);
    DataArray attachments = DataArray.empty();
    for (Upload upload : uploads) {
      String id = FakeDiscordPayloads.snowflake();
      String url = cdn.put(channelId, id, upload.name(), upload.mimeType(), upload.bytes());
      attachments.add(
          DataObject.empty()
              .put("id", id)
              .put("filename", upload.name())
              .put("content_type", upload.mimeType())
              .put("size", upload.bytes().length)
              .put("url", url)
              .put("proxy_url", url));
    }
    message.put("attachments", attachments);
    return message(message, FakeDiscordPayloads.GUILD_ID);
  }

  /** A file a user attaches to a message. */
  // Held and served as given, never compared: the array needs no defensive copy.
  @SuppressWarnings("ArrayRecordComponent")
  public record Upload(String name, String mimeType, byte[] bytes) {}

  /** The attachment paths the fake CDN handed over, in order. */
  public List<String> attachmentsServed() {
    return cdn.served();
  }

  /** A user replies to one of Cria's messages. Returns the message id. */
  public String reply(String channelId, String toMessageId, String content) {
    DataObject message =
        FakeDiscordPayloads.userMessage(
            channelId, true, FakeDiscordPayloads.USER_ID, false, content);
    message
        .put("type", 19)
        .put(
            "message_reference",
            DataObject.empty()
                .put("type", 0)
                .put("message_id", toMessageId)
                .put("channel_id", channelId)
                .put("guild_id", FakeDiscordPayloads.GUILD_ID));
    return message(message, FakeDiscordPayloads.GUILD_ID);
  }

  /** A user edits one of their messages in the guild. */
  public void editMessage(String channelId, String messageId, String content) {
    DataObject message =
        FakeDiscordPayloads.userMessage(
            channelId, true, FakeDiscordPayloads.USER_ID, false, content);
    message
        .put("id", messageId)
        .put("edited_timestamp", OffsetDateTime.now(ZoneId.systemDefault()).toString());
    gateway.dispatch("MESSAGE_UPDATE", message, FakeDiscordPayloads.GUILD_ID);
  }

  /** A user deletes one of their messages in the guild. */
  public void deleteMessage(String channelId, String messageId) {
    DataObject deleted =
        DataObject.empty()
            .put("id", messageId)
            .put("channel_id", channelId)
            .put("guild_id", FakeDiscordPayloads.GUILD_ID);
    gateway.dispatch("MESSAGE_DELETE", deleted, FakeDiscordPayloads.GUILD_ID);
  }

  public String directMessage(String content) {
    return message(
        FakeDiscordPayloads.userMessage(
            FakeDiscordPayloads.DM_CHANNEL_ID, false, FakeDiscordPayloads.USER_ID, false, content),
        null);
  }

  private String message(DataObject message, String guildId) {
    gateway.dispatch("MESSAGE_CREATE", message, guildId);
    return message.getString("id");
  }

  private Interaction send(DataObject interaction, String guildId) {
    Interaction sent =
        new Interaction(
            interaction.getString("id"),
            interaction.getString("token"),
            interaction.getString("channel_id"));
    store.interactionSent(sent.token(), sent.channelId());
    gateway.dispatch("INTERACTION_CREATE", interaction, guildId);
    return sent;
  }

  /** A slash command as sent. */
  public record Interaction(String id, String token, String channelId) {}

  // --- what Cria did ---------------------------------------------------------------------------

  /**
   * Holds the first REST call that matches until {@link FakeDiscordHold#release()}: a fault test
   * kills Cria while it waits for the answer.
   */
  public FakeDiscordHold hold(Predicate<FakeDiscordCall> matching, FakeDiscordHold.When when) {
    return rest.hold(matching, when);
  }

  /** Every REST call so far, in order. */
  public List<FakeDiscordCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<FakeDiscordCall> calls(String method, String routeRegex) {
    return calls().stream().filter(call -> call.is(method, routeRegex)).toList();
  }

  /** Waits (bounded) for the first call matching, and returns it. */
  public FakeDiscordCall await(String method, String routeRegex) {
    return await(call -> call.is(method, routeRegex), method + " " + routeRegex);
  }

  public FakeDiscordCall await(Predicate<FakeDiscordCall> matching, String description) {
    synchronized (calls) {
      long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
      while (true) {
        for (FakeDiscordCall call : calls) {
          if (matching.test(call)) {
            return call;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no " + description + " within " + DEFAULT_WAIT + "; calls: " + calls);
        }
        try {
          calls.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /** Waits (bounded) until a condition on the fake's state holds. */
  public void awaitTrue(BooleanSupplier condition, String description) {
    Await.until(DEFAULT_WAIT, description, condition, () -> "calls " + calls());
  }

  /** The contents of Cria's answer to an interaction: the original reply, then follow-ups. */
  public List<String> answerOf(Interaction interaction) {
    return store.answerOf(interaction.token());
  }

  /** The id of the message that holds the start of Cria's answer to an interaction, or null. */
  public String answerMessageId(Interaction interaction) {
    return store.originalId(interaction.token());
  }

  /** Cria's messages in a channel or thread, oldest first. */
  public List<DataObject> messagesIn(String channelId) {
    return store.messagesIn(channelId);
  }

  /** The threads Cria opened, with their current names. */
  public List<DataObject> threads() {
    return store.threads();
  }

  /** The id of the thread Cria opened under this name (renamed since or not), or null. */
  public String threadOpenedAs(String name) {
    return store.threadOpenedAs(name);
  }

  /** A thread's current name, or null for a thread Cria did not open. */
  public String threadName(String threadId) {
    return store.threads().stream()
        .filter(thread -> thread.getString("id").equals(threadId))
        .map(thread -> thread.getString("name"))
        .findFirst()
        .orElse(null);
  }

  private void record(FakeDiscordCall call) {
    synchronized (calls) {
      calls.add(call);
      calls.notifyAll();
    }
  }

  @Override
  public void close() {
    rest.stop();
    cdn.stop();
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.cria.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * What the fake Discord holds: Cria's messages (interaction replies, follow-ups, channel posts),
 * the threads it opened and the commands it registered, per scope ({@code global} or a guild id).
 * Lives as long as the fake, so it outlasts an application restart.
 */
final class FakeDiscordStore {

  private final Map<String, DataObject> messages = new ConcurrentHashMap<>();
  private final List<String> messageOrder = new ArrayList<>();
  private final Map<String, String> originals = new ConcurrentHashMap<>();
  private final Map<String, String> interactionChannels = new ConcurrentHashMap<>();
  private final Map<String, List<String>> followUps = new ConcurrentHashMap<>();
  private final Map<String, DataObject> threads = new ConcurrentHashMap<>();
  private final Map<String, String> openedAs = new ConcurrentHashMap<>();
  private final Map<String, DataArray> commands = new ConcurrentHashMap<>();
  private final Supplier<String> gatewayUrl;
  private final Consumer<DataObject> onThreadCreated;

  FakeDiscordStore(Supplier<String> gatewayUrl, Consumer<DataObject> onThreadCreated) {
    this.gatewayUrl = gatewayUrl;
    this.onThreadCreated = onThreadCreated;
  }

  void interactionSent(String token, String channelId) {
    interactionChannels.put(token, channelId);
  }

  /**
   * A component interaction's {@code @original} is the message the component is on (its deferred
   * edit, type 6, leaves it as it is until Cria edits it).
   */
  void componentOn(String token, String messageId) {
    originals.put(token, messageId);
  }

  DataObject gatewayBot() {
    return DataObject.empty()
        .put("url", gatewayUrl.get())
        .put("shards", 1)
        .put(
            "session_start_limit",
            DataObject.empty()
                .put("total", 1000)
                .put("remaining", 1000)
                .put("reset_after", 0)
                .put("max_concurrency", 1));
  }

  DataArray commands(String scope) {
    return DataArray.fromJson(commands.getOrDefault(scope, DataArray.empty()).toString());
  }

  DataArray replaceCommands(String scope, DataArray wanted) {
    DataArray registered = DataArray.empty();
    for (int i = 0; i < wanted.length(); i++) {
      DataObject command = wanted.getObject(i);
      command
          .put("id", FakeDiscordPayloads.snowflake())
          .put("application_id", FakeDiscordPayloads.SELF_ID)
          .put("version", FakeDiscordPayloads.snowflake());
      if (!scope.equals("global")) {
        command.put("guild_id", scope);
      }
      registered.add(command);
    }
    commands.put(scope, registered);
    return commands(scope);
  }

  DataObject editOriginal(String token, DataObject body) {
    String id = originals.computeIfAbsent(token, ignored -> FakeDiscordPayloads.snowflake());
    DataObject message = messages.get(id);
    if (message == null) {
      return store(
          withComponents(
              FakeDiscordPayloads.botMessage(id, channelOf(token), body.getString("content", "")),
              body));
    }
    return withComponents(message, body)
        .put("content", body.getString("content", message.getString("content")));
  }

  DataObject followUp(String token, DataObject body) {
    String id = FakeDiscordPayloads.snowflake();
    followUps.computeIfAbsent(token, ignored -> new CopyOnWriteArrayList<>()).add(id);
    return store(
        withComponents(
            FakeDiscordPayloads.botMessage(id, channelOf(token), body.getString("content", "")),
            body));
  }

  /**
   * Posts a message. With a nonce and {@code enforce_nonce}, Discord returns the message the same
   * author posted with that nonce in the last few minutes instead of creating another.
   */
  DataObject post(String channelId, DataObject body) {
    String nonce = body.isNull("nonce") ? null : body.get("nonce").toString();
    if (nonce != null && body.getBoolean("enforce_nonce", false)) {
      synchronized (messageOrder) {
        for (String id : messageOrder) {
          DataObject earlier = messages.get(id);
          if (earlier != null && nonce.equals(earlier.getString("nonce", null))) {
            return earlier;
          }
        }
      }
    }
    DataObject message =
        withComponents(
            FakeDiscordPayloads.botMessage(
                FakeDiscordPayloads.snowflake(), channelId, body.getString("content", "")),
            body);
    body.optObject("message_reference")
        .ifPresent(reference -> message.put("message_reference", reference));
    if (nonce != null) {
      message.put("nonce", nonce);
    }
    return store(message);
  }

  /** The edited message, or null when there is no such message. */
  DataObject edit(String id, DataObject body) {
    DataObject message = messages.get(id);
    return message == null
        ? null
        : withComponents(message, body).put("content", body.getString("content", ""));
  }

  /**
   * An edit that sends components (buttons) replaces the message's. A components V2 body (checked
   * by {@link FakeDiscordComponentsV2}) sets the flag for good; its content is empty and its text
   * is in its text displays.
   */
  private static DataObject withComponents(DataObject message, DataObject body) {
    if (body.hasKey("components")) {
      message.put("components", body.getArray("components"));
    }
    if (FakeDiscordComponentsV2.flagged(body)) {
      message.put("flags", FakeDiscordComponentsV2.FLAG);
      body.put("content", "");
    }
    return message;
  }

  /** Whether a stored message has the components V2 flag (false for none, or @original). */
  boolean isComponentsV2(String id) {
    DataObject message = id == null ? null : messages.get(id);
    return message != null && (message.getInt("flags", 0) & FakeDiscordComponentsV2.FLAG) != 0;
  }

  /** What a person reads in a stored message: its content, or its text displays. */
  String textOf(String id) {
    DataObject message = messages.get(id);
    if (message == null) {
      return null;
    }
    return (message.getInt("flags", 0) & FakeDiscordComponentsV2.FLAG) != 0
        ? FakeDiscordComponentsV2.text(message)
        : message.getString("content", "");
  }

  /** A stored message, as Discord would put it in an interaction on it; null when gone. */
  DataObject message(String id) {
    DataObject message = messages.get(id);
    return message == null ? null : DataObject.fromJson(message.toString());
  }

  boolean delete(String id) {
    synchronized (messageOrder) {
      messageOrder.remove(id);
    }
    return messages.remove(id) != null;
  }

  DataObject openThread(String channelId, String messageId, DataObject body) {
    DataObject thread = FakeDiscordPayloads.thread(messageId, channelId, body.getString("name"));
    threads.put(messageId, thread);
    openedAs.put(messageId, body.getString("name"));
    onThreadCreated.accept(DataObject.fromJson(thread.toString()));
    return thread;
  }

  /** Renames a thread ({@code PATCH /channels/{id}} with a name); null for an unknown one. */
  DataObject renameThread(String threadId, DataObject body) {
    DataObject thread = threads.get(threadId);
    if (thread == null || !body.hasKey("name")) {
      return null;
    }
    thread.put("name", body.getString("name"));
    return thread;
  }

  DataObject directChannel(String userId) {
    return FakeDiscordPayloads.directChannel(FakeDiscordPayloads.DM_CHANNEL_ID, userId);
  }

  /** The id of the thread opened under this name (it may have been renamed since), or null. */
  String threadOpenedAs(String name) {
    return openedAs.entrySet().stream()
        .filter(entry -> entry.getValue().equals(name))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  List<DataObject> threads() {
    return List.copyOf(threads.values());
  }

  /** Cria's messages in a channel or thread, oldest first. */
  List<DataObject> messagesIn(String channelId) {
    synchronized (messageOrder) {
      return messageOrder.stream()
          .map(messages::get)
          .filter(message -> message != null && message.getString("channel_id").equals(channelId))
          .toList();
    }
  }

  /** The contents of an interaction's answer: the original reply, then its follow-ups. */
  List<String> answerOf(String token) {
    List<String> parts = new ArrayList<>();
    String original = originals.get(token);
    if (original != null && messages.containsKey(original)) {
      parts.add(messages.get(original).getString("content"));
    }
    for (String id : followUps.getOrDefault(token, List.of())) {
      if (messages.containsKey(id)) {
        parts.add(messages.get(id).getString("content"));
      }
    }
    return parts;
  }

  String originalId(String token) {
    return originals.get(token);
  }

  private String channelOf(String token) {
    return interactionChannels.getOrDefault(token, FakeDiscordPayloads.CHANNEL_ID);
  }

  private DataObject store(DataObject message) {
    String id = message.getString("id");
    messages.put(id, message);
    synchronized (messageOrder) {
      messageOrder.add(id);
    }
    return message;
  }
}

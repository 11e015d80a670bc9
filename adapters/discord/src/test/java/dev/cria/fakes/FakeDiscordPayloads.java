package dev.cria.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Gateway and REST payloads for the fake Discord, made from the recorded payloads under {@code
 * fixtures/discord/} with fresh ids filled in. Interaction ids are fresh snowflakes: JDA computes
 * an interaction's 15-minute expiry from its id.
 */
public final class FakeDiscordPayloads {

  public static final String SELF_ID = "1350000000000000001";
  public static final String GUILD_ID = "1350000000000000100";
  public static final String CHANNEL_ID = "1350000000000000200";
  public static final String USER_ID = "1350000000000000300";
  public static final String OTHER_BOT_ID = "1350000000000000400";
  public static final String DM_CHANNEL_ID = "1350000000000000500";

  private static final long DISCORD_EPOCH = 1420070400000L;
  private static final AtomicLong LAST_SNOWFLAKE = new AtomicLong();

  private FakeDiscordPayloads() {}

  /** A snowflake for now, unique within this JVM. */
  public static String snowflake() {
    long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
    return Long.toUnsignedString(LAST_SNOWFLAKE.updateAndGet(last -> Math.max(last + 1, now)));
  }

  /** A fixture from {@code fixtures/discord/NAME.json}, freshly parsed. */
  public static DataObject fixture(String name) {
    return DataObject.fromJson(read(name));
  }

  public static DataArray fixtureArray(String name) {
    return DataArray.fromJson(read(name));
  }

  static DataObject ready(String resumeUrl, int shard, int total, boolean withGuild) {
    DataObject ready = fixture("ready");
    ready
        .put("resume_gateway_url", resumeUrl)
        .put("shard", DataArray.empty().add(shard).add(total));
    if (!withGuild) {
      ready.put("guilds", DataArray.empty());
    }
    return ready;
  }

  static DataObject guildCreate(Iterable<DataObject> threads) {
    DataObject guild = fixture("guild-create");
    DataArray list = DataArray.empty();
    threads.forEach(list::add);
    return guild.put("threads", list);
  }

  /** A slash command in the guild's text channel, in a thread under it, or in a DM. */
  static DataObject slashCommand(String name, Map<String, String> options, String threadId) {
    DataObject interaction = fixture("interaction-ask-guild");
    if (threadId != null) {
      interaction = fixture("interaction-ask-thread");
      interaction.put("channel_id", threadId).getObject("channel").put("id", threadId);
    }
    return withCommand(interaction, name, options);
  }

  /** A click on a button (component type 2) of a message: a message component interaction. */
  static DataObject buttonClick(DataObject message, String customId) {
    DataObject interaction = fixture("interaction-ask-guild");
    String id = snowflake();
    interaction.put("id", id).put("token", interactionToken(id)).put("type", 3);
    interaction.put("channel_id", message.getString("channel_id"));
    interaction.getObject("channel").put("id", message.getString("channel_id"));
    interaction.put("message", message);
    interaction.put("data", DataObject.empty().put("custom_id", customId).put("component_type", 2));
    return interaction;
  }

  /**
   * A slash command in a group DM (context 2) by a user who installed Cria to their account only
   * ({@code authorizing_integration_owners} names the user install, {@code "1"}): Cria is not in
   * the channel.
   */
  static DataObject userInstalledCommand(String name, Map<String, String> options) {
    DataObject interaction = withCommand(fixture("interaction-model-dm"), name, options);
    String channelId = snowflake();
    String userId = interaction.getObject("user").getString("id");
    interaction.put("channel_id", channelId);
    interaction
        .getObject("channel")
        .put("id", channelId)
        .put("type", 3)
        .put("name", "friends")
        .put("owner_id", userId);
    interaction.put("authorizing_integration_owners", DataObject.empty().put("1", userId));
    interaction.put("context", 2);
    return interaction;
  }

  /** A user typing into an autocompleted option; Discord asks for choices (type 4). */
  static DataObject autocomplete(String name, String option, String typed) {
    DataObject interaction = withCommand(fixture("interaction-ask-guild"), name, Map.of());
    interaction.put("type", 4);
    interaction
        .getObject("data")
        .put(
            "options",
            DataArray.empty()
                .add(
                    DataObject.empty()
                        .put("name", option)
                        .put("type", 3)
                        .put("value", typed)
                        .put("focused", true)));
    return interaction;
  }

  static DataObject directSlashCommand(String name, Map<String, String> options) {
    return withCommand(fixture("interaction-model-dm"), name, options);
  }

  private static DataObject withCommand(
      DataObject interaction, String name, Map<String, String> options) {
    String id = snowflake();
    DataArray values = DataArray.empty();
    options.forEach(
        (option, value) ->
            values.add(DataObject.empty().put("name", option).put("type", 3).put("value", value)));
    interaction.put("id", id).put("token", interactionToken(id));
    interaction.getObject("data").put("name", name).put("options", values);
    return interaction;
  }

  /**
   * An interaction token shaped like Discord's: base64url of {@code interaction:<id>:<random>},
   * about 150 characters, unique to the interaction.
   */
  static String interactionToken(String id) {
    String random = java.util.UUID.randomUUID().toString().replace("-", "").repeat(3);
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("interaction:" + id + ":" + random).getBytes(StandardCharsets.UTF_8));
  }

  /** A message a user (or a bot) writes in a channel, thread or DM. */
  static DataObject userMessage(
      String channelId, boolean inGuild, String authorId, boolean bot, String content) {
    DataObject message = fixture("message-mention");
    message.put("id", snowflake()).put("channel_id", channelId).put("content", content);
    message.put("timestamp", OffsetDateTime.now(ZoneId.systemDefault()).toString());
    message.getObject("author").put("id", authorId).put("bot", bot);
    boolean mentionsCria = content.contains("<@" + SELF_ID + ">");
    if (!mentionsCria) {
      message.put("mentions", DataArray.empty());
    }
    if (!inGuild) {
      message.remove("guild_id");
      message.remove("member");
    }
    return message;
  }

  /** A message as Discord returns it for Cria's own posts and edits. */
  static DataObject botMessage(String id, String channelId, String content) {
    DataObject message = fixture("message-mention");
    message.put("id", id).put("channel_id", channelId).put("content", content);
    message.put("timestamp", OffsetDateTime.now(ZoneId.systemDefault()).toString());
    message.put("author", fixture("ready").getObject("user")).put("mentions", DataArray.empty());
    message.remove("member");
    return message;
  }

  /**
   * A guild member as {@code GET /guilds/{id}/members/{user}} returns it: no roles beyond
   * {@code @everyone}, so only the guild's owner ({@link #USER_ID}) has Manage Server.
   */
  static DataObject member(String userId) {
    DataObject member = fixture("interaction-ask-guild").getObject("member");
    member.remove("permissions");
    member.getObject("user").put("id", userId).put("username", "user" + userId);
    return member;
  }

  static DataObject thread(String id, String parentId, String name) {
    return fixture("thread-channel").put("id", id).put("parent_id", parentId).put("name", name);
  }

  static DataObject directChannel(String id, String userId) {
    DataObject user = fixture("message-dm").getObject("author").put("id", userId);
    return DataObject.empty()
        .put("id", id)
        .put("type", 1)
        .put("last_message_id", null)
        .put("flags", 0)
        .put("recipients", DataArray.empty().add(user));
  }

  private static String read(String name) {
    String path = "/fixtures/discord/" + name + ".json";
    try (InputStream in = FakeDiscordPayloads.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

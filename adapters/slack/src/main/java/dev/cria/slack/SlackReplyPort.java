package dev.cria.slack;

import dev.cria.chat.ChatEvent;
import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.chat.ReplyRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the core answers in Slack: one {@link SlackReply} per answer. */
@Singleton
@Requires(property = "cria.slack.bot-token")
public class SlackReplyPort implements ReplyPort {

  private static final Logger LOG = LoggerFactory.getLogger(SlackReplyPort.class);

  private final SlackWebApi api;
  private final SlackStreaming streaming = new SlackStreaming();
  private final SlackStops stops;
  private final SlackUserNames names;

  @jakarta.inject.Inject
  SlackReplyPort(SlackWebApi api, SlackStops stops, SlackUserNames names) {
    this.api = api;
    this.stops = stops;
    this.names = names;
  }

  public SlackReplyPort(SlackWebApi api) {
    this(api, new SlackStops(), new SlackUserNames(api));
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public Reply open(ReplyRequest request) {
    return new SlackReply(
        api, SlackReplyAddress.decode(request.address()), streaming, stops, request);
  }

  /** A slash command is told through its response URL, anything else by an ephemeral message. */
  @Override
  public void tellPrivately(ChatEvent event, String text) {
    SlackReplyAddress to = SlackReplyAddress.decode(event.replyAddress());
    if (to.isCommand()) {
      api.respond(to.responseUrl(), text);
    } else {
      api.postEphemeral(to.channel(), to.threadTs(), event.author().id(), text);
    }
  }

  /**
   * The name the event carries, or else the one {@code users.info} gives (cached; the user id when
   * Slack does not answer in time). Called by the worker, so the lookup never delays the ack.
   */
  @Override
  public Optional<String> authorName(ChatEvent event) {
    String carried = event.author().displayName();
    String id = event.author().id();
    if (carried != null || id == null) {
      return Optional.ofNullable(carried);
    }
    return Optional.of(names.nameOf(id));
  }

  /** A workspace admin or owner, as {@code users.info} says; false when Slack cannot tell. */
  @Override
  public boolean managesWorkspace(ChatEvent event) {
    try {
      return api.isWorkspaceAdmin(event.author().id());
    } catch (SlackCallException e) {
      LOG.warn("users.info for an admin check failed ({}): not an admin", e.error());
      return false;
    }
  }

  /** {@code chat.update} is rate limited to about one call per second per channel. */
  @Override
  public Duration updateInterval() {
    return Duration.ofSeconds(1);
  }
}

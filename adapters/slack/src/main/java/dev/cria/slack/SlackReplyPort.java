package dev.cria.slack;

import dev.cria.chat.Platform;
import dev.cria.chat.Reply;
import dev.cria.chat.ReplyPort;
import dev.cria.chat.ReplyRequest;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/** How the core answers in Slack: one {@link SlackReply} per answer. */
@Singleton
@Requires(property = "cria.slack.bot-token")
public class SlackReplyPort implements ReplyPort {

  private final SlackWebApi api;
  private final SlackStreaming streaming = new SlackStreaming();

  public SlackReplyPort(SlackWebApi api) {
    this.api = api;
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public Reply open(ReplyRequest request) {
    return new SlackReply(api, SlackReplyAddress.decode(request.address()), streaming, request);
  }

  /** {@code chat.update} is rate limited to about one call per second per channel. */
  @Override
  public Duration updateInterval() {
    return Duration.ofSeconds(1);
  }
}

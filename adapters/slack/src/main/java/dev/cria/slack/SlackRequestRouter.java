package dev.cria.slack;

import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.cria.chat.ConversationService;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of Bolt's middleware chain, after signature check and authorization: every Events
 * API event and every slash command goes to the core here, for HTTP and Socket Mode alike, and is
 * acknowledged with 200 whatever it was. Only when the core could not store it does Slack get a 503
 * (or, in Socket Mode, no ack) so that it delivers the event again; a request that can never be
 * taken (an {@link IllegalArgumentException} from mapping or the core) gets a 400.
 */
final class SlackRequestRouter implements Middleware {

  private static final Logger LOG = LoggerFactory.getLogger(SlackRequestRouter.class);

  private final SlackEventReceiver events;
  private final ConversationService conversations;

  SlackRequestRouter(SlackEventReceiver events, ConversationService conversations) {
    this.events = events;
    this.conversations = conversations;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware declares the raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    RequestType type = req.getRequestType();
    boolean ours =
        type == RequestType.Event
            || type == RequestType.Command
            || (type == RequestType.BlockAction && req instanceof BlockActionRequest);
    if (!ours) {
      return chain.next(req);
    }
    try {
      if (req instanceof BlockActionRequest action) {
        // Feedback and Regenerate clicks; any other block action is not Cria's.
        if (!SlackFeedback.receive(action.getPayload(), conversations)) {
          return chain.next(req);
        }
      } else if (type == RequestType.Event) {
        var envelope = JsonParser.parseString(req.getRequestBodyAsString()).getAsJsonObject();
        events.receive(envelope, req.getContext().getBotUserId());
      } else {
        var payload = ((SlashCommandRequest) req).getPayload();
        conversations.accept(SlackSlashCommand.toEvent(payload, Instant.now()));
      }
      return Response.ok();
    } catch (IllegalArgumentException e) {
      // Signed, but not something Cria can take (a command without a channel, an id too long to
      // store): delivering it again will not help.
      LOG.warn("Slack {} refused: {}", type, e.getMessage());
      return Response.json(400, java.util.Map.of("error", "unusable request"));
    } catch (RuntimeException e) {
      LOG.error("Slack {} not stored, Slack will deliver it again: {}", type, e.toString());
      return Response.json(503, java.util.Map.of("error", "try again"));
    }
  }
}

package dev.cria.web;

import dev.cria.chat.Author;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.CommandParser;
import dev.cria.chat.ConsoleStore;
import dev.cria.chat.ConsoleStore.Setup;
import dev.cria.chat.ConversationKey;
import dev.cria.chat.ConversationService;
import dev.cria.chat.ConversationService.Acceptance;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.reactivestreams.Publisher;

/**
 * The playground: a user's web conversations, each with its own model and system prompt. A message
 * goes into the same pipeline as Slack's and Discord's (as a {@link ChatEvent} with a {@code web:}
 * key); its answer streams back over SSE from {@link ReplyStreams}.
 */
@Controller
@Requires(property = "cria.web.enabled", notEquals = "false")
class PlaygroundController {

  static final int MAX_SYSTEM_PROMPT = 8000;

  private final ConversationService service;
  private final ConsoleStore store;
  private final ModelStatus models;
  private final ReplyStreams streams;

  PlaygroundController(
      ConversationService service, ConsoleStore store, ModelStatus models, ReplyStreams streams) {
    this.service = service;
    this.store = store;
    this.models = models;
    this.streams = streams;
  }

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> conversations(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session) {
    Map<String, Object> model = page(session, "chat");
    model.put(
        "conversations", store.conversations(WebConversations.prefix(session.user()), "", 100));
    return new ModelAndView<>("conversations", model);
  }

  @Post(
      value = "/conversations",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> create(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session, @Body Map<String, String> form) {
    if (!WebForms.csrfOk(session, form)) {
      return WebForms.forbidden();
    }
    return HttpResponse.seeOther(URI.create("/c/" + WebConversations.newId()));
  }

  @Get(value = "/c/{id}", produces = MediaType.TEXT_HTML)
  HttpResponse<?> conversation(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session, @PathVariable String id) {
    if (!WebConversations.validId(id)) {
      return HttpResponse.notFound("No such conversation.");
    }
    String key = WebConversations.key(session.user(), id).toString();
    ModelStatus.State state = models.state();
    Map<String, Object> model = page(session, "chat");
    model.put("id", id);
    model.put("turns", TranscriptView.of(store.transcript(key)));
    model.put("setup", store.setup(key));
    model.put("models", state.models());
    model.put("defaultModel", state.defaultModel());
    model.put(
        "conversations", store.conversations(WebConversations.prefix(session.user()), "", 50));
    return HttpResponse.ok(new ModelAndView<>("conversation", model));
  }

  @Post(
      value = "/c/{id}/messages",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> send(
      HttpRequest<?> request,
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session,
      @PathVariable String id,
      @Body Map<String, String> form) {
    if (!WebForms.csrfOk(session, form)) {
      return WebForms.forbidden();
    }
    String text = form.getOrDefault("text", "").strip();
    if (!WebConversations.validId(id) || text.isEmpty()) {
      return HttpResponse.badRequest("Write a message first.");
    }
    ConversationKey key = WebConversations.key(session.user(), id);
    String eventId = "web-" + UUID.randomUUID();
    ChatEvent event =
        new ChatEvent(
            key,
            eventId,
            eventId,
            Author.human(session.user(), session.user()),
            text,
            CommandParser.parse(text).orElse(null),
            Instant.now(),
            eventId);
    streams.open(eventId, key.toString());
    Acceptance acceptance;
    try {
      acceptance = service.accept(event);
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest("That message cannot be stored.");
    }
    if (acceptance != Acceptance.ACCEPTED) {
      return HttpResponse.badRequest("That message was not taken.");
    }
    String stream = "/c/" + id + "/stream/" + eventId;
    if (request.getHeaders().accept().contains(MediaType.TEXT_PLAIN_TYPE)) {
      return HttpResponse.status(HttpStatus.ACCEPTED)
          .contentType(MediaType.TEXT_PLAIN)
          .body(stream);
    }
    return HttpResponse.seeOther(URI.create("/c/" + id));
  }

  @Get(value = "/c/{id}/stream/{eventId}", produces = MediaType.TEXT_EVENT_STREAM)
  Publisher<Event<String>> stream(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session,
      @PathVariable String id,
      @PathVariable String eventId) {
    if (!WebConversations.validId(id)) {
      return reactor.core.publisher.Flux.empty();
    }
    return streams.subscribe(eventId, WebConversations.key(session.user(), id).toString());
  }

  @Post(
      value = "/c/{id}/settings",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> settings(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session,
      @PathVariable String id,
      @Body Map<String, String> form) {
    if (!WebForms.csrfOk(session, form)) {
      return WebForms.forbidden();
    }
    String modelId = form.getOrDefault("model", "").strip();
    String prompt = form.getOrDefault("systemPrompt", "").strip();
    List<String> offered = models.state().models();
    if (!WebConversations.validId(id)
        || (!modelId.isEmpty() && !offered.contains(modelId))
        || prompt.length() > MAX_SYSTEM_PROMPT) {
      return HttpResponse.badRequest("Pick a model from the list and a shorter system prompt.");
    }
    String key = WebConversations.key(session.user(), id).toString();
    store.saveSetup(
        key,
        new Setup(modelId.isEmpty() ? null : modelId, prompt.isEmpty() ? null : prompt),
        session.user());
    return HttpResponse.seeOther(URI.create("/c/" + id));
  }

  @Post(
      value = "/c/{id}/feedback",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> feedback(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session,
      @PathVariable String id,
      @Body Map<String, String> form) {
    if (!WebForms.csrfOk(session, form)) {
      return WebForms.forbidden();
    }
    String rating = form.getOrDefault("rating", "");
    if (!WebConversations.validId(id)) {
      return HttpResponse.badRequest("No such answer.");
    }
    String key = WebConversations.key(session.user(), id).toString();
    OptionalLong answer = answerOf(key, form);
    if (answer.isEmpty()) {
      return HttpResponse.badRequest("No such answer.");
    }
    long message = answer.getAsLong();
    if (!(rating.equals("up") || rating.equals("down"))) {
      return HttpResponse.badRequest("Rate an answer up or down.");
    }
    if (!store.saveFeedback(key, message, rating.equals("up") ? 1 : -1, session.user())) {
      return HttpResponse.badRequest("No such answer.");
    }
    return HttpResponse.seeOther(URI.create("/c/" + id));
  }

  /** The answer a feedback form names: a stored turn's id, or the event a streamed answer had. */
  private OptionalLong answerOf(String key, Map<String, String> form) {
    String event = form.get("event");
    if (event != null) {
      return store.answerOf(key, event);
    }
    try {
      return OptionalLong.of(Long.parseLong(form.getOrDefault("message", "")));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static Map<String, Object> page(WebSession session, String section) {
    Map<String, Object> model = new HashMap<>();
    model.put("csrf", session.csrf());
    model.put("user", session.user());
    model.put("admin", session.admin());
    model.put("section", section);
    return model;
  }
}

package dev.cria.web;

import dev.cria.chat.ConsoleStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console: conversations of every platform (read-only transcripts), usage against the
 * quotas, feedback, moderation refusals, the event queue with a retry action, and the model server.
 */
@Controller("/admin")
@Requires(property = "cria.web.enabled", notEquals = "false")
class AdminController {

  private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);
  private static final Set<String> PLATFORMS = Set.of("slack", "discord", "web");
  private static final int LIMIT = 200;

  private final ConsoleStore store;
  private final ModelStatus models;

  AdminController(ConsoleStore store, ModelStatus models) {
    this.store = store;
    this.models = models;
  }

  @Get(produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> overview(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session) {
    Map<String, Object> model = PlaygroundController.page(session, "overview");
    model.put("state", models.state());
    model.put("queue", store.queue(0));
    return new ModelAndView<>("admin/overview", model);
  }

  @Get(value = "/conversations", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> conversations(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String platform) {
    String search = q == null ? "" : q.strip();
    String chosen = platform != null && PLATFORMS.contains(platform) ? platform : "";
    Map<String, Object> model = PlaygroundController.page(session, "conversations");
    model.put("q", search);
    model.put("platform", chosen);
    model.put("platforms", List.of("slack", "discord", "web"));
    model.put("conversations", store.conversations(chosen, search.toLowerCase(Locale.ROOT), LIMIT));
    return new ModelAndView<>("admin/conversations", model);
  }

  @Get(value = "/transcript", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> transcript(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session, @QueryValue String key) {
    Map<String, Object> model = PlaygroundController.page(session, "conversations");
    model.put("key", key);
    model.put("turns", TranscriptView.of(store.transcript(key)));
    return new ModelAndView<>("admin/transcript", model);
  }

  @Get(value = "/usage", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> usage(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session) {
    Map<String, Object> model = PlaygroundController.page(session, "usage");
    model.put("usage", store.usage(LocalDate.now(ZoneOffset.UTC).minusDays(13)));
    return new ModelAndView<>("admin/usage", model);
  }

  @Get(value = "/feedback", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> feedback(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session) {
    Map<String, Object> model = PlaygroundController.page(session, "feedback");
    model.put("feedback", store.feedback(LIMIT));
    return new ModelAndView<>("admin/feedback", model);
  }

  @Get(value = "/refusals", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> refusals(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session) {
    Map<String, Object> model = PlaygroundController.page(session, "refusals");
    model.put("refusals", store.refusals(LIMIT));
    return new ModelAndView<>("admin/refusals", model);
  }

  @Get(value = "/queue", produces = MediaType.TEXT_HTML)
  ModelAndView<Map<String, Object>> queue(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session) {
    Map<String, Object> model = PlaygroundController.page(session, "queue");
    model.put("queue", store.queue(LIMIT));
    return new ModelAndView<>("admin/queue", model);
  }

  @Post(
      value = "/queue/{id}/retry",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = {MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
  HttpResponse<?> retry(
      @RequestAttribute(WebSession.ATTRIBUTE) WebSession session,
      @PathVariable long id,
      @Body Map<String, String> form) {
    if (!WebForms.csrfOk(session, form)) {
      return WebForms.forbidden();
    }
    if (!store.retry(id)) {
      return HttpResponse.badRequest("That event cannot be retried.");
    }
    LOG.info("Event {} put back into the queue from the admin console", id);
    return HttpResponse.seeOther(URI.create("/admin/queue"));
  }
}

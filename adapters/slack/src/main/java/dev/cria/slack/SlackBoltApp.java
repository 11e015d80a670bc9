package dev.cria.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import java.util.List;

/**
 * Bolt's {@link App} with Cria's {@link SlackRequestRouter} as the last middleware. Bolt builds its
 * middleware lazily (its authorization step calls {@code auth.test}), so the router joins the list
 * when Bolt builds it rather than through {@code App.use}, which would call Slack at once.
 */
final class SlackBoltApp extends App {

  private final Middleware router;

  SlackBoltApp(AppConfig config, Middleware router) {
    super(config);
    this.router = router;
  }

  @Override
  protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
    List<Middleware> middleware = super.buildDefaultMiddlewareList(config);
    middleware.add(router);
    return middleware;
  }
}

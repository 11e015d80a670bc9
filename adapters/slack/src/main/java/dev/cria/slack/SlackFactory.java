package dev.cria.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.http.SlackHttpClient;
import dev.cria.chat.ConversationService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the Slack SDK objects from {@link SlackSettings}: the Web API client pointed at {@code
 * api-url} (never through a proxy picked up from the environment) and the Bolt {@link App} that
 * both ways in share. On only when {@code SLACK_BOT_TOKEN} is set.
 */
@Factory
@Requires(property = "cria.slack.bot-token")
public class SlackFactory {

  private static final int MAX_RETRIES = 4;
  private static final int IDLE_CONNECTIONS = 64;

  @Singleton
  @Bean(preDestroy = "close")
  public Slack slack(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    // SlackConfig reads HTTP(S)_PROXY but not NO_PROXY: no silent proxying of Slack traffic.
    config.setProxyUrl(null);
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis(30_000);
    // The SDK's client keeps 5 idle connections; answering 20 or more threads at once, every
    // call beyond those opened a new connection and closed it again (most of the Slack calls'
    // CPU in the profile of docs/benchmarks.md).
    OkHttpClient okHttp =
        SlackHttpClient.buildOkHttpClient(config)
            .newBuilder()
            .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .build();
    SlackHttpClient http = new SlackHttpClient(okHttp);
    http.setConfig(config);
    return Slack.getInstance(config, http);
  }

  @Singleton
  public SlackWebApi slackWebApi(Slack slack, SlackSettings settings) {
    return new SlackWebApi(slack, settings.botToken(), MAX_RETRIES);
  }

  @Singleton
  @Bean(preDestroy = "close")
  SlackUserNames slackUserNames(SlackWebApi api) {
    return new SlackUserNames(api);
  }

  @Singleton
  @SuppressWarnings("deprecation") // AppConfig.verificationToken, see below
  public App slackApp(
      Slack slack,
      SlackSettings settings,
      ConversationService conversations,
      SlackWebApi api,
      SlackStops stops) {
    AppConfig config =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(settings.botToken())
            .signingSecret(settings.signingSecret())
            // SlackEventsController checks signatures itself, on the raw bytes before parsing,
            // in constant time and in both directions of time; Socket Mode needs none.
            .requestVerificationEnabled(false)
            // Deprecated, but Bolt's default reads SLACK_VERIFICATION_TOKEN from the environment.
            .verificationToken(null)
            .clientId(null)
            .clientSecret(null)
            // Cria drops bot messages itself, without Bolt's bots.info call before the ack.
            .ignoringSelfEventsEnabled(false)
            .allEventsApiAutoAckEnabled(true)
            // One bot token: auth.test at startup is enough, no re-check on the request path.
            .authTestCacheExpirationMillis(-1)
            .build();
    var agent = new SlackAgentSurface(api, settings.prompts(), stops);
    var events = new SlackEventReceiver(conversations, settings.replyInThreads(), agent);
    return new SlackBoltApp(config, new SlackRequestRouter(events, conversations));
  }
}

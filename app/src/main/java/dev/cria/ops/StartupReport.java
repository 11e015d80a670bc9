package dev.cria.ops;

import dev.cria.chat.Platform;
import dev.cria.config.ConversationDefaults;
import dev.cria.config.LlamaSettings;
import dev.cria.core.ReplyPorts;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at startup what runs and what is missing: which adapters are on and what to set for the
 * others, the model API, moderation, and the database. Never prints a secret.
 */
@Singleton
class StartupReport implements ApplicationEventListener<ServerStartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

  private final ReplyPorts ports;
  private final LlamaSettings llama;
  private final ConversationDefaults defaults;
  private final Environment environment;

  StartupReport(
      ReplyPorts ports,
      LlamaSettings llama,
      ConversationDefaults defaults,
      Environment environment) {
    this.ports = ports;
    this.llama = llama;
    this.defaults = defaults;
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    LOG.info("Cria is ready on port {} after {} ms", event.getSource().getPort(), uptime);
    adapter(
        Platform.SLACK,
        "set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET");
    adapter(Platform.DISCORD, "set DISCORD_BOT_TOKEN");
    adapter(Platform.WEB, "unset CRIA_WEB=off");
    if (llama.configured()) {
      LOG.info(
          "Model API: {} ({} style), model {}",
          llama.effectiveBaseUrl(),
          llama.apiStyle(),
          llama.model());
    } else {
      LOG.warn(
          "LLAMA_API_KEY is not set: Cria answers every message with \"not configured\" until it is");
    }
    if (llama.moderation()) {
      LOG.info(
          "Moderation: on ({}), answers checked: {}",
          llama.moderationModel(),
          defaults.outputModeration());
    } else {
      LOG.warn(
          "*** MODERATION IS OFF (LLAMA_MODERATION=off): messages reach the model unchecked ***");
    }
    String url = environment.getProperty("datasources.default.url", String.class).orElse("?");
    LOG.info(
        "Database: {}",
        url.startsWith("jdbc:h2:") ? "embedded H2 " + url : "PostgreSQL " + redact(url));
  }

  private void adapter(Platform platform, String howToEnable) {
    if (ports.platforms().contains(platform)) {
      LOG.info("{} adapter: on", platform.id());
    } else {
      LOG.info("{} adapter: off ({} to turn it on)", platform.id(), howToEnable);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
  }
}

package dev.cria.ops;

import dev.cria.chat.Platform;
import dev.cria.core.ConversationDefaults;
import dev.cria.core.ReplyPorts;
import dev.cria.llama.LlamaSettings;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at startup what runs and what is missing: which adapters are on and what to set for the
 * others, the model server and which base URL is used, how moderation is done, the database, and
 * (once the server answered {@code GET /models}) whether it serves the models Cria needs. Never
 * prints a secret.
 */
@Singleton
class StartupReport implements ApplicationEventListener<ServerStartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

  private final ReplyPorts ports;
  private final LlamaSettings llama;
  private final ConversationDefaults defaults;
  private final Environment environment;
  private final ModelServerReport modelServer;

  StartupReport(
      ReplyPorts ports,
      LlamaSettings llama,
      ConversationDefaults defaults,
      Environment environment,
      ModelServerReport modelServer) {
    this.modelServer = modelServer;
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
    LOG.info(
        "Model server: {} ({} style{}), model {}; LLAMA_BASE_URL changes it",
        llama.effectiveBaseUrl(),
        llama.apiStyle(),
        llama.hasApiKey() ? ", with LLAMA_API_KEY" : ", no API key",
        llama.model());
    switch (llama.moderation()) {
      case LlamaSettings.GUARD ->
          LOG.info(
              "Moderation: Llama Guard as a chat model ({}), answers checked: {}{}",
              llama.moderationModel(),
              defaults.outputModeration(),
              allowed());
      case LlamaSettings.MODERATIONS ->
          LOG.info(
              "Moderation: POST {}/moderations ({}), answers checked: {}{}",
              llama.effectiveBaseUrl(),
              llama.moderationModel(),
              defaults.outputModeration(),
              allowed());
      default ->
          LOG.warn(
              "*** MODERATION IS OFF (LLAMA_MODERATION=off): messages reach the model unchecked"
                  + " ***");
    }
    String url = environment.getProperty("datasources.default.url", String.class).orElse("?");
    LOG.info(
        "Database: {}",
        url.startsWith("jdbc:h2:") ? "embedded H2 " + url : "PostgreSQL " + redact(url));
    Thread.ofVirtual().name("cria-model-server-report").start(modelServer::report);
  }

  private String allowed() {
    var allowed = llama.allowedCategories();
    return allowed.isEmpty() ? "" : ", let through (CRIA_MODERATION_ALLOW): " + allowed;
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

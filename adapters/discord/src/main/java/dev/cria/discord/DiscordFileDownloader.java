package dev.cria.discord;

import dev.cria.chat.Attachment;
import dev.cria.chat.AttachmentDownloader;
import dev.cria.chat.BoundedRead;
import dev.cria.chat.Platform;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Downloads Discord attachments from their CDN URL (signed by Discord; no token is sent). Only
 * Discord's CDN hosts are fetched from (and loopback, where the tests' fake CDN runs), so a message
 * cannot make Cria fetch arbitrary addresses.
 */
@Singleton
@Requires(property = "cria.discord.bot-token")
public class DiscordFileDownloader implements AttachmentDownloader {

  private static final Set<String> CDN_HOSTS = Set.of("cdn.discordapp.com", "media.discordapp.net");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String apiHost;

  public DiscordFileDownloader(DiscordSettings settings) {
    this.apiHost = settings.restBaseUrl().map(url -> URI.create(url).getHost()).orElse(null);
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public byte[] download(Attachment attachment, long maxBytes) {
    URI uri = cdnUri(attachment.source());
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new DownloadFailed("Discord's CDN could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadFailed("the download was interrupted");
    }
    if (response.statusCode() != 200) {
      try {
        response.body().close();
      } catch (IOException e) {
        // The status says enough.
      }
      throw new DownloadFailed(
          response.statusCode() == 404 || response.statusCode() == 403
              ? "Discord no longer has the file (its link may have expired)"
              : "Discord's CDN answered HTTP " + response.statusCode());
    }
    return BoundedRead.of(response.body(), maxBytes);
  }

  private URI cdnUri(String source) {
    URI uri;
    try {
      uri = URI.create(source);
    } catch (IllegalArgumentException e) {
      throw new DownloadFailed("the file's address is not a URL");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean cdn = CDN_HOSTS.contains(host) && "https".equals(uri.getScheme());
    boolean local = host.equals(apiHost) && ("http".equals(uri.getScheme()) || cdn);
    if (!cdn && !local) {
      throw new DownloadFailed("the file is not on Discord's CDN");
    }
    return uri;
  }
}

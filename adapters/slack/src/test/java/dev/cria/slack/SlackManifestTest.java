package dev.cria.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest operators paste asks for what the adapter needs, and nothing is missing. */
class SlackManifestTest {

  private static List<String> manifestLines() throws IOException {
    Path manifest = Path.of("../../deploy/slack/manifest.yml");
    return Files.readAllLines(manifest).stream()
        .map(line -> line.replaceAll("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  @Test
  void subscribesToEveryEventTheAdapterReads() throws IOException {
    List<String> lines = manifestLines();
    for (String event :
        List.of(
            "app_mention", "message.channels", "message.groups", "message.im", "message.mpim")) {
      assertTrue(lines.contains("- " + event), "bot event " + event);
    }
  }

  @Test
  void asksForTheScopesTheAdapterUses() throws IOException {
    List<String> lines = manifestLines();
    for (String scope :
        List.of(
            "app_mentions:read",
            "chat:write",
            "channels:history",
            "groups:history",
            "im:history",
            "mpim:history",
            "users:read",
            "assistant:write",
            "commands",
            "files:read")) {
      assertTrue(lines.contains("- " + scope), "scope " + scope);
    }
  }

  @Test
  void usesSocketModeAndDeclaresTheSlashCommand() throws IOException {
    List<String> lines = manifestLines();
    assertTrue(lines.contains("socket_mode_enabled: true"));
    assertTrue(lines.contains("is_enabled: true"), "interactivity, for the feedback buttons");
    assertTrue(lines.contains("- command: /cria"));
  }
}

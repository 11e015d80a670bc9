package dev.cria.core;

import dev.cria.chat.Platform;
import dev.cria.chat.ReplyPort;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The reply ports of the adapters that are switched on, by platform. */
@Singleton
public class ReplyPorts {

  private final Map<Platform, ReplyPort> byPlatform = new EnumMap<>(Platform.class);

  public ReplyPorts(List<ReplyPort> ports) {
    for (ReplyPort port : ports) {
      ReplyPort previous = byPlatform.put(port.platform(), port);
      if (previous != null) {
        throw new IllegalStateException("two reply ports for " + port.platform());
      }
    }
  }

  public Optional<ReplyPort> forPlatform(Platform platform) {
    return Optional.ofNullable(byPlatform.get(platform));
  }

  /** The platforms this process can answer on; it claims only their events. */
  public Set<Platform> platforms() {
    return Set.copyOf(byPlatform.keySet());
  }
}

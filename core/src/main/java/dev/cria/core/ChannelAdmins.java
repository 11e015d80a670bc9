package dev.cria.core;

import dev.cria.chat.ChatEvent;
import jakarta.inject.Singleton;

/**
 * Who may change a channel's model and system prompt: a listed admin ({@code CRIA_ADMINS}), a Slack
 * workspace admin or owner, or a Discord member with Manage Server. Asked in the worker, after the
 * ack, because the platform check is an API call.
 */
@Singleton
class ChannelAdmins {

  private final AccessSettings settings;
  private final ReplyPorts replyPorts;

  ChannelAdmins(AccessSettings settings, ReplyPorts replyPorts) {
    this.settings = settings;
    this.replyPorts = replyPorts;
  }

  boolean mayConfigure(ChatEvent event) {
    if (settings.admins().contains(event.author().id())) {
      return true;
    }
    return replyPorts
        .forPlatform(event.platform())
        .map(port -> port.managesWorkspace(event))
        .orElse(false);
  }
}

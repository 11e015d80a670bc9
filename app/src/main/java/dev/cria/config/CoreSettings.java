package dev.cria.config;

import dev.cria.core.ModelDefaults;
import dev.cria.llama.LlamaSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The core's own settings, made from the adapters' configuration. */
@Factory
class CoreSettings {

  @Singleton
  ModelDefaults modelDefaults(LlamaSettings llama) {
    return new ModelDefaults(llama.model(), llama.moderates(), llama.allowedCategories());
  }
}

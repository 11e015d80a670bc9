package dev.cria.core;

import java.util.Set;

/**
 * What the core needs to know of the model server's configuration, made by the app from its
 * settings.
 *
 * @param model the model that answers when a conversation has not chosen one
 * @param moderates whether messages and answers are checked at all
 * @param allowedCategories hazard categories an operator lets through, upper case
 */
public record ModelDefaults(String model, boolean moderates, Set<String> allowedCategories) {

  public ModelDefaults {
    allowedCategories = Set.copyOf(allowedCategories);
  }
}

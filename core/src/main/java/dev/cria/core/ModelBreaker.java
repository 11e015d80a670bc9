package dev.cria.core;

import jakarta.inject.Singleton;

/** What the circuit breaker around model calls says right now, for the admin console. */
@Singleton
public class ModelBreaker {

  private final ModelCircuit circuit;

  ModelBreaker(ModelCircuit circuit) {
    this.circuit = circuit;
  }

  /** closed, open or half-open. */
  public String state() {
    return circuit.describe();
  }
}

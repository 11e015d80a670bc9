package dev.cria.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How this process works the event queue.
 *
 * @param maxInFlight events answered at once by this process (each waits on the model on a virtual
 *     thread, holding no database connection meanwhile)
 * @param lease how long a claim lasts unless renewed; a crashed process's events are taken over
 *     after it
 * @param pollInterval how often an idle process looks for events other processes left
 * @param maxAttempts an event claimed this often without finishing is given up, with a reply
 */
@ConfigurationProperties("cria.worker")
public record WorkerSettings(
    @Bindable(defaultValue = "2000") int maxInFlight,
    @Bindable(defaultValue = "30s") Duration lease,
    @Bindable(defaultValue = "500ms") Duration pollInterval,
    @Bindable(defaultValue = "3") int maxAttempts) {}

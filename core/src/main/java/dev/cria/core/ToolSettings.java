package dev.cria.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Bounds of the tool-call loop and the built-in tool ({@code CRIA_TOOL*}, {@code CRIA_TIME_ZONE}).
 *
 * @param maxSteps model calls that may ask for tools in one answer; the next one is offered none
 * @param callTimeout the longest one tool call may take
 * @param totalTimeout how long one answer may keep using tools, counted from its first model call
 *     (model calls included); after it the model is offered none
 * @param builtin whether the built-in {@code current_time} tool is offered
 * @param timeZone the zone {@code current_time} answers in (checked at startup)
 */
@ConfigurationProperties("cria.tools")
public record ToolSettings(
    @Bindable(defaultValue = "5") int maxSteps,
    @Bindable(defaultValue = "20s") Duration callTimeout,
    @Bindable(defaultValue = "60s") Duration totalTimeout,
    @Bindable(defaultValue = "true") boolean builtin,
    @Bindable(defaultValue = "UTC") String timeZone) {}

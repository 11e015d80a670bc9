package dev.cria.core;

/**
 * The newest turn still in a conversation's history (what Regenerate checks: only the latest answer
 * can be regenerated).
 *
 * @param id the stored turn's id
 * @param seq the event that produced it
 * @param answer whether it is one of Cria's answers (else a user's turn)
 * @param platformMessageId the platform message holding it, or null
 */
public record NewestTurn(long id, long seq, boolean answer, String platformMessageId) {}

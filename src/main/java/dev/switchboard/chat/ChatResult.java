package dev.switchboard.chat;

/**
 * A provider's answer, translated to the gateway's terms.
 *
 * @param id    the provider's response id
 * @param model the model that actually answered, as the provider names it
 */
public record ChatResult(String id, String model, String content, FinishReason finishReason, Usage usage) {
}

package dev.switchboard.chat;

/**
 * A function the model asked to have called.
 *
 * @param id        the call's id, which the tool's result refers back to; for a provider that gives
 *                  calls no id (Gemini), one Switchboard made
 * @param arguments the arguments as JSON text, as OpenAI carries them
 */
public record ToolCall(String id, String name, String arguments) {
}

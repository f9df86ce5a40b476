package dev.switchboard.chat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of a streamed answer, independent of any provider. Each provider's stream decoder turns
 * its wire events into these; the router relays them to the caller, who sees them as OpenAI chunks.
 */
public sealed interface StreamEvent {

    /** The provider named its response and the model that is answering. */
    record Started(String id, String model) implements StreamEvent {
    }

    /** A piece of the answer, never empty. */
    record Text(String text) implements StreamEvent {
        public Text {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a text event carries text");
            }
        }
    }

    /**
     * The model began a call of one of the request's tools: its id and name come first, its
     * arguments after as {@link ToolCallArguments}.
     *
     * @param index the call's position among the answer's tool calls, from 0
     */
    record ToolCallStarted(int index, String id, String name) implements StreamEvent {
    }

    /** A piece of a started tool call's arguments, as JSON text; the pieces joined are the arguments. */
    record ToolCallArguments(int index, String fragment) implements StreamEvent {
    }

    /**
     * Log probabilities of the tokens just streamed, as an OpenAI-format provider sent them in a
     * chunk's {@code choices[0].logprobs} (only when the request asked for them).
     */
    record LogprobsReported(JsonNode logprobs) implements StreamEvent {
    }

    /** A piece of the model's reasoning text, never empty. */
    record Thinking(String text) implements StreamEvent {
    }

    /**
     * A reasoning block is complete: the whole block with its signature (or redacted data), for the
     * caller to send back in a later turn. Its text came before as {@link Thinking} pieces.
     */
    record ThinkingDone(ThinkingBlock block) implements StreamEvent {
    }

    /** The model stopped, and why. */
    record Finished(FinishReason reason) implements StreamEvent {
    }

    /** Tokens billed so far; a later report replaces an earlier one. */
    record UsageReported(Usage usage) implements StreamEvent {
    }

    /** The provider's explicit end of stream ({@code [DONE]}, {@code message_stop}). */
    record Done() implements StreamEvent {
    }

    /** The gateway gave up on an answer it had started to send: the caller gets this instead of a finish. */
    record Interrupted(String message) implements StreamEvent {
    }
}

package dev.switchboard.degraded;

import java.util.Locale;

import dev.switchboard.chat.FinishReason;

/**
 * What a request gets instead of an error when every route has failed: a remembered answer or its
 * category's static message, to be sent as an ordinary chat completion marked as degraded.
 *
 * @param model     the model that wrote a remembered answer; for a static message, the model the
 *                  request asked for
 * @param simulated whether a simulated provider wrote the remembered answer
 */
public record DegradedAnswer(Source source, String model, String content, FinishReason finishReason,
        boolean simulated) {

    /** Where a degraded answer came from. */
    public enum Source {
        /** The last known good answer to the same request from the same caller. */
        CACHE,
        /** The static message of the request's category. */
        STATIC;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

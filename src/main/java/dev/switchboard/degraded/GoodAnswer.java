package dev.switchboard.degraded;

import java.util.Optional;

import dev.switchboard.chat.FinishReason;

/**
 * A successful answer worth giving again when every route fails.
 *
 * @param model     the model that wrote it, as its provider named it
 * @param simulated whether a simulated provider wrote it, so a replay is labelled as one too
 */
public record GoodAnswer(String model, String content, FinishReason finishReason, boolean simulated) {

    /**
     * The answer, if it is worth keeping: one the model finished on its own ({@code stop}) or at the
     * output limit the request set ({@code length}, the whole answer to that request, and replayed as
     * such), with some text. A content-filtered answer, one that asked for tools, or an empty one is
     * not a good answer to give anyone again.
     */
    public static Optional<GoodAnswer> of(String model, String content, FinishReason finishReason, boolean simulated) {
        boolean finished = finishReason == FinishReason.STOP || finishReason == FinishReason.LENGTH;
        if (!finished || content == null || content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GoodAnswer(model, content, finishReason, simulated));
    }
}

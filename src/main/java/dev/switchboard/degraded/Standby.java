package dev.switchboard.degraded;

import java.util.Optional;

import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.routing.AllRoutesFailed;
import dev.switchboard.routing.Deadline;
import io.smallrye.mutiny.Multi;

/**
 * One request's arrangement with {@link DegradedMode}: its answer, if good, is remembered under the
 * request's key; if no route answers, it may get a degraded answer instead of the error. Answers that
 * are themselves degraded never pass through here, so they are never remembered.
 */
public final class Standby {

    /** Degraded mode is off: nothing is remembered and no error is replaced. */
    static final Standby OFF = new Standby(null, null, null, null, null, false);

    private final DegradedMode mode;
    /** Null when answers are not remembered. */
    private final RequestKey key;
    private final String model;
    private final String category;
    private final String message;
    private final boolean allowed;

    Standby(DegradedMode mode, RequestKey key, String model, String category, String message, boolean allowed) {
        this.mode = mode;
        this.key = key;
        this.model = model;
        this.category = category;
        this.message = message;
        this.allowed = allowed;
    }

    /** A whole answer came back: remembered if it is a good one. */
    public void remember(ChatResult result, boolean simulated) {
        if (key != null) {
            GoodAnswer.of(result.model(), result.content(), result.finishReason(), simulated)
                    .ifPresent(answer -> mode.remember(key, answer));
        }
    }

    /** The stream's events, unchanged; once it has ended complete, its answer is remembered if it is a good one. */
    public Multi<StreamEvent> recording(Multi<StreamEvent> events, boolean simulated) {
        if (key == null) {
            return events;
        }
        StreamTranscript transcript = new StreamTranscript(simulated);
        return events.onItem().invoke(transcript::add)
                .onCompletion().invoke(() -> transcript.answer().ifPresent(answer -> mode.remember(key, answer)));
    }

    /**
     * What the request gets instead of this failure, if anything: nothing when degraded mode is off or
     * the caller opted out, for a failure degraded mode does not cover, or once the deadline has passed;
     * else the remembered answer, or the category's static message.
     */
    public Optional<DegradedAnswer> answerFor(AllRoutesFailed failure, Deadline deadline) {
        if (mode == null || !allowed || !DegradedMode.COVERED.contains(failure.verdict()) || deadline.expired()) {
            return Optional.empty();
        }
        DegradedAnswer answer = Optional.ofNullable(key).flatMap(mode::recall)
                .map(good -> new DegradedAnswer(DegradedAnswer.Source.CACHE, good.model(), good.content(),
                        good.finishReason(), good.simulated()))
                .orElseGet(() -> new DegradedAnswer(DegradedAnswer.Source.STATIC, model, message, FinishReason.STOP,
                        false));
        mode.served(answer, category, failure);
        return Optional.of(answer);
    }
}

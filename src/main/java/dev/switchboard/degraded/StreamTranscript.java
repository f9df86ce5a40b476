package dev.switchboard.degraded;

import java.util.Optional;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;

/**
 * A streamed answer written down as it goes by, to be remembered once it is complete: its text, the
 * model that wrote its last part (a continued stream is finished by another), and how it ended. A
 * stream is complete when it finished with a reason and was not interrupted; one the caller left is
 * never completed at all. Events come one at a time, in order.
 */
final class StreamTranscript {

    private final StringBuilder text = new StringBuilder();
    private final boolean simulated;
    private String model;
    private FinishReason finish;
    private boolean interrupted;

    StreamTranscript(boolean simulated) {
        this.simulated = simulated;
    }

    void add(StreamEvent event) {
        if (event instanceof StreamEvent.Started started) {
            model = started.model();
        } else if (event instanceof StreamEvent.Text piece) {
            text.append(piece.text());
        } else if (event instanceof StreamEvent.Finished finished) {
            finish = finished.reason();
        } else if (event instanceof StreamEvent.Interrupted) {
            interrupted = true;
        }
    }

    /** The answer, once the stream has ended, if it ended complete and is worth keeping. */
    Optional<GoodAnswer> answer() {
        return interrupted ? Optional.empty() : GoodAnswer.of(model, text.toString(), finish, simulated);
    }
}

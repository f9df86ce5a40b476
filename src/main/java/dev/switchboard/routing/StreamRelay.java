package dev.switchboard.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.JsonAnswers;
import dev.switchboard.chat.PrefillSeam;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.Usage;
import dev.switchboard.health.Ticket;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.ProviderFailure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Carries one request's stream to the caller once it has begun, and recovers it if it breaks.
 *
 * <p>The policy after the first words have gone out (rows F8-F11 and F14 of the failure table):
 * <ul>
 * <li>A stream is finished only by its provider's finish reason. A stream that ends, fails or stays
 * silent longer than the route's idle limit after that reason is finalised at once (F11): the caller
 * still gets the finish and the usage.</li>
 * <li>Before the finish, the same events mean the answer is broken (F8 cut, F9 stall, F10 unreadable
 * event: never forwarded). The gateway then asks the next route in the chain that can continue an
 * answer (see {@link StreamSettings#continues}) to carry on from exactly the text already sent, and
 * relays its words as the rest of the same answer, joined at the seam without repeated whitespace
 * (see {@link PrefillSeam}). The caller sees one answer, finished properly.</li>
 * <li>A route that refuses the continuation (a 400 for the assistant prefill, F14) is remembered as
 * unable to continue and the next one is tried; the caller never sees that refusal.</li>
 * <li>When no route can continue, the caller gets an in-band error event naming what broke, and no
 * finish reason: a truncated answer is never presented as complete.</li>
 * <li>A stream that breaks once any piece of a tool call has gone out is never continued (a text
 * prefill cannot resume a call, and a half-sent call must not be completed by another model): the
 * caller gets the in-band error at once. Before anything went out, a stream that fails is retried
 * on the next route invisibly, tool calls or not.</li>
 * </ul>
 * The request deadline governs only the time to the first words; a stream that keeps flowing is not
 * cut, and one that stalls is caught by the idle limit.
 *
 * <p>Events from the provider, idle timers and the caller going away arrive on different threads;
 * every state change happens under this relay's lock, and the relay never holds it while waiting.
 */
final class StreamRelay implements LiveStream.Listener {

    private static final Logger LOG = Logger.getLogger(StreamRelay.class);

    private final Router router;
    private final Router.Run<LiveStream> run;
    private final UnicastProcessor<StreamEvent> out = UnicastProcessor.create();
    private final StringBuilder sent = new StringBuilder();
    /** Whether any part of a tool call has reached the caller: such an answer can no longer be continued. */
    private boolean toolCallSent;

    private Route route;
    private String model;
    private LiveStream current;
    /** The current call's standing with its route's health: settled when the stream ends, breaks or is left. */
    private Ticket ticket;
    private long callStart;
    private boolean announced;
    private PrefillSeam seam = PrefillSeam.after(Optional.empty());
    private FinishReason finish;
    private Usage callUsage = Usage.NONE;
    private Usage earlierUsage = Usage.NONE;
    private String brokenBecause;
    private Cancellable continuing;
    private long idleTimer = -1;
    private boolean closed;

    StreamRelay(Router router, Router.Run<LiveStream> run, Route route, LiveStream stream, Ticket ticket) {
        this.router = router;
        this.run = run;
        this.route = route;
        this.current = stream;
        this.ticket = ticket;
        this.callStart = System.nanoTime();
    }

    /** Starts relaying; the events wait in a buffer until the caller's connection takes them. */
    RoutedStream start() {
        RoutedStream routed = new RoutedStream(route, run.attempts(), out.onCancellation().invoke(this::abandon));
        LiveStream first;
        synchronized (this) {
            first = current;
            restartIdleTimer();
        }
        first.attach(this);
        return routed;
    }

    @Override
    public synchronized void onEvent(LiveStream stream, StreamEvent event) {
        if (closed || stream != current) {
            return;
        }
        restartIdleTimer();
        if (event instanceof StreamEvent.Started started) {
            announce(started.id(), started.model());
        } else if (event instanceof StreamEvent.Text text) {
            relay(text.text());
        } else if (event instanceof StreamEvent.LogprobsReported || event instanceof StreamEvent.Thinking
                || event instanceof StreamEvent.ThinkingDone) {
            announce(null, route.model());
            out.onNext(event);
        } else if (event instanceof StreamEvent.ToolCallStarted || event instanceof StreamEvent.ToolCallArguments) {
            announce(null, route.model());
            toolCallSent = true;
            out.onNext(event);
        } else if (event instanceof StreamEvent.Finished finished) {
            announce(null, route.model());
            finish = finished.reason();
        } else if (event instanceof StreamEvent.UsageReported usage) {
            callUsage = usage.usage();
        } else if (event instanceof StreamEvent.Done) {
            if (finish != null) {
                complete();
            } else {
                broken(new ProviderFailure.MalformedResponse(route.provider(), "the stream closed without a finish reason",
                        null));
            }
        }
    }

    @Override
    public void onEnd(LiveStream stream) {
        stopped(stream, () -> new ProviderFailure.ConnectionFailed(route.provider(),
                "the stream ended after " + sent.length() + " characters, before the answer was finished", null));
    }

    @Override
    public void onFailure(LiveStream stream, Throwable failure) {
        stopped(stream, () -> FailureFallback.classify(route.provider(), failure));
    }

    private void idle(LiveStream stream, Duration limit) {
        stopped(stream, () -> new ProviderFailure.TimedOut(route.provider(),
                "the stream stalled: no event for " + limit.toMillis() + " ms after " + sent.length() + " characters"));
    }

    /** The provider's stream ended, failed or fell silent: complete if the answer had finished (F11), else it broke. */
    private synchronized void stopped(LiveStream stream, Supplier<ProviderFailure> why) {
        if (closed || stream != current) {
            return;
        }
        if (finish != null) {
            complete();
        } else {
            broken(why.get());
        }
    }

    /** The caller went away: stop everything upstream. */
    private synchronized void abandon() {
        if (!closed) {
            LOG.debugf("Caller left a stream on route %s after %d characters", route.name(), sent.length());
            run.cancelled();
        }
        closed = true;
        stopWatching();
        ticket.released();
        if (continuing != null) {
            continuing.cancel();
        }
    }

    /** The model of this call, once: the first names the stream, a later one says who took over. */
    private void announce(String id, String model) {
        if (!announced) {
            announced = true;
            this.model = model == null ? route.model() : model;
            out.onNext(new StreamEvent.Started(id, this.model));
        }
    }

    private void relay(String text) {
        announce(null, route.model());
        for (StreamEvent joined : seam.join(List.of(new StreamEvent.Text(text)))) {
            String piece = ((StreamEvent.Text) joined).text();
            sent.append(piece);
            out.onNext(joined);
        }
    }

    /**
     * The stream finished. An answer that is not the JSON the request asked for is never presented as
     * complete: it has gone out already, so the caller gets the in-band error in place of the finish.
     */
    private void complete() {
        closed = true;
        stopWatching();
        // The provider delivered a whole stream: its health is not in question, whatever the answer.
        ticket.streamed();
        router.metrics().call(route, model, Duration.ofNanos(System.nanoTime() - callStart), null);
        router.metrics().tokens(route, model, callUsage);
        run.bill(route, callUsage);
        Optional<String> notJson = JsonAnswers.problem(run.request().format(), sent.toString(), finish, toolCallSent);
        if (notJson.isPresent()) {
            run.interrupted();
            LOG.warnf("A stream on route %s finished with an answer that is not the JSON asked for: %s", route.name(),
                    notJson.get());
            out.onNext(new StreamEvent.Interrupted("The answer is not the JSON the request asked for: " + notJson.get()));
        } else {
            run.answered(route);
            out.onNext(new StreamEvent.Finished(finish));
            out.onNext(new StreamEvent.UsageReported(earlierUsage.plus(callUsage)));
        }
        out.onComplete();
    }

    private void broken(ProviderFailure failure) {
        stopWatching();
        router.metrics().tokens(route, model, callUsage);
        // The broken call's provider still bills what it sent before it broke, when it said how much.
        run.bill(route, callUsage);
        earlierUsage = earlierUsage.plus(callUsage);
        callUsage = Usage.NONE;
        String detail = run.recordFailure(route, failure, true, callStart);
        ticket.failed(failure, detail);
        if (brokenBecause == null) {
            brokenBecause = route.name() + ": " + detail;
        }
        continueElsewhere();
    }

    /**
     * Hands the answer to the next route that can continue it, or tells the caller it is cut short.
     * A continuation is a text prefill: it cannot carry a tool call already begun, so once a piece of
     * one has reached the caller, a broken stream is always cut short.
     */
    private void continueElsewhere() {
        if (toolCallSent) {
            interrupt();
            return;
        }
        Optional<Route> next = run.nextUsable(router.streamSettings()::continues);
        if (next.isEmpty() || !run.takeCall()) {
            interrupt();
            return;
        }
        Route target = next.get();
        Optional<Ticket> admitted = router.availability().admit(target);
        if (admitted.isEmpty()) {
            // Another request took its half-open trial meanwhile.
            continueElsewhere();
            return;
        }
        Ticket taken = admitted.get();
        ticket = taken;
        run.starting(target);
        LOG.infof("Continuing a broken stream on route %s (%s/%s) after %d characters", target.name(),
                target.provider(), target.model(), sent.length());
        route = target;
        current = null;
        announced = false;
        seam = PrefillSeam.after(Optional.of(sent.toString()));
        callStart = System.nanoTime();
        Duration limit = router.streamSettings().firstTokenTimeout(target);
        continuing = LiveStream.open(target.provider(),
                router.adapter(target.provider()).stream(run.request().withoutReasoning(), target,
                        Optional.of(sent.toString())))
                .ifNoItem().after(limit).failWith(() -> new ProviderFailure.TimedOut(target.provider(),
                        "no first token within " + limit.toMillis() + " ms"))
                .onCancellation().invoke(taken::released)
                .subscribe().with(stream -> continued(target, taken, stream), error -> notContinued(target, taken, error));
    }

    private synchronized void continued(Route target, Ticket admitted, LiveStream stream) {
        if (closed || route != target) {
            admitted.released();
            stream.cancel();
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - callStart);
        admitted.firstToken(took);
        router.metrics().firstChunk(target, took);
        run.record(new Attempt(target.name(), target.provider(), target.model(), true, null, 200, null,
                Router.millisSince(callStart)));
        current = stream;
        restartIdleTimer();
        stream.attach(this);
    }

    private synchronized void notContinued(Route target, Ticket admitted, Throwable error) {
        if (closed || route != target) {
            admitted.released();
            return;
        }
        ProviderFailure failure = FailureFallback.classify(target.provider(), error);
        if (failure instanceof ProviderFailure.RequestRejected) {
            // F14: the model will not take an assistant prefill. Its refusal is not the caller's problem.
            router.availability().rejectPrefill(target);
        }
        admitted.failed(failure, run.recordFailure(target, failure, !(failure instanceof ProviderFailure.CircuitOpen), callStart));
        continueElsewhere();
    }

    private void interrupt() {
        closed = true;
        run.interrupted();
        LOG.warnf("A stream broke after %d characters and no route could continue it (%s)", sent.length(), brokenBecause);
        out.onNext(new StreamEvent.Interrupted(toolCallSent
                ? "The answer was interrupted during its tool calls, which no route can continue (" + brokenBecause + ")"
                : "The answer was interrupted after " + sent.length() + " characters and no route could finish it ("
                        + brokenBecause + ")"));
        out.onComplete();
    }

    private void restartIdleTimer() {
        if (idleTimer >= 0) {
            router.vertx().cancelTimer(idleTimer);
        }
        LiveStream watched = current;
        if (watched == null) {
            idleTimer = -1;
            return;
        }
        Duration limit = router.streamSettings().idleTimeout(route);
        idleTimer = router.vertx().setTimer(limit.toMillis(), timer -> idle(watched, limit));
    }

    private void stopWatching() {
        if (idleTimer >= 0) {
            router.vertx().cancelTimer(idleTimer);
            idleTimer = -1;
        }
        if (current != null) {
            current.cancel();
        }
    }
}

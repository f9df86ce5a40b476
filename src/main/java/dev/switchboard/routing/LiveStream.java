package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * One provider stream, split at its first words. {@link #open} completes once the answer has begun
 * (its first text, reasoning or tool call, or a finish with none), so everything before that point, including a stream that
 * ends or fails without a word, is still a failure the router can route around invisibly. After
 * that the router {@link #attach}es a {@link Listener} and receives the events seen so far, then the
 * rest as they come. Subscribing is what sends the request; {@link #cancel} closes the connection.
 */
final class LiveStream implements MultiSubscriber<StreamEvent> {

    /** Receives a started stream. Calls are serialised by this stream. */
    interface Listener {
        void onEvent(LiveStream stream, StreamEvent event);

        /** The provider's stream ended (cleanly or not: the listener judges from the events). */
        void onEnd(LiveStream stream);

        void onFailure(LiveStream stream, Throwable failure);
    }

    private final ProviderId provider;
    private final UniEmitter<? super LiveStream> opening;
    private final List<StreamEvent> early = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean begun;
    private volatile boolean cancelled;
    private Listener listener;
    private boolean ended;
    private Throwable failure;

    private LiveStream(ProviderId provider, UniEmitter<? super LiveStream> opening) {
        this.provider = provider;
        this.opening = opening;
    }

    /** Subscribes to the provider's stream; the item arrives when the answer has begun. Cancelling closes the stream. */
    static Uni<LiveStream> open(ProviderId provider, Multi<StreamEvent> events) {
        return Uni.createFrom().emitter(emitter -> {
            LiveStream stream = new LiveStream(provider, emitter);
            emitter.onTermination(stream::cancelUnlessBegun);
            events.subscribe().withSubscriber(stream);
        });
    }

    /** Hands the started stream to its listener: the events so far at once, then the rest as they arrive. */
    synchronized void attach(Listener target) {
        listener = target;
        for (StreamEvent event : early) {
            target.onEvent(this, event);
        }
        early.clear();
        if (failure != null) {
            target.onFailure(this, failure);
        } else if (ended) {
            target.onEnd(this);
        }
    }

    /** Not synchronised, so a listener holding its own lock can always cancel. */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private void cancelUnlessBegun() {
        if (!begun) {
            cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            // The REST client buffers what the provider sends anyway; the caller's pace is kept downstream.
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void onItem(StreamEvent event) {
        if (cancelled) {
            return;
        }
        if (listener != null) {
            listener.onEvent(this, event);
            return;
        }
        early.add(event);
        if (!begun && (event instanceof StreamEvent.Text || event instanceof StreamEvent.Thinking
                || event instanceof StreamEvent.ToolCallStarted || event instanceof StreamEvent.Finished)) {
            begun = true;
            opening.complete(this);
        }
    }

    @Override
    public synchronized void onFailure(Throwable error) {
        if (cancelled) {
            return;
        }
        if (!begun) {
            opening.fail(error);
        } else if (listener != null) {
            listener.onFailure(this, error);
        } else {
            failure = error;
        }
    }

    @Override
    public synchronized void onCompletion() {
        if (cancelled) {
            return;
        }
        if (!begun) {
            opening.fail(new ProviderFailure.ConnectionFailed(provider, "the stream ended before its first token", null));
        } else if (listener != null) {
            listener.onEnd(this);
        } else {
            ended = true;
        }
    }
}

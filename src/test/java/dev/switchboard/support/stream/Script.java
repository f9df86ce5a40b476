package dev.switchboard.support.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ScriptedProvider} does with one request: an ordinary response, or a server-sent event
 * stream played step by step (events, pauses), ending cleanly, abruptly (the connection dies) or not at
 * all (a stall that lasts until the gateway hangs up).
 */
public final class Script {

    /** The connection a script plays on. */
    record Wire(Socket socket, InputStream in, OutputStream out, String path, List<String> hungUp) {
    }

    interface Step {
        /** @return false when the connection is finished with */
        boolean play(Wire wire) throws IOException;
    }

    private final List<Step> steps = new ArrayList<>();

    private Script() {
    }

    /** An ordinary JSON response with a length. */
    public static Script status(int status, String json, String... headerLines) {
        Script script = new Script();
        script.steps.add(wire -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            wire.out().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            wire.out().write(body);
            wire.out().flush();
            return true;
        });
        return script;
    }

    /** The connection is closed as soon as the request arrives, before any response byte. */
    public static Script refuse() {
        Script script = new Script();
        script.steps.add(wire -> {
            wire.socket().setSoLinger(true, 0);
            wire.socket().close();
            return false;
        });
        return script;
    }

    /**
     * The request is accepted and never answered: not a byte, the connection open, until the gateway
     * hangs up (or a minute passes).
     */
    public static Script silence() {
        Script script = new Script();
        script.steps.add(wire -> {
            waitForHangUp(wire, 60_000);
            return false;
        });
        return script;
    }

    /** A {@code 200 text/event-stream} response, chunked; add events, pauses and an ending. */
    public static Script stream() {
        Script script = new Script();
        script.steps.add(wire -> {
            wire.out().write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                    + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            wire.out().flush();
            return true;
        });
        return script;
    }

    /** Raw SSE events, each sent as its own chunk, e.g. {@code "data: {...}\n\n"}. */
    public Script events(List<String> events) {
        for (String event : events) {
            steps.add(wire -> {
                byte[] data = event.getBytes(StandardCharsets.UTF_8);
                wire.out().write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                wire.out().write(data);
                wire.out().write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                wire.out().flush();
                return true;
            });
        }
        return this;
    }

    public Script events(String... events) {
        return events(List.of(events));
    }

    /** Silence for a while, noting whether the gateway hangs up meanwhile. */
    public Script pause(long millis) {
        steps.add(wire -> !waitForHangUp(wire, millis));
        return this;
    }

    /** The response ends properly (the terminating chunk) and the connection may be reused. */
    public Script end() {
        steps.add(wire -> {
            wire.out().write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            wire.out().flush();
            return true;
        });
        return this;
    }

    /**
     * The connection dies mid-response: a reset, no terminating chunk. The events already sent are given
     * a moment to be read first; a reset makes the receiving side drop whatever it has not yet read.
     */
    public Script cut() {
        steps.add(wire -> {
            pauseQuietly(200);
            wire.socket().setSoLinger(true, 0);
            wire.socket().close();
            return false;
        });
        return this;
    }

    /** The connection stays open and silent until the gateway hangs up (or a minute passes). */
    public Script stall() {
        steps.add(wire -> {
            waitForHangUp(wire, 60_000);
            return false;
        });
        return this;
    }

    private static void pauseQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean play(Wire wire) throws IOException {
        for (Step step : steps) {
            if (!step.play(wire)) {
                return false;
            }
        }
        return true;
    }

    /** Waits up to the time given; true when the gateway closed the connection first. */
    private static boolean waitForHangUp(Wire wire, long millis) throws IOException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            wire.socket().setSoTimeout((int) Math.max(1, Math.min(50, until - System.currentTimeMillis())));
            try {
                if (wire.in().read() < 0) {
                    wire.hungUp().add(wire.path());
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting
            } catch (IOException reset) {
                wire.hungUp().add(wire.path());
                return true;
            }
        }
        wire.socket().setSoTimeout(0);
        return false;
    }
}

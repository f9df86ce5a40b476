package dev.switchboard.support.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;

/**
 * A provider emulator on a raw loopback socket, for the stream faults WireMock cannot express: headers at
 * once and the first event late, a stream that stalls with the connection open, a connection that dies
 * after N events. Each request to a path plays the next {@link Script} queued for it, step by step, and
 * is recorded; so is every path whose connection the gateway closed while the script was still playing.
 */
public final class ScriptedProvider implements AutoCloseable {

    /** A request as the provider received it, and when (wall-clock milliseconds, once its body was read). */
    public record Received(String method, String path, Map<String, String> headers, String body, long atMillis) {

        /** A request header, by its lower-case name. */
        public String header(String name) {
            return headers.get(name);
        }

        public JsonNode json() {
            try {
                return Fixtures.JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the gateway sent a body that is not JSON: " + body, e);
            }
        }
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Deque<Script>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> hungUp = new CopyOnWriteArrayList<>();

    public ScriptedProvider() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public String baseUrl() {
        return "http://localhost:" + socket.getLocalPort();
    }

    /** Queues scripts for a path: each request plays the next one; with none left, the path answers 404. */
    public void on(String path, Script... plays) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
        Deque<Script> queue = scripts.get(path);
        synchronized (queue) {
            queue.addAll(List.of(plays));
        }
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Paths whose connection the gateway closed while a script was still playing (a stall or a pause). */
    public List<String> hungUp() {
        return List.copyOf(hungUp);
    }

    public void reset() {
        scripts.clear();
        received.clear();
        hungUp.clear();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                Received request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                Script script = next(request.path());
                boolean keepOpen = script.play(new Script.Wire(connection, in, out, request.path(), hungUp));
                if (!keepOpen) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the gateway closed the connection: nothing more to serve
        }
    }

    private Script next(String path) {
        Deque<Script> queue = scripts.get(path);
        if (queue != null) {
            synchronized (queue) {
                Script script = queue.poll();
                if (script != null) {
                    return script;
                }
            }
        }
        return Script.status(404, "{\"error\":{\"message\":\"no script for " + path + "\"}}");
    }

    /** One HTTP/1.1 request, or null when the connection closed between requests. */
    private static Received read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        return new Received(requestLine[0], path, headers, new String(body, StandardCharsets.UTF_8),
                System.currentTimeMillis());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketException reset) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

package dev.switchboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.StreamDecoder;

/** Provider wire fixtures under {@code src/test/resources/fixtures/<provider>/}. */
public final class Fixtures {

    /** Plain Jackson, but lenient on unknown fields as Quarkus's own mapper is: providers add fields freely. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Fixtures() {
    }

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String path, Class<T> type) {
        try {
            return JSON.readValue(text(path), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What goes on the wire, read back as a tree, so field order does not matter and numbers compare by their JSON form. */
    /** A request body as a provider would read it: the JSON bytes an adapter sent, as the given type. */
    public static <T> T sent(dev.switchboard.provider.JsonBody body, Class<T> type) {
        try {
            return JSON.readValue(body.bytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode wire(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One server-sent event, as a decoder is given it: {@code name} is its {@code event:} field (null
     * when it has none), {@code data} its {@code data:} lines, joined.
     */
    public record Sse(String name, String data) {
    }

    /**
     * An SSE fixture's bytes as a provider's body arrives, in pieces of the given size, so that lines,
     * line ends and UTF-8 characters are split between reads.
     */
    public static List<byte[]> pieces(String path, int size) {
        return pieces(text(path).getBytes(StandardCharsets.UTF_8), size);
    }

    /** Events written in the SSE format, each {@code event:} (when named), {@code data:} and a blank line. */
    public static byte[] eventStream(Sse... events) {
        StringBuilder text = new StringBuilder();
        for (Sse event : events) {
            if (event.name() != null) {
                text.append("event: ").append(event.name()).append('\n');
            }
            for (String line : event.data().split("\n", -1)) {
                text.append("data: ").append(line).append('\n');
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static List<byte[]> pieces(byte[] bytes, int size) {
        List<byte[]> pieces = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += size) {
            pieces.add(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
        }
        return pieces;
    }

    /**
     * A fixture of server-sent events, read as the SSE format defines them (and as the REST client
     * hands them to a decoder): {@code field: value} lines, LF or CRLF, a blank line ending each
     * event (one without it is dropped), {@code :} lines as comments.
     */
    public static List<Sse> sse(String path) {
        return events(text(path));
    }

    /** Server-sent events read from a text in the SSE format, as {@link #sse(String)} reads a fixture. */
    public static List<Sse> events(String text) {
        List<Sse> events = new ArrayList<>();
        String event = null;
        StringBuilder data = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Sse(event, data.toString()));
                }
                event = null;
                data = null;
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        }
        return events;
    }

    /** Every event of an SSE fixture through one decoder, as one stream. */
    public static List<StreamEvent> decoded(StreamDecoder decoder, String path) {
        List<StreamEvent> decoded = new ArrayList<>();
        for (Sse event : sse(path)) {
            decoded.addAll(decoder.decode(event.name(), event.data()));
        }
        return decoded;
    }
}

package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How replies are framed on the wire, read from a raw socket so every header byte is seen: a whole
 * answer declares its length and is not chunked (one write, no closing chunk); a stream is chunked
 * and declares no length; and the connection stays open for the next request either way.
 */
@QuarkusTest
class ResponseFramingTest extends GatewayTestBase {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aWholeAnswerDeclaresItsLengthAndIsNotChunked() throws IOException {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            for (int request = 0; request < 2; request++) {
                Reply reply = exchange(socket, chatOnly("gpt-4o"));

                assertThat(reply.head).startsWith("HTTP/1.1 200");
                assertThat(reply.header("transfer-encoding")).isNull();
                assertThat(reply.header("content-length")).isEqualTo(Integer.toString(reply.body.length));
                assertThat(new String(reply.body, StandardCharsets.UTF_8))
                        .startsWith("{").endsWith("}").contains("\"object\":\"chat.completion\"");
            }
        }
    }

    @Test
    void aStreamIsChunkedAndDeclaresNoLength() throws IOException {
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).willReturn(WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(Fixtures.text("openai/chat-completion-stream.sse"))));

        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            for (int request = 0; request < 2; request++) {
                Reply reply = exchange(socket, chatOnly("gpt-4o").replace("\"model\"", "\"stream\":true,\"model\""));

                assertThat(reply.head).startsWith("HTTP/1.1 200");
                assertThat(reply.header("transfer-encoding")).isEqualTo("chunked");
                assertThat(reply.header("content-length")).isNull();
                assertThat(new String(reply.body, StandardCharsets.UTF_8)).startsWith("data: ").endsWith("data: [DONE]\n\n");
            }
        }
    }

    /** A response's head and its body, de-chunked when it came chunked. */
    private record Reply(String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private static Reply exchange(Socket socket, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + ProviderEmulator.GATEWAY_KEY + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = socket.getInputStream();
        String head = readLine(in, "\r\n\r\n");
        Reply reply = new Reply(head, new byte[0]);
        String length = reply.header("content-length");
        if (length != null) {
            return new Reply(head, in.readNBytes(Integer.parseInt(length)));
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in, "\r\n").trim(), 16); size > 0;
                size = Integer.parseInt(readLine(in, "\r\n").trim(), 16)) {
            content.write(in.readNBytes(size));
            readLine(in, "\r\n");
        }
        readLine(in, "\r\n"); // the empty line after the last chunk
        return new Reply(head, content.toByteArray());
    }

    /** Bytes up to the terminator, which is consumed and left out. */
    private static String readLine(InputStream in, String terminator) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(terminator)) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection closed after: " + text);
            }
            text.append((char) next);
        }
        return text.substring(0, text.length() - terminator.length());
    }
}

package dev.switchboard.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.support.SimulatedProvidersProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The simulated providers stream in each provider's documented wire format, with the same answer
 * as when they do not stream, and act out the stream faults that let operators watch recovery.
 * Read with a plain HTTP client, so the test sees the bytes, the event order and how the response ends.
 */
@QuarkusTest
@TestProfile(SimulatedProvidersProfile.class)
class SimulatedStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAI = "/simulated/openai/v1/chat/completions";
    private static final String COMPATIBLE = "/simulated/openai-compatible/v1/chat/completions";
    private static final String ANTHROPIC = "/simulated/anthropic/v1/messages";
    private static final String GEMINI = "/simulated/gemini/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String GEMINI_STREAM = "/simulated/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    private static final String ASK = "{\"model\":\"sim-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Stream me a story\"}]}";
    private static final String ASK_GEMINI = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Stream me a story\"}]}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void heal() {
        for (String provider : List.of("openai", "openai-compatible", "anthropic", "gemini")) {
            given().delete("/simulated/" + provider + "/fault").then().statusCode(200);
        }
    }

    @Test
    void openAiStreamsChunksThenUsageThenDone() throws Exception {
        JsonNode whole = document(OPENAI, ASK);
        Transcript stream = stream(OPENAI, streamed(ASK, ",\"stream_options\":{\"include_usage\":true}")).awaitEnd();

        assertThat(stream.completed()).isTrue();
        List<Event> events = stream.events();
        assertThat(events).allMatch(event -> event.name() == null);
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(Event::json).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText()).startsWith("chatcmpl-");
            assertThat(chunk.path("model").asText()).isEqualTo("sim-model");
            assertThat(chunk.has("usage")).as("include_usage puts a usage field on every chunk").isTrue();
        });

        JsonNode first = chunks.get(0).path("choices").get(0);
        assertThat(first.path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("delta").path("content").asText("missing")).isEmpty();
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("choices").get(0).path("delta").isEmpty()).isTrue();
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices").isArray() && usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage")).isEqualTo(whole.path("usage"));
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> {
            assertThat(chunk.path("usage").isNull()).isTrue();
            assertThat(chunk.path("choices").get(0).has("finish_reason")).isTrue();
        });

        String text = chunks.stream().flatMap(chunk -> elements(chunk.path("choices")))
                .map(choice -> choice.path("delta").path("content").asText("")).collect(Collectors.joining());
        assertThat(text).isEqualTo(whole.path("choices").get(0).path("message").path("content").asText());
        assertThat(chunks.size()).as("the answer comes in several pieces").isGreaterThan(5);
    }

    @Test
    void openAiCompatibleStreamsWithoutUsageUnlessAskedFor() throws Exception {
        Transcript stream = stream(COMPATIBLE, streamed(ASK, "")).awaitEnd();

        assertThat(stream.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<Event> events = stream.events();
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        JsonNode last = events.get(events.size() - 2).json();
        assertThat(last.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(events.subList(0, events.size() - 1)).noneMatch(event -> event.json().has("usage"));
        assertThat(events.get(1).json().path("choices").get(0).path("delta").path("content").asText())
                .startsWith("[simulated openai-compatible sim-model]");
    }

    @Test
    void anthropicStreamsTheDocumentedEventSequence() throws Exception {
        JsonNode whole = document(ANTHROPIC, ASK);
        Transcript stream = stream(ANTHROPIC, streamed(ASK, "")).awaitEnd();

        assertThat(stream.completed()).isTrue();
        List<Event> events = stream.events();
        List<String> names = events.stream().map(Event::name).toList();
        int deltas = names.size() - 6;
        List<String> expected = new ArrayList<>(List.of("message_start", "content_block_start", "ping"));
        expected.addAll(Collections.nCopies(deltas, "content_block_delta"));
        expected.addAll(List.of("content_block_stop", "message_delta", "message_stop"));
        assertThat(names).isEqualTo(expected);
        assertThat(deltas).isGreaterThan(1);
        assertThat(events).allSatisfy(event -> assertThat(event.json().path("type").asText()).isEqualTo(event.name()));

        JsonNode message = events.get(0).json().path("message");
        assertThat(message.path("id").asText()).startsWith("msg_");
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("model").asText()).isEqualTo("sim-model");
        assertThat(message.path("content").isArray() && message.path("content").isEmpty()).isTrue();
        assertThat(message.has("stop_reason") && message.path("stop_reason").isNull()).isTrue();
        assertThat(message.path("usage").path("input_tokens").asInt())
                .isEqualTo(whole.path("usage").path("input_tokens").asInt());
        assertThat(message.path("usage").has("output_tokens")).isTrue();
        assertThat(events.get(1).json().path("content_block").path("type").asText()).isEqualTo("text");

        List<JsonNode> textDeltas = events.subList(3, 3 + deltas).stream().map(Event::json).toList();
        assertThat(textDeltas).allSatisfy(delta -> {
            assertThat(delta.path("index").asInt(-1)).isZero();
            assertThat(delta.path("delta").path("type").asText()).isEqualTo("text_delta");
        });
        String text = textDeltas.stream().map(delta -> delta.path("delta").path("text").asText())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(whole.path("content").get(0).path("text").asText());

        JsonNode end = events.get(events.size() - 2).json();
        assertThat(end.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(end.path("usage").path("output_tokens")).isEqualTo(whole.path("usage").path("output_tokens"));
    }

    @Test
    void geminiStreamsResponsesWithoutAnEndMarker() throws Exception {
        JsonNode whole = document(GEMINI, ASK_GEMINI);
        Transcript stream = stream(GEMINI_STREAM, ASK_GEMINI).awaitEnd();

        assertThat(stream.completed()).isTrue();
        List<Event> events = stream.events();
        assertThat(events).hasSizeGreaterThan(1).allMatch(event -> event.name() == null && event.data().startsWith("{"));
        List<JsonNode> chunks = events.stream().map(Event::json).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            JsonNode content = chunk.path("candidates").get(0).path("content");
            assertThat(content.path("role").asText()).isEqualTo("model");
            assertThat(content.path("parts").get(0).path("text").asText()).isNotEmpty();
        });
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("candidates").get(0).path("finishReason").asText()).isEqualTo("STOP");
        assertThat(last.path("usageMetadata")).isEqualTo(whole.path("usageMetadata"));
        assertThat(chunks.subList(0, chunks.size() - 1)).noneMatch(chunk ->
                chunk.path("candidates").get(0).has("finishReason") || chunk.has("usageMetadata"));

        String text = chunks.stream().map(chunk -> chunk.path("candidates").get(0).path("content").path("parts").get(0)
                .path("text").asText()).collect(Collectors.joining());
        assertThat(text).isEqualTo(whole.path("candidates").get(0).path("content").path("parts").get(0)
                .path("text").asText());
    }

    @Test
    void anErrorStatusAnswersAStreamRequestWithTheJsonError() throws Exception {
        fault("anthropic", "{\"status\":429,\"retryAfterSeconds\":5}");

        Transcript stream = stream(ANTHROPIC, streamed(ASK, "")).awaitEnd();

        assertThat(stream.response.statusCode()).isEqualTo(429);
        assertThat(stream.response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(stream.response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode error = JSON.readTree(stream.body());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void aDelayHoldsBackTheFirstEventButNotTheHeaders() throws Exception {
        fault("openai", "{\"delayMs\":1500}");
        long start = System.nanoTime();

        Transcript stream = stream(OPENAI, streamed(ASK, ""));
        long headersMs = elapsedMs(start);
        stream.awaitEvents(1);
        long firstEventMs = elapsedMs(start);

        assertThat(stream.response.statusCode()).isEqualTo(200);
        assertThat(headersMs).as("headers come at once").isLessThan(1000);
        assertThat(firstEventMs).as("the first event waits for the delay").isGreaterThanOrEqualTo(1500);
        assertThat(stream.awaitEnd().completed()).isTrue();
    }

    @Test
    void cutAfterEventsDropsTheConnectionBeforeTheEnd() throws Exception {
        fault("openai", "{\"cutAfterEvents\":3}");
        fault("anthropic", "{\"cutAfterEvents\":4}");
        fault("gemini", "{\"cutAfterEvents\":2}");

        Transcript openAi = stream(OPENAI, streamed(ASK, "")).awaitEnd();
        Transcript anthropic = stream(ANTHROPIC, streamed(ASK, "")).awaitEnd();
        Transcript gemini = stream(GEMINI_STREAM, ASK_GEMINI).awaitEnd();

        for (Transcript cut : List.of(openAi, anthropic, gemini)) {
            assertThat(cut.response.statusCode()).isEqualTo(200);
            assertThat(cut.completed()).as("the response ends abruptly, not as a complete response").isFalse();
        }
        assertThat(openAi.events()).hasSize(3).noneMatch(event -> event.data().equals("[DONE]"));
        assertThat(anthropic.events()).extracting(Event::name)
                .containsExactly("message_start", "content_block_start", "ping", "content_block_delta");
        assertThat(gemini.events()).hasSize(2)
                .noneMatch(event -> event.json().path("candidates").get(0).has("finishReason"));
    }

    @Test
    void stallAfterEventsKeepsTheConnectionOpenAndSilent() throws Exception {
        fault("anthropic", "{\"stallAfterEvents\":2}");

        try (Transcript stream = stream(ANTHROPIC, streamed(ASK, ""))) {
            stream.awaitEvents(2);
            Thread.sleep(400);

            assertThat(stream.events()).extracting(Event::name).containsExactly("message_start", "content_block_start");
            assertThat(stream.ended.isDone()).as("the connection stays open").isFalse();
        }
    }

    @Test
    void streamFaultsLeaveAnswersThatAreNotStreamedWhole() throws Exception {
        fault("openai", "{\"cutAfterEvents\":1}");

        JsonNode whole = document(OPENAI, ASK);

        assertThat(whole.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void faultsReadAsBeforeUnlessTheyBreakStreams() {
        given().contentType(ContentType.JSON).body("{\"status\":503}").put("/simulated/gemini/fault").then()
                .statusCode(200).body(equalTo("{\"delayMs\":0,\"retryAfterSeconds\":null,\"status\":503}"));
        given().contentType(ContentType.JSON).body("{\"stallAfterEvents\":3}").put("/simulated/gemini/fault").then()
                .statusCode(200).body("stallAfterEvents", equalTo(3));
        given().get("/simulated/gemini/fault").then().statusCode(200).body("stallAfterEvents", equalTo(3));
        given().contentType(ContentType.JSON).body("{\"cutAfterEvents\":1,\"stallAfterEvents\":3}")
                .put("/simulated/gemini/fault").then().statusCode(400)
                .body("error.message", equalTo("a stream is either cut or stalled: set cutAfterEvents or stallAfterEvents, not both"));
        given().contentType(ContentType.JSON).body("{\"cutAfterEvents\":-1}").put("/simulated/gemini/fault").then()
                .statusCode(400);
        given().get("/simulated/gemini/fault").then().body("stallAfterEvents", equalTo(3));
    }

    private static String streamed(String ask, String options) {
        return ask.substring(0, ask.length() - 1) + ",\"stream\":true" + options + "}";
    }

    private static void fault(String provider, String fault) {
        given().contentType(ContentType.JSON).body(fault).put("/simulated/" + provider + "/fault").then().statusCode(200);
    }

    /** The answer as a whole, as a call that is not streamed gets it. */
    private static JsonNode document(String path, String body) throws IOException {
        // Left as written: encoded, the colon of Gemini's ':generateContent' would not match.
        String answer = given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(body).post(path).then().statusCode(200)
                .contentType("application/json;charset=UTF-8").extract().asString();
        return JSON.readTree(answer);
    }

    private Transcript stream(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new Transcript(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    /** One server-sent event: its {@code event:} name, if any, and its data. */
    private record Event(String name, String data) {

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("event data is not JSON: " + data, e);
            }
        }
    }

    /**
     * A response body read as it arrives, on its own thread, and how it ended: normally, or with an
     * error when the server dropped the connection before the end of the body.
     */
    private static final class Transcript implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final StringBuffer received = new StringBuffer();
        private final CompletableFuture<Boolean> ended = new CompletableFuture<>();

        Transcript(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "sse-transcript");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            byte[] buffer = new byte[8192];
            try (InputStream body = response.body()) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                ended.complete(true);
            } catch (IOException dropped) {
                ended.complete(false);
            }
        }

        Transcript awaitEnd() throws Exception {
            ended.get(10, TimeUnit.SECONDS);
            return this;
        }

        /** Whether the body ended as a complete response does, rather than by a dropped connection. */
        boolean completed() {
            return ended.getNow(false);
        }

        void awaitEvents(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events().size() < count) {
                assertThat(System.nanoTime()).as("%d events in time", count).isLessThan(deadline);
                Thread.sleep(10);
            }
        }

        String body() {
            return received.toString();
        }

        /** The complete events received so far, each ended by a blank line. */
        List<Event> events() {
            List<Event> events = new ArrayList<>();
            String text = received.toString();
            int start = 0;
            for (int end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n", start)) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line : text.substring(start, end).split("\n")) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
                events.add(new Event(name, data.toString()));
                start = end + 2;
            }
            return events;
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}

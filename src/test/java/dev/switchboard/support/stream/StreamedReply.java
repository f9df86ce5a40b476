package dev.switchboard.support.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.ProviderEmulator;
import io.restassured.RestAssured;

/** What a caller received from a streamed chat completion: the status, the headers, every {@code data:} event. */
public record StreamedReply(int status, java.net.http.HttpHeaders headers, String body, List<String> data) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Posts a request body to the gateway as an authenticated caller and reads the whole reply. */
    public static StreamedReply post(String json, String... headerNamesAndValues) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .header("Content-Type", "application/json");
        if (headerNamesAndValues.length > 0) {
            builder.headers(headerNamesAndValues);
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new StreamedReply(response.statusCode(), response.headers(), response.body(), dataOf(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code data:} field of each event, in order. */
    static List<String> dataOf(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            StringBuilder field = new StringBuilder();
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    field.append(field.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
            }
            if (!field.isEmpty()) {
                data.add(field.toString());
            }
        }
        return data;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body as one JSON document: an error response. */
    public JsonNode json() {
        return json(body);
    }

    /** Every event but {@code [DONE]}, as JSON. */
    public List<JsonNode> events() {
        return data.stream().filter(d -> !d.equals("[DONE]")).map(StreamedReply::json).toList();
    }

    /** The chunks ({@code chat.completion.chunk} events). */
    public List<JsonNode> chunks() {
        return events().stream().filter(e -> e.path("object").asText().equals("chat.completion.chunk")).toList();
    }

    /** The answer as the caller would assemble it. */
    public String content() {
        StringBuilder content = new StringBuilder();
        for (JsonNode chunk : chunks()) {
            JsonNode choice = chunk.path("choices").path(0);
            if (choice.path("delta").path("content").isTextual()) {
                content.append(choice.path("delta").path("content").asText());
            }
        }
        return content.toString();
    }

    /** The finish reasons sent, in order (a proper stream has exactly one). */
    public List<String> finishReasons() {
        return chunks().stream().map(c -> c.path("choices").path(0).path("finish_reason"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    public boolean endsWithDone() {
        return !data.isEmpty() && data.get(data.size() - 1).equals("[DONE]");
    }

    /** The in-band error event, if the stream ended with one. */
    public Optional<JsonNode> error() {
        return events().stream().filter(e -> e.has("error")).findFirst().map(e -> e.get("error"));
    }

    private static JsonNode json(String data) {
        try {
            return Fixtures.JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the gateway sent an event that is not JSON: " + data, e);
        }
    }
}

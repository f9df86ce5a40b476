package dev.switchboard.support.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.ProviderEmulator;
import io.restassured.RestAssured;

/**
 * What a caller of any of the gateway's APIs received, whole or streamed: the status, the headers, the
 * body; read as one JSON document (a whole answer or an error) or as named server-sent events (the
 * Messages and Responses APIs name every event).
 */
public record ApiReply(int status, java.net.http.HttpHeaders headers, String body) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One named event of a stream, its data read as JSON. */
    public record Event(String name, JsonNode data) {
    }

    /** Posts a request body to a gateway path as the authenticated caller, with headers as name, value pairs. */
    public static ApiReply post(String path, String json, String... headerNamesAndValues) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY)
                .header("Content-Type", "application/json");
        if (headerNamesAndValues.length > 0) {
            builder.headers(headerNamesAndValues);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiReply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public boolean isEventStream() {
        String type = header("content-type");
        return type != null && type.startsWith("text/event-stream");
    }

    /** The body as one JSON document. */
    public JsonNode json() {
        return parse(body);
    }

    /** Every server-sent event, in order, each with its {@code event:} name and its data as JSON. */
    public List<Event> events() {
        return Fixtures.events(body).stream().map(sse -> new Event(sse.name(), parse(sse.data()))).toList();
    }

    /** The names of the events, in order. */
    public List<String> eventNames() {
        return events().stream().map(Event::name).toList();
    }

    /** The events of one name, in order. */
    public List<JsonNode> events(String name) {
        return events().stream().filter(event -> name.equals(event.name())).map(Event::data).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return Fixtures.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the gateway sent something that is not JSON: " + text, e);
        }
    }
}

package dev.switchboard.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Degraded mode as shipped: on by default in the packaged gateway. With the simulated OpenAI told to
 * fail, a request it answered before gets that answer back (still labelled simulated), a new one the
 * general static message, and a caller who opts out the routing error.
 */
class DegradedModeIT {

    private static PackagedApp app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start();
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static RequestSpecification gateway() {
        return given().baseUri(base).contentType(ContentType.JSON);
    }

    private static String ask(String question) {
        return "{\"model\":\"gpt-4o\",\"fallbacks\":[],\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    }

    @Test
    void answersFromTheLastKnownGoodAnswerElseTheStaticMessage() {
        gateway().body(ask("Hello gateway")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-degraded", nullValue());
        gateway().body("{\"status\":500}").put("/simulated/openai/fault").then().statusCode(200);
        try {
            gateway().body(ask("Hello gateway")).post("/v1/chat/completions").then().statusCode(200)
                    .header("x-switchboard-degraded", "true")
                    .header("x-switchboard-degraded-source", "cache")
                    .header("x-switchboard-simulated", "true")
                    .body("choices[0].message.content", startsWith("[simulated "));
            gateway().body(ask("Something new")).post("/v1/chat/completions").then().statusCode(200)
                    .header("x-switchboard-degraded-source", "static")
                    .body("choices[0].message.content",
                            equalTo("I'm experiencing technical difficulties. Please try again in a few minutes."));
            gateway().header("x-switchboard-degraded", "off").body(ask("Hello gateway")).post("/v1/chat/completions")
                    .then().statusCode(502).body("error.code", equalTo("all_routes_failed"));
        } finally {
            gateway().delete("/simulated/openai/fault").then().statusCode(200);
        }
    }
}

package dev.switchboard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** With gateway keys configured, callers need one; the caller's key never travels upstream. */
@QuarkusTest
class GatewayAuthTest extends GatewayTestBase {

    @Test
    void aMissingKeyIsRejected() {
        given().contentType(ContentType.JSON).body(chat("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer").body("error.code", equalTo("invalid_api_key"));
        assertThat(totalCalls()).isZero();
    }

    @Test
    void aWrongKeyIsRejectedWithoutEchoingIt() {
        given().header("Authorization", "Bearer not-the-key-123").contentType(ContentType.JSON).body(chat("gpt-4o"))
                .post("/v1/chat/completions").then()
                .statusCode(401).body("error.message", equalTo("Incorrect gateway API key provided."));
        given().header("Authorization", "Bearer nope").get("/v1/models").then().statusCode(401);
        assertThat(totalCalls()).isZero();
    }

    @Test
    void theProviderGetsItsOwnKeyAndNeverTheCallers() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));

        caller().header("x-custom-caller-header", "private").body(chat("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(200);

        LoggedRequest upstream = calls(OPENAI_CHAT).get(0);
        assertThat(upstream.getHeader("Authorization")).isEqualTo("Bearer " + ProviderEmulator.OPENAI_KEY);
        assertThat(upstream.getHeaders().all().toString())
                .doesNotContain(ProviderEmulator.GATEWAY_KEY).doesNotContain("x-custom-caller-header");
    }

    @Test
    void healthProbesNeedNoKey() {
        given().get("/q/health/live").then().statusCode(200);
    }
}

package dev.switchboard.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What every gateway test shares: a clean emulator, closed breakers and no remembered cooldowns,
 * so each test sees only what it set up; and helpers to stub and read each provider's endpoint.
 */
@QuarkusTestResource(ProviderEmulator.class)
public abstract class GatewayTestBase extends FreshGateway {

    public static final String OPENAI_CHAT = ProviderEmulator.OPENAI + "/chat/completions";
    public static final String COMPATIBLE_CHAT = ProviderEmulator.COMPATIBLE + "/chat/completions";
    public static final String ANTHROPIC_MESSAGES = ProviderEmulator.ANTHROPIC + "/v1/messages";

    protected WireMockServer emulator;

    @BeforeEach
    void resetEmulator() {
        emulator.resetAll();
    }

    public static String geminiPath(String model) {
        return ProviderEmulator.GEMINI + "/v1beta/models/" + model + ":generateContent";
    }

    /** An authenticated caller, as every test but the auth tests wants. */
    protected static RequestSpecification caller() {
        return given().header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY).contentType(ContentType.JSON);
    }

    /** A minimal valid request body for a model, optionally with an explicit fallback chain. */
    protected static String chat(String model, String... fallbacks) {
        StringBuilder body = new StringBuilder("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]");
        if (fallbacks.length > 0) {
            body.append(",\"fallbacks\":[");
            for (int i = 0; i < fallbacks.length; i++) {
                body.append(i == 0 ? "" : ",").append('"').append(fallbacks[i]).append('"');
            }
            body.append(']');
        }
        return body.append('}').toString();
    }

    /** A request for one route alone: an empty {@code fallbacks} leaves no other route to try. */
    protected static String chatOnly(String model) {
        return chat(model).replace("}]", "}],\"fallbacks\":[]");
    }

    protected void stub(String path, ResponseDefinitionBuilder response) {
        emulator.stubFor(post(urlPathEqualTo(path)).willReturn(response));
    }

    protected void stub(MappingBuilder mapping) {
        emulator.stubFor(mapping);
    }

    /** An OpenAI chat completion from the fixture, answering as the given model. */
    protected static ResponseDefinitionBuilder openAiAnswer(String model) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("openai/chat-completion.json").replace("gpt-4o-2024-08-06", model));
    }

    protected static ResponseDefinitionBuilder openAiError(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("openai/" + fixture));
    }

    protected List<LoggedRequest> calls(String path) {
        return emulator.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** Milliseconds between consecutive calls, in the order the emulator received them. */
    protected static List<Long> gapsMs(List<LoggedRequest> requests) {
        List<LoggedRequest> ordered = requests.stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            gaps.add(ordered.get(i).getLoggedDate().getTime() - ordered.get(i - 1).getLoggedDate().getTime());
        }
        return gaps;
    }

    protected int totalCalls() {
        return emulator.getAllServeEvents().size();
    }
}

package dev.switchboard.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** GET /v1/models lists the configured routes in OpenAI's format, with where each goes and what it costs. */
@QuarkusTest
class ModelsTest extends GatewayTestBase {

    @Test
    void listsTheConfiguredRoutes() {
        caller().get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItems("claude-sonnet", "gpt-4o", "gpt-4o-mini"))
                .body("data.find { it.id == 'claude-sonnet' }.owned_by", equalTo("anthropic"))
                .body("data.find { it.id == 'claude-sonnet' }.switchboard.upstream_model", equalTo("claude-sonnet-4-5"))
                .body("data.find { it.id == 'claude-sonnet' }.switchboard.simulated", equalTo(false))
                .body("data.find { it.id == 'gpt-4o' }.switchboard.input_price_per_million", equalTo(2.5f))
                .body("data.find { it.id == 'gpt-4o-mini' }.switchboard.output_price_per_million", equalTo(0.6f));
    }

    @Test
    void retrievesOneRoute() {
        caller().get("/v1/models/gpt-4o").then().statusCode(200).body("id", equalTo("gpt-4o"))
                .body("object", equalTo("model"));
        caller().get("/v1/models/unknown").then().statusCode(404).body("error.code", equalTo("model_not_found"));
    }

    @Test
    void listsAutoForCostAwareRouting() {
        caller().get("/v1/models").then().statusCode(200)
                .body("data.id", hasItems("auto"))
                .body("data.find { it.id == 'auto' }.owned_by", equalTo("switchboard"));
        caller().get("/v1/models/auto").then().statusCode(200).body("id", equalTo("auto"));
    }
}

package dev.switchboard.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.support.SimulatedProvidersProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Without keys the shipped embedding routes answer from the simulator: deterministic unit vectors of the route's size. */
@QuarkusTest
@TestProfile(SimulatedProvidersProfile.class)
class SimulatedEmbeddingsTest {

    private static JsonPath embed(String model, String input) {
        return given().contentType(ContentType.JSON).body("{\"model\":\"" + model + "\",\"input\":" + input + "}")
                .post("/v1/embeddings").then().statusCode(200).header(GatewayHeaders.SIMULATED, "true")
                .header(GatewayHeaders.ROUTE, model).extract().jsonPath();
    }

    private static double norm(List<Float> vector) {
        return Math.sqrt(vector.stream().mapToDouble(v -> (double) v * v).sum());
    }

    @Test
    void theShippedRoutesAnswerWithUnitVectorsOfTheirSize() {
        JsonPath openAi = embed("text-embedding-3-small", "[\"one\",\"two\"]");
        List<Float> one = openAi.getList("data[0].embedding", Float.class);
        assertThat(one).hasSize(1536);
        assertThat(norm(one)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(openAi.getList("data[1].embedding", Float.class)).isNotEqualTo(one);
        assertThat(openAi.getInt("usage.prompt_tokens")).isEqualTo(2);

        JsonPath gemini = embed("gemini-embedding-001", "\"one\"");
        assertThat(gemini.getList("data[0].embedding", Float.class)).hasSize(768);
        JsonPath batch = embed("gemini-embedding-001", "[\"one\",\"two\",\"three\"]");
        assertThat(batch.getList("data")).hasSize(3);
        // The same text, the same vector, whether asked alone or in a batch.
        assertThat(batch.getList("data[0].embedding", Float.class)).isEqualTo(gemini.getList("data[0].embedding", Float.class));
    }

    @Test
    void theSameTextAlwaysGetsTheSameVector() {
        assertThat(embed("text-embedding-3-small", "\"hello\"").getList("data[0].embedding", Float.class))
                .isEqualTo(embed("text-embedding-3-small", "\"hello\"").getList("data[0].embedding", Float.class));
    }
}

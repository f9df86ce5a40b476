package dev.switchboard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.support.AdminKeyProfile;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** With an admin key configured, /admin needs exactly that key; gateway keys and the probes are unaffected. */
@QuarkusTest
@TestProfile(AdminKeyProfile.class)
class AdminAuthTest extends GatewayTestBase {

    @Test
    void noKeyIsRefusedInTheOpenAiFormat() {
        given().get("/admin/status").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/json")
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.param", nullValue())
                .body("error.message", equalTo("Missing admin key: send it as 'Authorization: Bearer <admin-key>'."));
    }

    @Test
    void aWrongKeyIsRefusedWithoutEchoingIt() {
        String body = given().header("Authorization", "Bearer not-the-admin-key-42").get("/admin/status").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.message", equalTo("Incorrect admin key provided."))
                .extract().asString();
        assertThat(body).doesNotContain("not-the-admin-key-42");
        // The right key without the Bearer scheme.
        given().header("Authorization", AdminKeyProfile.ADMIN_KEY).get("/admin/status").then().statusCode(401);
    }

    /** Spend names callers and routes' costs: for operators only, like the status. */
    @ParameterizedTest
    @ValueSource(strings = { "/admin/spend", "/admin/savings" })
    void spendAndSavingsNeedTheAdminKey(String path) {
        given().get(path).then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        caller().get(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + AdminKeyProfile.ADMIN_KEY).get(path).then().statusCode(200)
                .body("currency", equalTo("USD"));
    }

    @Test
    void aGatewayKeyDoesNotOpenAdmin() {
        caller().get("/admin/status").then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.message", equalTo("Incorrect admin key provided."));
    }

    @Test
    void theAdminKeyOpensAdminAndNeverAppearsInTheAnswer() {
        Response response = given().header("Authorization", "Bearer " + AdminKeyProfile.ADMIN_KEY).get("/admin/status");

        response.then().statusCode(200).body("routes[0].name", equalTo("claude-sonnet"));
        assertThat(response.asString()).doesNotContain(AdminKeyProfile.ADMIN_KEY).doesNotContain(ProviderEmulator.GATEWAY_KEY);
        assertThat(response.getHeaders().toString()).doesNotContain(AdminKeyProfile.ADMIN_KEY);
        // The scheme is case-insensitive (RFC 9110), and spaces around the key do not matter.
        given().header("Authorization", "bearer  " + AdminKeyProfile.ADMIN_KEY + " ").get("/admin/status").then()
                .statusCode(200);
    }

    @Test
    void theAdminKeyDoesNotOpenTheGateway() {
        given().header("Authorization", "Bearer " + AdminKeyProfile.ADMIN_KEY).get("/v1/models").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/admin/unknown", "/admin", "//admin/status", "/admin/./status", "/x/../admin/status",
            "/%61dmin/status", "/admin;v=1/status" })
    void everySpellingOfAnAdminPathNeedsTheKey(String path) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(not(equalTo(200)))
                .body(not(containsString("\"routes\"")));
    }

    @Test
    void theProbesNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/well").then().statusCode(200);
    }
}

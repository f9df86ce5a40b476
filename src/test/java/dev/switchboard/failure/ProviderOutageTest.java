package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;


import dev.switchboard.health.CircuitState;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * F15 under steady traffic, with the time scale shrunk so it fits a test: the route's cooldown and
 * the client breaker's delay are 1 s instead of 60 s. The primary fails every call for a while, then recovers. The circuit must
 * open after a few failures, every request must be answered by the fallback meanwhile, at most one
 * trial at a time may reach the primary, and traffic must return to it soon after it recovers.
 */
@QuarkusTest
@TestProfile(ProviderOutageTest.ShortCooldown.class)
class ProviderOutageTest extends GatewayTestBase {

    public static class ShortCooldown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.health.cooldown", "1s", "switchboard.providers.openai.breaker.delay-ms", "1000");
        }
    }

    private static final String FALLBACK = "openai-compatible/llama-3.1-8b";
    private static final Duration PERIOD = Duration.ofMillis(100);
    private static final Duration COOLDOWN = Duration.ofSeconds(1);

    /** One request of the steady traffic: when it was sent, relative to the start, and who answered. */
    record Sent(long atMs, int status, String route, String attempts) {
    }

    private Response ask() {
        return caller().body(chat("gpt-4o", FALLBACK)).post("/v1/chat/completions");
    }

    @Test
    void servesEveryRequestFromTheFallbackWastesFewCallsAndReturnsAfterRecovery() throws Exception {
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
        long outageStartMs = 500;
        long outageEndMs = 3_500;
        long endMs = 6_000;

        List<Sent> sent = new ArrayList<>();
        long start = System.nanoTime();
        boolean down = false;
        boolean up = false;
        for (int i = 0; ; i++) {
            long due = i * PERIOD.toMillis();
            if (due > endMs) {
                break;
            }
            long now = (System.nanoTime() - start) / 1_000_000;
            if (now < due) {
                Thread.sleep(due - now);
            }
            long at = (System.nanoTime() - start) / 1_000_000;
            if (!down && at >= outageStartMs) {
                stub(OPENAI_CHAT, openAiError(503, "error-overloaded.json"));
                down = true;
            }
            if (!up && at >= outageEndMs) {
                stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
                up = true;
                at = (System.nanoTime() - start) / 1_000_000;
            }
            Response response = ask();
            sent.add(new Sent(at, response.statusCode(), response.header("x-switchboard-route"),
                    response.header("x-switchboard-attempts")));
        }

        // Every request was answered.
        assertThat(sent).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
        // During the outage, by the fallback.
        List<Sent> duringOutage = sent.stream().filter(r -> r.atMs() >= outageStartMs && r.atMs() < outageEndMs).toList();
        assertThat(duringOutage).hasSizeGreaterThan(20)
                .allSatisfy(request -> assertThat(request.route()).isEqualTo(FALLBACK));

        // Few calls were wasted on the dead primary: 3 to open its circuit (a retry, then the third
        // error), then one trial per cooldown while it stayed down.
        long wasted = emulator.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(OPENAI_CHAT))
                .filter(event -> event.getResponse().getStatus() == 503).count();
        long trialsAtMost = (outageEndMs - outageStartMs) / COOLDOWN.toMillis() + 1;
        assertThat(wasted).isBetween(3L, 3 + trialsAtMost);
        // While the circuit was open, requests went straight to the fallback: one call each.
        assertThat(duringOutage.stream().filter(r -> r.attempts().equals("1")).count())
                .isGreaterThanOrEqualTo(duringOutage.size() - wasted);

        // Traffic returned to the primary soon after it recovered, and stayed there.
        Sent firstBack = sent.stream().filter(r -> r.atMs() >= outageEndMs && r.route().equals("gpt-4o"))
                .findFirst().orElseThrow(() -> new AssertionError("traffic never returned to the primary: " + sent));
        assertThat(firstBack.atMs() - outageEndMs).isLessThanOrEqualTo(COOLDOWN.toMillis() + 1_000);
        assertThat(sent.stream().filter(r -> r.atMs() > firstBack.atMs()))
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.route()).isEqualTo("gpt-4o"));
        assertThat(availability.route("gpt-4o").orElseThrow().circuit()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void halfOpenLetsOnlyOneTrialThroughAtATime() throws Exception {
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));
        stub(OPENAI_CHAT, openAiError(503, "error-overloaded.json"));
        ask();
        ask();
        assertThat(availability.route("gpt-4o").orElseThrow().circuit()).isEqualTo(CircuitState.OPEN);
        int opened = calls(OPENAI_CHAT).size();

        // Cooled down: the next requests arrive together while the primary is slow to fail.
        Thread.sleep(COOLDOWN.toMillis() + 100);
        stub(OPENAI_CHAT, openAiError(503, "error-overloaded.json").withFixedDelay(500));
        List<CompletableFuture<Response>> together = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(this::ask)).toList();
        for (CompletableFuture<Response> request : together) {
            assertThat(request.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }

        assertThat(opened).isEqualTo(3);
        assertThat(calls(OPENAI_CHAT)).hasSize(opened + 1);
        assertThat(together.stream().map(f -> f.join().header("x-switchboard-route")))
                .containsOnly(FALLBACK);
        assertThat(availability.route("gpt-4o").orElseThrow().circuit()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void theLeastBadRouteIsStillTriedWhenNoneIsAvailable() {
        stub(OPENAI_CHAT, openAiError(503, "error-overloaded.json"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(502);
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(502);
        assertThat(availability.route("gpt-4o").orElseThrow().available()).isFalse();
        int before = calls(OPENAI_CHAT).size();

        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "gpt-4o");

        assertThat(calls(OPENAI_CHAT)).hasSize(before + 1);
        assertThat(availability.route("gpt-4o").orElseThrow().circuit()).isEqualTo(CircuitState.CLOSED);
    }

}

package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.SwitchboardConfig.RouteOrder;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.support.ClosedBreakers;
import dev.switchboard.support.TestConfig;

class ChainOrderTest {

    private final SwitchboardConfig config = TestConfig.load(TestConfig.seed(
            "switchboard.routes.claude-sonnet.tier", "complex",
            "switchboard.routes.gpt-4o.tier", "moderate",
            "switchboard.routes.gemini-pro.provider", "gemini",
            "switchboard.routes.gemini-pro.model", "gemini-2.5-pro",
            "switchboard.routes.gemini-pro.tier", "complex",
            "switchboard.routes.mini.provider", "openai",
            "switchboard.routes.mini.model", "gpt-4o-mini",
            "switchboard.routes.mini.tier", "moderate"));
    private final RouteTable table = new RouteTable(config);
    private final RouteAvailability availability = new RouteAvailability(config, table,
            new ProviderBreakers(new ClosedBreakers(), config));

    private Route route(String name) {
        return table.named(name).orElseThrow();
    }

    private void took(String name, long millis, boolean stream) {
        var ticket = availability.admit(route(name)).orElseThrow();
        if (stream) {
            ticket.firstToken(Duration.ofMillis(millis));
            ticket.streamed();
        } else {
            ticket.succeeded(Duration.ofMillis(millis));
        }
    }

    private List<String> arranged(RouteOrder order, boolean stream, String... chain) {
        List<Route> routes = java.util.Arrays.stream(chain).map(this::route).toList();
        return new ChainOrder(order, availability).arrange(routes, stream).stream().map(Route::name).toList();
    }

    @Test
    void priorityKeepsTheConfiguredOrder() {
        took("claude-sonnet", 900, false);
        took("gemini-pro", 100, false);

        assertThat(arranged(RouteOrder.PRIORITY, false, "claude-sonnet", "gpt-4o", "gemini-pro", "mini"))
                .containsExactly("claude-sonnet", "gpt-4o", "gemini-pro", "mini");
    }

    @Test
    void latencyOrdersWithinATierAndEachTierKeepsItsPlaces() {
        took("claude-sonnet", 900, false);
        took("gemini-pro", 100, false);
        took("gpt-4o", 50, false);
        took("mini", 500, false);

        assertThat(arranged(RouteOrder.LATENCY, false, "claude-sonnet", "gpt-4o", "gemini-pro", "mini"))
                .containsExactly("gemini-pro", "gpt-4o", "claude-sonnet", "mini");
    }

    @Test
    void anUnmeasuredRouteGoesFirstInItsTierSoItGetsMeasured() {
        took("claude-sonnet", 900, false);

        assertThat(arranged(RouteOrder.LATENCY, false, "claude-sonnet", "gemini-pro"))
                .containsExactly("gemini-pro", "claude-sonnet");
    }

    @Test
    void streamsAreOrderedByTimeToFirstToken() {
        took("claude-sonnet", 100, false);
        took("gemini-pro", 900, false);
        took("claude-sonnet", 700, true);
        took("gemini-pro", 200, true);

        assertThat(arranged(RouteOrder.LATENCY, false, "claude-sonnet", "gemini-pro"))
                .containsExactly("claude-sonnet", "gemini-pro");
        assertThat(arranged(RouteOrder.LATENCY, true, "claude-sonnet", "gemini-pro"))
                .containsExactly("gemini-pro", "claude-sonnet");
    }
}

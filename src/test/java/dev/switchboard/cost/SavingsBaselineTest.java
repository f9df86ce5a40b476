package dev.switchboard.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;
import dev.switchboard.support.TestConfig;

/** The savings baseline is the strongest route: the configured complex one, else the dearest route with a tier. */
class SavingsBaselineTest {

    private static final String[] TIERED = {
        "switchboard.routes.claude-sonnet.input-price", "3", "switchboard.routes.claude-sonnet.output-price", "15",
        "switchboard.routes.claude-sonnet.tier", "complex",
        "switchboard.routes.gpt-4o.input-price", "2.5", "switchboard.routes.gpt-4o.output-price", "10",
        "switchboard.routes.gpt-4o.tier", "moderate" };

    private static java.util.Optional<String> baseline(String... extra) {
        String[] all = new String[TIERED.length + extra.length];
        System.arraycopy(TIERED, 0, all, 0, TIERED.length);
        System.arraycopy(extra, 0, all, TIERED.length, extra.length);
        Map<String, String> properties = TestConfig.seed(all);
        SwitchboardConfig config = TestConfig.load(properties);
        return SpendLedger.Baseline.of(new RouteTable(config), config).map(Route::name);
    }

    @Test
    void theDearestTieredRouteByDefault() {
        assertThat(baseline()).contains("claude-sonnet");
    }

    @Test
    void theConfiguredComplexRouteWins() {
        assertThat(baseline("switchboard.auto.tiers.complex", "gpt-4o")).contains("gpt-4o");
    }

    @Test
    void untieredRoutesAreNeverTheBaseline() {
        assertThat(baseline("switchboard.routes.opus.provider", "anthropic", "switchboard.routes.opus.model", "claude-opus-4-1",
                "switchboard.routes.opus.input-price", "15", "switchboard.routes.opus.output-price", "75"))
                .contains("claude-sonnet");
    }

    @Test
    void noTiersMeansNoBaseline() {
        SwitchboardConfig config = TestConfig.load(TestConfig.seed());
        assertThat(SpendLedger.Baseline.of(new RouteTable(config), config)).isEmpty();
    }
}

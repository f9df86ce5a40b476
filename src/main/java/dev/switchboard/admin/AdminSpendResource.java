package dev.switchboard.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.switchboard.cost.SpendLedger;
import dev.switchboard.cost.SpendReport;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code GET /admin/spend}: USD spent since start at the routes' configured prices, per route, per
 * caller and per tier of auto requests. Guarded by the admin key when one is set.
 */
@Path("/admin/spend")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSpendResource {

    private final SpendLedger ledger;

    public AdminSpendResource(SpendLedger ledger) {
        this.ledger = ledger;
    }

    /** Copies totals out of memory under the ledger's short lock, so it answers on the event loop. */
    @GET
    @NonBlocking
    public SpendReport spend() {
        return ledger.spend();
    }
}

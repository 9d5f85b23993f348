package dev.darkroom.orchestrator.billing;

import java.math.BigDecimal;

/**
 * A tenant's money in one month.
 *
 * @param reservedUsd estimates held by unfinished jobs
 * @param spentUsd settled cost of succeeded jobs
 */
public record Balance(BigDecimal reservedUsd, BigDecimal spentUsd) {

    /** Spent plus reserved: what the budget must cover. */
    public BigDecimal committedUsd() {
        return reservedUsd.add(spentUsd);
    }
}

package dev.darkroom.orchestrator.billing;

import dev.darkroom.contracts.catalog.Catalog;
import dev.darkroom.orchestrator.api.Money;
import dev.darkroom.orchestrator.security.TenantScope;
import dev.darkroom.support.problems.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/usage}: what the tenant was charged for, by day (UTC) and model, from the settled ledger. */
@RestController
class UsageController {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long megapixel;

    UsageController(JdbcClient jdbc, Clock clock, Catalog catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.megapixel = catalog.megapixelPixels();
    }

    /**
     * One day and model.
     *
     * @param day the day (UTC) the jobs were settled
     * @param model Darkroom's model id
     * @param jobs succeeded jobs
     * @param images images produced
     * @param megapixels megapixels produced, two decimals
     * @param videoSeconds seconds of video produced
     * @param costUsd what was charged
     */
    record Row(
            LocalDate day,
            String model,
            long jobs,
            long images,
            BigDecimal megapixels,
            BigDecimal videoSeconds,
            String costUsd) {}

    /**
     * @param from first day, inclusive
     * @param to last day, inclusive
     * @param rows by day, then model
     * @param totalCostUsd sum of the rows
     */
    record Usage(LocalDate from, LocalDate to, List<Row> rows, String totalCostUsd) {}

    @GetMapping("/v1/usage")
    Usage usage(
            TenantScope scope, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = date(from, "from", today.withDayOfMonth(1));
        LocalDate end = date(to, "to", today);
        if (end.isBefore(start) || start.plusDays(366).isBefore(end)) {
            throw new InvalidRequestException("to", "to must be on or after from, at most 366 days later");
        }
        List<Row> rows = jdbc.sql("""
                        select (l.created_at at time zone 'UTC')::date, j.model, count(*),
                               coalesce(sum(o.images), 0), coalesce(sum(o.pixels), 0), coalesce(sum(o.seconds), 0),
                               sum(l.amount_usd)
                          from ledger_entry l
                          join job j on j.id = l.job_id
                          left join lateral (select count(*) filter (where width is not null) as images,
                                                    sum(width::numeric * height) as pixels,
                                                    sum(duration_seconds) as seconds
                                               from job_output where job_id = j.id) o on true
                         where l.tenant_id = ? and l.kind = 'settle' and l.created_at >= ? and l.created_at < ?
                         group by 1, 2
                         order by 1, 2
                        """)
                .params(
                        scope.tenantId(),
                        Timestamp.from(start.atStartOfDay().toInstant(ZoneOffset.UTC)),
                        Timestamp.from(end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query((rs, n) -> new Row(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5).divide(BigDecimal.valueOf(megapixel), 2, RoundingMode.HALF_UP),
                        wholeOrDecimal(rs.getBigDecimal(6)),
                        Money.format(rs.getBigDecimal(7))))
                .list();
        BigDecimal total = rows.stream().map(r -> new BigDecimal(r.costUsd())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Usage(start, end, rows, Money.format(total));
    }

    /** 10.000 as 10, 6.5 as 6.5: no trailing zeros and no exponent. */
    private static BigDecimal wholeOrDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static LocalDate date(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, field + " must be a date such as 2026-11-01");
        }
    }
}

package dev.darkroom.orchestrator.jobs;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One stored output file of a job. The (job, index) key makes a second copy of an output impossible. */
@Entity
@Table(name = "job_output")
@IdClass(JobOutput.Key.class)
class JobOutput {

    @Id
    private UUID jobId;

    @Id
    private int idx;

    private String objectKey;
    private String contentType;
    private long bytes;
    private String sha256;
    private Integer width;
    private Integer height;
    private BigDecimal durationSeconds;
    private Instant createdAt;

    protected JobOutput() {}

    /** Composite key of {@link JobOutput}. */
    record Key(UUID jobId, int idx) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    public UUID jobId() {
        return jobId;
    }

    public int index() {
        return idx;
    }

    public String objectKey() {
        return objectKey;
    }

    public String contentType() {
        return contentType;
    }

    public long bytes() {
        return bytes;
    }

    public String sha256() {
        return sha256;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public BigDecimal durationSeconds() {
        return durationSeconds;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
